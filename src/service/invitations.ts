// Invitations: one-time sign-in links to the console. The registry, a district office or a GI
// body invites a person into a role and scope it may manage (access.ts canManagePerson); the
// link works once, within INVITATION_TTL_HOURS (72 by default), and can be withdrawn. The secret
// in the link is shown once and stored as a SHA-256 digest only.
import { sql } from "drizzle-orm";
import * as z from "zod";
import { generateSecret, hashApiToken } from "../core/api-token.js";
import { randomBytes, toBase64url } from "../core/bytes.js";
import { ApiError, notFound } from "../core/errors.js";
import { isoTime, unixSeconds } from "../core/time.js";
import { findArtisan } from "../store/artisans.js";
import { auditInsert } from "../store/audit.js";
import { isNotNullViolation, type AsliDatabase } from "../store/database.js";
import {
  findInvitation,
  findInvitationBySecretHash,
  findPerson,
  insertInvitationQuery,
  invitationState,
  listInvitations,
  withdrawInvitationQuery,
  type Invitation,
  type InvitationState,
} from "../store/people.js";
import { assertCanManagePerson, canManagePerson, peopleScope, type PersonScope, type Principal, type ScopeArtisan } from "./access.js";
import { resolveScope, scopeFields } from "./scope.js";
import { text } from "./text.js";

export const DEFAULT_INVITATION_TTL_HOURS = 72;
/** The path of a sign-in link; the secret follows it. */
export const INVITATION_PATH = "/console/join/";
const SECRET_PATTERN = /^[a-z2-7]{32}$/;

export const invitationInput = z
  .object({
    /** The person's name, as the office knows them: shown in lists and on the slip. */
    name: text(120),
    ...scopeFields,
  })
  .strict();

export type InvitationInput = z.output<typeof invitationInput>;

export function invitationUrl(baseUrl: string, secret: string): string {
  return `${new URL(baseUrl).origin}${INVITATION_PATH}${secret}`;
}

/** The secret of a sign-in link of this service, or null for anything else. */
export function secretFromInvitationUrl(baseUrl: string, url: string): string | null {
  const prefix = invitationUrl(baseUrl, "");
  if (!url.startsWith(prefix)) return null;
  const secret = url.slice(prefix.length);
  return SECRET_PATTERN.test(secret) ? secret : null;
}

export function isInvitationSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

export function invitationView(i: Invitation, now: number) {
  return {
    id: i.id,
    name: i.name,
    role: i.role,
    districtCode: i.districtCode,
    giTagId: i.giTagId,
    artisanId: i.artisanId,
    personId: i.personId,
    state: invitationState(i, now),
    createdAt: isoTime(i.createdAt),
    expiresAt: isoTime(i.expiresAt),
    usedAt: i.usedAt === null ? null : isoTime(i.usedAt),
    withdrawnAt: i.withdrawnAt === null ? null : isoTime(i.withdrawnAt),
  };
}

/** The artisan record behind an artisan scope, which decides which offices manage the person. */
export async function scopeArtisan(db: AsliDatabase, scope: PersonScope): Promise<ScopeArtisan> {
  if (scope.artisanId === null) return null;
  const artisan = await findArtisan(db, scope.artisanId);
  return artisan ? { districtCode: artisan.districtCode, giTagId: artisan.giTagId } : null;
}

export async function createInvitation(db: AsliDatabase, actor: Principal, input: InvitationInput, now: Date, ttlHours: number) {
  const { scope, artisan } = await resolveScope(db, input, "invitation");
  assertCanManagePerson(actor, scope, artisan && { districtCode: artisan.districtCode, giTagId: artisan.giTagId });
  return insertInvitation(db, actor, { name: input.name, ...scope, personId: null, userHandle: toBase64url(randomBytes(16)) }, now, ttlHours);
}

/** A fresh sign-in link for someone who already has access: a passkey on a new phone, or after losing one. */
export async function inviteExistingPerson(db: AsliDatabase, actor: Principal, personId: number, now: Date, ttlHours: number) {
  const person = await findPerson(db, personId);
  if (!person) throw notFound("this person");
  assertCanManagePerson(actor, person, await scopeArtisan(db, person));
  if (person.revokedAt !== null) throw new ApiError(409, "person-revoked", "Conflict", "this person's access was revoked: invite them afresh");
  const { name, role, districtCode, giTagId, artisanId, userHandle } = person;
  return insertInvitation(db, actor, { name, role, districtCode, giTagId, artisanId, personId, userHandle }, now, ttlHours);
}

type InvitationFields = PersonScope & { name: string; personId: number | null; userHandle: string };

async function insertInvitation(db: AsliDatabase, actor: Principal, fields: InvitationFields, now: Date, ttlHours: number) {
  const secret = generateSecret();
  const secretHash = await hashApiToken(secret);
  const at = unixSeconds(now);
  const values = {
    ...fields,
    secretHash,
    createdAt: at,
    expiresAt: at + Math.round(ttlHours * 3600),
    createdByRole: actor.role,
    createdByTokenId: actor.tokenId,
    createdByPersonId: actor.personId ?? null,
  };
  const [[record]] = await db.batch([
    insertInvitationQuery(db, values),
    auditInsert(db, actor, now, {
      action: "invitation.create",
      subjectType: "invitation",
      subjectId: sql`(select id from invitations where secret_hash = ${secretHash})`,
      after: { name: values.name, role: values.role, districtCode: values.districtCode, giTagId: values.giTagId, artisanId: values.artisanId, personId: values.personId, expiresAt: values.expiresAt },
    }),
  ] as const);
  return { secret, record: record! };
}

export async function listInvitationsInScope(db: AsliDatabase, actor: Principal, filter: { state?: InvitationState; before?: number; limit: number }, now: Date) {
  return listInvitations(db, peopleScope(actor), filter, unixSeconds(now));
}

/** Withdraws a pending invitation; a used one cannot be (409); an expired or withdrawn one stays as it is. */
export async function withdrawInvitation(db: AsliDatabase, actor: Principal, id: number, now: Date): Promise<Invitation> {
  const invitation = await findInvitation(db, id);
  if (!invitation) throw notFound("this invitation");
  assertCanManagePerson(actor, invitation, await scopeArtisan(db, invitation));
  const at = unixSeconds(now);
  const state = invitationState(invitation, at);
  if (state === "used") throw invitationUsed();
  if (state !== "pending") return invitation;
  try {
    const [[withdrawn]] = await db.batch([
      withdrawInvitationQuery(db, id, at),
      // The entry names its subject only if the withdrawal happened: if the link was used between
      // the read and this batch, the subject is NULL and the whole batch fails, writing nothing.
      auditInsert(db, actor, now, { action: "invitation.withdraw", subjectType: "invitation", subjectId: withdrawnAt(id, at), before: { withdrawnAt: null }, after: { withdrawnAt: at } }),
    ] as const);
    return withdrawn!;
  } catch (error) {
    if (isNotNullViolation(error, "audit_log.subject_id")) throw invitationUsed();
    throw error;
  }
}

const withdrawnAt = (id: number, at: number) => sql`(select id from invitations where id = ${id} and withdrawn_at = ${at} and used_at is null)`;

function invitationUsed(): ApiError {
  return new ApiError(409, "invitation-used", "Conflict", "this invitation has been used: revoke the person's access instead");
}

/** The invitation a sign-in link names, whatever its state; undefined for a link that never existed. */
export async function findInvitationForSecret(db: AsliDatabase, secret: string): Promise<Invitation | undefined> {
  if (!isInvitationSecret(secret)) return undefined;
  return findInvitationBySecretHash(db, await hashApiToken(secret));
}

/** Throws the stable reason a sign-in link no longer works. */
export function assertInvitationUsable(invitation: Invitation | undefined, now: number): asserts invitation is Invitation {
  if (!invitation) throw new ApiError(404, "invitation-unknown", "Not found", "this sign-in link is not one of ours");
  const state = invitationState(invitation, now);
  if (state === "used") throw new ApiError(410, "invitation-used", "Gone", "this sign-in link has been used already");
  if (state === "withdrawn") throw new ApiError(410, "invitation-withdrawn", "Gone", "this sign-in link was withdrawn");
  if (state === "expired") throw new ApiError(410, "invitation-expired", "Gone", "this sign-in link has expired");
}

/**
 * The pending invitation behind a sign-in link, for printing its slip: only by someone who may
 * manage it (404 otherwise, as for any read out of scope) and only while it still works.
 */
export async function invitationForSlip(db: AsliDatabase, actor: Principal, secret: string, now: Date): Promise<Invitation> {
  const invitation = await findInvitationForSecret(db, secret);
  if (!invitation || !canManagePerson(actor, invitation, await scopeArtisan(db, invitation))) throw notFound("this invitation");
  assertInvitationUsable(invitation, unixSeconds(now));
  return invitation;
}

/** INVITATION_TTL_HOURS from the environment: a number of hours from 1 to 720 (30 days); unset means 72. */
export function invitationTtlFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_INVITATION_TTL_HOURS;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours < 1 || hours > 720) throw new RangeError("INVITATION_TTL_HOURS must be a number of hours from 1 to 720");
  return hours;
}
