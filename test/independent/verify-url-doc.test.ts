// docs/certificate-format.md §6.1, checked with a reader written from its rules alone
// (test/independent/lib/verify-url.ts), on the document's vectors.
import { describe, expect, it } from "vitest";
import { block, jsonBlock, readDoc } from "./lib/doc-blocks";
import { isValidSerial, verifyToken } from "./lib/token";
import { readPathSegment, serialFromTyped, tokenFromText } from "./lib/verify-url";

const doc = readDoc("certificate-format.md");
const token = block(doc, "token");
const expand = (s: string) =>
  s
    .replaceAll("<token>", token)
    .replaceAll("<lower>", token.toLowerCase())
    .replaceAll("<percent>", [...token].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`).join(""));

describe("certificate-format.md §6.1: verify URLs and bare tokens", () => {
  const vectors = jsonBlock<[string, string | null][]>(doc, "verify-urls");
  // DOC AMBIGUITY (reported): the vector `…/V/<token>.` says null ("not a verify URL or token"), but
  // rules 4, 6 and 7 make `<token>.` the URL's token ("whatever follows /V/ is the token", as the
  // `…/V/ABC` vector gives "ABC"), which §5's decoder then refuses. No rule of §6.1 refuses a `.` in
  // the segment. Either reading ends in "malformed", so for that vector we hold the reader to the
  // outcome both readings share: no token is made.
  const SELF_CONTRADICTING = new Set(["https://asli.example/V/<token>."]);
  it.each(vectors)("%j gives %j", (input, expected) => {
    const reading = tokenFromText(expand(input));
    if (SELF_CONTRADICTING.has(input)) {
      expect(reading === null || verifyToken(reading, []).ok === false).toBe(true);
      if (reading !== null) expect(verifyToken(reading, [])).toEqual({ ok: false, reason: "malformed" });
      return;
    }
    expect(reading).toBe(expected === null ? null : expand(expected));
  });

  it("reads the printed URL of the worked example", () => {
    expect(tokenFromText(block(doc, "url"))).toBe(token);
  });

  it("never makes a token of digits the alphabet lacks (rule 7)", () => {
    const withZero = `${token.slice(0, 10)}0${token.slice(11)}`;
    expect(tokenFromText(withZero)).toBeNull();
    expect(tokenFromText(`https://asli.example/V/${withZero}`)).toBe(withZero); // then malformed for the decoder
  });
});

describe("certificate-format.md §6.1: typed serials", () => {
  const vectors = jsonBlock<[string, string | null][]>(doc, "typed-serials");
  it.each(vectors)("%j gives %j", (input, expected) => {
    expect(serialFromTyped(input)).toBe(expected);
  });

  it("reads Extended Arabic-Indic digits and the other dashes", () => {
    expect(serialFromTyped("BOILED۲MOUSEQ")).toBe("BOILED2MOUSEQ");
    expect(serialFromTyped("AEBAG\u2013BAFAY\u2212DQQ\u00ad")).toBe("AEBAGBAFAYDQQ");
    expect(serialFromTyped(`AEBAGBAFAYDQQ${" ".repeat(60)}`)).toBeNull(); // over 64 characters
  });

  // §6.1 typed-serial rule 5 says the last character must leave "the 4 unused bits zero (A or Q)";
  // §3.1 says a serial has 1 unused bit, so its last character is one of 16 (A C E … 6), and its
  // vectors hold 7777777777776 (ffffffffffffffff) as valid. A serial per §3.1 must read as itself.
  it.each(["7777777777776", "AEBAGBAFAYDQC", "AAAAAAAAAAAAY"])("reads the valid serial %s (§3.1) as itself", (serial) => {
    expect(isValidSerial(serial)).toBe(true);
    expect(serialFromTyped(serial)).toBe(serial);
  });
});

describe("certificate-format.md §6.1: token or serial in one path", () => {
  it("takes 146 characters as a token, a serial as a serial, anything else as a token to refuse", () => {
    expect(readPathSegment(token.toLowerCase())).toEqual({ kind: "token", token });
    expect(readPathSegment("aebag-bafay-dqq")).toEqual({ kind: "serial", serial: "AEBAGBAFAYDQQ" });
    expect(readPathSegment("AEBAG%20BAFAY%20DQQ")).toEqual({ kind: "serial", serial: "AEBAGBAFAYDQQ" });
    expect(readPathSegment("hello")).toEqual({ kind: "token", token: "HELLO" });
    expect(readPathSegment("%ZZ")).toEqual({ kind: "malformed" });
  });
});
