// Console people and the invitations (one-time sign-in links) that create them or give them a
// new passkey. Listings take a PeopleScope (src/service/access.ts decides it from the principal):
// an office sees its own staff and the people of the artisans in its scope.
import { and, desc, eq, getTableName, gt, isNull, lt, lte, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { invitations, people, sessions } from "../../db/schema.js";
import type { PeopleScope } from "../service/access.js";
import type { AsliDatabase } from "./database.js";

export type Person = typeof people.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = Omit<typeof invitations.$inferInsert, "id">;

type ScopedTable = typeof people | typeof invitations;

/**
 * Staff of the scope itself, and people linked to an artisan registered in it. Subqueries name
 * their tables in full: drizzle leaves columns unqualified in single-table queries.
 */
function inScope(t: ScopedTable, scope: PeopleScope): SQL | undefined {
  const artisan = sql.raw(`${getTableName(t)}.artisan_id`);
  switch (scope.kind) {
    case "all":
      return undefined;
    case "district":
      return or(
        and(eq(t.role, "district"), eq(t.districtCode, scope.districtCode)),
        and(eq(t.role, "artisan"), sql`${artisan} in (select artisans.id from artisans where artisans.district_code = ${scope.districtCode})`),
      );
    case "gi-body":
      return or(
        and(eq(t.role, "gi-body"), eq(t.giTagId, scope.giTagId)),
        and(eq(t.role, "artisan"), sql`${artisan} in (select artisans.id from artisans where artisans.gi_tag_id = ${scope.giTagId})`),
      );
  }
}

export async function findPerson(db: AsliDatabase, id: number): Promise<Person | undefined> {
  return db.query.people.findFirst({ where: eq(people.id, id) });
}

export interface PersonListing extends Person {
  passkeyCount: number;
  lastSignInAt: number | null;
}

export async function listPeople(db: AsliDatabase, scope: PeopleScope, filter: { id?: number; before?: number; limit: number }): Promise<PersonListing[]> {
  const conditions = [
    inScope(people, scope),
    filter.id === undefined ? undefined : eq(people.id, filter.id),
    filter.before === undefined ? undefined : lt(people.id, filter.before),
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({
      person: people,
      passkeyCount: sql<number>`(select count(*) from passkeys where passkeys.person_id = people.id)`,
      lastSignInAt: sql<number | null>`(select max(passkeys.last_used_at) from passkeys where passkeys.person_id = people.id)`,
    })
    .from(people)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(people.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.person, passkeyCount: Number(r.passkeyCount), lastSignInAt: r.lastSignInAt === null ? null : Number(r.lastSignInAt) }));
}

/**
 * Revoking a person's access, as statements for one batch: the person, every open session (so
 * none survives the revocation), and their pending invitations. Conditional on the person
 * still having access, so a second revocation changes nothing.
 */
export function revokePersonQueries(db: AsliDatabase, personId: number, at: number) {
  return [
    db.update(people).set({ revokedAt: at }).where(and(eq(people.id, personId), isNull(people.revokedAt))),
    db.update(sessions).set({ endedAt: at }).where(and(eq(sessions.personId, personId), isNull(sessions.endedAt))),
    db.update(invitations).set({ withdrawnAt: at }).where(and(eq(invitations.personId, personId), pendingAt(at))),
  ] as const;
}

// ---------------------------------------------------------------------------------------------
// Invitations

export type InvitationState = "pending" | "used" | "withdrawn" | "expired";

export function invitationState(i: Invitation, now: number): InvitationState {
  if (i.usedAt !== null) return "used";
  if (i.withdrawnAt !== null) return "withdrawn";
  return i.expiresAt > now ? "pending" : "expired";
}

/** Neither used nor withdrawn, and not yet expired at `at`. */
export function pendingAt(at: number): SQL {
  return and(isNull(invitations.usedAt), isNull(invitations.withdrawnAt), gt(invitations.expiresAt, at))!;
}

export function insertInvitationQuery(db: AsliDatabase, values: NewInvitation) {
  return db.insert(invitations).values(values).returning();
}

export async function findInvitation(db: AsliDatabase, id: number): Promise<Invitation | undefined> {
  return db.query.invitations.findFirst({ where: eq(invitations.id, id) });
}

export async function findInvitationBySecretHash(db: AsliDatabase, secretHash: string): Promise<Invitation | undefined> {
  return db.query.invitations.findFirst({ where: eq(invitations.secretHash, secretHash) });
}

export async function listInvitations(
  db: AsliDatabase,
  scope: PeopleScope,
  filter: { state?: InvitationState; before?: number; limit: number },
  now: number,
): Promise<Invitation[]> {
  const conditions: SQL[] = [];
  const scoped = inScope(invitations, scope);
  if (scoped) conditions.push(scoped);
  if (filter.before !== undefined) conditions.push(lt(invitations.id, filter.before));
  switch (filter.state) {
    case "pending":
      conditions.push(pendingAt(now));
      break;
    case "used":
      conditions.push(isNotNull(invitations.usedAt));
      break;
    case "withdrawn":
      conditions.push(and(isNull(invitations.usedAt), isNotNull(invitations.withdrawnAt))!);
      break;
    case "expired":
      conditions.push(and(isNull(invitations.usedAt), isNull(invitations.withdrawnAt), lte(invitations.expiresAt, now))!);
      break;
  }
  return db
    .select()
    .from(invitations)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(invitations.id))
    .limit(filter.limit);
}

/** Withdraws the invitation if it is still pending at `at`. */
export function withdrawInvitationQuery(db: AsliDatabase, id: number, at: number) {
  return db.update(invitations).set({ withdrawnAt: at }).where(and(eq(invitations.id, id), pendingAt(at))).returning();
}
