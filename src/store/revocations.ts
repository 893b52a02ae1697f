// Certificate revocations (with their history) and the standing of a certificate that the
// verdict needs beyond its claims: its revocation, its artisan's status and GI authorisation,
// and the state of the key that signed it.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { artisans, certificateRevocations, certificates, signingKeys } from "../../db/schema.js";

export type CertificateRevocation = typeof certificateRevocations.$inferSelect;
export type RevocationReason = CertificateRevocation["reason"];

export function insertRevocationQuery(db: AsliDatabase, revocation: { certificateId: string; reason: RevocationReason; revokedAt: number }) {
  return db.insert(certificateRevocations).values(revocation).returning();
}

export function reinstateQuery(db: AsliDatabase, revocationId: number, at: number) {
  return db
    .update(certificateRevocations)
    .set({ reinstatedAt: at })
    .where(and(eq(certificateRevocations.id, revocationId), isNull(certificateRevocations.reinstatedAt)));
}

export async function findCurrentRevocation(db: AsliDatabase, certificateId: string): Promise<CertificateRevocation | undefined> {
  return db.query.certificateRevocations.findFirst({
    where: and(eq(certificateRevocations.certificateId, certificateId), isNull(certificateRevocations.reinstatedAt)),
  });
}

export interface CertificateStanding {
  kid: string;
  keyState: "active" | "retired" | "revoked";
  compromisedAt: number | null;
  artisanStatus: "pending" | "active" | "suspended";
  giWithdrawnAt: number | null;
  revocation: { reason: RevocationReason; revokedAt: number } | null;
}

function standingQuery(db: AsliDatabase) {
  return db
    .select({
      kid: signingKeys.kid,
      keyState: signingKeys.state,
      compromisedAt: signingKeys.compromisedAt,
      artisanStatus: artisans.status,
      giWithdrawnAt: artisans.giWithdrawnAt,
      revocationReason: certificateRevocations.reason,
      revokedAt: certificateRevocations.revokedAt,
    })
    .from(certificates)
    .innerJoin(artisans, eq(artisans.id, certificates.artisanId))
    .innerJoin(signingKeys, eq(signingKeys.kid, certificates.kid))
    .leftJoin(
      certificateRevocations,
      and(eq(certificateRevocations.certificateId, certificates.id), isNull(certificateRevocations.reinstatedAt)),
    )
    .where(eq(certificates.id, sql.placeholder("id")))
    .limit(1)
    .prepare();
}

// Prepared once per database object, as the certificate record query is: the verify hot path.
const standingQueries = new WeakMap<AsliDatabase, ReturnType<typeof standingQuery>>();

export async function findCertificateStanding(db: AsliDatabase, certificateId: string): Promise<CertificateStanding | undefined> {
  let query = standingQueries.get(db);
  if (!query) {
    query = standingQuery(db);
    standingQueries.set(db, query);
  }
  const [row] = await query.all({ id: certificateId });
  if (!row) return undefined;
  const { revocationReason, revokedAt, ...rest } = row;
  return { ...rest, revocation: revocationReason !== null && revokedAt !== null ? { reason: revocationReason, revokedAt } : null };
}
