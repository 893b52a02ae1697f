// The OpenAPI 3.1 description, built from the very zod schemas that validate requests, plus the
// response shapes in api-schemas.ts. A test checks that every route of the app is described
// here, and every API test checks the responses it gets against it.
import * as z from "zod";
import { artisanChanges, artisanInput, giAuthorisationChange, statusChange } from "../service/artisans.js";
import { issueInput } from "../service/certificates.js";
import { giTagChanges, giTagInput, productChanges, productInput } from "../service/registry.js";
import { rotateInput, tokenInput } from "../service/tokens.js";
import type { Role } from "../service/access.js";
import * as s from "./api-schemas.js";
import { artisanListQuery } from "./routes/artisans.js";
import { auditQuery } from "./routes/audit.js";
import { certificateListQuery, claimCardRequest, clearSuspicionInput } from "./routes/certificates.js";
import { tokenListQuery } from "./routes/tokens.js";

export interface Response {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
  /** Other media types the same response comes in, chosen by the request's Accept header. */
  alternativeContentTypes?: string[];
}

export interface Operation {
  method: "get" | "post" | "patch" | "put" | "delete";
  /** OpenAPI path template: /api/v1/artisans/{id}. */
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed; "public" needs no token. Scope rules are in the description. */
  roles: Role[] | "public";
  /** The console's routes: a session cookie instead of a bearer token, where one is needed. */
  auth?: "session";
  description?: string;
  body?: z.ZodType;
  /**
   * A JSON body that works: valid for `body`, and accepted by a fresh registry (its ids are those
   * of the reference data and of the first records created). Required when `body` is set; the
   * reference page (/docs) and the OpenAPI document show it, and test/api/reference-docs.test.ts
   * sends each one to a real service.
   */
  example?: unknown;
  /** Media types accepted besides application/json. */
  bodyTypes?: string[];
  /** A body that is not JSON at all (a photo): the media types it may come in. */
  rawBodyTypes?: string[];
  query?: z.ZodObject;
  responses: Record<number, Response>;
  /** Stable problem codes this operation may answer with (besides unauthorized/role-not-allowed). */
  errors?: string[];
}

const ALL_READERS: Role[] = ["admin", "district", "gi-body", "artisan", "exporter"];
const json = (description: string, schema: z.ZodType): Response => ({ description, schema });

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/verify/{token}",
    summary: "Verify a certificate token, or look a certificate up by its serial",
    tag: "verify",
    roles: "public",
    description:
      "The machine verdict. `{token}` is a token, read leniently (case, blanks, percent-encoding: docs/certificate-format.md §6.1), or the 13-character serial printed on the tag, read as a person types it; a lookup by serial carries `lookup: \"serial\"` and no `verifyUrl`. 200 for a registered certificate, whose `status` says genuine, revoked or suspended; 400 not a certificate; 404 signed but unknown to the registry, or no certificate with this serial; 503 `unconfirmed`: correctly signed, but the registry's database could not be read to confirm the certificate's standing (with `Retry-After`). An instance that has never read the registry's keys answers a token of another key with the problem `service-unavailable`.",
    responses: {
      200: json("A registered certificate: genuine, revoked or suspended", s.verdictSchema),
      400: json("Not a certificate", s.verdictSchema),
      404: json("Validly signed but not registered, or no certificate with this serial", s.verdictSchema),
      503: json("Correctly signed, standing unconfirmed: the registry could not be reached (`status: unconfirmed`, `Retry-After`)", s.verdictSchema),
    },
    errors: ["service-unavailable", "invalid-query"],
  },
  {
    method: "get",
    path: "/V/{token}",
    summary: "Verify page (the URL in every QR)",
    tag: "verify",
    roles: "public",
    description:
      "HTML in the reader's language (?lang=, the `lang` cookie, Accept-Language); JSON (the verdict) when the Accept header asks for application/json only. Also at /v/{token}. `{token}` is a token or a serial as for /api/v1/verify/{token}, with at most one trailing slash; other query parameters are ignored.",
    responses: {
      200: { description: "Verify page", contentType: "text/html" },
      400: { description: "Not a certificate", contentType: "text/html" },
      404: { description: "Not registered, or no certificate with this serial", contentType: "text/html" },
      503: { description: "Signature valid, standing unconfirmed", contentType: "text/html" },
    },
    errors: ["service-unavailable"],
  },
  {
    method: "get",
    path: "/v/{token}",
    summary: "Verify page, lower-case path",
    tag: "verify",
    roles: "public",
    responses: {
      200: { description: "Verify page", contentType: "text/html" },
      400: { description: "Not a certificate", contentType: "text/html" },
      404: { description: "Not registered, or no certificate with this serial", contentType: "text/html" },
      503: { description: "Signature valid, standing unconfirmed", contentType: "text/html" },
    },
    errors: ["service-unavailable"],
  },
  {
    method: "post",
    path: "/v/{token}/claim",
    summary: "The first buyer's claim, from the form on the verify page",
    tag: "verify",
    roles: "public",
    description:
      "A form post (`code`, and `_form`: the token of the page's same-site form cookie), accepted only from this origin. Answers with the verify page and the outcome in the reader's language. docs/api.md \"First buyer's claim\".",
    responses: {
      200: { description: "Claimed: the verify page says by its first buyer, with the date", contentType: "text/html" },
      400: { description: "Not a claim code", contentType: "text/html" },
      403: { description: "Wrong code (with the tries left), or a form that did not come from this origin's page", contentType: "text/html" },
      404: { description: "No claim code for this certificate, or no such certificate", contentType: "text/html" },
      409: { description: "Already claimed: a second claim is refused", contentType: "text/html" },
      429: { description: "Too many tries for this certificate this hour (Retry-After)", contentType: "text/html" },
      503: { description: "Signature valid, standing unconfirmed: nothing claimed", contentType: "text/html" },
    },
    errors: ["unsupported-media-type", "payload-too-large"],
  },
  {
    method: "get",
    path: "/v",
    summary: "The home page's box: look a certificate up by the number on its tag",
    tag: "verify",
    roles: "public",
    description:
      "`?serial=` is what a person typed: a serial (spaces, dashes, lower case and look-alike digits allowed), a token or a whole verify URL. Answers with the verify page; with the home page and the reason (400) when the text is none of these; with the home page when it is empty.",
    responses: {
      200: { description: "Verify page, or the home page for an empty box", contentType: "text/html" },
      400: { description: "Home page: not a certificate number", contentType: "text/html" },
      404: { description: "Verify page: no certificate with this number", contentType: "text/html" },
    },
  },
  { method: "get", path: "/", summary: "Home page: what Asli is, and a box to check a tag by its number", tag: "verify", roles: "public", responses: { 200: { description: "HTML", contentType: "text/html" } } },
  {
    method: "get",
    path: "/.well-known/jwks.json",
    summary: "Public signing keys (RFC 8037 OKP Ed25519 JWKs)",
    tag: "verify",
    roles: "public",
    description:
      "The keys as this instance last read them (at most 60 seconds old). When the database cannot be read, the keys as last read, with `Cache-Control: no-store` and `X-Asli-Keys-As-Of`: their states may have changed since.",
    responses: { 200: json("Key set", s.jwksSchema) },
    errors: ["service-unavailable"],
  },
  {
    method: "get",
    path: "/healthz",
    summary: "Health: the database answers a real read",
    tag: "operations",
    roles: "public",
    responses: { 200: json("Up", z.object({ ok: z.literal(true) })) },
    errors: ["service-unavailable", "database-busy"],
  },
  { method: "get", path: "/api/v1/openapi.json", summary: "This description", tag: "operations", roles: "public", responses: { 200: json("OpenAPI 3.1 document", z.object({ openapi: z.string() }).catchall(z.unknown())) } },
  {
    method: "get",
    path: "/docs",
    summary: "API reference (HTML rendered from this description; no script, nothing from another origin)",
    tag: "operations",
    roles: "public",
    responses: { 200: { description: "HTML", contentType: "text/html" } },
  },

  { method: "get", path: "/api/v1/districts", summary: "Districts with their LGD codes and ODOP products", tag: "registry", roles: "public", responses: { 200: json("Districts", s.districtListSchema) } },
  { method: "get", path: "/api/v1/gi-tags", summary: "GI tags with the districts each belongs to", tag: "registry", roles: "public", responses: { 200: json("GI tags", s.giTagListSchema) } },
  {
    method: "post",
    path: "/api/v1/gi-tags",
    summary: "Add a GI tag",
    tag: "registry",
    roles: ["admin"],
    body: giTagInput,
    example: { name: "Mau Handloom Saree", category: "Handloom", districtCodes: [168] },
    responses: { 201: json("Added", s.giTagSchema) },
    errors: ["unknown-district", "duplicate-gi-tag"],
  },
  {
    method: "patch",
    path: "/api/v1/gi-tags/{id}",
    summary: "Fill a GI application number, add districts to a GI's area, or edit its story",
    tag: "registry",
    roles: ["admin"],
    description: "`story` is a merge patch by language: a text replaces that language's story, null removes it, others stay.",
    body: giTagChanges,
    example: { applicationNumber: "1012" },
    responses: { 200: json("Changed", s.giTagSchema) },
    errors: ["not-found", "unknown-district", "application-number-set", "state-changed"],
  },
  {
    method: "post",
    path: "/api/v1/districts/{code}/products",
    summary: "Add an ODOP product to a district",
    tag: "registry",
    roles: ["admin"],
    body: productInput,
    example: { name: "Banarasi Brocade Stole" },
    responses: { 201: json("Added", s.productCreatedSchema) },
    errors: ["not-found", "duplicate-product"],
  },
  {
    method: "patch",
    path: "/api/v1/products/{id}",
    summary: "Edit the story of an ODOP product",
    tag: "registry",
    roles: ["admin"],
    description: "`story` is a merge patch by language: a text replaces that language's story, null removes it, others stay. Names never change.",
    body: productChanges,
    example: { story: { en: "Woven by hand on pit looms in Varanasi.", hi: "बुनकरों के घरों में गड्ढा करघों पर बुना जाता है।" } },
    responses: { 200: json("Changed", s.productCreatedSchema) },
    errors: ["not-found"],
  },

  {
    method: "post",
    path: "/api/v1/artisans",
    summary: "Register an artisan",
    tag: "artisans",
    roles: ["admin", "district"],
    description: "A district office registers artisans of its own district only.",
    body: artisanInput,
    example: { name: "Abdul Kalam Ansari", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "GI-2-AU-0425", languages: ["hi", "ur"], seller: { name: "Kashi Handloom Cooperative", gstin: "09AAACK1234A1Z8" } },
    responses: { 201: json("Registered", s.artisanSchema) },
    errors: ["out-of-scope", "unknown-district", "unknown-product", "product-outside-district", "unknown-gi-tag", "gi-region-mismatch", "invalid-gstin", "invalid-seller-gstin", "invalid-udyam", "seller-with-gstin", "duplicate-gstin", "duplicate-gi-authorised-user"],
  },
  {
    method: "get",
    path: "/api/v1/artisans",
    summary: "List and search artisans",
    tag: "artisans",
    roles: ["admin", "district", "gi-body", "artisan"],
    description: "Filtered to the caller's scope: a district office sees its district, a GI body its GI tag, an artisan themselves.",
    query: artisanListQuery,
    responses: { 200: json("A page of artisans", s.pageOf(s.artisanSchema)) },
    errors: ["invalid-query", "invalid-cursor"],
  },
  { method: "get", path: "/api/v1/artisans/{id}", summary: "An artisan's record", tag: "artisans", roles: ["admin", "district", "gi-body", "artisan"], responses: { 200: json("The artisan", s.artisanSchema) }, errors: ["not-found"] },
  {
    method: "patch",
    path: "/api/v1/artisans/{id}",
    summary: "Edit an artisan's record",
    tag: "artisans",
    roles: ["admin", "district"],
    body: artisanChanges,
    example: { languages: ["hi", "ur", "bho"], photoUrl: "https://asli.example/photos/ansari.jpg" },
    responses: { 200: json("Changed", s.artisanSchema) },
    errors: ["not-found", "out-of-scope", "seller-with-gstin", "craft-required", "invalid-seller-gstin", "invalid-udyam", "state-changed"],
  },
  {
    method: "post",
    path: "/api/v1/artisans/{id}/status",
    summary: "Activate, suspend or reinstate an artisan",
    tag: "artisans",
    roles: ["admin", "district"],
    description: "A suspended artisan's certificates verify as `suspended` until reinstated.",
    body: statusChange,
    example: { status: "suspended", reason: "complaint under inquiry by DIC Varanasi" },
    responses: { 200: json("Changed", s.artisanSchema) },
    errors: ["not-found", "out-of-scope", "status-unchanged", "state-changed"],
  },
  {
    method: "put",
    path: "/api/v1/artisans/{id}/photo",
    summary: "Upload an artisan's photo (JPEG or PNG, up to 2 MB)",
    tag: "artisans",
    roles: ["admin", "district"],
    description:
      "The body is the image itself (image/jpeg or image/png). The service decodes it, refuses a file that is not a JPEG or PNG, larger than 2 MB, declaring more than 4096 x 4096 pixels or 12,582,912 in all (checked in the header, before decoding), or unreadable, and stores nothing then. Otherwise it re-encodes the pixels as a JPEG of at most 800 px (EXIF orientation applied; every other metadata dropped), stores it, and sets `photoUrl` to its same-origin path `/media/artisans/{id}/{hash}.jpg`. The previous photo, if it was one of ours, is removed.",
    rawBodyTypes: ["image/jpeg", "image/png"],
    responses: { 200: json("The artisan, with its new photoUrl", s.artisanSchema) },
    errors: ["not-found", "out-of-scope", "image-too-large", "not-an-image", "image-dimensions-too-large", "image-unreadable", "not-available-on-this-runtime", "state-changed"],
  },
  {
    method: "delete",
    path: "/api/v1/artisans/{id}/photo",
    summary: "Remove an artisan's photo",
    tag: "artisans",
    roles: ["admin", "district"],
    description: "Clears `photoUrl`; a photo the service stored is deleted. The verify page then shows a placeholder.",
    responses: { 200: json("The artisan, without a photo", s.artisanSchema) },
    errors: ["not-found", "out-of-scope", "state-changed"],
  },
  {
    method: "post",
    path: "/api/v1/artisans/{id}/gi-authorisation",
    summary: "Confirm or withdraw an artisan's right to use their GI tag",
    tag: "artisans",
    roles: ["admin", "gi-body"],
    description: "Only the GI body of the artisan's own GI tag. A withdrawn authorisation removes the GI claim from verification.",
    body: giAuthorisationChange,
    example: { action: "withdraw", reason: "membership of the GI proprietor society lapsed" },
    responses: { 200: json("Changed", s.artisanSchema) },
    errors: ["not-found", "out-of-scope", "no-gi-authorisation", "gi-authorisation-unchanged", "state-changed"],
  },

  {
    method: "post",
    path: "/api/v1/certificates",
    summary: "Issue a certificate for one item",
    tag: "certificates",
    roles: ["admin", "district", "artisan"],
    description:
      "District offices issue for artisans of their district; an artisan for themselves when the registry allows self-issuance. With `claimCode: true` the answer carries the first buyer's claim code, once: print it on a separate card, never with the QR (docs/api.md \"First buyer's claim\").",
    body: issueInput,
    example: { artisanId: 1, title: "Katan silk saree with zari buta", materials: ["mulberry silk", "zari"], madeOn: "2026-02-20", claimCode: true },
    responses: { 201: json("Issued", s.issuedCertificateSchema) },
    errors: ["out-of-scope", "self-issuance-not-allowed", "unknown-artisan", "artisan-not-active", "unknown-product", "product-outside-district", "made-on-in-future", "base-url-unset"],
  },
  {
    method: "get",
    path: "/api/v1/certificates",
    summary: "List and search certificates, newest first",
    tag: "certificates",
    roles: ALL_READERS,
    query: certificateListQuery,
    responses: { 200: json("A page of certificates", s.pageOf(s.certificateSummarySchema)) },
    errors: ["invalid-query", "invalid-cursor"],
  },
  { method: "get", path: "/api/v1/certificates/{id}", summary: "A certificate", tag: "certificates", roles: ALL_READERS, responses: { 200: json("The certificate", s.issuedCertificateSchema) }, errors: ["not-found"] },
  { method: "get", path: "/api/v1/certificates/{id}/qr.svg", summary: "The certificate's QR as SVG", tag: "certificates", roles: ALL_READERS, responses: { 200: { description: "SVG", contentType: "image/svg+xml" } }, errors: ["not-found"] },
  {
    method: "post",
    path: "/api/v1/certificates/{id}/claim-code",
    summary: "A new first buyer's claim code (shown once)",
    tag: "certificates",
    roles: ["admin", "district", "artisan"],
    description: "Replaces the certificate's claim code (or makes its first) while nobody has claimed the item: the old code stops working. docs/api.md \"First buyer's claim\".",
    responses: { 200: json("The new code: print it on a separate card", s.claimCodeSchema) },
    errors: ["not-found", "out-of-scope", "already-claimed"],
  },
  {
    method: "post",
    path: "/api/v1/certificates/{id}/claim-card.pdf",
    summary: "The printable first buyer's claim card (A5, English and Hindi)",
    tag: "certificates",
    roles: ["admin", "district", "artisan"],
    description: "For the code that issuing (or a new code) answered, checked against its stored hash; printed apart from the tag, with the certificate's verify QR and the code in print only.",
    body: claimCardRequest,
    example: { claimCode: "K7QXM-4RZP2" },
    responses: { 200: { description: "The card", contentType: "application/pdf" } },
    errors: ["not-found", "out-of-scope", "already-claimed", "wrong-claim-code"],
  },
  {
    method: "post",
    path: "/api/v1/certificates/{id}/copy-suspicion/clear",
    summary: "Clear a false alarm of the copy rules",
    tag: "certificates",
    roles: ["admin"],
    description: "The verdict becomes genuine again and the copy rules weigh only the scans after now; audited with the note. docs/api.md \"Copied tags\".",
    body: clearSuspicionInput,
    example: { note: "demo tag shown at the Dilli Haat fair, 3 to 5 March" },
    responses: { 200: json("Cleared", s.clearedSuspicionSchema) },
    errors: ["not-found", "no-copy-suspicion", "state-changed"],
  },
  { method: "get", path: "/api/v1/certificates/{id}/qr.png", summary: "The certificate's QR as PNG", tag: "certificates", roles: ALL_READERS, responses: { 200: { description: "PNG", contentType: "image/png" } }, errors: ["not-found"] },

  {
    method: "post",
    path: "/api/v1/tokens",
    summary: "Create an API token (shown once)",
    tag: "tokens",
    roles: ["admin", "district"],
    description: "Admins create tokens of any role; a district office creates artisan tokens for artisans of its district.",
    body: tokenInput,
    example: { name: "DIC Varanasi", role: "district", districtCode: 187, expiresInDays: 365 },
    responses: { 201: json("Created: `token` is the secret", s.newTokenSchema) },
    errors: ["out-of-scope", "scope-required", "scope-mismatch", "unknown-district", "unknown-gi-tag", "unknown-artisan"],
  },
  { method: "get", path: "/api/v1/tokens", summary: "List tokens, by prefix", tag: "tokens", roles: ["admin", "district"], query: tokenListQuery, responses: { 200: json("A page of tokens (never the secrets)", s.pageOf(s.tokenSchema)) }, errors: ["invalid-query", "invalid-cursor"] },
  { method: "post", path: "/api/v1/tokens/{id}/revoke", summary: "Revoke a token at once", tag: "tokens", roles: ["admin", "district"], responses: { 200: json("Revoked", s.tokenSchema) }, errors: ["not-found", "out-of-scope", "token-already-revoked"] },
  {
    method: "post",
    path: "/api/v1/tokens/{id}/rotate",
    summary: "Rotate a token without downtime",
    tag: "tokens",
    roles: ["admin", "district"],
    description: "Creates a token with the same role and scope; the old one keeps working for `overlapSeconds` (default one day).",
    body: rotateInput,
    example: { overlapSeconds: 86400 },
    responses: { 201: json("The new token", s.newTokenSchema) },
    errors: ["not-found", "out-of-scope", "token-inactive", "token-already-rotated", "state-changed"],
  },
  { method: "get", path: "/api/v1/audit", summary: "The audit trail (read-only)", tag: "audit", roles: ["admin"], query: auditQuery, responses: { 200: json("A page of entries, newest first", s.pageOf(s.auditEntrySchema)) }, errors: ["invalid-query", "invalid-cursor"] },
];

/** Other modules (trust lifecycle, tags and batches) add their operations here. */
export function describeOperations(...more: Operation[][]): Operation[] {
  return [...OPERATIONS, ...more.flat()];
}

/** What any operation may answer when the service cannot serve it: a busy or unreadable database, a misconfiguration. */
export const SERVICE_ERRORS = ["database-busy", "service-unavailable", "service-misconfigured"];

/** The operation that a concrete request path matches, for checking responses against it. */
export function findOperation(operations: Operation[], method: string, path: string): Operation | undefined {
  const m = method.toLowerCase();
  // A trailing {path} stands for the rest of the path, slashes included (the log's tiles).
  const pattern = (template: string) => template.replace(/[.]/g, "\\.").replace(/\{path\}$/, ".+").replace(/\{\w+\}/g, "[^/]+");
  return operations.find((op) => op.method === m && new RegExp(`^${pattern(op.path)}$`).test(path));
}
