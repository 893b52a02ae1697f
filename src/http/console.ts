// The console's request pipeline, in this order for every request under /console:
//   1. language (?lang=, the `lang` cookie, Accept-Language; en or hi), remembered in the cookie;
//   2. headers: a CSP that also pins form targets to this origin, no caching, same-origin referrers;
//   3. for POST and any other unsafe method: the request must come from this origin (Origin, or
//      Sec-Fetch-Site where a browser sends Origin: null), else 403 before anything is read or written;
//   4. the session from its cookie, if any (read only).
// Routes that need a signed-in person add `signedIn`, which also checks the session's CSRF token
// on unsafe methods (a form's `_csrf` field, or the X-CSRF-Token header of the passkey script)
// and only then moves the session's idle clock: a refused request writes nothing.
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../core/errors.js";
import { CONSOLE_LANGUAGES, LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE, chooseLanguage, isLanguage } from "../pages/i18n/languages.js";
import { CSRF_FIELD } from "../pages/console/form-state.js";
import { consoleLocale, type ConsoleLocale } from "../pages/console/locale.js";
import type { Principal } from "../service/access.js";
import { csrfTokenMatches, resumeSession, SESSION_LIFETIME_SECONDS, touchSession, type ConsoleSession } from "../service/sessions.js";
import type { AppDeps } from "./deps.js";
import { readBody } from "./input.js";

export type ConsoleEnv = {
  Variables: {
    locale: ConsoleLocale;
    /** The live session of the request's cookie, or null. */
    session: ConsoleSession | null;
    /** Set by `signedIn`: the signed-in person as the services see them. */
    principal: Principal;
    /** Set by `signedIn` on form posts: the fields, read once. */
    form: FormFields;
  };
};

export const CSRF_HEADER = "x-csrf-token";

export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The session cookie. `__Host-` (Secure, Path=/, no Domain: it cannot be set or read by another
 * host or over plain HTTP) wherever BASE_URL is https. Browsers refuse Secure cookies from
 * http://localhost, so a development server on a loopback host uses the same cookie without the
 * prefix and without Secure. Any other plain-HTTP host keeps the prefix: its console then cannot
 * hold a session at all, which is right.
 */
export function sessionCookie(baseUrl: string): { name: string; secure: boolean } {
  const url = new URL(baseUrl);
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return { name: "asli_session", secure: false };
  return { name: "__Host-asli_session", secure: true };
}

export function setSessionCookie(c: Context, deps: AppDeps, secret: string): void {
  const { name, secure } = sessionCookie(deps.baseUrl);
  setCookie(c, name, secret, { httpOnly: true, secure, sameSite: "Lax", path: "/", maxAge: SESSION_LIFETIME_SECONDS });
}

export function clearSessionCookie(c: Context, deps: AppDeps): void {
  const { name, secure } = sessionCookie(deps.baseUrl);
  deleteCookie(c, name, { httpOnly: true, secure, sameSite: "Lax", path: "/" });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the request was sent by a page of this origin. */
export function fromThisOrigin(c: Context, origin: string): boolean {
  const sent = c.req.header("origin");
  if (sent && sent !== "null") return sent === origin;
  // Origin: null (a privacy setting) or absent: browsers that do that send Sec-Fetch-Site.
  return c.req.header("sec-fetch-site") === "same-origin";
}

export function consoleContext(deps: AppDeps): MiddlewareHandler<ConsoleEnv> {
  const origin = new URL(deps.baseUrl).origin;
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const asked = c.req.query("lang")?.trim().toLowerCase();
    const lang = chooseLanguage({ query: asked, cookie: getCookie(c, LANGUAGE_COOKIE), acceptLanguage: c.req.header("accept-language") }, CONSOLE_LANGUAGES);
    c.set("locale", consoleLocale(lang as ConsoleLocale["lang"]));
    if (asked && isLanguage(asked) && (CONSOLE_LANGUAGES as readonly string[]).includes(asked)) {
      setCookie(c, LANGUAGE_COOKIE, asked, { path: "/", sameSite: "Lax", maxAge: LANGUAGE_COOKIE_MAX_AGE, secure: origin.startsWith("https:") });
    }
    c.header("content-security-policy", CONSOLE_CSP);
    // Same-origin referrers, so that the console's own forms send their Origin (no-referrer makes it "null").
    c.header("referrer-policy", "same-origin");
    c.header("cache-control", "no-store");
    c.header("vary", "cookie, accept-language");
    if (!SAFE_METHODS.has(c.req.method) && !fromThisOrigin(c, origin)) {
      throw new ApiError(403, "cross-site", "Forbidden", "this request did not come from a page of this site");
    }
    c.set("session", await resumeSession(deps.db, getCookie(c, sessionCookie(deps.baseUrl).name), deps.clock()));
    await next();
  });
}

/** Needs a live session: pages send a signed-out reader to the sign-in page; forms and the script get 401. */
export function signedIn(deps: AppDeps): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const session = c.get("session");
    if (!session) {
      // A cookie that no longer opens a session: say that the session ended, and drop it.
      const stale = getCookie(c, sessionCookie(deps.baseUrl).name) !== undefined;
      if (stale) clearSessionCookie(c, deps);
      if (SAFE_METHODS.has(c.req.method)) return c.redirect(stale ? "/console?ended" : "/console", 303);
      throw new ApiError(401, "session-required", "Unauthorized", "sign in first");
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const form = isForm(c) ? await readForm(c) : undefined;
      const presented = form ? form.text(CSRF_FIELD) : c.req.header(CSRF_HEADER);
      if (!(await csrfTokenMatches(session, presented))) {
        throw new ApiError(403, "form-expired", "Forbidden", "the form's session token is missing or wrong: reload the page");
      }
      if (form) c.set("form", form);
    }
    if (session.touchDue) await touchSession(deps.db, session, deps.clock());
    c.set("principal", session.principal);
    await next();
  });
}

// ---------------------------------------------------------------------------------------------
// Forms

/** Text fields and files up to this size; multipart (uploads) up to the larger one. */
export const MAX_FORM_BYTES = 64 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

function isForm(c: Context): boolean {
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(c.req.header("content-type") ?? "");
}

/** A submitted form's fields. Text is trimmed, and a blank field reads as absent. */
export class FormFields {
  constructor(private readonly body: Record<string, string | File | (string | File)[]>) {}

  /** The first value of a text field, trimmed; undefined when blank or absent. */
  text(name: string): string | undefined {
    const value = this.first(name);
    if (typeof value !== "string") return undefined;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }

  /** Every non-blank value of a repeated text field. */
  texts(name: string): string[] {
    const raw = this.body[name];
    const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return values.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter((v) => v !== "");
  }

  /** A whole number field as a number, the text itself when it is not one (so the schema refuses it), or undefined when blank. */
  integer(name: string): number | string | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    return /^[0-9]{1,10}$/.test(text) ? Number(text) : text;
  }

  file(name: string): File | undefined {
    const value = this.first(name);
    return typeof value === "object" && value !== null && "arrayBuffer" in value && value.size > 0 ? value : undefined;
  }

  private first(name: string) {
    if (!Object.hasOwn(this.body, name)) return undefined;
    const value = this.body[name];
    return Array.isArray(value) ? value[0] : value;
  }
}

/**
 * Reads the form body once (the CSRF check and the handler share it), refusing other media types
 * and oversized bodies. The body is read through `readBody`, so it is refused as it streams past
 * the limit, whatever its Content-Length said; then the platform's own form parser reads it.
 * A multipart form may be larger (`uploadLimit`: a form whose only file is a photo needs less).
 */
export async function readForm(c: Context, uploadLimit = MAX_UPLOAD_BYTES): Promise<FormFields> {
  const type = c.req.header("content-type") ?? "";
  if (!isForm(c)) throw new ApiError(415, "unsupported-media-type", "Unsupported media type", "send the form as application/x-www-form-urlencoded or multipart/form-data");
  const limit = /^multipart\//i.test(type) ? uploadLimit : MAX_FORM_BYTES;
  const body = await readBody(c, limit);
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError(400, "bad-request", "Bad request", "the form could not be read");
  }
  const fields: Record<string, string | File | (string | File)[]> = {};
  for (const [name, value] of form.entries()) {
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return new FormFields(fields);
}

/** The form of this request: read by `signedIn` for session routes, or here for public ones. */
export async function formOf(c: Context<ConsoleEnv>): Promise<FormFields> {
  return c.var.form ?? readForm(c);
}
