// Certificate revocations (with their history), and the record a verdict needs: the certificate
// with its names, plus its standing beyond its claims: its revocation, its artisan's status and
// GI authorisation, and the state of the key that signed it.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { artisans, certificateRevocations, certificates, districts, giTags, products, signingKeys } from "../../db/schema.js";
import type { CertificateRecord } from "./certificates.js";

export type CertificateRevocation = typeof certificateRevocations.$inferSelect;
export type RevocationReason = CertificateRevocation["reason"];

export function insertRevocationQuery(db: AsliDatabase, revocation: { certificateId: string; reason: RevocationReason; revokedAt: number; revokedByRole: CertificateRevocation["revokedByRole"] }) {
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

/** Everything a verdict needs about one certificate: its record with names, and its standing. */
export interface VerificationRecord {
  record: CertificateRecord;
  standing: CertificateStanding;
}

// One query for the verify hot path: the certificate record and its standing together, so that
// checking revocation, suspension and key compromise costs no second round trip. Prepared once
// per database: building this select costs drizzle more CPU per call than the Ed25519 check it
// follows (`npm run bench`).
function verificationQuery(db: AsliDatabase) {
  return db
    .select({
      certificate: certificates,
      artisan: { id: artisans.id, name: artisans.name, craft: artisans.craft, sellerName: artisans.sellerName },
      district: { code: districts.code, name: districts.name, division: districts.division },
      product: { id: products.id, name: products.name },
      giTag: { id: giTags.id, name: giTags.name, applicationNumber: giTags.applicationNumber },
      keyState: signingKeys.state,
      compromisedAt: signingKeys.compromisedAt,
      artisanStatus: artisans.status,
      giWithdrawnAt: artisans.giWithdrawnAt,
      revocationReason: certificateRevocations.reason,
      revokedAt: certificateRevocations.revokedAt,
    })
    .from(certificates)
    .innerJoin(artisans, eq(artisans.id, certificates.artisanId))
    .innerJoin(districts, eq(districts.code, certificates.districtCode))
    .innerJoin(signingKeys, eq(signingKeys.kid, certificates.kid))
    .leftJoin(products, eq(products.id, certificates.productId))
    .leftJoin(giTags, eq(giTags.id, certificates.giTagId))
    .leftJoin(
      certificateRevocations,
      and(eq(certificateRevocations.certificateId, certificates.id), isNull(certificateRevocations.reinstatedAt)),
    )
    .where(eq(certificates.id, sql.placeholder("id")))
    .limit(1)
    .prepare();
}

// Prepared once per database object, as the certificate record query is.
const verificationQueries = new WeakMap<AsliDatabase, ReturnType<typeof verificationQuery>>();

export async function findVerificationRecord(db: AsliDatabase, certificateId: string): Promise<VerificationRecord | undefined> {
  let query = verificationQueries.get(db);
  if (!query) {
    query = verificationQuery(db);
    verificationQueries.set(db, query);
  }
  const [row] = await query.all({ id: certificateId });
  if (!row) return undefined;
  const { keyState, compromisedAt, artisanStatus, giWithdrawnAt, revocationReason, revokedAt, ...record } = row;
  return {
    record,
    standing: {
      kid: record.certificate.kid,
      keyState,
      compromisedAt,
      artisanStatus,
      giWithdrawnAt,
      revocation: revocationReason !== null && revokedAt !== null ? { reason: revocationReason, revokedAt } : null,
    },
  };
}
