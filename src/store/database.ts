// The one database type the repositories accept: drizzle's async SQLite dialect, which both
// the libSQL driver (Node, Turso) and the D1 driver (Workers) implement, batches included.
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema.js";

export { schema };
export type Schema = typeof schema;

export type AsliDatabase = BaseSQLiteDatabase<"async", any, Schema> & {
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/** SQLite reports constraint violations with this text on both libSQL and D1. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const text = collectMessages(error);
  return text.includes("UNIQUE constraint failed") && (column === undefined || text.includes(column));
}

function collectMessages(error: unknown): string {
  let text = "";
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) text += ` ${e.message}`;
  return text;
}
