/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Reports of suspected fakes, for the offices that handle them: the list in the person's scope
// (the same service and scope rules as GET /api/v1/reports) and one report with the form that
// moves it on (PATCH /api/v1/reports/{id}'s rules).
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import type { Report } from "../../store/reports.js";
import { FormError, Layout, Notice, PostForm, SelectField } from "./components.js";
import type { FieldErrors, FormState } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";

const STATUSES = ["new", "investigating", "closed"] as const;
const OUTCOMES = ["confirmed-fake", "genuine", "not-confirmed", "referred"] as const;

function countryName(locale: ConsoleLocale, code: string): string {
  return new Intl.DisplayNames([locale.tag], { type: "region", fallback: "code" }).of(code) ?? code;
}

function price(locale: ConsoleLocale, r: Report): string {
  return new Intl.NumberFormat(`${locale.tag}-IN`, { style: "currency", currency: r.priceCurrency }).format(Number(r.priceAmount));
}

export const ReportsPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; reports: Report[]; more: boolean; status: string | undefined }> = ({ locale, session, reports, more, status }) => {
  const { t, fill } = locale;
  const r = t.reports;
  return (
    <Layout locale={locale} title={r.title} session={session} path="/console/reports" current="reports">
      <h1>{r.title}</h1>
      <p>{r.lead}</p>
      <form method="get" action="/console/reports">
        <SelectField
          name="status"
          label={r.status}
          errors={{}}
          value={status}
          placeholder={r.anyStatus}
          options={STATUSES.map((s) => ({ value: s, label: r.states[s] }))}
        />
        <button type="submit">{r.apply}</button>
      </form>
      {reports.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <ul class="items">
          {reports.map((report) => (
            <li data-report={report.id} data-status={report.status}>
              <a href={`/console/reports/${report.id}`}>{fill(r.number, { number: String(report.id) })}</a> · {r.states[report.status]}
              <p class="meta">
                {fill(r.sentOn, { date: locale.date(new Date(report.createdAt * 1000).toISOString()) })} ·{" "}
                {fill(r.whereValue, { place: report.place, city: report.city, country: countryName(locale, report.country) })} · {report.certificateId ?? r.noSerial}
              </p>
            </li>
          ))}
        </ul>
      )}
      {more ? <p class="meta">{r.more}</p> : null}
    </Layout>
  );
};

export const ReportPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; report: Report; form: FormState; notice?: string }> = ({ locale, session, report, form, notice }) => {
  const { t, fill } = locale;
  const r = t.reports;
  const errors: FieldErrors = form.errors;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  const row = (term: string, value: string | null) => (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
  const next = STATUSES.filter((s) => s !== "new" && s !== report.status);
  return (
    <Layout locale={locale} title={fill(r.number, { number: String(report.id) })} session={session} path={`/console/reports/${report.id}`} current="reports">
      <p>
        <a href="/console/reports">{r.back}</a>
      </p>
      <h1>{fill(r.number, { number: String(report.id) })}</h1>
      <Notice text={notice} />
      <p data-status={report.status}>
        {r.states[report.status]} · {fill(r.sentOn, { date: locale.dateTime(iso(report.createdAt)) })}
      </p>
      <dl>
        {report.certificateId ? (
          <>
            <dt>{r.certificate}</dt>
            <dd>
              <a href={`/v/${report.certificateId}`} dir="ltr">
                {report.certificateId}
              </a>
            </dd>
          </>
        ) : (
          row(r.presentedSerial, report.presentedSerial ?? r.noSerial)
        )}
        {row(r.where, fill(r.whereValue, { place: report.place, city: report.city, country: countryName(locale, report.country) }))}
        {row(r.seller, report.seller)}
        {row(r.price, price(locale, report))}
        {report.note ? row(r.note, report.note) : null}
        <dt>{r.contact}</dt>
        <dd>
          {report.contact ? (
            <>
              <span dir="ltr">{report.contact}</span>
              <p class="hint">{r.contactHint}</p>
            </>
          ) : (
            r.noContact
          )}
        </dd>
        {row(r.language, new Intl.DisplayNames([locale.tag], { type: "language" }).of(report.lang) ?? report.lang)}
        {report.outcome ? row(r.outcome, r.outcomes[report.outcome]) : null}
        {report.message ? row(r.message, report.message) : null}
        <dt>{t.reportPhoto.photo}</dt>
        <dd>
          {report.photoKey ? (
            <>
              <a href={`/console/reports/${report.id}/photo`}>
                <img class="report-photo" src={`/console/reports/${report.id}/photo`} alt={fill(t.reportPhoto.alt, { number: String(report.id) })} width={320} loading="lazy" />
              </a>
              <p class="hint">
                <a href={`/console/reports/${report.id}/photo`}>{t.reportPhoto.open}</a> · {t.reportPhoto.private}
              </p>
            </>
          ) : (
            t.reportPhoto.none
          )}
        </dd>
      </dl>
      <section aria-labelledby="change-title">
        <h2 id="change-title">{r.changeTitle}</h2>
        <PostForm action={`/console/reports/${report.id}`} csrf={session.csrfToken}>
          <FormError errors={errors} />
          <SelectField name="status" label={r.newStatus} errors={errors} value={form.values.status ?? next[0]} required options={next.map((s) => ({ value: s, label: r.states[s] }))} />
          <SelectField
            name="outcome"
            label={r.outcome}
            hint={r.outcomeHint}
            errors={errors}
            value={form.values.outcome}
            placeholder="—"
            options={OUTCOMES.map((o) => ({ value: o, label: r.outcomes[o] }))}
          />
          <div class="field">
            <label for="f-message">{r.message}</label>
            <p class="hint" id="f-message-hint">
              {r.messageHint}
            </p>
            {errors.message ? (
              <p class="error" id="f-message-error">
                {errors.message}
              </p>
            ) : null}
            <textarea id="f-message" name="message" rows={4} maxlength={1000} dir="auto" aria-describedby={errors.message ? "f-message-hint f-message-error" : "f-message-hint"} aria-invalid={errors.message ? "true" : undefined}>
              {form.values.message ?? ""}
            </textarea>
          </div>
          <button type="submit">{r.save}</button>
        </PostForm>
      </section>
    </Layout>
  );
};
