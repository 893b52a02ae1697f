// The verify page's link to the certificate as a verifiable credential (docs/credentials.md), and
// the shipment page's to the shipment's (§11):
// a plain download link, its words from the message catalogs (section `credential`).
import { esc } from "./html.js";
import type { PublicMessages } from "./i18n/catalog.js";

/** The path the link points to; the credential route negotiates its form, and a browser gets the Data Integrity JSON. */
export function credentialPath(certificateId: string): string {
  return `/api/v1/certificates/${certificateId}/credential`;
}

export function credentialLink(certificateId: string, messages: PublicMessages): string {
  const id = esc(certificateId);
  return `<p class="credential" data-credential="${id}"><a href="${credentialPath(id)}" download="asli-${id}.json" type="application/vc">${esc(messages.credential.download)}</a><br><small>${esc(messages.credential.explain)}</small></p>`;
}

export function shipmentCredentialPath(shipmentId: string): string {
  return `/api/v1/shipments/${shipmentId}/credential`;
}

/** A sealed shipment's credential; none for a cancelled one, which the registry no longer issues. */
export function shipmentCredentialLink(shipmentId: string, messages: PublicMessages): string {
  const id = esc(shipmentId);
  return `<p class="credential" data-credential="${id}"><a href="${shipmentCredentialPath(id)}" download="asli-shipment-${id}-credential.json" type="application/vc">${esc(messages.credential.download)}</a></p>`;
}
