// What a buyer types into the report form, property-tested: a price written the way any of the
// pages' languages writes numbers reads back as its amount; no text makes a parser throw or
// answer something outside its canonical form; contacts are emails or phone numbers and never a
// spreadsheet formula. And the form's ticket: it verifies for its own binding and key only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import { FORM_TICKET_LENGTH, issueFormTicket, readFormTicket } from "../../src/core/form-token.js";
import { isContact, parsePrice, reportInput } from "../../src/service/reports.js";

const CANONICAL_PRICE = /^(?:[1-9][0-9]{0,11}|0)(?:\.[0-9]{2})?$/;
// The number formats of the pages' languages, with their own digits and separators.
const FORMATS = ["en-US", "en-IN", "hi-IN-u-nu-deva", "ur-PK", "ar-EG", "ar-AE-u-nu-latn", "fr-FR", "de-DE", "de-CH", "es-ES", "ja-JP", "zh-CN"];

describe("the report form's price", () => {
  it("reads an amount written in any of the pages' number formats, grouped or not, as the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...FORMATS), fc.boolean(), (whole, cents, tag, grouping) => {
        const format = new Intl.NumberFormat(tag, { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2, useGrouping: grouping });
        const typed = format.format(whole + cents / 100);
        const expected = cents ? `${whole}.${String(cents).padStart(2, "0")}` : String(whole);
        expect(parsePrice(typed), `${tag}: ${typed}`).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads the examples the form's messages give, and refuses what is not an amount", () => {
    expect(["1500", "1500.50", "1,500", "1.500", "15,00,000", "12,5", " ४,५०० ", "١٬٥٠٠٫٥٠", "1 500,50", "1'500.50", "１５００"].map(parsePrice)).toEqual([
      "1500", "1500.50", "1500", "1500", "1500000", "12.50", "4500", "1500.50", "1500.50", "1500.50", "1500",
    ]);
    for (const bad of ["", "0", "0.00", "-5", "1e5", "abc", "1,5,0", "12,3456,789", "1..5", ".5", "5.", "₹1500", "1500 INR", "9999999999999"]) expect(parsePrice(bad), bad).toBeNull();
  });

  it("answers null or a canonical amount for any text, never throwing", () => {
    const digitsAndSeparators = fc.string({ unit: fc.constantFrom(..."0123456789.,' \u00a0\u202f\u066b\u066c٠١٢३४५".split("")), maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), digitsAndSeparators), (text) => {
        const price = parsePrice(text);
        if (price !== null) expect(price).toMatch(CANONICAL_PRICE);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the report form's contact", () => {
  it("takes emails and phone numbers as people write them", () => {
    for (const ok of ["buyer@example.org", "a.b+c@mail.example.co.in", "+91 98765 43210", "098765-43210", "(030) 1234567", "+971 4 123 4567"]) expect(isContact(ok), ok).toBe(true);
    for (const bad of ["", "buyer", "@example.org", "buyer@", "=HYPERLINK(\"x\")@a.b", "+1", "12345", "call me maybe", "-1234567", "a@b", "+91 98765 43210 ext 12345678901"]) expect(isContact(bad), bad).toBe(false);
  });

  it("never throws, and what it takes holds no spreadsheet formula", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 130 }), fc.emailAddress(), fc.stringMatching(/^[+(]?[0-9 ().-]{0,25}$/)), (text) => {
        if (isContact(text)) expect(text).not.toMatch(/^[=@\-\t]/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the report form's fields", () => {
  const field = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("IN", "INR", "XX", "", " ", "=1+1", "\u0000"), fc.integer(), fc.constant(undefined));
  it("parses any record of fields into a report or a list of issues, never throwing", () => {
    fc.assert(
      fc.property(
        fc.record({ serial: field, place: field, city: field, country: field, seller: field, priceAmount: field, priceCurrency: field, contact: field, note: field, other: field }, { requiredKeys: [] }),
        (fields) => {
          const result = reportInput.safeParse(fields);
          if (!result.success) return;
          expect(result.data.priceAmount).toMatch(CANONICAL_PRICE);
          for (const text of [result.data.place, result.data.city, result.data.seller]) expect(text.trim()).not.toBe("");
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("the report form's ticket", () => {
  it("reads back its time for its own binding and key, and nothing for another binding, key or any changed character", async () => {
    const key = await signingKeyFromSeed(generateSeed());
    const other = await signingKeyFromSeed(generateSeed());
    const ticket = await issueFormTicket(key, "AAAABBBBCCCCA", 1_772_000_000);
    expect(ticket).toHaveLength(FORM_TICKET_LENGTH);
    expect(await readFormTicket(key, ticket, "AAAABBBBCCCCA")).toMatchObject({ issuedAt: 1_772_000_000, nonce: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await readFormTicket(key, ticket, "")).toBeNull();
    expect(await readFormTicket(other, ticket, "AAAABBBBCCCCA")).toBeNull();
    const again = await issueFormTicket(key, "AAAABBBBCCCCA", 1_772_000_000);
    expect((await readFormTicket(key, again, "AAAABBBBCCCCA"))!.nonce).not.toBe((await readFormTicket(key, ticket, "AAAABBBBCCCCA"))!.nonce);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: ticket.length - 1 }), fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), async (at, ch) => {
        fc.pre(ticket[at] !== ch);
        expect(await readFormTicket(key, ticket.slice(0, at) + ch + ticket.slice(at + 1), "AAAABBBBCCCCA")).toBeNull();
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        expect(await readFormTicket(key, text, "")).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
