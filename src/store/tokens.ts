import { and, desc, eq, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { auditInsertIf, SYSTEM_ACTOR } from "./audit.js";
import { insertIf, type AsliDatabase } from "./database.js";
import { apiTokens } from "../../db/schema.js";
import { unixSeconds } from "../core/time.js";

export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = Omit<typeof apiTokens.$inferInsert, "id">;

export async function findActiveTokenByHash(db: AsliDatabase, tokenHash: string, now: number): Promise<ApiToken | undefined> {
  return db.query.apiTokens.findFirst({
    where: and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))),
  });
}

export function insertApiTokenQuery(db: AsliDatabase, token: NewApiToken) {
  return db.insert(apiTokens).values(token).returning();
}

/** Used at start-up for the development token: idempotent. */
export async function ensureApiToken(db: AsliDatabase, token: NewApiToken): Promise<void> {
  await db.insert(apiTokens).values(token).onConflictDoNothing();
}

export async function findApiToken(db: AsliDatabase, id: number): Promise<ApiToken | undefined> {
  return db.query.apiTokens.findFirst({ where: eq(apiTokens.id, id) });
}

export interface TokenFilter {
  prefix?: string;
  districtCode?: number;
  role?: ApiToken["role"];
  before?: number;
  limit: number;
}

export async function listApiTokens(db: AsliDatabase, filter: TokenFilter): Promise<ApiToken[]> {
  const conditions: SQL[] = [];
  if (filter.prefix) conditions.push(sql`substr(${apiTokens.prefix}, 1, ${filter.prefix.length}) = ${filter.prefix}`);
  if (filter.districtCode !== undefined) conditions.push(eq(apiTokens.districtCode, filter.districtCode));
  if (filter.role !== undefined) conditions.push(eq(apiTokens.role, filter.role));
  if (filter.before !== undefined) conditions.push(lt(apiTokens.id, filter.before));
  return db
    .select()
    .from(apiTokens)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(apiTokens.id))
    .limit(filter.limit);
}

/** Revokes the token if it is not revoked yet; returns the row only when this statement revoked it. */
export function revokeApiTokenQuery(db: AsliDatabase, id: number, at: number) {
  return db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
}

/**
 * The statements of a rotation, for one db.batch: the successor is inserted only while the old
 * token is still active (and the unique index on replaces_token_id refuses a second successor,
 * so of concurrent rotations one wins); the old token's expiry and both audit entries are
 * written only if the successor was.
 */
export function rotateApiTokenQueries(db: AsliDatabase, successor: NewApiToken & { replacesTokenId: number }, oldExpiresAt: number, now: number) {
  const old = successor.replacesTokenId;
  const stillActive = sql`exists (select 1 from ${apiTokens} where ${apiTokens.id} = ${old} and ${apiTokens.revokedAt} is null and (${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > ${now}))`;
  const written = sql`exists (select 1 from ${apiTokens} where ${apiTokens.tokenHash} = ${successor.tokenHash})`;
  return {
    insert: insertIf(db, apiTokens, successor, stillActive).returning(),
    expireOld: db.update(apiTokens).set({ expiresAt: oldExpiresAt }).where(and(eq(apiTokens.id, old), written)),
    /** The condition for the audit entries: the successor was written. */
    written,
  };
}

/**
 * Revokes the token with this hash if it is still active, with its audit entry: the
 * development token, once production secrets are set.
 */
export async function revokeTokenByHash(db: AsliDatabase, tokenHash: string, now: Date): Promise<boolean> {
  const at = unixSeconds(now);
  const active = and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt));
  const [found] = await db.select({ id: apiTokens.id }).from(apiTokens).where(active);
  if (!found) return false;
  const [revoked] = await db.batch([
    db.update(apiTokens).set({ revokedAt: at }).where(active).returning({ id: apiTokens.id }),
    auditInsertIf(db, SYSTEM_ACTOR, now, { action: "token.revoke", subjectType: "token", subjectId: found.id, before: { revokedAt: null }, after: { revokedAt: at, why: "ADMIN_TOKEN set" } }),
  ]);
  return revoked.length === 1;
}
