// Ed25519 keys: identity (kid, key tag), JWK form, and WebCrypto handles for the hot path.
// @noble/ed25519 derives public keys and is the portable reference implementation.
import * as ed from "@noble/ed25519";
import { fromBase64url, randomBytes, sha256, toBase64url, toHex, utf8 } from "./bytes.js";

export const KEY_TAG_LENGTH = 4;

/** The key states of the JWK Set and the trust bundle (docs/certificate-format.md §2.1); version 1 knows no other. */
export const KEY_STATES = ["active", "retired", "revoked"] as const;
export type KeyState = (typeof KEY_STATES)[number];

export interface KeyIdentity {
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
  kid: string;
  /** The first 4 bytes of the thumbprint digest, carried in every token. */
  keyTag: Uint8Array;
}

export interface VerificationKey extends KeyIdentity {
  publicKey: Uint8Array;
  cryptoKey: CryptoKey;
}

export interface SigningKey extends VerificationKey {
  privateKey: CryptoKey;
}

export interface Ed25519PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: "EdDSA";
  use: "sig";
}

export async function keyIdentity(publicKey: Uint8Array): Promise<KeyIdentity> {
  if (publicKey.length !== 32) throw new TypeError("an Ed25519 public key is 32 bytes");
  // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${toBase64url(publicKey)}"}`;
  const digest = await sha256(utf8(canonical));
  return { kid: toBase64url(digest), keyTag: digest.slice(0, KEY_TAG_LENGTH) };
}

export function keyTagHex(keyTag: Uint8Array): string {
  return toHex(keyTag);
}

// Checked keys by their hex encoding: the check is a scalar multiplication (a few ms in JS), and
// the Workers entry imports every published key on every request. Derived from the bytes alone,
// so an entry can never be stale; bounded, because a verifier may be shown any number of keys.
const primeOrderKeys = new Set<string>();

/**
 * docs/certificate-format.md §4.1: a trusted public key is the canonical encoding of a point of
 * prime order L. WebCrypto (OpenSSL, BoringSSL) imports small-order, mixed-order and
 * non-canonical encodings and verifies signatures against them (the identity point "verifies"
 * every message), so the check is made here, once per key, for every Ed25519 implementation.
 */
export function isPrimeOrderPublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== 32) return false;
  const hex = toHex(publicKey);
  if (primeOrderKeys.has(hex)) return true;
  let point: InstanceType<typeof ed.Point>;
  try {
    point = ed.Point.fromBytes(publicKey, false); // strict: y < p, and no x = 0 with the sign bit set
  } catch {
    return false;
  }
  if (point.is0() || !point.isTorsionFree()) return false;
  if (primeOrderKeys.size >= 256) primeOrderKeys.clear();
  primeOrderKeys.add(hex);
  return true;
}

/** Throws for a public key that no Asli verifier trusts (see `isPrimeOrderPublicKey`). */
export async function verificationKey(publicKey: Uint8Array): Promise<VerificationKey> {
  if (!isPrimeOrderPublicKey(publicKey)) throw new TypeError("not an Ed25519 public key of prime order in canonical encoding");
  const identity = await keyIdentity(publicKey);
  const cryptoKey = await crypto.subtle.importKey("raw", publicKey as Uint8Array<ArrayBuffer>, { name: "Ed25519" }, true, ["verify"]);
  return { ...identity, publicKey, cryptoKey };
}

export async function signingKeyFromSeed(seed: Uint8Array): Promise<SigningKey> {
  if (seed.length !== 32) throw new TypeError("an Ed25519 private key seed is 32 bytes");
  const publicKey = await ed.getPublicKeyAsync(seed);
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    { kty: "OKP", crv: "Ed25519", x: toBase64url(publicKey), d: toBase64url(seed) },
    { name: "Ed25519" },
    false,
    ["sign"],
  );
  return { ...(await verificationKey(publicKey)), privateKey };
}

export function generateSeed(): Uint8Array {
  return randomBytes(32);
}

/** The signing key's text form: the 32-byte seed in base64url (43 characters), as `SIGNING_KEY` holds it. */
export function encodeSeed(seed: Uint8Array): string {
  return toBase64url(seed);
}

export function decodeSeed(text: string): Uint8Array {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(trimmed)) {
    throw new TypeError("SIGNING_KEY must be a 32-byte Ed25519 seed in base64url (43 characters)");
  }
  return fromBase64url(trimmed);
}

export function publicJwk(key: VerificationKey): Ed25519PublicJwk {
  return { kty: "OKP", crv: "Ed25519", x: toBase64url(key.publicKey), kid: key.kid, alg: "EdDSA", use: "sig" };
}

/**
 * Reads one entry of a JWK Set as docs/certificate-format.md §2.4 tells a verifier to: an
 * Ed25519 OKP key whose `x` is the canonical base64url of a trusted public key, whose `kid`, if
 * present, is that key's thumbprint, and whose `state`, if present, is one this version knows.
 * Throws for anything else: a verifier skips such an entry as if it were not published.
 */
export async function verificationKeyFromJwk(jwk: { kty?: unknown; crv?: unknown; x?: unknown; kid?: unknown; state?: unknown }): Promise<VerificationKey> {
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") {
    throw new TypeError("not an Ed25519 OKP JWK");
  }
  let publicKey: Uint8Array;
  try {
    publicKey = fromBase64url(jwk.x);
  } catch {
    throw new TypeError("x is not canonical base64url");
  }
  const key = await verificationKey(publicKey);
  if (jwk.kid !== undefined && jwk.kid !== key.kid) throw new TypeError("kid is not the RFC 7638 thumbprint of x");
  if (jwk.state !== undefined && !(KEY_STATES as readonly unknown[]).includes(jwk.state)) throw new TypeError("unknown key state");
  return key;
}

/** What a key's lifecycle says about the certificates it signed (the JWK Set and the trust bundle carry it). */
export interface KeyStanding {
  state: KeyState;
  /** Unix seconds; for a revoked key, the certificates issued at or after it are not to be trusted. */
  compromisedAt: number | null;
}

/**
 * docs/certificate-format.md §2.4: whether a certificate issued at `issuedAt` (unix seconds)
 * lost its key's word. Only revocation withdraws it: at or after `compromisedAt`, or always
 * when a revoked key has no compromise time. `notBefore` and `retiredAt` never do: a retired
 * key's holder could forge any date, and honest instances still sign during a rotation.
 */
export function signedAfterCompromise(key: KeyStanding, issuedAt: number): boolean {
  return key.state === "revoked" && (key.compromisedAt === null || issuedAt >= key.compromisedAt);
}

/** The public keys a verifier trusts, found by the key tag that a token carries. */
export class Keyring {
  private readonly byTag = new Map<string, VerificationKey[]>();

  constructor(keys: Iterable<VerificationKey>) {
    for (const key of keys) {
      const tag = keyTagHex(key.keyTag);
      this.byTag.set(tag, [...(this.byTag.get(tag) ?? []), key]);
    }
  }

  /** Every key whose tag matches: tags are 32 bits, so two keys may share one. */
  candidates(keyTag: Uint8Array): readonly VerificationKey[] {
    return this.byTag.get(keyTagHex(keyTag)) ?? [];
  }

  keys(): VerificationKey[] {
    return [...this.byTag.values()].flat();
  }
}
