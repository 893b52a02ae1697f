import { Hono } from "hono";
import { CONSOLE_SCRIPT, CONSOLE_SCRIPT_ROUTE } from "../../pages/assets/console-script.js";
import { VERIFY_SCRIPT, VERIFY_SCRIPT_PATH } from "../../pages/assets/verify-script.js";

/** Static assets of the public pages. The page links them with a version query, so they may be cached long. */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get(VERIFY_SCRIPT_PATH, (c) => {
    c.header("cache-control", "public, max-age=86400");
    return c.body(VERIFY_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" });
  });
  app.get(CONSOLE_SCRIPT_ROUTE, (c) => {
    c.header("cache-control", "public, max-age=86400");
    return c.body(CONSOLE_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" });
  });
  return app;
}
