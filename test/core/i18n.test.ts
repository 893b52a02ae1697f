import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { fill, locale, placeholders } from "../../src/pages/i18n/catalog.js";
import { CONSOLE_LANGUAGES, LANGUAGES, chooseLanguage, parseAcceptLanguage, type Language } from "../../src/pages/i18n/languages.js";

/** Every message of a catalog section, by its dotted key. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") return out.set(prefix, value);
  for (const [key, child] of Object.entries(value as object)) for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

describe("message catalogs", () => {
  const reference = flatten(CATALOGS.en);
  for (const lang of Object.keys(LANGUAGES) as Language[]) {
    it(`${lang} has every key of English with the same placeholders, and no other`, () => {
      const own = flatten(CATALOGS[lang]);
      const needsConsole = (CONSOLE_LANGUAGES as readonly string[]).includes(lang);
      for (const [key, message] of reference) {
        if (key.startsWith("console.") && !needsConsole) continue;
        expect(own.has(key), `${lang}: ${key} is missing`).toBe(true);
        expect(placeholders(own.get(key)!), `${lang}: ${key}`).toEqual(placeholders(message));
        expect(own.get(key)!.trim(), `${lang}: ${key} is empty`).not.toBe("");
      }
      for (const key of own.keys()) expect(reference.has(key), `${lang}: ${key} is not an English key`).toBe(true);
      if (!needsConsole) expect(CATALOGS[lang]).not.toHaveProperty("console");
    });
  }

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("checked {count} times since {date}", { count: "3", date: "1 March 2026" })).toBe("checked 3 times since 1 March 2026");
    expect(fill("{missing} stays", {})).toBe("{missing} stays");
  });

  it("writes dates and numbers as a reader of the language does", () => {
    expect(locale("hi").date("2026-03-01")).toBe("1\u00a0मार्च\u00a02026");
    expect(locale("en").date("2026-03-01T10:00:00Z")).toBe("1\u00a0March\u00a02026");
    // A date never breaks across lines, and French writes the first of a month as an ordinal.
    expect(locale("fr").date("2026-03-01")).toBe("1er\u00a0mars\u00a02026");
    expect(locale("fr").date("2026-03-02")).toBe("2\u00a0mars\u00a02026");
    for (const lang of ["de", "es", "ja", "zh", "ar", "ur"] as const) expect(locale(lang).date("2026-03-01")).not.toMatch(/ /);
    expect(locale("de").number(12345)).toBe("12.345");
    expect(locale("ar").dir).toBe("rtl");
    expect(locale("zh").tag).toBe("zh-Hans");
  });
});

describe("choosing a language", () => {
  it("prefers ?lang=, then the cookie, then Accept-Language, then English", () => {
    expect(chooseLanguage({ query: "fr", cookie: "de", acceptLanguage: "ja" })).toBe("fr");
    expect(chooseLanguage({ query: "xx", cookie: "de", acceptLanguage: "ja" })).toBe("de");
    expect(chooseLanguage({ acceptLanguage: "ar-AE,ar;q=0.9,en;q=0.8" })).toBe("ar");
    expect(chooseLanguage({ acceptLanguage: "pt-BR, de;q=0.5, en;q=0.7" })).toBe("en");
    expect(chooseLanguage({ acceptLanguage: "zh-CN" })).toBe("zh");
    expect(chooseLanguage({ acceptLanguage: "fr;q=0, de" })).toBe("de");
    expect(chooseLanguage({})).toBe("en");
    expect(chooseLanguage({ query: "fr" }, CONSOLE_LANGUAGES)).toBe("en");
  });

  it("reads any header without throwing, and returns a supported language", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.option(fc.string()), fc.option(fc.string()), (header, query, cookie) => {
        const lang = chooseLanguage({ acceptLanguage: header, query, cookie });
        expect(Object.keys(LANGUAGES)).toContain(lang);
        expect(parseAcceptLanguage(header).length).toBeLessThanOrEqual(32);
      }),
    );
  });
});
