// What the console's tag scanner takes from a decoded QR code (src/pages/console/client/tag-url.ts):
// this service's verify URLs, as printed, and nothing else; and everything it takes, the service's
// add-items path reads as a certificate (presentedItem), so a scanned tag never fails as unreadable.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Encode } from "../../src/core/base32.js";
import { verifyUrl } from "../../src/core/url.js";
import { tagUrl } from "../../src/pages/console/client/tag-url.js";
import { presentedItem } from "../../src/service/shipments.js";

const ORIGIN = "https://asli.example";
const token = fc.uint8Array({ minLength: 91, maxLength: 91 }).map(base32Encode);
const serial = fc.uint8Array({ minLength: 8, maxLength: 8 }).map(base32Encode);

describe("the tag scanner's reading of a QR code", () => {
  it("takes this service's verify URLs (a tag's token, a document's certificate number), in any case", () => {
    fc.assert(
      fc.property(fc.oneof(token, serial), (segment) => {
        const printed = verifyUrl(ORIGIN, segment);
        expect(tagUrl(printed, ORIGIN)).toBe(printed);
        expect(tagUrl(` ${printed.toLowerCase()}/ `, ORIGIN)).toBe(printed);
      }),
    );
  });

  it("refuses another site, another scheme or port, a query, a fragment, another path, plain text", () => {
    const [t] = fc.sample(token, 1);
    const printed = verifyUrl(ORIGIN, t!);
    for (const text of [
      verifyUrl("https://asli.example.evil", t!),
      verifyUrl("http://asli.example", t!),
      verifyUrl("https://asli.example:8443", t!),
      `${printed}?x=1`,
      `${printed}#x`,
      printed.replace("/V/", "/S/"),
      printed.slice(0, -1),
      `${printed}A`,
      printed.replace("HTTPS://", "HTTPS://user@"),
      t!,
      "hello",
      "",
    ]) {
      expect(tagUrl(text, ORIGIN), text).toBeNull();
    }
  });

  it("never throws; what it takes is printed form, stable, and read by the service as a certificate", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.webUrl(), fc.oneof(token, serial).map((s) => verifyUrl(ORIGIN, s))), (text) => {
        const taken = tagUrl(text, ORIGIN);
        if (taken === null) return;
        expect(taken).toMatch(/^HTTPS:\/\/ASLI\.EXAMPLE\/V\/([A-Z2-7]{13}|[A-Z2-7]{146})$/);
        expect(tagUrl(taken, ORIGIN)).toBe(taken);
        expect(presentedItem(taken)).not.toBeNull();
      }),
    );
  });
});
