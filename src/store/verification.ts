// The record a verdict needs, in one prepared query: the certificate with its names, plus its
// standing beyond its claims: its revocation, its artisan's status and GI authorisation, and the
// state of the key that signed it; and its scan summary, copy suspicion and first buyer's claim,
// each one row on the certificate's key. Every read of a certificate goes through here.
import { and, eq, isNull, sql, type Column, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import type { AsliDatabase } from "./database.js";
import { artisans, certificateRevocations, certificates, districts, giTags, logEntries, products, signingKeys, type CraftStory } from "../../db/schema.js";
import { certificateClaims, certificateScans, type CopyRule, type SuspicionFigures } from "../../db/schema.js";
import type { Certificate } from "./certificates.js";
import type { RevocationReason } from "./revocations.js";

/** A certificate with every name a verdict shows, in one query: the verify hot path. */
export interface CertificateRecord {
  /** What a verdict, a tag and a scope check read: every column but the batch bookkeeping. */
  certificate: Omit<Certificate, "batchId" | "batchRow">;
  artisan: { id: number; name: string; craft: string | null; sellerName: string | null; photoUrl: string | null; giAuthorisedUserNumber: string | null };
  district: { code: number; name: string; division: string };
  product: { id: number; name: string; story: CraftStory } | null;
  giTag: { id: number; name: string; applicationNumber: string | null; story: CraftStory } | null;
}

/** The record alone, through the same prepared query as the verify path: one way to read a certificate. */
export async function findCertificateRecord(db: AsliDatabase, id: string): Promise<CertificateRecord | undefined> {
  return (await findVerificationRecord(db, id))?.record;
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
  /** The certificate's index in the transparency log. */
  logIndex: number | null;
  /** Its scans so far, and the copy rule that fired, if one stands (src/service/scans.ts). */
  scans: { count: number; firstAt: number; lastAt: number } | null;
  suspicion: { rule: CopyRule; at: number; figures: SuspicionFigures } | null;
  /** Set when it was issued with a first buyer's claim code: when it was claimed, or null. */
  claim: { claimedAt: number | null } | null;
}

// The columns of a verdict: the certificate record and its standing together, so that checking
// revocation, suspension and key compromise costs no second round trip. Flat columns, assembled
// by toVerificationRecord: drizzle's nested selections with left joins cost about 15 µs more per
// call to map.
const VERIFICATION_COLUMNS = {
  id: certificates.id,
  artisanId: certificates.artisanId,
  districtCode: certificates.districtCode,
  productId: certificates.productId,
  giTagId: certificates.giTagId,
  title: certificates.title,
  materials: certificates.materials,
  madeOn: certificates.madeOn,
  issuedAt: certificates.issuedAt,
  kid: certificates.kid,
  token: certificates.token,
  artisanName: artisans.name,
  craft: artisans.craft,
  sellerName: artisans.sellerName,
  photoUrl: artisans.photoUrl,
  giAuthorisedUserNumber: artisans.giAuthorisedUserNumber,
  artisanStatus: artisans.status,
  giWithdrawnAt: artisans.giWithdrawnAt,
  districtName: districts.name,
  division: districts.division,
  productName: products.name,
  productStory: products.story,
  giTagName: giTags.name,
  giApplicationNumber: giTags.applicationNumber,
  giStory: giTags.story,
  keyState: signingKeys.state,
  compromisedAt: signingKeys.compromisedAt,
  revocationReason: certificateRevocations.reason,
  revokedAt: certificateRevocations.revokedAt,
  logIndex: logEntries.idx,
  scanCount: certificateScans.count,
  firstScanAt: certificateScans.firstAt,
  lastScanAt: certificateScans.lastAt,
  suspicionRule: certificateScans.suspicionRule,
  suspicionAt: certificateScans.suspicionAt,
  suspicionFigures: certificateScans.suspicionFigures,
  claimCreatedAt: certificateClaims.createdAt,
  claimedAt: certificateClaims.claimedAt,
};

/**
 * The verdict's select with its joins, for a caller to narrow with `where`. Typed as the rows of
 * VERIFICATION_COLUMNS; the hot query selects another shape over the same joins and says so.
 */
function verificationRows(db: AsliDatabase, fields: SelectedFields = VERIFICATION_COLUMNS) {
  return db
    .select(fields as typeof VERIFICATION_COLUMNS)
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
    .leftJoin(logEntries, eq(logEntries.certificateId, certificates.id))
    .leftJoin(certificateScans, eq(certificateScans.certificateId, certificates.id))
    .leftJoin(certificateClaims, eq(certificateClaims.certificateId, certificates.id));
}

const COLUMN_NAMES = Object.keys(VERIFICATION_COLUMNS) as (keyof typeof VERIFICATION_COLUMNS)[];
const COLUMNS: Column[] = Object.values(VERIFICATION_COLUMNS);

// One query for the verify hot path, prepared once per database: building this select costs
// drizzle more CPU per call than the Ed25519 check it follows (`npm run bench`). Its answer is
// one column, the row as a JSON array: the drivers turn a row of 38 columns into an object
// (@libsql/client's rowFromSql, drizzle's mapResultRow) in about four times the CPU that
// JSON.parse and the columns' own decoding take for the same values.
function verificationQuery(db: AsliDatabase) {
  return verificationRows(db, { row: sql<string>`json_array(${sql.join(COLUMNS, sql`, `)})` })
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
  // values(): the one column as the driver gives it, without drizzle's mapping of a row object.
  const [answer] = (await query.values({ id: certificateId })) as unknown as [string][];
  return answer ? toVerificationRecord(fromJsonRow(answer[0])) : undefined;
}

/** A row of the hot query's JSON array, decoded as drizzle decodes each column (JSON text columns parsed, and so on). */
function fromJsonRow(json: string): VerificationRow {
  const values = JSON.parse(json) as unknown[];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < COLUMNS.length; i++) {
    const value = values[i];
    row[COLUMN_NAMES[i]!] = value === null ? null : COLUMNS[i]!.mapFromDriverValue(value);
  }
  return row as VerificationRow;
}

type VerificationRow = Awaited<ReturnType<typeof verificationRows>>[number];

/** A row of `verificationRows` as the record and standing a verdict reads. */
function toVerificationRecord(row: VerificationRow): VerificationRecord {
  const record: CertificateRecord = {
    certificate: {
      id: row.id,
      artisanId: row.artisanId,
      districtCode: row.districtCode,
      productId: row.productId,
      giTagId: row.giTagId,
      title: row.title,
      materials: row.materials,
      madeOn: row.madeOn,
      issuedAt: row.issuedAt,
      kid: row.kid,
      token: row.token,
    },
    artisan: {
      id: row.artisanId,
      name: row.artisanName,
      craft: row.craft,
      sellerName: row.sellerName,
      photoUrl: row.photoUrl,
      giAuthorisedUserNumber: row.giAuthorisedUserNumber,
    },
    district: { code: row.districtCode, name: row.districtName, division: row.division },
    product: row.productId !== null && row.productName !== null ? { id: row.productId, name: row.productName, story: row.productStory ?? {} } : null,
    giTag:
      row.giTagId !== null && row.giTagName !== null
        ? { id: row.giTagId, name: row.giTagName, applicationNumber: row.giApplicationNumber, story: row.giStory ?? {} }
        : null,
  };
  return {
    record,
    standing: {
      kid: row.kid,
      keyState: row.keyState,
      compromisedAt: row.compromisedAt,
      artisanStatus: row.artisanStatus,
      giWithdrawnAt: row.giWithdrawnAt,
      revocation: row.revocationReason !== null && row.revokedAt !== null ? { reason: row.revocationReason, revokedAt: row.revokedAt } : null,
    },
    logIndex: row.logIndex,
    scans: row.scanCount !== null && row.firstScanAt !== null && row.lastScanAt !== null ? { count: row.scanCount, firstAt: row.firstScanAt, lastAt: row.lastScanAt } : null,
    suspicion:
      row.suspicionRule !== null && row.suspicionAt !== null && row.suspicionFigures !== null ? { rule: row.suspicionRule, at: row.suspicionAt, figures: row.suspicionFigures } : null,
    claim: row.claimCreatedAt !== null ? { claimedAt: row.claimedAt } : null,
  };
}

/**
 * The records of many certificates in one query (their ids travel as one JSON parameter: D1
 * binds at most 100), in no particular order; ids the registry does not hold are absent.
 */
export async function findVerificationRecords(db: AsliDatabase, ids: readonly string[]): Promise<Map<string, VerificationRecord>> {
  if (ids.length === 0) return new Map();
  return findVerificationRecordsWhere(db, sql`${certificates.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
}

/** The records of the certificates whose id `idCondition` selects (an IN over another table, say): one query for thousands. */
export async function findVerificationRecordsWhere(db: AsliDatabase, idCondition: SQL): Promise<Map<string, VerificationRecord>> {
  const found = new Map<string, VerificationRecord>();
  for (const row of await verificationRows(db).where(idCondition)) found.set(row.id, toVerificationRecord(row));
  return found;
}
