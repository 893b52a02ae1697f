// How the app answers a person's browser: in the reader's language (?lang=, then the `lang`
// cookie that ?lang= leaves, then Accept-Language), and with an HTML page rather than a
// problem document when a browser asks for a page that does not exist or fails.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { addCatalog, hasCatalog, hasEveryCatalog, locale, type Locale } from "../pages/i18n/catalog.js";
import { chooseLanguage, isLanguage, LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE, PUBLIC_LANGUAGES, type Language } from "../pages/i18n/languages.js";
import type { AppDeps } from "./deps.js";
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
  const lang = readerLanguage(c);
  const asked = query?.trim().toLowerCase();
  if (isLanguage(asked)) {
    setCookie(c, LANGUAGE_COOKIE, asked, { path: "/", maxAge: LANGUAGE_COOKIE_MAX_AGE, sameSite: "Lax", secure: baseUrl.startsWith("https:") });
  }
  const chosen = locale(lang);
  c.header("content-language", chosen.tag);
  c.header("vary", "Accept, Accept-Language, Cookie");
  return chosen;
}

function readerLanguage(c: Context): Language {
  return chooseLanguage({ query: c.req.query("lang"), cookie: getCookie(c, LANGUAGE_COOKIE), acceptLanguage: c.req.header("accept-language") });
}

// Answers in no language: the machine-read paths, the verify API above all, load no catalog.
const SPEAKS_NO_LANGUAGE = /^\/(api\/v1\/(verify|openapi\.json|districts|gi-tags)|\.well-known\/|log\/|credentials\/|contexts\/|media\/|assets\/|healthz)/;
// Issuers' paths may speak any language at once (an invitation slip in English and Hindi, a
// provenance document in the consignee's language): every catalog, once per process or isolate.
const SPEAKS_MANY = /^\/(console|api\/)/;

/**
 * Makes sure the catalogs a request may speak in are loaded before it is answered: the reader's
 * language for a page, every language for the console and the issuers' API. A catalog that does
 * not load is left out, and `locale` answers in English rather than fail the request.
 */
export async function loadCatalogsFor(c: Context, deps: Pick<AppDeps, "loadCatalog">): Promise<void> {
  // Once all are loaded, nothing to decide: the reader's language is read once, by readerLocale.
  if (hasEveryCatalog()) return;
  const path = c.req.path;
  if (SPEAKS_NO_LANGUAGE.test(path)) return;
  const wanted = SPEAKS_MANY.test(path) ? PUBLIC_LANGUAGES : [readerLanguage(c)];
  const missing = wanted.filter((lang) => !hasCatalog(lang));
  if (missing.length === 0) return;
  await Promise.all(
    missing.map(async (lang) => {
      try {
        addCatalog(lang, await deps.loadCatalog(lang));
      } catch {
        // English it is, for this request; the next one tries again.
      }
    }),
  );
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
