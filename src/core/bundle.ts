// The signed trust bundle: everything an offline verifier needs to check a certificate with no
// network (keys with their states, the registry names that token ids point to, revocations,
// suspensions), signed by the issuer's key over a context distinct from certificates.
// Format: docs/trust-bundle.md. Order of checks when opening one is fixed: envelope, signature
// over the compressed bytes, and only then decompression, parsing and the content's own rules.
import { concatBytes, fromBase64url, fromUtf8, utf8 } from "./bytes.js";
import { KEY_STATES, Keyring, keyIdentity, signedAfterCompromise, verificationKey, type KeyState, type SigningKey, type VerificationKey } from "./keys.js";
import { isSerial, type CertificateClaims } from "./payload.js";
import { nobleVerify, webCryptoSign, type Ed25519Verifier } from "./signature.js";
import { verifyToken, type TokenFailure } from "./token.js";
import { unixSeconds } from "./time.js";
import { MAX_NOTE_BYTES } from "./note.js";
import { logPolicy } from "./tlog.js";

/** "ASLITB": the first six bytes of every bundle file. */
export const BUNDLE_MAGIC = utf8("ASLITB");
export const BUNDLE_FORMAT_VERSION = 1;
/** Domain separation: a bundle signature can never pass as a certificate's, nor the reverse. */
export const BUNDLE_SIGNING_CONTEXT_V1 = utf8("ASLI-BUNDLE-V1\0");
/** magic (6) + version (1) + signer public key (32) + body length (4). */
export const BUNDLE_HEADER_LENGTH = 43;
export const BUNDLE_SIGNATURE_LENGTH = 64;
/** Decompression stops here: a signed bundle from a trusted key is still not trusted to be small. */
export const MAX_BUNDLE_CONTENT_BYTES = 64 * 1024 * 1024;
export const BUNDLE_MEDIA_TYPE = "application/vnd.asli.trust-bundle";

export const CERTIFICATE_REVOCATION_REASONS = ["lost", "stolen", "misissued", "item-destroyed", "superseded", "other"] as const;
export type CertificateRevocationReason = (typeof CERTIFICATE_REVOCATION_REASONS)[number];

/** Times are unix seconds throughout the bundle. */
export interface BundleKey {
  kid: string;
  /** The Ed25519 public key, base64url (the JWK `x`). */
  x: string;
  state: KeyState;
  notBefore: number;
  retiredAt: number | null;
  revokedAt: number | null;
  /** Certificates this key signed at or after this time are not to be trusted. */
  compromisedAt: number | null;
}

export interface TrustBundleContent {
  type: "asli-trust-bundle";
  version: 1;
  /** Origin of the service that signed it; `--update` fetches from here. */
  issuer: string;
  /** Grows by one whenever anything below `staleAfter` changes; never goes back. */
  sequence: number;
  issuedAt: number;
  /** After this a verifier should warn that revocations may be missing. */
  staleAfter: number;
  keys: BundleKey[];
  /** [LGD code, name] */
  districts: [number, string][];
  /** [id, LGD district code, name] */
  products: [number, number, string][];
  /** [id, name, GI application number or null] */
  giTags: [number, string, string | null][];
  /** Names of the GST-registered sellers that artisans without GSTIN sell through, each once. */
  sellers: string[];
  /**
   * Artisans with certificates, ascending by id: [id gap, public name, index into `sellers` or
   * null]. The first entry's id is its gap; each later id is the previous id plus its gap.
   * Gaps instead of ids, and a seller table instead of repeated names, halve the compressed size.
   */
  artisans: [number, string, number | null][];
  suspendedArtisans: number[];
  /** [artisan id, time the GI authorisation was withdrawn] */
  giWithdrawn: [number, number][];
  /** [serial, reason, time of revocation] */
  revoked: [string, CertificateRevocationReason, number][];
  /**
   * Optional (docs/trust-bundle.md §10): [artisan id, monthly capacity] for certified artisans
   * whose capacity the registry records, ascending by id. Transparency monitors flag a month in
   * which an artisan's certificates exceed it. Covered by `sequence` like the members above.
   */
  monthlyCapacities?: [number, number][];
  /** Optional (docs/trust-bundle.md §10): the transparency log, its keys and a recent cosigned checkpoint. Not covered by `sequence`. */
  log?: BundleLogExtension;
}

/** The `log` member, version 1: what a verifier needs to check inclusion proofs offline. */
export interface BundleLogExtension {
  version: 1;
  /** The checkpoint origin, e.g. asli.example/log. */
  origin: string;
  /** Where the log is served (its tlog-tiles prefix), e.g. https://asli.example/log/. */
  url: string;
  /** The log's signed-note verifier key (Ed25519, type 0x01), named after the origin. */
  key: string;
  /** The witnesses' cosignature/v1 verifier keys (type 0x04). */
  witnesses: string[];
  /** How many of them must have cosigned a checkpoint. */
  quorum: number;
  /** A checkpoint with its cosignatures (the latest one with a quorum when there is one), or null before the first. */
  checkpoint: string | null;
}

export type BundleFailure =
  | "bundle-malformed"
  | "bundle-unsupported-version"
  | "bundle-bad-signature"
  | "bundle-signer-not-listed"
  | "bundle-too-large";

export class TrustBundleError extends Error {
  override name = "TrustBundleError";
  constructor(
    readonly code: BundleFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface OpenedTrustBundle {
  content: TrustBundleContent;
  /** The key whose signature checked out; the caller decides whether it trusts that key. */
  signer: { kid: string; publicKey: Uint8Array };
}

function bundleMessage(signedPart: Uint8Array): Uint8Array {
  return concatBytes(BUNDLE_SIGNING_CONTEXT_V1, signedPart);
}

async function pipeThrough(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new TrustBundleError("bundle-too-large", `the bundle content exceeds ${limit} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}

/** Serialises, compresses and signs. The key must be listed in the content, not revoked. */
export async function signTrustBundle(content: TrustBundleContent, key: SigningKey): Promise<Uint8Array> {
  const listed = content.keys.find((k) => k.kid === key.kid);
  if (!listed || listed.state === "revoked") throw new TypeError("the signing key must be listed in the bundle and not revoked");
  const body = await pipeThrough(utf8(JSON.stringify(content)), new CompressionStream("gzip"), MAX_BUNDLE_CONTENT_BYTES);
  const header = new Uint8Array(BUNDLE_HEADER_LENGTH);
  header.set(BUNDLE_MAGIC, 0);
  header[6] = BUNDLE_FORMAT_VERSION;
  header.set(key.publicKey, 7);
  new DataView(header.buffer).setUint32(39, body.length);
  const signedPart = concatBytes(header, body);
  return concatBytes(signedPart, await webCryptoSign(key, bundleMessage(signedPart)));
}

/**
 * Checks the envelope and the signature with the key the envelope names, then reads the content.
 * Whether that key deserves trust is the caller's decision (see `checkBundleSuccession`).
 */
export async function openTrustBundle(bytes: Uint8Array, verify: Ed25519Verifier = nobleVerify): Promise<OpenedTrustBundle> {
  if (bytes.length < BUNDLE_HEADER_LENGTH + BUNDLE_SIGNATURE_LENGTH) throw malformed("the file is too short to be a trust bundle");
  for (let i = 0; i < BUNDLE_MAGIC.length; i++) {
    if (bytes[i] !== BUNDLE_MAGIC[i]) throw malformed("the file is not an Asli trust bundle");
  }
  if (bytes[6] !== BUNDLE_FORMAT_VERSION) {
    throw new TrustBundleError("bundle-unsupported-version", `trust bundle format ${bytes[6]} is not known to this verifier`);
  }
  const bodyLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(39);
  if (bytes.length !== BUNDLE_HEADER_LENGTH + bodyLength + BUNDLE_SIGNATURE_LENGTH) throw malformed("the bundle's length field does not match its size");

  const publicKey = bytes.slice(7, 39);
  const signedPart = bytes.subarray(0, BUNDLE_HEADER_LENGTH + bodyLength);
  const signature = bytes.subarray(BUNDLE_HEADER_LENGTH + bodyLength);
  let signer: VerificationKey;
  try {
    signer = await verificationKey(publicKey);
  } catch {
    throw new TrustBundleError("bundle-bad-signature", "the bundle's signer key is not a usable Ed25519 key");
  }
  if (!(await verify(signer, signature, bundleMessage(signedPart)))) {
    throw new TrustBundleError("bundle-bad-signature", "the bundle's signature does not match: it was altered or not signed by the key it names");
  }

  let parsed: unknown;
  try {
    const json = await pipeThrough(bytes.subarray(BUNDLE_HEADER_LENGTH, BUNDLE_HEADER_LENGTH + bodyLength), new DecompressionStream("gzip"), MAX_BUNDLE_CONTENT_BYTES);
    parsed = JSON.parse(fromUtf8(json));
  } catch (error) {
    if (error instanceof TrustBundleError) throw error;
    throw malformed("the bundle's body is not gzip-compressed JSON");
  }
  const content = await checkContent(parsed);
  const listed = content.keys.find((k) => k.kid === signer.kid);
  if (!listed || listed.state === "revoked") {
    throw new TrustBundleError("bundle-signer-not-listed", "the bundle is signed by a key that it does not list as active or retired");
  }
  return { content, signer: { kid: signer.kid, publicKey } };
}

function malformed(message: string): TrustBundleError {
  return new TrustBundleError("bundle-malformed", message);
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number | null => v === null || isInt(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 1000;
const isTuple = (v: unknown, n: number): v is unknown[] => Array.isArray(v) && v.length === n;
const allDistinct = (values: unknown[]): boolean => new Set(values).size === values.length;

/**
 * Validates every member a verifier reads, as docs/trust-bundle.md §4 types them and §5 step 4
 * lists the rules: a signed bundle is trusted data, not trusted code. Every bundle the service
 * has signed passes: its ids are primary keys, its keys derive from seeds, its issuer is a URL's
 * origin, and the database holds exactly one active key.
 */
async function checkContent(value: unknown): Promise<TrustBundleContent> {
  const c = value as Record<string, unknown>;
  if (typeof c !== "object" || c === null || c.type !== "asli-trust-bundle") throw malformed("the bundle's content is not a trust bundle");
  if (c.version !== 1) throw new TrustBundleError("bundle-unsupported-version", `trust bundle content version ${String(c.version)} is not known`);
  const ok =
    isText(c.issuer) &&
    isInt(c.sequence) &&
    isInt(c.issuedAt) &&
    isInt(c.staleAfter) &&
    Array.isArray(c.keys) &&
    c.keys.every(
      (k: any) =>
        typeof k === "object" &&
        k !== null &&
        !Array.isArray(k) &&
        isText(k.kid) &&
        isText(k.x) &&
        (KEY_STATES as readonly unknown[]).includes(k.state) &&
        isInt(k.notBefore) &&
        isTime(k.retiredAt) &&
        isTime(k.revokedAt) &&
        isTime(k.compromisedAt) &&
        (k.state !== "revoked" || k.compromisedAt !== null),
    ) &&
    Array.isArray(c.districts) &&
    c.districts.every((d) => isTuple(d, 2) && isInt(d[0]) && isText(d[1])) &&
    Array.isArray(c.products) &&
    c.products.every((p) => isTuple(p, 3) && isInt(p[0]) && isInt(p[1]) && isText(p[2])) &&
    Array.isArray(c.giTags) &&
    c.giTags.every((g) => isTuple(g, 3) && isInt(g[0]) && isText(g[1]) && (g[2] === null || isText(g[2]))) &&
    Array.isArray(c.sellers) &&
    c.sellers.every(isText) &&
    Array.isArray(c.artisans) &&
    c.artisans.every((a) => isTuple(a, 3) && isInt(a[0]) && a[0] >= 1 && isText(a[1]) && (a[2] === null || (isInt(a[2]) && a[2] < (c.sellers as unknown[]).length))) &&
    Array.isArray(c.suspendedArtisans) &&
    c.suspendedArtisans.every(isInt) &&
    Array.isArray(c.giWithdrawn) &&
    c.giWithdrawn.every((g) => isTuple(g, 2) && isInt(g[0]) && isInt(g[1])) &&
    Array.isArray(c.revoked) &&
    c.revoked.every(
      (r) => isTuple(r, 3) && typeof r[0] === "string" && isSerial(r[0]) && (CERTIFICATE_REVOCATION_REASONS as readonly unknown[]).includes(r[1]) && isInt(r[2]),
    );
  if (!ok) throw malformed("the bundle's content does not have the expected shape");
  const content = value as TrustBundleContent;
  if (issuerOrigin(content.issuer) !== content.issuer) throw malformed(`the bundle's issuer ${JSON.stringify(content.issuer)} is not an http(s) origin in normal form`);
  if (c.monthlyCapacities !== undefined) {
    const capacities = c.monthlyCapacities;
    if (!Array.isArray(capacities) || !capacities.every((e) => isTuple(e, 2) && isInt(e[0]) && isInt(e[1]) && e[1] >= 1)) {
      throw malformed("the bundle's monthlyCapacities do not have the expected shape");
    }
  }
  if (c.log !== undefined) {
    const log = c.log as Record<string, unknown>;
    if (typeof log !== "object" || log === null || Array.isArray(log)) throw malformed("the bundle's log member is not an object");
    // A later version of the extension is for later verifiers: this one ignores it, as it ignores unknown members.
    if (log.version !== 1) delete content.log;
    else if (!isBundleLogV1(log)) throw malformed("the bundle's log member (version 1) does not have the expected shape");
  }
  for (const key of content.keys) {
    let publicKey: Uint8Array;
    try {
      publicKey = fromBase64url(key.x);
      await verificationKey(publicKey);
    } catch {
      throw malformed(`key ${key.kid}: x is not the canonical base64url of an Ed25519 public key of prime order`);
    }
    if ((await keyIdentity(publicKey)).kid !== key.kid) {
      throw malformed(`key ${key.kid}: the kid is not the thumbprint of its public key`);
    }
  }
  if (!allDistinct(content.keys.map((k) => k.kid))) throw malformed("a key is listed twice");
  if (content.keys.filter((k) => k.state === "active").length !== 1) throw malformed("the bundle does not list exactly one active key");
  const unique: [string, unknown[]][] = [
    ["district code", content.districts.map((d) => d[0])],
    ["product id", content.products.map((p) => p[0])],
    ["GI tag id", content.giTags.map((g) => g[0])],
    ["suspended artisan", content.suspendedArtisans],
    ["artisan in giWithdrawn", content.giWithdrawn.map((g) => g[0])],
    ["revoked serial", content.revoked.map((r) => r[0])],
  ];
  for (const [what, ids] of unique) if (!allDistinct(ids)) throw malformed(`a ${what} is listed twice`);
  return content;
}

/**
 * docs/trust-bundle.md §6.1: the origin of an http(s) URL in the form WHATWG URL serialises it
 * (scheme and host lower case, an IDN host in punycode, the default port dropped, no path, no
 * trailing slash), or null for anything else, a URL with credentials included.
 */
export function issuerOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.username || parsed.password) return null;
  return parsed.origin;
}

/** The names of this machine's loopback interface, which an issuer check treats as one host. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether a URL's hostname (as `URL.hostname` gives it) names this machine's loopback interface. */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname);

/**
 * Whether two URLs name the same issuer (docs/trust-bundle.md §6.1): their origins are equal, or
 * differ only in which loopback name (localhost, 127.0.0.1, [::1]) they give this machine.
 */
export function sameIssuer(a: string, b: string): boolean {
  const x = issuerOrigin(a);
  const y = issuerOrigin(b);
  if (x === null || y === null) return false;
  if (x === y) return true;
  const u = new URL(x);
  const v = new URL(y);
  return u.protocol === v.protocol && u.port === v.port && isLoopbackHost(u.hostname) && isLoopbackHost(v.hostname);
}

function isBundleLogV1(log: Record<string, unknown>): boolean {
  if (!isText(log.origin) || !isText(log.url) || !isText(log.key) || !Array.isArray(log.witnesses) || !log.witnesses.every(isText) || !isInt(log.quorum)) return false;
  if (log.checkpoint !== null && (typeof log.checkpoint !== "string" || log.checkpoint.length > MAX_NOTE_BYTES)) return false;
  try {
    logPolicy(log.origin, log.key, log.witnesses as string[], log.quorum);
  } catch {
    return false;
  }
  return true;
}

/** How a newly fetched bundle relates to the one a verifier holds. */
export type Succession =
  | { accept: true; signerChanged: boolean; unchanged: boolean }
  | { accept: false; code: "bundle-rollback" | "bundle-not-newer" | "bundle-new-signer" | "bundle-other-issuer"; message: string };

/**
 * Rules for replacing a held bundle: same issuer; never a lower sequence (rollback); not an
 * older issue time; and signed by a key the held bundle trusts (active or retired) or by the
 * kid the person explicitly chose to trust. Only the active private key exists, so after a
 * rotation the first new bundle is signed by a key the old bundle has never seen.
 */
export function checkBundleSuccession(held: OpenedTrustBundle, next: OpenedTrustBundle, trustNewSigner?: string): Succession {
  if (!sameIssuer(held.content.issuer, next.content.issuer)) {
    return { accept: false, code: "bundle-other-issuer", message: `the new bundle is from ${next.content.issuer}, the held one from ${held.content.issuer}` };
  }
  if (next.content.sequence < held.content.sequence) {
    return {
      accept: false,
      code: "bundle-rollback",
      message: `the new bundle has sequence ${next.content.sequence}, lower than the held ${held.content.sequence}: refusing an older registry state`,
    };
  }
  if (next.content.issuedAt < held.content.issuedAt) {
    return { accept: false, code: "bundle-not-newer", message: "the new bundle was issued before the one already held" };
  }
  const trusted = held.content.keys.find((k) => k.kid === next.signer.kid && k.state !== "revoked");
  if (!trusted && trustNewSigner !== next.signer.kid) {
    return {
      accept: false,
      code: "bundle-new-signer",
      message: `the new bundle is signed by key ${next.signer.kid}, which the held bundle does not know`,
    };
  }
  return {
    accept: true,
    signerChanged: held.signer.kid !== next.signer.kid,
    unchanged: held.content.sequence === next.content.sequence,
  };
}

export function isBundleStale(content: TrustBundleContent, now: Date): boolean {
  return unixSeconds(now) > content.staleAfter;
}

/** The bundle's content arranged for lookups, and the keyring that its keys make. */
export interface TrustIndex {
  content: TrustBundleContent;
  keyring: Keyring;
  keys: Map<string, BundleKey>;
  districts: Map<number, string>;
  products: Map<number, { districtCode: number; name: string }>;
  giTags: Map<number, { name: string; applicationNumber: string | null }>;
  artisans: Map<number, { name: string; sellerName: string | null }>;
  suspended: Set<number>;
  giWithdrawn: Map<number, number>;
  revoked: Map<string, { reason: CertificateRevocationReason; revokedAt: number }>;
}

export async function indexTrustBundle(content: TrustBundleContent): Promise<TrustIndex> {
  const keys = await Promise.all(content.keys.map((k) => verificationKey(fromBase64url(k.x))));
  return {
    content,
    keyring: new Keyring(keys),
    keys: new Map(content.keys.map((k) => [k.kid, k])),
    districts: new Map(content.districts),
    products: new Map(content.products.map(([id, districtCode, name]) => [id, { districtCode, name }])),
    giTags: new Map(content.giTags.map(([id, name, applicationNumber]) => [id, { name, applicationNumber }])),
    artisans: artisanNames(content),
    suspended: new Set(content.suspendedArtisans),
    giWithdrawn: new Map(content.giWithdrawn),
    revoked: new Map(content.revoked.map(([serial, reason, revokedAt]) => [serial, { reason, revokedAt }])),
  };
}

/** Artisans by id, with the gaps summed and seller indexes resolved. */
export function artisanNames(content: TrustBundleContent): Map<number, { name: string; sellerName: string | null }> {
  const names = new Map<number, { name: string; sellerName: string | null }>();
  let id = 0;
  for (const [gap, name, seller] of content.artisans) {
    id += gap;
    names.set(id, { name, sellerName: seller === null ? null : content.sellers[seller]! });
  }
  return names;
}

/** The compact artisan list: input sorted or not, output ascending by id with a seller table. */
export function encodeArtisans(list: { id: number; name: string; sellerName: string | null }[]): Pick<TrustBundleContent, "sellers" | "artisans"> {
  const sellers = [...new Set(list.flatMap((a) => (a.sellerName === null ? [] : [a.sellerName])))].sort();
  const sellerIndex = new Map(sellers.map((name, i) => [name, i]));
  let previous = 0;
  const artisans = [...list]
    .sort((a, b) => a.id - b.id)
    .map((a): [number, string, number | null] => {
      const gap = a.id - previous;
      previous = a.id;
      return [gap, a.name, a.sellerName === null ? null : sellerIndex.get(a.sellerName)!];
    });
  return { sellers, artisans };
}

/** What the token claims, with the names the bundle gives its ids (null where it has none). */
export interface OfflineCertificate {
  serial: string;
  issuedAt: number;
  kid: string;
  keyState: KeyState;
  artisan: { id: number; name: string | null; sellerName: string | null };
  district: { code: number; name: string | null };
  product: { id: number; name: string | null } | null;
  giTag: { id: number; name: string | null; applicationNumber: string | null } | null;
  /** Set when the artisan's GI authorisation was withdrawn: `giTag` is then null. */
  withdrawnGiClaim: { giTagId: number; withdrawnAt: number } | null;
  /** True when the certificate was issued after the bundle: names may be missing. */
  newerThanBundle: boolean;
}

export type OfflineVerdict =
  | { status: "genuine"; certificate: OfflineCertificate }
  | { status: "revoked"; reason: CertificateRevocationReason; revokedAt: number; certificate: OfflineCertificate }
  | { status: "suspended"; certificate: OfflineCertificate }
  | { status: "invalid"; reason: TokenFailure | "key-compromised"; certificate?: OfflineCertificate; compromisedAt?: number };

/**
 * The offline pipeline, in the order the online one uses: signature, key compromise,
 * certificate revocation, artisan suspension, then the claims with the GI withdrawal applied.
 * What only the registry knows (that the serial was really issued) cannot be checked here.
 */
export async function verifyOffline(token: string, index: TrustIndex, verify: Ed25519Verifier = nobleVerify): Promise<OfflineVerdict> {
  const verdict = await verifyToken(token, index.keyring, verify);
  if (!verdict.valid) return { status: "invalid", reason: verdict.reason };
  const key = index.keys.get(verdict.key.kid)!;
  const certificate = describe(verdict.claims, key, index);
  if (signedAfterCompromise(key, verdict.claims.issuedAt)) {
    return { status: "invalid", reason: "key-compromised", certificate, ...(key.compromisedAt !== null ? { compromisedAt: key.compromisedAt } : {}) };
  }
  const revocation = index.revoked.get(verdict.claims.serial);
  if (revocation) return { status: "revoked", ...revocation, certificate };
  if (index.suspended.has(verdict.claims.artisanId)) return { status: "suspended", certificate };
  return { status: "genuine", certificate };
}

function describe(claims: CertificateClaims, key: BundleKey, index: TrustIndex): OfflineCertificate {
  const artisan = index.artisans.get(claims.artisanId);
  const withdrawnAt = index.giWithdrawn.get(claims.artisanId);
  const gi = claims.giTagId === null ? undefined : index.giTags.get(claims.giTagId);
  const withdrawn = claims.giTagId !== null && withdrawnAt !== undefined;
  return {
    serial: claims.serial,
    issuedAt: claims.issuedAt,
    kid: key.kid,
    keyState: key.state,
    artisan: { id: claims.artisanId, name: artisan?.name ?? null, sellerName: artisan?.sellerName ?? null },
    district: { code: claims.districtCode, name: index.districts.get(claims.districtCode) ?? null },
    product: claims.productId === null ? null : { id: claims.productId, name: index.products.get(claims.productId)?.name ?? null },
    giTag: claims.giTagId === null || withdrawn ? null : { id: claims.giTagId, name: gi?.name ?? null, applicationNumber: gi?.applicationNumber ?? null },
    withdrawnGiClaim: withdrawn ? { giTagId: claims.giTagId!, withdrawnAt: withdrawnAt } : null,
    newerThanBundle: claims.issuedAt > index.content.issuedAt,
  };
}
