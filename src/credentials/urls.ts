// Where the service publishes what verifiers of its credentials fetch. These URLs are printed
// inside signed credentials: they never change meaning.
import type { StatusPurpose } from "../core/status-list.js";

export const DID_DOCUMENT_PATH = "/.well-known/did.json";

export function credentialUrl(origin: string, certificateId: string): string {
  return `${origin}/api/v1/certificates/${certificateId}/credential`;
}

export function statusListUrl(origin: string, purpose: StatusPurpose, listNumber: number): string {
  return `${origin}/credentials/status/${purpose}/${listNumber}`;
}
