// createApp: the one Hono app that both runtimes serve. It gets every dependency it needs.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { ApiError, notFound } from "../core/errors.js";
import type { AppDeps } from "./deps.js";
import { describeOperations } from "./openapi.js";
import { problemResponse } from "./problem.js";
import { artisanRoutes } from "./routes/artisans.js";
import { assetRoutes } from "./routes/assets.js";
import { auditRoutes } from "./routes/audit.js";
import { BATCH_OPERATIONS, batchRoutes } from "./routes/batches.js";
import { certificateRoutes } from "./routes/certificates.js";
import { CONSOLE_OPERATIONS, consoleNotFound, consoleRoutes } from "./routes/console.js";
import { docsRoutes } from "./routes/docs.js";
import { INVITATION_OPERATIONS, invitationRoutes } from "./routes/invitations.js";
import { keyRoutes } from "./routes/keys.js";
import { registryRoutes } from "./routes/registry.js";
import { revocationRoutes } from "./routes/revocations.js";
import { TAG_OPERATIONS, tagRoutes } from "./routes/tags.js";
import { tokenRoutes } from "./routes/tokens.js";
import { TRUST_OPERATIONS, trustRoutes } from "./routes/trust.js";
import { verifyRoutes } from "./routes/verify.js";

export type { AppDeps } from "./deps.js";

/** Every operation the app serves, for /api/v1/openapi.json; a test holds the two in step. */
export const API_OPERATIONS = describeOperations(TAG_OPERATIONS, BATCH_OPERATIONS, TRUST_OPERATIONS, INVITATION_OPERATIONS, CONSOLE_OPERATIONS);

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  // Set before the handler runs, so they travel with the response as it is built (cheaper than
  // rewriting a finished response on the verify hot path); a route may replace any of them, as
  // the API docs page does with its CSP. Scripts and fetches come from this origin only: the
  // verify page's signature check (/assets/verify.js reading the JWKS).
  app.use(async (c, next) => {
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    c.header(
      "content-security-policy",
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
    );
    await next();
  });

  // What an independent verifier needs is public and carries no credentials, so browsers of any
  // origin may read it. Authenticated routes stay same-origin.
  // Hand-written rather than hono/cors, which touches the response before the handler runs and
  // so cost the verify route about 60 µs of CPU per request (`npm run bench`).
  const publicRead = createMiddleware(async (c, next) => {
    if (c.req.method === "OPTIONS") {
      return c.body(null, 204, { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD", "access-control-max-age": "86400" });
    }
    c.header("access-control-allow-origin", "*");
    await next();
  });
  for (const path of ["/api/v1/verify/*", "/.well-known/*", "/api/v1/districts", "/api/v1/gi-tags", "/api/v1/openapi.json"]) app.use(path, publicRead);

  app.onError((error, c) => {
    if (error instanceof ApiError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, new ApiError(400, "bad-request", "Bad request", error.message));
    }
    // The name only: messages of database errors can carry the values of the failed query.
    console.error(`unhandled ${error.name} on ${c.req.method} ${c.req.routePath}`);
    return problemResponse(c, new ApiError(500, "internal-error", "Internal error", "something went wrong on our side"));
  });
  app.notFound((c) => (c.req.path === "/console" || c.req.path.startsWith("/console/") ? consoleNotFound(c) : problemResponse(c, notFound("this resource"))));

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.route("/", keyRoutes(deps));
  app.route("/", trustRoutes(deps));
  app.route("/", assetRoutes());
  app.route("/", verifyRoutes(deps));
  app.route("/", registryRoutes(deps));
  app.route("/", artisanRoutes(deps));
  app.route("/", certificateRoutes(deps));
  app.route("/", tagRoutes(deps));
  app.route("/", batchRoutes(deps));
  app.route("/", revocationRoutes(deps));
  app.route("/", tokenRoutes(deps));
  app.route("/", auditRoutes(deps));
  app.route("/", invitationRoutes(deps));
  app.route("/", consoleRoutes(deps));
  app.route("/", docsRoutes(deps, API_OPERATIONS));
  return app;
}
