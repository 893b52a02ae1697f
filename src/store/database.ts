// The one database type the repositories accept: drizzle's async SQLite dialect, which both
// the libSQL driver (Node, Turso) and the D1 driver (Workers) implement, batches included.
import { getTableColumns, is, SQL, sql, type Column } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
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

/** LIKE with the pattern's own wildcards escaped: a search for "50%" means those characters. */
export function containsText(column: Column, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * One row, inserted only if `condition` holds when the statement runs: INSERT … SELECT … WHERE.
 * In a db.batch (one transaction on both drivers) this makes a write conditional on the state
 * the batch's earlier statements left, e.g. an audit entry on `ROW_CHANGED`. Values are
 * encoded by their columns as in an ordinary insert; a value may be SQL.
 */
export function insertIf<T extends SQLiteTable>(db: AsliDatabase, table: T, values: { [K in keyof T["$inferInsert"]]: T["$inferInsert"][K] | SQL }, condition: SQL) {
  // drizzle writes every insertable column of the table, in schema order, for insert…select.
  const selected = Object.entries(getTableColumns(table))
    .filter(([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
    .map(([key, column]) => {
      const value = (values as Record<string, unknown>)[key];
      if (value === undefined) return column.default === undefined ? sql`null` : is(column.default, SQL) ? column.default : sql.param(column.default, column);
      return is(value, SQL) ? value : sql.param(value, column);
    });
  return db.insert(table).select(sql`select ${sql.join(selected, sql`, `)} where ${condition}`);
}

/** True right after a statement that changed exactly one row: the guard of the statement after it in a batch. */
export const ROW_CHANGED = sql`changes() = 1`;
