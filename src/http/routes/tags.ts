// Print-ready tags for one certificate: tag.svg from the light SVG writer, tag.png and
// tag.pdf from the heavy renderers, which each runtime loads on first use (deps.loadRenderers).
import { Hono } from "hono";
import * as z from "zod";
import { tagContent } from "../../render/content.js";
import { TAG_SIZES } from "../../render/types.js";
import type { Principal } from "../../service/access.js";
import { findReadableCertificate } from "../../service/certificates.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { readQuery } from "../input.js";
import type { Operation } from "../openapi.js";

export const tagQuery = z
  .object({ size: z.enum(TAG_SIZES).default("swing").describe("swing: 50 x 30 mm swing tag (default); sticker: 25 x 25 mm") })
  .strict();

const TAG_READERS = ["admin", "district", "gi-body", "artisan", "exporter"] as const;
const tagOperation = (ext: "svg" | "png" | "pdf", type: string, note: string): Operation => ({
  method: "get",
  path: `/api/v1/certificates/{id}/tag.${ext}`,
  summary: `Print-ready tag as ${ext.toUpperCase()}`,
  tag: "tags",
  roles: [...TAG_READERS],
  description: `The QR with its quiet zone, the serial, product, district and GI tag, in English and Hindi. ${note} Readable by whoever may read the certificate.`,
  query: tagQuery,
  responses: { 200: { description: `The tag (${type})`, contentType: type } },
  errors: ["not-found", "invalid-query"],
});

export const TAG_OPERATIONS: Operation[] = [
  tagOperation("svg", "image/svg+xml", "Vector, physical size in mm; the viewer's fonts draw the text. Served on every runtime."),
  tagOperation("png", "image/png", "1-bit at 24 px/mm (about 610 dpi), deflated, with its resolution recorded; text shaped by HarfBuzz."),
  tagOperation("pdf", "application/pdf", "A page the size of the tag, Noto Sans Devanagari embedded as a subset, text shaped by HarfBuzz."),
];

export function tagRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const readers = requireRole(deps, "admin", "district", "gi-body", "artisan", "exporter");

  const readable = (principal: Principal, id: string) => findReadableCertificate(deps.db, principal, id);

  const headers = (type: string, id: string, size: string, ext: string) => ({
    "content-type": type,
    "cache-control": "private, max-age=86400",
    "content-disposition": `inline; filename="asli-${id}-${size}.${ext}"`,
  });

  app.get("/api/v1/certificates/:id/tag.svg", readers, async (c) => {
    const { size } = readQuery(c, tagQuery);
    const record = await readable(c.get("principal"), c.req.param("id"));
    return c.body((await deps.loadQrImages()).tagSvg(tagContent(record, deps.baseUrl), size), 200, headers("image/svg+xml", record.certificate.id, size, "svg"));
  });

  app.get("/api/v1/certificates/:id/tag.png", readers, async (c) => {
    const { size } = readQuery(c, tagQuery);
    const record = await readable(c.get("principal"), c.req.param("id"));
    const png = await (await deps.loadRenderers()).tagPng(tagContent(record, deps.baseUrl), size);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, headers("image/png", record.certificate.id, size, "png"));
  });

  app.get("/api/v1/certificates/:id/tag.pdf", readers, async (c) => {
    const { size } = readQuery(c, tagQuery);
    const record = await readable(c.get("principal"), c.req.param("id"));
    const pdf = await (await deps.loadRenderers()).tagPdf(tagContent(record, deps.baseUrl), size);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, headers("application/pdf", record.certificate.id, size, "pdf"));
  });
  return app;
}
