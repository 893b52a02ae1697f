// Console sessions. The cookie carries a random secret; only its SHA-256 is stored here.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { people, sessions } from "../../db/schema.js";
import type { AsliDatabase } from "./database.js";
import type { Person } from "./people.js";

export type Session = typeof sessions.$inferSelect;
export type NewSession = Omit<typeof sessions.$inferInsert, "id">;

export function insertSessionQuery(db: AsliDatabase, values: NewSession) {
  return db.insert(sessions).values(values);
}

/** The session with this secret hash and its person, whatever their state: the caller judges expiry. */
export async function findSessionByHash(db: AsliDatabase, secretHash: string): Promise<{ session: Session; person: Person } | undefined> {
  const [row] = await db.select({ session: sessions, person: people }).from(sessions).innerJoin(people, eq(people.id, sessions.personId)).where(eq(sessions.secretHash, secretHash)).limit(1);
  return row;
}

export function touchSessionQuery(db: AsliDatabase, id: number, at: number) {
  return db.update(sessions).set({ lastSeenAt: at }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

export function endSessionQuery(db: AsliDatabase, id: number, at: number) {
  return db.update(sessions).set({ endedAt: at }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Sessions that can never be used again, older than `before`: kept no longer than they are useful. */
export function deleteDeadSessionsQuery(db: AsliDatabase, before: number) {
  return db.delete(sessions).where(or(lt(sessions.expiresAt, before), lt(sessions.endedAt, before), lt(sessions.lastSeenAt, before)));
}
