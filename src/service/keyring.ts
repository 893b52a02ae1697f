// The keys a running service trusts: the signing key, recorded by its public half, and every
// public key recorded before it, so that certificates from earlier keys keep verifying.
import { fromBase64url, toBase64url } from "../core/bytes.js";
import { Keyring, verificationKey, type SigningKey } from "../core/keys.js";
import type { AsliDatabase } from "../store/database.js";
import { listStoredKeys, rememberSigningKey } from "../store/keys.js";

export async function loadKeyring(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<Keyring> {
  await rememberSigningKey(db, signingKey.kid, toBase64url(signingKey.publicKey), Math.floor(now.getTime() / 1000));
  const stored = await listStoredKeys(db);
  const others = await Promise.all(stored.filter((k) => k.kid !== signingKey.kid).map((k) => verificationKey(fromBase64url(k.publicKey))));
  return new Keyring([signingKey, ...others]);
}
