/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Exporters' shipments in the console: the list with the form for a new one, and a shipment's
// page with its items and the add-items form. Certificates are added by typed numbers or web
// addresses, by a CSV file, or by the tag scanner (the camera, or photos read on the device),
// which only writes the web addresses it reads into the same form's box: one form, one route,
// one service (addItems, as POST /api/v1/shipments/{id}/items).
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { Field, FormError, Layout, Notice, PostForm } from "./components.js";
import type { FieldErrors, FormState } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";

export type ShipmentState = "open" | "sealed" | "cancelled";

export interface ShipmentSummary {
  id: string;
  state: ShipmentState;
  country: string;
  reference: string | null;
  itemCount: number;
  createdAt: string;
}

export interface ShipmentsView {
  shipments: ShipmentSummary[];
  /** Exporters make shipments; admins only read them. */
  canCreate: boolean;
}

/** A country code with its name in the reader's language: "AE (United Arab Emirates)". */
function countryName(locale: ConsoleLocale, code: string): string {
  try {
    const name = new Intl.DisplayNames([locale.tag], { type: "region" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export const ShipmentsPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: ShipmentsView; form: FormState }> = ({ locale, session, view, form }) => {
  const { t, fill } = locale;
  const s = t.shipments;
  return (
    <Layout locale={locale} title={s.title} session={session} path="/console/shipments" current="shipments">
      <h1>{s.title}</h1>
      <p>{s.lead}</p>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{s.title}</h2>
        {view.shipments.length === 0 ? <p>{s.none}</p> : null}
        <ul class="items">
          {view.shipments.map((shipment) => (
            <li data-shipment={shipment.id}>
              <a href={`/console/shipments/${shipment.id}`}>{fill(s.shipmentTitle, { id: shipment.id })}</a>
              {shipment.reference ? <span class="meta"> · {shipment.reference}</span> : null}
              <p class="meta">
                {fill(s.summary, { country: countryName(locale, shipment.country), count: locale.number(shipment.itemCount), date: locale.date(shipment.createdAt) })} · {s.states[shipment.state]}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {view.canCreate ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{s.createTitle}</h2>
          <FormError errors={form.errors} />
          <PostForm action="/console/shipments" csrf={session.csrfToken}>
            <Field name="consigneeName" label={s.consigneeName} hint={s.consigneeNameHint} errors={form.errors} value={form.values.consigneeName} required maxlength={200} />
            <Field name="consigneeCountry" label={s.consigneeCountry} hint={s.consigneeCountryHint} errors={form.errors} value={form.values.consigneeCountry} required maxlength={2} />
            <Field name="reference" label={s.reference} hint={s.referenceHint} errors={form.errors} value={form.values.reference} maxlength={64} />
            <Field name="note" label={s.note} hint={s.noteHint} errors={form.errors} value={form.values.note} maxlength={500} />
            <button type="submit">{s.create}</button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
};

export interface ShipmentDetail extends ShipmentSummary {
  consigneeName: string;
  note: string | null;
  publicUrl: string;
  items: { certificate: string; addedAt: string }[];
  /** The exporter that owns it, while it is open. */
  canAdd: boolean;
  /** The exporter that owns it, while it is open and has items. */
  canSeal: boolean;
  /** Its exporter or an admin, unless it was cancelled already. */
  canCancel: boolean;
  /** Sealed: its documents can be printed. */
  printable: boolean;
}

/** Why a seal was refused: the form's message, and the items that no longer verify. */
export interface SealForm {
  errors: FieldErrors;
  refused: RefusedItem[] | null;
}

/** An item the service refused, with the line it came from. */
export interface RefusedItem {
  /** The line of the box, or the CSV's row. */
  row: number;
  text: string;
  messages: string[];
}

export interface AddItemsForm {
  /** What the box held, to show it again. */
  items: string;
  errors: FieldErrors;
  refused: RefusedItem[] | null;
}

/** What the scanner may decode in the browser: the photo limits of the image pipeline (src/service/media.ts). */
export interface ScannerLimits {
  maxBytes: number;
  maxPixels: number;
}

export const ShipmentPage: FC<{
  locale: ConsoleLocale;
  session: ConsoleSession;
  shipment: ShipmentDetail;
  form: AddItemsForm;
  notice?: string;
  /** The service's origin: the scanner takes verify URLs of this origin only. */
  origin: string;
  limits: ScannerLimits;
  /** Where the scanner fetches jsQR, if the browser cannot read QR codes itself. */
  jsqr: string;
  seal?: SealForm;
}> = ({ locale, session, shipment, form, notice, origin, limits, jsqr, seal }) => {
  const { t, fill } = locale;
  const s = t.shipments;
  const path = `/console/shipments/${shipment.id}`;
  const title = fill(s.shipmentTitle, { id: shipment.id });
  return (
    <Layout locale={locale} title={title} session={session} path={path} current="shipments" scanner={shipment.canAdd}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <section data-shipment={shipment.id} data-state={shipment.state}>
        <dl>
          <dt>{s.consignee}</dt>
          <dd>
            {shipment.consigneeName} · {countryName(locale, shipment.country)}
          </dd>
          {shipment.reference ? (
            <>
              <dt>{s.referenceShown}</dt>
              <dd>{shipment.reference}</dd>
            </>
          ) : null}
          <dt>{s.state}</dt>
          <dd>{s.states[shipment.state]}</dd>
          <dt>{s.publicPage}</dt>
          <dd class="url">{shipment.publicUrl}</dd>
        </dl>
      </section>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{fill(s.itemsTitle, { count: locale.number(shipment.itemCount) })}</h2>
        {shipment.items.length === 0 ? <p>{s.noItems}</p> : null}
        <ul class="items" data-items>
          {shipment.items.map((item) => (
            <li data-certificate={item.certificate}>
              <a href={`/console/certificates/${item.certificate}`}>{fill(t.certificates.serial, { id: item.certificate })}</a>
              <span class="meta"> · {locale.dateTime(item.addedAt)}</span>
              {shipment.canAdd ? (
                <PostForm action={`${path}/items/${item.certificate}/remove`} csrf={session.csrfToken}>
                  <button type="submit" class="secondary" aria-label={fill(s.removeItem, { id: item.certificate })}>
                    {s.remove}
                  </button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {shipment.canSeal ? <Seal locale={locale} session={session} path={path} seal={seal} /> : null}
      {shipment.printable ? <Documents locale={locale} path={path} publicUrl={shipment.publicUrl} /> : null}
      {shipment.canAdd ? <AddItems locale={locale} session={session} path={path} form={form} origin={origin} limits={limits} jsqr={jsqr} /> : null}
      {shipment.canCancel ? <Cancel locale={locale} session={session} path={path} /> : null}
    </Layout>
  );
};

const AddItems: FC<{ locale: ConsoleLocale; session: ConsoleSession; path: string; form: AddItemsForm; origin: string; limits: ScannerLimits; jsqr: string }> = ({ locale, session, path, form, origin, limits, jsqr }) => {
  const { fill } = locale;
  const s = locale.t.shipments;
  const c = s.camera;
  const p = s.photos;
  const error = form.errors.items;
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{s.addTitle}</h2>
      <p>{s.addLead}</p>
      {form.refused ? (
        <div data-refused-items={form.refused.length}>
          <h3>{s.refusedTitle}</h3>
          <p class="alert" role="alert">
            {fill(s.refusedLead, { rows: locale.number(form.refused.length) })}
          </p>
          <ul class="items">
            {form.refused.map((r) => (
              <li data-row={r.row}>
                <strong>{fill(s.line, { row: r.row })}</strong>
                {r.text ? <p class="meta url">{r.text}</p> : null}
                {r.messages.map((m) => (
                  <p class="error">{m}</p>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormError errors={form.errors} />
      <PostForm action={`${path}/items`} csrf={session.csrfToken} enctype="multipart/form-data">
        <div class="field">
          <label for="f-items">{s.itemsField}</label>
          <textarea
            id="f-items"
            name="items"
            rows={5}
            spellcheck={false}
            autocomplete="off"
            style="font:inherit;width:100%;padding:.6rem;border:1px solid #8a8372;border-radius:6px"
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "f-items-hint f-items-error" : "f-items-hint"}
          >
            {form.items}
          </textarea>
          <p class="hint" id="f-items-hint">
            {s.itemsHint}
          </p>
          {error ? (
            <p class="error" id="f-items-error">
              {error}
            </p>
          ) : null}
        </div>
        <div
          data-scanner
          data-origin={origin}
          data-jsqr={jsqr}
          data-target="f-items"
          data-max-bytes={limits.maxBytes}
          data-max-pixels={limits.maxPixels}
          data-msg-starting={c.starting}
          data-msg-scanning={c.scanning}
          data-msg-read={c.read}
          data-msg-again={c.again}
          data-msg-not-tag={c.notTag}
          data-msg-count={c.count}
          data-msg-insecure={c.insecure}
          data-msg-unsupported={c.unsupported}
          data-msg-denied={c.denied}
          data-msg-no-camera={c.noCamera}
          data-msg-failed={c.failed}
          data-msg-photo-reading={p.reading}
          data-msg-photo-found={p.found}
          data-msg-photo-none={p.none}
          data-msg-photo-not-image={p.notImage}
          data-msg-photo-too-large={p.tooLarge}
          data-msg-photo-unreadable={p.unreadable}
        >
          <h3>{c.title}</h3>
          <p>{c.lead}</p>
          <noscript>
            <p class="alert">{c.noscript}</p>
          </noscript>
          <p class="actions">
            <button type="button" data-scanner-start hidden>
              {c.start}
            </button>
            <button type="button" class="secondary" data-scanner-stop hidden>
              {c.stop}
            </button>
          </p>
          <video data-scanner-video hidden muted playsinline aria-label={c.video} style="width:100%;max-width:26rem;border-radius:8px;background:#000"></video>
          <p role="status" aria-live="polite" data-scanner-status></p>
          <p data-scanner-count></p>
          <ul class="items" data-scanner-list hidden></ul>
          <div class="field" hidden>
            <h3>{p.title}</h3>
            <p>{p.lead}</p>
            <label for="f-photos">{p.field}</label>
            <input id="f-photos" type="file" accept="image/jpeg,image/png" multiple data-scanner-photos />
          </div>
        </div>
        <div class="field">
          <label for="f-csv">{s.csvField}</label>
          <input id="f-csv" name="csv" type="file" accept=".csv,text/csv" aria-describedby="f-csv-hint" />
          <p class="hint" id="f-csv-hint">
            {s.csvHint}
          </p>
        </div>
        <button type="submit">{s.add}</button>
      </PostForm>
    </section>
  );
};

const Seal: FC<{ locale: ConsoleLocale; session: ConsoleSession; path: string; seal?: SealForm }> = ({ locale, session, path, seal }) => {
  const s = locale.t.shipments;
  return (
    <section aria-labelledby="seal-title">
      <h2 id="seal-title">{s.seal.title}</h2>
      <p>{s.seal.lead}</p>
      {seal ? <FormError errors={seal.errors} /> : null}
      {seal?.refused ? (
        <ul class="items" data-seal-refused={seal.refused.length}>
          {seal.refused.map((r) => (
            <li data-certificate={r.text}>
              <strong>{locale.fill(locale.t.certificates.serial, { id: r.text })}</strong>
              {r.messages.map((m) => (
                <p class="error">{m}</p>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <PostForm action={`${path}/seal`} csrf={session.csrfToken}>
        <button type="submit">{s.seal.button}</button>
      </PostForm>
    </section>
  );
};

const Documents: FC<{ locale: ConsoleLocale; path: string; publicUrl: string }> = ({ locale, path, publicUrl }) => {
  const d = locale.t.shipments.documents;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{d.title}</h2>
      <p>{d.lead}</p>
      <p class="actions">
        <a class="button" href={`${path}/document.pdf`} target="_blank" rel="noopener">
          {d.provenance}
        </a>
        <a class="button secondary" href={publicUrl.toLowerCase()} target="_blank" rel="noopener">
          {d.publicPage}
        </a>
      </p>
      <form method="get" action={`${path}/labels.pdf`} target="_blank">
        <div class="field">
          <label for="f-cartons">{d.cartons}</label>
          <input id="f-cartons" name="cartons" type="number" inputmode="numeric" min={1} max={1000} value="1" required aria-describedby="f-cartons-hint" />
          <p class="hint" id="f-cartons-hint">
            {d.cartonsHint}
          </p>
        </div>
        <button type="submit">{d.labels}</button>
      </form>
    </section>
  );
};

const Cancel: FC<{ locale: ConsoleLocale; session: ConsoleSession; path: string }> = ({ locale, session, path }) => {
  const c = locale.t.shipments.cancel;
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{c.title}</h2>
      <p>{c.lead}</p>
      <PostForm action={`${path}/cancel`} csrf={session.csrfToken}>
        <div class="field">
          <label for="f-reason">{c.reason}</label>
          <input id="f-reason" name="reason" type="text" maxlength={500} autocomplete="off" />
        </div>
        <button type="submit" class="danger">
          {c.button}
        </button>
      </PostForm>
    </section>
  );
};
