// The first buyer's claim (docs/api.md "First buyer's claim"). An issuer may ask for a claim
// code with a certificate: ten random characters from an alphabet without look-alikes, shown
// once (in the issuing answer, and on a printable card), stored only as a hash, never in the QR.
// The buyer enters it on the verify page; the item then shows when its first buyer claimed it,
// a second claim is refused, and later scans from other countries feed the copy rules.
// Tries are limited per certificate (CLAIM_TRIES an hour), counted before the code is compared,
// and nothing about who tried is kept.
import { ApiError, notFound } from "../core/errors.js";
import { constantTimeEqual, randomBytes, sha256, toHex, utf8 } from "../core/bytes.js";
import { unixSeconds } from "../core/time.js";
import { auditInsertIf, type Actor } from "../store/audit.js";
import { findArtisan } from "../store/artisans.js";
import { findClaim, insertClaimQuery, markClaimedQuery, replaceClaimCodeQuery, takeClaimTry } from "../store/claims.js";
import type { AsliDatabase } from "../store/database.js";
import { assertCanIssueFor, type Principal } from "./access.js";
import { findReadableCertificate } from "./certificates.js";

/** 32 characters: the digits 2–9 and the letters but I and O, so no 0/O or 1/I/L to confuse. 5 bits each: 50 bits a code. */
export const CLAIM_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CLAIM_CODE_LENGTH = 10;
/** Tries a certificate's code allows per window, right or wrong; the window starts at the first try. */
export const CLAIM_TRIES = 5;
export const CLAIM_WINDOW_SECONDS = 60 * 60;

/** A new code, uniformly random (a byte's low 5 bits: 256 is a multiple of 32). */
export function generateClaimCode(): string {
  return [...randomBytes(CLAIM_CODE_LENGTH)].map((b) => CLAIM_CODE_ALPHABET[b & 31]).join("");
}

/** As printed and shown: two groups of five, "ABCDE-FGH23". */
export function formatClaimCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, as a code: NFKC (full-width forms), upper case, spaces and dashes dropped; null if it cannot be one. */
export function readClaimCode(typed: string): string | null {
  if (typed.length > 64) return null;
  const code = typed.normalize("NFKC").toUpperCase().replace(/[\s\-‐-―−]/g, "");
  if (code.length !== CLAIM_CODE_LENGTH) return null;
  for (const ch of code) if (!CLAIM_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** What the database keeps of a code: SHA-256 over a fixed context, the certificate's id and the code. */
export async function claimCodeHash(certificateId: string, code: string): Promise<string> {
  return toHex(await sha256(utf8(`asli-claim-v1\u0000${certificateId}\u0000${code}`)));
}

/** A code for a certificate being issued: the code to show once, and the statement that stores its hash (in the issuing batch). */
export async function newClaimCode(db: AsliDatabase, certificateId: string, now: Date) {
  const code = generateClaimCode();
  return { code: formatClaimCode(code), insert: insertClaimQuery(db, { certificateId, codeHash: await claimCodeHash(certificateId, code), createdAt: unixSeconds(now) }) };
}

export const alreadyClaimed = () => new ApiError(409, "already-claimed", "Already claimed", "the certificate's first buyer has claimed it: its claim code can no longer be used or replaced");

/**
 * A new claim code for a certificate not yet claimed, replacing any earlier one (a card that was
 * lost, or a code that an issuing answer showed and nobody kept). Issuers in scope; audited,
 * without the code.
 */
export async function replaceClaimCode(db: AsliDatabase, actor: Principal & Actor, certificateId: string, now: Date): Promise<string> {
  const record = await findReadableCertificate(db, actor, certificateId);
  const artisan = await findArtisan(db, record.certificate.artisanId);
  if (!artisan) throw notFound("this certificate");
  assertCanIssueFor(actor, artisan);
  const code = generateClaimCode();
  const at = unixSeconds(now);
  const [written] = await db.batch([
    replaceClaimCodeQuery(db, { certificateId, codeHash: await claimCodeHash(certificateId, code), createdAt: at }),
    auditInsertIf(db, actor, now, { action: "certificate.claim-code", subjectType: "certificate", subjectId: certificateId, after: { claimCodeCreatedAt: at } }),
  ]);
  if (written.length === 0) throw alreadyClaimed();
  return formatClaimCode(code);
}

export type ClaimOutcome =
  | { kind: "claimed"; claimedAt: number }
  | { kind: "malformed" }
  | { kind: "wrong-code"; triesLeft: number }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "already-claimed"; claimedAt: number }
  | { kind: "no-claim-code" };

/** A buyer's claim of a certificate with the code they typed. `country`: the claim's coarse country, if the runtime knows it. */
export async function claimCertificate(db: AsliDatabase, certificateId: string, typed: string, country: string | null, now: Date): Promise<ClaimOutcome> {
  const code = readClaimCode(typed);
  // A text that cannot be a code cannot be the code: no try spent, nothing written.
  if (!code) return { kind: "malformed" };
  const at = unixSeconds(now);
  const taken = await takeClaimTry(db, certificateId, at, CLAIM_WINDOW_SECONDS);
  if (!taken) return settled(await findClaim(db, certificateId));
  if (taken.tries > CLAIM_TRIES) return { kind: "rate-limited", retryAfterSeconds: Math.max(1, taken.triesSince! + CLAIM_WINDOW_SECONDS - at) };
  if (!constantTimeEqual(utf8(await claimCodeHash(certificateId, code)), utf8(taken.codeHash))) return { kind: "wrong-code", triesLeft: CLAIM_TRIES - taken.tries };
  const [claimed] = await markClaimedQuery(db, certificateId, at, country);
  // Another request with the right code claimed it between the try and now.
  if (!claimed) return settled(await findClaim(db, certificateId));
  return { kind: "claimed", claimedAt: at };
}

function settled(claim: { claimedAt: number | null } | undefined): ClaimOutcome {
  return claim?.claimedAt != null ? { kind: "already-claimed", claimedAt: claim.claimedAt } : { kind: "no-claim-code" };
}

/**
 * The certificate and its claim code, for printing the claim card: the code must be the one
 * stored (so that no other text is printed as a code) and still unclaimed. Issuers in scope.
 */
export async function claimCardFor(db: AsliDatabase, actor: Principal & Actor, certificateId: string, typed: string): Promise<{ serial: string; token: string; code: string }> {
  const record = await findReadableCertificate(db, actor, certificateId);
  const artisan = await findArtisan(db, record.certificate.artisanId);
  if (!artisan) throw notFound("this certificate");
  assertCanIssueFor(actor, artisan);
  const claim = await findClaim(db, certificateId);
  if (!claim) throw notFound("a claim code for this certificate");
  if (claim.claimedAt !== null) throw alreadyClaimed();
  const code = readClaimCode(typed);
  if (!code || !constantTimeEqual(utf8(await claimCodeHash(certificateId, code)), utf8(claim.codeHash))) {
    throw new ApiError(422, "wrong-claim-code", "Unprocessable request", "this is not the certificate's current claim code: print the code that issuing (or the last new code) answered");
  }
  return { serial: record.certificate.id, token: record.certificate.token, code: formatClaimCode(code) };
}
