// The pure parsers of outside input added for issue 10: instants (src/core/time.ts) and the
// characters free text may not hold (src/core/characters.ts), held to independent references.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUnsafeCharacter, UNSAFE_CHARACTERS } from "../../src/core/characters.js";
import { parseInstant } from "../../src/core/time.js";

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

describe("parseInstant", () => {
  const parts = fc.record({
    date: fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9998-12-31T23:59:59Z"), noInvalidDate: true }),
    offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    zeros: fc.constantFrom("", ".0", ".000", ".000000000"),
  });

  it("reads every real instant in whole seconds, in any offset, as Date does", () => {
    fc.assert(
      fc.property(parts, ({ date, offsetMinutes, zeros }) => {
        const seconds = Math.floor(date.getTime() / 1000);
        const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
        const zone = offsetMinutes === 0 ? "Z" : `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
        const text = `${local}${zeros}${zone}`;
        expect(parseInstant(text)).toEqual({ seconds });
        expect(Date.parse(text) / 1000).toBe(seconds);
      }),
    );
  });

  it("refuses any fraction of a second that is not zero", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,9}$/), (digits) => {
        fc.pre(/[1-9]/.test(digits));
        expect(parseInstant(`2026-03-01T10:00:30.${digits}Z`)).toEqual({ error: expect.stringContaining("whole seconds") });
      }),
    );
  });

  it("refuses dates and times that do not exist, which Date.parse would roll over", () => {
    for (const text of ["2026-02-29T00:00:00Z", "2026-02-30T10:00:00Z", "2026-04-31T10:00:00Z", "2026-00-10T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z", "2026-03-01T10:00:60Z", "2026-03-01T10:00:00+24:00", "2026-03-01T10:00:00+05:60"]) {
      expect(parseInstant(text), text).toEqual({ error: expect.any(String) });
    }
    expect(parseInstant("2028-02-29T00:00:00Z")).toEqual({ seconds: Date.parse("2028-02-29T00:00:00Z") / 1000 });
  });

  it("never throws, and answers seconds or a reason for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})?$/)), (text) => {
        const parsed = parseInstant(text);
        if ("seconds" in parsed) expect(Number.isSafeInteger(parsed.seconds)).toBe(true);
        else expect(parsed.error.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("characters free text may not hold", () => {
  /** The reference, code point by code point from the rule's own words. */
  function unsafe(code: number, char: string): boolean {
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (code === 0x2028 || code === 0x2029) return true;
    if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return true;
    if ([0x115f, 0x1160, 0x3164, 0xffa0].includes(code)) return true;
    return /\p{Cf}/u.test(char) && code !== 0x200c && code !== 0x200d;
  }

  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }).map((units) => String.fromCharCode(...units)),
  );

  it("finds the first such character, exactly where the reference does", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let expected: string | null = null;
        for (const char of text) {
          const code = char.codePointAt(0)!;
          if (unsafe(code, char)) {
            expected = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
            break;
          }
        }
        expect(findUnsafeCharacter(text)?.codePoint ?? null).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves text with nothing but XML characters and no bidirectional control once they are stripped", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const stripped = text.replace(UNSAFE_CHARACTERS, "");
        expect(stripped).not.toMatch(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
        expect(stripped).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u);
        expect(findUnsafeCharacter(stripped)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the joiners that Devanagari and Urdu need, and names what it refuses", () => {
    expect(findUnsafeCharacter("उत्‌पाद क्‍ष")).toBeNull();
    expect(findUnsafeCharacter("a\u001bb")).toEqual({ codePoint: "U+001B", kind: "a control character" });
    expect(findUnsafeCharacter("a\u202eb")).toEqual({ codePoint: "U+202E", kind: "a bidirectional control" });
    expect(findUnsafeCharacter("a\ud800")).toEqual({ codePoint: "U+D800", kind: "half of a surrogate pair" });
    expect(findUnsafeCharacter("a\u{e0041}")).toEqual({ codePoint: "U+E0041", kind: "an invisible character" });
  });
});
