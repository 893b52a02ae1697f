import { and, eq, isNull } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { apiTokens } from "../../db/schema.js";

export type ApiToken = typeof apiTokens.$inferSelect;

export async function findActiveTokenByHash(db: AsliDatabase, tokenHash: string): Promise<ApiToken | undefined> {
  return db.query.apiTokens.findFirst({ where: and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)) });
}

export async function insertApiToken(db: AsliDatabase, token: Omit<typeof apiTokens.$inferInsert, "id">): Promise<void> {
  await db.insert(apiTokens).values(token).onConflictDoNothing();
}
