// The keys a running service trusts, and rotation. SIGNING_KEY in the environment holds the one
// private key; the database holds every public half with its state. When the service meets a
// SIGNING_KEY it has not recorded (on start on Node, on first use on Workers), that key becomes
// the active one and the previous active key is retired, in one batch with its audit entries.
// Retired keys keep verifying; their private halves are no longer needed anywhere.
//
// An instance holds the recorded keys in memory (LiveKeyring) and reads them again once they are
// KEYRING_MAX_AGE_SECONDS old, so that a key activated or revoked through another instance
// reaches it within that bound without a query on every verify. When the database cannot be
// read, it keeps to the keys it last read.
import { fromBase64url, toBase64url } from "../core/bytes.js";
import { Keyring, verificationKey, type SigningKey, type VerificationKey } from "../core/keys.js";
import { auditInsertIf, SYSTEM_ACTOR } from "../store/audit.js";
import { databaseFailure, type AsliDatabase } from "../store/database.js";
import { activateKeyQueries, listStoredKeys, type StoredKey } from "../store/keys.js";
import { unixSeconds } from "../core/time.js";
import { VerifiedTokens } from "./verified-tokens.js";

/** Rotation happens because the environment changed, not because a token holder asked. */

/** SIGNING_KEY holds a key that was revoked: it must never sign again. */
export class SigningKeyRevokedError extends Error {
  override name = "SigningKeyRevokedError";
  constructor(readonly kid: string) {
    super(`SIGNING_KEY holds key ${kid}, which is revoked: generate a new key and put it in SIGNING_KEY`);
  }
}

/**
 * The bound, in seconds, within which a key activated or revoked through one instance reaches
 * every other: how old the keys an instance holds may be when it verifies, publishes the JWKS,
 * or (holding a key revoked since) goes on serving. docs/operations.md states it.
 */
export const KEYRING_MAX_AGE_SECONDS = 60;

/** After a failed read, an instance keeps to the keys it last read for this long before it tries again. */
const RETRY_AFTER_FAILURE_MS = 5_000;

/** What an instance verifies with and publishes, at one moment. */
export interface TrustedKeys {
  /** Every recorded key, and this instance's signing key. */
  keyring: Keyring;
  /** The recorded keys with their states, as the JWKS publishes them. */
  keys: StoredKey[];
  /** When they were read from the database; null if it has never been read. */
  readAt: Date | null;
  /** The last read failed (the database is unavailable): these are the keys as last known. */
  stale: boolean;
  /**
   * False when the database has not been read since this instance started: it knows its own
   * signing key and nothing else, so a token signed by another key cannot be judged.
   */
  complete: boolean;
}

interface Snapshot {
  readAt: number;
  keys: StoredKey[];
  byKid: Map<string, StoredKey>;
  verification: Map<string, VerificationKey>;
  /** The keyring for each signing key that has asked, built once per snapshot. */
  keyrings: WeakMap<SigningKey, Keyring>;
}

export class LiveKeyring {
  /**
   * The tokens this instance has verified with these keys, so that a repeated scan skips the
   * signature check (src/service/verified-tokens.ts). Kept here because it lives as long as the
   * keys an instance holds: for the process on Node, for the isolate on Workers.
   */
  readonly verifiedTokens: VerifiedTokens;
  #snapshot: Snapshot | undefined;
  #reading: Promise<void> | undefined;
  #failedAt: number | undefined;
  readonly #maxAgeMs = KEYRING_MAX_AGE_SECONDS * 1000;

  constructor(options: { verifiedTokens?: VerifiedTokens } = {}) {
    this.verifiedTokens = options.verifiedTokens ?? new VerifiedTokens();
  }

  /**
   * The keys as of at most the maximum age (a time comparison, no query, in the normal case).
   * Throws SigningKeyRevokedError when `signingKey` is recorded as revoked; a database that
   * cannot be read gives the last known keys (`stale`), or only `signingKey` (`complete` false).
   */
  async current(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<TrustedKeys> {
    const t = now.getTime();
    if (!this.#isFresh(signingKey, t) && !this.#failedRecently(t)) {
      try {
        await this.refresh(db, signingKey, now);
      } catch (error) {
        if (!databaseFailure(error)) throw error;
        this.#failedAt = t;
      }
    }
    const snapshot = this.#snapshot;
    const stale = this.#failedAt !== undefined;
    if (!snapshot) return { keyring: new Keyring([signingKey]), keys: [], readAt: null, stale, complete: false };
    if (snapshot.byKid.get(signingKey.kid)?.state === "revoked") throw new SigningKeyRevokedError(signingKey.kid);
    let keyring = snapshot.keyrings.get(signingKey);
    if (!keyring) {
      keyring = new Keyring([signingKey, ...[...snapshot.verification.values()].filter((k) => k.kid !== signingKey.kid)]);
      snapshot.keyrings.set(signingKey, keyring);
    }
    return { keyring, keys: snapshot.keys, readAt: new Date(snapshot.readAt), stale, complete: true };
  }

  /** Reads the keys now, recording `signingKey` as the active key if it is new. Throws what the database throws. */
  async refresh(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<void> {
    // Requests that find the keys old at the same moment share one read.
    this.#reading ??= this.#read(db, signingKey, now).finally(() => (this.#reading = undefined));
    await this.#reading;
  }

  /** The next call reads the keys again: a key changed through this instance. */
  invalidate(): void {
    if (this.#snapshot) this.#snapshot.readAt = Number.NEGATIVE_INFINITY;
    this.#failedAt = undefined;
  }

  #isFresh(signingKey: SigningKey, t: number): boolean {
    const snapshot = this.#snapshot;
    // A signing key not recorded yet must be, at once (rotation on Workers).
    return snapshot !== undefined && snapshot.byKid.has(signingKey.kid) && t >= snapshot.readAt && t - snapshot.readAt < this.#maxAgeMs;
  }

  #failedRecently(t: number): boolean {
    return this.#failedAt !== undefined && t >= this.#failedAt && t - this.#failedAt < RETRY_AFTER_FAILURE_MS;
  }

  async #read(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<void> {
    const previous = this.#snapshot;
    let stored = await listStoredKeys(db);
    const mine = stored.find((k) => k.kid === signingKey.kid);
    if (mine?.state !== "revoked") {
      const active = stored.find((k) => k.state === "active");
      // A key never returns from retired to active while another key is active: during a rollout,
      // an old instance starting late must not undo the rotation. The exception is a database with
      // no active key at all (one from before key states existed).
      if (!mine || (mine.state === "retired" && !active)) {
        await activate(db, signingKey, active, now);
        stored = await listStoredKeys(db);
      } else if (mine.state === "retired" && previous?.byKid.get(signingKey.kid)?.state !== "retired") {
        console.warn(`signing key ${signingKey.kid} is retired (active: ${active!.kid}); put the active key in SIGNING_KEY`);
      }
    }
    const verification = new Map<string, VerificationKey>();
    for (const k of stored) {
      verification.set(k.kid, previous?.verification.get(k.kid) ?? (await verificationKey(fromBase64url(k.publicKey))));
    }
    this.#snapshot = { readAt: now.getTime(), keys: stored, byKid: new Map(stored.map((k) => [k.kid, k])), verification, keyrings: new WeakMap() };
    this.#failedAt = undefined;
  }
}

/**
 * Reads the keys once, as a Node instance does on start, and gives the LiveKeyring that keeps
 * them fresh. Throws SigningKeyRevokedError for a revoked SIGNING_KEY, and what the database throws.
 */
export async function loadKeyring(db: AsliDatabase, signingKey: SigningKey, now: Date, options: ConstructorParameters<typeof LiveKeyring>[0] = {}): Promise<LiveKeyring> {
  const live = new LiveKeyring(options);
  await live.refresh(db, signingKey, now);
  await live.current(db, signingKey, now);
  return live;
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
