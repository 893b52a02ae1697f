// Two Ed25519 implementations that must agree byte for byte: WebCrypto (native in Node and
// workerd, fast: the verify hot path) and @noble/ed25519 (portable reference, strict checks).
// Which signatures they accept is docs/certificate-format.md §4.1; the public keys they are given
// have already passed `verificationKey` (canonical, of prime order), which WebCrypto does not check.
import * as ed from "@noble/ed25519";
import { concatBytes } from "./bytes.js";
import type { SigningKey, VerificationKey } from "./keys.js";

export type Ed25519Verifier = (key: VerificationKey, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

/** The order of the Ed25519 base point. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

/**
 * The platform's Ed25519 (OpenSSL in Node 20, BoringSSL in workerd and Chromium): S < L, and the
 * cofactorless equation, by comparing the encoding of [S]B − [k]A with R byte for byte, which
 * also refuses every non-canonical R (measured on the vectors of the document).
 */
export const webCryptoVerify: Ed25519Verifier = async (key, signature, message) => {
  try {
    return await crypto.subtle.verify("Ed25519", key.cryptoKey, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
};

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/**
 * The portable reference: noble's strict branch (zip215: false: canonical A and R, S < L, no
 * small-order A, and the cofactored equation [8][S]B = [8]R + [8][k]A), and then the cofactorless
 * equation that WebCrypto checks. Noble alone accepts an R with a small-order component that
 * WebCrypto refuses; requiring both makes the two verifiers give one verdict on every signature.
 */
export const nobleVerify: Ed25519Verifier = async (key, signature, message) => {
  try {
    if (!(await ed.verifyAsync(signature, message, key.publicKey, { zip215: false }))) return false;
    const r = signature.subarray(0, 32);
    const s = littleEndian(signature.subarray(32, 64));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-512", concatBytes(r, key.publicKey, message) as Uint8Array<ArrayBuffer>));
    const k = littleEndian(digest) % L;
    const expected = ed.Point.BASE.multiply(s, false).subtract(ed.Point.fromBytes(key.publicKey).multiply(k, false)).toBytes();
    return expected.every((byte, i) => byte === r[i]);
  } catch {
    return false;
  }
};

export async function webCryptoSign(key: SigningKey, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("Ed25519", key.privateKey, message as Uint8Array<ArrayBuffer>));
}
