// Exporters' shipments (docs/api.md, Shipments; docs/shipment-format.md). The routes are thin:
// who may do what, and the state rules, live in src/service/shipments.ts. The public reads a
// sealed shipment's live verdict and its signed manifest; everything else needs a token.
import { Hono, type Context } from "hono";
import * as z from "zod";
import { ApiError } from "../../core/errors.js";
import { MANIFEST_MEDIA_TYPE } from "../../core/shipment.js";
import {
  addItems,
  addItemsJson,
  cartonLabelOf,
  provenanceDocument,
  cancelInput,
  cancelShipment,
  createShipment,
  listShipmentsFor,
  manifestOf,
  MAX_ITEMS_BODY_BYTES,
  readShipment,
  removeItem,
  sealShipment,
  shipmentInput,
  shipmentVerdict,
  shipmentView,
} from "../../service/shipments.js";
import { listShipmentItems, type Shipment } from "../../store/shipments.js";
import { certificateViewSchema, pageOf } from "../api-schemas.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { Principal } from "../../service/access.js";
import type { AppDeps } from "../deps.js";
import { mediaType, readBody, readJson, readQuery } from "../input.js";
import type { Operation } from "../openapi.js";
import { readerLocale, wantsPage } from "../pages.js";
import { shipmentPage } from "../../pages/shipment-page.js";
import { SHIPMENT_SCRIPT_ROUTE } from "../../pages/assets/shipment-script.js";
import { decodeCursor, page, pageQuery } from "../paging.js";

const isoTime = z.string().describe("RFC 3339 time, UTC");

const manifestSummarySchema = z.object({
  version: z.literal(1),
  kid: z.string(),
  merkleRoot: z.string().describe("the RFC 6962 root over the items, 64 hex digits"),
  header: z.string().describe("the signed header, base64url (docs/shipment-format.md §3)"),
  signature: z.string().describe("Ed25519 over ASLI-SHIPMENT-V1\\0 || header, base64url"),
});

export const shipmentSchema = z
  .object({
    id: z.string().describe("13 base32 characters"),
    state: z.enum(["open", "sealed", "cancelled"]),
    url: z.string().describe("HTTPS://HOST/S/{ID}: the text of the shipment's QR, upper case"),
    exporter: z.string(),
    consignee: z.object({ name: z.string(), country: z.string().describe("ISO 3166-1 alpha-2") }),
    reference: z.string().nullable(),
    note: z.string().nullable().describe("the exporter's own; never published"),
    documentLanguage: z.string(),
    itemCount: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
    sealedAt: isoTime.nullable(),
    cancelledAt: isoTime.nullable(),
    cancelReason: z.string().nullable(),
    manifest: manifestSummarySchema.nullable(),
    links: z.record(z.string(), z.string()),
    items: z.array(z.object({ certificate: z.string(), addedAt: isoTime })).optional().describe("in manifest order; in the answer for one shipment"),
  })
  .meta({ id: "Shipment" });

const addedItemsSchema = z
  .object({
    shipment: shipmentSchema,
    added: z.number().int(),
    alreadyIn: z.number().int().describe("items that were in the shipment already: not added twice"),
    items: z.array(z.object({ row: z.number().int(), certificate: z.string(), result: z.enum(["added", "already-in"]) })),
  })
  .meta({ id: "AddedShipmentItems" });

const publicItemSchema = z
  .object({
    index: z.number().int().describe("the item's leaf index in the manifest"),
    certificateId: z.string(),
    tokenSha256: z.string(),
    status: z.enum(["genuine", "revoked", "suspended", "unconfirmed", "invalid"]),
    certificate: certificateViewSchema.optional().describe("without verifyUrl: the public listing does not hand out tokens"),
  })
  .catchall(z.unknown());

export const shipmentVerdictSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    status: z.enum(["genuine", "not-all-genuine", "cancelled"]).describe("genuine: sealed and every item genuine today"),
    exporter: z.string(),
    consigneeCountry: z.string().describe("the consignee's name is never published"),
    reference: z.string().nullable(),
    sealedAt: isoTime,
    cancelledAt: isoTime.nullable(),
    cancelReason: z.string().nullable(),
    itemCount: z.number().int(),
    summary: z.object({ genuine: z.number().int(), revoked: z.number().int(), suspended: z.number().int(), "suspected-copy": z.number().int(), invalid: z.number().int() }),
    manifest: manifestSummarySchema,
    items: z.array(publicItemSchema),
  })
  .meta({ id: "ShipmentVerdict" });

export const manifestFileSchema = z
  .object({
    type: z.literal("asli-shipment-manifest"),
    version: z.literal(1),
    issuer: z.string(),
    url: z.string(),
    kid: z.string(),
    header: z.string(),
    signature: z.string(),
    items: z.array(z.object({ index: z.number().int(), certificate: z.string(), tokenSha256: z.string(), proof: z.array(z.string()) })),
  })
  .meta({ id: "ShipmentManifest" });

export const shipmentListQuery = z.object({ state: z.enum(["open", "sealed", "cancelled"]).optional(), ...pageQuery }).strict();
export const labelsQuery = z.object({ cartons: z.coerce.number().int().min(1).max(1000).default(1).describe("how many labels, numbered 1 of N to N of N") }).strict();
const manifestQuery = z.object({ certificate: z.string().regex(/^[A-Z2-7]{13}$/).optional().describe("only this item, with its inclusion proof") }).strict();

const json = (description: string, schema: z.ZodType) => ({ description, schema });
const CHANGE_ERRORS = ["not-found", "shipment-sealed", "shipment-cancelled", "state-changed"];

export const SHIPMENT_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/shipments",
    summary: "Create a shipment (exporters)",
    tag: "shipments",
    roles: ["exporter"],
    description: "An open shipment of the exporter's, with no items yet. The consignee's name stays private; their country is public once the shipment is sealed. documentLanguage defaults to the country's language where the service has it.",
    body: shipmentInput,
    example: { consigneeName: "Al Noor Trading LLC", consigneeCountry: "AE", reference: "INV-2026-0042" },
    responses: { 201: json("Created", shipmentSchema) },
  },
  {
    method: "get",
    path: "/api/v1/shipments",
    summary: "Shipments, newest first: an exporter's own, or all for admins",
    tag: "shipments",
    roles: ["admin", "exporter"],
    query: shipmentListQuery,
    responses: { 200: json("A page of shipments", pageOf(shipmentSchema)) },
    errors: ["invalid-query", "invalid-cursor"],
  },
  {
    method: "get",
    path: "/api/v1/shipments/{id}",
    summary: "A shipment with its items in manifest order",
    tag: "shipments",
    roles: ["admin", "exporter"],
    description: "Another exporter's shipment reads as 404, as one that does not exist.",
    responses: { 200: json("The shipment", shipmentSchema) },
    errors: ["not-found"],
  },
  {
    method: "post",
    path: "/api/v1/shipments/{id}/items",
    summary: "Add certificates to an open shipment: ids, verify URLs or tokens, a CSV of them, or a whole batch",
    tag: "shipments",
    roles: ["exporter"],
    description:
      'JSON {"items": [...]} (certificate ids, verify URLs or tokens) or {"batchId": "B-…"}, or text/csv with a `certificate` column. Only certificates that verify genuine and are in no other shipment that is not cancelled are added; if any item is refused, the answer (422 items-refused) lists every refused item with its row and reason, and nothing is added. Items already in the shipment are reported and not added twice. At most 10,000 items.',
    body: addItemsJson,
    example: { items: ["ABCDEFGHIJKLM"] },
    bodyTypes: ["text/csv"],
    responses: { 200: json("Added", addedItemsSchema) },
    errors: [...CHANGE_ERRORS, "items-refused", "items-empty", "shipment-full", "shipment-too-large", "unknown-batch", "csv-header-invalid", "csv-syntax", "csv-not-utf8"],
  },
  {
    method: "delete",
    path: "/api/v1/shipments/{id}/items/{certificateId}",
    summary: "Remove an item from an open shipment",
    tag: "shipments",
    roles: ["exporter"],
    responses: { 200: json("The shipment", shipmentSchema) },
    errors: CHANGE_ERRORS,
  },
  {
    method: "post",
    path: "/api/v1/shipments/{id}/seal",
    summary: "Seal: judge every item again, sign the manifest, freeze the shipment",
    tag: "shipments",
    roles: ["exporter"],
    description: "Refused (409 items-not-genuine, by item) if an item no longer verifies genuine. A sealed shipment never changes; it can be cancelled.",
    responses: { 200: json("Sealed", shipmentSchema) },
    errors: [...CHANGE_ERRORS, "shipment-empty", "items-not-genuine"],
  },
  {
    method: "post",
    path: "/api/v1/shipments/{id}/cancel",
    summary: "Cancel an open or sealed shipment (its exporter, or an admin)",
    tag: "shipments",
    roles: ["admin", "exporter"],
    description: "Recorded and shown on the shipment's public page; its certificates may then go into another shipment.",
    body: cancelInput,
    example: { reason: "order withdrawn by the consignee" },
    responses: { 200: json("Cancelled", shipmentSchema) },
    errors: ["not-found", "shipment-cancelled", "state-changed"],
  },
  {
    method: "get",
    path: "/api/v1/shipments/{id}/verify",
    summary: "A sealed shipment's live verdict: every item's verdict today",
    tag: "shipments",
    roles: "public",
    description: "404 while the shipment is open. Shows the consignee's country, never their name.",
    responses: { 200: json("The verdict", shipmentVerdictSchema) },
    errors: ["not-found"],
  },
  {
    method: "get",
    path: "/api/v1/shipments/{id}/manifest",
    summary: "The signed manifest file with every item's inclusion proof (docs/shipment-format.md)",
    tag: "shipments",
    roles: "public",
    description: "`npx asli-verify FILE` checks it offline. With ?certificate=ID, only that item and its proof.",
    query: manifestQuery,
    responses: { 200: { description: "The manifest file", schema: manifestFileSchema, contentType: MANIFEST_MEDIA_TYPE } },
    errors: ["not-found", "invalid-query"],
  },
  {
    method: "get",
    path: "/api/v1/shipments/{id}/labels.pdf",
    summary: "Carton labels of a sealed shipment: 100 x 150 mm, the shipment's QR, one per carton",
    tag: "shipments",
    roles: ["admin", "exporter"],
    description: "For thermal label printers. ?cartons=N prints N labels, numbered Carton 1 of N to N of N. 409 shipment-not-sealed while open.",
    query: labelsQuery,
    responses: { 200: { description: "The labels", contentType: "application/pdf" } },
    errors: ["not-found", "invalid-query", "shipment-not-sealed", "shipment-cancelled"],
  },
  {
    method: "get",
    path: "/api/v1/shipments/{id}/document.pdf",
    summary: "The A4 certificate of provenance of a sealed shipment",
    tag: "shipments",
    roles: ["admin", "exporter"],
    description:
      "The shipment's QR, exporter, consignee and date, what the signatures prove and how to check them, and every item with its title, artisan, district, ODOP product, GI tag with its application number and its QR (the certificate's verify URL by id). In English and the shipment's documentLanguage where the document's fonts set it (Hindi, French, German, Spanish); English alone otherwise, for now.",
    responses: { 200: { description: "The document", contentType: "application/pdf" } },
    errors: ["not-found", "shipment-not-sealed", "shipment-cancelled"],
  },
  {
    method: "get",
    path: SHIPMENT_SCRIPT_ROUTE,
    summary: "The shipment page's in-browser manifest check",
    tag: "shipments",
    roles: "public",
    responses: { 200: { description: "JavaScript module", contentType: "text/javascript" } },
  },
  ...["/S/{id}", "/s/{id}"].map(
    (path): Operation => ({
      method: "get",
      path,
      summary: path.startsWith("/S") ? "A shipment's public page: the URL in its QR (upper case)" : "A shipment's public page, lower-case path",
      tag: "shipments",
      roles: "public",
      description: "Every item with its verdict today, the signed facts, and the manifest to download; in the reader's language. JSON (the verify answer) when asked for with Accept: application/json.",
      responses: { 200: { description: "The page", contentType: "text/html", alternativeContentTypes: ["application/json"] }, 404: { description: "No sealed shipment with this id", contentType: "text/html" } },
      errors: ["not-found"],
    }),
  ),
];

function itemsSource(c: Context) {
  const essence = mediaType(c);
  if (essence === "text/csv") return "csv" as const;
  if (essence === "application/json") return "json" as const;
  throw new ApiError(415, "unsupported-media-type", "Unsupported media type", "send the items as application/json or text/csv");
}

/** A sealed shipment's carton labels as a PDF download: for the API and the console alike. */
export async function cartonLabelsResponse(deps: AppDeps, principal: Principal, id: string, cartons: number): Promise<Response> {
  const label = await cartonLabelOf(deps.db, principal, id, deps.baseUrl);
  const pdf = await (await deps.loadRenderers()).cartonLabelsPdf(label, cartons);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/pdf",
      "cache-control": "private, max-age=86400",
      "content-disposition": `attachment; filename="asli-shipment-${label.shipmentId}-labels.pdf"`,
    },
  });
}

/** A sealed shipment's certificate of provenance as a PDF download: for the API and the console alike. */
export async function provenanceResponse(deps: AppDeps, principal: Principal, id: string): Promise<Response> {
  const doc = await provenanceDocument(deps, principal, id);
  const pdf = await (await deps.loadRenderers()).provenancePdf(doc);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/pdf",
      "cache-control": "private, no-store",
      "content-disposition": `attachment; filename="asli-shipment-${doc.shipmentId}-provenance.pdf"`,
    },
  });
}

export function shipmentRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const exporters = requireRole(deps, "exporter");
  const readers = requireRole(deps, "admin", "exporter");
  const view = (s: Shipment) => shipmentView(s, deps.baseUrl);

  app.post("/api/v1/shipments", exporters, async (c) => {
    const shipment = await createShipment(deps.db, c.get("principal"), await readJson(c, shipmentInput), deps.clock());
    c.header("location", `/api/v1/shipments/${shipment.id}`);
    return c.json(view(shipment), 201);
  });

  app.get("/api/v1/shipments", readers, async (c) => {
    const query = readQuery(c, shipmentListQuery);
    const before = decodeCursor(query.cursor, z.object({ createdAt: z.number().int(), id: z.string() }));
    const rows = await listShipmentsFor(deps.db, c.get("principal"), { state: query.state, before, limit: query.limit + 1 });
    return c.json(page(rows, query.limit, view, (s) => ({ createdAt: s.createdAt, id: s.id })));
  });

  app.get("/api/v1/shipments/:id", readers, async (c) => {
    const shipment = await readShipment(deps.db, c.get("principal"), c.req.param("id"));
    return c.json(shipmentView(shipment, deps.baseUrl, await listShipmentItems(deps.db, shipment.id)));
  });

  app.post("/api/v1/shipments/:id/items", exporters, async (c) => {
    const kind = itemsSource(c);
    const body = await readBody(c, MAX_ITEMS_BODY_BYTES);
    const added = await addItems(deps, c.get("principal"), c.req.param("id"), { kind, body });
    return c.json({ ...added, shipment: view(added.shipment) });
  });

  app.delete("/api/v1/shipments/:id/items/:certificateId", exporters, async (c) => {
    return c.json(view(await removeItem(deps.db, c.get("principal"), c.req.param("id"), c.req.param("certificateId").toUpperCase(), deps.clock())));
  });

  app.post("/api/v1/shipments/:id/seal", exporters, async (c) => {
    return c.json(view(await sealShipment(deps, c.get("principal"), c.req.param("id"))));
  });

  app.post("/api/v1/shipments/:id/cancel", readers, async (c) => {
    const { reason } = await readJson(c, cancelInput);
    return c.json(view(await cancelShipment(deps.db, c.get("principal"), c.req.param("id"), reason, deps.clock())));
  });

  app.get("/api/v1/shipments/:id/verify", async (c) => {
    const verdict = await shipmentVerdict(deps, c.req.param("id").toUpperCase());
    // A live verdict: a revocation shows within the minute.
    c.header("cache-control", "public, max-age=60");
    return c.json(verdict);
  });

  app.get("/api/v1/shipments/:id/manifest", async (c) => {
    const { certificate } = readQuery(c, manifestQuery);
    const file = await manifestOf(deps.db, deps.baseUrl, c.req.param("id").toUpperCase(), certificate);
    const name = certificate ? `asli-shipment-${file.url.split("/").pop()}-${certificate}.json` : `asli-shipment-${file.url.split("/").pop()}.json`;
    // A sealed manifest never changes (a cancellation shows on the live verdict, not here).
    return c.body(JSON.stringify(file, null, 1), 200, {
      "content-type": MANIFEST_MEDIA_TYPE,
      "cache-control": "public, max-age=86400",
      "content-disposition": `attachment; filename="${name}"`,
    });
  });

  app.get("/api/v1/shipments/:id/labels.pdf", readers, async (c) => {
    const { cartons } = readQuery(c, labelsQuery);
    return cartonLabelsResponse(deps, c.get("principal"), c.req.param("id"), cartons);
  });

  app.get("/api/v1/shipments/:id/document.pdf", readers, async (c) => provenanceResponse(deps, c.get("principal"), c.req.param("id")));

  // The carton's QR opens the upper-case URL; people type the lower-case one.
  for (const prefix of ["/S", "/s"]) {
    app.get(`${prefix}/:id`, async (c) => {
      const id = c.req.param("id").toUpperCase();
      const verdict = await shipmentVerdict(deps, id);
      c.header("cache-control", "public, max-age=60");
      if (!wantsPage(c) && (c.req.header("accept") ?? "").includes("application/json")) return c.json(verdict);
      const locale = readerLocale(c, deps.baseUrl);
      return c.html(shipmentPage({ verdict, locale, manifestHref: `/api/v1/shipments/${verdict.id}/manifest`, langHref: (lang) => `/s/${verdict.id}?lang=${lang}` }));
    });
  }

  return app;
}
