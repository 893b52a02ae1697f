// createApp: the one Hono app that both runtimes serve. It gets every dependency it needs.
import { Hono, type Context } from "hono";
import * as z from "zod";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { ApiError, notFound, registryUnavailable } from "../core/errors.js";
import { SigningKeyRevokedError } from "../service/keyring.js";
import { databaseFailure, probeDatabase } from "../store/database.js";
import type { AppDeps } from "./deps.js";
import { readQuery } from "./input.js";
import { describeOperations, findOperation } from "./openapi.js";
import { compression } from "./compression.js";
import { errorResponse, loadCatalogsFor } from "./pages.js";
import { artisanRoutes } from "./routes/artisans.js";
import { assetRoutes } from "./routes/assets.js";
import { auditRoutes } from "./routes/audit.js";
import { BATCH_OPERATIONS, batchRoutes } from "./routes/batches.js";
import { certificateRoutes } from "./routes/certificates.js";
import { CREDENTIAL_OPERATIONS, credentialRoutes } from "./routes/credentials.js";
import { DOCS_OPERATIONS, docsRoutes } from "./routes/docs.js";
import { homeRoutes } from "./routes/home.js";
import { CONSOLE_OPERATIONS, consoleNotFound, consoleRoutes } from "./routes/console.js";
import { INVITATION_OPERATIONS, invitationRoutes } from "./routes/invitations.js";
import { keyRoutes } from "./routes/keys.js";
import { MEDIA_OPERATIONS, mediaRoutes } from "./routes/media.js";
import { registryRoutes } from "./routes/registry.js";
import { REPORT_OPERATIONS, reportRoutes } from "./routes/reports.js";
import { CONSOLE_REPORT_OPERATIONS, consoleReportRoutes } from "./routes/console-reports.js";
import { CONSOLE_SHIPMENT_OPERATIONS, consoleShipmentRoutes } from "./routes/console-shipments.js";
import { revocationRoutes } from "./routes/revocations.js";
import { SHIPMENT_OPERATIONS, shipmentRoutes } from "./routes/shipments.js";
import { TAG_OPERATIONS, tagRoutes } from "./routes/tags.js";
import { TLOG_OPERATIONS, tlogRoutes } from "./routes/tlog.js";
import { tokenRoutes } from "./routes/tokens.js";
import { TRUST_OPERATIONS, trustRoutes } from "./routes/trust.js";
import { verifyRoutes } from "./routes/verify.js";

export type { AppDeps } from "./deps.js";

/** Every operation the app serves, for /api/v1/openapi.json; a test holds the two in step. */
export const API_OPERATIONS = describeOperations(TAG_OPERATIONS, BATCH_OPERATIONS, TRUST_OPERATIONS, CREDENTIAL_OPERATIONS, DOCS_OPERATIONS, TLOG_OPERATIONS, INVITATION_OPERATIONS, CONSOLE_OPERATIONS, SHIPMENT_OPERATIONS, MEDIA_OPERATIONS, REPORT_OPERATIONS, CONSOLE_REPORT_OPERATIONS, CONSOLE_SHIPMENT_OPERATIONS);

/** Retry-After, in seconds, for each 503: a lock is held for moments, an unreadable database for longer. */
const RETRY_AFTER_SECONDS: Record<string, number> = { "database-busy": 2, "service-unavailable": 30 };

const databaseBusy = () => new ApiError(503, "database-busy", "Try again", "the database is busy with another write; try again shortly");

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // A deployment whose public origin is HTTPS tells browsers to use nothing else (RFC 6797), for
  // two years; not on plain-HTTP development origins such as http://localhost:8787.
  const hsts = new URL(deps.baseUrl).protocol === "https:" ? "max-age=63072000" : null;

  // Outermost, so that it sees every response as it leaves, error pages included.
  if (deps.compressor) app.use(compression(deps.compressor));

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
    await loadCatalogsFor(c, deps);
    await next();
  });

  // The keys this instance holds, read again once KEYRING_MAX_AGE_SECONDS old (no query
  // otherwise): a SIGNING_KEY revoked through another instance makes every request answer 503
  // service-misconfigured within that bound, on Node as on Workers, rather than sign with it.
  app.use(async (c, next) => {
    await deps.keyring.current(deps.db, deps.signingKey, deps.clock());
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
  // Verifiable credentials and what their verifiers fetch (docs/credentials.md).
  for (const path of ["/api/v1/certificates/:id/credential", "/credentials/status/*", "/contexts/*"]) app.use(path, publicRead);
  app.use("/api/v1/shipments/:id/credential", publicRead);
  // The transparency log and inclusion proofs: for monitors and verifiers anywhere.
  for (const path of ["/log/*", "/api/v1/certificates/:id/inclusion"]) app.use(path, publicRead);

  // A browser asking for a page gets an HTML page for a 404 or a 5xx; everyone else the problem
  // document (errorResponse in pages.ts chooses).
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.status === 503) c.header("retry-after", String(RETRY_AFTER_SECONDS[error.code] ?? 2));
      return errorResponse(c, error, deps.baseUrl);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ApiError(400, "bad-request", "Bad request", error.message), deps.baseUrl);
    }
    // The database's fault, not the request's: a 503 to retry, never a 500 (src/store/database.ts
    // says which errors count). The driver's code only, never its message.
    const failure = databaseFailure(error);
    if (failure) {
      console.error(`database ${failure.kind} (${failure.code}) on ${c.req.method} ${c.req.routePath}`);
      const problem = failure.kind === "busy" ? databaseBusy() : registryUnavailable();
      c.header("retry-after", String(RETRY_AFTER_SECONDS[problem.code]));
      c.header("cache-control", "no-store");
      return errorResponse(c, problem, deps.baseUrl);
    }
    // Another instance revoked the key this one signs with (src/service/keyring.ts): it must not
    // go on signing. The operator's to fix, as on Workers.
    if (error instanceof SigningKeyRevokedError) {
      console.error(error.message);
      return errorResponse(c, new ApiError(503, "service-misconfigured", "Service unavailable", "the service is not configured correctly (see its log)"), deps.baseUrl);
    }
    // The name only: messages of database errors can carry the values of the failed query.
    console.error(`unhandled ${error.name} on ${c.req.method} ${c.req.routePath}`);
    return errorResponse(c, new ApiError(500, "internal-error", "Internal error", "something went wrong on our side"), deps.baseUrl);
  });
  // A path the app serves, asked with a method it does not take, is 405 with Allow (RFC 9110
  // §15.5.6); any other miss is 404. Worked out only on a miss, so no route pays for it.
  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowedMethods ??= methodsByPath(app, PUBLIC_READ);
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) {
      // The console's own page, in the console's languages, for a path under /console.
      if (c.req.path === "/console" || c.req.path.startsWith("/console/")) return consoleNotFound(c);
      return errorResponse(c, notFound("this resource"), deps.baseUrl);
    }
    c.header("allow", allowed.join(", "));
    return errorResponse(c, new ApiError(405, "method-not-allowed", "Method not allowed", `${c.req.method} is not allowed here; allowed: ${allowed.join(", ")}`), deps.baseUrl);
  });

  // Readiness as a user would see it: a real read of the database, 503 when it cannot be read.
  app.get("/healthz", async (c) => {
    c.header("cache-control", "no-store");
    await probeDatabase(deps.db);
    return c.json({ ok: true });
  });
  app.route("/", keyRoutes(deps));
  app.route("/", trustRoutes(deps));
  app.route("/", assetRoutes(deps));
  app.route("/", verifyRoutes(deps));
  app.route("/", homeRoutes(deps));
  app.route("/", tlogRoutes(deps));
  app.route("/", registryRoutes(deps));
  app.route("/", artisanRoutes(deps));
  app.route("/", certificateRoutes(deps));
  app.route("/", credentialRoutes(deps));
  app.route("/", tagRoutes(deps));
  app.route("/", batchRoutes(deps));
  app.route("/", shipmentRoutes(deps));
  app.route("/", revocationRoutes(deps));
  app.route("/", tokenRoutes(deps));
  app.route("/", auditRoutes(deps));
  app.route("/", invitationRoutes(deps));
  app.route("/", reportRoutes(deps));
  app.route("/", consoleReportRoutes(deps));
  app.route("/", consoleShipmentRoutes(deps));
  app.route("/", consoleRoutes(deps));
  app.route("/", mediaRoutes(deps));
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
  // A parameter is one segment, whatever pattern its route gives it (`:token{[^/]+/?}`): close
  // enough to tell a path the app serves from one it does not.
  const pattern = (path: string) =>
    new RegExp(`^${path.replace(/:\w+(\{[^}]*\})?/g, "\u0000").replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("\u0000", "[^/]+/?").replace(/\*/g, ".*")}$`);
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
