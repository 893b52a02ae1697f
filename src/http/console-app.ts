// The console (/console and everything under it) as an app of its own, which the app hands every
// request under /console once its own middleware has run (src/http/app.ts): a plain import on
// Node, a module of its own on Workers (worker-modules/console.js, loaded on the first such
// request), so that the module every scan loads does not carry the console's routes and pages.
// On Workers that module is built with the entry's instances of everything the entry holds too
// (scripts/build-worker-modules.ts): one ApiError, one hono, one set of catalogs.
import { Hono } from "hono";
import { ApiError } from "../core/errors.js";
import { addEnglishConsole } from "../pages/i18n/catalog.js";
import { enConsole } from "../pages/i18n/messages/en-console.js";
import { methodsByPath, securityHeaders } from "./app-pipeline.js";
import type { AppDeps } from "./deps.js";
import { errorResponse } from "./pages.js";
import { consoleNotFound } from "./routes/console.js";
import { consoleReportRoutes } from "./routes/console-reports.js";
import { consoleShipmentRoutes } from "./routes/console-shipments.js";
import { consoleRoutes } from "./routes/console.js";

// English's console section but the slip and claim card, which the entry has (catalog.ts).
addEnglishConsole(enConsole);

export function createConsoleApp(deps: AppDeps): Hono {
  const app = new Hono();
  // The app set these on the request it handed over, but that request's context is not this
  // one: set again here, first, so that the console's pipeline overrides them as it did when its
  // routes were the app's own.
  const setHeaders = securityHeaders(deps.baseUrl);
  app.use(async (c, next) => {
    setHeaders(c);
    await next();
  });
  // What the console's own error pages do not answer goes to the app's onError, as before.
  app.onError((error) => {
    throw error;
  });
  // As the app's notFound: 405 with Allow for a console path asked with a method it does not
  // take, else the console's own not-found page.
  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowedMethods ??= methodsByPath(app, []);
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) return consoleNotFound(c);
    c.header("allow", allowed.join(", "));
    return errorResponse(c, new ApiError(405, "method-not-allowed", "Method not allowed", `${c.req.method} is not allowed here; allowed: ${allowed.join(", ")}`), deps.baseUrl);
  });
  app.route("/", consoleReportRoutes(deps));
  app.route("/", consoleShipmentRoutes(deps));
  app.route("/", consoleRoutes(deps));
  return app;
}
