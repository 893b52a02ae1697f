import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, findInvalidUtf8, formatCsv, formatCsvRecord, parseCsv } from "../../src/core/csv.js";

const fieldsOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.records.map((r) => r.fields);
};

// Records that survive a round trip: a record that is one empty field is written as "".
const record = fc.array(fc.string({ unit: "binary", maxLength: 12 }), { minLength: 1, maxLength: 6 });

describe("CSV reader", () => {
  it("reads RFC 4180 quoting, CRLF and LF, and a byte-order mark", () => {
    expect(fieldsOf('\ufeffa,b\r\n"x, y","say ""hi"""\n"multi\nline",\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["multi\nline", ""],
    ]);
  });

  it("numbers rows as a spreadsheet does, blank lines included", () => {
    const parsed = parseCsv('h\r\n\r\na\n"two\nlines"\nb');
    expect(parsed.ok && parsed.records.map((r) => [r.row, r.fields[0]])).toEqual([
      [1, "h"],
      [3, "a"],
      [4, "two\nlines"],
      [5, "b"],
    ]);
  });

  it("refuses what a lenient reader would guess at, with the row", () => {
    expect(parseCsv('a\nb"c\n')).toMatchObject({ ok: false, error: { code: "csv-stray-quote", row: 2 } });
    expect(parseCsv('a\n"b"c\n')).toMatchObject({ ok: false, error: { code: "csv-text-after-quote", row: 2 } });
    expect(parseCsv('a\nb\n"c\n')).toMatchObject({ ok: false, error: { code: "csv-unterminated-quote", row: 3 } });
  });

  it("stops at the record limit with the first row past it", () => {
    expect(parseCsv("a\nb\nc\nd\n", { maxRecords: 3 })).toMatchObject({ ok: false, error: { code: "csv-too-many-rows", row: 4 } });
    expect(parseCsv("a\nb\nc\n\n\n", { maxRecords: 3 }).ok).toBe(true);
  });

  it("reads back every record it writes (property)", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.constantFrom("\r\n", "\n"), (records, eol) => {
        const text = records.map(formatCsvRecord).join(eol) + (records.length ? eol : "");
        expect(fieldsOf(text)).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });

  it("answers every input with records or a coded error, never an exception (fuzz)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", ",", '"', "\r", "\n", " ", "é", "\ufeff"), maxLength: 40 }), (text) => {
        const parsed = parseCsv(text);
        if (!parsed.ok) expect(parsed.error.code).toMatch(/^csv-/);
        else for (const r of parsed.records) expect(r.row).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("UTF-8 check of a CSV body", () => {
  it("names the row and field of every cell that is not UTF-8", () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("artisan_id,title\n1,ok\n2,Caf"), 0xe9, ...new TextEncoder().encode(",\n3,\"a\nb\"\n4,x"), 0xff, 0x0a]);
    expect(decodeUtf8(latin1)).toBeNull();
    expect(findInvalidUtf8(latin1)).toEqual([
      { row: 3, field: 1 },
      { row: 5, field: 1 },
    ]);
  });

  it("finds nothing wrong in UTF-8 text, Devanagari and a byte-order mark included (property)", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (records) => {
        const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...formatCsv(records)]);
        expect(findInvalidUtf8(bytes)).toEqual([]);
        expect(decodeUtf8(bytes)).not.toBeNull();
      }),
      { numRuns: 200 },
    );
    expect(findInvalidUtf8(formatCsv([["कारीगर", "ज़िला"]]))).toEqual([]);
  });
});
