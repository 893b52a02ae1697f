/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Certificates: the list of the person's scope with a title search, the form that issues one
// certificate, and one certificate's page: the tag preview, print links (tag PDF, PNG, SVG in
// both sizes, opened by the session cookie so they can be clicked), revoke with a reason,
// reinstate.
import type { FC } from "hono/jsx";
import { CERTIFICATE_REVOCATION_REASONS } from "../../core/bundle.js";
import type { ConsoleSession } from "../../service/sessions.js";
import { Field, FormError, Layout, Notice, PostForm, SelectField } from "./components.js";
import type { FormState } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";

export interface CertificateRow {
  id: string;
  title: string;
  issuedAt: string;
}

export interface CertificatesView {
  rows: CertificateRow[];
  more: boolean;
  query: { q?: string };
  /** The issue form's choice of artisans; null for roles that do not issue. */
  issue: { artisans: { id: number; name: string }[]; products: { id: number; name: string }[] } | null;
}

/** Certificates on one chosen-certificates label sheet at most: ten A4 pages of 24 labels. */
export const MAX_CHOSEN_LABELS = 240;
export const CHOSEN_LABELS_PATH = "/console/certificates/labels.pdf";

export const CertificatesPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: CertificatesView; form: FormState; labelsProblem?: string }> = ({
  locale,
  session,
  view,
  form,
  labelsProblem,
}) => {
  const { t, fill } = locale;
  const c = t.certificates;
  return (
    <Layout locale={locale} title={c.title} session={session} path="/console/certificates" current="certificates">
      <h1>{c.title}</h1>
      <p>{c.lead}</p>
      {view.issue ? <IssueForm locale={locale} csrf={session.csrfToken} choices={view.issue} form={form} /> : null}
      <section aria-labelledby="list-title">
        <h2 id="list-title">{c.title}</h2>
        <form method="get" action="/console/certificates">
          <Field name="q" label={c.search} type="search" errors={{}} value={view.query.q} maxlength={200} />
          <button type="submit" class="secondary">
            {c.searchButton}
          </button>
        </form>
        {view.rows.length === 0 ? (
          <p>{c.none}</p>
        ) : (
          // A GET form: printing changes nothing, and the checkboxes work with scripts off.
          <form method="get" action={CHOSEN_LABELS_PATH} aria-describedby="labels-hint">
            <p id="labels-hint">
              {t.certificateLabels.choose} {fill(t.certificateLabels.hint, { max: locale.number(MAX_CHOSEN_LABELS) })}
            </p>
            {labelsProblem ? (
              <p class="error" role="alert" id="labels-error">
                {labelsProblem}
              </p>
            ) : null}
            <ul class="items">
              {view.rows.map((row) => (
                <li data-certificate={row.id}>
                  <input type="checkbox" name="id" value={row.id} id={`pick-${row.id}`} aria-label={fill(t.certificateLabels.select, { id: row.id })} />{" "}
                  <a href={`/console/certificates/${row.id}`}>{row.title}</a>
                  <p class="meta">
                    {fill(c.serial, { id: row.id })} · {fill(c.issuedOn, { date: locale.date(row.issuedAt) })}
                  </p>
                </li>
              ))}
            </ul>
            <button type="submit" class="secondary">
              {t.certificateLabels.button}
            </button>
          </form>
        )}
        {view.more ? <p class="meta">{fill(c.more, { count: view.rows.length })}</p> : null}
      </section>
    </Layout>
  );
};

const IssueForm: FC<{ locale: ConsoleLocale; csrf: string; choices: NonNullable<CertificatesView["issue"]>; form: FormState }> = ({ locale, csrf, choices, form }) => {
  const c = locale.t.certificates;
  const { values, errors } = form;
  return (
    <section aria-labelledby="issue-title">
      <h2 id="issue-title">{c.issueTitle}</h2>
      {choices.artisans.length === 0 ? (
        <p>{c.noArtisans}</p>
      ) : (
        <>
          <FormError errors={errors} />
          <PostForm action="/console/certificates" csrf={csrf}>
            <SelectField
              name="artisanId"
              label={c.artisan}
              errors={errors}
              value={values.artisanId}
              required
              placeholder={choices.artisans.length === 1 ? undefined : locale.t.people.choose}
              options={choices.artisans.map((a) => ({ value: String(a.id), label: `${a.name} (${a.id})` }))}
            />
            <Field name="title" label={c.itemTitle} hint={c.itemTitleHint} errors={errors} value={values.title} required maxlength={200} />
            <Field name="materials" label={c.materials} hint={c.materialsHint} errors={errors} value={values.materials} maxlength={400} />
            <Field name="madeOn" label={c.madeOn} hint={c.madeOnHint} errors={errors} value={values.madeOn} maxlength={10} inputmode="numeric" />
            <SelectField name="productId" label={c.product} hint={c.productHint} errors={errors} value={values.productId} placeholder="—" options={choices.products.map((p) => ({ value: String(p.id), label: p.name }))} />
            <SelectField
              name="claimGi"
              label={c.claimGi}
              errors={errors}
              value={values.claimGi ?? "yes"}
              options={[
                { value: "yes", label: c.claimYes },
                { value: "no", label: c.claimNo },
              ]}
            />
            <button type="submit">{c.issueButton}</button>
          </PostForm>
        </>
      )}
    </section>
  );
};

export interface CertificateDetail {
  id: string;
  title: string;
  artisan: string;
  issuedAt: string;
  verifyPath: string;
  revoked: { at: string; reason: (typeof CERTIFICATE_REVOCATION_REASONS)[number] } | null;
  mayRevoke: boolean;
}

export const CertificatePage: FC<{ locale: ConsoleLocale; session: ConsoleSession; certificate: CertificateDetail; form: FormState; notice?: string }> = ({
  locale,
  session,
  certificate,
  form,
  notice,
}) => {
  const { t, fill } = locale;
  const c = t.certificates;
  const path = `/console/certificates/${certificate.id}`;
  const sizes = [
    { size: "swing", label: c.swing },
    { size: "sticker", label: c.sticker },
  ] as const;
  return (
    <Layout locale={locale} title={certificate.title} session={session} path={path} current="certificates">
      <h1>{certificate.title}</h1>
      <Notice text={notice} />
      <section data-certificate={certificate.id} data-revoked={certificate.revoked ? "true" : "false"}>
        <p class="meta">
          {fill(c.serial, { id: certificate.id })} · {fill(c.issuedOn, { date: locale.date(certificate.issuedAt) })}
        </p>
        <p>{fill(c.by, { name: certificate.artisan })}</p>
        {certificate.revoked ? (
          <p class="alert">{fill(c.revoked, { date: locale.date(certificate.revoked.at), reason: c.reasons[certificate.revoked.reason] })}</p>
        ) : (
          <p>
            <strong>{c.valid}</strong>
          </p>
        )}
        <p>
          <a href={certificate.verifyPath}>{c.verifyPage}</a>
        </p>
      </section>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{c.previewTitle}</h2>
        <img src={`${path}/tag.svg?size=swing`} alt={fill(c.previewAlt, { id: certificate.id })} width={300} height={180} style="max-width:100%;height:auto;background:#fff" />
      </section>
      <section aria-labelledby="print-title" data-print-links>
        <h2 id="print-title">{c.printTitle}</h2>
        {sizes.map(({ size, label }) => (
          <>
            <h3>{label}</h3>
            <p class="actions">
              <a class="button" href={`${path}/tag.pdf?size=${size}`} target="_blank" aria-label={`${label}: ${c.pdf}`}>
                {c.pdf}
              </a>
              <a class="button" href={`${path}/tag.png?size=${size}`} target="_blank" aria-label={`${label}: ${c.png}`}>
                {c.png}
              </a>
              <a class="button" href={`${path}/tag.svg?size=${size}`} target="_blank" aria-label={`${label}: ${c.svg}`}>
                {c.svg}
              </a>
            </p>
          </>
        ))}
      </section>
      {certificate.mayRevoke ? (
        <section aria-labelledby="revoke-title">
          {/* The heading names the action the form below offers. */}
          <h2 id="revoke-title">{certificate.revoked ? t.certificateReinstate.title : c.revokeTitle}</h2>
          {certificate.revoked ? <p>{t.certificateReinstate.lead}</p> : null}
          <FormError errors={form.errors} />
          {certificate.revoked ? (
            <PostForm action={`${path}/reinstate`} csrf={session.csrfToken}>
              <button type="submit">{c.reinstateButton}</button>
            </PostForm>
          ) : (
            <PostForm action={`${path}/revoke`} csrf={session.csrfToken}>
              <SelectField
                name="reason"
                label={c.revokeReason}
                errors={form.errors}
                value={form.values.reason}
                required
                placeholder={t.people.choose}
                options={CERTIFICATE_REVOCATION_REASONS.map((r) => ({ value: r, label: c.reasons[r] }))}
              />
              <button type="submit" class="danger">
                {c.revokeButton}
              </button>
            </PostForm>
          )}
        </section>
      ) : null}
    </Layout>
  );
};
