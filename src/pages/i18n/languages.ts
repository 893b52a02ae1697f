// The languages pages speak, and how a page picks one: an explicit choice (?lang=, then the
// `lang` cookie it leaves), else the browser's Accept-Language, else English. Pure: routes hand
// in the three header values, so the same choice is made on both runtimes.

// `intl` is the tag Intl formats with, where it differs from `tag`: English dates as "1 March
// 2026", which reads the same in Delhi, Dubai and Hamburg.
interface LanguageSpec {
  /** BCP 47 tag for `<html lang>`. */
  tag: string;
  intl?: string;
  /** The language's own name for itself, as a switcher shows it. */
  name: string;
  dir: "ltr" | "rtl";
  /** What separates the items of a list of data (materials): typography, not grammar, so no "and". Default ", ". */
  listSeparator?: string;
  /** What goes between two sentences joined on one line: a space, or nothing in Chinese and Japanese. Default " ". */
  sentenceGap?: string;
}

export type Language = "en" | "hi" | "ur" | "ar" | "fr" | "de" | "es" | "ja" | "zh";

export const LANGUAGES: Readonly<Record<Language, LanguageSpec>> = {
  en: { tag: "en", intl: "en-GB", name: "English", dir: "ltr" },
  hi: { tag: "hi", name: "हिन्दी", dir: "ltr" },
  ur: { tag: "ur", name: "اردو", dir: "rtl", listSeparator: "، " },
  ar: { tag: "ar", name: "العربية", dir: "rtl", listSeparator: "، " },
  fr: { tag: "fr", name: "Français", dir: "ltr" },
  de: { tag: "de", name: "Deutsch", dir: "ltr" },
  es: { tag: "es", name: "Español", dir: "ltr" },
  ja: { tag: "ja", name: "日本語", dir: "ltr", listSeparator: "、", sentenceGap: "" },
  zh: { tag: "zh-Hans", name: "简体中文", dir: "ltr", listSeparator: "、", sentenceGap: "" },
};

/** The buyers' pages (verify, home, report, shipment): every language above. */
export const PUBLIC_LANGUAGES = Object.keys(LANGUAGES) as Language[];
/** The console, for registry staff and artisans in Uttar Pradesh. */
export const CONSOLE_LANGUAGES = ["en", "hi"] as const satisfies readonly Language[];

export const LANGUAGE_COOKIE = "lang";
/** A remembered choice outlives a buying trip: a year. */
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(LANGUAGES, value);
}

export interface LanguageHints {
  /** `?lang=` of the request. */
  query?: string | null;
  /** The `lang` cookie's value. */
  cookie?: string | null;
  /** The Accept-Language header. */
  acceptLanguage?: string | null;
}

export function chooseLanguage(hints: LanguageHints, supported: readonly Language[] = PUBLIC_LANGUAGES): Language {
  for (const explicit of [hints.query, hints.cookie]) {
    const lang = explicit?.trim().toLowerCase();
    if (isLanguage(lang) && supported.includes(lang)) return lang;
  }
  for (const range of parseAcceptLanguage(hints.acceptLanguage ?? "")) {
    const lang = matchRange(range, supported);
    if (lang) return lang;
  }
  return "en";
}

/**
 * Language ranges of an Accept-Language header (RFC 9110 §12.5.4), best first; ranges with
 * q=0 and malformed entries are dropped. Bounded: a header of any size costs at most 32 ranges.
 */
export function parseAcceptLanguage(header: string): string[] {
  const ranges: { range: string; q: number; order: number }[] = [];
  for (const [order, part] of header.slice(0, 1024).split(",").slice(0, 32).entries()) {
    const [rawRange, ...params] = part.split(";");
    const range = rawRange!.trim().toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(range)) continue;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.exec(param);
      if (m) q = Number(m[1]);
      else if (/^\s*q\s*=/i.test(param)) q = -1;
    }
    if (q > 0) ranges.push({ range, q, order });
  }
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map((r) => r.range);
}

function matchRange(range: string, supported: readonly Language[]): Language | undefined {
  if (range === "*") return undefined;
  const primary = range.split("-")[0]!;
  return supported.find((lang) => lang === primary);
}
