// libSQL on Node: an embedded file (or :memory:) with the committed migrations applied.
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import { schema, type AsliDatabase } from "../store/database.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../db/migrations", import.meta.url));

export interface LibsqlDatabase {
  client: Client;
  db: AsliDatabase;
}

export async function openLibsqlDatabase(url: string): Promise<LibsqlDatabase> {
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
