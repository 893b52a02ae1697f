// libSQL on Node: an embedded file (or :memory:) with the committed migrations applied.
import { createClient, type Client } from "@libsql/client";
import Database from "libsql";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { databaseFailure, schema, type AsliDatabase } from "../store/database.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../db/migrations", import.meta.url));

export interface LibsqlDatabase {
  client: Client;
  db: AsliDatabase;
}

interface CachedStatement {
  columns(): unknown[];
}

/**
 * How long a write waits, in all, for another connection's write lock (another process, a
 * backup, the sqlite3 shell) before it gives up with 503 database-busy.
 */
export const BUSY_WAIT_MS = 5_000;

/**
 * Set on every connection as it is first used. @libsql/client keeps a pool of connections and
 * opens another whenever two calls overlap, so settings made with `execute` once reach only the
 * connection that ran them: the second connection used to write with synchronous=FULL and no
 * busy timeout, and failed at once when another process held the write lock.
 *
 * SQLite's own busy wait is kept short because it sleeps in this thread, stopping every other
 * request while it lasts; the rest of the wait is an asynchronous retry (waitOutBusyLocks).
 * mmap_size=0 (already libsql's default) keeps the database file itself out of memory maps, so
 * that a file truncated under the process gives an error rather than SIGBUS. (The WAL index,
 * `-shm`, is mapped whatever the settings: see docs/operations.md on SIGBUS.)
 */
const CONNECTION_SETTINGS = "PRAGMA busy_timeout = 20; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 0";

/**
 * Patches libsql's Database (one connection) so that each connection gets CONNECTION_SETTINGS
 * before its first statement, and reuses its compiled statements.
 *
 * @libsql/client compiles every statement anew on every call and asks the compiled statement
 * for its columns twice: on the verify path that cost more CPU than the query itself
 * (`npm run bench`). SQLite statements are reusable, and the client runs each one to
 * completion before the next call, so one compiled statement per SQL text and connection is
 * safe; SQLite recompiles a cached statement by itself if the schema changes under it.
 */
function configureConnections(): void {
  const proto = Database.prototype as unknown as { prepare(sql: string): CachedStatement; exec(sql: string): void; asliReuse?: true };
  if (proto.asliReuse) return;
  const prepare = proto.prepare;
  const caches = new WeakMap<object, Map<string, CachedStatement>>();
  proto.prepare = function (this: { exec(sql: string): void }, sql: string) {
    let cache = caches.get(this);
    if (!cache) {
      // The connection's first statement: the client's own probe, before anything else.
      this.exec(CONNECTION_SETTINGS);
      caches.set(this, (cache = new Map()));
    }
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare.call(this, sql);
      const columns = statement.columns.bind(statement);
      let known: unknown[] | undefined;
      statement.columns = () => (known ??= columns());
      // Bounded: drizzle builds a new SQL text for every distinct IN-list length or filter set.
      if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  };
  proto.asliReuse = true;
}

/**
 * Calls that fail because another connection holds the write lock are tried again, after
 * asynchronous pauses, until `waitMs` have passed: the event loop (and every verify) runs on
 * meanwhile. A failed call has changed nothing (a batch is one transaction, rolled back when
 * it fails), so trying it again is safe. Past the wait, the error goes on, and the app answers
 * 503 database-busy.
 */
function waitOutBusyLocks(client: Client, waitMs: number): void {
  const execute = client.execute.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const batch = client.batch.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.execute = ((...args: unknown[]) => execute(...args).catch((error) => retryWhileBusy(error, () => execute(...args), waitMs))) as Client["execute"];
  client.batch = ((...args: unknown[]) => batch(...args).catch((error) => retryWhileBusy(error, () => batch(...args), waitMs))) as Client["batch"];
}

async function retryWhileBusy<T>(error: unknown, attempt: () => Promise<T>, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    if (databaseFailure(error)?.kind !== "busy" || Date.now() + pause > deadline) throw error;
    await sleep(pause);
    try {
      return await attempt();
    } catch (next) {
      error = next;
    }
  }
}

export async function openLibsqlDatabase(url: string, options: { busyWaitMs?: number } = {}): Promise<LibsqlDatabase> {
  if (url.startsWith("file:") || url === ":memory:") configureConnections();
  const client = createClient({ url });
  waitOutBusyLocks(client, options.busyWaitMs ?? BUSY_WAIT_MS);
  if (url !== ":memory:" && url !== "file::memory:") {
    // WAL (a property of the file, set once) with synchronous=NORMAL on every connection: durable
    // across crashes of the process, and an order of magnitude faster autocommit writes than the
    // default rollback journal.
    await client.execute("PRAGMA journal_mode = WAL");
  }
  const db = drizzle(client, { schema }) as unknown as AsliDatabase;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return { client, db };
}
