// First buyers' claim codes (db/schema.ts certificate_claims): stored as hashes, tried under a
// limit per certificate. Every change is one conditional statement, so that two requests at
// once can neither claim twice nor try more often than the limit allows.
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { certificateClaims } from "../../db/schema.js";
import type { AsliDatabase } from "./database.js";

export type ClaimRow = typeof certificateClaims.$inferSelect;

export function insertClaimQuery(db: AsliDatabase, row: { certificateId: string; codeHash: string; createdAt: number }) {
  return db.insert(certificateClaims).values(row);
}

/** A new code for a certificate not yet claimed (the old one stops working); returns the row only when it was written. */
export function replaceClaimCodeQuery(db: AsliDatabase, row: { certificateId: string; codeHash: string; createdAt: number }) {
  return db
    .insert(certificateClaims)
    .values(row)
    .onConflictDoUpdate({
      target: certificateClaims.certificateId,
      set: { codeHash: sql`excluded.code_hash`, createdAt: sql`excluded.created_at`, tries: 0, triesSince: null },
      where: isNull(certificateClaims.claimedAt),
    })
    .returning();
}

export async function findClaim(db: AsliDatabase, certificateId: string): Promise<ClaimRow | undefined> {
  const [row] = await db.select().from(certificateClaims).where(eq(certificateClaims.certificateId, certificateId)).limit(1);
  return row;
}

/**
 * Takes one try of an unclaimed certificate's code before the code is compared: the count
 * restarts when the window since the first try has passed. Returns the tries in the window
 * (this one included) and the hash to compare with; nothing when there is no unclaimed code.
 */
export async function takeClaimTry(db: AsliDatabase, certificateId: string, now: number, windowSeconds: number): Promise<Pick<ClaimRow, "tries" | "triesSince" | "codeHash"> | undefined> {
  const c = certificateClaims;
  const fresh = or(isNull(c.triesSince), lte(c.triesSince, now - windowSeconds));
  const [row] = await db
    .update(c)
    .set({ tries: sql`CASE WHEN ${fresh} THEN 1 ELSE ${c.tries} + 1 END`, triesSince: sql`CASE WHEN ${fresh} THEN ${now} ELSE ${c.triesSince} END` })
    .where(and(eq(c.certificateId, certificateId), isNull(c.claimedAt)))
    .returning({ tries: c.tries, triesSince: c.triesSince, codeHash: c.codeHash });
  return row;
}

/** Marks the certificate claimed, if nobody claimed it first; returns the row only when this statement did. */
export function markClaimedQuery(db: AsliDatabase, certificateId: string, at: number, country: string | null) {
  const c = certificateClaims;
  return db
    .update(c)
    .set({ claimedAt: at, claimCountry: country, tries: 0, triesSince: null })
    .where(and(eq(c.certificateId, certificateId), isNull(c.claimedAt)))
    .returning();
}
