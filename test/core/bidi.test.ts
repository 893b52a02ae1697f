// The line reordering of the provenance document (src/render/bidi.ts): names, ids and numbers
// typed by users inside Arabic and Urdu sentences. Examples checked against the Unicode
// Bidirectional Algorithm by hand, and properties over any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bidiRuns, type Direction } from "../../src/render/bidi.js";

const visual = (text: string, direction: Direction) => bidiRuns(text, direction).map((r) => `${r.level}:${r.text}`);

describe("bidiRuns", () => {
  it("reorders Latin names, ids and digits inside an Arabic sentence", () => {
    expect(visual("1. Katan silk saree", "rtl")).toEqual(["2:Katan silk saree", "1:. ", "2:1"]);
    expect(visual("الصفحة 1 من 2", "rtl")).toEqual(["2:2", "1: من ", "2:1", "1:الصفحة "]);
    expect(visual("المُصدِّر: Rafiq Ahmad · AB12CD", "rtl")).toEqual(["2:Rafiq Ahmad · AB12CD", "1:المُصدِّر: "]);
    // An Urdu sentence with Extended Arabic-Indic digits (EN) and an id.
    expect(visual("کھیپ ۱۲ اشیا S7K2QX", "rtl")).toEqual(["2:S7K2QX", "1: اشیا ", "2:۱۲", "1:کھیپ "]);
  });

  it("keeps both dates of an Arabic document's sealing date whole: the local one first, the English one starting with a letter (src/service/shipments.ts)", () => {
    // "1 March 2026 · 1 مارس 2026" was printed as "1 1 · March 2026 مارس 2026": after Latin
    // letters the Arabic date's day number joins the English run (W7).
    expect(visual("1 March 2026 · 1 مارس 2026", "rtl")).toContain("2:March 2026 · 1");
    expect(visual("1 مارس 2026 · March 1, 2026", "rtl")).toEqual(["2:March 1, 2026", "1: · ", "2:2026", "1: مارس ", "2:1"]);
    expect(visual("1 مارچ، 2026 · March 1, 2026", "rtl")).toEqual(["2:March 1, 2026", "1: · ", "2:2026", "1: مارچ، ", "2:1"]);
  });

  it("keeps an Arabic phrase in a left-to-right line as one right-to-left run", () => {
    expect(visual("Exporter · المُصدِّر", "ltr")).toEqual(["0:Exporter · ", "1:المُصدِّر"]);
    expect(visual("Consignee · المرسَل إليه: Al Noor", "ltr")).toEqual(["0:Consignee · ", "1:المرسَل إليه", "0:: Al Noor"]);
  });

  it("keeps numbers with their separators and terminators (W4, W5), and digits after Arabic letters as Arabic numbers (W2)", () => {
    expect(visual("قطعة 1,250 اليوم", "rtl")).toEqual(["1: اليوم", "2:1,250", "1:قطعة "]);
    expect(visual("Price 12.5% today", "ltr")).toEqual(["0:Price 12.5% today"]);
    expect(visual("#42 نص", "rtl")).toEqual(["1: نص", "2:#42"]);
  });

  it("puts neutrals between runs of different directions at the paragraph's level (N2) and trailing spaces too (L1)", () => {
    expect(visual("abc (نص) def", "ltr")).toEqual(["0:abc (", "1:نص", "0:) def"]);
    expect(visual("نص abc ", "rtl")).toEqual(["1: ", "2:abc", "1:نص "]);
  });

  it("keeps a bracket pair together around what it encloses (N0)", () => {
    expect(visual("منتج المقاطعة (ODOP): Banarasi Silk Saree", "rtl")).toEqual(["2:Banarasi Silk Saree", "1:): ", "2:ODOP", "1:منتج المقاطعة ("]);
    expect(visual("a (b) c", "rtl")).toEqual(["2:a (b) c"]);
    expect(visual("Banaras (رقم 99)", "ltr")).toEqual(["0:Banaras (", "2:99", "1:رقم ", "0:)"]);
  });

  const arabicWord = fc.constantFrom("المصدر", "شهادة", "قطعة", "ماخذ", "کھیپ", "وصول", "المُصدِّر");
  const latinWord = fc.constantFrom("Rafiq", "Ahmad", "Varanasi", "GmbH", "S7K2QX", "Katan");
  const anyText = fc.string({ unit: "binary", maxLength: 60 });
  const mixed = fc.array(fc.oneof(arabicWord, latinWord, fc.constantFrom("12", "١٢", "۱۲", "·", ":", "(", ")", "،", "-", "%", "\u064e", "\u200f")), { maxLength: 12 }).map((words) => words.join(" "));
  const direction = fc.constantFrom<Direction>("ltr", "rtl");

  it("partitions any line into runs that cover it once, never splitting a surrogate pair, with neighbours at different levels", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixed), direction, (text, dir) => {
        const runs = bidiRuns(text, dir);
        const logical = [...runs].sort((a, b) => a.start - b.start);
        expect(logical.map((r) => r.text).join("")).toBe(text);
        let at = 0;
        for (const run of logical) {
          expect(run.start).toBe(at);
          expect(run.text).toBe(text.slice(run.start, run.end));
          expect(run.end).toBeGreaterThan(run.start);
          const code = text.charCodeAt(run.start);
          expect(code >= 0xdc00 && code <= 0xdfff && run.start > 0 && text.charCodeAt(run.start - 1) >= 0xd800 && text.charCodeAt(run.start - 1) <= 0xdbff).toBe(false);
          expect(run.direction).toBe(run.level % 2 === 1 ? "rtl" : "ltr");
          at = run.end;
        }
        for (let i = 1; i < logical.length; i++) expect(logical[i]!.level).not.toBe(logical[i - 1]!.level);
        for (const run of runs) expect(run.level).toBeGreaterThanOrEqual(dir === "rtl" ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it("sets Arabic-script letters right to left and Latin letters and digits left to right, in either paragraph", () => {
    fc.assert(
      fc.property(mixed, direction, (text, dir) => {
        for (const run of bidiRuns(text, dir)) {
          if (/\p{Script=Arabic}/u.test(run.text.replace(/[\u064b-\u065f\u0660-\u0669\u06f0-\u06f9\u060c]/g, ""))) expect(run.direction, run.text).toBe("rtl");
          if (/[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9]/.test(run.text)) expect(run.direction, run.text).toBe("ltr");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("draws words of one direction in the paragraph's reading order: a right-to-left line of Arabic and Latin words reads right to left word by word", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arabicWord, latinWord), { minLength: 1, maxLength: 10 }), (words) => {
        const text = words.join(" ");
        // Visual order, right to left, of the strong runs' words, equals the logical order
        // once each left-to-right run is read left to right.
        const runs = bidiRuns(text, "rtl").reverse();
        const read = runs.flatMap((r) => r.text.split(" ").filter(Boolean));
        expect(read).toEqual(words);
        // A line of one direction's words alone is one run.
        expect(bidiRuns(words.filter((w) => /[A-Za-z]/.test(w)).join(" ") || "x", "ltr")).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
