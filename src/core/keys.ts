// Ed25519 keys: identity (kid, key tag), JWK form, and WebCrypto handles for the hot path.
// @noble/ed25519 derives public keys and is the portable reference implementation.
import * as ed from "@noble/ed25519";
import { fromBase64url, randomBytes, sha256, toBase64url, toHex, utf8 } from "./bytes.js";

export const KEY_TAG_LENGTH = 4;

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

export async function verificationKey(publicKey: Uint8Array): Promise<VerificationKey> {
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

export async function verificationKeyFromJwk(jwk: { kty?: unknown; crv?: unknown; x?: unknown }): Promise<VerificationKey> {
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") {
    throw new TypeError("not an Ed25519 OKP JWK");
  }
  return verificationKey(fromBase64url(jwk.x));
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
