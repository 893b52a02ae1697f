import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gstinCheckCharacter, isValidGstin, isValidUdyam } from "../../src/core/identifiers.js";

describe("GSTIN", () => {
  it("accepts published GSTINs and rejects them with any other check character", () => {
    // Sample GSTINs printed in GST portal and tax guides.
    for (const gstin of ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "09AAACK1234A1Z8"]) {
      expect(isValidGstin(gstin)).toBe(true);
      for (const c of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
        if (c !== gstin[14]) expect(isValidGstin(gstin.slice(0, 14) + c)).toBe(false);
      }
    }
  });

  it("rejects wrong shapes, state codes and any single changed character", () => {
    for (const bad of ["", "27AAPFU0939F1Z", "27AAPFU0939F1ZVX", "27aapfu0939f1zv", "00AAPFU0939F1Z" + gstinCheckCharacter("00AAPFU0939F1Z"), "2712345678901ZV", "27AAPFU0939F0Z" + gstinCheckCharacter("27AAPFU0939F0Z")]) {
      expect(isValidGstin(bad)).toBe(false);
    }
    const valid = "27AAPFU0939F1ZV";
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), (i, c) => {
        fc.pre(valid[i] !== c);
        expect(isValidGstin(valid.slice(0, i) + c + valid.slice(i + 1))).toBe(false);
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => void isValidGstin(s)));
  });
});

describe("Udyam registration number", () => {
  it("has the UDYAM-XX-00-0000000 shape", () => {
    expect(isValidUdyam("UDYAM-UP-65-0012345")).toBe(true);
    for (const bad of ["UDYAM-UP-65-001234", "UDYAM-U1-65-0012345", "udyam-up-65-0012345", "UAM-UP-65-0012345"]) expect(isValidUdyam(bad)).toBe(false);
  });
});
