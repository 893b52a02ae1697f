// The audit trail. `auditInsert` returns an unexecuted statement so that callers put it in the
// same db.batch as the change it records: both land or neither does.
import type { AsliDatabase } from "./database.js";
import { auditLog } from "../../db/schema.js";

export interface Actor {
  role: string;
  tokenId: number | null;
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
}

export function auditInsert(db: AsliDatabase, actor: Actor, at: Date, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: Math.floor(at.getTime() / 1000),
    actorRole: actor.role,
    actorTokenId: actor.tokenId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
