/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's record pages: artisans (list, register, edit, status, GI, photo), certificates
// (list, issue one, revoke, reinstate) and the print links of a certificate's tag. Thin handlers
// over the services the API calls (src/service/*), with the signed-in person as the Principal:
// the same roles and scopes, one path to the data. Forms are checked with the API's own zod
// schemas; a refusal renders the page again with the message beside its field (422), a success
// redirects (303) to a GET page.
import type { Hono, Context, MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import { notFound } from "../../core/errors.js";
import { isoTime } from "../../core/time.js";
import { verifyUrl } from "../../core/url.js";
import { tagContent } from "../../render/content.js";
import { ArtisanPage, ArtisansPage, type ArtisanDetail, type ArtisanForm, type ArtisansView } from "../../pages/console/artisans.js";
import { CertificatePage, CertificatesPage, CHOSEN_LABELS_PATH, MAX_CHOSEN_LABELS, type CertificateDetail, type CertificatesView } from "../../pages/console/certificates.js";
import { check, emptyForm, refusal, type FieldErrors, type FormState } from "../../pages/console/form-state.js";
import { artisanListScope, assertCanIssueFor, canReadArtisan, certificateListScope, type Principal } from "../../service/access.js";
import {
  artisanChanges,
  artisanInput,
  changeGiAuthorisation,
  giAuthorisationChange,
  registerArtisan,
  removeArtisanPhoto,
  setArtisanPhoto,
  setArtisanStatus,
  statusChange,
  updateArtisan,
} from "../../service/artisans.js";
import { certificateInput, findReadableCertificate, issueCertificate } from "../../service/certificates.js";
import { reinstateCertificate, revocationInput, revokeCertificate } from "../../service/revocations.js";
import { findArtisan, listArtisans, type Artisan, type ArtisanFilter } from "../../store/artisans.js";
import { listCertificates, type CertificateFilter } from "../../store/certificates.js";
import { listDistricts, listGiTags } from "../../store/registry.js";
import { findCurrentRevocation } from "../../store/revocations.js";
import { formOf, type ConsoleEnv } from "../console.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readQuery } from "../input.js";
import { randomBytes, toHex } from "../../core/bytes.js";
import { decodeUtf8, formatCsv, parseCsv } from "../../core/csv.js";
import { BatchUploadPage, IssuedBatchPage, type RefusedRow } from "../../pages/console/batches.js";
import { errorMessage } from "../../pages/console/form-state.js";
import type { ConsoleLocale } from "../../pages/console/locale.js";
import { canReadCertificate } from "../../service/access.js";
import { CSV_COLUMNS, issueBatch, MAX_BATCH_BODY_BYTES } from "../../service/batches.js";
import { findBatch, listBatchCertificates, listBatchTagSources } from "../../store/batches.js";
import { ApiError } from "../../core/errors.js";
import { AuditPage } from "../../pages/console/audit.js";
import { TokenCreatedPage, TokensPage, type TokensView } from "../../pages/console/tokens.js";
import { createToken, revokeToken, tokenInput, tokenView } from "../../service/tokens.js";
import { listApiTokens } from "../../store/tokens.js";
import { unixSeconds } from "../../core/time.js";
import { roleName } from "../../pages/console/text.js";
import { ROLES } from "../../service/access.js";
import { listAudit, listScopedAudit, type AuditScope } from "../../store/audit.js";
import { tagQuery } from "./tags.js";

type ConsoleContext = Context<ConsoleEnv>;
type PageSender = (c: ConsoleContext, view: Child, status?: 200 | 422) => Promise<Response>;

/** How many rows a list page shows: enough for a district's day, small enough for slow 3G. */
const LIST_LIMIT = 50;

const STATUSES = ["pending", "active", "suspended"] as const;


/** A batch row error in the reader's language: the batch codes, else the service's codes, else "not valid". */
function rowErrorMessage(code: string | undefined, locale: ConsoleLocale): string {
  const rows = locale.t.batches.rowErrors as Record<string, string>;
  if (code && Object.hasOwn(rows, code)) return rows[code]!;
  const message = errorMessage(code ?? "", locale);
  return message === locale.t.errors.other ? locale.t.fieldErrors.invalid : message;
}

/** The refused rows with their cells, for showing each row's errors beside it. */
function refusedRows(errors: readonly { row?: number; path: string; code?: string }[], body: Uint8Array, locale: ConsoleLocale): RefusedRow[] {
  const text = decodeUtf8(body);
  const parsed = text === null ? null : parseCsv(text, { maxRecords: 10_002 });
  const cells = new Map(parsed?.ok ? parsed.records.map((r) => [r.row, r.fields]) : []);
  const byRow = new Map<number, RefusedRow>();
  for (const e of errors) {
    const row = e.row ?? 0;
    let entry = byRow.get(row);
    if (!entry) byRow.set(row, (entry = { row, cells: cells.get(row) ?? [], errors: [] }));
    entry.errors.push({ column: e.path === "(row)" ? "" : e.path, message: rowErrorMessage(e.code, locale) });
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/** Artisan refusals that concern one field of the registration form. */
const ARTISAN_FIELDS: Record<string, string> = {
  "unknown-district": "districtCode",
  "out-of-scope": "districtCode",
  "unknown-product": "productId",
  "product-outside-district": "productId",
  "unknown-gi-tag": "giTagId",
  "gi-region-mismatch": "giTagId",
  "duplicate-gi-authorised-user": "giAuthorisedUserNumber",
  "invalid-gstin": "gstin",
  "duplicate-gstin": "gstin",
  "seller-with-gstin": "sellerName",
  "invalid-seller-gstin": "sellerGstin",
  "invalid-udyam": "udyam",
  "craft-required": "craft",
};

/** The artisan edit form's fields: everything PATCH /api/v1/artisans/{id} changes but the photo, which has its own form. */
const EDIT_FIELDS = ["name", "craft", "udyam", "sellerName", "sellerGstin", "languages", "maySelfIssue", "monthlyCapacity"] as const;

const CERTIFICATE_FIELDS: Record<string, string> = {
  "unknown-artisan": "artisanId",
  "out-of-scope": "artisanId",
  "artisan-not-active": "artisanId",
  "self-issuance-not-allowed": "artisanId",
  "unknown-product": "productId",
  "product-outside-district": "productId",
  "made-on-in-future": "madeOn",
};

/** The form's values as text, to fill the fields again. */
function valuesOf(form: { text(name: string): string | undefined }, names: readonly string[]): FormState["values"] {
  return Object.fromEntries(names.map((n) => [n, form.text(n)]));
}

function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export function registerRecordPages(app: Hono<ConsoleEnv>, deps: AppDeps, signed: MiddlewareHandler<ConsoleEnv>, page: PageSender): void {
  const now = () => deps.clock();
  const pathId = (c: ConsoleContext) => integerParam(c.req.param("id") ?? "", "this record");

  // -------------------------------------------------------------------------------------------
  // Artisans

  async function readableArtisan(principal: Principal, id: number): Promise<Artisan> {
    const artisan = await findArtisan(deps.db, id);
    // Out of scope reads as absent, as in the API: no probing which ids exist elsewhere.
    if (!artisan || !canReadArtisan(principal, artisan)) throw notFound("this artisan");
    return artisan;
  }

  async function artisansView(c: ConsoleContext): Promise<ArtisansView> {
    const principal = c.var.principal;
    const q = c.req.query("q")?.trim().slice(0, 120) || undefined;
    const asked = c.req.query("status");
    const status = STATUSES.find((s) => s === asked);
    const filter = artisanListScope<Omit<ArtisanFilter, "limit">>(principal, { status, nameContains: q });
    const rows = filter ? await listArtisans(deps.db, { ...filter, limit: LIST_LIMIT + 1 }) : [];
    const districts = await listDistricts(deps.db);
    const districtName = new Map(districts.map((d) => [d.code, d.name]));
    const productName = new Map(districts.flatMap((d) => d.products.map((p) => [p.id, p.name] as const)));
    let register: ArtisansView["register"] = null;
    if (principal.role === "admin" || principal.role === "district") {
      const mine = principal.role === "district" ? districts.filter((d) => d.code === principal.districtCode) : districts;
      const giTags = await listGiTags(deps.db);
      register = {
        districts: mine.map((d) => ({ code: d.code, name: d.name })),
        products: mine.flatMap((d) => d.products.map((p) => ({ id: p.id, name: p.name, districtCode: d.code, district: d.name }))),
        giTags: giTags.filter((g) => principal.role === "admin" || g.districtCodes.includes(principal.districtCode!)).map((g) => ({ id: g.id, name: g.name })),
      };
    }
    return {
      rows: rows.slice(0, LIST_LIMIT).map((a) => ({
        id: a.id,
        name: a.name,
        status: a.status,
        district: districtName.get(a.districtCode) ?? String(a.districtCode),
        craft: (a.productId !== null ? productName.get(a.productId) : undefined) ?? a.craft ?? "",
      })),
      more: rows.length > LIST_LIMIT,
      query: { q, status },
      register,
    };
  }

  app.get("/console/artisans", signed, async (c) => {
    const notice = c.req.query("registered") !== undefined ? c.var.locale.t.artisans.registeredNotice : undefined;
    return page(c, <ArtisansPage locale={c.var.locale} session={c.var.session!} view={await artisansView(c)} form={emptyForm()} notice={notice} />);
  });

  const REGISTER_FIELDS = ["name", "districtCode", "productId", "craft", "giTagId", "giAuthorisedUserNumber", "gstin", "sellerName", "sellerGstin", "udyam", "status"] as const;

  app.post("/console/artisans", signed, async (c) => {
    const form = await formOf(c);
    const values = valuesOf(form, REGISTER_FIELDS);
    const seller = values.sellerName !== undefined || values.sellerGstin !== undefined ? { name: values.sellerName, gstin: values.sellerGstin } : undefined;
    const body = defined({
      name: values.name,
      districtCode: form.integer("districtCode"),
      productId: form.integer("productId"),
      craft: values.craft,
      giTagId: form.integer("giTagId"),
      giAuthorisedUserNumber: values.giAuthorisedUserNumber,
      gstin: values.gstin,
      udyam: values.udyam,
      seller,
      status: values.status,
    });
    const again = async (errors: FieldErrors) =>
      page(c, <ArtisansPage locale={c.var.locale} session={c.var.session!} view={await artisansView(c)} form={{ values, errors }} />, 422);
    const checked = check(artisanInput, body, c.var.locale);
    if (!checked.ok) return again(sellerErrors(checked.errors));
    try {
      const artisan = await registerArtisan(deps.db, c.var.principal, checked.value, now());
      return c.redirect(`/console/artisans/${artisan.id}?registered`, 303);
    } catch (error) {
      return again(refusal(error, c.var.locale, ARTISAN_FIELDS));
    }
  });

  /** The schema names the seller's fields seller.name and seller.gstin; the form, sellerName and sellerGstin. */
  function sellerErrors(errors: FieldErrors): FieldErrors {
    if (!errors.seller) return errors;
    const { seller, ...rest } = errors;
    return { ...rest, sellerGstin: seller };
  }

  async function artisanDetail(principal: Principal, artisan: Artisan): Promise<ArtisanDetail> {
    const [districts, giTags] = await Promise.all([listDistricts(deps.db), artisan.giTagId !== null ? listGiTags(deps.db) : Promise.resolve([])]);
    const district = districts.find((d) => d.code === artisan.districtCode);
    const product = district?.products.find((p) => p.id === artisan.productId);
    const gi = giTags.find((g) => g.id === artisan.giTagId);
    const allowed = (assert: () => void) => {
      try {
        assert();
        return true;
      } catch {
        return false;
      }
    };
    const mayManage = principal.role === "admin" || (principal.role === "district" && principal.districtCode === artisan.districtCode);
    return {
      id: artisan.id,
      name: artisan.name,
      status: artisan.status,
      district: district?.name ?? String(artisan.districtCode),
      craft: product?.name ?? artisan.craft ?? "",
      gi: artisan.giTagId !== null ? { name: gi?.name ?? String(artisan.giTagId), number: artisan.giAuthorisedUserNumber ?? "", withdrawnAt: artisan.giWithdrawnAt === null ? null : isoTime(artisan.giWithdrawnAt) } : null,
      seller: artisan.sellerName,
      gstin: artisan.gstin,
      udyam: artisan.udyam,
      photoUrl: artisan.photoUrl,
      editable: {
        craft: artisan.craft,
        hasProduct: artisan.productId !== null,
        sellerName: artisan.sellerName,
        sellerGstin: artisan.sellerGstin,
        languages: artisan.languages,
        maySelfIssue: artisan.maySelfIssue,
        monthlyCapacity: artisan.monthlyCapacity,
      },
      mayManage,
      mayManageGi: principal.role === "admin" || (principal.role === "gi-body" && artisan.giTagId !== null && principal.giTagId === artisan.giTagId),
      mayIssue: allowed(() => assertCanIssueFor(principal, artisan)),
    };
  }

  async function artisanPage(c: ConsoleContext, artisan: Artisan, form?: { which: ArtisanForm; state: FormState }, notice?: string) {
    const detail = await artisanDetail(c.var.principal, artisan);
    return page(c, <ArtisanPage locale={c.var.locale} session={c.var.session!} artisan={detail} form={form} notice={notice} />, form ? 422 : 200);
  }

  app.get("/console/artisans/:id", signed, async (c) => {
    const artisan = await readableArtisan(c.var.principal, pathId(c));
    const { t } = c.var.locale;
    const notice = c.req.query("registered") !== undefined ? t.artisans.registeredNotice : c.req.query("changed") !== undefined ? t.artisans.changedNotice : undefined;
    return artisanPage(c, artisan, undefined, notice);
  });

  /** A form on the artisan's page: check, call the service, back to the page; a refusal shows beside the form's field. */
  function artisanForm(which: ArtisanForm, names: readonly string[], act: (c: ConsoleContext, id: number, values: FormState["values"]) => Promise<FieldErrors | null>, fields: Record<string, string> = {}) {
    return async (c: ConsoleContext) => {
      const id = pathId(c);
      const artisan = await readableArtisan(c.var.principal, id);
      const form = await formOf(c);
      const values = valuesOf(form, names);
      let errors: FieldErrors | null;
      try {
        errors = await act(c, id, values);
      } catch (error) {
        errors = refusal(error, c.var.locale, fields);
      }
      if (errors) return artisanPage(c, (await findArtisan(deps.db, id)) ?? artisan, { which, state: { values, errors } });
      return c.redirect(`/console/artisans/${id}?changed`, 303);
    };
  }

  app.post(
    "/console/artisans/:id/edit",
    signed,
    artisanForm("edit", EDIT_FIELDS, async (c, id, values) => {
      const artisan = await readableArtisan(c.var.principal, id);
      const { fieldErrors } = c.var.locale.t;
      // The seller is a name and a GSTIN together, or neither (no seller); an artisan with a GSTIN of their own has none.
      const sellerGiven = values.sellerName !== undefined || values.sellerGstin !== undefined;
      if (!artisan.gstin && sellerGiven && (values.sellerName === undefined || values.sellerGstin === undefined)) {
        return { [values.sellerName === undefined ? "sellerName" : "sellerGstin"]: fieldErrors.required };
      }
      const changes = {
        name: values.name,
        craft: values.craft ?? null,
        udyam: values.udyam ?? null,
        ...(artisan.gstin ? {} : { seller: sellerGiven ? { name: values.sellerName, gstin: values.sellerGstin } : null }),
        languages: (values.languages ?? "").split(/[\s,،、]+/).filter((l) => l !== ""),
        maySelfIssue: values.maySelfIssue === "yes" ? true : values.maySelfIssue === "no" ? false : values.maySelfIssue,
        monthlyCapacity: values.monthlyCapacity === undefined ? null : /^[0-9]{1,7}$/.test(values.monthlyCapacity) ? Number(values.monthlyCapacity) : values.monthlyCapacity,
      };
      const checked = check(artisanChanges, changes, c.var.locale);
      if (!checked.ok) return sellerErrors(checked.errors);
      await updateArtisan(deps.db, c.var.principal, id, checked.value, now());
      return null;
    }, ARTISAN_FIELDS),
  );

  app.post(
    "/console/artisans/:id/status",
    signed,
    artisanForm("status", ["status", "reason"], async (c, id, values) => {
      const checked = check(statusChange, { status: values.status, reason: values.reason }, c.var.locale);
      if (!checked.ok) return checked.errors;
      await setArtisanStatus(deps.db, c.var.principal, id, checked.value, now());
      return null;
    }),
  );

  app.post(
    "/console/artisans/:id/gi-authorisation",
    signed,
    artisanForm("gi", ["action", "reason"], async (c, id, values) => {
      const checked = check(giAuthorisationChange, { action: values.action, reason: values.reason }, c.var.locale);
      if (!checked.ok) return checked.errors;
      await changeGiAuthorisation(deps.db, c.var.principal, id, checked.value, now());
      return null;
    }),
  );

  app.post(
    "/console/artisans/:id/photo",
    signed,
    artisanForm("photo", [], async (c, id) => {
      const file = (await formOf(c)).file("photo");
      if (!file) return { photo: c.var.locale.t.fieldErrors.required };
      await setArtisanPhoto(deps.db, deps, c.var.principal, id, new Uint8Array(await file.arrayBuffer()), now());
      return null;
    }, { "not-an-image": "photo", "image-too-large": "photo", "image-dimensions-too-large": "photo", "image-unreadable": "photo" }),
  );

  app.post("/console/artisans/:id/photo/remove", signed, async (c) => {
    const id = pathId(c);
    await readableArtisan(c.var.principal, id);
    await removeArtisanPhoto(deps.db, deps, c.var.principal, id, now());
    return c.redirect(`/console/artisans/${id}?changed`, 303);
  });

  // -------------------------------------------------------------------------------------------
  // Certificates

  async function certificatesView(c: ConsoleContext): Promise<CertificatesView> {
    const principal = c.var.principal;
    const q = c.req.query("q")?.trim().slice(0, 200) || undefined;
    const filter = certificateListScope<Omit<CertificateFilter, "limit">>(principal, { titleContains: q });
    const rows = filter ? await listCertificates(deps.db, { ...filter, limit: LIST_LIMIT + 1 }) : [];
    let issue: CertificatesView["issue"] = null;
    if (principal.role === "admin" || principal.role === "district" || principal.role === "artisan") {
      const artisanFilter = artisanListScope<Omit<ArtisanFilter, "limit">>(principal, { status: "active" });
      const artisans = artisanFilter ? await listArtisans(deps.db, { ...artisanFilter, limit: 500 }) : [];
      const issuable = artisans.filter((a) => {
        try {
          assertCanIssueFor(principal, a);
          return true;
        } catch {
          return false;
        }
      });
      const codes = new Set(issuable.map((a) => a.districtCode));
      const products = (await listDistricts(deps.db)).filter((d) => codes.has(d.code)).flatMap((d) => d.products.map((p) => ({ id: p.id, name: codes.size > 1 ? `${p.name} (${d.name})` : p.name })));
      issue = { artisans: issuable.map((a) => ({ id: a.id, name: a.name })), products };
    }
    return {
      rows: rows.slice(0, LIST_LIMIT).map((cert) => ({ id: cert.id, title: cert.title, issuedAt: isoTime(cert.issuedAt) })),
      more: rows.length > LIST_LIMIT,
      query: { q },
      issue,
    };
  }

  app.get("/console/certificates", signed, async (c) => {
    const artisan = c.req.query("artisan");
    const values = artisan && /^[0-9]{1,10}$/.test(artisan) ? { artisanId: artisan } : {};
    return page(c, <CertificatesPage locale={c.var.locale} session={c.var.session!} view={await certificatesView(c)} form={emptyForm(values)} />);
  });

  const ISSUE_FIELDS = ["artisanId", "title", "materials", "madeOn", "productId", "claimGi"] as const;

  app.post("/console/certificates", signed, async (c) => {
    const form = await formOf(c);
    const values = valuesOf(form, ISSUE_FIELDS);
    const materials = values.materials
      ?.split(/[,،、]/)
      .map((m) => m.trim())
      .filter((m) => m !== "");
    const body = defined({
      artisanId: form.integer("artisanId"),
      title: values.title,
      materials,
      madeOn: values.madeOn,
      productId: form.integer("productId"),
      claimGi: values.claimGi === undefined ? undefined : values.claimGi === "yes" ? true : values.claimGi === "no" ? false : values.claimGi,
    });
    const again = async (errors: FieldErrors) => page(c, <CertificatesPage locale={c.var.locale} session={c.var.session!} view={await certificatesView(c)} form={{ values, errors }} />, 422);
    const checked = check(certificateInput, body, c.var.locale);
    if (!checked.ok) return again(checked.errors);
    try {
      const issued = await issueCertificate(deps.db, deps.signingKey, c.var.principal, checked.value, now(), deps.log);
      return c.redirect(`/console/certificates/${issued.id}?issued`, 303);
    } catch (error) {
      return again(refusal(error, c.var.locale, CERTIFICATE_FIELDS));
    }
  });

  async function certificatePage(c: ConsoleContext, id: string, form: FormState = emptyForm(), notice?: string) {
    const principal = c.var.principal;
    const record = await findReadableCertificate(deps.db, principal, id);
    const [revocation, artisan] = await Promise.all([findCurrentRevocation(deps.db, id), findArtisan(deps.db, record.certificate.artisanId)]);
    let mayRevoke = false;
    try {
      if (artisan) assertCanIssueFor(principal, artisan);
      mayRevoke = artisan !== undefined;
    } catch {
      mayRevoke = false;
    }
    const certificate: CertificateDetail = {
      id: record.certificate.id,
      title: record.certificate.title,
      artisan: record.artisan.name,
      issuedAt: isoTime(record.certificate.issuedAt),
      verifyPath: new URL(verifyUrl(deps.baseUrl, record.certificate.token)).pathname,
      revoked: revocation ? { at: isoTime(revocation.revokedAt), reason: revocation.reason as NonNullable<CertificateDetail["revoked"]>["reason"] } : null,
      mayRevoke,
    };
    const status = Object.keys(form.errors).length ? 422 : 200;
    return page(c, <CertificatePage locale={c.var.locale} session={c.var.session!} certificate={certificate} form={form} notice={notice} />, status);
  }

  // Before /console/certificates/:id, which would otherwise read "labels.pdf" as a serial.
  app.get(CHOSEN_LABELS_PATH, signed, async (c) => {
    const chosen = [...new Set(c.req.queries("id") ?? [])];
    const { t, fill, number } = c.var.locale;
    const problem = chosen.length === 0 ? t.certificateLabels.none : chosen.length > MAX_CHOSEN_LABELS ? fill(t.certificateLabels.tooMany, { max: number(MAX_CHOSEN_LABELS) }) : undefined;
    if (problem) return page(c, <CertificatesPage locale={c.var.locale} session={c.var.session!} view={await certificatesView(c)} form={emptyForm()} labelsProblem={problem} />, 422);
    // Each one as its own print link reads it: a certificate outside the scope is 404, as if it did not exist.
    const records = [];
    for (const id of chosen) records.push(await findReadableCertificate(deps.db, c.var.principal, id));
    const pdf = await (await deps.loadRenderers()).labelSheetPdf({ tags: records.map((r) => tagContent(r, deps.baseUrl)) });
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "cache-control": "private, no-store",
      "content-disposition": 'inline; filename="asli-labels.pdf"',
    });
  });

  app.get("/console/certificates/:id", signed, async (c) => {
    const { t } = c.var.locale;
    const q = (name: string) => c.req.query(name) !== undefined;
    const notice = q("issued") ? t.certificates.issuedNotice : q("revoked") ? t.certificates.revokedNotice : q("reinstated") ? t.certificates.reinstatedNotice : undefined;
    return certificatePage(c, c.req.param("id"), emptyForm(), notice);
  });

  app.post("/console/certificates/:id/revoke", signed, async (c) => {
    const id = c.req.param("id");
    await findReadableCertificate(deps.db, c.var.principal, id);
    const values = valuesOf(await formOf(c), ["reason"]);
    const checked = check(revocationInput, defined({ reason: values.reason }), c.var.locale);
    if (!checked.ok) return certificatePage(c, id, { values, errors: checked.errors });
    try {
      await revokeCertificate(deps.db, c.var.principal, id, checked.value, now());
    } catch (error) {
      return certificatePage(c, id, { values, errors: refusal(error, c.var.locale) });
    }
    return c.redirect(`/console/certificates/${id}?revoked`, 303);
  });

  app.post("/console/certificates/:id/reinstate", signed, async (c) => {
    const id = c.req.param("id");
    await findReadableCertificate(deps.db, c.var.principal, id);
    try {
      await reinstateCertificate(deps.db, c.var.principal, id, now());
    } catch (error) {
      return certificatePage(c, id, { values: {}, errors: refusal(error, c.var.locale) });
    }
    return c.redirect(`/console/certificates/${id}?reinstated`, 303);
  });

  // -------------------------------------------------------------------------------------------
  // Audit trail: the registry's whole trail; an office's, artisan's or exporter's own scope.

  const AUDIT_PAGE = 50;

  function auditScope(p: Principal): AuditScope | null {
    if (p.role === "district") return { column: "districtCode", value: p.districtCode! };
    if (p.role === "gi-body") return { column: "giTagId", value: p.giTagId! };
    if (p.role === "artisan") return { column: "artisanId", value: p.artisanId! };
    return null;
  }

  app.get("/console/audit", signed, async (c) => {
    const principal = c.var.principal;
    const asked = c.req.query("before");
    const before = asked && /^[0-9]{1,15}$/.test(asked) ? Number(asked) : undefined;
    const filter = { before, limit: AUDIT_PAGE + 1 };
    const rows =
      principal.role === "admin" ? await listAudit(deps.db, filter) : await listScopedAudit(deps.db, auditScope(principal), c.var.session!.person.id, filter);
    const shown = rows.slice(0, AUDIT_PAGE);
    const hrefOf = (type: string, id: string) =>
      type === "artisan" && principal.role !== "exporter" ? `/console/artisans/${id}` : type === "certificate" ? `/console/certificates/${id}` : type === "batch" ? `/console/batches/${id}` : null;
    const entries = shown.map((r) => ({
      id: r.id,
      at: isoTime(r.at),
      action: r.action,
      role: (ROLES as readonly string[]).includes(r.actorRole) ? roleName(c.var.locale, r.actorRole as Principal["role"]) : r.actorRole,
      subject: { type: r.subjectType, id: r.subjectId, href: hrefOf(r.subjectType, r.subjectId) },
    }));
    const olderHref = rows.length > AUDIT_PAGE ? `/console/audit?before=${shown[shown.length - 1]!.id}` : null;
    return page(c, <AuditPage locale={c.var.locale} session={c.var.session!} entries={entries} olderHref={olderHref} />);
  });

  // -------------------------------------------------------------------------------------------
  // API tokens: the registry's administrators (district offices make their artisans' tokens through the API).

  const assertAdmin = (p: Principal) => {
    if (p.role !== "admin") throw new ApiError(403, "role-not-allowed", "Forbidden", "API tokens are managed by the registry's administrators");
  };

  async function tokensView(): Promise<TokensView> {
    const [districts, giTags, tokens] = await Promise.all([listDistricts(deps.db), listGiTags(deps.db), listApiTokens(deps.db, { limit: 200 })]);
    const at = unixSeconds(now());
    return {
      roles: ROLES,
      districts: districts.map((d) => ({ code: d.code, name: d.name })),
      giTags: giTags.map((g) => ({ id: g.id, name: g.name })),
      tokens: tokens.map((token) => tokenView(token, at)),
    };
  }

  app.get("/console/tokens", signed, async (c) => {
    assertAdmin(c.var.principal);
    const notice = c.req.query("revoked") !== undefined ? c.var.locale.t.tokens.revokedNotice : undefined;
    return page(c, <TokensPage locale={c.var.locale} session={c.var.session!} view={await tokensView()} form={emptyForm()} notice={notice} />);
  });

  app.post("/console/tokens", signed, async (c) => {
    assertAdmin(c.var.principal);
    const form = await formOf(c);
    const values = valuesOf(form, ["name", "role", "districtCode", "giTagId", "artisanId", "expiresInDays"]);
    const body = defined({
      name: values.name,
      role: values.role,
      districtCode: form.integer("districtCode"),
      giTagId: form.integer("giTagId"),
      artisanId: form.integer("artisanId"),
      expiresInDays: form.integer("expiresInDays"),
    });
    const again = async (errors: FieldErrors) => page(c, <TokensPage locale={c.var.locale} session={c.var.session!} view={await tokensView()} form={{ values, errors }} />, 422);
    const checked = check(tokenInput, body, c.var.locale);
    if (!checked.ok) return again(checked.errors);
    const scopeField = values.role === "district" ? "districtCode" : values.role === "gi-body" ? "giTagId" : values.role === "artisan" ? "artisanId" : "role";
    try {
      const { token, record } = await createToken(deps.db, c.var.principal, checked.value, now());
      return page(c, <TokenCreatedPage locale={c.var.locale} session={c.var.session!} name={record.name} token={token} />);
    } catch (error) {
      return again(refusal(error, c.var.locale, { "unknown-district": "districtCode", "unknown-gi-tag": "giTagId", "unknown-artisan": "artisanId", "scope-required": scopeField, "scope-mismatch": scopeField }));
    }
  });

  app.post("/console/tokens/:id/revoke", signed, async (c) => {
    assertAdmin(c.var.principal);
    await revokeToken(deps.db, c.var.principal, pathId(c), now());
    return c.redirect("/console/tokens?revoked", 303);
  });

  // -------------------------------------------------------------------------------------------
  // Batches

  const mayIssue = (p: Principal) => p.role === "admin" || p.role === "district" || p.role === "artisan";
  const assertMayIssue = (p: Principal) => {
    if (!mayIssue(p)) throw new ApiError(403, "role-not-allowed", "Forbidden", `the ${p.role} role does not issue certificates`);
  };
  const uploadView = (refused: RefusedRow[] | null, errors: FieldErrors = {}) => ({ idempotencyKey: toHex(randomBytes(16)), columns: CSV_COLUMNS, refused, errors });

  app.get("/console/batches", signed, async (c) => {
    assertMayIssue(c.var.principal);
    return page(c, <BatchUploadPage locale={c.var.locale} session={c.var.session!} view={uploadView(null)} />);
  });

  app.get("/console/batches/template.csv", signed, async (c) => {
    assertMayIssue(c.var.principal);
    const example = CSV_COLUMNS.map((column) => ({ artisan_id: "", title: "", materials: "silk; zari", made_on: "2026-01-31", product_id: "", claim_gi: "yes", gi_tag_id: "" })[column]);
    return c.body(formatCsv([CSV_COLUMNS, example]) as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="asli-batch-template.csv"',
    });
  });

  app.post("/console/batches", signed, async (c) => {
    const principal = c.var.principal;
    assertMayIssue(principal);
    const form = await formOf(c);
    const file = form.file("csv");
    const again = (refused: RefusedRow[] | null, errors: FieldErrors = {}) => page(c, <BatchUploadPage locale={c.var.locale} session={c.var.session!} view={uploadView(refused, errors)} />, 422);
    if (!file) return again(null, { csv: c.var.locale.t.fieldErrors.required });
    if (file.size > MAX_BATCH_BODY_BYTES) return again(null, { csv: errorMessage("payload-too-large", c.var.locale) });
    const body = new Uint8Array(await file.arrayBuffer());
    const key = form.text("key");
    try {
      const { batch } = await issueBatch(deps.db, deps.signingKey, principal, { source: "csv", body, idempotencyKey: key && /^[0-9a-f]{32}$/.test(key) ? `console-${key}` : undefined }, now(), deps.log);
      return c.redirect(`/console/batches/${batch.id}?issued`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.errors?.length && error.status < 500) return again(refusedRows(error.errors, body, c.var.locale));
      return again(null, refusal(error, c.var.locale, { "batch-empty": "csv", "csv-too-many-rows": "csv" }));
    }
  });

  const BATCH_ID = /^B-[A-Z2-7]{13}$/;

  async function readableBatch(principal: Principal, id: string) {
    const batch = BATCH_ID.test(id) ? await findBatch(deps.db, id) : undefined;
    if (!batch) throw notFound("this batch");
    const certificates = await listBatchCertificates(deps.db, batch.id);
    // As in the API: absent unless every certificate in it is the reader's to see.
    if (!certificates.every((cert) => canReadCertificate(principal, cert))) throw notFound("this batch");
    return { batch, certificates };
  }

  app.get("/console/batches/:id", signed, async (c) => {
    const { batch, certificates } = await readableBatch(c.var.principal, c.req.param("id"));
    const view = { id: batch.id, itemCount: batch.itemCount, createdAt: isoTime(batch.createdAt), certificates: certificates.map((cert) => ({ row: cert.row, id: cert.id })) };
    return page(c, <IssuedBatchPage locale={c.var.locale} session={c.var.session!} batch={view} fresh={c.req.query("issued") !== undefined} />);
  });

  app.get("/console/batches/:id/labels.pdf", signed, async (c) => {
    const { batch } = await readableBatch(c.var.principal, c.req.param("id"));
    const records = await listBatchTagSources(deps.db, batch.id);
    const pdf = await (await deps.loadRenderers()).labelSheetPdf({ batchId: batch.id, tags: records.map((r) => tagContent(r, deps.baseUrl)) });
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "cache-control": "private, no-store",
      "content-disposition": `inline; filename="asli-${batch.id}-labels.pdf"`,
    });
  });

  // -------------------------------------------------------------------------------------------
  // Print links: the API's tag renderers, authorised by the session so that a link can be clicked.

  const tagHeaders = (type: string, id: string, size: string, ext: string) => ({
    "content-type": type,
    "cache-control": "private, no-store",
    "content-disposition": `inline; filename="asli-${id}-${size}.${ext}"`,
  });

  app.get("/console/certificates/:id/tag.svg", signed, async (c) => {
    const { size } = readQuery(c, tagQuery);
    const record = await findReadableCertificate(deps.db, c.var.principal, c.req.param("id"));
    return c.body((await deps.loadQrImages()).tagSvg(tagContent(record, deps.baseUrl), size), 200, tagHeaders("image/svg+xml", record.certificate.id, size, "svg"));
  });

  app.get("/console/certificates/:id/tag.png", signed, async (c) => {
    const { size } = readQuery(c, tagQuery);
    const record = await findReadableCertificate(deps.db, c.var.principal, c.req.param("id"));
    const png = await (await deps.loadRenderers()).tagPng(tagContent(record, deps.baseUrl), size);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, tagHeaders("image/png", record.certificate.id, size, "png"));
  });

  app.get("/console/certificates/:id/tag.pdf", signed, async (c) => {
    const { size } = readQuery(c, tagQuery);
    const record = await findReadableCertificate(deps.db, c.var.principal, c.req.param("id"));
    const pdf = await (await deps.loadRenderers()).tagPdf(tagContent(record, deps.baseUrl), size);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, tagHeaders("application/pdf", record.certificate.id, size, "pdf"));
  });
}
