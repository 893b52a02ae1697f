// Console people: who holds which role and scope, listed in the scope of the office that
// manages them, and revoked by it. A person signed in acts as the same Principal an API token
// gives, so every service checks them exactly as it checks a token.
import { sql } from "drizzle-orm";
import { ApiError, notFound } from "../core/errors.js";
import { isoTime, unixSeconds } from "../core/time.js";
import { auditInsert } from "../store/audit.js";
import { isNotNullViolation, type AsliDatabase } from "../store/database.js";
import { findPerson, listPeople, revokePersonQueries, type Person, type PersonListing } from "../store/people.js";
import { assertCanManagePerson, peopleScope, type Principal } from "./access.js";
import { scopeArtisan } from "./invitations.js";

export function personPrincipal(person: Person): Principal {
  return { role: person.role, tokenId: null, personId: person.id, districtCode: person.districtCode, giTagId: person.giTagId, artisanId: person.artisanId };
}

export function personView(p: PersonListing) {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    districtCode: p.districtCode,
    giTagId: p.giTagId,
    artisanId: p.artisanId,
    createdAt: isoTime(p.createdAt),
    revokedAt: p.revokedAt === null ? null : isoTime(p.revokedAt),
    active: p.revokedAt === null,
    passkeys: p.passkeyCount,
    lastSignInAt: p.lastSignInAt === null ? null : isoTime(p.lastSignInAt),
  };
}

export async function listPeopleInScope(db: AsliDatabase, actor: Principal, filter: { id?: number; before?: number; limit: number }): Promise<PersonListing[]> {
  return listPeople(db, peopleScope(actor), filter);
}

/**
 * Ends a person's access at once: no further sign-in, every session ended, pending sign-in
 * links withdrawn, in one batch with its audit entry. Revoking a revoked person changes nothing.
 */
export async function revokePerson(db: AsliDatabase, actor: Principal, id: number, now: Date): Promise<PersonListing> {
  const person = await findPerson(db, id);
  if (!person) throw notFound("this person");
  assertCanManagePerson(actor, person, await scopeArtisan(db, person));
  if (actor.personId === person.id) throw new ApiError(409, "own-access", "Conflict", "you cannot revoke your own access: ask the registry or your office");
  const listing = async () => (await listPeople(db, { kind: "all" }, { id, limit: 1 }))[0]!;
  if (person.revokedAt !== null) return listing();
  const at = unixSeconds(now);
  try {
    await db.batch([
      ...revokePersonQueries(db, id, at),
      auditInsert(db, actor, now, {
        action: "person.revoke",
        subjectType: "person",
        // NULL (and so no write at all) if someone else revoked the person meanwhile.
        subjectId: sql`(select id from people where id = ${id} and revoked_at = ${at})`,
        before: { revokedAt: null },
        after: { revokedAt: at },
      }),
    ]);
  } catch (error) {
    if (!isNotNullViolation(error, "audit_log.subject_id")) throw error;
  }
  return listing();
}
