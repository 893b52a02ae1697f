// The DID document of the service's did:web: every key whose signatures a verifier of an Asli
// credential should accept, each as a Multikey (for Data Integrity) and as a JsonWebKey (for
// vc+jwt), both in assertionMethod. Revoked keys are left out, unlike in the JWK Set: a QR token
// carries an issue time that the registry recorded, so a key's compromise time can sort its
// tokens, but a credential's signing time is whatever the signer wrote. A holder of a credential
// signed by a key revoked since simply fetches it again, signed by the active key.
import { didWeb, ed25519Multibase, jsonWebKeyMethodId, multikeyMethodId } from "../core/did.js";
import { fromBase64url } from "../core/bytes.js";
import type { StoredKey } from "../store/keys.js";

export const DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1", "https://w3id.org/security/jwk/v1"];

export function didDocument(keys: readonly StoredKey[], baseUrl: string) {
  const did = didWeb(baseUrl);
  const trusted = keys.filter((k) => k.state !== "revoked");
  const methods = trusted.flatMap((k) => [
    { id: multikeyMethodId(did, k.kid), type: "Multikey", controller: did, publicKeyMultibase: ed25519Multibase(fromBase64url(k.publicKey)) },
    { id: jsonWebKeyMethodId(did, k.kid), type: "JsonWebKey", controller: did, publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: k.publicKey, kid: k.kid, alg: "EdDSA" } },
  ]);
  const ids = methods.map((m) => m.id);
  return { "@context": DID_CONTEXTS, id: did, verificationMethod: methods, assertionMethod: ids };
}
