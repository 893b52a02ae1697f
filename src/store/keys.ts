// Signing keys by their public halves, with their lifecycle: one active key signs; retired keys
// still verify; a revoked key verifies only what it signed before its compromise time.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { signingKeys } from "../../db/schema.js";

export type StoredKey = typeof signingKeys.$inferSelect;

export async function listStoredKeys(db: AsliDatabase): Promise<StoredKey[]> {
  // Active first, then by age: the order JWKS and the trust bundle list them in.
  return db
    .select()
    .from(signingKeys)
    .orderBy(sql`case ${signingKeys.state} when 'active' then 0 when 'retired' then 1 else 2 end`, asc(signingKeys.createdAt), asc(signingKeys.kid));
}

export async function findStoredKey(db: AsliDatabase, kid: string): Promise<StoredKey | undefined> {
  return db.query.signingKeys.findFirst({ where: eq(signingKeys.kid, kid) });
}

/**
 * Statements that make `kid` the one active key: the previous active key is retired first, so
 * the unique index on the active state never sees two. Idempotent when run twice at once.
 */
export function activateKeyQueries(db: AsliDatabase, kid: string, publicKey: string, now: number) {
  return [
    db
      .update(signingKeys)
      .set({ state: "retired", retiredAt: now })
      .where(and(eq(signingKeys.state, "active"), ne(signingKeys.kid, kid))),
    db
      .insert(signingKeys)
      .values({ kid, publicKey, createdAt: now, state: "active" })
      .onConflictDoUpdate({ target: signingKeys.kid, set: { state: "active", retiredAt: null }, where: eq(signingKeys.state, "retired") }),
  ] as const;
}

export function revokeKeyQuery(db: AsliDatabase, kid: string, revocation: { revokedAt: number; compromisedAt: number; reason: string }) {
  return db
    .update(signingKeys)
    .set({ state: "revoked", revokedAt: revocation.revokedAt, compromisedAt: revocation.compromisedAt, revocationReason: revocation.reason })
    .where(and(eq(signingKeys.kid, kid), eq(signingKeys.state, "retired")))
    .returning();
}
