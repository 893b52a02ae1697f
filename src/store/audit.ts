// The audit trail. `auditInsert` returns an unexecuted statement so that callers put it in the
// same db.batch as the change it records: both land or neither does.
import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { insertIf, ROW_CHANGED, type AsliDatabase } from "./database.js";
import { artisans, auditLog, certificates } from "../../db/schema.js";
import { unixSeconds } from "../core/time.js";

export type AuditRow = typeof auditLog.$inferSelect;

export interface Actor {
  role: string;
  tokenId: number | null;
  /** A console person signed in with a passkey; SQL for a person created in the same batch. */
  personId?: number | SQL;
}

/** Changes the service makes by itself (key rotation at start, revoking the development token). */
export const SYSTEM_ACTOR: Actor = { role: "system", tokenId: null };

/** Someone without an account: a buyer sending a report of a suspected fake. Nothing about them is recorded. */
export const PUBLIC_ACTOR: Actor = { role: "public", tokenId: null };

export interface AuditEntry {
  action: string;
  subjectType: string;
  /** A value, or SQL such as last_insert_rowid() for a row inserted earlier in the same batch. */
  subjectId: string | number | SQL;
  before?: unknown;
  after?: unknown;
}

export function auditInsert(db: AsliDatabase, actor: Actor, at: Date, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: unixSeconds(at),
    actorRole: actor.role,
    actorTokenId: actor.tokenId,
    actorPersonId: actor.personId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: typeof entry.subjectId === "object" ? entry.subjectId : String(entry.subjectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * The audit entry of a conditional change, written only if `condition` holds (by default: the
 * statement just before it in the batch changed one row). A change that lost a race to another
 * request then leaves no entry either.
 */
export function auditInsertIf(db: AsliDatabase, actor: Actor, at: Date, entry: AuditEntry, condition: SQL = ROW_CHANGED) {
  return insertIf(
    db,
    auditLog,
    {
      at: unixSeconds(at),
      actorRole: actor.role,
      actorTokenId: actor.tokenId,
      actorPersonId: actor.personId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: typeof entry.subjectId === "object" ? entry.subjectId : String(entry.subjectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    },
    condition,
  );
}

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string;
  action?: string;
  actorTokenId?: number;
  actorPersonId?: number;
  since?: number;
  until?: number;
  /** Entries with a smaller id than this: the cursor of the previous page. */
  before?: number;
  limit: number;
}

export async function listAudit(db: AsliDatabase, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.subjectType) conditions.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorTokenId !== undefined) conditions.push(eq(auditLog.actorTokenId, filter.actorTokenId));
  if (filter.actorPersonId !== undefined) conditions.push(eq(auditLog.actorPersonId, filter.actorPersonId));
  if (filter.since !== undefined) conditions.push(gte(auditLog.at, filter.since));
  if (filter.until !== undefined) conditions.push(lte(auditLog.at, filter.until));
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

/** Whose records an office's audit trail covers: one column of artisans and certificates, pinned to one value. */
export type AuditScope = { column: "districtCode" | "giTagId" | "artisanId"; value: number };

/**
 * The audit trail of a scope: entries about the artisans and certificates in it, and what the
 * person did themselves (people, invitations, passkeys, sessions). Newest first.
 */
export async function listScopedAudit(db: AsliDatabase, scope: AuditScope | null, personId: number, filter: { before?: number; limit: number }): Promise<AuditRow[]> {
  const mine = eq(auditLog.actorPersonId, personId);
  let inScope: SQL | undefined;
  if (scope) {
    const artisanColumn = scope.column === "artisanId" ? artisans.id : scope.column === "districtCode" ? artisans.districtCode : artisans.giTagId;
    const certificateColumn = scope.column === "artisanId" ? certificates.artisanId : scope.column === "districtCode" ? certificates.districtCode : certificates.giTagId;
    inScope = or(
      and(eq(auditLog.subjectType, "artisan"), sql`${auditLog.subjectId} IN (SELECT CAST(${artisans.id} AS TEXT) FROM ${artisans} WHERE ${artisanColumn} = ${scope.value})`),
      and(eq(auditLog.subjectType, "certificate"), sql`${auditLog.subjectId} IN (SELECT ${certificates.id} FROM ${certificates} WHERE ${certificateColumn} = ${scope.value})`),
    );
  }
  const conditions = [inScope ? or(inScope, mine)! : mine];
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(filter.limit);
}
