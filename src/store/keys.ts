import { eq } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { signingKeys } from "../../db/schema.js";

export type StoredKey = typeof signingKeys.$inferSelect;

/** Records the public half of a signing key so that certificates can name it. */
export async function rememberSigningKey(db: AsliDatabase, kid: string, publicKey: string, now: number): Promise<void> {
  await db.insert(signingKeys).values({ kid, publicKey, createdAt: now }).onConflictDoNothing();
}

export async function listStoredKeys(db: AsliDatabase): Promise<StoredKey[]> {
  return db.select().from(signingKeys);
}

export async function findStoredKey(db: AsliDatabase, kid: string): Promise<StoredKey | undefined> {
  return db.query.signingKeys.findFirst({ where: eq(signingKeys.kid, kid) });
}
