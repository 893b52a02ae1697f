import { Hono } from "hono";
import { CONSOLE_SCRIPT_ROUTE } from "../../pages/assets/console-script.js";
import { SHIPMENT_SCRIPT_ROUTE } from "../../pages/assets/shipment-script.js";
import { VERIFY_SCRIPT_PATH } from "../../pages/assets/verify-script.js";
import type { AppDeps } from "../deps.js";

/**
 * The pages' scripts. The pages link them with a version query, so they may be cached long.
 * Their text is loaded on the first request for one (deps.loadBrowserScripts): a module of its
 * own on Workers.
 */
export function assetRoutes(deps: Pick<AppDeps, "loadBrowserScripts">): Hono {
  const app = new Hono();
  for (const path of [VERIFY_SCRIPT_PATH, CONSOLE_SCRIPT_ROUTE, SHIPMENT_SCRIPT_ROUTE]) {
    app.get(path, async (c) => {
      const script = (await deps.loadBrowserScripts())[path]!;
      c.header("cache-control", "public, max-age=86400");
      return c.body(script, 200, { "content-type": "text/javascript; charset=utf-8" });
    });
  }
  return app;
}
