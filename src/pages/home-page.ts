// The home page at `/`: what Asli is, a box to look a tag up by the number printed on it, what
// ODOP and GI mean, and what to do about a suspected fake. Static per language, except for
// what a person typed into the box when it was not a certificate number.
import { esc } from "./html.js";
import type { Locale } from "./i18n/catalog.js";
import type { Language } from "./i18n/languages.js";
import { renderPage, serialForm } from "./layout.js";

export interface HomePageInput {
  locale: Locale;
  /** Text from the box that is not a certificate number: shown back with the reason. */
  rejected?: string;
}

function section(id: string, heading: string, body: string): string {
  return `<section class="card" aria-labelledby="${id}"><h2 id="${id}">${esc(heading)}</h2><p>${esc(body)}</p></section>`;
}

const pages = new Map<Language, string>();

export function homePage(input: HomePageInput): string {
  const { locale } = input;
  const cached = input.rejected === undefined ? pages.get(locale.lang) : undefined;
  if (cached) return cached;
  const m = locale.messages.home;
  const main = [
    `<h1>${esc(m.title)}</h1><p>${esc(m.intro)}</p>`,
    section("scan", m.scanHeading, m.scanBody),
    serialForm(locale, { typed: input.rejected, invalid: input.rejected !== undefined }),
    section("odop", m.odopHeading, m.odopBody),
    section("gi", m.giHeading, m.giBody),
    `<section class="card" aria-labelledby="report"><h2 id="report">${esc(m.reportHeading)}</h2><p>${esc(m.reportBody)}</p><p><a class="button" href="/report">${esc(locale.messages.report.open)}</a></p></section>`,
  ].join("\n");
  // The box's answer for rejected text stays out of search engines; the home page itself does not.
  const html = renderPage({ locale, title: m.title, main, indexable: input.rejected === undefined });
  if (input.rejected === undefined) pages.set(locale.lang, html);
  return html;
}
