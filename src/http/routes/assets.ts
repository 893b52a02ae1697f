import { Hono } from "hono";
import { CONSOLE_SCRIPT_ROUTE } from "../../pages/assets/console-script.js";
import { JSQR_SCRIPT_ROUTE, SCANNER_SCRIPT_ROUTE } from "../../pages/assets/scanner-script.js";
import { SHIPMENT_SCRIPT_ROUTE } from "../../pages/assets/shipment-script.js";
import { VERIFY_SCRIPT_PATH } from "../../pages/assets/verify-script.js";
import type { AppDeps } from "../deps.js";

/**
 * The pages' scripts. The pages link them with a version query, so they may be cached long.
 * Their text is loaded on the first request for one (deps.loadBrowserScripts): a module of its
 * own on Workers.
 */
export function assetRoutes(deps: Pick<AppDeps, "loadBrowserScripts" | "loadJsqrScript">): Hono {
  const app = new Hono();
  const serve = (path: string, load: () => Promise<string>) =>
    app.get(path, async (c) => {
      const script = await load();
      c.header("cache-control", "public, max-age=86400");
      return c.body(script, 200, { "content-type": "text/javascript; charset=utf-8" });
    });
  for (const path of [VERIFY_SCRIPT_PATH, CONSOLE_SCRIPT_ROUTE, SHIPMENT_SCRIPT_ROUTE, SCANNER_SCRIPT_ROUTE]) {
    serve(path, async () => (await deps.loadBrowserScripts())[path]!);
  }
  // jsQR apart (about 45 KiB gzipped): the scanner fetches it only where the browser cannot read QR codes itself.
  serve(JSQR_SCRIPT_ROUTE, deps.loadJsqrScript);
  return app;
}
