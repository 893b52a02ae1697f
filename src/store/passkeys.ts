// Passkeys (WebAuthn credentials) per person, and the server-side challenges of the WebAuthn
// ceremonies: each used at most once, within minutes.
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { passkeys, webauthnChallenges } from "../../db/schema.js";
import type { AsliDatabase } from "./database.js";

export type Passkey = typeof passkeys.$inferSelect;
export type NewPasskey = typeof passkeys.$inferInsert;
export type Challenge = typeof webauthnChallenges.$inferSelect;

export async function findPasskey(db: AsliDatabase, id: string): Promise<Passkey | undefined> {
  return db.query.passkeys.findFirst({ where: eq(passkeys.id, id) });
}

export async function listPasskeys(db: AsliDatabase, personId: number): Promise<Passkey[]> {
  return db.select().from(passkeys).where(eq(passkeys.personId, personId)).orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export function insertPasskeyQuery(db: AsliDatabase, values: NewPasskey) {
  return db.insert(passkeys).values(values);
}

export function deletePasskeyQuery(db: AsliDatabase, id: string, personId: number) {
  return db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.personId, personId))).returning();
}

/** A successful sign-in: the authenticator's new counter, and when. */
export function recordPasskeyUseQuery(db: AsliDatabase, id: string, counter: number, at: number) {
  return db.update(passkeys).set({ counter, lastUsedAt: at }).where(eq(passkeys.id, id));
}

export function insertChallengeQuery(db: AsliDatabase, values: Challenge) {
  return db.insert(webauthnChallenges).values(values);
}

export function deleteExpiredChallengesQuery(db: AsliDatabase, now: number) {
  return db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
}

/** Takes the challenge out of the table if it is there, of this purpose and still fresh: a challenge is good for one answer. */
export async function consumeChallenge(db: AsliDatabase, challenge: string, purpose: Challenge["purpose"], now: number): Promise<Challenge | undefined> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.challenge, challenge), eq(webauthnChallenges.purpose, purpose), gt(webauthnChallenges.expiresAt, now)))
    .returning();
  return row;
}
