// A certificate as a W3C Verifiable Credential 2.0, before it is secured: a pure function of
// the registry's record (as the verdict shows it) and the certificate's status list position,
// so that every request, on either runtime, builds the same document. docs/credentials.md
// specifies each member.
import { didWeb } from "../core/did.js";
import { STATUS_PURPOSES } from "../core/status-list.js";
import type { CertificateView } from "../service/verification.js";
import type { StatusPosition } from "../service/status-lists.js";
import { asliContextUrl } from "./contexts/asli-v1.js";
import { CREDENTIALS_V2_URL, credentialUrl, statusListUrl } from "./urls.js";

export type Credential = Record<string, unknown> & { "@context": string[]; id: string; issuer: string; credentialSubject: { id: string } & Record<string, unknown> };

/** RFC 3339 without the milliseconds that registry times never have. */
export function credentialTime(iso: string): string {
  return iso.replace(/\.000Z$/, "Z");
}

export function certificateCredential(view: CertificateView, position: StatusPosition, baseUrl: string): Credential {
  const origin = new URL(baseUrl).origin;
  const item: Record<string, unknown> = {
    // The URL in the item's QR: the subject is the item that carries this tag.
    id: view.verifyUrl,
    type: "HandmadeItem",
    name: view.title,
    serialNumber: view.id,
    ...(view.materials.length ? { material: view.materials } : {}),
    ...(view.madeOn ? { productionDate: view.madeOn } : {}),
    ...(view.product ? { odopProduct: { type: "OdopProduct", registryId: view.product.id, name: view.product.name } } : {}),
    ...(!view.product && view.craft ? { craft: view.craft } : {}),
    ...(view.giTag
      ? {
          geographicalIndication: {
            type: "GeographicalIndication",
            registryId: view.giTag.id,
            name: view.giTag.name,
            ...(view.giTag.applicationNumber ? { applicationNumber: view.giTag.applicationNumber } : {}),
          },
        }
      : {}),
    manufacturer: {
      type: "Artisan",
      registryId: view.artisan.id,
      name: view.artisan.name,
      ...(view.artisan.sellerName ? { seller: view.artisan.sellerName } : {}),
      district: {
        type: "District",
        lgdCode: view.district.code,
        name: view.district.name,
        division: view.district.division,
        addressRegion: "Uttar Pradesh",
        addressCountry: "IN",
      },
    },
  };
  return {
    "@context": [CREDENTIALS_V2_URL, asliContextUrl(origin)],
    id: credentialUrl(origin, view.id),
    type: ["VerifiableCredential", "CertificateCredential"],
    name: "Asli certificate of a handmade item",
    issuer: didWeb(origin),
    validFrom: credentialTime(view.issuedAt),
    credentialSubject: item as Credential["credentialSubject"],
    credentialStatus: STATUS_PURPOSES.map((purpose) => {
      const list = statusListUrl(origin, purpose, position.listNumber);
      return {
        id: `${list}#${position.listIndex}`,
        type: "BitstringStatusListEntry",
        statusPurpose: purpose,
        statusListIndex: String(position.listIndex),
        statusListCredential: list,
      };
    }),
  };
}
