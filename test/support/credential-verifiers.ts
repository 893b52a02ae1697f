// Independent verifiers of Asli's credentials, as a marketplace or a customs system would run
// them: Digital Bazaar's vc and vc-bitstring-status-list for the Data Integrity form, jose for
// vc+jwt. Nothing here comes from src/: the VC 2.0 context is the package's own copy, and the
// issuer's keys, the Asli context and the status lists are fetched over HTTP from the URLs the
// credential names, the way a verifier on the network would.
//
// The Digital Bazaar stack is imported on use: inside vitest-pool-workers, jsonld's CommonJS
// files load with Node's resolution (its relative requires skip the package's browser field),
// so it does not load there. The real worker bundle (wrangler's) carries it:
// test/node/worker-credentials.test.ts checks that form on workerd.
/// <reference path="../../src/credentials/digitalbazaar.d.ts" />
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";

/** Where the verifier's HTTP requests go: the app itself (app.request) or a real server. */
export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** What a verifier fetched, in order: a test can see that it went where the credential pointed. */
export interface Fetched {
  urls: string[];
}

/** did:web resolution as the method specification writes it: host (with %3A for a port), /.well-known/did.json. */
export function didWebUrl(did: string): string {
  const host = decodeURIComponent(did.slice("did:web:".length));
  return `https://${host}/.well-known/did.json`;
}

async function fetchJson(fetcher: Fetcher, url: string, fetched: Fetched, accept = "application/json"): Promise<any> {
  fetched.urls.push(url);
  const res = await fetcher(url, { headers: { accept } });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** A JSON-LD document loader that holds the VC contexts itself and fetches the rest from the issuer's origin. */
export async function verifierDocumentLoader(fetcher: Fetcher, origin: string, fetched: Fetched = { urls: [] }) {
  const { contexts } = await import("@digitalbazaar/credentials-context");
  return async (url: string) => {
    if (contexts.has(url)) return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
    if (url.startsWith("did:web:")) {
      const [did, fragment] = url.split("#");
      const document = await fetchJson(fetcher, didWebUrl(did!), fetched);
      if (document.id !== did) throw new Error(`${did} resolved to a document of ${document.id}`);
      if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
      const method = document.verificationMethod.find((m: any) => m.id === url);
      if (!method) throw new Error(`${url} is not in the DID document`);
      return { contextUrl: null, documentUrl: url, document: { "@context": "https://w3id.org/security/multikey/v1", ...method } };
    }
    // The issuer's own documents (its JSON-LD context, its status lists), from its origin only.
    if (url.startsWith(`${origin}/`)) return { contextUrl: null, documentUrl: url, document: await fetchJson(fetcher, url, fetched, "application/vc") };
    throw new Error(`verifier refused to load ${url}`);
  };
}

async function dataIntegritySuite() {
  const [{ DataIntegrityProof }, { cryptosuite }] = await Promise.all([import("@digitalbazaar/data-integrity"), import("@digitalbazaar/eddsa-rdfc-2022-cryptosuite")]);
  return new DataIntegrityProof({ cryptosuite });
}

/** @digitalbazaar/vc's verifyCredential: whether the proof holds (the status is statusOfDataIntegrity's). */
export async function verifyDataIntegrity(fetcher: Fetcher, origin: string, credential: object, fetched?: Fetched) {
  const { verifyCredential } = await import("@digitalbazaar/vc");
  return verifyCredential({
    credential,
    suite: await dataIntegritySuite(),
    documentLoader: await verifierDocumentLoader(fetcher, origin, fetched),
    checkStatus: async () => ({ verified: true }),
  });
}

/** Each status entry's bit, as @digitalbazaar/vc-bitstring-status-list reads it from the signed list it fetches and verifies. */
export async function statusOfDataIntegrity(fetcher: Fetcher, origin: string, credential: object): Promise<Record<string, boolean>> {
  const { checkStatus } = await import("@digitalbazaar/vc-bitstring-status-list");
  const result = await checkStatus({ credential, documentLoader: await verifierDocumentLoader(fetcher, origin), suite: await dataIntegritySuite() });
  if (!result.verified) throw result.error ?? new Error("status check failed");
  return Object.fromEntries(result.results!.map((r) => [r.credentialStatus.statusPurpose, r.status]));
}

/** jose's jwtVerify, with the key that the header's kid names in the issuer's DID document (as an assertion method). */
export async function verifyJwt(fetcher: Fetcher, jwt: string) {
  const { kid } = decodeProtectedHeader(jwt);
  if (typeof kid !== "string" || !kid.startsWith("did:web:")) throw new Error(`kid ${kid} is not a did:web URL`);
  const document = await fetchJson(fetcher, didWebUrl(kid.split("#")[0]!), { urls: [] });
  const method = document.verificationMethod.find((m: any) => m.id === kid && m.type === "JsonWebKey");
  if (!method || !document.assertionMethod.includes(kid)) throw new Error(`${kid} is not an assertion method of the issuer`);
  const key = await importJWK(method.publicKeyJwk, "EdDSA");
  return jwtVerify(jwt, key, { typ: "vc+jwt", issuer: document.id, algorithms: ["EdDSA"] });
}

/**
 * The bitstring of an encodedList, read as the Bitstring Status List specification says
 * (multibase base64url, GZIP), written here from the specification rather than taken from the
 * service; and the positions set in it (index 0 is the most significant bit of the first byte).
 */
export async function decodeStatusBits(encodedList: string): Promise<{ length: number; set: number[]; has(index: number): boolean }> {
  if (!encodedList.startsWith("u")) throw new Error("encodedList is not multibase base64url");
  const gzipped = Uint8Array.from(atob(encodedList.slice(1).replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));
  const bits = new Uint8Array(await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const has = (index: number) => (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
  const set: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if (has(i)) set.push(i);
  return { length: bits.length * 8, set, has };
}

/** Each status entry's bit, from the list fetched as vc+jwt and verified with jose. */
export async function statusOfJwt(fetcher: Fetcher, credential: { issuer?: unknown; credentialStatus?: unknown }): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const entry of credential.credentialStatus as { statusPurpose: string; statusListIndex: string; statusListCredential: string }[]) {
    const res = await fetcher(entry.statusListCredential, { headers: { accept: "application/vc+jwt" } });
    if (res.status !== 200) throw new Error(`${entry.statusListCredential}: HTTP ${res.status}`);
    const { payload } = await verifyJwt(fetcher, await res.text());
    const subject = payload.credentialSubject as { statusPurpose: string; encodedList: string };
    if (payload.issuer !== credential.issuer) throw new Error("the status list has another issuer");
    if (subject.statusPurpose !== entry.statusPurpose) throw new Error("the status list has another purpose");
    out[entry.statusPurpose] = (await decodeStatusBits(subject.encodedList)).has(Number(entry.statusListIndex));
  }
  return out;
}
