// Scan counts and the copy rules' state (db/schema.ts certificate_scans, scan_days). Counts are
// written as increments in SQL, so that writers that overlap (two Workers isolates) never lose
// a scan; the rules' state is written as the writer computed it, and a suspicion once raised is
// never overwritten by a writer that did not see it.
import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { certificateClaims, certificateScans, scanDays } from "../../db/schema.js";
import type { ClaimFacts, ScanState, Suspicion } from "../service/copy-rules.js";
import type { AsliDatabase } from "./database.js";

export type ScanRow = typeof certificateScans.$inferSelect;

export function scanState(row: ScanRow): ScanState {
  return {
    count: row.count,
    firstAt: row.firstAt,
    lastAt: row.lastAt,
    day: row.day,
    dayCount: row.dayCount,
    lastCountry: row.lastCountry,
    lastCountryAt: row.lastCountryAt,
    hops: row.hops,
    hopsSince: row.hopsSince,
    countriesAfterClaim: row.countriesAfterClaim ? row.countriesAfterClaim.split(",") : [],
    suspicion: row.suspicionRule && row.suspicionAt !== null && row.suspicionFigures ? { rule: row.suspicionRule, at: row.suspicionAt, figures: row.suspicionFigures } : null,
    clearedAt: row.clearedAt,
  };
}

/** The stored state and the claim of each certificate named (at most a few dozen ids: D1 binds up to 100 values a query). */
export async function readScanStates(db: AsliDatabase, ids: readonly string[]): Promise<{ states: Map<string, ScanState>; claims: Map<string, ClaimFacts> }> {
  const [rows, claims] = await Promise.all([
    db.select().from(certificateScans).where(inArray(certificateScans.certificateId, [...ids])),
    db
      .select({ id: certificateClaims.certificateId, claimedAt: certificateClaims.claimedAt, country: certificateClaims.claimCountry })
      .from(certificateClaims)
      .where(and(inArray(certificateClaims.certificateId, [...ids]), isNotNull(certificateClaims.claimedAt))),
  ]);
  return {
    states: new Map(rows.map((r) => [r.certificateId, scanState(r)])),
    claims: new Map(claims.map((c) => [c.id, { claimedAt: c.claimedAt!, country: c.country }])),
  };
}

/** What one write adds for a certificate: its scans' count and times, and the scans on the latest day among them. */
export interface ScanDelta {
  count: number;
  firstAt: number;
  lastAt: number;
  lastDay: string;
  onLastDay: number;
}

/**
 * The certificate's summary row: counts incremented, the rules' state as computed from `read`
 * (the state this writer started from) unless a false alarm was cleared since, and `raised` only
 * where no suspicion stands.
 */
export function upsertScanSummary(db: AsliDatabase, certificateId: string, delta: ScanDelta, after: ScanState, raised: Suspicion | null, read: ScanState | undefined) {
  const s = certificateScans;
  // The rules' state is this writer's only if nobody cleared an alarm after it read the row.
  const unchanged = read ? sql`${s.clearedAt} IS ${read.clearedAt}` : sql`1`;
  const ours = (column: { name: string }, current: unknown) => sql`CASE WHEN ${unchanged} THEN excluded.${sql.identifier(column.name)} ELSE ${current} END`;
  return db
    .insert(s)
    .values({
      certificateId,
      count: delta.count,
      firstAt: delta.firstAt,
      lastAt: delta.lastAt,
      day: delta.lastDay,
      dayCount: delta.onLastDay,
      lastCountry: after.lastCountry,
      lastCountryAt: after.lastCountryAt,
      hops: after.hops,
      hopsSince: after.hopsSince,
      countriesAfterClaim: after.countriesAfterClaim.join(","),
      suspicionRule: raised?.rule ?? null,
      suspicionAt: raised?.at ?? null,
      suspicionFigures: raised?.figures ?? null,
    })
    .onConflictDoUpdate({
      target: s.certificateId,
      set: {
        count: sql`${s.count} + excluded.count`,
        firstAt: sql`min(${s.firstAt}, excluded.first_at)`,
        lastAt: sql`max(${s.lastAt}, excluded.last_at)`,
        dayCount: sql`CASE WHEN ${s.day} = excluded.day THEN ${s.dayCount} + excluded.day_count WHEN ${s.day} > excluded.day THEN ${s.dayCount} ELSE excluded.day_count END`,
        day: sql`max(${s.day}, excluded.day)`,
        lastCountry: sql`excluded.last_country`,
        lastCountryAt: sql`excluded.last_country_at`,
        hops: ours(s.hops, s.hops),
        hopsSince: ours(s.hopsSince, s.hopsSince),
        countriesAfterClaim: ours(s.countriesAfterClaim, s.countriesAfterClaim),
        suspicionRule: sql`coalesce(${s.suspicionRule}, excluded.suspicion_rule)`,
        suspicionAt: sql`CASE WHEN ${s.suspicionRule} IS NULL THEN excluded.suspicion_at ELSE ${s.suspicionAt} END`,
        suspicionFigures: sql`CASE WHEN ${s.suspicionRule} IS NULL THEN excluded.suspicion_figures ELSE ${s.suspicionFigures} END`,
      },
    });
}

/** Adds `count` scans to a certificate's day and country. */
export function addScanDay(db: AsliDatabase, row: { certificateId: string; day: string; country: string; count: number }) {
  return db
    .insert(scanDays)
    .values(row)
    .onConflictDoUpdate({ target: [scanDays.certificateId, scanDays.day, scanDays.country], set: { count: sql`${scanDays.count} + excluded.count` } });
}

/** Daily counts of days before `day` (YYYY-MM-DD) go. */
export function pruneScanDaysQuery(db: AsliDatabase, day: string) {
  return db.delete(scanDays).where(lt(scanDays.day, day));
}

export async function findScanSummary(db: AsliDatabase, certificateId: string): Promise<ScanRow | undefined> {
  const [row] = await db.select().from(certificateScans).where(eq(certificateScans.certificateId, certificateId)).limit(1);
  return row;
}

export function listScanDays(db: AsliDatabase, certificateId: string) {
  return db
    .select({ day: scanDays.day, country: scanDays.country, count: scanDays.count })
    .from(scanDays)
    .where(eq(scanDays.certificateId, certificateId))
    .orderBy(asc(scanDays.day), asc(scanDays.country));
}

/**
 * Clears the suspicion raised at `raisedAt` (and no later one), and starts the rules afresh:
 * they weigh only what comes after. Returns the row only when this statement cleared it.
 */
export function clearSuspicionQuery(db: AsliDatabase, certificateId: string, raisedAt: number, at: number) {
  const s = certificateScans;
  return db
    .update(s)
    .set({ suspicionRule: null, suspicionAt: null, suspicionFigures: null, clearedAt: at, hops: 0, hopsSince: null, countriesAfterClaim: "" })
    .where(and(eq(s.certificateId, certificateId), eq(s.suspicionAt, raisedAt), isNotNull(s.suspicionRule)))
    .returning();
}
