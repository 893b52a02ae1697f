// docs/certificate-format.md §6.1 "Verify URLs": the lenient reading of verify URLs and typed
// serials, checked against the vectors the document itself holds, plus properties over any input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Encode } from "../../src/core/base32.js";
import { isSerial } from "../../src/core/payload.js";
import { presentedFromSegment, presentedFromText, serialFromText, tokenFromText } from "../../src/core/url.js";
import { docToken, expand, vectors } from "../support/verify-url-vectors.js";

describe("verify URL vectors of docs/certificate-format.md §6.1", () => {
  const urlVectors = vectors("verify-urls");
  it("has both kinds of vector", () => {
    expect(urlVectors.filter(([, want]) => want !== null).length).toBeGreaterThanOrEqual(10);
    expect(urlVectors.filter(([, want]) => want === null).length).toBeGreaterThanOrEqual(5);
  });
  for (const [input, want] of urlVectors) {
    it(`tokenFromText(${JSON.stringify(input)}) is ${want}`, () => {
      expect(tokenFromText(expand(input, docToken))).toBe(want === null ? null : expand(want, docToken));
    });
  }

  for (const [input, want] of vectors("typed-serials")) {
    it(`serialFromText(${JSON.stringify(input)}) is ${want}`, () => {
      expect(serialFromText(input)).toBe(want);
      if (want) expect(isSerial(want)).toBe(true);
    });
  }
});

describe("lenient reading, over any input", () => {
  const serialArb = fc.uint8Array({ minLength: 8, maxLength: 8 }).map(base32Encode);

  it("never throws, and yields only strict base32 tokens and valid serials", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "binary" }), (text) => {
        const token = tokenFromText(text);
        if (token !== null) expect(token).toMatch(/^[A-Z2-7]+$/);
        const serial = serialFromText(text);
        if (serial !== null) expect(isSerial(serial)).toBe(true);
        const presented = presentedFromText(text);
        if (presented?.kind === "token") expect(presented.token).toMatch(/^[A-Z2-7]{146}$/);
        const segment = presentedFromSegment(text);
        if (segment.kind === "serial") expect(isSerial(segment.serial)).toBe(true);
      }),
    );
  });

  it("reads a serial however a person spaces, dashes or cases it", () => {
    const separator = fc.constantFrom("", " ", "-", "  ", "\u2013", "\u00a0");
    fc.assert(
      fc.property(serialArb, fc.array(separator, { minLength: 13, maxLength: 13 }), fc.boolean(), (serial, seps, lower) => {
        const typed = [...serial].map((ch, i) => seps[i] + (lower ? ch.toLowerCase() : ch)).join("");
        expect(serialFromText(typed)).toBe(serial);
        expect(presentedFromSegment(typed)).toEqual({ kind: "serial", serial });
        expect(presentedFromText(typed)).toEqual({ kind: "serial", serial });
      }),
    );
  });

  it("takes a 146-character segment as a token, never as a serial, and keeps its text strict", () => {
    expect(presentedFromSegment(docToken)).toEqual({ kind: "token", token: docToken });
    expect(presentedFromSegment(` ${docToken.toLowerCase()}/`)).toEqual({ kind: "token", token: docToken });
    // Look-alike digits are a typed serial's leniency only: in a token they stay errors.
    const withZero = docToken.replace("O", "0");
    expect(withZero).not.toBe(docToken);
    expect(tokenFromText(withZero)).toBeNull();
    expect(presentedFromSegment(withZero)).toEqual({ kind: "token", token: withZero });
    expect(presentedFromText(withZero)).toBeNull();
    // A pasted verify URL in the home page's box is a token.
    expect(presentedFromText(`https://asli.example/V/${docToken}?utm_source=x`)).toEqual({ kind: "token", token: docToken });
    expect(presentedFromText("not a number")).toBeNull();
  });
});
