import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "../../src/core/bytes.js";
import { CERTIFICATES_PER_STATEMENT, MAX_STATEMENT_JSON_BYTES, statementChunks } from "../../src/store/batches.js";

const bytes = (rows: string[]) => new TextEncoder().encode(`[${rows.join(",")}]`).length;

describe("batch insert statements", () => {
  it("keep every row, in order, within D1's value size and our row count", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 3000 }), { maxLength: 1500 }), (rows) => {
        const chunks = statementChunks(rows);
        expect(chunks.flat()).toEqual(rows);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(CERTIFICATES_PER_STATEMENT);
          if (chunk.length > 1) expect(bytes(chunk)).toBeLessThanOrEqual(MAX_STATEMENT_JSON_BYTES);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("splits 10,000 maximal Devanagari rows into statements under 1 MB", () => {
    const row = JSON.stringify(["प्रमाणित".repeat(25), Array(20).fill("ज़री".repeat(20))]);
    const chunks = statementChunks(Array(10_000).fill(row));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(bytes(chunk)).toBeLessThanOrEqual(MAX_STATEMENT_JSON_BYTES);
  });

  it("count UTF-8 bytes as TextEncoder writes them, surrogates and all", () => {
    const encoded = (text: string) => new TextEncoder().encode(text).length;
    for (const text of ["", "a", "é", "प्र", "😀", "\ud83d", "\ude00", "a\ud83d", "\ude00\ud83d", "\ud83d\ud83d\ude00"]) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(encoded(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)), maxLength: 50 }), (a, b) => {
        expect(utf8ByteLength(a + b)).toBe(encoded(a + b));
      }),
    );
  });
});
