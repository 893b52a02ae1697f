// Free text from outside: trimmed, bounded, free of characters that hide, reorder or break it
// (src/core/characters.ts), and never what a spreadsheet would run as a formula (OWASP CSV
// injection) when an exporter or a registry clerk opens an export of it. Every free-text field
// of every service is text(): names, crafts, sellers, titles, materials, reasons, token names,
// GI and product names, and the same fields in batch rows.
import * as z from "zod";
import { findUnsafeCharacter } from "../core/characters.js";

/** Spreadsheets run a cell that starts with one of = + - @ (after any blanks), or a tab or CR, as a formula. */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

export const FORMULA_MESSAGE = "text may not start with = + - @ or a tab: spreadsheets would run it as a formula";

/** Why the text is refused for the characters it holds, or null when it holds none that are refused. */
export function unsafeTextMessage(s: string): string | null {
  const found = findUnsafeCharacter(s);
  return found && `text may not contain ${found.codePoint}, ${found.kind} (no control, line-break, bidirectional or invisible format characters)`;
}

/** Characters first, so that what trimming would remove (a leading NUL, a BOM) is refused too. */
export const safeString = () =>
  z.string().superRefine((s, ctx) => {
    const message = unsafeTextMessage(s);
    if (message) ctx.addIssue({ code: "custom", message, abort: true });
  });

/**
 * The same rules as text(max), without building issues: the trimmed text when `s` passes them,
 * else null (then text(max) says why). For checking thousands of batch rows at once.
 */
export function acceptedText(s: unknown, max: number): string | null {
  if (typeof s !== "string" || FORMULA_START.test(s) || findUnsafeCharacter(s)) return null;
  const trimmed = s.trim();
  return trimmed.length >= 1 && trimmed.length <= max ? trimmed : null;
}

export const text = (max: number) =>
  safeString()
    .refine((s) => !FORMULA_START.test(s), FORMULA_MESSAGE)
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(max));
