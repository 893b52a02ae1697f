/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// People: invite someone into the office's scope, see who has access, withdraw a sign-in link
// that is not used yet, send a new link (a new phone), revoke access.
import type { FC } from "hono/jsx";
import type { Role } from "../../service/access.js";
import type { ConsoleSession } from "../../service/sessions.js";
import { Field, FormError, Layout, Notice, PostForm, SelectField } from "./components.js";
import type { FormState } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";
import { roleName } from "./text.js";

export interface PeopleView {
  roles: Role[];
  /** Scope fields the inviter chooses: the registry chooses any; an office's own scope is implied. */
  scopeFields: ("districtCode" | "giTagId" | "artisanId")[];
  districts: { code: number; name: string }[];
  giTags: { id: number; name: string }[];
  people: { id: number; name: string; role: string; passkeys: number; lastSignInAt: string | null; revokedAt: string | null; self: boolean }[];
  invitations: { id: number; name: string; role: string; expiresAt: string }[];
}

export const PeoplePage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: PeopleView; form: FormState; notice?: string }> = ({ locale, session, view, form, notice }) => {
  const { t, fill } = locale;
  const p = t.people;
  const csrf = session.csrfToken;
  return (
    <Layout locale={locale} title={p.title} session={session} path="/console/people" current="people">
      <h1>{p.title}</h1>
      <p>{p.lead}</p>
      <Notice text={notice} />

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{p.inviteTitle}</h2>
        <FormError errors={form.errors} />
        <PostForm action="/console/people/invitations" csrf={csrf}>
          <Field name="name" label={p.name} hint={p.nameHint} errors={form.errors} value={form.values.name} required maxlength={120} />
          <SelectField
            name="role"
            label={p.role}
            errors={form.errors}
            value={form.values.role}
            required
            placeholder={p.choose}
            options={view.roles.map((role) => ({ value: role, label: roleName(locale, role) }))}
            hint={p.scopeHint}
          />
          {view.scopeFields.includes("districtCode") ? (
            <SelectField
              name="districtCode"
              label={p.district}
              errors={form.errors}
              value={form.values.districtCode}
              placeholder={p.choose}
              options={view.districts.map((d) => ({ value: String(d.code), label: d.name }))}
            />
          ) : null}
          {view.scopeFields.includes("giTagId") ? (
            <SelectField
              name="giTagId"
              label={p.giTag}
              errors={form.errors}
              value={form.values.giTagId}
              placeholder={p.choose}
              options={view.giTags.map((g) => ({ value: String(g.id), label: g.name }))}
            />
          ) : null}
          {view.scopeFields.includes("artisanId") ? (
            <Field name="artisanId" label={p.artisanId} hint={p.artisanHint} errors={form.errors} value={form.values.artisanId} type="number" />
          ) : null}
          <button type="submit">{p.inviteButton}</button>
        </PostForm>
      </section>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{p.pendingTitle}</h2>
        {view.invitations.length === 0 ? (
          <p>{p.pendingNone}</p>
        ) : (
          <ul class="items">
            {view.invitations.map((i) => (
              <li data-invitation={i.id}>
                <strong>{i.name}</strong>
                <p class="meta">{i.role}</p>
                <p class="meta">{fill(p.expires, { date: locale.dateTime(i.expiresAt) })}</p>
                <div class="actions">
                  <PostForm action={`/console/invitations/${i.id}/withdraw`} csrf={csrf}>
                    <button type="submit" class="secondary">
                      {fill(p.withdraw, { name: i.name })}
                    </button>
                  </PostForm>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">{p.listTitle}</h2>
        {view.people.length === 0 ? (
          <p>{p.none}</p>
        ) : (
          <ul class="items">
            {view.people.map((person) => (
              <li data-person={person.id} data-active={person.revokedAt === null ? "true" : "false"}>
                <strong>{person.name}</strong>
                <p class="meta">{person.role}</p>
                <p class="meta">
                  {fill(p.passkeys, { count: locale.number(person.passkeys) })} ·{" "}
                  {person.lastSignInAt ? fill(p.lastSignIn, { date: locale.dateTime(person.lastSignInAt) }) : p.neverSignedIn}
                </p>
                {person.revokedAt ? (
                  <p class="meta">{fill(p.revokedOn, { date: locale.date(person.revokedAt) })}</p>
                ) : person.self ? null : (
                  <div class="actions">
                    <PostForm action={`/console/people/${person.id}/invitations`} csrf={csrf}>
                      <button type="submit" class="secondary">
                        {fill(p.newLink, { name: person.name })}
                      </button>
                    </PostForm>
                    <PostForm action={`/console/people/${person.id}/revoke`} csrf={csrf}>
                      <button type="submit" class="danger">
                        {fill(p.revoke, { name: person.name })}
                      </button>
                    </PostForm>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
};

export interface InvitationCreatedView {
  name: string;
  role: string;
  url: string;
  /** The QR of the link as an SVG data URL. */
  qr: string;
  expiresAt: string;
}

/** Shown once, as the answer to the invite form: the link exists nowhere else in readable form. */
export const InvitationCreatedPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: InvitationCreatedView }> = ({ locale, session, view }) => {
  const { t, fill } = locale;
  const c = t.invitationCreated;
  return (
    <Layout locale={locale} title={fill(c.title, { name: view.name })} session={session} path="/console/people" current="people">
      <h1>{fill(c.title, { name: view.name })}</h1>
      <section>
        <p>{fill(c.lead, { name: view.name, role: view.role, date: locale.dateTime(view.expiresAt) })}</p>
        <p class="alert">{c.once}</p>
        <img class="qr" src={view.qr} alt={fill(c.qrAlt, { name: view.name })} width={260} height={260} />
        <h2>{c.link}</h2>
        <p class="url" data-invitation-url>
          {view.url}
        </p>
        <div class="actions">
          <PostForm action="/console/invitations/slip" csrf={session.csrfToken} target="_blank">
            <input type="hidden" name="url" value={view.url} />
            <button type="submit">{c.printSlip}</button>
          </PostForm>
          <a class="button" href="/console/people">
            {c.back}
          </a>
        </div>
      </section>
    </Layout>
  );
};
