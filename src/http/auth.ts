// Bearer-token authentication. Tokens are compared as SHA-256 digests: the environment's admin
// token in constant time, stored tokens by an index on their hash, so no comparison depends on
// the secret's bytes. The console's session principal (a passkey sign-in, a cookie) is beside
// this, in src/http/console.ts (`signedIn`): the same Principal, never a bearer alternative.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { hashApiToken } from "../core/api-token.js";
import { constantTimeEqual, fromHex } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";
import type { Principal, Role } from "../service/access.js";
import { findActiveTokenByHash } from "../store/tokens.js";
import type { AppDeps } from "./deps.js";
import { unixSeconds } from "../core/time.js";

export type { Principal, Role } from "../service/access.js";
export type AuthEnv = { Variables: { principal: Principal } };

async function authenticate(deps: AppDeps, c: Context): Promise<Principal> {
  const header = c.req.header("authorization") ?? "";
  // RFC 9110 §11: the scheme is case-insensitive and 1*SP separates it from the token. Blanks
  // after the token are ignored here, whether or not the runtime trimmed them from the header.
  const match = /^Bearer +([A-Za-z0-9_.-]{1,200})[ \t]*$/i.exec(header);
  if (!match) {
    c.header("www-authenticate", 'Bearer realm="asli"');
    throw new ApiError(401, "unauthorized", "Unauthorized", "send an API token as a bearer token");
  }
  const hash = await hashApiToken(match[1]!);
  if (deps.adminTokenHash && constantTimeEqual(fromHex(hash), fromHex(deps.adminTokenHash))) {
    return { role: "admin", tokenId: null, districtCode: null, giTagId: null, artisanId: null };
  }
  const stored = await findActiveTokenByHash(deps.db, hash, unixSeconds(deps.clock()));
  if (!stored) {
    c.header("www-authenticate", 'Bearer realm="asli", error="invalid_token"');
    throw new ApiError(401, "unauthorized", "Unauthorized", "the API token is unknown, expired or revoked");
  }
  return { role: stored.role, tokenId: stored.id, districtCode: stored.districtCode, giTagId: stored.giTagId, artisanId: stored.artisanId };
}

/** Authenticates, then lets through only the given roles; scope checks happen in the services. */
export function requireRole(deps: AppDeps, ...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const principal = await authenticate(deps, c);
    if (!roles.includes(principal.role)) {
      throw new ApiError(403, "role-not-allowed", "Forbidden", `the ${principal.role} role may not do this`);
    }
    c.set("principal", principal);
    await next();
  });
}
