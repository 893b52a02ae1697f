// Passkey ceremonies (WebAuthn): enrolment from a sign-in link, sign-in with a discoverable
// credential (nothing to type), adding a passkey from a signed-in session, removing one. Each
// ceremony answers a challenge the server issued, used once, within CHALLENGE_TTL_SECONDS.
// Credentials are discoverable (residentKey required) with user verification preferred, so a
// phone's screen lock is the second factor where it has one.
import { eq, sql, type SQL } from "drizzle-orm";
import { ApiError, notFound } from "../core/errors.js";
import { fromBase64url, toBase64url } from "../core/bytes.js";
import { isoTime, unixSeconds } from "../core/time.js";
import { auditInsert, type Actor } from "../store/audit.js";
import { isNotNullViolation, isUniqueViolation, type AsliDatabase } from "../store/database.js";
import {
  consumeChallenge,
  deleteExpiredChallengesQuery,
  deletePasskeyQuery,
  findPasskey,
  insertChallengeQuery,
  insertPasskeyQuery,
  listPasskeys,
  recordPasskeyUseQuery,
  type Challenge,
  type Passkey,
} from "../store/passkeys.js";
import { findPerson, pendingAt, type Invitation, type Person } from "../store/people.js";
import { invitations, people, sessions } from "../../db/schema.js";
import { assertInvitationUsable, findInvitationForSecret } from "./invitations.js";
import { personPrincipal } from "./people.js";
import { newSession } from "./sessions.js";
import {
  CHALLENGE_TTL_SECONDS,
  challengeFromClientData,
  knownTransports,
  type AuthenticationResponse,
  type LoadWebAuthn,
  type RegistrationResponse,
  type RelyingParty,
  type WebAuthnServer,
} from "./webauthn.js";

export interface CeremonyDeps {
  db: AsliDatabase;
  /** Absent where the runtime does not provide the WebAuthn library: passkey steps answer 501. */
  webauthn: LoadWebAuthn | undefined;
  rp: RelyingParty;
}

export function passkeyView(p: Passkey) {
  return {
    id: p.id,
    label: p.label,
    createdAt: isoTime(p.createdAt),
    lastUsedAt: p.lastUsedAt === null ? null : isoTime(p.lastUsedAt),
    backedUp: p.backedUp,
    transports: p.transports,
  };
}

async function library(deps: CeremonyDeps): Promise<WebAuthnServer> {
  if (!deps.webauthn) throw new ApiError(501, "not-available-on-this-runtime", "Not available here", "passkeys are not available on this deployment");
  return deps.webauthn();
}

const challengeInvalid = () => new ApiError(400, "challenge-invalid", "Bad request", "this passkey request has expired or was already answered: start again");
const passkeyInvalid = () => new ApiError(400, "passkey-invalid", "Bad request", "the passkey's answer could not be verified");

async function storeChallenge(db: AsliDatabase, challenge: string, purpose: Challenge["purpose"], owner: { invitationId?: number; personId?: number }, now: Date) {
  const at = unixSeconds(now);
  await db.batch([
    deleteExpiredChallengesQuery(db, at),
    insertChallengeQuery(db, { challenge, purpose, invitationId: owner.invitationId ?? null, personId: owner.personId ?? null, expiresAt: at + CHALLENGE_TTL_SECONDS }),
  ]);
}

/** Takes the challenge the response answers out of the store; it must be one this server issued for this ceremony. */
async function takeChallenge(db: AsliDatabase, clientDataJSON: string, purpose: Challenge["purpose"], now: Date): Promise<Challenge> {
  const challenge = challengeFromClientData(clientDataJSON);
  const stored = challenge ? await consumeChallenge(db, challenge, purpose, unixSeconds(now)) : undefined;
  if (!stored) throw challengeInvalid();
  return stored;
}

async function registrationOptions(deps: CeremonyDeps, user: { name: string; userHandle: string }, existing: Passkey[]) {
  const webauthn = await library(deps);
  return webauthn.generateRegistrationOptions({
    rpName: deps.rp.name,
    rpID: deps.rp.id,
    userName: user.name,
    userDisplayName: user.name,
    userID: fromBase64url(user.userHandle) as Uint8Array<ArrayBuffer>,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    timeout: CHALLENGE_TTL_SECONDS * 1000,
  });
}

async function verifiedRegistration(deps: CeremonyDeps, response: RegistrationResponse, challenge: string) {
  const webauthn = await library(deps);
  let verification;
  try {
    verification = await webauthn.verifyRegistrationResponse({
      response: response as Parameters<WebAuthnServer["verifyRegistrationResponse"]>[0]["response"],
      expectedChallenge: challenge,
      expectedOrigin: deps.rp.origin,
      expectedRPID: deps.rp.id,
      requireUserVerification: false,
    });
  } catch {
    throw passkeyInvalid();
  }
  if (!verification.verified) throw passkeyInvalid();
  const info = verification.registrationInfo;
  return {
    id: info.credential.id,
    publicKey: toBase64url(info.credential.publicKey),
    counter: info.credential.counter,
    transports: knownTransports(response.response.transports),
    backedUp: info.credentialBackedUp,
  };
}

// ---------------------------------------------------------------------------------------------
// Enrolment from a sign-in link

async function usableInvitation(db: AsliDatabase, secret: string, now: Date): Promise<Invitation> {
  const invitation = await findInvitationForSecret(db, secret);
  assertInvitationUsable(invitation, unixSeconds(now));
  return invitation;
}

export async function enrolmentOptions(deps: CeremonyDeps, secret: string, now: Date) {
  const invitation = await usableInvitation(deps.db, secret, now);
  const existing = invitation.personId === null ? [] : await listPasskeys(deps.db, invitation.personId);
  const options = await registrationOptions(deps, invitation, existing);
  await storeChallenge(deps.db, options.challenge, "register", { invitationId: invitation.id }, now);
  return options;
}

/**
 * Uses the sign-in link: creates the person (or finds the one the link was made for), stores
 * the passkey and starts a session, all in one batch that only applies while the link is still
 * pending. A link used twice, even at the same moment, creates one person and one passkey.
 */
export async function enrol(deps: CeremonyDeps, secret: string, body: { response: RegistrationResponse; label?: string }, now: Date) {
  const { db } = deps;
  const invitation = await usableInvitation(db, secret, now);
  const challenge = await takeChallenge(db, body.response.response.clientDataJSON, "register", now);
  if (challenge.invitationId !== invitation.id) throw challengeInvalid();
  const credential = await verifiedRegistration(deps, body.response, challenge.challenge);
  const at = unixSeconds(now);
  const id = invitation.id;

  // The person the passkey belongs to, and only if this batch's first statement used the link:
  // otherwise NULL, which the NOT NULL person_id refuses, undoing the whole batch.
  const personId: SQL = sql`(select case when invitations.used_at = ${at}
      then coalesce(invitations.person_id, (select people.id from people where people.invitation_id = ${id} and people.revoked_at is null)) end
    from invitations where invitations.id = ${id}
      and (invitations.person_id is null or exists (select 1 from people where people.id = invitations.person_id and people.revoked_at is null)))`;
  const actor: Actor = { role: invitation.role, tokenId: null, personId };
  const session = await newSession(db, personId, now);
  const isNew = invitation.personId === null;
  const statements = [
    db.update(invitations).set({ usedAt: at }).where(sql`${invitations.id} = ${id} and ${pendingAt(at)}`),
    ...(isNew
      ? [
          db.insert(people).values({
            name: invitation.name,
            role: invitation.role,
            districtCode: invitation.districtCode,
            giTagId: invitation.giTagId,
            artisanId: invitation.artisanId,
            userHandle: invitation.userHandle,
            invitationId: id,
            createdAt: at,
          }),
        ]
      : []),
    insertPasskeyQuery(db, { ...credential, personId: personId as unknown as number, label: body.label ?? null, createdAt: at, invitationId: id }),
    ...session.queries,
    auditInsert(db, actor, now, { action: "invitation.use", subjectType: "invitation", subjectId: id, after: { usedAt: at } }),
    ...(isNew ? [auditInsert(db, actor, now, { action: "person.create", subjectType: "person", subjectId: personId, after: { name: invitation.name, role: invitation.role, districtCode: invitation.districtCode, giTagId: invitation.giTagId, artisanId: invitation.artisanId, invitation: id } })] : []),
    auditInsert(db, actor, now, { action: "passkey.add", subjectType: "person", subjectId: personId, after: { passkey: credential.id, label: body.label ?? null, invitation: id } }),
    auditInsert(db, actor, now, { action: "session.start", subjectType: "person", subjectId: personId, after: { via: "invitation" } }),
  ];
  try {
    await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  } catch (error) {
    if (isUniqueViolation(error, "passkeys.id")) throw passkeyExists();
    if (isNotNullViolation(error, "passkeys.person_id") || isUniqueViolation(error, "people.invitation_id") || isUniqueViolation(error, "passkeys.invitation_id")) {
      // Used, withdrawn or expired while the passkey was being made: say which.
      assertInvitationUsable(await findInvitationForSecret(db, secret), at + 1);
      throw new ApiError(410, "invitation-used", "Gone", "this sign-in link has been used already");
    }
    throw error;
  }
  const person = await personBySession(db, session.secretHash);
  return { sessionSecret: session.secret, person };
}

async function personBySession(db: AsliDatabase, secretHash: string): Promise<Person> {
  const [row] = await db.select({ personId: sessions.personId }).from(sessions).where(eq(sessions.secretHash, secretHash));
  return (await findPerson(db, row!.personId))!;
}

const passkeyExists = () => new ApiError(409, "passkey-exists", "Conflict", "this passkey is registered already");

// ---------------------------------------------------------------------------------------------
// A further passkey, from a signed-in session

export async function addPasskeyOptions(deps: CeremonyDeps, person: Person, now: Date) {
  const options = await registrationOptions(deps, person, await listPasskeys(deps.db, person.id));
  await storeChallenge(deps.db, options.challenge, "register", { personId: person.id }, now);
  return options;
}

export async function addPasskey(deps: CeremonyDeps, person: Person, body: { response: RegistrationResponse; label?: string }, now: Date): Promise<Passkey> {
  const { db } = deps;
  const challenge = await takeChallenge(db, body.response.response.clientDataJSON, "register", now);
  if (challenge.personId !== person.id) throw challengeInvalid();
  const credential = await verifiedRegistration(deps, body.response, challenge.challenge);
  const at = unixSeconds(now);
  const values = { ...credential, personId: person.id, label: body.label ?? null, createdAt: at, invitationId: null };
  try {
    await db.batch([
      insertPasskeyQuery(db, values),
      auditInsert(db, personPrincipal(person), now, { action: "passkey.add", subjectType: "person", subjectId: person.id, after: { passkey: credential.id, label: values.label } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error, "passkeys.id")) throw passkeyExists();
    throw error;
  }
  return { ...values, lastUsedAt: null };
}

/** Removes one of the person's own passkeys. The last one goes only when `confirmLast` says the person was warned: without it they cannot sign in again. */
export async function removePasskey(db: AsliDatabase, person: Person, id: string, confirmLast: boolean, now: Date): Promise<void> {
  const own = await listPasskeys(db, person.id);
  const target = own.find((p) => p.id === id);
  if (!target) throw notFound("this passkey");
  if (own.length === 1 && !confirmLast) {
    throw new ApiError(409, "last-passkey", "Conflict", "this is your last passkey: without it you cannot sign in until someone sends you a new sign-in link");
  }
  await db.batch([
    deletePasskeyQuery(db, id, person.id),
    auditInsert(db, personPrincipal(person), now, { action: "passkey.remove", subjectType: "person", subjectId: person.id, before: { passkey: id, label: target.label }, after: { last: own.length === 1 } }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Sign-in

/** Options for a discoverable sign-in: no credential list, so the browser offers whichever passkey this person has here. */
export async function signInOptions(deps: CeremonyDeps, now: Date) {
  const webauthn = await library(deps);
  const options = await webauthn.generateAuthenticationOptions({ rpID: deps.rp.id, userVerification: "preferred", timeout: CHALLENGE_TTL_SECONDS * 1000 });
  await storeChallenge(deps.db, options.challenge, "authenticate", {}, now);
  return options;
}

export async function signIn(deps: CeremonyDeps, response: AuthenticationResponse, now: Date) {
  const { db } = deps;
  const challenge = await takeChallenge(db, response.response.clientDataJSON, "authenticate", now);
  const passkey = await findPasskey(db, response.id);
  const person = passkey && (await findPerson(db, passkey.personId));
  const unknown = new ApiError(401, "passkey-unknown", "Unauthorized", "this passkey is not registered here (it may have been removed)");
  if (!passkey || !person) throw unknown;
  if (response.response.userHandle !== undefined && response.response.userHandle !== person.userHandle) throw unknown;
  if (person.revokedAt !== null) throw new ApiError(403, "access-revoked", "Forbidden", "your access to the console has been revoked");

  const webauthn = await library(deps);
  let verification;
  try {
    verification = await webauthn.verifyAuthenticationResponse({
      response: response as Parameters<WebAuthnServer["verifyAuthenticationResponse"]>[0]["response"],
      expectedChallenge: challenge.challenge,
      expectedOrigin: deps.rp.origin,
      expectedRPID: deps.rp.id,
      credential: { id: passkey.id, publicKey: fromBase64url(passkey.publicKey) as Uint8Array<ArrayBuffer>, counter: passkey.counter, transports: knownTransports(passkey.transports) },
      requireUserVerification: false,
    });
  } catch {
    throw passkeyInvalid();
  }
  if (!verification.verified) throw passkeyInvalid();

  const at = unixSeconds(now);
  const session = await newSession(db, person.id, now);
  await db.batch([
    recordPasskeyUseQuery(db, passkey.id, verification.authenticationInfo.newCounter, at),
    ...session.queries,
    auditInsert(db, personPrincipal(person), now, { action: "session.start", subjectType: "person", subjectId: person.id, after: { via: "passkey", passkey: passkey.id } }),
  ]);
  return { sessionSecret: session.secret, person };
}
