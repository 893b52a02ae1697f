import { Hono, type Context } from "hono";
import { presentedFromSegment, presentedFromText, type Presented } from "../../core/url.js";
import { homePage } from "../../pages/home-page.js";
import { verifyPage } from "../../pages/verify-page.js";
import type { AppDeps } from "../deps.js";
import { readerLocale } from "../pages.js";
import { verifyPresented, type Verdict } from "../../service/verification.js";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { claimCertificate, type ClaimOutcome } from "../../service/claims.js";
import type { ClaimResult } from "../../pages/verify-page.js";
import { readForm } from "../console.js";
import { FORM_TOKEN_FIELD, publicFormAccepted, publicFormToken } from "../public-form.js";

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
    return c.html(verifyPage({ verdict, locale, serial, langHref, claimForm: claimForm(c, presented, verdict) }), verdictHttpStatus(verdict));
  };

  /** The first buyer's claim form, where the item can still be claimed: it sets the form's same-site cookie. */
  const claimForm = (c: Context, presented: Presented, verdict: Verdict) => {
    if (!("claim" in verdict) || !verdict.claim || verdict.claim.claimedAt !== null) return undefined;
    const id = presented.kind === "serial" ? presented.serial : presented.token;
    return { action: `/v/${id}/claim`, token: publicFormToken(c, deps.baseUrl) };
  };

  // The first buyer's claim, from the form on the verify page (docs/api.md "First buyer's claim").
  // Not a scan: the page that sent it was counted. Answers with the verify page, the outcome on it.
  app.post("/v/:token{[^/]+}/claim", async (c) => {
    const presented = presentedFromSegment(c.req.param("token"));
    const form = await readForm(c);
    const before = await verifyPresented(deps, presented);
    const locale = readerLocale(c, deps.baseUrl);
    c.header("cache-control", "no-store");
    const render = (verdict: Verdict, claimResult: ClaimResult | undefined, status: ContentfulStatusCode) =>
      c.html(verifyPage({ verdict, locale, serial: presented.kind === "serial" ? presented.serial : undefined, claimForm: claimForm(c, presented, verdict), claimResult }), status);
    if (!("certificate" in before)) return render(before, undefined, verdictHttpStatus(before));
    if (!publicFormAccepted(c, deps.baseUrl, form.text(FORM_TOKEN_FIELD))) return render(before, { kind: "expired" }, 403);
    const outcome = await claimCertificate(deps.db, before.certificate.id, form.text("code") ?? "", deps.scans.country(c.req.raw), deps.clock());
    if (outcome.kind === "rate-limited") c.header("retry-after", String(outcome.retryAfterSeconds));
    const after = outcome.kind === "claimed" || outcome.kind === "already-claimed" ? await verifyPresented(deps, presented) : before;
    return render(after, outcome, CLAIM_STATUS[outcome.kind]);
  });

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

/** HTTP status of the page that answers a claim. */
const CLAIM_STATUS: Record<ClaimOutcome["kind"], ContentfulStatusCode> = {
  claimed: 200,
  malformed: 400,
  "wrong-code": 403,
  "rate-limited": 429,
  "already-claimed": 409,
  "no-claim-code": 404,
};

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
