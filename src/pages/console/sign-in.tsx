/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Sign-in (at /console when signed out) and the pages a sign-in link can lead to.
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { Layout, Notice, PasskeyAction } from "./components.js";
import type { ConsoleLocale } from "./locale.js";

export const SignInPage: FC<{ locale: ConsoleLocale; notice?: string }> = ({ locale, notice }) => {
  const { t } = locale;
  return (
    <Layout locale={locale} title={t.signIn.title} session={null} path="/console" script>
      <h1>{t.signIn.title}</h1>
      <Notice text={notice} />
      <section>
        <p>{t.signIn.lead}</p>
        <PasskeyAction locale={locale} action="sign-in" endpoint="/console/sign-in" button={t.signIn.button}>
          <div class="field">
            <label for="f-account">{t.signIn.pickLabel}</label>
            <input id="f-account" name="username" autocomplete="username webauthn" aria-describedby="f-account-hint" />
            <p class="hint" id="f-account-hint">
              {t.signIn.pickHint}
            </p>
          </div>
        </PasskeyAction>
      </section>
      <p>{t.signIn.noPasskey}</p>
    </Layout>
  );
};

export interface EnrolView {
  /** The person's name, as the invitation has it. */
  name: string;
  /** Their role and scope in words. */
  role: string;
  /** Whether the link adds a passkey for someone who already has access. */
  existingPerson: boolean;
  expiresAt: string;
  secret: string;
}

export const EnrolPage: FC<{ locale: ConsoleLocale; session: ConsoleSession | null; view: EnrolView }> = ({ locale, session, view }) => {
  const { t, fill } = locale;
  const path = `/console/join/${view.secret}`;
  return (
    <Layout locale={locale} title={t.enrol.title} session={session} path={path} script>
      <h1>{t.enrol.title}</h1>
      <section>
        <p>{fill(view.existingPerson ? t.enrol.newDevice : t.enrol.invitedAs, { name: view.name, role: view.role })}</p>
        <p>{t.enrol.what}</p>
        <PasskeyAction locale={locale} action="enrol" endpoint={path} button={t.enrol.button}>
          <div class="field">
            <label for="f-label">{t.enrol.labelField}</label>
            <input id="f-label" name="label" maxlength={60} autocomplete="off" data-passkey-label aria-describedby="f-label-hint" />
            <p class="hint" id="f-label-hint">
              {t.enrol.labelHint}
            </p>
          </div>
        </PasskeyAction>
        <p class="meta">{fill(t.enrol.validUntil, { date: locale.dateTime(view.expiresAt) })}</p>
      </section>
    </Layout>
  );
};

export type InvitationProblem = "invitation-used" | "invitation-expired" | "invitation-withdrawn" | "invitation-unknown";

/** What a link that no longer works says: in the reader's language, with the way forward. */
export const InvitationProblemPage: FC<{ locale: ConsoleLocale; problem: InvitationProblem; path: string }> = ({ locale, problem, path }) => {
  const p = locale.t.invitationProblem;
  const texts: Record<InvitationProblem, [string, string]> = {
    "invitation-used": [p.usedTitle, p.usedBody],
    "invitation-expired": [p.expiredTitle, p.expiredBody],
    "invitation-withdrawn": [p.withdrawnTitle, p.withdrawnBody],
    "invitation-unknown": [p.unknownTitle, p.unknownBody],
  };
  const [title, body] = texts[problem];
  return (
    <Layout locale={locale} title={title} session={null} path={path}>
      <h1 data-problem={problem}>{title}</h1>
      <section>
        <p>{body}</p>
        <p>
          <a class="button" href="/console">
            {p.toSignIn}
          </a>
        </p>
      </section>
    </Layout>
  );
};

/** Any other refusal or error, in the reader's language. */
export const ProblemPage: FC<{ locale: ConsoleLocale; session: ConsoleSession | null; title: string; message: string; code: string; path: string }> = ({ locale, session, title, message, code, path }) => (
  <Layout locale={locale} title={title} session={session} path={path}>
    <h1 data-problem={code}>{title}</h1>
    <section>
      <p>{message}</p>
      <p>
        <a href="/console">{locale.t.problem.toHome}</a>
      </p>
    </section>
  </Layout>
);
