// Revoking and reinstating certificates, and revoking signing keys after a compromise. Each
// change is written in one batch with its audit entry: both land or neither does.
import * as z from "zod";
import { CERTIFICATE_REVOCATION_REASONS } from "../core/bundle.js";
import { ApiError, notFound, stateChanged, unprocessable } from "../core/errors.js";
import { assertCanIssueFor, type Principal } from "./access.js";
import { findReadableCertificate } from "./certificates.js";
import { auditInsert, auditInsertIf, type Actor } from "../store/audit.js";
import { findArtisan } from "../store/artisans.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import { findStoredKey, revokeKeyQuery, type StoredKey } from "../store/keys.js";
import { findCurrentRevocation, insertRevocationQuery, reinstateQuery, type CertificateRevocation } from "../store/revocations.js";
import { instant } from "./instant.js";
import { unixSeconds } from "../core/time.js";

export const revocationInput = z.object({ reason: z.enum(CERTIFICATE_REVOCATION_REASONS) }).strict();

export const KEY_REVOCATION_REASONS = ["key-compromise", "suspected-compromise"] as const;

export const keyRevocationInput = z
  .object({
    /** From this instant on, certificates the key signed verify as invalid. */
    compromisedAt: instant,
    reason: z.enum(KEY_REVOCATION_REASONS).default("key-compromise"),
  })
  .strict();


export async function revokeCertificate(
  db: AsliDatabase,
  actor: Principal,
  certificateId: string,
  input: z.output<typeof revocationInput>,
  now: Date,
): Promise<CertificateRevocation> {
  await requireCertificate(db, actor, certificateId);
  if (await findCurrentRevocation(db, certificateId)) throw alreadyRevoked();
  const revokedAt = unixSeconds(now);
  try {
    const [[revocation]] = await db.batch([
      insertRevocationQuery(db, { certificateId, reason: input.reason, revokedAt, revokedByRole: actor.role }),
      auditInsert(db, actor, now, {
        action: "certificate.revoke",
        subjectType: "certificate",
        subjectId: certificateId,
        before: { revoked: false },
        after: { revoked: true, reason: input.reason, revokedAt },
      }),
    ]);
    return revocation!;
  } catch (error) {
    // A concurrent revocation won the unique index on the current revocation.
    if (isUniqueViolation(error, "certificate_revocations.certificate_id")) throw alreadyRevoked();
    throw error;
  }
}

const REVOKER_RANK: Record<Principal["role"], number> = { admin: 3, district: 2, "gi-body": 1, artisan: 1, exporter: 0 };

export async function reinstateCertificate(db: AsliDatabase, actor: Principal, certificateId: string, now: Date): Promise<CertificateRevocation> {
  await requireCertificate(db, actor, certificateId);
  const current = await findCurrentRevocation(db, certificateId);
  if (!current) throw notRevoked();
  // An artisan cannot undo what their district office or the registry revoked (say, as stolen).
  if (REVOKER_RANK[actor.role] < REVOKER_RANK[current.revokedByRole ?? "admin"]) {
    throw new ApiError(403, "revoked-by-higher-authority", "Forbidden", `revoked by the ${current.revokedByRole ?? "admin"} role; only that role or one above it can reinstate`);
  }
  const at = unixSeconds(now);
  const [[reinstated]] = await db.batch([
    reinstateQuery(db, current.id, at),
    auditInsertIf(db, actor, now, {
      action: "certificate.reinstate",
      subjectType: "certificate",
      subjectId: certificateId,
      before: { revoked: true, reason: current.reason, revokedAt: current.revokedAt },
      after: { revoked: false, reinstatedAt: at },
    }),
  ]);
  // Another request reinstated it between our read and our write.
  if (!reinstated) throw notRevoked();
  return reinstated;
}

/**
 * Revokes a retired key. The active key cannot be revoked: rotate first (put a new SIGNING_KEY),
 * so that no running instance is left signing with a key the registry has disowned.
 */
export async function revokeSigningKey(
  db: AsliDatabase,
  actor: Actor,
  kid: string,
  input: z.output<typeof keyRevocationInput>,
  signingKid: string,
  now: Date,
): Promise<StoredKey> {
  const key = /^[A-Za-z0-9_-]{43}$/.test(kid) ? await findStoredKey(db, kid) : undefined;
  if (!key) throw notFound("this key");
  if (key.state === "revoked") throw keyAlreadyRevoked();
  if (key.state === "active" || key.kid === signingKid) {
    throw new ApiError(409, "key-active", "Conflict", "this key signs new certificates: rotate to a new SIGNING_KEY first, then revoke this one");
  }
  const compromisedAt = input.compromisedAt;
  if (compromisedAt > unixSeconds(now)) throw unprocessable("compromise-in-future", "compromisedAt is after now");
  const revokedAt = unixSeconds(now);
  const revocation = { revokedAt, compromisedAt, reason: input.reason };
  const [[revoked]] = await db.batch([
    revokeKeyQuery(db, kid, revocation),
    auditInsertIf(db, actor, now, {
      action: "signing-key.revoke",
      subjectType: "signing-key",
      subjectId: kid,
      before: { state: key.state },
      after: { state: "revoked", ...revocation },
    }),
  ]);
  if (!revoked) {
    // Another request changed the key between our read and our write: say what it is now.
    const current = await findStoredKey(db, kid);
    if (current?.state === "revoked") throw keyAlreadyRevoked();
    throw stateChanged();
  }
  return revoked;
}

/**
 * A certificate is revoked or reinstated by whoever may issue for its artisan: the registry, the
 * artisan's district office, or the artisan when the registry lets them self-issue. Those who
 * may not even read it get a 404, as on every certificate route.
 */
async function requireCertificate(db: AsliDatabase, principal: Principal, certificateId: string): Promise<void> {
  const record = await findReadableCertificate(db, principal, certificateId);
  const artisan = await findArtisan(db, record.certificate.artisanId);
  if (!artisan) throw notFound("this certificate");
  assertCanIssueFor(principal, artisan);
}

function notRevoked(): ApiError {
  return new ApiError(409, "not-revoked", "Conflict", "this certificate is not revoked");
}

function keyAlreadyRevoked(): ApiError {
  return new ApiError(409, "key-already-revoked", "Conflict", "this key is already revoked");
}

function alreadyRevoked(): ApiError {
  return new ApiError(409, "already-revoked", "Conflict", "this certificate is already revoked; reinstate it first to change the reason");
}
