// The whole database as one string, to prove that a refused request wrote nothing.
import { is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema.js";
import type { AsliDatabase } from "../../src/store/database.js";

const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));

export async function snapshot(db: AsliDatabase): Promise<string> {
  const dumps = await Promise.all(tables.map((t) => db.select().from(t)));
  return JSON.stringify(dumps);
}
