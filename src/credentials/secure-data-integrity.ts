// Securing a credential with an embedded Data Integrity proof (eddsa-rdfc-2022, W3C VC Data
// Integrity 1.0), signed by the service's active key through WebCrypto: the private key never
// leaves its CryptoKey, and the seed is never exported.
//
// This module carries the JSON-LD stack (jsonld, rdf-canonize), about 55 KiB gzipped: the routes
// load it with import() on the first request that needs it, so that nothing of it runs, or is
// parsed, on the scan path. The vc+jwt form (secure-jwt.ts) does not need it.
/// <reference path="./digitalbazaar.d.ts" />
import { DataIntegrityProof, type ProofPurpose, type Signer } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { sha256, toBase64url, utf8 } from "../core/bytes.js";
import { didWeb, multikeyMethodId } from "../core/did.js";
import type { SigningKey } from "../core/keys.js";
import type { Credential } from "./certificate-credential.js";
import { documentLoader } from "./document-loader.js";

/** The proof purpose of an issuer's assertion (what jsonld-signatures' AssertionProofPurpose writes). */
const ASSERTION: ProofPurpose = {
  term: "assertionMethod",
  async update(proof) {
    return { ...proof, proofPurpose: "assertionMethod" };
  },
};

function webCryptoSigner(key: SigningKey, id: string): Signer {
  return {
    id,
    algorithm: "Ed25519",
    async sign({ data }) {
      return new Uint8Array(await crypto.subtle.sign("Ed25519", key.privateKey, data as Uint8Array<ArrayBuffer>));
    },
  };
}

// Signing is deterministic (Ed25519, and no `created` time in the proof), so a signed document
// is a pure function of the credential and the key: a small per-process memo spares the JSON-LD
// canonicalisation (several milliseconds of CPU) when the same credential is asked for again.
const MEMO_LIMIT = 500;
const memo = new Map<string, Credential>();

/** The credential with a DataIntegrityProof (eddsa-rdfc-2022) by the key's Multikey method. */
export async function withDataIntegrityProof(credential: Credential, key: SigningKey, baseUrl: string): Promise<Credential> {
  const origin = new URL(baseUrl).origin;
  const memoKey = `${key.kid} ${toBase64url(await sha256(utf8(JSON.stringify(credential))))}`;
  const held = memo.get(memoKey);
  if (held) return held;
  const method = multikeyMethodId(didWeb(origin), key.kid);
  const suite = new DataIntegrityProof({ signer: webCryptoSigner(key, method), cryptosuite, date: null });
  // The suite reads the document; it must not see a copy that later changes under it.
  const document = structuredClone(credential);
  const proof = await suite.createProof({ document, purpose: ASSERTION, proofSet: [], documentLoader: documentLoader(origin) });
  const secured = { ...credential, proof } as Credential;
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(memoKey, secured);
  return secured;
}
