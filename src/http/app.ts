// createApp: the one Hono app that both runtimes serve. It gets every dependency it needs.
import { Hono, type Context } from "hono";
import * as z from "zod";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { ApiError, notFound } from "../core/errors.js";
import type { AppDeps } from "./deps.js";
import { readQuery } from "./input.js";
import { describeOperations, findOperation } from "./openapi.js";
import { problemResponse } from "./problem.js";
import { artisanRoutes } from "./routes/artisans.js";
import { assetRoutes } from "./routes/assets.js";
import { auditRoutes } from "./routes/audit.js";
import { BATCH_OPERATIONS, batchRoutes } from "./routes/batches.js";
import { certificateRoutes } from "./routes/certificates.js";
import { docsRoutes } from "./routes/docs.js";
import { keyRoutes } from "./routes/keys.js";
import { registryRoutes } from "./routes/registry.js";
import { revocationRoutes } from "./routes/revocations.js";
import { TAG_OPERATIONS, tagRoutes } from "./routes/tags.js";
import { tokenRoutes } from "./routes/tokens.js";
import { TRUST_OPERATIONS, trustRoutes } from "./routes/trust.js";
import { verifyRoutes } from "./routes/verify.js";

export type { AppDeps } from "./deps.js";

/** Every operation the app serves, for /api/v1/openapi.json; a test holds the two in step. */
export const API_OPERATIONS = describeOperations(TAG_OPERATIONS, BATCH_OPERATIONS, TRUST_OPERATIONS);

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // A deployment whose public origin is HTTPS tells browsers to use nothing else (RFC 6797), for
  // two years; not on plain-HTTP development origins such as http://localhost:8787.
  const hsts = new URL(deps.baseUrl).protocol === "https:" ? "max-age=63072000" : null;

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
    if (hsts) c.header("strict-transport-security", hsts);
    refuseUndocumentedQuery(c);
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
  const PUBLIC_READ = ["/api/v1/verify/*", "/.well-known/*", "/api/v1/districts", "/api/v1/gi-tags", "/api/v1/openapi.json"];
  for (const path of PUBLIC_READ) app.use(path, publicRead);

  app.onError((error, c) => {
    if (error instanceof ApiError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, new ApiError(400, "bad-request", "Bad request", error.message));
    }
    // The name only: messages of database errors can carry the values of the failed query.
    console.error(`unhandled ${error.name} on ${c.req.method} ${c.req.routePath}`);
    return problemResponse(c, new ApiError(500, "internal-error", "Internal error", "something went wrong on our side"));
  });
  // A path the app serves, asked with a method it does not take, is 405 with Allow (RFC 9110
  // §15.5.6); any other miss is 404. Worked out only on a miss, so no route pays for it.
  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowedMethods ??= methodsByPath(app, PUBLIC_READ);
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) return problemResponse(c, notFound("this resource"));
    c.header("allow", allowed.join(", "));
    return problemResponse(c, new ApiError(405, "method-not-allowed", "Method not allowed", `${c.req.method} is not allowed here; allowed: ${allowed.join(", ")}`));
  });

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
  app.route("/", docsRoutes(deps, API_OPERATIONS));
  return app;
}

const NO_QUERY = z.object({}).strict();

/**
 * The JSON API refuses query parameters it does not document, on routes that take none too
 * (routes that take some read them through readQuery's strict schemas). Pages and documents
 * outside /api/v1 ignore what they do not know: scanners and messaging apps append utm_* and
 * fbclid to the URLs people open. Called from the first middleware rather than as one of its
 * own, so that a verify request without a query pays one string search and no middleware step.
 */
function refuseUndocumentedQuery(c: Context): void {
  const url = c.req.url;
  const mark = url.indexOf("?");
  if (mark === -1 || mark === url.length - 1 || !c.req.path.startsWith("/api/v1/")) return;
  const op = findOperation(API_OPERATIONS, c.req.method === "HEAD" ? "GET" : c.req.method, c.req.path);
  if (op && !op.query) readQuery(c, NO_QUERY);
}

/** For a request path, the methods the app's routes take there (HEAD with GET; OPTIONS where CORS preflight is answered). */
function methodsByPath(app: Hono, preflightPaths: readonly string[]): (path: string) => string[] {
  const pattern = (path: string) =>
    new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+").replace(/\*/g, ".*")}$`);
  const routes = app.routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, path: pattern(r.path) }));
  const preflight = preflightPaths.map(pattern);
  return (path) => {
    const methods = new Set(routes.filter((r) => r.path.test(path)).map((r) => r.method));
    if (methods.size === 0) return [];
    if (methods.has("GET")) methods.add("HEAD");
    if (preflight.some((p) => p.test(path))) methods.add("OPTIONS");
    return [...methods].sort();
  };
}
