// Claim codes as people type them, and country codes as a proxy sends them: both are outside
// input, read by small parsers that must never throw and never accept what they should not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH, formatClaimCode, generateClaimCode, readClaimCode } from "../../src/service/claims.js";
import { countryCode, trustedHeaderCountry } from "../../src/service/scans.js";

const codeArb = fc.string({ unit: fc.constantFrom(...CLAIM_CODE_ALPHABET), minLength: CLAIM_CODE_LENGTH, maxLength: CLAIM_CODE_LENGTH });
const FULL_WIDTH_OFFSET = 0xfee0;

describe("claim codes", () => {
  it("are ten characters of the alphabet without look-alikes, printed as two groups of five", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateClaimCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
      expect(readClaimCode(formatClaimCode(code))).toBe(code);
    }
    expect(CLAIM_CODE_ALPHABET).toHaveLength(32);
    expect(CLAIM_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it("read back whatever case, spaces, dashes or full-width forms a person types them in", () => {
    fc.assert(
      fc.property(codeArb, fc.constantFrom(" ", "-", "  ", " - ", "\u2010", "\u2212", ""), fc.boolean(), fc.boolean(), (code, gap, lower, fullWidth) => {
        let typed = `${code.slice(0, 5)}${gap}${code.slice(5)}`;
        if (lower) typed = typed.toLowerCase();
        if (fullWidth) typed = [...typed].map((ch) => (/[0-9A-Za-z]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET) : ch)).join("");
        expect(readClaimCode(` ${typed} `)).toBe(code);
      }),
    );
  });

  it("refuse anything else without throwing: a result is always a code of the alphabet", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (typed) => {
        const code = readClaimCode(typed);
        if (code !== null) {
          expect(code).toHaveLength(CLAIM_CODE_LENGTH);
          for (const ch of code) expect(CLAIM_CODE_ALPHABET).toContain(ch);
        }
      }),
    );
    for (const typed of ["", "ABCDE", "ABCDE-FGHJK-L", "ABCDE-FGHJ0", "ABCDE-FGHJO", "ABCDE-FGHJI", "ABCDE_FGHJK", "A".repeat(65)]) expect(readClaimCode(typed)).toBeNull();
  });
});

describe("country codes from a trusted proxy", () => {
  it("take two letters only, upper-cased, and XX (unknown) as none", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (value) => {
        const code = countryCode(value);
        if (code !== null) expect(code).toMatch(/^[A-Z]{2}$/);
      }),
    );
    expect(countryCode("in")).toBe("IN");
    expect(countryCode("XX")).toBeNull();
    expect(countryCode("IND")).toBeNull();
    expect(countryCode("203.0.113.7")).toBeNull();
  });

  it("are read only from the header the operator names, and the name must be a header name", () => {
    const request = new Request("https://asli.example/", { headers: { "cf-ipcountry": "AE", "x-country": "FR" } });
    expect(trustedHeaderCountry(undefined)(request)).toBeNull();
    expect(trustedHeaderCountry("")(request)).toBeNull();
    expect(trustedHeaderCountry("CF-IPCountry")(request)).toBe("AE");
    expect(() => trustedHeaderCountry("bad header")).toThrow(/TRUSTED_COUNTRY_HEADER/);
  });
});
