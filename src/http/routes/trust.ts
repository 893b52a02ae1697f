import { Hono } from "hono";
import { BUNDLE_MEDIA_TYPE } from "../../core/bundle.js";
import { BUNDLE_REUSE_SECONDS, currentTrustBundle } from "../../service/bundle.js";
import type { AppDeps } from "../deps.js";

/** The signed trust bundle for offline verifiers, at one stable URL (format: docs/trust-bundle.md). */
export function trustRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/.well-known/asli-trust-bundle", async (c) => {
    const { bytes, content } = await currentTrustBundle(deps);
    // The ETag names the content version and the signing time: two copies with one ETag are identical.
    const etag = `"${content.sequence}-${content.issuedAt}"`;
    c.header("cache-control", `public, max-age=${BUNDLE_REUSE_SECONDS * 5}`);
    c.header("etag", etag);
    c.header("x-asli-bundle-sequence", String(content.sequence));
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": BUNDLE_MEDIA_TYPE });
  });
  return app;
}
