// Two Ed25519 implementations that must agree byte for byte: WebCrypto (native in Node and
// workerd, fast: the verify hot path) and @noble/ed25519 (portable reference, strict checks).
import * as ed from "@noble/ed25519";
import type { SigningKey, VerificationKey } from "./keys.js";

export type Ed25519Verifier = (key: VerificationKey, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

export const webCryptoVerify: Ed25519Verifier = async (key, signature, message) => {
  try {
    return await crypto.subtle.verify("Ed25519", key.cryptoKey, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
};

/** RFC 8032 strict verification (zip215: false): rejects non-canonical encodings. */
export const nobleVerify: Ed25519Verifier = async (key, signature, message) => {
  try {
    return await ed.verifyAsync(signature, message, key.publicKey, { zip215: false });
  } catch {
    return false;
  }
};

export async function webCryptoSign(key: SigningKey, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("Ed25519", key.privateKey, message as Uint8Array<ArrayBuffer>));
}
