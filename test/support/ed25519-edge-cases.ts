// The Ed25519 edge cases of docs/certificate-format.md §4.1, shared by the tests that run them
// under each implementation: Node (OpenSSL, noble), workerd and Chromium (BoringSSL).
import type { DocBlocks } from "./doc-blocks.js";

export type Outcome = "accept" | "reject";

export interface Ed25519EdgeCase {
  name: string;
  what: string;
  publicKey: string;
  message: string;
  signature: string;
  /** What every Asli verifier must answer. */
  asli: Outcome;
  /** WebCrypto in Node 20. */
  openssl: Outcome;
  /** WebCrypto in workerd and Chromium. */
  boringssl: Outcome;
  /** @noble/ed25519 with zip215: false. */
  noble: Outcome;
  /** @noble/ed25519 with zip215: true. */
  zip215: Outcome;
}

export function ED25519_EDGE_CASES(doc: DocBlocks): Ed25519EdgeCase[] {
  return doc.json<Ed25519EdgeCase[]>("vector=ed25519-edge-cases");
}

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));

/** The platform's WebCrypto by itself: the key imported as given, with none of Asli's key checks. */
export async function rawWebCryptoVerdict(v: Ed25519EdgeCase): Promise<Outcome> {
  try {
    const key = await crypto.subtle.importKey("raw", bytes(v.publicKey), { name: "Ed25519" }, false, ["verify"]);
    return (await crypto.subtle.verify("Ed25519", key, bytes(v.signature), bytes(v.message))) ? "accept" : "reject";
  } catch {
    return "reject";
  }
}
