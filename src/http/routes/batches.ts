// Batch issuance and its label sheet. POST takes text/csv or application/json (see
// docs/tags-and-batches.md), with an optional Idempotency-Key; the answer lists every
// certificate with the row it came from. labels.pdf comes from the renderers that each runtime loads on first use.
import { Hono, type Context } from "hono";
import * as z from "zod";
import { ApiError, notFound } from "../../core/errors.js";
import { verifyUrl } from "../../core/url.js";
import { tagContent } from "../../render/content.js";
import { canReadCertificate, type Principal } from "../../service/access.js";
import { issueBatch, MAX_BATCH_BODY_BYTES, type BatchSource } from "../../service/batches.js";
import { findBatch, listBatchCertificates, listBatchTagSources, type Batch } from "../../store/batches.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { mediaType, readBody } from "../input.js";
import type { Operation } from "../openapi.js";
import { batchItemInput } from "../../service/batches.js";
import { isoTime } from "../../core/time.js";
import { requirePublicOrigin } from "../origin.js";

export const batchSchema = z
  .object({
    id: z.string().describe("B- and 13 base32 characters"),
    itemCount: z.number().int(),
    source: z.enum(["csv", "json"]),
    createdAt: z.string().describe("RFC 3339 time, UTC"),
    links: z.object({ self: z.string(), labels: z.string() }),
    verifyUrlPrefix: z.string().describe("a certificate's verify URL (the text of its QR) is this prefix followed by its token"),
    certificates: z.array(
      z.object({
        row: z.number().int().nullable().describe("the CSV file's row (header = 1) or the position in items (from 1)"),
        id: z.string(),
        token: z.string(),
      }),
    ),
  })
  .meta({ id: "Batch" });

const BATCH_ERRORS = [
  "batch-invalid",
  "batch-empty",
  "batch-too-large",
  "csv-header-invalid",
  "csv-syntax",
  "csv-not-utf8",
  "body-not-utf8",
  "unsupported-charset",
  "invalid-idempotency-key",
  "idempotency-key-reused",
  "serial-exhausted",
  "base-url-unset",
];

export const BATCH_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/batches",
    summary: "Issue up to 10,000 certificates at once (CSV or JSON)",
    tag: "batches",
    roles: ["admin", "district", "artisan"],
    description:
      'A text/csv body (UTF-8; header artisan_id,title[,materials,made_on,product_id,claim_gi,gi_tag_id]) or {"items": [...]}. Every row is checked first and every error is reported with its row and a stable code; then all certificates are issued in one transaction, or none. An Idempotency-Key header makes a retry answer 200 with the same batch (Idempotent-Replayed: true). See docs/tags-and-batches.md.',
    body: z.object({ items: z.array(batchItemInput).max(10_000) }).strict(),
    example: {
      items: [
        { artisanId: 1, title: "Jangla saree", materials: ["silk", "zari"], madeOn: "2026-02-18", giTagId: 2 },
        { artisanId: 1, title: "Katan stole", claimGi: false },
      ],
    },
    bodyTypes: ["text/csv"],
    responses: { 201: json("Issued", batchSchema), 200: json("The batch this Idempotency-Key already issued", batchSchema) },
    errors: BATCH_ERRORS,
  },
  {
    method: "get",
    path: "/api/v1/batches/{id}",
    summary: "A batch and its certificates, in input order",
    tag: "batches",
    roles: ["admin", "district", "gi-body", "artisan", "exporter"],
    description: "Readable by whoever may read every certificate in it; otherwise 404.",
    responses: { 200: json("The batch", batchSchema) },
    errors: ["not-found"],
  },
  {
    method: "get",
    path: "/api/v1/batches/{id}/labels.pdf",
    summary: "A4 label sheet for a batch (3 x 8 labels of 63.5 x 33.9 mm)",
    tag: "batches",
    roles: ["admin", "district", "gi-body", "artisan", "exporter"],
    description: "Labels in input order, page numbers and the batch id on every page.",
    responses: { 200: { description: "The label sheet", contentType: "application/pdf" } },
    errors: ["not-found"],
  },
];

function json(description: string, schema: z.ZodType) {
  return { description, schema };
}

const BATCH_ID = /^B-[A-Z2-7]{13}$/;
/** RFC 9110 token-ish: visible ASCII, as the IETF Idempotency-Key draft's examples use. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function mediaSource(c: Context): BatchSource {
  const essence = mediaType(c);
  if (essence === "text/csv") return "csv";
  if (essence === "application/json") return "json";
  throw new ApiError(415, "unsupported-media-type", "Unsupported media type", "send the batch as text/csv or application/json");
}

export function batchRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const origin = () => new URL(deps.baseUrl).origin;

  async function readableBatch(principal: Principal, id: string) {
    const batch = BATCH_ID.test(id) ? await findBatch(deps.db, id) : undefined;
    if (!batch) throw notFound("this batch");
    const certificates = await listBatchCertificates(deps.db, batch.id);
    // A batch reads as absent unless every certificate in it is the reader's to see.
    if (!certificates.every((cert) => canReadCertificate(principal, cert))) throw notFound("this batch");
    return { batch, certificates };
  }

  const answer = (batch: Batch, certificates: readonly { row: number | null; id: string; token: string }[]) => {
    const self = `${origin()}/api/v1/batches/${batch.id}`;
    return {
      id: batch.id,
      itemCount: batch.itemCount,
      source: batch.source,
      createdAt: isoTime(batch.createdAt),
      links: { self, labels: `${self}/labels.pdf` },
      // 10,000 full URLs would nearly double the answer; prefix + token is the same text.
      verifyUrlPrefix: verifyUrl(deps.baseUrl, ""),
      certificates: certificates.map((cert) => ({ row: cert.row, id: cert.id, token: cert.token })),
    };
  };

  app.post("/api/v1/batches", requireRole(deps, "admin", "district", "artisan"), requirePublicOrigin(deps), async (c) => {
    const source = mediaSource(c);
    const idempotencyKey = c.req.header("idempotency-key");
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiError(400, "invalid-idempotency-key", "Invalid Idempotency-Key", "1 to 200 visible ASCII characters");
    }
    const body = await readBody(c, MAX_BATCH_BODY_BYTES);
    const { batch, created, certificates } = await issueBatch(deps.db, deps.signingKey, c.get("principal"), { source, body, idempotencyKey }, deps.clock(), deps.log);
    c.header("location", `/api/v1/batches/${batch.id}`);
    if (!created) c.header("idempotent-replayed", "true");
    return c.json(answer(batch, certificates ?? (await listBatchCertificates(deps.db, batch.id))), created ? 201 : 200);
  });

  const readers = requireRole(deps, "admin", "district", "gi-body", "artisan", "exporter");

  app.get("/api/v1/batches/:id", readers, async (c) => {
    const { batch, certificates } = await readableBatch(c.get("principal"), c.req.param("id"));
    return c.json(answer(batch, certificates));
  });

  app.get("/api/v1/batches/:id/labels.pdf", readers, async (c) => {
    const id = c.req.param("id");
    const batch = BATCH_ID.test(id) ? await findBatch(deps.db, id) : undefined;
    const records = batch ? await listBatchTagSources(deps.db, batch.id) : [];
    // As for the batch itself: absent unless every certificate in it is the reader's to see.
    if (!batch || !records.every((r) => canReadCertificate(c.get("principal"), r.certificate))) throw notFound("this batch");
    const renderers = await deps.loadRenderers();
    const pdf = await renderers.labelSheetPdf({ batchId: batch.id, tags: records.map((r) => tagContent(r, deps.baseUrl)) });
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "cache-control": "private, max-age=86400",
      "content-disposition": `attachment; filename="asli-${batch.id}-labels.pdf"`,
    });
  });
  return app;
}
