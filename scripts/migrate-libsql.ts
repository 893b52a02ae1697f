// Applies the committed migrations to a libSQL database given by LIBSQL_URL (and
// LIBSQL_AUTH_TOKEN): the Turso database a worker uses instead of D1. The same drizzle
// migrator as the Node entry, so the two record migrations alike (__drizzle_migrations).
//   LIBSQL_URL=libsql://asli-<org>.turso.io LIBSQL_AUTH_TOKEN=... npm run migrate:libsql
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { MIGRATIONS_FOLDER } from "../src/runtime/libsql.js";

const url = process.env.LIBSQL_URL;
if (!url) {
  console.error("migrate:libsql: set LIBSQL_URL (and LIBSQL_AUTH_TOKEN for Turso)");
  process.exit(2);
}
const client = createClient({ url, authToken: process.env.LIBSQL_AUTH_TOKEN || undefined });
try {
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const { rows } = await client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
  // The host only: the URL's query may carry a token.
  console.log(`migrate:libsql: ${String(rows[0]?.n)} migrations recorded on ${new URL(url).host || url.split("?")[0]}`);
} finally {
  client.close();
}
