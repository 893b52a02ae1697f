import { Hono } from "hono";
import { html } from "hono/html";
import type { AppDeps } from "../deps.js";
import { openApiDocument, type Operation } from "../openapi.js";

// Scalar's API reference renders the description in the browser. It is loaded from its CDN
// only on this page (every other page keeps the strict default policy), at an exact version
// whose integrity the browser checks: the hash is of the file in the npm package of that version.
const SCALAR = "https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.72.1/dist/browser/standalone.js";
const SCALAR_INTEGRITY = "sha384-U11tb2XnKvmwt8RlTvnwUnYgrN+ur4Xyh9htLhjajWNR/Oyl5AX5DEz00qRmlrmK";

export function docsRoutes(deps: AppDeps, operations: Operation[]): Hono {
  const app = new Hono();
  let document: Record<string, unknown> | undefined;
  app.get("/api/v1/openapi.json", (c) => {
    document ??= openApiDocument(operations, new URL(deps.baseUrl).origin);
    c.header("cache-control", "public, max-age=300");
    return c.json(document);
  });
  app.get("/docs", (c) => {
    c.header("content-security-policy", `default-src 'none'; script-src https://cdn.jsdelivr.net; style-src 'unsafe-inline' https://cdn.jsdelivr.net; font-src https://cdn.jsdelivr.net data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'`);
    return c.html(html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Asli API</title></head>
<body>
<noscript><p>The API description is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></noscript>
<script id="api-reference" data-url="/api/v1/openapi.json"></script>
<script src="${SCALAR}" integrity="${SCALAR_INTEGRITY}" crossorigin="anonymous"></script>
</body>
</html>`);
  });
  return app;
}
