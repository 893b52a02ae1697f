// The certificate token of docs/certificate-format.md: key ids and tags (§2.2–2.3), the JWK Set rules
// (§2.4), the payload (§3), valid serials (§3.1), the signature (§4, §4.1) and verification (§7).
import { isPrimeOrderKey, verifyWithTrustedKey } from "./ed25519";
import { base32Decode, base32Encode, base64urlStrict, sha256 } from "./encoding";

export const CERT_CONTEXT = Buffer.from("ASLI-CERT-V1\0", "latin1");
export const TOKEN_LENGTH = 146;
export const EPOCH_2020 = 1577836800;

export function thumbprintInput(x: string): string {
  return `{"crv":"Ed25519","kty":"OKP","x":"${x}"}`;
}
export const kidOf = (x: string) => sha256(Buffer.from(thumbprintInput(x), "utf8")).toString("base64url");
export const keyTagOf = (x: string) => sha256(Buffer.from(thumbprintInput(x), "utf8")).subarray(0, 4);

/** `x` as §2.4 rule 1 requires it: canonical base64url of 32 bytes, no padding. */
export function canonicalX(x: unknown): Buffer | null {
  if (typeof x !== "string" || !/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(x)) return null;
  const bytes = base64urlStrict(x);
  return bytes && bytes.length === 32 ? bytes : null;
}

export type KeyState = "active" | "retired" | "revoked";

export interface TrustedKey {
  x: string;
  publicKey: Buffer;
  tag: Buffer;
  kid: string;
  state: KeyState | null; // null: a plain JWK with no lifecycle
  /** Unix seconds; undefined when the key carries none. */
  compromisedAt?: number | null;
}

export function trustedKey(x: string, state: KeyState | null, compromisedAt?: number | null): TrustedKey | null {
  const publicKey = canonicalX(x);
  if (!publicKey || !isPrimeOrderKey(publicKey)) return null;
  return { x, publicKey, tag: keyTagOf(x), kid: kidOf(x), state, compromisedAt };
}

const isoSeconds = (value: unknown): number | null => {
  if (typeof value !== "string") return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
};

/** §2.4: the trusted keys of a JWK Set; entries that break rule 1 are skipped. */
export function readJwkSet(set: { keys?: unknown }): TrustedKey[] {
  const out: TrustedKey[] = [];
  for (const entry of Array.isArray(set.keys) ? set.keys : []) {
    if (!entry || typeof entry !== "object") continue;
    const jwk = entry as Record<string, unknown>;
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") continue;
    if ("kid" in jwk && jwk.kid !== kidOf(jwk.x)) continue;
    let state: KeyState | null = null;
    if ("state" in jwk) {
      if (jwk.state !== "active" && jwk.state !== "retired" && jwk.state !== "revoked") continue;
      state = jwk.state;
    }
    const key = trustedKey(jwk.x, state, "compromisedAt" in jwk ? isoSeconds(jwk.compromisedAt) : undefined);
    if (key) out.push(key);
  }
  return out;
}

export interface Claims {
  version: number;
  keyTag: Buffer;
  serialBytes: Buffer;
  serial: string;
  issuedAt: number; // unix seconds
  artisanId: number;
  districtCode: number;
  productId: number | null;
  giTagId: number | null;
}

export type TokenReason = "malformed" | "unsupported-version" | "unknown-key" | "bad-signature" | "key-compromised";
export type TokenResult = { ok: true; claims: Claims; key: TrustedKey; bytes: Buffer } | { ok: false; reason: TokenReason };

export function decodeClaims(payload: Buffer): Claims {
  const serialBytes = payload.subarray(5, 13);
  return {
    version: payload[0]!,
    keyTag: payload.subarray(1, 5),
    serialBytes,
    serial: base32Encode(serialBytes),
    issuedAt: payload.readUInt32BE(13) + EPOCH_2020,
    artisanId: payload.readUInt32BE(17),
    districtCode: payload.readUInt16BE(21),
    productId: payload.readUInt16BE(23) || null,
    giTagId: payload.readUInt16BE(25) || null,
  };
}

/** §7 steps 1–6. */
export function verifyToken(text: string, keys: TrustedKey[]): TokenResult {
  if (text.length !== TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const bytes = base32Decode(text, 91);
  if (!bytes) return { ok: false, reason: "malformed" };
  if (bytes[0] !== 0x01) return { ok: false, reason: "unsupported-version" };
  const candidates = keys.filter((k) => k.tag.equals(bytes.subarray(1, 5)));
  if (candidates.length === 0) return { ok: false, reason: "unknown-key" };
  const message = Buffer.concat([CERT_CONTEXT, bytes.subarray(0, 27)]);
  const key = candidates.find((k) => verifyWithTrustedKey(k.publicKey, message, bytes.subarray(27)));
  if (!key) return { ok: false, reason: "bad-signature" };
  const claims = decodeClaims(bytes.subarray(0, 27));
  if (claims.artisanId === 0 || claims.districtCode === 0) return { ok: false, reason: "malformed" };
  return { ok: true, claims, key, bytes };
}

/** §2.4 rule 2: a revoked key vouches for nothing at or after its compromise (nothing at all without one). */
export function keyCompromised(key: TrustedKey, issuedAt: number): boolean {
  if (key.state !== "revoked") return false;
  return key.compromisedAt == null || issuedAt >= key.compromisedAt;
}

/** A verifier's verdict on a token against a JWK Set: valid, or the reason. */
export function verdictWithJwkSet(text: string, set: { keys?: unknown }): "valid" | TokenReason {
  const result = verifyToken(text, readJwkSet(set));
  if (!result.ok) return result.reason;
  return keyCompromised(result.key, result.claims.issuedAt) ? "key-compromised" : "valid";
}

/** §3.1. */
export function isValidSerial(text: unknown): text is string {
  return typeof text === "string" && /^[A-Z2-7]{12}[ACEGIKMOQSUWY246]$/.test(text) && base32Decode(text, 8) !== null;
}

