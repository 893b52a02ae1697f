// Reporting a suspected fake, for buyers: the form (a plain POST that works with scripts off,
// every error beside its field), the answers it can get, and the reporter's private status page,
// which also says thank you right after the report was sent. In the reader's language, like the
// verify page; countries and currencies are named through Intl.DisplayNames.
import { COMMON_CURRENCY_CODES, COUNTRY_CODES, CURRENCY_CODES } from "../core/iso-codes.js";
import type { FieldErrors } from "./console/form-state.js";
import { bdi, esc, fillHtml, registryName } from "./html.js";
import { fill, type Locale, type PublicMessages } from "./i18n/catalog.js";
import type { Language } from "./i18n/languages.js";
import { renderPage } from "./layout.js";
import { PHOTO_LIMITS } from "../service/media.js";

/** The form's field names, as the route reads them back. */
export const REPORT_FIELDS = ["serial", "place", "city", "country", "seller", "priceAmount", "priceCurrency", "contact", "note"] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export const TICKET_FIELD = "_ticket";
export const ABOUT_FIELD = "about";
/** The optional photo's file field (a multipart form). */
export const PHOTO_FIELD = "photo";

export interface ReportFormView {
  locale: Locale;
  /** The registered certificate the form is about; absent for a tag that names none. */
  certificate?: { id: string; title: string; district: string };
  ticket: string;
  values?: Partial<Record<ReportField, string>>;
  errors?: FieldErrors;
  /** What went wrong with the whole form (expired, refused for now), above the fields. */
  problem?: string;
  /** Whether this deployment stores photos (a media store): without one, the form has no photo field. */
  photos: boolean;
}

/** The photo's size limit, as a reader of the language writes it ("2 MB", "2 Mo"). */
export function photoLimitText(locale: Locale): string {
  return new Intl.NumberFormat(locale.tag, { style: "unit", unit: "megabyte", maximumFractionDigits: 0 }).format(PHOTO_LIMITS.maxBytes / (1024 * 1024));
}

const selectCache = new Map<string, string>();

/** `<option>`s named in the reader's language and sorted as they sort; built once per language. */
function options(locale: Locale, kind: "region" | "currency", codes: readonly string[]): string {
  const key = `${locale.lang}:${kind}:${codes.length}`;
  let html = selectCache.get(key);
  if (!html) {
    const names = new Intl.DisplayNames([locale.tag], { type: kind, fallback: "code" });
    const collator = new Intl.Collator(locale.tag);
    const named = codes.map((code) => ({ code, name: names.of(code) ?? code }));
    if (kind === "region") named.sort((a, b) => collator.compare(a.name, b.name));
    html = named.map(({ code, name }) => `<option value="${code}">${esc(kind === "currency" ? `${name} (${code})` : name)}</option>`).join("");
    selectCache.set(key, html);
  }
  return html;
}

const COMMON = new Set<string>(COMMON_CURRENCY_CODES);
const OTHER_CURRENCIES = CURRENCY_CODES.filter((c) => !COMMON.has(c)).sort();

function selected(html: string, value: string | undefined): string {
  return value && /^[A-Z]{2,3}$/.test(value) ? html.replace(`<option value="${value}">`, `<option value="${value}" selected>`) : html;
}

interface Control {
  name: ReportField;
  label: string;
  hint?: string;
  required?: boolean;
}

function field(c: Control, control: (describedBy: string, invalid: string) => string, errors: FieldErrors): string {
  const id = `r-${c.name}`;
  const error = errors[c.name];
  const described = [c.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const describedBy = described ? ` aria-describedby="${described}"` : "";
  const invalid = error ? ' aria-invalid="true"' : "";
  return `<div class="field"><label for="${id}">${esc(c.label)}</label>${c.hint ? `<p class="hint" id="${id}-hint">${esc(c.hint)}</p>` : ""}${
    error ? `<p class="error" id="${id}-error">${esc(error)}</p>` : ""
  }${control(describedBy, invalid)}</div>`;
}

export function reportFormPage(view: ReportFormView): string {
  const { locale } = view;
  const m = locale.messages.report;
  const f = m.fields;
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const value = (name: ReportField) => esc(values[name] ?? "");
  const req = (c: Control) => (c.required ? " required" : "");
  const input = (c: Control, attributes = "") => field(c, (d, i) => `<input id="r-${c.name}" name="${c.name}" value="${value(c.name)}"${attributes}${req(c)}${d}${i}>`, errors);
  const select = (c: Control, choices: string) =>
    field(c, (d, i) => `<select id="r-${c.name}" name="${c.name}"${req(c)}${d}${i}><option value="">${esc(m.choose)}</option>${selected(choices, values[c.name])}</select>`, errors);

  const cert = view.certificate;
  const about = cert
    ? `<section class="card" aria-labelledby="about-h"><h2 id="about-h">${esc(locale.messages.verify.headings.item)}</h2><p class="title">${bdi(cert.title)}</p><dl><dt>${esc(
        locale.messages.verify.fields.certificate,
      )}</dt><dd><span class="serial" dir="ltr">${esc(cert.id)}</span></dd></dl></section>`
    : "";
  const lead = cert ? fillHtml(m.lead, { district: registryName(cert.district, locale.lang) }) : esc(m.leadRegistry);
  const problem = view.problem ?? (Object.keys(errors).length ? m.problems.fields : undefined);
  const currencies =
    `<optgroup label="${esc(m.commonCurrencies)}">${options(locale, "currency", COMMON_CURRENCY_CODES)}</optgroup>` +
    `<optgroup label="${esc(m.otherCurrencies)}">${options(locale, "currency", OTHER_CURRENCIES)}</optgroup>`;
  const fields = [
    cert
      ? `<input type="hidden" name="${ABOUT_FIELD}" value="${esc(cert.id)}">`
      : input({ name: "serial", label: f.serial, hint: f.serialHint }, ' class="code" maxlength="64" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr"'),
    input({ name: "place", label: f.place, hint: f.placeHint, required: true }, ' maxlength="120" dir="auto"'),
    input({ name: "city", label: f.city, required: true }, ' maxlength="80" autocomplete="address-level2" dir="auto"'),
    select({ name: "country", label: f.country, required: true }, options(locale, "region", COUNTRY_CODES)),
    input({ name: "seller", label: f.seller, hint: f.sellerHint, required: true }, ' maxlength="120" dir="auto"'),
    `<fieldset><legend>${esc(f.price)}</legend><div class="pair">${input({ name: "priceAmount", label: f.amount, required: true }, ' inputmode="decimal" maxlength="40" autocomplete="off" dir="ltr"')}${select(
      { name: "priceCurrency", label: f.currency, required: true },
      currencies,
    )}</div></fieldset>`,
    input({ name: "contact", label: f.contact, hint: f.contactHint }, ' maxlength="120" autocomplete="email" spellcheck="false" dir="ltr"'),
    field(
      { name: "note", label: f.note, hint: f.noteHint },
      (d, i) => `<textarea id="r-note" name="note" rows="4" maxlength="1000" dir="auto"${d}${i}>${value("note")}</textarea>`,
      errors,
    ),
    view.photos ? photoField(locale, errors) : "",
  ].join("\n");
  const main = `<h1>${esc(m.title)}</h1><p>${lead}</p>
${about}
<section class="card" aria-label="${esc(m.title)}">
<form method="post" action="/report?lang=${locale.lang}"${view.photos ? ' enctype="multipart/form-data"' : ""} novalidate>
<input type="hidden" name="${TICKET_FIELD}" value="${esc(view.ticket)}">
${problem ? `<p class="error" role="alert">${esc(problem)}</p>\n` : ""}${fields}
<p class="hint">${esc(m.privacy)}</p>
<button type="submit">${esc(m.send)}</button>
</form>
</section>`;
  const langHref = (lang: Language) => `/report?${cert ? `serial=${cert.id}&` : ""}lang=${lang}`;
  return renderPage({ locale, title: m.title, main, langHref });
}

function photoField(locale: Locale, errors: FieldErrors): string {
  const p = locale.messages.reportPhoto;
  const id = `r-${PHOTO_FIELD}`;
  const error = errors[PHOTO_FIELD];
  const described = `${id}-hint${error ? ` ${id}-error` : ""}`;
  return `<div class="field"><label for="${id}">${esc(p.label)}</label><p class="hint" id="${id}-hint">${esc(fill(p.hint, { max: photoLimitText(locale) }))}</p>${
    error ? `<p class="error" id="${id}-error">${esc(error)}</p>` : ""
  }<input type="file" id="${id}" name="${PHOTO_FIELD}" accept="image/jpeg,image/png" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ""}></div>`;
}

/** The report was not sent because the form, with its photo, was larger than the limit. */
export function reportTooLargePage(locale: Locale): string {
  const p = locale.messages.reportPhoto;
  const main = `<section class="card" aria-labelledby="refused-h"><h1 id="refused-h">${esc(p.tooLargeTitle)}</h1><p>${esc(fill(p.tooLargeBody, { max: photoLimitText(locale) }))}</p><p><a class="button" href="/report">${esc(p.tooLargeAgain)}</a></p></section>`;
  return renderPage({ locale, title: p.tooLargeTitle, main });
}

/** A report that was not sent, and why: a form used already, sent from another website, or unreadable. */
export function reportRefusedPage(locale: Locale, kind: "used" | "crossSite" | "unreadable"): string {
  const m = locale.messages.report[kind];
  const main = `<section class="card" aria-labelledby="refused-h"><h1 id="refused-h">${esc(m.title)}</h1><p>${esc(m.body)}</p><p><a class="button" href="/report">${esc(m.again)}</a></p></section>`;
  return renderPage({ locale, title: m.title, main });
}

export interface ReportStatusView {
  locale: Locale;
  report: {
    id: number;
    status: "new" | "investigating" | "closed";
    createdAt: string;
    updatedAt: string | null;
    certificateId: string | null;
    presentedSerial: string | null;
    outcome: keyof PublicMessages["report"]["status"]["outcomes"] | null;
    message: string | null;
    hasContact: boolean;
  };
  /** The district whose office handles it; absent: the registry alone. */
  district?: string;
  /** Right after sending: the thanks, the number, and what to do with this page's address. */
  justSent: boolean;
  /** Right after sending: the report was saved, but the photo sent with it could not be stored. */
  photoLost?: boolean;
}

const serial = (s: string) => `<span class="serial" dir="ltr">${esc(s)}</span>`;

/** The reporter's private page: the report's status, the outcome and the office's message. */
export function reportStatusPage(view: ReportStatusView): string {
  const { locale, report: r } = view;
  const m = locale.messages.report;
  const s = m.status;
  const number = esc(String(r.id));
  const district = view.district === undefined ? undefined : registryName(view.district, locale.lang);
  const sent = view.justSent
    ? `<section class="verdict ok" aria-labelledby="sent-h"><div><h1 id="sent-h">${esc(m.sent.title)}</h1><p>${fillHtml(m.sent.number, { number: `<b>${number}</b>` })}</p><p>${
        district ? fillHtml(m.sent.office, { district }) : esc(m.sent.registry)
      }</p>${view.photoLost ? `<p>${esc(m.sent.photoLost)}</p>` : ""}</div></section>
<section class="card" aria-labelledby="link-h"><h2 id="link-h">${esc(s.link)}</h2><p>${esc(m.sent.link)}</p><p class="note">${esc(m.sent.keep)}</p><p>${esc(r.hasContact ? m.sent.contact : m.sent.noContact)}</p></section>`
    : "";
  const heading = fillHtml(s.title, { number });
  const about = r.certificateId ? fillHtml(s.about, { serial: serial(r.certificateId) }) : r.presentedSerial ? fillHtml(s.aboutTag, { serial: serial(r.presentedSerial) }) : esc(s.aboutNone);
  const handled = district ? fillHtml(s.handledBy, { district }) : esc(s.handledByRegistry);
  const outcome = r.status === "closed" && r.outcome ? `<dt>${esc(s.outcome)}</dt><dd>${esc(s.outcomes[r.outcome])}</dd>` : "";
  // The office's own words, in whatever language it wrote them.
  const message = r.message ? `<dt>${esc(s.message)}</dt><dd><p class="story" dir="auto">${esc(r.message)}</p><p class="hint">${esc(s.messageNote)}</p></dd>` : "";
  const changed = r.updatedAt ? `<p class="story">${fillHtml(s.changedOn, { date: esc(locale.date(r.updatedAt)) })}</p>` : "";
  const main = `${sent}
<section class="card" aria-labelledby="report-h">${view.justSent ? `<h2 id="report-h">${heading}</h2>` : `<h1 id="report-h">${heading}</h1>`}<p>${fillHtml(s.sentOn, { date: esc(locale.date(r.createdAt)) })}${locale.sentenceGap}${about}${locale.sentenceGap}${handled}</p>
<dl><dt>${esc(s.state)}</dt><dd data-report-status="${r.status}">${esc(s.states[r.status])}${changed}</dd>${outcome}${message}</dl></section>`;
  const langHref = (lang: Language) => `?${view.justSent ? "sent&" : ""}${view.justSent && view.photoLost ? "photo-lost&" : ""}lang=${lang}`;
  return renderPage({ locale, title: view.justSent ? m.sent.title : fill(s.title, { number: String(r.id) }), main, langHref });
}

/** A private link that opens no report. */
export function reportNotFoundPage(locale: Locale): string {
  const m = locale.messages.report;
  const main = `<section class="card" aria-labelledby="nf-h"><h1 id="nf-h">${esc(m.notFoundTitle)}</h1><p>${esc(m.notFoundBody)}</p><p><a class="button" href="/">${esc(
    locale.messages.errors.home,
  )}</a></p></section>`;
  return renderPage({ locale, title: m.notFoundTitle, main });
}
