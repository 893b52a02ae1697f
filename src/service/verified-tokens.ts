// The tokens whose signature this instance has already checked, so that repeated scans of one
// tag pay for the Ed25519 verification once. What is remembered is the first step of the
// verification pipeline only: that these exact characters carry a valid signature of this key,
// and the claims they decode to. Both are facts about the token's bytes and the key's public
// half, which cannot change. Everything that can change (whether the registry holds the
// certificate, its revocation, the artisan's suspension, the key's revocation and compromise
// time, a withdrawn GI authorisation) is not remembered: verifyCertificate reads it from the
// registry on every scan, so a change takes effect on the next scan, cache or no cache.
//
// An entry is used only while its key is trusted as this instance's keys last read say: in the
// keyring and not revoked. A token of a revoked key is checked in full on every scan, as are
// tokens of a key that has left the keyring (which then verify as unknown-key).
import type { CertificateClaims } from "../core/payload.js";
import type { VerificationKey } from "../core/keys.js";
import { verifyToken, type TokenVerdict } from "../core/token.js";
import { webCryptoVerify, type Ed25519Verifier } from "../core/signature.js";
import type { TrustedKeys } from "./keyring.js";

/**
 * Entries kept: a token and its claims take about 500 bytes, so about 5 MB, which covers the
 * tags scanned in a busy day on one instance. The least recently scanned go first.
 */
export const VERIFIED_TOKENS_CAPACITY = 10_000;

interface Entry {
  claims: Readonly<CertificateClaims>;
  key: VerificationKey;
}

export interface VerifiedTokensOptions {
  /** At most this many tokens are remembered; 0 remembers none. */
  capacity?: number;
  /** The signature check made on a miss (WebCrypto's Ed25519 by default). */
  verify?: Ed25519Verifier;
}

export class VerifiedTokens {
  readonly capacity: number;
  readonly #verify: Ed25519Verifier;
  // A Map iterates in insertion order: a hit is moved to the end, so the first key is the least recently used.
  readonly #entries = new Map<string, Entry>();

  constructor(options: VerifiedTokensOptions = {}) {
    this.capacity = options.capacity ?? VERIFIED_TOKENS_CAPACITY;
    if (!Number.isSafeInteger(this.capacity) || this.capacity < 0) throw new RangeError("the capacity is a whole number, 0 or more");
    this.#verify = options.verify ?? webCryptoVerify;
  }

  /** How many tokens are remembered now. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * verifyToken's verdict on `token` under `trusted`: from memory when this exact token was
   * verified before under a key that is still trusted, else by checking its signature.
   */
  async verify(token: string, trusted: TrustedKeys): Promise<TokenVerdict> {
    const known = this.#entries.get(token);
    if (known) {
      this.#entries.delete(token);
      if (isTrusted(known.key, trusted)) {
        this.#entries.set(token, known);
        return { valid: true, claims: known.claims, key: known.key };
      }
    }
    const verdict = await verifyToken(token, trusted.keyring, this.#verify);
    if (verdict.valid && this.capacity > 0 && isTrusted(verdict.key, trusted)) {
      if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(token, { claims: Object.freeze(verdict.claims), key: verdict.key });
    }
    return verdict;
  }
}

/** In the keyring as the very key that verified the token, and recorded as active or retired. */
function isTrusted(key: VerificationKey, trusted: TrustedKeys): boolean {
  if (!trusted.keyring.candidates(key.keyTag).includes(key)) return false;
  const stored = trusted.keys.find((k) => k.kid === key.kid);
  return stored !== undefined && stored.state !== "revoked";
}
