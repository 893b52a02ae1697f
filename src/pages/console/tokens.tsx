/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// API tokens (the registry's administrators): make one with a role and scope, shown once; list;
// revoke. The same service as POST /api/v1/tokens.
import type { FC } from "hono/jsx";
import type { Role } from "../../service/access.js";
import type { ConsoleSession } from "../../service/sessions.js";
import { Field, FormError, Layout, Notice, PostForm, SelectField } from "./components.js";
import type { FormState } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";
import { roleName } from "./text.js";

export interface TokensView {
  roles: readonly Role[];
  districts: { code: number; name: string }[];
  giTags: { id: number; name: string }[];
  tokens: { id: number; name: string; role: string; prefix: string; active: boolean }[];
}

export const TokensPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: TokensView; form: FormState; notice?: string }> = ({ locale, session, view, form, notice }) => {
  const { t, fill } = locale;
  const k = t.tokens;
  const { values, errors } = form;
  return (
    <Layout locale={locale} title={k.title} session={session} path="/console/tokens" current="tokens">
      <h1>{k.title}</h1>
      <p>{k.lead}</p>
      <Notice text={notice} />
      <section aria-labelledby="create-title">
        <h2 id="create-title">{k.createTitle}</h2>
        <FormError errors={errors} />
        <PostForm action="/console/tokens" csrf={session.csrfToken}>
          <Field name="name" label={k.name} hint={k.nameHint} errors={errors} value={values.name} required maxlength={120} />
          <SelectField name="role" label={k.role} errors={errors} value={values.role} required placeholder={t.people.choose} options={view.roles.map((r) => ({ value: r, label: roleName(locale, r) }))} hint={t.people.scopeHint} />
          <SelectField name="districtCode" label={k.district} errors={errors} value={values.districtCode} placeholder={t.people.choose} options={view.districts.map((d) => ({ value: String(d.code), label: d.name }))} />
          <SelectField name="giTagId" label={k.giTag} errors={errors} value={values.giTagId} placeholder={t.people.choose} options={view.giTags.map((g) => ({ value: String(g.id), label: g.name }))} />
          <Field name="artisanId" label={k.artisanId} errors={errors} value={values.artisanId} type="number" />
          <Field name="expiresInDays" label={k.expires} hint={k.expiresHint} errors={errors} value={values.expiresInDays} type="number" />
          <button type="submit">{k.createButton}</button>
        </PostForm>
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{k.listTitle}</h2>
        {view.tokens.length === 0 ? (
          <p>{k.none}</p>
        ) : (
          <ul class="items">
            {view.tokens.map((token) => (
              <li data-token={token.id} data-active={token.active ? "true" : "false"}>
                <strong>{token.name}</strong>
                <p class="meta">
                  {token.role} · {fill(k.prefix, { prefix: token.prefix })} · {token.active ? k.active : k.inactive}
                </p>
                {token.active ? (
                  <div class="actions">
                    <PostForm action={`/console/tokens/${token.id}/revoke`} csrf={session.csrfToken}>
                      <button type="submit" class="danger">
                        {fill(k.revoke, { name: token.name })}
                      </button>
                    </PostForm>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
};

/** Shown once, as the answer to the form: the token exists nowhere else in readable form. */
export const TokenCreatedPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; name: string; token: string }> = ({ locale, session, name, token }) => {
  const { t, fill } = locale;
  const k = t.tokens;
  return (
    <Layout locale={locale} title={fill(k.createdTitle, { name })} session={session} path="/console/tokens" current="tokens">
      <h1>{fill(k.createdTitle, { name })}</h1>
      <section>
        <p class="alert">{k.createdLead}</p>
        <p class="url" data-token-secret>
          {token}
        </p>
        <a class="button" href="/console/tokens">
          {k.back}
        </a>
      </section>
    </Layout>
  );
};
