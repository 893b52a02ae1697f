// The verifiable credentials of docs/credentials.md, verified with our own code and only general
// libraries: jsonld (RDFC-1.0 canonicalization, as §2.3 names it), jose (JWS, §2.4), the W3C VC 2.0
// context as @digitalbazaar/credentials-context bundles it (§2.3: "every VC library bundles it"),
// and Node's Ed25519. Nothing here comes from the service or from Digital Bazaar's verifiers.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { contexts as w3cContexts } from "@digitalbazaar/credentials-context";
import { compactVerify, importJWK } from "jose";
// jsonld ships no types; we use one function of it.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import jsonld from "jsonld";
import { verifyWithTrustedKey } from "./ed25519";
import { base64urlStrict } from "./encoding";
import { kidOf } from "./token";

export const VC_V2 = "https://www.w3.org/ns/credentials/v2";
export const STATUS_LIST_BITS = 131_072;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** base58btc (the multibase `z` alphabet), decoded by hand. */
export function base58btcDecode(text: string): Buffer | null {
  let n = 0n;
  for (const ch of text) {
    const v = B58.indexOf(ch);
    if (v < 0) return null;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  let zeros = 0;
  while (text[zeros] === "1") zeros++;
  return Buffer.from([...new Array(zeros).fill(0), ...bytes]);
}

export function base58btcEncode(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = "";
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** §4: `publicKeyMultibase` is `z` + base58btc(0xed 0x01 + the 32-byte key). */
export function multikeyPublicKey(multibase: unknown): Buffer | null {
  if (typeof multibase !== "string" || !multibase.startsWith("z")) return null;
  const raw = base58btcDecode(multibase.slice(1));
  if (!raw || raw.length !== 34 || raw[0] !== 0xed || raw[1] !== 0x01) return null;
  return raw.subarray(2);
}

/** §4: `did:web:HOST`, the host in lower case, a port's colon percent-encoded. */
export function didWebOf(origin: string): string {
  const url = new URL(origin);
  return `did:web:${url.host.toLowerCase().replace(":", "%3A")}`;
}

export interface IssuerKey {
  kid: string;
  publicKey: Buffer;
  multikeyId: string;
  jwkId: string;
}

/**
 * §4: the keys of a DID document. Every signing key has two methods, both in assertionMethod,
 * ids `did#{kid}-multikey` (Multikey) and `did#{kid}` (JsonWebKey), and they must be the same key
 * with the kid its thumbprint. Throws on any departure.
 */
export function issuerKeys(didDocument: Json, did: string): IssuerKey[] {
  if (didDocument.id !== did) throw new Error(`DID document is for ${didDocument.id}, not ${did}`);
  const methods = (didDocument.verificationMethod ?? []) as Json[];
  const assertion = new Set(didDocument.assertionMethod as string[]);
  const keys: IssuerKey[] = [];
  for (const m of methods) {
    if (m.type !== "Multikey") continue;
    const match = new RegExp(`^${did.replace(/[.%]/g, "\\$&")}#([A-Za-z0-9_-]{43})-multikey$`).exec(m.id);
    if (!match || m.controller !== did) throw new Error(`bad Multikey method ${m.id}`);
    const kid = match[1]!;
    const publicKey = multikeyPublicKey(m.publicKeyMultibase);
    if (!publicKey) throw new Error(`bad publicKeyMultibase in ${m.id}`);
    const x = publicKey.toString("base64url");
    if (kidOf(x) !== kid) throw new Error(`${m.id}: kid is not the key's thumbprint`);
    const jwkId = `${did}#${kid}`;
    const jwk = methods.find((j) => j.id === jwkId);
    if (!jwk || jwk.type !== "JsonWebKey" || jwk.controller !== did) throw new Error(`no JsonWebKey method ${jwkId}`);
    const expected = { kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA" };
    if (JSON.stringify(sorted(jwk.publicKeyJwk)) !== JSON.stringify(sorted(expected))) throw new Error(`${jwkId}: publicKeyJwk differs`);
    if (!assertion.has(m.id) || !assertion.has(jwkId)) throw new Error(`${kid}: not both methods in assertionMethod`);
    keys.push({ kid, publicKey, multikeyId: m.id, jwkId });
  }
  if (methods.length !== keys.length * 2) throw new Error("DID document has methods that are not key pairs of §4");
  return keys;
}

const sorted = (o: Json) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** A JSON-LD document loader that holds the VC 2.0 context and the given documents, and fetches nothing. */
export function documentLoader(held: Record<string, Json>) {
  return async (url: string) => {
    const document = held[url] ?? (url === VC_V2 ? w3cContexts.get(url) : undefined);
    if (!document) throw new Error(`the loader holds no ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

export async function canonize(document: Json, loader: ReturnType<typeof documentLoader>): Promise<string> {
  // `safe` refuses terms the contexts do not define, instead of dropping them from what is signed.
  return jsonld.canonize(document, { algorithm: "RDFC-1.0", format: "application/n-quads", documentLoader: loader, safe: true });
}

export type DiResult = { ok: true; key: IssuerKey } | { ok: false; why: string };

/**
 * §2.3: a DataIntegrityProof of cryptosuite eddsa-rdfc-2022. The proof options (the proof without
 * proofValue, under the credential's @context) and the credential without proof are canonicalized
 * with RDFC-1.0 and hashed with SHA-256; the signature is over the two hashes, proof options first.
 */
export async function verifyDataIntegrity(credential: Json, keys: IssuerKey[], loader: ReturnType<typeof documentLoader>): Promise<DiResult> {
  const { proof, ...unsecured } = credential;
  if (!proof || typeof proof !== "object" || Array.isArray(proof)) return { ok: false, why: "no single proof" };
  const { proofValue, ...options } = proof as Json;
  if (options.type !== "DataIntegrityProof" || options.cryptosuite !== "eddsa-rdfc-2022") return { ok: false, why: "not eddsa-rdfc-2022" };
  if (options.proofPurpose !== "assertionMethod") return { ok: false, why: "not an assertion" };
  if ("created" in options) return { ok: false, why: "§2.3 says no created" };
  const key = keys.find((k) => k.multikeyId === options.verificationMethod);
  if (!key) return { ok: false, why: `unknown verification method ${options.verificationMethod}` };
  if (typeof proofValue !== "string" || !proofValue.startsWith("z")) return { ok: false, why: "proofValue is not base58btc" };
  const signature = base58btcDecode(proofValue.slice(1));
  if (!signature || signature.length !== 64) return { ok: false, why: "proofValue is not 64 bytes" };
  let hashes: Buffer;
  try {
    const optionsHash = sha256(await canonize({ "@context": unsecured["@context"], ...options }, loader));
    const documentHash = sha256(await canonize(unsecured, loader));
    hashes = Buffer.concat([optionsHash, documentHash]);
  } catch (e) {
    return { ok: false, why: `canonicalization: ${(e as Error).message}` };
  }
  return verifyWithTrustedKey(key.publicKey, hashes, signature) ? { ok: true, key } : { ok: false, why: "bad signature" };
}

export type JwtResult = { ok: true; credential: Json; key: IssuerKey } | { ok: false; why: string };

/**
 * §2.4: a compact JWS whose protected header is exactly {alg, typ: vc+jwt, cty: vc, kid: did#{kid}},
 * whose payload is the credential plus iss, jti and sub repeating issuer, id and credentialSubject.id,
 * and no iat, nbf or exp. Returns the credential (without the three claims).
 */
export async function verifyVcJwt(jwt: string, keys: IssuerKey[]): Promise<JwtResult> {
  const parts = jwt.split(".");
  if (parts.length !== 3) return { ok: false, why: "not a compact JWS" };
  let header: Json;
  try {
    header = JSON.parse(base64urlStrict(parts[0]!)?.toString("utf8") ?? "null");
  } catch {
    return { ok: false, why: "header is not JSON" };
  }
  if (!header || Object.keys(header).sort().join() !== "alg,cty,kid,typ") return { ok: false, why: "header members" };
  if (header.alg !== "EdDSA" || header.typ !== "vc+jwt" || header.cty !== "vc") return { ok: false, why: "header values" };
  const key = keys.find((k) => k.jwkId === header.kid);
  if (!key) return { ok: false, why: `unknown kid ${header.kid}` };
  let payloadBytes: Uint8Array;
  try {
    const jwk = { kty: "OKP", crv: "Ed25519", x: key.publicKey.toString("base64url") };
    ({ payload: payloadBytes } = await compactVerify(jwt, await importJWK(jwk, "EdDSA"), { algorithms: ["EdDSA"] }));
  } catch (e) {
    return { ok: false, why: `signature: ${(e as Error).message}` };
  }
  const { iss, jti, sub, ...credential } = JSON.parse(Buffer.from(payloadBytes).toString("utf8")) as Json;
  for (const claim of ["iat", "nbf", "exp"]) if (claim in credential) return { ok: false, why: `has ${claim}` };
  if ("proof" in credential) return { ok: false, why: "payload has a proof" };
  if (iss !== credential.issuer || jti !== credential.id || sub !== credential.credentialSubject?.id) return { ok: false, why: "iss/jti/sub conflict" };
  return { ok: true, credential, key };
}

/** §5: `u` + base64url (no padding) of the GZIP of 131,072 bits; bit i is bit 7 - (i mod 8) of byte ⌊i/8⌋. */
export function decodeStatusList(encodedList: unknown): Buffer {
  if (typeof encodedList !== "string" || !encodedList.startsWith("u")) throw new Error("encodedList lacks the multibase u");
  const gz = base64urlStrict(encodedList.slice(1));
  if (!gz) throw new Error("encodedList is not base64url");
  const bits = gunzipSync(gz);
  if (bits.length * 8 !== STATUS_LIST_BITS) throw new Error(`status list of ${bits.length * 8} bits`);
  return bits;
}
export const statusBit = (bits: Buffer, i: number) => (bits[Math.floor(i / 8)]! >> (7 - (i % 8))) & 1;
export const setBits = (bits: Buffer) => {
  const out: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if (statusBit(bits, i)) out.push(i);
  return out;
};

/**
 * §5: the two entries of credentialStatus, revocation then suspension, same list n and index i,
 * with the ids and URLs the section gives. Returns n and i.
 */
export function statusEntries(credential: Json, origin: string): { list: number; index: number } {
  const entries = credential.credentialStatus as Json[];
  if (!Array.isArray(entries) || entries.length !== 2) throw new Error("credentialStatus is not two entries");
  const m = /\/credentials\/status\/revocation\/([1-9][0-9]*)$/.exec(entries[0]!.statusListCredential);
  if (!m) throw new Error("first entry is not a revocation list");
  const list = Number(m[1]);
  const index = Number(entries[0]!.statusListIndex);
  if (String(index) !== entries[0]!.statusListIndex || index >= STATUS_LIST_BITS) throw new Error("bad statusListIndex");
  ["revocation", "suspension"].forEach((purpose, k) => {
    const url = `${origin}/credentials/status/${purpose}/${list}`;
    const expected = { id: `${url}#${index}`, type: "BitstringStatusListEntry", statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
    if (JSON.stringify(sorted(entries[k]!)) !== JSON.stringify(sorted(expected))) throw new Error(`entry ${k} is not as §5 says: ${JSON.stringify(entries[k])}`);
  });
  return { list, index };
}
