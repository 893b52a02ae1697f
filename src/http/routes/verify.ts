import { Hono } from "hono";
import { verifyPage } from "../../pages/verify-page.js";
import type { AppDeps } from "../deps.js";
import { verdictHttpStatus, verifyCertificate } from "../verification.js";

export function verifyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/api/v1/verify/:token", async (c) => {
    const verdict = await verifyCertificate(deps, c.req.param("token"));
    c.header("cache-control", "no-store");
    return c.json(verdict, verdictHttpStatus(verdict));
  });

  // QR scanners open the upper-case URL; people type the lower-case one.
  for (const prefix of ["/V", "/v"]) {
    app.get(`${prefix}/:token`, async (c) => {
      const verdict = await verifyCertificate(deps, c.req.param("token"));
      c.header("cache-control", "no-store");
      c.header("vary", "accept");
      const accept = c.req.header("accept") ?? "";
      if (accept.includes("application/json") && !accept.includes("text/html")) {
        return c.json(verdict, verdictHttpStatus(verdict));
      }
      return c.html(verifyPage(verdict), verdictHttpStatus(verdict));
    });
  }
  return app;
}
