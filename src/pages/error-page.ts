// What a browser gets, in the reader's language, when a page does not exist or the service
// fails: a plain explanation, the way home, and (for a missing page) the box to look a tag up
// by its number, since a mistyped tag address is the likeliest cause.
import { esc } from "./html.js";
import type { Locale } from "./i18n/catalog.js";
import { renderPage, serialForm } from "./layout.js";

export type ErrorPageKind = "not-found" | "server";

export function errorPage(locale: Locale, kind: ErrorPageKind): string {
  const m = locale.messages.errors;
  const [title, body] = kind === "not-found" ? [m.notFoundTitle, m.notFoundBody] : [m.serverTitle, m.serverBody];
  const main = `<section class="card" aria-labelledby="error-title"><h1 id="error-title">${esc(title)}</h1><p>${esc(body)}</p><p><a class="button" href="/">${esc(m.home)}</a></p></section>${
    kind === "not-found" ? `\n${serialForm(locale, { heading: false })}` : ""
  }`;
  return renderPage({ locale, title, main });
}
