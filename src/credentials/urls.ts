// Where the service publishes what verifiers of its credentials fetch. These URLs are printed
// inside signed credentials: they never change meaning.
import type { StatusPurpose } from "../core/status-list.js";

export const DID_DOCUMENT_PATH = "/.well-known/did.json";

/** The W3C VC 2.0 context; its content is bundled in contexts/credentials-v2.ts, which only the signing code loads. */
export const CREDENTIALS_V2_URL = "https://www.w3.org/ns/credentials/v2";

export function credentialUrl(origin: string, certificateId: string): string {
  return `${origin}/api/v1/certificates/${certificateId}/credential`;
}

export function statusListUrl(origin: string, purpose: StatusPurpose, listNumber: number): string {
  return `${origin}/credentials/status/${purpose}/${listNumber}`;
}

export function shipmentCredentialUrl(origin: string, shipmentId: string): string {
  return `${origin}/api/v1/shipments/${shipmentId}/credential`;
}

/** The signed manifest file (docs/shipment-format.md §6) that a shipment credential restates. */
export function shipmentManifestUrl(origin: string, shipmentId: string): string {
  return `${origin}/api/v1/shipments/${shipmentId}/manifest`;
}
