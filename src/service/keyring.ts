// The keys a running service trusts, and rotation. SIGNING_KEY in the environment holds the one
// private key; the database holds every public half with its state. When the service meets a
// SIGNING_KEY it has not recorded (on start on Node, on first use on Workers), that key becomes
// the active one and the previous active key is retired, in one batch with its audit entries.
// Retired keys keep verifying; their private halves are no longer needed anywhere.
import { fromBase64url, toBase64url } from "../core/bytes.js";
import { Keyring, verificationKey, type SigningKey } from "../core/keys.js";
import { auditInsertIf, SYSTEM_ACTOR } from "../store/audit.js";
import type { AsliDatabase } from "../store/database.js";
import { activateKeyQueries, listStoredKeys, type StoredKey } from "../store/keys.js";
import { unixSeconds } from "../core/time.js";

/** Rotation happens because the environment changed, not because a token holder asked. */

/** SIGNING_KEY holds a key that was revoked: it must never sign again. */
export class SigningKeyRevokedError extends Error {
  override name = "SigningKeyRevokedError";
  constructor(readonly kid: string) {
    super(`SIGNING_KEY holds key ${kid}, which is revoked: generate a new key and put it in SIGNING_KEY`);
  }
}

export async function loadKeyring(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<Keyring> {
  let stored = await listStoredKeys(db);
  const mine = stored.find((k) => k.kid === signingKey.kid);
  if (mine?.state === "revoked") throw new SigningKeyRevokedError(signingKey.kid);

  const active = stored.find((k) => k.state === "active");
  // A key never returns from retired to active while another key is active: during a rollout,
  // an old instance starting late must not undo the rotation. The exception is a database with
  // no active key at all (one from before key states existed).
  if (!mine || (mine.state === "retired" && !active)) {
    await activate(db, signingKey, active, now);
    stored = await listStoredKeys(db);
  } else if (mine.state === "retired") {
    console.warn(`signing key ${signingKey.kid} is retired (active: ${active!.kid}); put the active key in SIGNING_KEY`);
  }

  const others = await Promise.all(stored.filter((k) => k.kid !== signingKey.kid).map((k) => verificationKey(fromBase64url(k.publicKey))));
  return new Keyring([signingKey, ...others]);
}

/**
 * Retires the previous active key and activates this one, each audited only if its statement
 * changed a row: two instances starting with a new key at once activate it once, with one
 * entry each for the activation and the retirement.
 */
async function activate(db: AsliDatabase, signingKey: SigningKey, previous: StoredKey | undefined, now: Date): Promise<void> {
  const at = unixSeconds(now);
  const [retire, insert] = activateKeyQueries(db, signingKey.kid, toBase64url(signingKey.publicKey), at);
  const activated = auditInsertIf(db, SYSTEM_ACTOR, now, {
    action: "signing-key.activate",
    subjectType: "signing-key",
    subjectId: signingKey.kid,
    after: { state: "active" },
  });
  if (previous && previous.kid !== signingKey.kid) {
    const retired = auditInsertIf(db, SYSTEM_ACTOR, now, {
      action: "signing-key.retire",
      subjectType: "signing-key",
      subjectId: previous.kid,
      before: { state: "active" },
      after: { state: "retired", retiredAt: at, successor: signingKey.kid },
    });
    await db.batch([retire, retired, insert, activated]);
    console.info(`signing key rotated: ${signingKey.kid} is active, ${previous.kid} retired`);
  } else {
    await db.batch([retire, insert, activated]);
  }
}
