import { Hono } from "hono";
import { verifyPage } from "../../pages/verify-page.js";
import type { AppDeps } from "../deps.js";
import { verifyCertificate, type Verdict } from "../../service/verification.js";

export function verifyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/api/v1/verify/:token", async (c) => {
    const verdict = await verifyCertificate(deps, c.req.param("token"));
    c.header("cache-control", "no-store");
    if (verdict.status === "unconfirmed") c.header("retry-after", String(UNCONFIRMED_RETRY_SECONDS));
    return c.json(verdict, verdictHttpStatus(verdict));
  });

  // QR scanners open the upper-case URL; people type the lower-case one.
  for (const prefix of ["/V", "/v"]) {
    app.get(`${prefix}/:token`, async (c) => {
      const verdict = await verifyCertificate(deps, c.req.param("token"));
      c.header("cache-control", "no-store");
      c.header("vary", "accept");
      if (verdict.status === "unconfirmed") c.header("retry-after", String(UNCONFIRMED_RETRY_SECONDS));
      const accept = c.req.header("accept") ?? "";
      if (accept.includes("application/json") && !accept.includes("text/html")) {
        return c.json(verdict, verdictHttpStatus(verdict));
      }
      return c.html(verifyPage(verdict), verdictHttpStatus(verdict));
    });
  }
  return app;
}

/** How soon to ask again when the registry could not be read. */
const UNCONFIRMED_RETRY_SECONDS = 30;

/**
 * HTTP status for a verdict: 200 for a certificate the registry holds, whatever its standing
 * (genuine, revoked, suspended: the body's `status` says which); 404 signed but unknown; 400 not
 * a trustworthy certificate at all; 503 correctly signed, but the registry could not be read.
 */
export function verdictHttpStatus(verdict: Verdict): 200 | 400 | 404 | 503 {
  if (verdict.status === "unconfirmed") return 503;
  if (verdict.status !== "invalid") return 200;
  return verdict.reason === "not-registered" ? 404 : 400;
}
