// API tokens: created by an admin (any role) or a district office (tokens for its own artisans),
// shown once, stored as a SHA-256 hash, listable by prefix, revocable, rotatable with overlap.
import { sql } from "drizzle-orm";
import * as z from "zod";
import { text } from "./text.js";
import { apiTokenDisplayPrefix, generateApiToken, hashApiToken } from "../core/api-token.js";
import { ApiError, notFound, stateChanged } from "../core/errors.js";
import { auditInsert, auditInsertIf } from "../store/audit.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import { findApiToken, insertApiTokenQuery, revokeApiTokenQuery, rotateApiTokenQueries, type ApiToken } from "../store/tokens.js";
import { outOfScope, type Principal } from "./access.js";
import { resolveScope, scopeFields } from "./scope.js";
import { unixSeconds, isoTime } from "../core/time.js";

const MAX_LIFETIME_DAYS = 3660;

export const tokenInput = z
  .object({
    name: text(120),
    ...scopeFields,
    expiresInDays: z.number().int().min(1).max(MAX_LIFETIME_DAYS).optional(),
  })
  .strict();

export const rotateInput = z
  .object({
    /** How long the old token keeps working, so clients can switch without downtime. */
    overlapSeconds: z.number().int().min(0).max(30 * 86_400).default(86_400),
  })
  .strict();

export function tokenView(t: ApiToken, now: number) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    prefix: t.prefix,
    districtCode: t.districtCode,
    giTagId: t.giTagId,
    artisanId: t.artisanId,
    createdAt: isoTime(t.createdAt),
    expiresAt: t.expiresAt === null ? null : isoTime(t.expiresAt),
    revokedAt: t.revokedAt === null ? null : isoTime(t.revokedAt),
    active: t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now),
  };
}

type Scope = Pick<ApiToken, "role" | "districtCode" | "giTagId" | "artisanId">;

async function checkedScope(db: AsliDatabase, actor: Principal, input: z.output<typeof tokenInput>): Promise<Scope> {
  const { scope, artisan } = await resolveScope(db, input, "token");
  // Kept so that the district office can list and revoke its artisans' tokens.
  if (artisan) scope.districtCode = artisan.districtCode;
  if (actor.role === "admin") return scope;
  if (actor.role === "district" && scope.role === "artisan" && scope.districtCode === actor.districtCode) return scope;
  if (actor.role === "district") throw outOfScope("a district office creates tokens only for artisans of its own district");
  throw new ApiError(403, "role-not-allowed", "Forbidden", `the ${actor.role} role may not create tokens`);
}

export function assertCanManageToken(actor: Principal, token: ApiToken): void {
  if (actor.role === "admin") return;
  if (actor.role === "district" && token.role === "artisan" && token.districtCode === actor.districtCode) return;
  throw outOfScope("this token belongs to another office");
}

export async function createToken(db: AsliDatabase, actor: Principal, input: z.output<typeof tokenInput>, now: Date) {
  const scope = await checkedScope(db, actor, input);
  const { secret, values } = await newTokenValues(actor, { name: input.name, ...scope }, input.expiresInDays, now);
  const [[row]] = await db.batch([insertApiTokenQuery(db, values), auditInsert(db, actor, now, tokenAuditEntry("token.create", values))]);
  return { token: secret, record: row! };
}

async function newTokenValues(actor: Principal, scope: Scope & { name: string }, expiresInDays: number | undefined, now: Date) {
  const secret = generateApiToken();
  const tokenHash = await hashApiToken(secret);
  const at = unixSeconds(now);
  const values = {
    ...scope,
    tokenHash,
    prefix: apiTokenDisplayPrefix(secret),
    createdAt: at,
    expiresAt: expiresInDays === undefined ? null : at + expiresInDays * 86_400,
    createdByTokenId: actor.tokenId,
  };
  return { secret, values };
}

/** The audit entry of a new token; its id is read back by its hash, in the same batch. */
function tokenAuditEntry(action: string, values: Awaited<ReturnType<typeof newTokenValues>>["values"]) {
  return {
    action,
    subjectType: "token",
    subjectId: sql`(select id from api_tokens where token_hash = ${values.tokenHash})`,
    after: { name: values.name, role: values.role, prefix: values.prefix, districtCode: values.districtCode, giTagId: values.giTagId, artisanId: values.artisanId, expiresAt: values.expiresAt },
  };
}

const alreadyRevoked = () => new ApiError(409, "token-already-revoked", "Conflict", "this token is already revoked");

export async function revokeToken(db: AsliDatabase, actor: Principal, id: number, now: Date): Promise<ApiToken> {
  const token = await findApiToken(db, id);
  if (!token) throw notFound("this token");
  assertCanManageToken(actor, token);
  if (token.revokedAt !== null) throw alreadyRevoked();
  const at = unixSeconds(now);
  const [[revoked]] = await db.batch([
    revokeApiTokenQuery(db, id, at),
    auditInsertIf(db, actor, now, { action: "token.revoke", subjectType: "token", subjectId: id, before: { revokedAt: null }, after: { revokedAt: at } }),
  ]);
  // Another request revoked it between our read and our write.
  if (!revoked) throw alreadyRevoked();
  return revoked;
}

/**
 * A new token with the same role and scope; the old one keeps working for `overlapSeconds`. A
 * token is rotated once: its successor records it (a unique column), so that of concurrent
 * rotations one wins and the others get 409 token-already-rotated.
 */
export async function rotateToken(db: AsliDatabase, actor: Principal, id: number, overlapSeconds: number, now: Date) {
  const old = await findApiToken(db, id);
  if (!old) throw notFound("this token");
  assertCanManageToken(actor, old);
  const at = unixSeconds(now);
  const assertActive = (token: ApiToken) => {
    if (token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= at)) {
      throw new ApiError(409, "token-inactive", "Conflict", "a revoked or expired token cannot be rotated; create a new one");
    }
  };
  assertActive(old);
  const oldExpiry = Math.min(old.expiresAt ?? Number.MAX_SAFE_INTEGER, at + overlapSeconds);
  const remainingDays = old.expiresAt === null ? undefined : Math.max(1, Math.ceil((old.expiresAt - at) / 86_400));
  const scope = { name: old.name, role: old.role, districtCode: old.districtCode, giTagId: old.giTagId, artisanId: old.artisanId };
  const { secret, values } = await newTokenValues(actor, scope, remainingDays, now);
  const rotation = rotateApiTokenQueries(db, { ...values, replacesTokenId: id }, oldExpiry, at);
  let inserted: ApiToken[];
  try {
    [inserted] = await db.batch([
      rotation.insert,
      rotation.expireOld,
      auditInsertIf(db, actor, now, tokenAuditEntry("token.rotate", values), rotation.written),
      auditInsertIf(db, actor, now, { action: "token.expire", subjectType: "token", subjectId: id, before: { expiresAt: old.expiresAt }, after: { expiresAt: oldExpiry } }, rotation.written),
    ]);
  } catch (error) {
    if (isUniqueViolation(error, "api_tokens.replaces_token_id")) {
      throw new ApiError(409, "token-already-rotated", "Conflict", "this token was already rotated; rotate its successor, or create a new token");
    }
    throw error;
  }
  if (!inserted[0]) {
    // Revoked or expired by another request between our read and our write.
    const current = await findApiToken(db, id);
    if (current) assertActive(current);
    throw stateChanged();
  }
  return { token: secret, record: inserted[0] };
}
