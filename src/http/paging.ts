// Cursor pagination: a cursor is an opaque base64url string naming where the next page starts,
// stable under inserts (it names a position, not an offset).
import * as z from "zod";
import { fromBase64url, fromUtf8, toBase64url, utf8 } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  cursor: z.string().max(200).optional(),
};

export function encodeCursor(position: unknown): string {
  return toBase64url(utf8(JSON.stringify(position)));
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(fromUtf8(fromBase64url(cursor))));
  } catch {
    throw new ApiError(400, "invalid-cursor", "Invalid cursor", "pass back the nextCursor of a previous page unchanged");
  }
}

/** Fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function page<T, V>(rows: T[], limit: number, view: (row: T) => V, position: (row: T) => unknown) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null };
}
