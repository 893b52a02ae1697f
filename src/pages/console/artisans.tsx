/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Artisans: the list of the person's scope with search and a status filter, the registration
// form (district offices and the registry), and one artisan's page: edit, approve, suspend,
// reinstate, GI confirm/withdraw (GI bodies and the registry), the photo. Which forms appear
// follows the same access rules the services enforce; the services decide in the end.
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { Field, FileField, FormError, Layout, Notice, PostForm, SelectField } from "./components.js";
import type { FieldErrors, FormState } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";

export type ArtisanStatus = "pending" | "active" | "suspended";

export interface ArtisanRow {
  id: number;
  name: string;
  status: ArtisanStatus;
  district: string;
  craft: string;
}

export interface ArtisansView {
  rows: ArtisanRow[];
  more: boolean;
  query: { q?: string; status?: string };
  /** The registration form, for those who may register; null for the others. */
  register: RegisterChoices | null;
}

export interface RegisterChoices {
  /** The districts the person may register in (one for a district office). */
  districts: { code: number; name: string }[];
  products: { id: number; name: string; districtCode: number; district: string }[];
  giTags: { id: number; name: string }[];
}

export const ArtisansPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: ArtisansView; form: FormState; notice?: string }> = ({ locale, session, view, form, notice }) => {
  const { t, fill } = locale;
  const a = t.artisans;
  const statuses = (["pending", "active", "suspended"] as const).map((s) => ({ value: s, label: a.statuses[s] }));
  return (
    <Layout locale={locale} title={a.title} session={session} path="/console/artisans" current="artisans">
      <h1>{a.title}</h1>
      <p>{a.lead}</p>
      <Notice text={notice} />
      <section aria-labelledby="search-title">
        <h2 id="search-title">{a.searchTitle}</h2>
        <form method="get" action="/console/artisans">
          <Field name="q" label={a.search} type="search" errors={{}} value={view.query.q} maxlength={120} />
          <SelectField name="status" label={a.status} errors={{}} value={view.query.status} placeholder={a.anyStatus} options={statuses} />
          <button type="submit" class="secondary">
            {a.searchButton}
          </button>
        </form>
        {view.rows.length === 0 ? (
          <p>{a.none}</p>
        ) : (
          <ul class="items">
            {view.rows.map((row) => (
              <li data-artisan={row.id}>
                <a href={`/console/artisans/${row.id}`}>{row.name}</a>
                <p class="meta">
                  {fill(a.number, { id: row.id })} · {a.statuses[row.status]} · {row.district} · {row.craft}
                </p>
              </li>
            ))}
          </ul>
        )}
        {view.more ? <p class="meta">{fill(a.more, { count: view.rows.length })}</p> : null}
      </section>
      {view.register ? <RegisterForm locale={locale} csrf={session.csrfToken} choices={view.register} form={form} /> : null}
    </Layout>
  );
};

const RegisterForm: FC<{ locale: ConsoleLocale; csrf: string; choices: RegisterChoices; form: FormState }> = ({ locale, csrf, choices, form }) => {
  const a = locale.t.artisans;
  const { values, errors } = form;
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{a.registerTitle}</h2>
      <FormError errors={errors} />
      <PostForm action="/console/artisans" csrf={csrf}>
        <Field name="name" label={a.name} errors={errors} value={values.name} required maxlength={120} autocomplete="off" />
        <SelectField
          name="districtCode"
          label={a.district}
          errors={errors}
          value={values.districtCode ?? (choices.districts.length === 1 ? String(choices.districts[0]!.code) : undefined)}
          required
          placeholder={choices.districts.length === 1 ? undefined : locale.t.people.choose}
          options={choices.districts.map((d) => ({ value: String(d.code), label: d.name }))}
        />
        <SelectField
          name="productId"
          label={a.product}
          hint={a.productHint}
          errors={errors}
          value={values.productId}
          placeholder={a.noProduct}
          options={choices.products.map((p) => ({ value: String(p.id), label: choices.districts.length === 1 ? p.name : `${p.name} (${p.district})` }))}
        />
        <Field name="craft" label={a.craft} hint={a.craftHint} errors={errors} value={values.craft} maxlength={120} />
        <SelectField name="giTagId" label={a.giTag} errors={errors} value={values.giTagId} placeholder={a.noGi} options={choices.giTags.map((g) => ({ value: String(g.id), label: g.name }))} />
        <Field name="giAuthorisedUserNumber" label={a.giNumber} hint={a.giNumberHint} errors={errors} value={values.giAuthorisedUserNumber} maxlength={64} />
        <Field name="gstin" label={a.gstin} hint={a.gstinHint} errors={errors} value={values.gstin} maxlength={15} />
        <Field name="sellerName" label={a.sellerName} hint={a.sellerHint} errors={errors} value={values.sellerName} maxlength={160} />
        <Field name="sellerGstin" label={a.sellerGstin} errors={errors} value={values.sellerGstin} maxlength={15} />
        <Field name="udyam" label={a.udyam} errors={errors} value={values.udyam} maxlength={19} />
        <SelectField
          name="status"
          label={a.approveNow}
          errors={errors}
          value={values.status ?? "active"}
          options={[
            { value: "active", label: a.approveActive },
            { value: "pending", label: a.approvePending },
          ]}
        />
        <button type="submit">{a.registerButton}</button>
      </PostForm>
    </section>
  );
};

/** Every field the API's PATCH /api/v1/artisans/{id} changes; a field left as shown is sent as it is. */
const EditFields: FC<{ locale: ConsoleLocale; artisan: ArtisanDetail; form: FormState }> = ({ locale, artisan, form }) => {
  const a = locale.t.artisans;
  const e = locale.t.artisanEdit;
  const { values, errors } = form;
  const was = artisan.editable;
  // A re-rendered form shows what was sent, blanks included; a fresh one, the record.
  const shown = (name: string, current: string | null) => (name in values ? values[name] : (current ?? undefined));
  return (
    <>
      <Field name="name" label={a.name} errors={errors} value={shown("name", artisan.name)} required maxlength={120} />
      <Field name="craft" label={a.craft} hint={a.craftHint} errors={errors} value={shown("craft", was.craft)} required={!was.hasProduct} maxlength={120} />
      <Field name="udyam" label={a.udyam} errors={errors} value={shown("udyam", artisan.udyam)} maxlength={19} />
      {artisan.gstin ? (
        <p class="hint">{locale.fill(e.ownGstin, { gstin: artisan.gstin })}</p>
      ) : (
        <>
          <Field name="sellerName" label={a.sellerName} hint={`${a.sellerHint} ${e.sellerClear}`} errors={errors} value={shown("sellerName", was.sellerName)} maxlength={160} />
          <Field name="sellerGstin" label={a.sellerGstin} errors={errors} value={shown("sellerGstin", was.sellerGstin)} maxlength={15} />
        </>
      )}
      <Field name="languages" label={e.languages} hint={e.languagesHint} errors={errors} value={shown("languages", was.languages.join(", "))} maxlength={120} />
      <SelectField
        name="maySelfIssue"
        label={e.maySelfIssue}
        errors={errors}
        value={shown("maySelfIssue", was.maySelfIssue ? "yes" : "no")}
        options={[
          { value: "yes", label: e.yes },
          { value: "no", label: e.no },
        ]}
      />
      <Field
        name="monthlyCapacity"
        label={e.monthlyCapacity}
        hint={e.monthlyCapacityHint}
        errors={errors}
        value={shown("monthlyCapacity", was.monthlyCapacity === null ? null : String(was.monthlyCapacity))}
        type="number"
        maxlength={7}
      />
    </>
  );
};

export interface ArtisanDetail {
  id: number;
  name: string;
  status: ArtisanStatus;
  district: string;
  craft: string;
  gi: { name: string; number: string; withdrawnAt: string | null } | null;
  seller: string | null;
  gstin: string | null;
  udyam: string | null;
  photoUrl: string | null;
  /** What the edit form changes (artisanChanges, the API's PATCH): the craft the artisan typed (null: the ODOP product's), the seller, languages, self-issuance, capacity. */
  editable: {
    craft: string | null;
    hasProduct: boolean;
    sellerName: string | null;
    sellerGstin: string | null;
    languages: string[];
    maySelfIssue: boolean;
    monthlyCapacity: number | null;
  };
  mayManage: boolean;
  mayManageGi: boolean;
  mayIssue: boolean;
}

/** Which of the artisan page's forms a re-rendered answer carries values and errors for. */
export type ArtisanForm = "edit" | "status" | "gi" | "photo";

export const ArtisanPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; artisan: ArtisanDetail; form?: { which: ArtisanForm; state: FormState }; notice?: string }> = ({
  locale,
  session,
  artisan,
  form,
  notice,
}) => {
  const { t, fill } = locale;
  const a = t.artisans;
  const csrf = session.csrfToken;
  const path = `/console/artisans/${artisan.id}`;
  const stateOf = (which: ArtisanForm): FormState => (form?.which === which ? form.state : { values: {}, errors: {} });
  const edit = stateOf("edit");
  const status = stateOf("status");
  const gi = stateOf("gi");
  const photo = stateOf("photo");
  const reason = (errors: FieldErrors, value?: string) => <Field name="reason" label={a.reason} hint={a.reasonHint} errors={errors} value={value} required maxlength={500} />;
  return (
    <Layout locale={locale} title={artisan.name} session={session} path={path} current="artisans">
      <h1>{artisan.name}</h1>
      <Notice text={notice} />
      {/* A refusal of a form this page does not show the reader (their role has no such form). */}
      {form && !(form.which === "gi" ? artisan.mayManageGi && artisan.gi : artisan.mayManage) ? <FormError errors={{ _form: Object.values(form.state.errors)[0] ?? "" }} /> : null}
      <section data-artisan={artisan.id} data-status={artisan.status}>
        <p class="meta">
          {fill(a.number, { id: artisan.id })} · <strong>{a.statuses[artisan.status]}</strong>
        </p>
        <p>
          {artisan.craft} · {artisan.district}
        </p>
        {artisan.gi ? <p>{fill(a.giLine, { gi: artisan.gi.name, number: artisan.gi.number })}</p> : null}
        {artisan.gi?.withdrawnAt ? <p class="alert">{fill(a.giWithdrawn, { date: locale.date(artisan.gi.withdrawnAt) })}</p> : null}
        {artisan.gstin ? <p class="meta">GSTIN {artisan.gstin}</p> : null}
        {artisan.seller ? <p class="meta">{fill(a.sellsThrough, { seller: artisan.seller })}</p> : null}
        {artisan.udyam ? <p class="meta">{artisan.udyam}</p> : null}
        {artisan.mayIssue && artisan.status === "active" ? (
          <p>
            <a class="button" href={`/console/certificates?artisan=${artisan.id}#issue-title`}>
              {fill(a.issueFor, { name: artisan.name })}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="photo-title">
        <h2 id="photo-title">{a.photoTitle}</h2>
        {artisan.photoUrl ? <img src={artisan.photoUrl} alt={fill(a.photoAlt, { name: artisan.name })} width={160} height={160} style="object-fit:cover;border-radius:8px" /> : <p>{a.noPhoto}</p>}
        {artisan.mayManage ? (
          <>
            <FormError errors={photo.errors} />
            <PostForm action={`${path}/photo`} csrf={csrf} enctype="multipart/form-data">
              <FileField name="photo" label={a.photoField} hint={a.photoHint} errors={photo.errors} accept="image/jpeg,image/png" />
              <button type="submit">{a.photoButton}</button>
            </PostForm>
            {artisan.photoUrl ? (
              <div class="actions">
                <PostForm action={`${path}/photo/remove`} csrf={csrf}>
                  <button type="submit" class="secondary">
                    {a.photoRemove}
                  </button>
                </PostForm>
              </div>
            ) : null}
          </>
        ) : null}
      </section>

      {artisan.mayManage ? (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{a.statusTitle}</h2>
          <FormError errors={status.errors} />
          <PostForm action={`${path}/status`} csrf={csrf}>
            {reason(status.errors, status.values.reason)}
            <input type="hidden" name="status" value={artisan.status === "active" ? "suspended" : "active"} />
            <button type="submit" class={artisan.status === "active" ? "danger" : undefined}>
              {artisan.status === "pending" ? a.approve : artisan.status === "active" ? a.suspend : a.reinstate}
            </button>
          </PostForm>
        </section>
      ) : null}

      {artisan.mayManageGi && artisan.gi ? (
        <section aria-labelledby="gi-title">
          <h2 id="gi-title">{a.giTitle}</h2>
          <FormError errors={gi.errors} />
          <PostForm action={`${path}/gi-authorisation`} csrf={csrf}>
            {reason(gi.errors, gi.values.reason)}
            <input type="hidden" name="action" value={artisan.gi.withdrawnAt ? "confirm" : "withdraw"} />
            <button type="submit" class={artisan.gi.withdrawnAt ? undefined : "danger"}>
              {artisan.gi.withdrawnAt ? a.giConfirm : a.giWithdraw}
            </button>
          </PostForm>
        </section>
      ) : null}

      {artisan.mayManage ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{a.editTitle}</h2>
          <FormError errors={edit.errors} />
          <PostForm action={`${path}/edit`} csrf={csrf}>
            <EditFields locale={locale} artisan={artisan} form={edit} />
            <button type="submit">{a.saveButton}</button>
          </PostForm>
          <h3>{t.artisanEdit.fixedTitle}</h3>
          <p class="hint">{t.artisanEdit.fixedLead}</p>
        </section>
      ) : null}
    </Layout>
  );
};
