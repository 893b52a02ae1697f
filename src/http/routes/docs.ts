// The API's own description: /api/v1/openapi.json, and /docs, a reference rendered on the
// server from that same document (src/http/reference-page.ts) that needs no script and nothing
// from another origin, so that it works on an intranet. /docs/specs/{file} serves the
// specifications of docs/ as Markdown where the runtime supplies them (Node).
import { Hono } from "hono";
import { ApiError, notFound } from "../../core/errors.js";
import type { AppDeps } from "../deps.js";
import type { Operation } from "../openapi.js";
import { problemSchema } from "../api-schemas.js";
import type { SpecLink } from "../reference-page.js";

/** The documents of docs/, in the order an integrator needs them; a test holds this list to the folder. */
export const SPECS: SpecLink[] = [
  { file: "certificate-format.md", title: "Certificate token, format version 1", about: "the bytes in every QR, and how to verify them offline" },
  { file: "credentials.md", title: "Verifiable credentials", about: "certificates as W3C VC 2.0, did:web, status lists, and how to verify them with common tools" },
  { file: "trust-bundle.md", title: "Trust bundle, format version 1", about: "the signed snapshot of keys and registry names for offline verifiers" },
  { file: "shipment-format.md", title: "Shipment manifest, format version 1", about: "the signed manifest of an exporter's shipment, its Merkle proofs, and how to check it offline" },
  { file: "transparency-log.md", title: "Transparency log, version 1", about: "the public append-only log of every certificate: checkpoints, tiles, inclusion proofs, witnesses and monitors" },
  { file: "api.md", title: "HTTP API", about: "roles and scopes, every endpoint, verdicts and problem codes, with real responses" },
  { file: "tags-and-batches.md", title: "Tags and batches", about: "printable tags, batch issuance from CSV or JSON, label sheets" },
  { file: "console.md", title: "The console", about: "for district offices, GI bodies and artisans: invitations, passkeys, issuing and printing in a browser" },
  { file: "operations.md", title: "Operations", about: "signing keys, the database and its backups, running supervised, stale bundles" },
  { file: "workers.md", title: "Cloudflare Workers", about: "local development, deployment, Turso, runtime differences" },
];

export const DOCS_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/docs/specs/{file}",
    summary: "A specification of docs/, as Markdown",
    tag: "operations",
    roles: "public",
    description: "`file` is one of the documents the reference page lists, such as `certificate-format.md`. Served by the Node deployment (from its checkout); elsewhere 501 not-available-on-this-runtime.",
    responses: { 200: { description: "The document", contentType: "text/markdown" } },
    errors: ["not-found", "not-available-on-this-runtime"],
  },
];

export function docsRoutes(deps: AppDeps, operations: Operation[]): Hono {
  const app = new Hono();
  let document: Record<string, unknown> | undefined;
  // The converter and the page are loaded on first use (deps.loadApiReference), as the
  // credentials' signing code is: no scan needs them.
  const described = async () => (document ??= (await deps.loadApiReference()).openApiDocument(operations, new URL(deps.baseUrl).origin, problemSchema));
  let page: string | undefined;

  app.get("/api/v1/openapi.json", async (c) => {
    const body = await described();
    c.header("cache-control", "public, max-age=300");
    return c.json(body);
  });

  app.get("/docs", async (c) => {
    page ??= String(await (await deps.loadApiReference()).referencePage(await described(), SPECS, deps.specs !== undefined));
    c.header("cache-control", "public, max-age=300");
    return c.html(page);
  });

  app.get("/docs/specs/:file", async (c) => {
    const file = c.req.param("file");
    if (!SPECS.some((s) => s.file === file)) throw notFound("this document");
    if (!deps.specs) {
      throw new ApiError(501, "not-available-on-this-runtime", "Not available here", "this deployment does not serve the specifications: they are the docs/ folder of the Asli repository");
    }
    const text = await deps.specs(file);
    if (text === undefined) throw notFound("this document");
    c.header("cache-control", "public, max-age=300");
    return c.body(text, 200, { "content-type": "text/markdown; charset=utf-8" });
  });
  return app;
}
