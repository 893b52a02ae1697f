// Certificate revocations, with their history: reinstating keeps the row.
import { and, eq, isNull } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { certificateRevocations } from "../../db/schema.js";

export type CertificateRevocation = typeof certificateRevocations.$inferSelect;
export type RevocationReason = CertificateRevocation["reason"];

export function insertRevocationQuery(db: AsliDatabase, revocation: { certificateId: string; reason: RevocationReason; revokedAt: number; revokedByRole: CertificateRevocation["revokedByRole"] }) {
  return db.insert(certificateRevocations).values(revocation).returning();
}

/** Reinstates if this revocation is still current; returns the row only when this statement reinstated it. */
export function reinstateQuery(db: AsliDatabase, revocationId: number, at: number) {
  return db
    .update(certificateRevocations)
    .set({ reinstatedAt: at })
    .where(and(eq(certificateRevocations.id, revocationId), isNull(certificateRevocations.reinstatedAt)))
    .returning();
}

export async function findCurrentRevocation(db: AsliDatabase, certificateId: string): Promise<CertificateRevocation | undefined> {
  return db.query.certificateRevocations.findFirst({
    where: and(eq(certificateRevocations.certificateId, certificateId), isNull(certificateRevocations.reinstatedAt)),
  });
}
