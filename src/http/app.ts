// createApp: the one Hono app that both runtimes serve. It gets every dependency it needs.
import { Hono, type Context, type ExecutionContext } from "hono";
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
import { methodsByPath, securityHeaders } from "./app-pipeline.js";
import { CONSOLE_OPERATIONS, CONSOLE_REPORT_OPERATIONS, CONSOLE_SHIPMENT_OPERATIONS } from "./console-operations.js";
import { errorResponse, loadCatalogsFor } from "./pages.js";
import { artisanRoutes } from "./routes/artisans.js";
import { assetRoutes } from "./routes/assets.js";
import { auditRoutes } from "./routes/audit.js";
import { BATCH_OPERATIONS, batchRoutes } from "./routes/batches.js";
import { certificateRoutes } from "./routes/certificates.js";
import { CREDENTIAL_OPERATIONS, credentialRoutes } from "./routes/credentials.js";
import { DOCS_OPERATIONS, docsRoutes } from "./routes/docs.js";
import { homeRoutes } from "./routes/home.js";
import { INVITATION_OPERATIONS, invitationRoutes } from "./routes/invitations.js";
import { keyRoutes } from "./routes/keys.js";
import { MEDIA_OPERATIONS, mediaRoutes } from "./routes/media.js";
import { registryRoutes } from "./routes/registry.js";
import { REPORT_OPERATIONS, reportRoutes } from "./routes/reports.js";
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
  const setHeaders = securityHeaders(deps.baseUrl);

  // Outermost, so that it sees every response as it leaves, error pages included.
  if (deps.compressor) app.use(compression(deps.compressor));

  // The headers every answer starts with (src/http/app-pipeline.ts).
  app.use(async (c, next) => {
    setHeaders(c);
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
    if (allowed.length === 0) return errorResponse(c, notFound("this resource"), deps.baseUrl);
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
  // The console, an app of its own (src/http/console-app.ts) loaded on the first request under
  // /console: it gets the request once the middleware above has run, and answers its own 404s
  // and 405s; what it does not answer (a failed load included) comes back to onError above.
  let consoleApp: Promise<Hono> | undefined;
  const toConsole = async (c: Context) => {
    consoleApp ??= deps.loadConsole().then((m) => m.createConsoleApp(deps));
    consoleApp.catch(() => (consoleApp = undefined));
    return (await consoleApp).fetch(c.req.raw, c.env, executionContextOf(c));
  };
  app.all("/console", toConsole);
  app.all("/console/*", toConsole);
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

/** The request's ExecutionContext (Workers), which Node has not. */
function executionContextOf(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
