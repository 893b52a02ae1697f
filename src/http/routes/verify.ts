import { Hono, type Context } from "hono";
import { presentedFromSegment, presentedFromText, type Presented } from "../../core/url.js";
import { homePage } from "../../pages/home-page.js";
import { verifyPage } from "../../pages/verify-page.js";
import type { AppDeps } from "../deps.js";
import { readerLocale } from "../pages.js";
import { verifyPresented, type Verdict } from "../../service/verification.js";

// A verify URL's segment, with at most one trailing slash (docs/certificate-format.md §6.1).
const SEGMENT = ":token{[^/]+/?}";

export function verifyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  // The token or serial is read leniently (src/core/url.ts), then verified strictly.
  app.get("/api/v1/verify/:token", async (c) => {
    const verdict = await verifyPresented(deps, presentedFromSegment(c.req.param("token")));
    countScan(deps, c, verdict);
    c.header("cache-control", "no-store");
    if (verdict.status === "unconfirmed") c.header("retry-after", String(UNCONFIRMED_RETRY_SECONDS));
    return c.json(verdict, verdictHttpStatus(verdict));
  });

  const answer = async (c: Context, presented: Presented, langBase?: string) => {
    const verdict = await verifyPresented(deps, presented);
    countScan(deps, c, verdict);
    c.header("cache-control", "no-store");
    if (verdict.status === "unconfirmed") c.header("retry-after", String(UNCONFIRMED_RETRY_SECONDS));
    const accept = c.req.header("accept") ?? "";
    if (accept.includes("application/json") && !accept.includes("text/html")) {
      c.header("vary", "Accept");
      return c.json(verdict, verdictHttpStatus(verdict));
    }
    const locale = readerLocale(c, deps.baseUrl);
    const serial = presented.kind === "serial" ? presented.serial : undefined;
    const langHref = langBase === undefined ? undefined : (lang: string) => `${langBase}?lang=${lang}`;
    return c.html(verifyPage({ verdict, locale, serial, langHref }), verdictHttpStatus(verdict));
  };

  // QR scanners open the upper-case URL; people type the lower-case one. Either takes a token
  // or the serial printed on the tag; a query (utm_… from chat apps) is ignored, ?lang= aside.
  for (const prefix of ["/V", "/v"]) {
    app.get(`${prefix}/${SEGMENT}`, (c) => answer(c, presentedFromSegment(c.req.param("token"))));
  }

  // The home page's box: a plain GET form, so it works with scripts off. The answer is the
  // verify page itself (no redirect: on a slow line a round trip costs seconds); its language
  // links point at the certificate's own address.
  app.get("/v", async (c) => {
    const typed = c.req.query("serial") ?? "";
    const presented = presentedFromText(typed);
    if (presented) {
      const base = presented.kind === "serial" ? `/v/${presented.serial}` : `/v/${presented.token}`;
      return answer(c, presented, base);
    }
    const locale = readerLocale(c, deps.baseUrl);
    c.header("cache-control", "no-store");
    if (typed.trim() === "") return c.html(homePage({ locale }));
    return c.html(homePage({ locale, rejected: typed.slice(0, 64) }), 400);
  });
  return app;
}

/** Counts a verification of a registered certificate (src/service/scans.ts); the write happens after the answer. */
function countScan(deps: AppDeps, c: Context, verdict: Verdict): void {
  if ("certificate" in verdict) deps.scans.record(verdict.certificate.id, c.req.raw);
}

/** How soon to ask again when the registry could not be read. */
const UNCONFIRMED_RETRY_SECONDS = 30;

/**
 * HTTP status for a verdict: 200 for a certificate the registry holds, whatever its standing
 * (genuine, revoked, suspended: the body's `status` says which); 404 signed but unknown (or no
 * certificate has the serial looked up); 400 not a trustworthy certificate at all; 503 when the
 * signature checks out but the registry could not be reached.
 */
export function verdictHttpStatus(verdict: Verdict): 200 | 400 | 404 | 503 {
  if (verdict.status === "unconfirmed") return 503;
  if (verdict.status !== "invalid") return 200;
  return verdict.reason === "not-registered" ? 404 : 400;
}
