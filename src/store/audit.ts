// The audit trail. `auditInsert` returns an unexecuted statement so that callers put it in the
// same db.batch as the change it records: both land or neither does.
import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import { insertIf, ROW_CHANGED, type AsliDatabase } from "./database.js";
import { auditLog } from "../../db/schema.js";
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
