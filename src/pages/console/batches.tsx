/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Batch issuance: download the CSV template, upload a filled-in file; a refused file comes back
// with every row's errors shown beside that row, nothing issued; an issued batch shows its label
// sheet. The same service as POST /api/v1/batches, all or nothing.
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { FileField, FormError, Layout, PostForm } from "./components.js";
import type { FieldErrors } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";

export interface RefusedRow {
  row: number;
  /** The row's cells as the file has them, when it could be read. */
  cells: string[];
  errors: { column: string; message: string }[];
}

export interface BatchUploadView {
  /** A fresh key per page: submitting the same page twice issues the batch once. */
  idempotencyKey: string;
  columns: readonly string[];
  refused: RefusedRow[] | null;
  errors: FieldErrors;
}

export const BatchUploadPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: BatchUploadView }> = ({ locale, session, view }) => {
  const { t, fill } = locale;
  const b = t.batches;
  return (
    <Layout locale={locale} title={b.title} session={session} path="/console/batches" current="batches">
      <h1>{b.title}</h1>
      <p>{b.lead}</p>
      <section aria-labelledby="template-title">
        <h2 id="template-title">{b.templateTitle}</h2>
        <p>{fill(b.templateLead, { columns: view.columns.join(", ") })}</p>
        <p>
          <a class="button" href="/console/batches/template.csv" download="asli-batch-template.csv">
            {b.templateButton}
          </a>
        </p>
      </section>
      {view.refused ? (
        <section aria-labelledby="refused-title" data-refused-rows={view.refused.length}>
          <h2 id="refused-title">{b.refusedTitle}</h2>
          <p class="alert" role="alert">
            {fill(b.refusedLead, { rows: locale.number(view.refused.length) })}
          </p>
          <ul class="items">
            {view.refused.map((r) => (
              <li data-row={r.row}>
                <strong>{fill(b.row, { row: r.row })}</strong>
                {r.cells.length ? <p class="meta url">{r.cells.join(" | ")}</p> : null}
                <ul>
                  {r.errors.map((e) => (
                    <li class="error">
                      {e.column ? `${e.column}: ` : ""}
                      {e.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{b.uploadTitle}</h2>
        <FormError errors={view.errors} />
        <PostForm action="/console/batches" csrf={session.csrfToken} enctype="multipart/form-data">
          <input type="hidden" name="key" value={view.idempotencyKey} />
          <FileField name="csv" label={b.file} hint={b.fileHint} errors={view.errors} accept=".csv,text/csv" />
          <button type="submit">{b.uploadButton}</button>
        </PostForm>
      </section>
    </Layout>
  );
};

export interface IssuedBatchView {
  id: string;
  itemCount: number;
  createdAt: string;
  certificates: { row: number | null; id: string }[];
}

export const IssuedBatchPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; batch: IssuedBatchView; fresh: boolean }> = ({ locale, session, batch, fresh }) => {
  const { t, fill } = locale;
  const b = t.batches;
  const path = `/console/batches/${batch.id}`;
  return (
    <Layout locale={locale} title={fill(b.batchTitle, { id: batch.id })} session={session} path={path} current="batches">
      <h1>{fill(b.batchTitle, { id: batch.id })}</h1>
      {fresh ? (
        <p class="notice" role="status">
          {fill(b.issuedNotice, { count: locale.number(batch.itemCount) })}
        </p>
      ) : null}
      <section data-batch={batch.id}>
        <p>{fill(b.summary, { count: locale.number(batch.itemCount), date: locale.dateTime(batch.createdAt) })}</p>
        <p>
          <a class="button" href={`${path}/labels.pdf`} target="_blank" data-labels>
            {b.labels}
          </a>
        </p>
        <p class="hint">{b.labelsHint}</p>
      </section>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t.certificates.title}</h2>
        <ul class="items">
          {batch.certificates.map((cert) => (
            <li data-certificate={cert.id}>
              <a href={`/console/certificates/${cert.id}`}>{fill(t.certificates.serial, { id: cert.id })}</a>
              {cert.row !== null ? <span class="meta"> · {fill(b.row, { row: cert.row })}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
};
