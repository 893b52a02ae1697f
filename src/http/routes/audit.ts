import { Hono } from "hono";
import * as z from "zod";
import { listAudit, type AuditRow } from "../../store/audit.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { readQuery } from "../input.js";
import { decodeCursor, page, pageQuery } from "../paging.js";
import { isoTime } from "../../core/time.js";
import { instant } from "../../service/instant.js";

export const auditQuery = z
  .object({
    subjectType: z.string().max(40).optional(),
    subjectId: z.string().max(80).optional(),
    action: z.string().max(80).optional(),
    actorTokenId: z.coerce.number().int().positive().optional(),
    actorPersonId: z.coerce.number().int().positive().optional(),
    since: instant.optional(),
    until: instant.optional(),
    ...pageQuery,
  })
  .strict();

export function auditView(row: AuditRow) {
  return {
    id: row.id,
    at: isoTime(row.at),
    // personId only for console people, so that entries made with tokens read as before.
    actor: { role: row.actorRole, tokenId: row.actorTokenId, ...(row.actorPersonId === null ? {} : { personId: row.actorPersonId }) },
    action: row.action,
    subject: { type: row.subjectType, id: row.subjectId },
    before: row.before,
    after: row.after,
  };
}

/** Read-only: the API offers no way to change or delete an audit entry. */
export function auditRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get("/api/v1/audit", requireRole(deps, "admin"), async (c) => {
    const { cursor, limit, ...filter } = readQuery(c, auditQuery);
    const before = decodeCursor(cursor, z.number().int());
    const rows = await listAudit(deps.db, { ...filter, before, limit: limit + 1 });
    return c.json(page(rows, limit, auditView, (r) => r.id));
  });
  return app;
}
