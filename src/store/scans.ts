// Scan counts and the copy rules' state (db/schema.ts certificate_scans, scan_days). Counts are
// written as increments in SQL, so that writers that overlap (two Workers isolates) never lose
// a scan; the rules' state is written as the writer computed it, and a suspicion once raised is
// never overwritten by a writer that did not see it.
import { and, asc, eq, isNotNull, lt, sql } from "drizzle-orm";
import { certificateClaims, certificateScans, scanDays } from "../../db/schema.js";
import type { ClaimFacts, ScanState, Suspicion } from "../service/copy-rules.js";
import type { CopyRule, SuspicionFigures } from "../../db/schema.js";
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

/**
 * The stored state and the claim of each certificate named, in one query whose answer is one
 * JSON text: the drivers turn a row of many columns into an object far more slowly (about 35 µs
 * a row through drizzle and @libsql/client) than JSON.parse reads the same values. The ids
 * travel as one JSON parameter (D1 binds at most 100 values a query).
 */
export async function readScanStates(db: AsliDatabase, ids: readonly string[]): Promise<{ states: Map<string, ScanState>; claims: Map<string, ClaimFacts> }> {
  const s = certificateScans;
  const c = certificateClaims;
  const [answer] = await db.all<{ rows: string | null }>(sql`
    SELECT json_group_array(json_array(j.value, ${s.count}, ${s.firstAt}, ${s.lastAt}, ${s.day}, ${s.dayCount}, ${s.lastCountry}, ${s.lastCountryAt}, ${s.hops}, ${s.hopsSince},
      ${s.countriesAfterClaim}, ${s.suspicionRule}, ${s.suspicionAt}, ${s.suspicionFigures}, ${s.clearedAt}, ${c.claimedAt}, ${c.claimCountry})) AS rows
    FROM json_each(${JSON.stringify(ids)}) AS j
    LEFT JOIN ${s} ON ${s.certificateId} = j.value
    LEFT JOIN ${c} ON ${c.certificateId} = j.value AND ${c.claimedAt} IS NOT NULL
    WHERE ${s.certificateId} IS NOT NULL OR ${c.certificateId} IS NOT NULL`);
  type Row = [string, number | null, number, number, string, number, string | null, number | null, number, number | null, string, CopyRule | null, number | null, string | null, number | null, number | null, string | null];
  const states = new Map<string, ScanState>();
  const claims = new Map<string, ClaimFacts>();
  for (const [id, count, firstAt, lastAt, day, dayCount, lastCountry, lastCountryAt, hops, hopsSince, after, rule, ruleAt, figures, clearedAt, claimedAt, claimCountry] of JSON.parse(answer?.rows ?? "[]") as Row[]) {
    if (count !== null) {
      states.set(
        id,
        scanState({
          certificateId: id,
          count,
          firstAt,
          lastAt,
          day,
          dayCount,
          lastCountry,
          lastCountryAt,
          hops,
          hopsSince,
          countriesAfterClaim: after,
          suspicionRule: rule,
          suspicionAt: ruleAt,
          suspicionFigures: figures === null ? null : (JSON.parse(figures) as SuspicionFigures),
          clearedAt,
        }),
      );
    }
    if (claimedAt !== null) claims.set(id, { claimedAt, country: claimCountry });
  }
  return { states, claims };
}

/** What one write adds for a certificate: its scans' count and times, and the scans on the latest day among them. */
export interface ScanDelta {
  count: number;
  firstAt: number;
  lastAt: number;
  lastDay: string;
  onLastDay: number;
}

/** One certificate's part of a write: what its scans add, the rules' state after them, and the state the writer started from. */
export interface SummaryWrite {
  certificateId: string;
  delta: ScanDelta;
  after: ScanState;
  /** The suspicion these scans raised, only where none stood when the state was read. */
  raised: Suspicion | null;
  read: ScanState | undefined;
}

// Rows travel as one JSON parameter of arrays, read back with ->> in the column order of the
// table (the column list drizzle writes for insert…select): one statement for any number of
// rows, where D1 would bind at most 100 values. Not db.run(sql`INSERT …`): drizzle's D1 driver
// cannot batch a raw statement with parameters (src/store/batches.ts).
const json = (v: string | number | null) => (v === null ? "null" : typeof v === "number" ? String(v) : JSON.stringify(v));

/**
 * Every certificate's summary row in one statement: counts incremented, the rules' state as
 * computed from `read` (the state its writer started from) unless a false alarm was cleared
 * since, and `raised` only where no suspicion stands.
 */
export function upsertScanSummaries(db: AsliDatabase, writes: readonly SummaryWrite[]) {
  const s = certificateScans;
  const rows = writes.map(({ certificateId, delta, after, raised, read }) =>
    [
      json(certificateId),
      delta.count,
      delta.firstAt,
      delta.lastAt,
      json(delta.lastDay),
      delta.onLastDay,
      json(after.lastCountry),
      json(after.lastCountryAt),
      after.hops,
      json(after.hopsSince),
      json(after.countriesAfterClaim.join(",")),
      json(raised?.rule ?? null),
      json(raised?.at ?? null),
      json(raised ? JSON.stringify(raised.figures) : null),
      // cleared_at: the one this writer read. A new row takes it as it is (null: nothing was
      // cleared); on a row that exists, it only tells the update whose rules' state to keep.
      json(read?.clearedAt ?? null),
    ].join(","),
  );
  // The rules' state is this writer's only if nobody cleared an alarm after it read the row.
  const ours = (column: { name: string }) => sql`CASE WHEN ${s.clearedAt} IS excluded.cleared_at THEN excluded.${sql.identifier(column.name)} ELSE ${column} END`;
  return db
    .insert(s)
    .select(
      sql`SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9, value->>10, value->>11, value->>12, value->>13, value->>14
        FROM json_each(${`[${rows.map((r) => `[${r}]`).join(",")}]`}) WHERE true`,
    )
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
        hops: ours(s.hops),
        hopsSince: ours(s.hopsSince),
        countriesAfterClaim: ours(s.countriesAfterClaim),
        suspicionRule: sql`coalesce(${s.suspicionRule}, excluded.suspicion_rule)`,
        suspicionAt: sql`CASE WHEN ${s.suspicionRule} IS NULL THEN excluded.suspicion_at ELSE ${s.suspicionAt} END`,
        suspicionFigures: sql`CASE WHEN ${s.suspicionRule} IS NULL THEN excluded.suspicion_figures ELSE ${s.suspicionFigures} END`,
      },
    });
}

/** Adds each row's `count` scans to its certificate's day and country: one statement for them all. */
export function addScanDays(db: AsliDatabase, rows: readonly { certificateId: string; day: string; country: string; count: number }[]) {
  const encoded = rows.map((r) => `[${json(r.certificateId)},${json(r.day)},${json(r.country)},${r.count}]`).join(",");
  return db
    .insert(scanDays)
    .select(sql`SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each(${`[${encoded}]`}) WHERE true`)
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
