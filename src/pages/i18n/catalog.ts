// Message catalogs: one per language in messages/, English the reference. Views never hold
// words of their own; they take a Locale and read its messages. A message may carry
// placeholders in braces, {name}, which `fill` replaces; test/core/i18n.test.ts holds every
// catalog to English's keys and placeholders.
//
// Only English is built in. The other languages are added by the runtime before a request that
// needs them is answered (loadCatalogsFor in src/http/pages.ts): on Node all at start, on
// Workers each on its first use, as a module of its own, so that the module every scan loads
// does not carry nine languages (all-catalogs.ts has them all, for Node and the tests).
import { en } from "./messages/en.js";
import type { enConsole } from "./messages/en-console.js";
import { LANGUAGES, type Language } from "./languages.js";

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English whole: en.ts, with the rest of its console section from en-console.ts. */
type English = Omit<typeof en, "console"> & { console: typeof en.console & typeof enConsole };

/** Every message, shaped as the English catalog is. */
export type Messages = Strings<English>;
/** The sections every language must have; the console's are needed in its languages only. */
export type PublicMessages = Omit<Messages, "console">;

/** A language's catalog: the public sections, and the console's in the console's languages. */
export type Catalog = PublicMessages & Partial<Pick<Messages, "console">>;

// English's console section holds only the slip and the claim card until addEnglishConsole: the
// console, which reads the rest, adds it before it speaks.
const catalogs = new Map<Language, Catalog>([["en", en as unknown as Catalog]]);

/** Makes a language's catalog available to `locale`. */
export function addCatalog(lang: Language, catalog: Catalog): void {
  catalogs.set(lang, catalog);
}

export function hasCatalog(lang: Language): boolean {
  return catalogs.has(lang);
}

/** True once every language is loaded (on Node, after the first request that needed one). */
export function hasEveryCatalog(): boolean {
  return catalogs.size === Object.keys(LANGUAGES).length;
}

/** Replaces each {name} in a message with its value; an unknown placeholder stays as written, so a test can catch it. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The placeholders of a message, for the catalog test. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** A page's language with what it needs to speak it: its messages, direction, and Intl formats. */
export interface Locale {
  lang: Language;
  /** BCP 47 tag for `<html lang>` and Intl. */
  tag: string;
  dir: "ltr" | "rtl";
  messages: PublicMessages;
  /** A calendar date (YYYY-MM-DD) or an instant (ISO 8601), as a reader of this language writes it; India's time zone, where certificates are issued. */
  date(value: string): string;
  number(value: number): string;
  /** Items of data (materials) joined as this language punctuates a list. */
  list(values: readonly string[]): string;
  /** What separates two sentences set on one line: " ", or "" in Chinese and Japanese. */
  sentenceGap: string;
}

const formats = new Map<Language, { date: Intl.DateTimeFormat; day: Intl.DateTimeFormat; number: Intl.NumberFormat }>();

export function locale(lang: Language): Locale {
  // A catalog that could not be loaded: the page in English, labelled as English, rather than none.
  const messages = catalogs.get(lang);
  if (!messages) return locale("en");
  const { tag, dir, listSeparator = ", ", sentenceGap = " " } = LANGUAGES[lang];
  let f = formats.get(lang);
  if (!f) {
    const intl = LANGUAGES[lang].intl ?? tag;
    f = {
      date: new Intl.DateTimeFormat(intl, { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Kolkata" }),
      // A calendar date names a day, not an instant: formatted in UTC so that no time zone moves it.
      day: new Intl.DateTimeFormat(intl, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
      number: new Intl.NumberFormat(intl),
    };
    formats.set(lang, f);
  }
  const { date, day, number } = f;
  return {
    lang,
    tag,
    dir,
    messages,
    date: (value) => unbroken(lang, /^\d{4}-\d{2}-\d{2}$/.test(value) ? day.formatToParts(new Date(`${value}T00:00:00Z`)) : date.formatToParts(new Date(value))),
    number: (value) => number.format(value),
    list: (values) => values.join(listSeparator),
    sentenceGap,
  };
}

/**
 * A formatted date that never breaks across lines (its spaces no-break spaces), with French's
 * ordinal for the first of a month: "1er mars 2026".
 */
function unbroken(lang: Language, parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((p) => (p.type === "day" && lang === "fr" && p.value === "1" ? "1er" : p.type === "literal" ? p.value.replace(/ /g, "\u00a0") : p.value)).join("");
}

/**
 * Completes English with the rest of its console section (messages/en-console.ts): the console
 * does, before it speaks (src/http/console-app.ts), and all-catalogs.ts. Until then English has
 * what the public pages and documents need, the console's slip and claim card included.
 */
export function addEnglishConsole(rest: typeof enConsole): Catalog {
  englishWhole ??= { ...en, console: { ...en.console, ...rest } };
  catalogs.set("en", englishWhole);
  return englishWhole;
}

let englishWhole: Catalog | undefined;

/** The console's locale: its languages have every section, the console's included (English once addEnglishConsole has run). */
export function consoleMessages(lang: "en" | "hi"): Messages {
  return (catalogs.get(lang) ?? catalogs.get("en")) as Messages;
}
