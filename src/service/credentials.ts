// Verifiable credentials from the registry: a certificate's credential, a sealed shipment's, the
// status lists, the DID document. Each is built from the same records the verify endpoint reads
// (a shipment's from its signed manifest header), so that the two never tell a verifier different
// things; securing (signing) happens in src/credentials/secure.ts.
import { fromBase64url } from "../core/bytes.js";
import { ApiError, notFound } from "../core/errors.js";
import { decodeShipmentHeader } from "../core/shipment.js";
import { isSerial } from "../core/payload.js";
import { STATUS_PURPOSES, type StatusPurpose } from "../core/status-list.js";
import { certificateCredential, type Credential } from "../credentials/certificate-credential.js";
import { didDocument } from "../credentials/did-document.js";
import { shipmentCredential } from "../credentials/shipment-credential.js";
import { statusListCredential } from "../credentials/status-list-credential.js";
import type { AsliDatabase } from "../store/database.js";
import { listStoredKeys } from "../store/keys.js";
import { listShipmentItems } from "../store/shipments.js";
import { findVerificationRecord } from "../store/verification.js";
import { publishedShipment } from "./shipments.js";
import { currentStatusList, statusPositionOf } from "./status-lists.js";
import { standingView } from "./verification.js";

interface CredentialDeps {
  db: AsliDatabase;
  baseUrl: string;
  clock: () => Date;
}

/**
 * The credential of any certificate the registry holds, whatever its standing: a revoked or
 * suspended certificate's credential is still served, and its status list entries say so.
 */
export async function certificateCredentialOf(deps: CredentialDeps, certificateId: string): Promise<Credential> {
  const found = isSerial(certificateId) ? await findVerificationRecord(deps.db, certificateId) : undefined;
  if (!found) throw notFound("this certificate");
  const { certificate } = standingView(found.record, found.standing, deps.baseUrl);
  return certificateCredential(certificate, await statusPositionOf(deps.db, certificateId), deps.baseUrl);
}

/**
 * The credential of a sealed shipment, restating its signed manifest header and listing its
 * items' credential ids in manifest order. An open shipment is 404, as everywhere the public
 * looks; a cancelled one is 410: the registry no longer stands behind it, and a shipment has no
 * status list that a copy could carry the cancellation in.
 */
export async function shipmentCredentialOf(deps: CredentialDeps, shipmentId: string): Promise<Credential> {
  const shipment = await publishedShipment(deps.db, shipmentId);
  if (shipment.state === "cancelled") throw new ApiError(410, "shipment-cancelled", "Gone", "this shipment was cancelled: its credential is no longer issued");
  const items = await listShipmentItems(deps.db, shipment.id);
  // The signed header, not the row's columns: the credential says exactly what the manifest signed.
  const header = decodeShipmentHeader(fromBase64url(shipment.manifestHeader));
  return shipmentCredential(header, items.map((item) => item.certificateId), deps.baseUrl);
}

export function isStatusPurpose(value: string): value is StatusPurpose {
  return (STATUS_PURPOSES as readonly string[]).includes(value);
}

/** A status list as a credential, with the version its content is at; 404 for a list that does not exist. */
export async function statusListCredentialOf(deps: CredentialDeps, purpose: string, listNumber: string) {
  if (!isStatusPurpose(purpose) || !/^[1-9][0-9]{0,8}$/.test(listNumber)) throw notFound("this status list");
  const list = await currentStatusList(deps.db, purpose, Number(listNumber), deps.clock());
  if (!list) throw notFound("this status list");
  return { credential: statusListCredential(list, deps.baseUrl), sequence: list.sequence };
}

export async function didDocumentOf(deps: Pick<CredentialDeps, "db" | "baseUrl">) {
  return didDocument(await listStoredKeys(deps.db), deps.baseUrl);
}
