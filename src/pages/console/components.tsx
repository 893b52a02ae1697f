/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's building blocks: the page layout (header, language switch, navigation,
// sign-out), and form parts that put each error beside its field. Every console page is a
// <Layout> around its own content; every state-changing form is a <PostForm>, which carries
// the session's CSRF token. Words come from the locale only.
import type { Child, FC, PropsWithChildren } from "hono/jsx";
import { CONSOLE_LANGUAGES, LANGUAGES } from "../i18n/languages.js";
import type { ConsoleSession } from "../../service/sessions.js";
import { invitableRoles } from "../../service/access.js";
import { CONSOLE_SCRIPT_PATH } from "../assets/console-script.js";
import { SCANNER_SCRIPT_PATH } from "../assets/scanner-script.js";
import { CSRF_FIELD, type FieldErrors } from "./form-state.js";
import type { ConsoleLocale } from "./locale.js";

const STYLE = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Devanagari",sans-serif;background:#f6f4ef;color:#1d1b16}
a{color:#1a4f8b}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #d97706;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
header{background:#1d3b2a;color:#fff;padding:.6rem 1rem}header a{color:#fff}
.bar{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;justify-content:space-between;max-width:44rem;margin:0 auto}
.brand{font-weight:700;text-decoration:none;font-size:1.1rem}
.langs{display:flex;gap:.6rem;font-size:.95rem}.langs [aria-current]{font-weight:700;text-decoration:none}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center}
nav{max-width:44rem;margin:.4rem auto 0}nav form{margin:0}
nav button{background:none;border:1px solid #fff;color:#fff;padding:.2rem .7rem;border-radius:6px;font:inherit;min-height:2.75rem}
nav a{display:inline-block;padding:.55rem 0}nav [aria-current]{font-weight:700}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.3rem 0 .8rem}h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
section,.card{background:#fff;border-radius:10px;padding:.8rem 1rem;margin:0 0 1rem}
.field{margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.2rem}
input,select{font:inherit;width:100%;padding:.6rem;border:1px solid #8a8372;border-radius:6px;background:#fff;color:inherit;min-height:2.75rem}
[aria-invalid=true]{border:2px solid #a3261b}
.hint{margin:.2rem 0 0;color:#5b5548;font-size:.9rem}.error{margin:.25rem 0 0;color:#a3261b;font-weight:600}
button,.button{font:inherit;background:#1d5e3a;color:#fff;border:0;border-radius:8px;padding:.65rem 1.1rem;min-height:2.75rem;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#1d1b16;border:1px solid #8a8372}button.danger{background:#a3261b}
.alert{border-left:5px solid #a3261b;background:#fff;padding:.7rem 1rem;border-radius:6px;margin:0 0 1rem}
.notice{border-left:5px solid #1d5e3a;background:#fff;padding:.7rem 1rem;border-radius:6px;margin:0 0 1rem}
ul.items{list-style:none;margin:0;padding:0}ul.items>li{border-top:1px solid #e4dfd3;padding:.7rem 0}ul.items>li:first-child{border-top:0}
.meta{color:#5b5548;font-size:.9rem;margin:.1rem 0}.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}.actions form{margin:0}
.url{word-break:break-all;font-family:ui-monospace,monospace;background:#f1eee6;padding:.5rem;border-radius:6px}
.qr{display:block;width:100%;max-width:260px;height:auto;margin:.5rem 0;image-rendering:pixelated}
[data-passkey-status]:empty{display:none}
footer{max-width:44rem;margin:0 auto;padding:0 1rem 2rem;color:#5b5548;font-size:.85rem}
`;

export interface LayoutProps {
  locale: ConsoleLocale;
  title: string;
  session: ConsoleSession | null;
  /** Where the language links point: the page itself, or its GET parent for answers to a form. */
  path: string;
  /** Which navigation entry this page is. */
  current?: "home" | "artisans" | "certificates" | "batches" | "audit" | "tokens" | "people" | "passkeys" | "reports" | "shipments";
  /** Loads the passkey script (sign-in, enrolment, my passkeys). */
  script?: boolean;
  /** Loads the tag scanner (a shipment's add-items form). */
  scanner?: boolean;
}

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ locale, title, session, path, current, script, scanner, children }) => {
  const { t } = locale;
  return (
    <html lang={locale.tag} dir={locale.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} — ${t.title}`}</title>
        <style>{STYLE}</style>
        {script ? <script defer src={CONSOLE_SCRIPT_PATH}></script> : null}
        {scanner ? <script defer src={SCANNER_SCRIPT_PATH}></script> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header>
          <div class="bar">
            <a class="brand" href="/console">
              {t.title}
            </a>
            <LanguageSwitch locale={locale} path={path} />
          </div>
          {session ? <Navigation locale={locale} session={session} current={current} /> : null}
        </header>
        <main id="main">{children}</main>
        <footer>
          <p>{locale.common.tagline}</p>
        </footer>
      </body>
    </html>
  );
};

const LanguageSwitch: FC<{ locale: ConsoleLocale; path: string }> = ({ locale, path }) => (
  <p class="langs" role="group" aria-label={locale.common.language}>
    {CONSOLE_LANGUAGES.map((lang) => (
      <a href={`${path}?lang=${lang}`} lang={LANGUAGES[lang].tag} hreflang={LANGUAGES[lang].tag} aria-current={lang === locale.lang ? "true" : undefined}>
        {LANGUAGES[lang].name}
      </a>
    ))}
  </p>
);

const Navigation: FC<{ locale: ConsoleLocale; session: ConsoleSession; current: LayoutProps["current"] }> = ({ locale, session, current }) => {
  const { nav } = locale.t;
  const entry = (key: NonNullable<LayoutProps["current"]>, href: string, text: string) => (
    <li>
      <a href={href} aria-current={current === key ? "page" : undefined}>
        {text}
      </a>
    </li>
  );
  return (
    <nav aria-label={nav.label}>
      <ul>
        {entry("home", "/console", nav.home)}
        {session.principal.role !== "exporter" ? entry("artisans", "/console/artisans", nav.artisans) : null}
        {entry("certificates", "/console/certificates", nav.certificates)}
        {["admin", "exporter"].includes(session.principal.role) ? entry("shipments", "/console/shipments", locale.t.shipments.nav) : null}
        {["admin", "district", "artisan"].includes(session.principal.role) ? entry("batches", "/console/batches", nav.batches) : null}
        {invitableRoles(session.principal).length > 0 ? entry("people", "/console/people", nav.people) : null}
        {["admin", "district"].includes(session.principal.role) ? entry("reports", "/console/reports", locale.t.reports.nav) : null}
        {entry("audit", "/console/audit", nav.audit)}
        {session.principal.role === "admin" ? entry("tokens", "/console/tokens", nav.tokens) : null}
        {entry("passkeys", "/console/passkeys", nav.passkeys)}
        <li>
          <PostForm action="/console/sign-out" csrf={session.csrfToken}>
            <button type="submit" aria-label={`${nav.signOut}: ${locale.fill(nav.signedInAs, { name: session.person.name })}`}>
              {nav.signOut}
            </button>
          </PostForm>
        </li>
      </ul>
    </nav>
  );
};

/** A form that changes something: POST, with the session's CSRF token when there is a session. */
export const PostForm: FC<PropsWithChildren<{ action: string; csrf: string | undefined; enctype?: "multipart/form-data"; target?: string }>> = ({ action, csrf, enctype, target, children }) => (
  <form method="post" action={action} enctype={enctype} target={target}>
    {csrf ? <input type="hidden" name={CSRF_FIELD} value={csrf} /> : null}
    {children}
  </form>
);

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  value?: string | number | null;
  type?: "text" | "number" | "search";
  inputmode?: "numeric" | "text";
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
}

const ids = (name: string) => ({ field: `f-${name}`, hint: `f-${name}-hint`, error: `f-${name}-error` });

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const { hint: h, error: e } = ids(name);
  return [hint ? h : null, error ? e : null].filter(Boolean).join(" ") || undefined;
}

const FieldNotes: FC<{ name: string; hint?: string; error?: string }> = ({ name, hint, error }) => (
  <>
    {hint ? (
      <p class="hint" id={ids(name).hint}>
        {hint}
      </p>
    ) : null}
    {error ? (
      <p class="error" id={ids(name).error}>
        {error}
      </p>
    ) : null}
  </>
);

export const Field: FC<FieldProps> = ({ name, label, hint, errors, value, type = "text", inputmode, autocomplete, required, maxlength }) => {
  const error = errors[name];
  return (
    <div class="field">
      <label for={ids(name).field}>{label}</label>
      <input
        id={ids(name).field}
        name={name}
        type={type === "number" ? "text" : type}
        inputmode={type === "number" ? "numeric" : inputmode}
        value={value ?? ""}
        autocomplete={autocomplete ?? "off"}
        required={required}
        maxlength={maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <FieldNotes name={name} hint={hint} error={error} />
    </div>
  );
};

export const SelectField: FC<Omit<FieldProps, "type" | "inputmode" | "autocomplete" | "maxlength"> & { options: { value: string; label: string }[]; placeholder?: string }> = ({
  name,
  label,
  hint,
  errors,
  value,
  required,
  options,
  placeholder,
}) => {
  const error = errors[name];
  const selected = value === undefined || value === null ? "" : String(value);
  return (
    <div class="field">
      <label for={ids(name).field}>{label}</label>
      <select id={ids(name).field} name={name} required={required} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(name, hint, error)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes name={name} hint={hint} error={error} />
    </div>
  );
};

/** The form-wide error (a refusal that concerns no single field), announced to screen readers. */
export const FormError: FC<{ errors: FieldErrors }> = ({ errors }) =>
  errors._form ? (
    <p class="alert" role="alert">
      {errors._form}
    </p>
  ) : null;

export const Notice: FC<{ text: string | undefined }> = ({ text }) =>
  text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;

/**
 * The passkey step: a button the script wires up, with its messages as data attributes (the
 * script has no words of its own), a live status line, and what to do with scripts off.
 */
export const PasskeyAction: FC<{ locale: ConsoleLocale; action: "sign-in" | "enrol" | "add"; endpoint: string; button: string; csrf?: string; children?: Child }> = ({
  locale,
  action,
  endpoint,
  button,
  csrf,
  children,
}) => {
  const m = locale.t.passkey;
  return (
    <div
      data-passkey={action}
      data-endpoint={endpoint}
      data-csrf={csrf}
      data-msg-working={m.working}
      data-msg-failed={m.failed}
      data-msg-cancelled={m.cancelled}
      data-msg-unsupported={m.unsupported}
    >
      {children}
      <button type="button" data-passkey-start disabled>
        {button}
      </button>
      <p role="status" aria-live="polite" data-passkey-status></p>
      <noscript>
        <p class="alert">{m.noscript}</p>
      </noscript>
    </div>
  );
};

/** A file to upload; the form around it must be multipart. */
export const FileField: FC<{ name: string; label: string; hint?: string; errors: FieldErrors; accept: string }> = ({ name, label, hint, errors, accept }) => {
  const error = errors[name];
  return (
    <div class="field">
      <label for={ids(name).field}>{label}</label>
      <input id={ids(name).field} name={name} type="file" accept={accept} required aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(name, hint, error)} />
      <FieldNotes name={name} hint={hint} error={error} />
    </div>
  );
};
