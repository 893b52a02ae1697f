// Status list positions of certificates, and the registry facts each list's bits come from:
// current revocations and compromised keys (revocation lists), suspended artisans (suspension
// lists). The bits are never stored, so a list can never disagree with the verify endpoint.
import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { StatusPurpose } from "../core/status-list.js";
import { artisans, certificateRevocations, certificates, signingKeys, statusListEntries, statusListVersions } from "../../db/schema.js";
import type { AsliDatabase } from "./database.js";

export type StatusListEntry = typeof statusListEntries.$inferSelect;
export type StatusListVersion = typeof statusListVersions.$inferSelect;
export interface StatusPosition {
  listNumber: number;
  listIndex: number;
}

/** The column an insert names when another writer took the same position first. */
export const STATUS_POSITION_COLUMN = "status_list_entries.list_index";

export async function findStatusEntry(db: AsliDatabase, certificateId: string): Promise<StatusListEntry | undefined> {
  return db.query.statusListEntries.findFirst({ where: eq(statusListEntries.certificateId, certificateId) });
}

/** The newest list and how many positions it holds; list 1 with none before the first certificate. */
export async function newestStatusList(db: AsliDatabase): Promise<{ listNumber: number; used: number }> {
  const [row] = await db
    .select({ listNumber: statusListEntries.listNumber, used: sql<number>`count(*)` })
    .from(statusListEntries)
    .where(eq(statusListEntries.listNumber, sql`(SELECT max(${statusListEntries.listNumber}) FROM ${statusListEntries})`))
    .groupBy(statusListEntries.listNumber);
  return row ? { listNumber: row.listNumber, used: Number(row.used) } : { listNumber: 1, used: 0 };
}

/** Which of these positions of a list are taken already. One JSON parameter, whatever their number. */
export async function takenPositions(db: AsliDatabase, listNumber: number, candidates: readonly number[]): Promise<Set<number>> {
  if (candidates.length === 0) return new Set();
  const rows = await db
    .select({ listIndex: statusListEntries.listIndex })
    .from(statusListEntries)
    .where(and(eq(statusListEntries.listNumber, listNumber), sql`${statusListEntries.listIndex} IN (SELECT value FROM json_each(${JSON.stringify(candidates)}))`));
  return new Set(rows.map((r) => r.listIndex));
}

export function insertStatusEntryQuery(db: AsliDatabase, certificateId: string, position: StatusPosition) {
  return db.insert(statusListEntries).values({ certificateId, ...position });
}

/** For a certificate issued before status lists: written once, whoever comes first. */
export function insertMissingStatusEntryQuery(db: AsliDatabase, certificateId: string, position: StatusPosition) {
  return db.insert(statusListEntries).values({ certificateId, ...position }).onConflictDoNothing({ target: statusListEntries.certificateId });
}

/** Rows per statement: well under D1's 1 MB statement and 2 MB value limits (about 40 bytes a row). */
const ENTRIES_PER_STATEMENT = 5000;

/**
 * The statements that give a batch's certificates their positions, as insertBatchStatements
 * writes the certificates themselves: JSON read back with json_each, one parameter a statement.
 */
export function insertStatusEntryStatements(db: AsliDatabase, certificateIds: readonly string[], positions: readonly StatusPosition[]): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [];
  for (let start = 0; start < certificateIds.length; start += ENTRIES_PER_STATEMENT) {
    // One JSON.stringify of all the rows: the same text as a string written per row and joined, in half the time.
    const rows: [string, number, number][] = [];
    for (let i = start; i < Math.min(certificateIds.length, start + ENTRIES_PER_STATEMENT); i++) {
      rows.push([certificateIds[i]!, positions[i]!.listNumber, positions[i]!.listIndex]);
    }
    statements.push(db.insert(statusListEntries).select(sql`SELECT value->>0, value->>1, value->>2 FROM json_each(${JSON.stringify(rows)})`));
  }
  return statements;
}

export async function highestStatusListNumber(db: AsliDatabase): Promise<number> {
  const [row] = await db.select({ n: sql<number | null>`max(${statusListEntries.listNumber})` }).from(statusListEntries);
  return Number(row?.n ?? 1);
}

/**
 * The set positions of one list: for `revocation`, certificates with a current revocation and
 * certificates that a revoked key signed at or after its compromise time (both verify as not
 * genuine); for `suspension`, certificates of suspended artisans. Each query starts from the
 * few rows that matter (revocations, revoked keys, suspended artisans), all indexed.
 */
export async function setStatusPositions(db: AsliDatabase, purpose: StatusPurpose, listNumber: number): Promise<number[]> {
  const index = statusListEntries.listIndex;
  const inList = eq(statusListEntries.listNumber, listNumber);
  if (purpose === "suspension") {
    const rows = await db
      .select({ index })
      .from(artisans)
      .innerJoin(certificates, eq(certificates.artisanId, artisans.id))
      .innerJoin(statusListEntries, and(eq(statusListEntries.certificateId, certificates.id), inList))
      .where(eq(artisans.status, "suspended"));
    return rows.map((r) => r.index);
  }
  const [revoked, compromised] = await db.batch([
    db
      .select({ index })
      .from(certificateRevocations)
      .innerJoin(statusListEntries, and(eq(statusListEntries.certificateId, certificateRevocations.certificateId), inList))
      .where(sql`${certificateRevocations.reinstatedAt} IS NULL`),
    db
      .select({ index })
      .from(signingKeys)
      .innerJoin(certificates, and(eq(certificates.kid, signingKeys.kid), sql`${certificates.issuedAt} >= ${signingKeys.compromisedAt}`))
      .innerJoin(statusListEntries, and(eq(statusListEntries.certificateId, certificates.id), inList))
      .where(and(eq(signingKeys.state, "revoked"), sql`${signingKeys.compromisedAt} IS NOT NULL`)),
  ]);
  return [...new Set([...revoked, ...compromised].map((r) => r.index))];
}

export async function latestStatusListVersion(db: AsliDatabase, purpose: StatusPurpose, listNumber: number): Promise<StatusListVersion | undefined> {
  const [row] = await db
    .select()
    .from(statusListVersions)
    .where(and(eq(statusListVersions.purpose, purpose), eq(statusListVersions.listNumber, listNumber)))
    .orderBy(desc(statusListVersions.sequence))
    .limit(1);
  return row;
}

/** Claims a sequence number for new content; false when another writer took it first. */
export async function insertStatusListVersion(db: AsliDatabase, version: StatusListVersion): Promise<boolean> {
  const rows = await db.insert(statusListVersions).values(version).onConflictDoNothing().returning();
  return rows.length === 1;
}
