// Reports of suspected fakes: the public form and the reporter's private status page (HTML, in
// the reader's language, no account), and the API the staff who handle them use. The console
// offers the staff's side over the same services (routes/console.tsx).
import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import * as z from "zod";
import { REPORT_STATUSES } from "../../../db/schema.js";
import { ApiError } from "../../core/errors.js";
import { isoTime } from "../../core/time.js";
import { serialFromText } from "../../core/url.js";
import { check, type FieldErrors } from "../../pages/console/form-state.js";
import { fill, locale as localeOf, type Locale } from "../../pages/i18n/catalog.js";
import { isLanguage, LANGUAGE_COOKIE } from "../../pages/i18n/languages.js";
import {
  ABOUT_FIELD,
  PHOTO_FIELD,
  photoLimitText,
  REPORT_FIELDS,
  reportFormPage,
  reportNotFoundPage,
  reportRefusedPage,
  reportStatusPage,
  reportTooLargePage,
  TICKET_FIELD,
  type ReportField,
  type ReportFormView,
} from "../../pages/report-page.js";
import {
  changeReportStatus,
  fileReport,
  findReportForSecret,
  findReportInScope,
  listReportsInScope,
  REPORT_LIMITS,
  reportChange,
  reportFormTicket,
  reportInput,
  ReportRateLimited,
  reportPhotoInScope,
  reportView,
} from "../../service/reports.js";
import { findDistrict } from "../../store/registry.js";
import { findCertificateRecord } from "../../store/verification.js";
import * as s from "../api-schemas.js";
import { requireRole, type AuthEnv } from "../auth.js";
import { fromThisOrigin, MAX_FORM_BYTES, readForm } from "../console.js";
import { PHOTO_LIMITS, type MediaObject } from "../../service/media.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readJson, readQuery } from "../input.js";
import type { Operation } from "../openapi.js";
import { readerLocale } from "../pages.js";
import { decodeCursor, page, pageQuery } from "../paging.js";

export const reportListQuery = z
  .object({
    status: z.enum(REPORT_STATUSES).optional(),
    district: z.union([z.literal("none"), z.coerce.number().int().positive().max(0xffff)]).optional().describe("an LGD district code, or `none` for reports about no registered certificate"),
    certificate: z.string().regex(/^[A-Z2-7]{13}$/).optional(),
    ...pageQuery,
  })
  .strict();

const HANDLERS = ["admin", "district"] as const;
const html = (description: string) => ({ description, contentType: "text/html" });

export const REPORT_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/report",
    summary: "The report form for a suspected fake (HTML, in the reader's language)",
    tag: "reports",
    roles: "public",
    description:
      "`?serial=` names the certificate the report is about (the verify page's link); a number that names no registered certificate fills the form's number field instead. The form carries a signed ticket that works once, for two hours.",
    responses: { 200: html("The form") },
  },
  {
    method: "post",
    path: "/report",
    summary: "Send a report (the form: application/x-www-form-urlencoded, or multipart/form-data with an optional photo)",
    tag: "reports",
    roles: "public",
    description: `Only from a page of this origin (Origin, or Sec-Fetch-Site: same-origin), with the form's ticket. At most ${REPORT_LIMITS.perCertificate} reports per certificate, ${REPORT_LIMITS.withoutCertificate} about no certificate and ${REPORT_LIMITS.total} in all, per clock hour. No IP address, user agent or other client identifier is read or stored. A multipart form may carry one \`photo\` (JPEG or PNG, at most ${PHOTO_LIMITS.maxBytes / (1024 * 1024)} MB; the body at most that and 64 KiB): re-encoded without its metadata before anything is written, stored with the report and shown only to those who handle it (\`GET /api/v1/reports/{id}/photo\`, the console)`,
    bodyTypes: ["application/x-www-form-urlencoded", "multipart/form-data"],
    responses: {
      303: { description: "Sent: to the reporter's private status page (`/report/{secret}?sent`; `&photo-lost` when the report was saved but its photo could not be stored)" },
      400: html("The body could not be read as a form: a page that says so, nothing stored"),
      403: html("From another website (`cross-site`), or the ticket is missing, altered or more than two hours old (`form-expired`): the form again, nothing stored"),
      409: html("This form's ticket was used already (`form-used`)"),
      422: html("The form again, each error beside its field; a photo that is not a JPEG or PNG (`not-an-image`), declares too many pixels or cannot be decoded: the form again, the message beside the photo, nothing stored"),
      413: html("The body is larger than its limit (`payload-too-large`), or the photo is larger than its own (`image-too-large`): a page, or the form again, that says so; nothing stored"),
      415: html("Not sent as a form (`unsupported-media-type`): a page that says so, nothing stored"),
      429: html("An hourly limit is reached (`report-rate-limited`, `Retry-After`): the form again, nothing stored"),
    },
    errors: ["cross-site", "form-expired", "form-used", "report-rate-limited", "payload-too-large", "unsupported-media-type", "image-too-large", "not-an-image", "image-dimensions-too-large", "image-unreadable"],
  },
  {
    method: "get",
    path: "/report/{secret}",
    summary: "The reporter's private status page: the report's status, outcome and the office's message",
    tag: "reports",
    roles: "public",
    responses: { 200: html("The report's status"), 404: html("No report has this link") },
  },
  {
    method: "get",
    path: "/api/v1/reports",
    summary: "List reports of suspected fakes in scope, newest first",
    tag: "reports",
    roles: [...HANDLERS],
    description: "Admins see every report; a district office those about its own district's certificates (never those about no certificate, which the registry handles).",
    query: reportListQuery,
    responses: { 200: { description: "A page of reports", schema: s.pageOf(s.reportSchema) } },
    errors: ["invalid-query", "invalid-cursor"],
  },
  {
    method: "get",
    path: "/api/v1/reports/{id}",
    summary: "A report of a suspected fake",
    tag: "reports",
    roles: [...HANDLERS],
    responses: { 200: { description: "The report", schema: s.reportSchema } },
    errors: ["not-found"],
  },
  {
    method: "get",
    path: "/api/v1/reports/{id}/photo",
    summary: "The photo the reporter attached (the report's photoUrl)",
    tag: "reports",
    roles: [...HANDLERS],
    description: "A JPEG that the service re-encoded from the upload (no metadata). Only for those who handle the report; never cached by a shared cache.",
    responses: { 200: { description: "The photo", contentType: "image/jpeg" } },
    errors: ["not-found"],
  },
  {
    method: "patch",
    path: "/api/v1/reports/{id}",
    summary: "Move a report on: investigating, or closed with an outcome; a message for the reporter",
    tag: "reports",
    roles: [...HANDLERS],
    description:
      "new → investigating or closed; investigating → closed; closed → investigating (reopened). `outcome` is required when closing and refused otherwise; `message` replaces the previous one (none given: none shown). Applies only if the report is still in the status it was read in. Audited (`report.investigate`, `report.close`, `report.reopen`).",
    body: reportChange,
    example: { status: "closed", outcome: "confirmed-fake", message: "Thank you. The shop was selling copies; the district office has acted." },
    responses: { 200: { description: "Changed", schema: s.reportSchema } },
    errors: ["not-found", "status-unchanged", "state-changed"],
  },
];

type Values = Partial<Record<ReportField, string>>;

export function reportRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const origin = new URL(deps.baseUrl).origin;

  async function certificateAbout(serial: string | null | undefined): Promise<ReportFormView["certificate"]> {
    if (!serial) return undefined;
    const record = await findCertificateRecord(deps.db, serial);
    return record && { id: record.certificate.id, title: record.certificate.title, district: record.district.name };
  }

  /** The form, with a fresh ticket. Same-origin referrers, so that the browser sends this page's Origin with the POST. */
  async function formPage(c: Context, locale: Locale, view: Omit<ReportFormView, "locale" | "ticket" | "photos">, status: 200 | 403 | 413 | 422 | 429) {
    const ticket = await reportFormTicket(deps.signingKey, view.certificate?.id, deps.clock());
    c.header("cache-control", "no-store");
    c.header("referrer-policy", "same-origin");
    return c.html(reportFormPage({ locale, ticket, photos: deps.media !== undefined, ...view }), status);
  }

  app.get("/report", async (c) => {
    const locale = readerLocale(c, deps.baseUrl);
    const typed = c.req.query("serial")?.slice(0, 64);
    const certificate = await certificateAbout(typed === undefined ? null : serialFromText(typed));
    return formPage(c, locale, { certificate, values: !certificate && typed ? { serial: typed } : {} }, 200);
  });

  app.post("/report", async (c) => {
    const locale = readerLocale(c, deps.baseUrl);
    const m = locale.messages.report;
    c.header("cache-control", "no-store");
    // Before anything is read: a page of another site cannot send a report in a visitor's name.
    if (!fromThisOrigin(c, origin)) return c.html(reportRefusedPage(locale, "crossSite"), 403);
    let form: Awaited<ReturnType<typeof readForm>>;
    try {
      // A multipart form carries at most one photo besides its text.
      form = await readForm(c, PHOTO_LIMITS.maxBytes + MAX_FORM_BYTES);
    } catch (error) {
      // Too large (413), not a form (415) or unreadable (400): a page, not a problem document.
      if (error instanceof ApiError && error.status === 413) return c.html(reportTooLargePage(locale), 413);
      if (error instanceof ApiError) return c.html(reportRefusedPage(locale, "unreadable"), error.status as 400 | 415);
      throw error;
    }
    const upload = form.file(PHOTO_FIELD);
    const photo = upload && new Uint8Array(await upload.arrayBuffer());
    const about = form.text(ABOUT_FIELD);
    const values: Values = {};
    for (const name of REPORT_FIELDS) {
      const value = form.text(name);
      // Free text is one line: the note's box may hold line breaks, which become spaces.
      if (value !== undefined) values[name] = name === "note" ? value.replace(/\r\n?|\n/g, " ") : value;
    }
    const certificate = await certificateAbout(about);
    const again = (status: 403 | 413 | 422 | 429, extra: { errors?: FieldErrors; problem?: string }) => formPage(c, locale, { certificate, values, ...extra }, status);
    const p = locale.messages.reportPhoto;

    const { serial: _typed, ...rest } = values;
    const checked = check(reportInput, about ? rest : values, { t: { fieldErrors: m.fieldErrors }, fill });
    // A file field cannot be filled in again by the server: the reporter is asked to choose the photo again.
    if (!checked.ok) return again(422, { errors: { ...specificMessages(checked.errors, locale), ...(photo ? { [PHOTO_FIELD]: p.again } : {}) } });
    if (photo && !deps.media) return again(422, { errors: { [PHOTO_FIELD]: p.unavailable } });
    try {
      const filed = await fileReport(deps, { ticket: form.text(TICKET_FIELD) ?? "", about, fields: checked.value, lang: locale.lang, photo }, deps.clock());
      return c.redirect(`/report/${filed.secret}?sent${filed.photoLost ? "&photo-lost" : ""}&lang=${locale.lang}`, 303);
    } catch (error) {
      if (error instanceof ReportRateLimited) {
        c.header("retry-after", String(error.retryAfterSeconds));
        return again(429, { problem: error.limit === "certificate" ? m.problems.rateLimitedCertificate : m.problems.rateLimited });
      }
      if (error instanceof ApiError && error.code === "form-expired") return again(403, { problem: m.problems.expired });
      if (error instanceof ApiError && error.code === "form-used") return c.html(reportRefusedPage(locale, "used"), 409);
      const photoProblem = error instanceof ApiError ? photoRefusal(error.code, locale) : undefined;
      if (photoProblem) return again((error as ApiError).status === 413 ? 413 : 422, { errors: { [PHOTO_FIELD]: photoProblem } });
      throw error;
    }
  });

  app.get("/report/:secret", async (c) => {
    const reader = readerLocale(c, deps.baseUrl);
    c.header("cache-control", "no-store");
    const report = await findReportForSecret(deps.db, c.req.param("secret"));
    if (!report) return c.html(reportNotFoundPage(reader), 404);
    // Unless the reader chose a language (?lang=, the switcher's cookie), the one they wrote in.
    const chosen = c.req.query("lang") !== undefined || getCookie(c, LANGUAGE_COOKIE) !== undefined;
    const locale = !chosen && isLanguage(report.lang) ? localeOf(report.lang) : reader;
    c.header("content-language", locale.tag);
    const district = report.districtCode === null ? undefined : (await findDistrict(deps.db, report.districtCode))?.name;
    const view = {
      id: report.id,
      status: report.status,
      createdAt: isoTime(report.createdAt),
      updatedAt: report.updatedAt === null ? null : isoTime(report.updatedAt),
      certificateId: report.certificateId,
      presentedSerial: report.presentedSerial,
      outcome: report.outcome,
      message: report.message,
      hasContact: report.contact !== null,
    };
    return c.html(reportStatusPage({ locale, report: view, district, justSent: c.req.query("sent") !== undefined, photoLost: c.req.query("photo-lost") !== undefined }));
  });

  const handlers = requireRole(deps, ...HANDLERS);

  app.get("/api/v1/reports", handlers, async (c) => {
    const query = readQuery(c, reportListQuery);
    const before = decodeCursor(query.cursor, z.number().int());
    const districtCode = query.district === "none" ? null : query.district;
    const rows = await listReportsInScope(deps.db, c.get("principal"), { status: query.status, districtCode, certificateId: query.certificate, before, limit: query.limit + 1 });
    c.header("cache-control", "no-store");
    return c.json(page(rows, query.limit, reportView, (r) => r.id));
  });

  app.get("/api/v1/reports/:id", handlers, async (c) => {
    const report = await findReportInScope(deps.db, c.get("principal"), integerParam(c.req.param("id"), "this report"));
    c.header("cache-control", "no-store");
    return c.json(reportView(report));
  });

  app.get("/api/v1/reports/:id/photo", handlers, async (c) => {
    const photo = await reportPhotoInScope(deps.db, deps, c.get("principal"), integerParam(c.req.param("id"), "this report"));
    return reportPhotoResponse(c, photo);
  });

  app.patch("/api/v1/reports/:id", handlers, async (c) => {
    const id = integerParam(c.req.param("id"), "this report");
    const report = await changeReportStatus(deps.db, c.get("principal"), id, await readJson(c, reportChange), deps.clock());
    c.header("cache-control", "no-store");
    return c.json(reportView(report));
  });

  return app;
}

/** A report's photo: private to those who handle it, so kept by no shared cache and embedded by no other site. */
export function reportPhotoResponse(c: Context, photo: MediaObject): Response {
  return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": photo.contentType,
    "cache-control": "private, no-store",
    "cross-origin-resource-policy": "same-origin",
    "x-content-type-options": "nosniff",
  });
}

/** What the reporter reads beside the photo when the image pipeline refused it. */
function photoRefusal(code: string, locale: Locale): string | undefined {
  const p = locale.messages.reportPhoto;
  const messages: Record<string, string> = {
    "image-too-large": fill(p.tooLarge, { max: photoLimitText(locale) }),
    "not-an-image": p.notAnImage,
    "image-dimensions-too-large": p.dimensions,
    "image-unreadable": p.unreadable,
  };
  return Object.hasOwn(messages, code) ? messages[code] : undefined;
}

/** The field messages that say what a field wants, where the general "invalid" would say less. */
function specificMessages(errors: FieldErrors, locale: Locale): FieldErrors {
  const m = locale.messages.report.fieldErrors;
  const specific: Partial<Record<ReportField, string>> = { contact: m.contact, priceAmount: m.price, serial: m.serial };
  for (const [field, message] of Object.entries(specific)) if (errors[field] === m.invalid) errors[field] = message!;
  return errors;
}
