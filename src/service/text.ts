// Free text from outside: trimmed, bounded, and never what a spreadsheet would run as a formula
// (OWASP CSV injection) when an exporter or a registry clerk opens an export of it.
import * as z from "zod";

/** Spreadsheets run a cell that starts with one of = + - @ (after any blanks), or a tab or CR, as a formula. */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

export const FORMULA_MESSAGE = "text may not start with = + - @ or a tab: spreadsheets would run it as a formula";

export const text = (max: number) =>
  z
    .string()
    .refine((s) => !FORMULA_START.test(s), FORMULA_MESSAGE)
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(max));
