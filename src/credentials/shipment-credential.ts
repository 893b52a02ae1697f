// A sealed shipment as a W3C Verifiable Credential 2.0, before it is secured: a pure function of
// the signed manifest header (docs/shipment-format.md §3) and the items' certificate ids in
// manifest order, so that the credential can only restate what the manifest signed.
// docs/credentials.md §11 specifies each member.
import { didWeb } from "../core/did.js";
import { toHex } from "../core/bytes.js";
import { shipmentUrl, type ShipmentHeader } from "../core/shipment.js";
import { isoTime } from "../core/time.js";
import { credentialTime, type Credential } from "./certificate-credential.js";
import { asliShipmentContextUrl } from "./contexts/asli-shipment-v1.js";
import { CREDENTIALS_V2_URL, credentialUrl, shipmentCredentialUrl, shipmentManifestUrl } from "./urls.js";

export function shipmentCredential(header: ShipmentHeader, certificateIds: readonly string[], baseUrl: string): Credential {
  if (certificateIds.length !== header.itemCount) throw new RangeError(`the manifest counts ${header.itemCount} items, not ${certificateIds.length}`);
  const origin = new URL(baseUrl).origin;
  const sealedAt = credentialTime(isoTime(header.sealedAt));
  return {
    "@context": [CREDENTIALS_V2_URL, asliShipmentContextUrl(origin)],
    id: shipmentCredentialUrl(origin, header.shipmentId),
    type: ["VerifiableCredential", "ShipmentCredential"],
    name: "Asli shipment of certified handmade items",
    issuer: didWeb(origin),
    validFrom: sealedAt,
    credentialSubject: {
      // The URL in the shipment's QR, as printed on its cartons and documents.
      id: shipmentUrl(baseUrl, header.shipmentId),
      type: "Shipment",
      shipmentId: header.shipmentId,
      exporter: { type: "Exporter", name: header.exporter },
      consigneeCountry: header.consigneeCountry,
      ...(header.reference !== null ? { reference: header.reference } : {}),
      sealedAt,
      itemCount: header.itemCount,
      merkleRoot: toHex(header.root),
      manifest: shipmentManifestUrl(origin, header.shipmentId),
      itemCredentials: certificateIds.map((id) => credentialUrl(origin, id)),
    },
  };
}
