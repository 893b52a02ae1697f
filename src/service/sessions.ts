// Console sessions: server-side, the cookie holding a random secret and the database its
// SHA-256. A session ends at sign-out, 7 days after sign-in, after 12 hours without a request,
// or at once when the person's access is revoked. Each session has its own token for forms
// (CSRF), derived from its secret so that nothing more is stored.
import type { SQL } from "drizzle-orm";
import { generateSecret, hashApiToken } from "../core/api-token.js";
import { constantTimeEqual, utf8 } from "../core/bytes.js";
import { unixSeconds } from "../core/time.js";
import { auditInsert } from "../store/audit.js";
import type { AsliDatabase } from "../store/database.js";
import type { Person } from "../store/people.js";
import { deleteDeadSessionsQuery, endSessionQuery, findSessionByHash, insertSessionQuery, touchSessionQuery, type Session } from "../store/sessions.js";
import type { Principal } from "./access.js";
import { personPrincipal } from "./people.js";

export const SESSION_IDLE_SECONDS = 12 * 3600;
export const SESSION_LIFETIME_SECONDS = 7 * 86_400;
/** The idle clock is written at most this often: a request costs no write most of the time. */
export const SESSION_TOUCH_SECONDS = 300;
/** Ended and expired sessions are deleted this long after they stopped working. */
const SESSION_KEPT_SECONDS = 30 * 86_400;
const SECRET_PATTERN = /^[a-z2-7]{32}$/;

export interface ConsoleSession {
  id: number;
  person: Person;
  principal: Principal;
  /** The token every state-changing form of this session carries. */
  csrfToken: string;
  /** Whether the idle clock should be written on this request. */
  touchDue: boolean;
}

/** A new session's secret (for the cookie) and the statements that store it, for the caller's batch. */
export async function newSession(db: AsliDatabase, personId: number | SQL, now: Date) {
  const secret = generateSecret();
  const at = unixSeconds(now);
  const secretHash = await hashApiToken(secret);
  return {
    secret,
    secretHash,
    queries: [
      insertSessionQuery(db, { secretHash, personId: personId as number, createdAt: at, lastSeenAt: at, expiresAt: at + SESSION_LIFETIME_SECONDS }),
      deleteDeadSessionsQuery(db, at - SESSION_KEPT_SECONDS),
    ] as const,
  };
}

export async function csrfTokenFor(secret: string): Promise<string> {
  return hashApiToken(`asli-csrf\u0000${secret}`);
}

export async function csrfTokenMatches(session: ConsoleSession, presented: string | undefined): Promise<boolean> {
  return presented !== undefined && presented.length === session.csrfToken.length && constantTimeEqual(utf8(presented), utf8(session.csrfToken));
}

/** Whether a stored session still works at `now` (seconds). */
export function sessionIsLive(session: Session, person: Person, now: number): boolean {
  return session.endedAt === null && person.revokedAt === null && now < session.expiresAt && now < session.lastSeenAt + SESSION_IDLE_SECONDS;
}

/** The live session a cookie's secret names, or null: unknown, ended, expired, idle too long, or its person revoked. */
export async function resumeSession(db: AsliDatabase, secret: string | undefined, now: Date): Promise<ConsoleSession | null> {
  if (!secret || !SECRET_PATTERN.test(secret)) return null;
  const found = await findSessionByHash(db, await hashApiToken(secret));
  const at = unixSeconds(now);
  if (!found || !sessionIsLive(found.session, found.person, at)) return null;
  return {
    id: found.session.id,
    person: found.person,
    principal: personPrincipal(found.person),
    csrfToken: await csrfTokenFor(secret),
    touchDue: at - found.session.lastSeenAt >= SESSION_TOUCH_SECONDS,
  };
}

export async function touchSession(db: AsliDatabase, session: ConsoleSession, now: Date): Promise<void> {
  await touchSessionQuery(db, session.id, unixSeconds(now));
}

/** Sign-out: the session stops working at once. */
export async function endSession(db: AsliDatabase, session: ConsoleSession, now: Date): Promise<void> {
  await db.batch([
    endSessionQuery(db, session.id, unixSeconds(now)),
    auditInsert(db, session.principal, now, { action: "session.end", subjectType: "person", subjectId: session.person.id, after: { session: session.id } }),
  ]);
}
