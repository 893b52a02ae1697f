// The one database type the repositories accept: drizzle's async SQLite dialect, which both
// the libSQL driver (Node, Turso) and the D1 driver (Workers) implement, batches included.
import { sql, type Column, type SQL } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema.js";

export { schema };
export type Schema = typeof schema;

export type AsliDatabase = BaseSQLiteDatabase<"async", any, Schema> & {
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/**
 * Whether a write failed on a UNIQUE constraint, optionally on a given `table.column`. SQLite
 * words it the same on libSQL and D1: "UNIQUE constraint failed: t.a, t.b".
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const match = /UNIQUE constraint failed: ([\w., ]+)/.exec(e.message);
    if (match) return column === undefined || match[1]!.split(",").some((c) => c.trim() === column);
  }
  return false;
}

/** Whether a write failed on a NOT NULL constraint of `table.column`: how a conditional insert (a value from a subquery that found nothing) refuses. */
export function isNotNullViolation(error: unknown, column: string): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const match = /NOT NULL constraint failed: ([\w.]+)/.exec(e.message);
    if (match) return match[1] === column;
  }
  return false;
}

/** LIKE with the pattern's own wildcards escaped: a search for "50%" means those characters. */
export function containsText(column: Column, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}
