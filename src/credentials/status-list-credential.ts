// A status list as a BitstringStatusListCredential (W3C Bitstring Status List 1.0), before it
// is secured: the same content always gives the same document.
import { didWeb } from "../core/did.js";
import { isoTime } from "../core/time.js";
import type { StatusListContent } from "../service/status-lists.js";
import { credentialTime, type Credential } from "./certificate-credential.js";
import { CREDENTIALS_V2_URL, statusListUrl } from "./urls.js";

/** How long a verifier may keep a copy (the list's `ttl`, and its HTTP max-age). */
export const STATUS_LIST_TTL_SECONDS = 300;

export function statusListCredential(list: StatusListContent, baseUrl: string): Credential {
  const origin = new URL(baseUrl).origin;
  const id = statusListUrl(origin, list.purpose, list.listNumber);
  return {
    "@context": [CREDENTIALS_V2_URL],
    id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: didWeb(origin),
    validFrom: credentialTime(isoTime(list.since)),
    credentialSubject: {
      id: `${id}#list`,
      type: "BitstringStatusList",
      statusPurpose: list.purpose,
      encodedList: list.encodedList,
      ttl: STATUS_LIST_TTL_SECONDS * 1000,
    },
  };
}
