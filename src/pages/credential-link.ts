// The verify page's link to the certificate as a verifiable credential (docs/credentials.md):
// a plain download link, its words from the message catalogs (section `credential`). Kept apart
// from the page's own layout so that a redesign of the page only has to place it.
import { html } from "hono/html";
import type { PublicMessages } from "./i18n/catalog.js";

/** The path the link points to; the credential route negotiates its form, and a browser gets the Data Integrity JSON. */
export function credentialPath(certificateId: string): string {
  return `/api/v1/certificates/${certificateId}/credential`;
}

/** One language's link, or several (the page is bilingual today): the first catalog gives the link text. */
export function credentialLink(certificateId: string, catalogs: readonly { lang: string; messages: PublicMessages }[]) {
  const [first, ...others] = catalogs;
  if (!first) return "";
  return html`<p class="credential" data-credential="${certificateId}"><a href="${credentialPath(certificateId)}" download="asli-${certificateId}.json" type="application/vc">${first.messages.credential.download}</a>${others.map((c) => html` · <span lang="${c.lang}">${c.messages.credential.download}</span>`)}<br><small>${first.messages.credential.explain}${others.map((c) => html` · <span lang="${c.lang}">${c.messages.credential.explain}</span>`)}</small></p>`;
}
