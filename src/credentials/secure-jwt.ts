// Securing a credential as an enveloping JWT (W3C VC-JOSE-COSE, media type application/vc+jwt),
// signed with jose by the service's active key through WebCrypto. Loaded with import() by the
// routes, like secure-data-integrity.ts; jose's signing half is about 5 KiB gzipped.
import { SignJWT } from "jose";
import { jsonWebKeyMethodId } from "../core/did.js";
import type { SigningKey } from "../core/keys.js";
import type { Credential } from "./certificate-credential.js";

/**
 * The credential as the payload of a JWS (compact serialisation): `typ` vc+jwt and `cty` vc as
 * VC-JOSE-COSE says; `kid` is the DID URL of the key's JsonWebKey method. The payload is the
 * credential itself, plus the registered claims that repeat its issuer, id and subject (never
 * conflicting with them), for JWT libraries that check `iss`.
 */
export async function envelopedJwt(credential: Credential, key: SigningKey): Promise<string> {
  return new SignJWT({ ...credential, iss: credential.issuer, jti: credential.id, sub: credential.credentialSubject.id })
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: jsonWebKeyMethodId(credential.issuer, key.kid) })
    .sign(key.privateKey);
}
