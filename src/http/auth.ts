// Bearer-token authentication. Tokens are compared as SHA-256 digests: the environment's admin
// token in constant time, stored tokens by an index on their hash, so no lookup depends on
// the secret's bytes.
import { createMiddleware } from "hono/factory";
import { hashApiToken } from "../core/api-token.js";
import { constantTimeEqual, fromHex } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";
import { findActiveTokenByHash } from "../store/tokens.js";
import type { AppDeps } from "./deps.js";

export type Role = "admin";
export interface Principal {
  role: Role;
  tokenId: number | null;
}
export type AuthEnv = { Variables: { principal: Principal } };

export function requireRole(deps: AppDeps, ...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer ([A-Za-z0-9_.-]{1,200})$/.exec(header);
    if (!match) {
      c.header("www-authenticate", 'Bearer realm="asli"');
      throw new ApiError(401, "unauthorized", "Unauthorized", "send an API token as a bearer token");
    }
    const hash = await hashApiToken(match[1]!);
    let principal: Principal | undefined;
    if (deps.adminTokenHash && constantTimeEqual(fromHex(hash), fromHex(deps.adminTokenHash))) {
      principal = { role: "admin", tokenId: null };
    } else {
      const stored = await findActiveTokenByHash(deps.db, hash);
      if (stored) principal = { role: stored.role, tokenId: stored.id };
    }
    if (!principal) {
      c.header("www-authenticate", 'Bearer realm="asli", error="invalid_token"');
      throw new ApiError(401, "unauthorized", "Unauthorized", "the API token is unknown or revoked");
    }
    if (!roles.includes(principal.role)) throw new ApiError(403, "forbidden", "Forbidden", "this token's role may not do that");
    c.set("principal", principal);
    await next();
  });
}
