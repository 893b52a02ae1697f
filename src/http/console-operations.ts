// The console's routes, described for the OpenAPI document like the rest (a test holds them in
// step with the routes). Apart from the routes themselves (src/http/routes/console*.tsx): the app
// needs the operations at startup (/api/v1/openapi.json, the query check), while on Workers the
// console is a module of its own, loaded on the first request under /console (docs/workers.md).
import { CONSOLE_SCRIPT_ROUTE } from "../pages/assets/console-script.js";
import { JSQR_SCRIPT_ROUTE, SCANNER_SCRIPT_ROUTE } from "../pages/assets/scanner-script.js";
import { consoleRedirectSchema, webauthnOptionsSchema } from "./api-schemas.js";
import type { Operation } from "./openapi.js";

const html = (description: string) => ({ description, contentType: "text/html" });
const form303 = (description: string) => ({ 303: { description } });

/** The record pages (routes/console-records.tsx); consoleOp adds the shared refusals. */
const CONSOLE_RECORD_OPERATIONS: [Operation["method"], string, string, Operation["responses"]][] = [
  ["get", "/console/artisans", "Artisans in scope, with search and the registration form", { 200: html("Artisans") }],
  ["post", "/console/artisans", "Register an artisan (form)", { ...form303("To the artisan's page"), 422: html("The form with errors") }],
  ["get", "/console/artisans/{id}", "One artisan: status, GI, photo and edit forms", { 200: html("The artisan") }],
  ["post", "/console/artisans/{id}/edit", "Edit an artisan (form)", { ...form303("Back to the artisan"), 422: html("The form with errors") }],
  ["post", "/console/artisans/{id}/status", "Approve, suspend or reinstate (form)", { ...form303("Back to the artisan"), 422: html("The form with errors") }],
  ["post", "/console/artisans/{id}/gi-authorisation", "Confirm or withdraw the GI authorisation (form)", { ...form303("Back to the artisan"), 422: html("The form with errors") }],
  ["post", "/console/artisans/{id}/photo", "Upload the artisan's photo (multipart form)", { ...form303("Back to the artisan"), 422: html("The form with errors") }],
  ["post", "/console/artisans/{id}/photo/remove", "Remove the artisan's photo (form)", form303("Back to the artisan")],
  ["get", "/console/certificates", "Certificates in scope, with search and the issue form", { 200: html("Certificates") }],
  ["post", "/console/certificates", "Issue one certificate (form)", { ...form303("To the certificate's page"), 422: html("The form with errors") }],
  ["get", "/console/certificates/labels.pdf", "An A4 label sheet for the certificates chosen in the list (`?id=` repeated, at most 240), by the session cookie", { 200: { description: "PDF", contentType: "application/pdf" }, 422: html("The list again: none or too many chosen") }],
  ["get", "/console/certificates/{id}", "One certificate: tag preview, print links, revoke and reinstate", { 200: html("The certificate") }],
  ["post", "/console/certificates/{id}/revoke", "Revoke with a reason (form)", { ...form303("Back to the certificate"), 422: html("The form with errors") }],
  ["post", "/console/certificates/{id}/reinstate", "Reinstate (form)", { ...form303("Back to the certificate"), 422: html("The page with the refusal") }],
  ["get", "/console/certificates/{id}/tag.svg", "The tag as SVG, by the session cookie", { 200: { description: "SVG", contentType: "image/svg+xml" } }],
  ["get", "/console/certificates/{id}/tag.png", "The tag as PNG, by the session cookie", { 200: { description: "PNG", contentType: "image/png" } }],
  ["get", "/console/certificates/{id}/tag.pdf", "The tag as PDF, by the session cookie", { 200: { description: "PDF", contentType: "application/pdf" } }],
  ["get", "/console/audit", "The audit trail of my scope, newest first (?before= for older entries)", { 200: html("Audit trail") }],
  ["get", "/console/tokens", "API tokens (admins): list and the form to make one", { 200: html("API tokens") }],
  ["post", "/console/tokens", "Make an API token (form); the answer shows it once", { 200: html("The new token, shown once"), 422: html("The form with errors") }],
  ["post", "/console/tokens/{id}/revoke", "Revoke an API token (form)", form303("Back to API tokens")],
  ["get", "/console/batches", "Batch issuance: the CSV template and the upload form", { 200: html("Batch upload") }],
  ["get", "/console/batches/template.csv", "The batch CSV template", { 200: { description: "CSV", contentType: "text/csv" } }],
  ["post", "/console/batches", "Upload a CSV batch (multipart form): all rows issued, or every row's errors shown", { ...form303("To the issued batch"), 422: html("The rows to fix; nothing issued") }],
  ["get", "/console/batches/{id}", "An issued batch and its label sheet link", { 200: html("The batch") }],
  ["get", "/console/batches/{id}/labels.pdf", "The batch's A4 label sheet, by the session cookie", { 200: { description: "PDF", contentType: "application/pdf" } }],
];

/** Any console request may be refused with a page (or, for the passkey script, problem+json) in the reader's language. */
const REFUSALS = Object.fromEntries([400, 401, 403, 404, 409, 410, 413, 415, 422, 501].map((status) => [status, html("A page that says, in the reader's language, why not")]));
const SIGNED_OUT: Operation["responses"] = { 303: { description: "Not signed in: to /console" } };
const CONSOLE_ERRORS = [
  "cross-site",
  "form-expired",
  "session-required",
  "out-of-scope",
  "scope-required",
  "scope-mismatch",
  "unknown-district",
  "unknown-gi-tag",
  "unknown-artisan",
  "own-access",
  "person-revoked",
  "invitation-unknown",
  "invitation-used",
  "invitation-expired",
  "invitation-withdrawn",
  "challenge-invalid",
  "passkey-invalid",
  "passkey-unknown",
  "passkey-exists",
  "access-revoked",
  "last-passkey",
  "not-available-on-this-runtime",
];
/**
 * The operations of one part of the console, which share who they are for (the description),
 * how they refuse (pages for these statuses, these error codes) and which of them send a
 * signed-out reader to the sign-in page.
 */
const consolePart =
  (part: { refusals: Operation["responses"]; errors: string[]; description?: string; signedOut: (method: Operation["method"], path: string) => boolean }) =>
  (method: Operation["method"], path: string, summary: string, responses: Operation["responses"], description = part.description): Operation => ({
    method,
    path,
    summary,
    tag: "console",
    roles: "public",
    auth: "session",
    description,
    responses: { ...part.refusals, ...(part.signedOut(method, path) ? SIGNED_OUT : {}), ...responses },
    errors: part.errors,
  });
// Pages that need a session send a signed-out reader to the sign-in page; the sign-in and enrolment pages need none.
const consoleOp = consolePart({ refusals: REFUSALS, errors: CONSOLE_ERRORS, signedOut: (method, path) => method === "get" && path !== "/console" && !path.startsWith("/console/join/") });

/** A script the console's pages load from this origin: public, no session. */
const scriptOp = (path: string, summary: string): Operation => ({
  method: "get",
  path,
  summary,
  tag: "console",
  roles: "public",
  responses: { 200: { description: "JavaScript", contentType: "text/javascript" } },
});

/** The console's routes, described for the OpenAPI document like the rest (a test holds them in step). */
export const CONSOLE_OPERATIONS: Operation[] = [
  scriptOp(CONSOLE_SCRIPT_ROUTE, "The console's passkey script (@simplewebauthn/browser, bundled)"),
  consoleOp("get", "/console", "Console: home when signed in, else the passkey sign-in page", { 200: html("Home or sign-in") }),
  consoleOp("post", "/console/sign-in/options", "WebAuthn options for a discoverable sign-in (the passkey script)", { 200: { description: "Options", schema: webauthnOptionsSchema } }),
  consoleOp("post", "/console/sign-in", "Sign in with a passkey's answer; sets the session cookie", { 200: { description: "Signed in", schema: consoleRedirectSchema } }),
  consoleOp("post", "/console/sign-out", "Sign out (form)", { 303: { description: "To the sign-in page" } }),
  consoleOp("get", "/console/join/{secret}", "Enrolment page of a one-time sign-in link", { 200: html("Create a passkey"), 404: html("Unknown link"), 410: html("Used, expired or withdrawn link") }),
  consoleOp("post", "/console/join/{secret}/options", "WebAuthn registration options for a sign-in link", { 200: { description: "Options", schema: webauthnOptionsSchema } }),
  consoleOp("post", "/console/join/{secret}", "Use the sign-in link: store the passkey, sign in", { 200: { description: "Enrolled and signed in", schema: consoleRedirectSchema } }),
  consoleOp("get", "/console/people", "People and sign-in links in scope; invite form", { 200: html("People") }),
  consoleOp("post", "/console/people/invitations", "Invite someone (form)", { 200: html("The new sign-in link, shown once"), 422: html("The form with errors") }),
  consoleOp("post", "/console/people/{id}/revoke", "Revoke a person's access (form)", { 303: { description: "Back to people" } }),
  consoleOp("post", "/console/people/{id}/invitations", "A new sign-in link for a person (form)", { 200: html("The new sign-in link, shown once") }),
  consoleOp("post", "/console/invitations/{id}/withdraw", "Withdraw a sign-in link (form)", { 303: { description: "Back to people" } }),
  consoleOp("post", "/console/invitations/slip", "The printable slip of a sign-in link (form)", { 200: { description: "PDF", contentType: "application/pdf" } }),
  consoleOp("get", "/console/passkeys", "My passkeys", { 200: html("Passkeys") }),
  consoleOp("post", "/console/passkeys/options", "WebAuthn options to add a passkey (the passkey script, X-CSRF-Token)", { 200: { description: "Options", schema: webauthnOptionsSchema } }),
  consoleOp("post", "/console/passkeys", "Add a passkey (the passkey script, X-CSRF-Token)", { 200: { description: "Added", schema: consoleRedirectSchema } }),
  consoleOp("post", "/console/passkeys/{id}/remove", "Remove a passkey (form; the last one after a warning)", { 200: html("The warning before the last one"), 303: { description: "Back to my passkeys" } }),
  ...CONSOLE_RECORD_OPERATIONS.map(([method, path, summary, responses]) => consoleOp(method, path, summary, responses)),
];

/** The report and shipment pages' refusals. */
const SECTION_REFUSALS = Object.fromEntries([400, 403, 404, 409, 413, 415, 422].map((status) => [status, html("A page that says, in the reader's language, why not")]));
const consoleReportOp = consolePart({
  refusals: SECTION_REFUSALS,
  signedOut: (method) => method === "get",
  description: "For admins and district offices signed in to the console; others get a refusal page (`role-not-allowed`).",
  errors: ["cross-site", "form-expired", "session-required", "status-unchanged", "state-changed"],
});

export const CONSOLE_REPORT_OPERATIONS: Operation[] = [
  consoleReportOp("get", "/console/reports", "Reports of suspected fakes in scope (`?status=`), newest first", { 200: html("The reports") }),
  consoleReportOp("get", "/console/reports/{id}", "A report of a suspected fake, with the form that moves it on", { 200: html("The report") }),
  consoleReportOp("post", "/console/reports/{id}", "Move a report on: status, outcome, message for the reporter (form)", { 303: { description: "Back to the report" } }),
  consoleReportOp("get", "/console/reports/{id}/photo", "The photo the reporter attached, for those who handle the report", { 200: { description: "The photo", contentType: "image/jpeg" } }),
];

const consoleShipmentOp = consolePart({
  refusals: SECTION_REFUSALS,
  signedOut: (method) => method === "get",
  description: "For exporters signed in to the console (admins read); others get a refusal page (`role-not-allowed`).",
  errors: ["cross-site", "form-expired", "session-required", "role-not-allowed", "shipment-sealed", "shipment-cancelled", "state-changed"],
});

export const CONSOLE_SHIPMENT_OPERATIONS: Operation[] = [
  scriptOp(SCANNER_SCRIPT_ROUTE, "The console's tag scanner (camera and photos), loaded by a shipment's page"),
  scriptOp(JSQR_SCRIPT_ROUTE, "jsQR, which the tag scanner loads where the browser has no BarcodeDetector for QR codes"),
  consoleShipmentOp("get", "/console/shipments", "My shipments (an admin: all), with the form for a new one", { 200: html("Shipments") }),
  consoleShipmentOp("post", "/console/shipments", "Create a shipment (form)", { 303: { description: "To the new shipment" }, 422: html("The form with errors") }),
  consoleShipmentOp("get", "/console/shipments/{id}", "A shipment: its items, and the add-items form with the tag scanner", { 200: html("The shipment") }),
  consoleShipmentOp("post", "/console/shipments/{id}/items", "Add certificates (multipart form: typed or scanned lines, or a CSV file)", {
    303: { description: "Back to the shipment, with what was added" },
    422: html("The form again: every refused item by line; nothing added"),
  }),
  consoleShipmentOp("post", "/console/shipments/{id}/items/{certificateId}/remove", "Remove an item from an open shipment (form)", { 303: { description: "Back to the shipment" } }),
  consoleShipmentOp("post", "/console/shipments/{id}/seal", "Seal the shipment: signs its manifest (form)", {
    303: { description: "Back to the shipment, sealed" },
    409: html("The shipment again, with the items that no longer verify; nothing sealed"),
  }),
  consoleShipmentOp("post", "/console/shipments/{id}/cancel", "Cancel the shipment (form)", { 303: { description: "Back to the shipment, cancelled" } }),
  consoleShipmentOp("get", "/console/shipments/{id}/document.pdf", "The sealed shipment's certificate of provenance, as GET /api/v1/shipments/{id}/document.pdf", {
    200: { description: "PDF", contentType: "application/pdf" },
  }),
  consoleShipmentOp("get", "/console/shipments/{id}/labels.pdf", "The sealed shipment's carton labels (?cartons=N), as GET /api/v1/shipments/{id}/labels.pdf", {
    200: { description: "PDF", contentType: "application/pdf" },
  }),
];
