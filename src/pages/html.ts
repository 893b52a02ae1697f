// The pages are built as strings (cheaper than a template engine on the verify hot path). Every
// value that is not markup of our own goes through `esc`; messages are escaped too, and values
// enter them already escaped through `fillHtml`.
import { fill } from "./i18n/catalog.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;

/** Text (or an attribute value) made safe for HTML. */
export function esc(text: string | number): string {
  const s = String(text);
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!) : s;
}

/** A catalog message as HTML, its placeholders replaced by the given HTML fragments (escape them first). */
export function fillHtml(message: string, values: Record<string, string>): string {
  // Placeholders are filled with markers first, so that escaping the message never touches the values.
  const marked = fill(message, Object.fromEntries(Object.keys(values).map((k) => [k, `\u0000${k}\u0000`])));
  return esc(marked).replace(/\u0000(\w+)\u0000/g, (_, k: string) => values[k]!);
}

/**
 * Data of another direction or script inside a sentence (a name in an Urdu sentence, a serial):
 * isolated, so that it cannot reorder the words around it.
 */
export function bdi(text: string): string {
  return `<bdi>${esc(text)}</bdi>`;
}

/**
 * A name from the registry's reference data (a district, an ODOP product, a GI tag), which the
 * registry holds in English only: inside a page of another language it is marked lang="en", so
 * that screen readers say it as English and the page's language is not claimed for it.
 */
export function registryName(text: string, lang: string): string {
  return lang === "en" ? bdi(text) : `<bdi lang="en">${esc(text)}</bdi>`;
}
