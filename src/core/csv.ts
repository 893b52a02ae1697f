// A strict RFC 4180 CSV reader for request bodies. Strict because a lenient reader guesses,
// and a guessed field in a batch of certificates is a wrong signed claim: a quote inside an
// unquoted field, text after a closing quote or an unterminated quote is an error with the
// row it is on, never a repair. Rows are counted the way a spreadsheet shows them (the first
// record is row 1), so that an error's row number is the one the user sees in their sheet.
import { utf8 } from "./bytes.js";

export interface CsvRecord {
  /** 1-based, counting every record including blank lines, as a spreadsheet numbers rows. */
  row: number;
  fields: string[];
}

export type CsvErrorCode = "csv-unterminated-quote" | "csv-stray-quote" | "csv-text-after-quote" | "csv-too-many-rows";

export interface CsvError {
  code: CsvErrorCode;
  row: number;
  message: string;
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvError };

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Parses CSV text (a leading byte-order mark is ignored). Records end at CRLF, LF or a lone
 * CR; a final line break adds no record; blank lines are skipped but still counted as rows.
 * `maxRecords` bounds the work and memory an oversized body can cost: past it the parse
 * stops with `csv-too-many-rows` at the first row beyond the limit.
 */
export function parseCsv(text: string, options: { maxRecords?: number } = {}): CsvParse {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 1;
  const fail = (code: CsvErrorCode, message: string): CsvParse => ({ ok: false, error: { code, row, message } });

  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      // A blank line: a row in a spreadsheet, no record here.
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      row++;
      continue;
    }
    if (records.length >= maxRecords) return fail("csv-too-many-rows", `more than ${maxRecords} records`);
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return fail("csv-unterminated-quote", "a quoted field is never closed");
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR) {
          return fail("csv-text-after-quote", "text follows the closing quote of a field: quote the whole field");
        }
        field = value;
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) return fail("csv-stray-quote", "a quote inside an unquoted field: quote the field and double the quote");
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) {
          fields.push("");
          break;
        }
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    records.push({ row, fields });
    row++;
  }
  return { ok: true, records };
}

/**
 * One record as RFC 4180 text, quoting only what needs it, plus a lone empty field (it would
 * read back as a blank line) and a leading U+FEFF (it would read back as a byte-order mark).
 */
export function formatCsvRecord(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === "") return '""';
  return fields.map((f) => (/[",\r\n]|^\ufeff/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
}

export interface InvalidUtf8Field {
  row: number;
  /** 0-based index of the field in its record. */
  field: number;
}

/**
 * Where a CSV body that is not valid UTF-8 goes wrong, field by field. CSV's structural
 * characters are ASCII, and no byte of a multi-byte UTF-8 sequence (valid or not) is ASCII,
 * so the body read one character per byte has the same records and fields as it would have
 * had in UTF-8: each field's bytes can then be checked on their own.
 */
export function findInvalidUtf8(bytes: Uint8Array, options: { maxRecords?: number } = {}): InvalidUtf8Field[] | CsvError {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // A UTF-8 byte-order mark read this way is three characters; drop it like parseCsv drops U+FEFF.
  if (binary.startsWith("\xef\xbb\xbf")) binary = binary.slice(3);
  const parsed = parseCsv(binary, options);
  if (!parsed.ok) return parsed.error;
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const invalid: InvalidUtf8Field[] = [];
  for (const record of parsed.records) {
    record.fields.forEach((field, index) => {
      const fieldBytes = Uint8Array.from(field, (ch) => ch.charCodeAt(0));
      try {
        strict.decode(fieldBytes);
      } catch {
        invalid.push({ row: record.row, field: index });
      }
    });
  }
  return invalid;
}

/** UTF-8 text of a CSV body, or null when the bytes are not UTF-8 (then see findInvalidUtf8). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The CSV body of records, with CRLF line ends as RFC 4180 writes them. */
export function formatCsv(records: readonly (readonly string[])[]): Uint8Array {
  return utf8(records.map(formatCsvRecord).join("\r\n") + "\r\n");
}
