/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// My passkeys: the person's own credentials; add one on this device, remove one (the last only
// after a warning: without it they cannot sign in again).
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { Layout, Notice, PasskeyAction, PostForm } from "./components.js";
import type { ConsoleLocale } from "./locale.js";

export interface PasskeyItem {
  id: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
}

function passkeyName(locale: ConsoleLocale, p: PasskeyItem): string {
  return p.label ?? locale.fill(locale.t.passkeys.unnamed, { date: locale.date(p.createdAt) });
}

export const PasskeysPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; passkeys: PasskeyItem[]; notice?: string; error?: string }> = ({ locale, session, passkeys, notice, error }) => {
  const { t, fill } = locale;
  const k = t.passkeys;
  return (
    <Layout locale={locale} title={k.title} session={session} path="/console/passkeys" current="passkeys" script>
      <h1>{k.title}</h1>
      <p>{k.lead}</p>
      <Notice text={notice} />
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : null}
      <section>
        <ul class="items">
          {passkeys.map((p) => (
            <li data-passkey-id={p.id}>
              <strong>{passkeyName(locale, p)}</strong>
              <p class="meta">
                {fill(k.added, { date: locale.date(p.createdAt) })} · {p.lastUsedAt ? fill(k.lastUsed, { date: locale.dateTime(p.lastUsedAt) }) : k.neverUsed}
              </p>
              {p.backedUp ? <p class="meta">{k.synced}</p> : null}
              <div class="actions">
                <PostForm action={`/console/passkeys/${encodeURIComponent(p.id)}/remove`} csrf={session.csrfToken}>
                  <button type="submit" class="secondary">
                    {fill(k.remove, { label: passkeyName(locale, p) })}
                  </button>
                </PostForm>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="add-title">
        <h2 id="add-title">{k.addTitle}</h2>
        <p>{k.addLead}</p>
        <PasskeyAction locale={locale} action="add" endpoint="/console/passkeys" button={k.addButton} csrf={session.csrfToken}>
          <div class="field">
            <label for="f-label">{t.enrol.labelField}</label>
            <input id="f-label" name="label" maxlength={60} autocomplete="off" data-passkey-label aria-describedby="f-label-hint" />
            <p class="hint" id="f-label-hint">
              {t.enrol.labelHint}
            </p>
          </div>
        </PasskeyAction>
        <p class="meta">{k.otherDevice}</p>
      </section>
    </Layout>
  );
};

/** The warning before the last passkey goes. */
export const RemoveLastPasskeyPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; passkey: PasskeyItem }> = ({ locale, session, passkey }) => {
  const k = locale.t.passkeys;
  return (
    <Layout locale={locale} title={k.lastTitle} session={session} path="/console/passkeys" current="passkeys">
      <h1>{k.lastTitle}</h1>
      <section>
        <p>
          <strong>{passkeyName(locale, passkey)}</strong>
        </p>
        <p class="alert">{k.lastBody}</p>
        <div class="actions">
          <PostForm action={`/console/passkeys/${encodeURIComponent(passkey.id)}/remove`} csrf={session.csrfToken}>
            <input type="hidden" name="confirm" value="last" />
            <button type="submit" class="danger">
              {k.confirmRemove}
            </button>
          </PostForm>
          <a class="button" href="/console/passkeys">
            {k.keep}
          </a>
        </div>
      </section>
    </Layout>
  );
};
