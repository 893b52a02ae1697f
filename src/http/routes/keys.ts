import { Hono } from "hono";
import type { Ed25519PublicJwk } from "../../core/keys.js";
import { keyRevocationInput, revokeSigningKey } from "../../service/revocations.js";
import { registryUnavailable } from "../../core/errors.js";
import type { StoredKey } from "../../store/keys.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { readJson } from "../input.js";
import { isoTime } from "../../core/time.js";

/** An RFC 8037 JWK plus the key's lifecycle (extra members, which JWK consumers ignore). */
export type PublishedJwk = Ed25519PublicJwk & {
  state: StoredKey["state"];
  notBefore: string;
  retiredAt?: string;
  revokedAt?: string;
  compromisedAt?: string;
  revocationReason?: string;
};


export function publishedJwk(k: StoredKey): PublishedJwk {
  return {
    kty: "OKP",
    crv: "Ed25519",
    x: k.publicKey,
    kid: k.kid,
    alg: "EdDSA",
    use: "sig",
    state: k.state,
    notBefore: isoTime(k.createdAt),
    ...(k.retiredAt !== null ? { retiredAt: isoTime(k.retiredAt) } : {}),
    ...(k.revokedAt !== null ? { revokedAt: isoTime(k.revokedAt) } : {}),
    ...(k.compromisedAt !== null ? { compromisedAt: isoTime(k.compromisedAt) } : {}),
    ...(k.revocationReason !== null ? { revocationReason: k.revocationReason } : {}),
  };
}

export function keyRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // Every key a verifier may need: retired keys for old certificates, revoked keys for the
  // certificates they signed before their compromise. Short-lived cache: a revocation must
  // reach verifiers within minutes. Served from the keys this instance holds (read again once
  // they are KEYRING_MAX_AGE_SECONDS old); when the database cannot be read, from the keys as
  // last read, with their states as they were then, and not to be cached.
  app.get("/.well-known/jwks.json", async (c) => {
    const trusted = await deps.keyring.current(deps.db, deps.signingKey, deps.clock());
    if (!trusted.complete) throw registryUnavailable();
    if (trusted.stale) {
      c.header("cache-control", "no-store");
      c.header("x-asli-keys-as-of", trusted.readAt!.toISOString());
    } else {
      c.header("cache-control", "public, max-age=300");
    }
    return c.json({ keys: trusted.keys.map(publishedJwk) });
  });

  app.post("/api/v1/keys/:kid/revocation", requireRole(deps, "admin"), async (c) => {
    const input = await readJson(c, keyRevocationInput);
    const key = await revokeSigningKey(deps.db, c.get("principal"), c.req.param("kid"), input, deps.signingKey.kid, deps.clock());
    // This instance publishes and honours the revocation at once; the others within KEYRING_MAX_AGE_SECONDS.
    deps.keyring.invalidate();
    return c.json(publishedJwk(key));
  });
  return app;
}
