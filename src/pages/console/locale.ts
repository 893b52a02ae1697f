// What every console view speaks with: the console's catalog section in the reader's language
// (English or Hindi), the shared `common` words, and Intl dates in India's time zone.
import { consoleMessages, fill, locale, type Locale, type Messages } from "../i18n/catalog.js";
import { CONSOLE_LANGUAGES, LANGUAGES } from "../i18n/languages.js";

export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

export interface ConsoleLocale {
  lang: ConsoleLanguage;
  tag: string;
  dir: Locale["dir"];
  /** The console's own messages (messages/<lang>.ts, section `console`). */
  t: Messages["console"];
  common: Messages["common"];
  /** A date (YYYY-MM-DD) or an instant, as the reader writes it. */
  date(value: string): string;
  /** An instant with its time of day, India Standard Time. */
  dateTime(value: string): string;
  number(value: number): string;
  fill: typeof fill;
}

const dateTimes = new Map<ConsoleLanguage, Intl.DateTimeFormat>();

export function consoleLocale(lang: ConsoleLanguage): ConsoleLocale {
  const base = locale(lang);
  const messages = consoleMessages(lang);
  let dateTime = dateTimes.get(lang);
  if (!dateTime) {
    // Indian conventions for both languages: "4 March 2026 at 3:30 pm IST".
    dateTime = new Intl.DateTimeFormat(`${LANGUAGES[lang].tag}-IN`, {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: "Asia/Kolkata",
      timeZoneName: "short",
    });
    dateTimes.set(lang, dateTime);
  }
  const format = dateTime;
  return {
    lang,
    tag: base.tag,
    dir: base.dir,
    t: messages.console,
    common: messages.common,
    date: base.date,
    dateTime: (value) => format.format(new Date(value)),
    number: base.number,
    fill,
  };
}
