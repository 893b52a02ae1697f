// Reports of suspected fakes. A buyer sends one through the public form (no account, no session):
// where they bought the item, from whom, for how much, an optional contact and a note. Nothing
// about their device or connection is read or kept. A report about a registered certificate goes
// to that certificate's district office and to the registry; one about a tag that names no
// certificate, to the registry alone. Staff move it from new to investigating to closed, with an
// outcome and a message that the reporter reads, in their language, at a private link.
//
// Abuse is bounded without knowing who sends what: every form carries a signed ticket
// (src/core/form-token.ts) that works once and for two hours, and reports are counted per clock
// hour, per certificate and in total, in the database (so the limits hold across Workers isolates).
import { eq, sql } from "drizzle-orm";
import * as z from "zod";
import { REPORT_OUTCOMES, reports } from "../../db/schema.js";
import { generateSecret, hashApiToken } from "../core/api-token.js";
import { ApiError, notFound, stateChanged } from "../core/errors.js";
import { issueFormTicket, readFormTicket } from "../core/form-token.js";
import { COUNTRY_CODES, CURRENCY_CODES } from "../core/iso-codes.js";
import type { SigningKey } from "../core/keys.js";
import { isoTime, unixSeconds } from "../core/time.js";
import { asciiDigits, serialFromText } from "../core/url.js";
import { auditInsertIf, PUBLIC_ACTOR } from "../store/audit.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import {
  changeReportQuery,
  countReports,
  eraseOldContactsQuery,
  fileReportQueries,
  findReport,
  findReportBySecretHash,
  forgetReportPhotoQuery,
  restoreReportPhotoQuery,
  listReports,
  reportsWithOldPhotos,
  type Report,
  type ReportFilter,
} from "../store/reports.js";
import { findCertificateRecord } from "../store/verification.js";
import { canHandleReport, reportAccess, type Principal } from "./access.js";
import { PHOTO_LIMITS, prepareImage, preparedImageKey, type ImageStorage, type MediaObject, type MediaStore, type PreparedImage } from "./media.js";
import { safeString, text } from "./text.js";

export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** How long a form, once shown, can be sent. */
export const REPORT_TICKET_LIFETIME_SECONDS = 2 * 3600;
/** Reports accepted per clock hour (UTC): about one certificate, about no certificate, and in all. */
export const REPORT_LIMITS = { perCertificate: 5, withoutCertificate: 30, total: 100 } as const;
/** A reporter's contact is erased this long after their report is closed. */
export const CONTACT_RETENTION_DAYS = 30;
/**
 * A reporter's photo is deleted this long after their report is closed: long enough for the
 * office to keep a copy as evidence of a fake, short of keeping a stranger's photo for ever.
 */
export const PHOTO_RETENTION_DAYS = 90;
/** The path of a reporter's private status link; the secret follows it. */
export const REPORT_STATUS_PATH = "/report/";
const SECRET_PATTERN = /^[a-z2-7]{32}$/;

// ---------------------------------------------------------------------------------------------
// What a reporter types

/**
 * A price as people type it: digits (native ones too), grouping by comma, dot, space or
 * apostrophe (Western 1,500,000 or Indian 15,00,000), and a decimal comma or dot before the last
 * one or two digits. "1.500" reads as 1500, "12,5" as 12.50. The canonical form is "1500" or
 * "1500.50"; at most 12 digits before the point, and more than zero.
 */
export function parsePrice(typed: string): string | null {
  const s = asciiDigits(typed.normalize("NFKC"))
    .trim()
    .replace(/[\s'\u2019\u066c]/g, "")
    .replace(/\u066b/g, ".");
  if (!/^[0-9]+(?:[.,][0-9]+)*$/.test(s) || s.length > 24) return null;
  const decimal = /[.,]([0-9]{1,2})$/.exec(s);
  const whole = decimal ? s.slice(0, decimal.index) : s;
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length < 2 || g.length > 3))) return null;
  const digits = groups.join("").replace(/^0+(?=[0-9])/, "");
  if (digits.length > 12) return null;
  const fraction = decimal ? decimal[1]!.padEnd(2, "0") : "";
  if (/^0+$/.test(digits) && /^0*$/.test(fraction)) return null;
  return fraction && fraction !== "00" ? `${digits}.${fraction}` : digits;
}

const EMAIL = /^[^\s@=+\-][^\s@]{0,63}@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9(][0-9 ().-]{5,22}$/;

/** An email address or a phone number (its leading + is digits, never a spreadsheet formula). */
export function isContact(value: string): boolean {
  if (value.length > 120) return false;
  if (EMAIL.test(value)) return true;
  const digits = value.replace(/[^0-9]/g, "").length;
  return PHONE.test(value) && digits >= 7 && digits <= 15;
}

export const CONTACT_MESSAGE = "an email address or a phone number";
export const PRICE_MESSAGE = "an amount such as 1500 or 1500.50";
export const SERIAL_MESSAGE = "a certificate number: 13 letters and digits, as printed under the QR code";

/** A field read by `read`, or refused with `message` when it returns null. */
const parsed = (max: number, read: (s: string) => string | null, message: string) =>
  z
    .string()
    .max(max)
    .transform((s, ctx) => {
      const value = read(s);
      if (value === null) ctx.addIssue({ code: "custom", message });
      return value ?? z.NEVER;
    });

export const reportInput = z
  .object({
    /** The number printed on the tag, for a form that is not about a registered certificate already. */
    serial: parsed(64, serialFromText, SERIAL_MESSAGE).optional(),
    place: text(120),
    city: text(80),
    country: z.enum(COUNTRY_CODES as [string, ...string[]]),
    seller: text(120),
    priceAmount: parsed(40, parsePrice, PRICE_MESSAGE),
    priceCurrency: z.enum(CURRENCY_CODES as [string, ...string[]]),
    // The character rules of text(), but a phone number may start with +.
    contact: safeString()
      .transform((s) => s.trim())
      .refine(isContact, CONTACT_MESSAGE)
      .optional(),
    note: text(1000).optional(),
  })
  .strict();

export type ReportInput = z.output<typeof reportInput>;

// ---------------------------------------------------------------------------------------------
// The form's ticket

/** A ticket for a form about `certificateId` (or about no certificate). */
export function reportFormTicket(key: SigningKey, certificateId: string | undefined, now: Date): Promise<string> {
  return issueFormTicket(key, certificateId ?? "", unixSeconds(now));
}

export const formExpired = () =>
  new ApiError(403, "form-expired", "Forbidden", "the report form's ticket is missing, altered, more than two hours old, or from before a key rotation: open the form again");

export const formUsed = () => new ApiError(409, "form-used", "Conflict", "this report form has been sent already: each form sends one report");

/** Refused by a rate limit: which one, and how long until the next clock hour. */
export class ReportRateLimited extends ApiError {
  constructor(
    readonly limit: "certificate" | "without-certificate" | "total",
    readonly retryAfterSeconds: number,
  ) {
    super(429, "report-rate-limited", "Too many requests", `the hourly limit of reports (${limit}) is reached; nothing was stored: try again after the hour`);
  }
}

// ---------------------------------------------------------------------------------------------
// Filing a report

export interface ReportDeps extends ImageStorage {
  db: AsliDatabase;
  signingKey: SigningKey;
}

/** A reporter's photo: re-encoded without metadata, at most 1600 px on its longer side, enough to read a tag or a label. */
export const REPORT_PHOTO = { limits: PHOTO_LIMITS, maxSide: 1600, quality: 85 };
/** The media namespace of reporters' photos: never public (src/http/routes/reports.ts serves them to those who handle the report). */
export const REPORT_PHOTO_NAMESPACE = "reports";

export interface Submission {
  /** The form's ticket, as the page handed it out. */
  ticket: string;
  /** The registered certificate the form was shown for, if any: the ticket is bound to it. */
  about?: string;
  fields: ReportInput;
  /** The language the form was filled in. */
  lang: string;
  /** The photo the reporter attached, as uploaded (JPEG or PNG). */
  photo?: Uint8Array;
}

export interface FiledReport {
  id: number;
  /** The secret of the reporter's private status link: shown once, stored as its SHA-256. */
  secret: string;
  /** The district whose office handles it; null: the registry alone. */
  districtCode: number | null;
  certificateId: string | null;
  /** True when the report was saved but the photo sent with it could not be stored: the report stands without it. */
  photoLost: boolean;
}

export async function fileReport(deps: ReportDeps, submission: Submission, now: Date): Promise<FiledReport> {
  const at = unixSeconds(now);
  const ticket = await readFormTicket(deps.signingKey, submission.ticket, submission.about ?? "");
  // A minute of grace for clocks that differ between instances.
  if (!ticket || ticket.issuedAt > at + 60 || at - ticket.issuedAt > REPORT_TICKET_LIFETIME_SECONDS) throw formExpired();
  // Re-encoded (and refused, if it is not a usable image) before anything is written.
  const photo: PreparedImage | undefined = submission.photo ? await prepareImage(deps, submission.photo, REPORT_PHOTO) : undefined;

  const serial = submission.about ?? submission.fields.serial;
  const record = serial === undefined ? undefined : await findCertificateRecord(deps.db, serial);
  const certificateId = record?.certificate.id ?? null;
  const districtCode = record?.certificate.districtCode ?? null;
  const secret = generateSecret();
  const secretHash = await hashApiToken(secret);
  const { fields } = submission;
  const hour = Math.floor(at / 3600);
  const own = certificateId ? { bucket: `certificate:${certificateId}`, max: REPORT_LIMITS.perCertificate } : { bucket: "none", max: REPORT_LIMITS.withoutCertificate };
  const total = { bucket: "all", max: REPORT_LIMITS.total };
  const q = fileReportQueries(
    deps.db,
    {
      secretHash,
      certificateId,
      presentedSerial: certificateId ? null : (serial ?? null),
      districtCode,
      status: "new",
      place: fields.place,
      city: fields.city,
      country: fields.country,
      seller: fields.seller,
      priceAmount: fields.priceAmount,
      priceCurrency: fields.priceCurrency,
      contact: fields.contact ?? null,
      note: fields.note ?? null,
      lang: submission.lang,
      createdAt: at,
    },
    { nonce: ticket.nonce, expiresAt: ticket.issuedAt + REPORT_TICKET_LIFETIME_SECONDS + 60 },
    hour,
    [own, total],
    at - CONTACT_RETENTION_DAYS * 86400,
  );
  const audit = auditInsertIf(deps.db, PUBLIC_ACTOR, now, {
    action: "report.create",
    subjectType: "report",
    subjectId: sql`(select id from reports where secret_hash = ${secretHash})`,
    // What the report is about, never what the reporter wrote.
    after: { status: "new", certificateId, districtCode },
  });
  let inserted: { id: number }[];
  let counts: { bucket: string; count: number }[];
  try {
    const statements = [...q.housekeeping, q.useTicket, ...q.count, q.insert, audit, q.counts] as const;
    // The photo's key names the report, whose number is known only once it is inserted: set in the same batch.
    const photoKey =
      photo &&
      deps.db
        .update(reports)
        .set({ photoKey: sql`${`${REPORT_PHOTO_NAMESPACE}/`} || ${reports.id} || ${`/${photo.file}`}` })
        .where(eq(reports.secretHash, secretHash));
    const results = photoKey ? await deps.db.batch([...statements, photoKey] as const) : await deps.db.batch(statements);
    inserted = results[6];
    counts = results[8];
  } catch (error) {
    if (isUniqueViolation(error, "report_form_uses.nonce")) throw formUsed();
    throw error;
  }
  const [row] = inserted;
  if (!row) {
    const over = (l: { bucket: string; max: number }) => (counts.find((c) => c.bucket === l.bucket)?.count ?? 0) > l.max;
    const limit = over(own) ? (certificateId ? "certificate" : "without-certificate") : "total";
    throw new ReportRateLimited(limit, (hour + 1) * 3600 - at);
  }
  let photoLost = false;
  if (photo) {
    const key = preparedImageKey(REPORT_PHOTO_NAMESPACE, row.id, photo);
    try {
      await deps.media!.put(key, photo.bytes, photo.contentType);
    } catch (error) {
      // The report is saved and its ticket used: an error now would send the reporter back to a
      // form that can no longer be sent. The report stands without the photo, and says so.
      console.error(`report ${row.id}: its photo could not be stored (${error instanceof Error ? error.name : typeof error})`);
      photoLost = true;
      await deps.db.update(reports).set({ photoKey: null }).where(eq(reports.id, row.id)).catch(() => {});
    }
  }
  return { id: row.id, secret, districtCode, certificateId, photoLost };
}

/**
 * Deletes the photos of reports closed more than PHOTO_RETENTION_DAYS ago, `limit` at a time
 * until none is left (the Workers cron runs every minute; Node's timer once an hour). Each report
 * forgets its photo first, only if it is still closed since before the cutoff (one reopened
 * meanwhile keeps it), and the photo is deleted after; if the delete fails, the report names it
 * again so that the next run retries: never a stored photo that nothing names.
 */
export async function deleteOldReportPhotos(deps: { db: AsliDatabase; media?: MediaStore }, now: Date, limit = 50): Promise<number> {
  const media = deps.media;
  if (!media) return 0;
  const closedBefore = unixSeconds(now) - PHOTO_RETENTION_DAYS * 86400;
  let deleted = 0;
  for (;;) {
    const due = await reportsWithOldPhotos(deps.db, closedBefore, limit);
    for (const { id, photoKey } of due) {
      if (!photoKey || !(await forgetReportPhotoQuery(deps.db, id, photoKey, closedBefore)).length) continue;
      try {
        await media.delete(photoKey);
      } catch (error) {
        await restoreReportPhotoQuery(deps.db, id, photoKey);
        throw error;
      }
      deleted++;
    }
    if (due.length < limit) return deleted;
  }
}

// ---------------------------------------------------------------------------------------------
// The reporter's private link

export function reportStatusUrl(baseUrl: string, secret: string): string {
  return `${new URL(baseUrl).origin}${REPORT_STATUS_PATH}${secret}`;
}

export function isReportSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** The report a private link names; undefined for a link that was never given out. */
export async function findReportForSecret(db: AsliDatabase, secret: string): Promise<Report | undefined> {
  if (!isReportSecret(secret)) return undefined;
  return findReportBySecretHash(db, await hashApiToken(secret));
}

// ---------------------------------------------------------------------------------------------
// Staff: reading and handling reports

export function reportView(r: Report) {
  return {
    id: r.id,
    status: r.status,
    certificateId: r.certificateId,
    presentedSerial: r.presentedSerial,
    districtCode: r.districtCode,
    place: r.place,
    city: r.city,
    country: r.country,
    seller: r.seller,
    price: { amount: r.priceAmount, currency: r.priceCurrency },
    contact: r.contact,
    note: r.note,
    lang: r.lang,
    createdAt: isoTime(r.createdAt),
    updatedAt: r.updatedAt === null ? null : isoTime(r.updatedAt),
    closedAt: r.closedAt === null ? null : isoTime(r.closedAt),
    outcome: r.outcome,
    message: r.message,
    photoUrl: r.photoKey ? `/api/v1/reports/${r.id}/photo` : null,
  };
}

export async function listReportsInScope(db: AsliDatabase, actor: Principal, filter: ReportFilter): Promise<Report[]> {
  const access = reportAccess(actor);
  // A filter on another district gives an empty page, as every listing does.
  if (access.kind === "district" && filter.districtCode !== undefined && filter.districtCode !== access.districtCode) return [];
  return listReports(db, access, filter);
}

export async function countNewReportsInScope(db: AsliDatabase, actor: Principal): Promise<number> {
  return countReports(db, reportAccess(actor), { status: "new" });
}

/** A report the actor handles; 404 for any other, as for one that does not exist. */
export async function findReportInScope(db: AsliDatabase, actor: Principal, id: number): Promise<Report> {
  reportAccess(actor);
  const report = await findReport(db, id);
  if (!report || !canHandleReport(actor, report)) throw notFound("this report");
  return report;
}

export const reportChange = z
  .object({
    status: z.enum(["investigating", "closed"]),
    /** What the office found: given when closing, and only then. */
    outcome: z.enum(REPORT_OUTCOMES).optional(),
    /** For the reporter, shown at their private link; replaces the previous message. */
    message: text(1000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === "closed" && v.outcome === undefined) ctx.addIssue({ code: "custom", path: ["outcome"], message: "give the outcome when closing a report" });
    if (v.status !== "closed" && v.outcome !== undefined) ctx.addIssue({ code: "custom", path: ["outcome"], message: "an outcome is given only when closing a report" });
  });

export type ReportChange = z.output<typeof reportChange>;

/**
 * new → investigating or closed; investigating → closed; closed → investigating (reopened). The
 * change applies only if the report is still in the status it was read in, in one batch with
 * its audit entry; otherwise 409 state-changed and nothing is written.
 */
export async function changeReportStatus(db: AsliDatabase, actor: Principal, id: number, change: ReportChange, now: Date): Promise<Report> {
  const report = await findReportInScope(db, actor, id);
  if (report.status === change.status) throw new ApiError(409, "status-unchanged", "Conflict", `the report is already ${change.status}`);
  const at = unixSeconds(now);
  const closing = change.status === "closed";
  const values = { status: change.status, outcome: closing ? change.outcome! : null, message: change.message ?? null, updatedAt: at, closedAt: closing ? at : null };
  const action = closing ? "report.close" : report.status === "closed" ? "report.reopen" : "report.investigate";
  const [, [updated]] = await db.batch([
    eraseOldContactsQuery(db, at - CONTACT_RETENTION_DAYS * 86400),
    changeReportQuery(db, id, report.status, values),
    auditInsertIf(db, actor, now, {
      action,
      subjectType: "report",
      subjectId: id,
      before: { status: report.status, outcome: report.outcome },
      after: { status: values.status, outcome: values.outcome, message: values.message },
    }),
  ] as const);
  if (!updated) throw stateChanged();
  return updated;
}

/** The photo attached to a report the actor handles; 404 for a report without one, or one the actor does not handle. */
export async function reportPhotoInScope(db: AsliDatabase, storage: ImageStorage, actor: Principal, id: number): Promise<MediaObject> {
  const report = await findReportInScope(db, actor, id);
  const object = report.photoKey && storage.media ? await storage.media.get(report.photoKey) : undefined;
  if (!object) throw notFound("this report's photo");
  return object;
}
