// The certificate token: payload || Ed25519 signature over (context || payload), in base32.
// Verification order is fixed: length and alphabet, version, key tag, signature, and only
// then the claims. The version byte fixes the algorithm; a token never chooses it.
import { base32Decode, base32Encode, base32Length } from "./base32.js";
import { concatBytes, utf8 } from "./bytes.js";
import { KEY_TAG_LENGTH, type Keyring, type SigningKey, type VerificationKey } from "./keys.js";
import { decodePayloadV1, PAYLOAD_V1_LENGTH, PAYLOAD_VERSION_1, writePayloadV1, type CertificateClaims } from "./payload.js";
import { webCryptoSign, webCryptoVerify, type Ed25519Verifier } from "./signature.js";

/** Domain separation: these 13 bytes ("ASLI-CERT-V1" and a zero byte) precede every signed payload. */
export const SIGNING_CONTEXT_V1 = utf8("ASLI-CERT-V1\0");
export const SIGNATURE_LENGTH = 64;
export const TOKEN_V1_BYTES = PAYLOAD_V1_LENGTH + SIGNATURE_LENGTH;
export const TOKEN_V1_LENGTH = base32Length(TOKEN_V1_BYTES);

export type TokenFailure = "malformed" | "unsupported-version" | "unknown-key" | "bad-signature";

export type TokenVerdict =
  | { valid: true; claims: CertificateClaims; key: VerificationKey }
  | { valid: false; reason: TokenFailure };

export function signedMessageV1(payload: Uint8Array): Uint8Array {
  return concatBytes(SIGNING_CONTEXT_V1, payload);
}

export async function issueToken(claims: CertificateClaims, key: SigningKey): Promise<string> {
  return (await issueTokenBytes(claims, key)).token;
}

/**
 * A version-1 token and its bytes (payload then signature: also its transparency log entry).
 * `serialBytes`, when the caller has them, are the serial's 8 bytes (claims.serial is
 * serialFromBytes of them): a batch of 10,000 spares decoding each serial again.
 */
export async function issueTokenBytes(claims: CertificateClaims, key: SigningKey, serialBytes?: Uint8Array): Promise<{ token: string; bytes: Uint8Array }> {
  // The payload is written once, in place inside the signed message, and copied once into the token.
  const message = new Uint8Array(SIGNING_CONTEXT_V1.length + PAYLOAD_V1_LENGTH);
  message.set(SIGNING_CONTEXT_V1);
  const payload = writePayloadV1(message.subarray(SIGNING_CONTEXT_V1.length), claims, key.keyTag, serialBytes);
  const signature = await webCryptoSign(key, message);
  const bytes = new Uint8Array(TOKEN_V1_BYTES);
  bytes.set(payload);
  bytes.set(signature, PAYLOAD_V1_LENGTH);
  return { token: base32Encode(bytes), bytes };
}

export async function verifyToken(
  token: string,
  keyring: Keyring,
  verify: Ed25519Verifier = webCryptoVerify,
): Promise<TokenVerdict> {
  if (token.length !== TOKEN_V1_LENGTH) return { valid: false, reason: "malformed" };
  const bytes = base32Decode(token);
  if (!bytes) return { valid: false, reason: "malformed" };
  if (bytes[0] !== PAYLOAD_VERSION_1) return { valid: false, reason: "unsupported-version" };

  const payload = bytes.subarray(0, PAYLOAD_V1_LENGTH);
  const signature = bytes.subarray(PAYLOAD_V1_LENGTH);
  const candidates = keyring.candidates(payload.subarray(1, 1 + KEY_TAG_LENGTH));
  if (candidates.length === 0) return { valid: false, reason: "unknown-key" };

  const message = signedMessageV1(payload);
  for (const key of candidates) {
    if (await verify(key, signature, message)) {
      try {
        return { valid: true, claims: decodePayloadV1(payload), key };
      } catch {
        // Signed by us yet unreadable: only a signer bug could make one. Never trust it.
        return { valid: false, reason: "malformed" };
      }
    }
  }
  return { valid: false, reason: "bad-signature" };
}
