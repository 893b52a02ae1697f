// Reports of suspected fakes, the once-only record of used form tickets, and the hourly counts
// the rate limits read. The statements are returned unexecuted where a service puts them in one
// db.batch with the report and its audit entry.
import { and, count, desc, eq, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { REPORT_STATUSES, reportCounts, reportFormUses, reports } from "../../db/schema.js";
import { insertIf, type AsliDatabase } from "./database.js";

export type Report = typeof reports.$inferSelect;
export type NewReport = Omit<typeof reports.$inferInsert, "id">;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Which reports a listing shows: the registry all of them, a district office those of its district's certificates. */
export type ReportScope = { kind: "all" } | { kind: "district"; districtCode: number };

export interface ReportFilter {
  status?: ReportStatus;
  /** A district's reports; null: those about no registered certificate. */
  districtCode?: number | null;
  certificateId?: string;
  /** Reports with a smaller id: the cursor of the previous page. */
  before?: number;
  limit: number;
}

function conditions(scope: ReportScope, filter: Omit<ReportFilter, "limit">): SQL | undefined {
  const all: (SQL | undefined)[] = [
    scope.kind === "district" ? eq(reports.districtCode, scope.districtCode) : undefined,
    filter.status === undefined ? undefined : eq(reports.status, filter.status),
    filter.districtCode === undefined ? undefined : filter.districtCode === null ? isNull(reports.districtCode) : eq(reports.districtCode, filter.districtCode),
    filter.certificateId === undefined ? undefined : eq(reports.certificateId, filter.certificateId),
    filter.before === undefined ? undefined : lt(reports.id, filter.before),
  ];
  const present = all.filter((c): c is SQL => c !== undefined);
  return present.length ? and(...present) : undefined;
}

/** Newest first. */
export async function listReports(db: AsliDatabase, scope: ReportScope, filter: ReportFilter): Promise<Report[]> {
  return db.select().from(reports).where(conditions(scope, filter)).orderBy(desc(reports.id)).limit(filter.limit);
}

export async function countReports(db: AsliDatabase, scope: ReportScope, filter: Omit<ReportFilter, "limit" | "before">): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reports).where(conditions(scope, filter));
  return Number(row?.n ?? 0);
}

export async function findReport(db: AsliDatabase, id: number): Promise<Report | undefined> {
  return db.query.reports.findFirst({ where: eq(reports.id, id) });
}

export async function findReportBySecretHash(db: AsliDatabase, secretHash: string): Promise<Report | undefined> {
  return db.query.reports.findFirst({ where: eq(reports.secretHash, secretHash) });
}

/** The limits a new report must stay within, as counts per clock hour. */
export interface HourlyLimit {
  bucket: string;
  max: number;
}

/**
 * A new report, as statements for one batch, in this order: housekeeping (counts older than a
 * day, used tickets past their expiry, contacts of reports closed long ago); the ticket marked
 * used (a second use violates the key and fails the whole batch); one more in each hourly count;
 * then the report, inserted only if every count is still within its limit, so that concurrent
 * requests can never pass a limit together. The caller adds the audit entry after it.
 */
export function fileReportQueries(
  db: AsliDatabase,
  report: NewReport,
  ticket: { nonce: string; expiresAt: number },
  hour: number,
  limits: readonly [HourlyLimit, HourlyLimit],
  contactsClosedBefore: number,
) {
  const within = and(...limits.map((l) => sql`(select ${reportCounts.count} from ${reportCounts} where ${reportCounts.bucket} = ${l.bucket} and ${reportCounts.hour} = ${hour}) <= ${l.max}`))!;
  return {
    housekeeping: [
      db.delete(reportCounts).where(lt(reportCounts.hour, hour - 24)),
      db.delete(reportFormUses).where(lt(reportFormUses.expiresAt, report.createdAt)),
      eraseOldContactsQuery(db, contactsClosedBefore),
    ] as const,
    useTicket: db.insert(reportFormUses).values(ticket),
    count: [countOne(db, limits[0].bucket, hour), countOne(db, limits[1].bucket, hour)] as const,
    insert: insertIf(db, reports, report, within).returning({ id: reports.id }),
    /** What the counts are now, to tell which limit refused a report. */
    counts: db
      .select({ bucket: reportCounts.bucket, count: reportCounts.count })
      .from(reportCounts)
      .where(and(eq(reportCounts.hour, hour), sql`${reportCounts.bucket} in ${limits.map((l) => l.bucket)}`)),
  };
}

function countOne(db: AsliDatabase, bucket: string, hour: number) {
  return db
    .insert(reportCounts)
    .values({ bucket, hour, count: 1 })
    .onConflictDoUpdate({ target: [reportCounts.bucket, reportCounts.hour], set: { count: sql`${reportCounts.count} + 1` } });
}

/** A contact is kept to tell the reporter the outcome: erased once the report has been closed for a while. */
export function eraseOldContactsQuery(db: AsliDatabase, closedBefore: number) {
  return db
    .update(reports)
    .set({ contact: null })
    .where(and(eq(reports.status, "closed"), lt(reports.closedAt, closedBefore), isNotNull(reports.contact)));
}

/** Reports closed before the cutoff that still name a photo: the next ones whose photo is to be deleted. */
export function reportsWithOldPhotos(db: AsliDatabase, closedBefore: number, limit: number) {
  return db
    .select({ id: reports.id, photoKey: reports.photoKey })
    .from(reports)
    .where(and(eq(reports.status, "closed"), lt(reports.closedAt, closedBefore), isNotNull(reports.photoKey)))
    .orderBy(reports.closedAt)
    .limit(limit);
}

/** A report no longer names its photo, unless it was reopened or given another one meanwhile: returns the report if it did. */
export function forgetReportPhotoQuery(db: AsliDatabase, id: number, photoKey: string, closedBefore: number) {
  return db
    .update(reports)
    .set({ photoKey: null })
    .where(and(eq(reports.id, id), eq(reports.photoKey, photoKey), eq(reports.status, "closed"), lt(reports.closedAt, closedBefore)))
    .returning({ id: reports.id });
}

/** The photo's delete failed: the report names it again, for the next run to retry. */
export function restoreReportPhotoQuery(db: AsliDatabase, id: number, photoKey: string) {
  return db.update(reports).set({ photoKey }).where(and(eq(reports.id, id), isNull(reports.photoKey)));
}

/** Moves a report on, only from the status it was read in: of concurrent changes, one applies. */
export function changeReportQuery(db: AsliDatabase, id: number, from: ReportStatus, values: Pick<Report, "status" | "outcome" | "message" | "updatedAt" | "closedAt">) {
  return db
    .update(reports)
    .set(values)
    .where(and(eq(reports.id, id), eq(reports.status, from)))
    .returning();
}
