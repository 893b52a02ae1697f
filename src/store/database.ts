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

/** A real read (a row of a table the migrations made) that fails as the database does: the health check. */
export async function probeDatabase(db: AsliDatabase): Promise<void> {
  await db.select({ kid: schema.signingKeys.kid }).from(schema.signingKeys).limit(1);
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

/**
 * Why a database call failed, when the fault is the database's and not the query's:
 *
 * - `busy`: another connection held the write lock for longer than this one would wait
 *   (SQLITE_BUSY, SQLITE_LOCKED); retrying shortly will do.
 * - `unavailable`: the database cannot be reached or read: a closed client, an I/O error, a
 *   corrupt, truncated, read-only or missing file (SQLITE_IOERR, CORRUPT, NOTADB, CANTOPEN,
 *   READONLY, FULL, PROTOCOL, PERM, or "no such table": a file emptied under the service, whose
 *   schema the migrations made at start), a libSQL server that does not answer, or D1 failing
 *   outside SQL ("D1_ERROR: Network connection lost.", a reset or overloaded database).
 *
 * Everything else is a bug and stays one (undefined here, a 500): a syntax error, a missing
 * column, a constraint the code should have checked, a wrong type. The code is read, never the
 * message alone, where the driver gives one: messages can quote the values of the query.
 */
export interface DatabaseFailure {
  kind: "busy" | "unavailable";
  /** The driver's code, for a log line: SQLITE_IOERR_SHORT_READ, CLIENT_CLOSED, D1_ERROR… */
  code: string;
}

const BUSY_CODES = new Set(["SQLITE_BUSY", "SQLITE_LOCKED"]);
const UNAVAILABLE_CODES = new Set(["SQLITE_IOERR", "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_PROTOCOL", "SQLITE_PERM"]);
/** @libsql/client's own codes for a client that is closed or a server that does not answer. */
const UNAVAILABLE_CLIENT_CODES = new Set(["CLIENT_CLOSED", "SERVER_ERROR", "HRANA_CLOSED_ERROR", "HRANA_WEBSOCKET_ERROR"]);

export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      // libSQL: SQLITE_IOERR_SHORT_READ and the like; the primary code decides.
      const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
      if (primary) return sqliteFailure(primary, code, e.message);
      if (UNAVAILABLE_CLIENT_CODES.has(code)) return { kind: "unavailable", code };
    }
    // D1 puts everything in the message: "D1_ERROR: <SQLite's message>: SQLITE_CONSTRAINT" for
    // SQL, "D1_ERROR: Network connection lost." and the like for the database itself.
    if (e.message.startsWith("D1_ERROR:")) {
      const primary = /\bSQLITE_[A-Z]+/.exec(e.message)?.[0];
      return primary ? sqliteFailure(primary, `D1_ERROR ${primary}`, e.message) : { kind: "unavailable", code: "D1_ERROR" };
    }
  }
  return undefined;
}

function sqliteFailure(primary: string, code: string, message: string): DatabaseFailure | undefined {
  if (BUSY_CODES.has(primary)) return { kind: "busy", code };
  if (UNAVAILABLE_CODES.has(primary)) return { kind: "unavailable", code };
  if (primary === "SQLITE_ERROR" && /no such table/.test(message)) return { kind: "unavailable", code: `${code} (no such table)` };
  return undefined;
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
