// How the app answers a person's browser: in the reader's language (?lang=, then the `lang`
// cookie that ?lang= leaves, then Accept-Language), and with an HTML page rather than a
// problem document when a browser asks for a page that does not exist or fails.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { locale, type Locale } from "../pages/i18n/catalog.js";
import { chooseLanguage, isLanguage, LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE } from "../pages/i18n/languages.js";
import { errorPage } from "../pages/error-page.js";
import type { ApiError } from "../core/errors.js";
import { problemResponse } from "./problem.js";

/**
 * The reader's locale for a page. An explicit `?lang=` is remembered in the `lang` cookie (a
 * year, SameSite=Lax, Secure on an https origin) so that the next page, say the one a QR opens,
 * speaks the same language. Other query parameters are none of a page's business.
 */
export function readerLocale(c: Context, baseUrl: string): Locale {
  const query = c.req.query("lang");
  const lang = chooseLanguage({ query, cookie: getCookie(c, LANGUAGE_COOKIE), acceptLanguage: c.req.header("accept-language") });
  const asked = query?.trim().toLowerCase();
  if (isLanguage(asked)) {
    setCookie(c, LANGUAGE_COOKIE, asked, { path: "/", maxAge: LANGUAGE_COOKIE_MAX_AGE, sameSite: "Lax", secure: baseUrl.startsWith("https:") });
  }
  const chosen = locale(lang);
  c.header("content-language", chosen.tag);
  c.header("vary", "Accept, Accept-Language, Cookie");
  return chosen;
}

/** A browser asking for a page: an HTML error page suits it better than a problem document. API and well-known paths always get problems. */
export function wantsPage(c: Context): boolean {
  const path = c.req.path;
  if (path.startsWith("/api/") || path.startsWith("/.well-known/")) return false;
  return (c.req.header("accept") ?? "").includes("text/html");
}

/**
 * The answer for an error: an HTML page in the reader's language for a browser that asked for a
 * missing page (404) or met a fault (5xx), the problem document otherwise. The status and the
 * stable code stay the same either way.
 */
export function errorResponse(c: Context, error: ApiError, baseUrl: string): Response {
  if ((error.status === 404 || error.status >= 500) && wantsPage(c)) {
    try {
      const page = errorPage(readerLocale(c, baseUrl), error.status === 404 ? "not-found" : "server");
      c.header("cache-control", "no-store");
      return c.html(page, error.status);
    } catch {
      // Fall through: a problem document is still an answer.
    }
  }
  return problemResponse(c, error);
}
