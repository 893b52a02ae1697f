// libSQL on Node: an embedded file (or :memory:) with the committed migrations applied.
import { createClient, type Client } from "@libsql/client";
import Database from "libsql";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import { schema, type AsliDatabase } from "../store/database.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../db/migrations", import.meta.url));

export interface LibsqlDatabase {
  client: Client;
  db: AsliDatabase;
}

interface CachedStatement {
  columns(): unknown[];
}

/**
 * @libsql/client compiles every statement anew on every call and asks the compiled statement
 * for its columns twice: on the verify path that cost more CPU than the query itself
 * (`npm run bench`). SQLite statements are reusable, and the client runs each one to
 * completion before the next call, so one compiled statement per SQL text and connection is
 * safe; SQLite recompiles a cached statement by itself if the schema changes under it.
 */
function reuseCompiledStatements(): void {
  const proto = Database.prototype as unknown as { prepare(sql: string): CachedStatement; asliReuse?: true };
  if (proto.asliReuse) return;
  const prepare = proto.prepare;
  const caches = new WeakMap<object, Map<string, CachedStatement>>();
  proto.prepare = function (this: object, sql: string) {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
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

export async function openLibsqlDatabase(url: string): Promise<LibsqlDatabase> {
  if (url.startsWith("file:") || url === ":memory:") reuseCompiledStatements();
  const client = createClient({ url });
  if (url !== ":memory:" && url !== "file::memory:") {
    // WAL with synchronous=NORMAL: durable across crashes of the process, and an order of
    // magnitude faster autocommit writes than the default rollback journal.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
  }
  await client.execute("PRAGMA foreign_keys = ON");
  await client.execute("PRAGMA busy_timeout = 5000");
  const db = drizzle(client, { schema }) as unknown as AsliDatabase;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return { client, db };
}
