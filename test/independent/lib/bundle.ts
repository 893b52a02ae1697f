// A trust-bundle reader written from docs/trust-bundle.md alone: the envelope (§2), its signature
// (§3), the content and its checks (§4, §5), which bundle to trust (§6, §6.1), offline verdicts (§7),
// and the optional members of §10 (the log, monthly capacities).
import { gunzipSync, gzipSync } from "node:zlib";
import { asliVerify, isPrimeOrderKey, publicKeyFromSeed, signWithSeed } from "./ed25519";
import { kidOf, canonicalX, isValidSerial, keyCompromised, trustedKey, verifyToken, type TrustedKey, type TokenReason } from "./token";
import { parseVerifierKey, verifyCheckpoint, verifyTlogProof, SIG_COSIGNATURE_V1, SIG_ED25519, type LogTrust, type Checkpoint } from "./tlog";

export const BUNDLE_MAGIC = Buffer.from("ASLITB", "latin1");
export const BUNDLE_CONTEXT = Buffer.from("ASLI-BUNDLE-V1\0", "latin1");
const MAX_CONTENT = 64 * 1024 * 1024;

export type BundleError =
  | "bundle-malformed"
  | "bundle-unsupported-version"
  | "bundle-bad-signature"
  | "bundle-unknown-signer";

export interface BundleKey {
  kid: string;
  x: string;
  state: "active" | "retired" | "revoked";
  notBefore: number;
  retiredAt: number | null;
  revokedAt: number | null;
  compromisedAt: number | null;
}

export interface BundleContent {
  type: "asli-trust-bundle";
  version: 1;
  issuer: string;
  sequence: number;
  issuedAt: number;
  staleAfter: number;
  keys: BundleKey[];
  districts: [number, string][];
  products: [number, number, string][];
  giTags: [number, string, string | null][];
  sellers: string[];
  artisans: [number, string, number | null][];
  suspendedArtisans: number[];
  giWithdrawn: [number, number][];
  revoked: [string, string, number][];
  log?: unknown;
  monthlyCapacities?: unknown;
}

export interface LogMember {
  version: 1;
  origin: string;
  url: string;
  trust: LogTrust;
  checkpoint: Checkpoint | null;
  checkpointText: string | null;
}

export interface OpenedBundle {
  content: BundleContent;
  signer: BundleKey;
  signerPublicKey: Buffer;
  /** Artisan id → [name, seller name or null], the gaps resolved. */
  artisans: Map<number, { name: string; seller: string | null }>;
  log: LogMember | null;
  monthlyCapacities: Map<number, number> | null;
}

export type OpenResult = { ok: true; bundle: OpenedBundle } | { ok: false; error: BundleError; detail: string };

class Malformed extends Error {}
const fail = (detail: string): never => { throw new Malformed(detail); };

const isInteger = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 1000;
const integer = (v: unknown, what: string) => (isInteger(v) ? v : fail(`${what} is not an integer`));
const string = (v: unknown, what: string) => (isString(v) ? v : fail(`${what} is not a string`));
const intOrNull = (v: unknown, what: string) => (v === null ? null : integer(v, what));
const strOrNull = (v: unknown, what: string) => (v === null ? null : string(v, what));
const array = (v: unknown, what: string): unknown[] => (Array.isArray(v) ? v : fail(`${what} is not an array`));
const tuple = (v: unknown, length: number, what: string): unknown[] => {
  const a = array(v, what);
  return a.length === length ? a : fail(`${what} has ${a.length} elements, not ${length}`);
};
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const unique = (values: unknown[], what: string) => {
  if (new Set(values).size !== values.length) fail(`an id appears twice in ${what}`);
};

/** §6.1: an origin in the form `new URL(url).origin` serialises it. */
export function isNormalOrigin(text: string): boolean {
  let url: URL;
  try { url = new URL(text); } catch { return false; }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username || url.password) return false;
  return url.origin === text;
}

/** §6.1: an origin a user or a fetch gives, brought into normal form; null if it is none. */
export function issuerOrigin(given: string): string | null {
  let url: URL;
  try { url = new URL(given); } catch { return null; }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  return url.origin;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** §6.1 "same issuer": equal, or differing only in the loopback name. */
export function sameIssuer(given: string, issuer: string): boolean {
  const a = issuerOrigin(given);
  const b = issuerOrigin(issuer);
  if (!a || !b) return false;
  if (a === b) return true;
  const ua = new URL(a), ub = new URL(b);
  return ua.protocol === ub.protocol && ua.port === ub.port && LOOPBACK.has(ua.hostname) && LOOPBACK.has(ub.hostname);
}

const REASONS = new Set(["lost", "stolen", "misissued", "item-destroyed", "superseded", "other"]);
const STATES = new Set(["active", "retired", "revoked"]);

/** §4 and §5 step 4. Throws Malformed. */
function checkContent(c: Record<string, unknown>): void {
  for (const member of ["type", "version", "issuer", "sequence", "issuedAt", "staleAfter", "keys", "districts",
    "products", "giTags", "sellers", "artisans", "suspendedArtisans", "giWithdrawn", "revoked"])
    if (!has(c, member)) fail(`${member} missing`);
  string(c.issuer, "issuer");
  if (!isNormalOrigin(c.issuer as string)) fail("issuer is not an origin in normal form");
  integer(c.sequence, "sequence");
  integer(c.issuedAt, "issuedAt");
  integer(c.staleAfter, "staleAfter");

  const keys = array(c.keys, "keys").map((k, i) => {
    if (!k || typeof k !== "object" || Array.isArray(k)) return fail(`keys[${i}] is not an object`);
    const key = k as Record<string, unknown>;
    for (const m of ["kid", "x", "state", "notBefore", "retiredAt", "revokedAt", "compromisedAt"])
      if (!has(key, m)) fail(`keys[${i}].${m} missing`);
    const x = string(key.x, `keys[${i}].x`);
    const publicKey = canonicalX(x);
    if (!publicKey || !isPrimeOrderKey(publicKey)) fail(`keys[${i}].x is not a canonical key of prime order`);
    if (string(key.kid, `keys[${i}].kid`) !== kidOf(x)) fail(`keys[${i}].kid is not the thumbprint of x`);
    if (!STATES.has(string(key.state, `keys[${i}].state`))) fail(`keys[${i}].state unknown`);
    integer(key.notBefore, `keys[${i}].notBefore`);
    intOrNull(key.retiredAt, `keys[${i}].retiredAt`);
    intOrNull(key.revokedAt, `keys[${i}].revokedAt`);
    const compromisedAt = intOrNull(key.compromisedAt, `keys[${i}].compromisedAt`);
    if (key.state === "revoked" && compromisedAt === null) fail(`keys[${i}] is revoked with no compromisedAt`);
    return key;
  });
  unique(keys.map((k) => k.kid), "keys");
  if (keys.filter((k) => k.state === "active").length !== 1) fail("not exactly one active key");

  const districts = array(c.districts, "districts").map((d, i) => {
    const t = tuple(d, 2, `districts[${i}]`);
    string(t[1], `districts[${i}] name`);
    return integer(t[0], `districts[${i}] code`);
  });
  unique(districts, "districts");
  const products = array(c.products, "products").map((p, i) => {
    const t = tuple(p, 3, `products[${i}]`);
    integer(t[1], `products[${i}] district`);
    string(t[2], `products[${i}] name`);
    return integer(t[0], `products[${i}] id`);
  });
  unique(products, "products");
  const giTags = array(c.giTags, "giTags").map((g, i) => {
    const t = tuple(g, 3, `giTags[${i}]`);
    string(t[1], `giTags[${i}] name`);
    strOrNull(t[2], `giTags[${i}] application number`);
    return integer(t[0], `giTags[${i}] id`);
  });
  unique(giTags, "giTags");
  const sellers = array(c.sellers, "sellers");
  sellers.forEach((s, i) => string(s, `sellers[${i}]`));
  array(c.artisans, "artisans").forEach((a, i) => {
    const t = tuple(a, 3, `artisans[${i}]`);
    if (integer(t[0], `artisans[${i}] gap`) < 1) fail(`artisans[${i}] gap below 1`);
    string(t[1], `artisans[${i}] name`);
    const seller = intOrNull(t[2], `artisans[${i}] seller`);
    if (seller !== null && seller >= sellers.length) fail(`artisans[${i}] seller index out of range`);
  });
  const suspended = array(c.suspendedArtisans, "suspendedArtisans").map((s, i) => integer(s, `suspendedArtisans[${i}]`));
  unique(suspended, "suspendedArtisans");
  const withdrawn = array(c.giWithdrawn, "giWithdrawn").map((w, i) => {
    const t = tuple(w, 2, `giWithdrawn[${i}]`);
    integer(t[1], `giWithdrawn[${i}] time`);
    return integer(t[0], `giWithdrawn[${i}] artisan`);
  });
  unique(withdrawn, "giWithdrawn");
  const revoked = array(c.revoked, "revoked").map((r, i) => {
    const t = tuple(r, 3, `revoked[${i}]`);
    if (!isValidSerial(t[0])) fail(`revoked[${i}] serial is not a valid serial`);
    if (!REASONS.has(string(t[1], `revoked[${i}] reason`))) fail(`revoked[${i}] reason unknown`);
    integer(t[2], `revoked[${i}] time`);
    return t[0];
  });
  unique(revoked, "revoked");
}

/** §10.1. Null when absent or of a version this reader does not implement; throws Malformed. */
function readLogMember(value: unknown): LogMember | null {
  if (value === undefined) return null;
  if (!value || typeof value !== "object" || Array.isArray(value)) return fail("log is not an object");
  const log = value as Record<string, unknown>;
  if (log.version !== 1) {
    // A version it does not implement, missing or not an integer alike: ignored, as if absent (§10.1).
    return null;
  }
  for (const m of ["origin", "url", "key", "witnesses", "quorum", "checkpoint"]) if (!has(log, m)) fail(`log.${m} missing`);
  const origin = string(log.origin, "log.origin");
  const url = string(log.url, "log.url");
  let parsed: URL | null = null;
  try { parsed = new URL(url); } catch { /* below */ }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:") || !url.endsWith("/")) fail("log.url is not a URL prefix");
  const logKey = parseVerifierKey(log.key, SIG_ED25519);
  if (!logKey) return fail("log.key is not an Ed25519 verifier key with its derived key id");
  if (logKey.name !== origin) fail("log.key is not named by log.origin");
  const witnesses = array(log.witnesses, "log.witnesses").map((w, i) => {
    const key = parseVerifierKey(w, SIG_COSIGNATURE_V1);
    return key ?? fail(`log.witnesses[${i}] is not a cosignature/v1 verifier key`);
  });
  unique(witnesses.map((w) => w.vkey), "log.witnesses");
  const quorum = integer(log.quorum, "log.quorum");
  if (quorum > witnesses.length) fail("log.quorum above the number of witnesses");
  const trust: LogTrust = { origin, logKey, witnesses, quorum };
  let checkpoint: Checkpoint | null = null;
  let checkpointText: string | null = null;
  if (log.checkpoint !== null) {
    if (typeof log.checkpoint !== "string") return fail("log.checkpoint is not a string");
    if (Buffer.byteLength(log.checkpoint, "utf8") > 64 * 1024) fail("log.checkpoint above 64 KiB");
    checkpointText = log.checkpoint;
    try {
      // Signed by the log and naming its origin; it need not carry the quorum (§10.1: "else the latest").
      checkpoint = verifyCheckpoint(log.checkpoint, { ...trust, quorum: 0 });
    } catch (e) {
      fail(`log.checkpoint: ${(e as Error).message}`);
    }
  }
  return { version: 1, origin, url, trust, checkpoint, checkpointText };
}

/** §10.2. Null when absent; throws Malformed. */
function readMonthlyCapacities(value: unknown): Map<number, number> | null {
  if (value === undefined) return null;
  const out = new Map<number, number>();
  let previous = -1;
  array(value, "monthlyCapacities").forEach((entry, i) => {
    const t = tuple(entry, 2, `monthlyCapacities[${i}]`);
    const id = integer(t[0], `monthlyCapacities[${i}] artisan`);
    const capacity = integer(t[1], `monthlyCapacities[${i}] capacity`);
    if (capacity < 1) fail(`monthlyCapacities[${i}] capacity below 1`);
    if (id <= previous) fail("monthlyCapacities not ascending by artisan id");
    previous = id;
    out.set(id, capacity);
  });
  return out;
}

/** §5, steps 1–5, then §10. */
export function openBundle(file: Uint8Array): OpenResult {
  const bytes = Buffer.from(file);
  const error = (error: BundleError, detail: string): OpenResult => ({ ok: false, error, detail });
  // Step 1.
  if (bytes.length < 107 || !bytes.subarray(0, 6).equals(BUNDLE_MAGIC)) return error("bundle-malformed", "not a trust bundle");
  if (bytes[6] !== 0x01) return error("bundle-unsupported-version", `envelope version ${bytes[6]}`);
  const n = bytes.readUInt32BE(39);
  if (bytes.length !== 43 + n + 64) return error("bundle-malformed", "length is not 43 + N + 64");
  // Step 2.
  const signerPublicKey = bytes.subarray(7, 39);
  const message = Buffer.concat([BUNDLE_CONTEXT, bytes.subarray(0, 43 + n)]);
  if (!asliVerify(signerPublicKey, message, bytes.subarray(43 + n)))
    return error("bundle-bad-signature", "the signature does not verify");
  // Step 3.
  let content: Record<string, unknown>;
  try {
    const json = gunzipSync(bytes.subarray(43, 43 + n), { maxOutputLength: MAX_CONTENT });
    content = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch (e) {
    return error("bundle-malformed", `body: ${(e as Error).message}`);
  }
  if (!content || typeof content !== "object" || Array.isArray(content)) return error("bundle-malformed", "content is not an object");
  // Step 4.
  if (content.type !== "asli-trust-bundle") return error("bundle-malformed", "type");
  if (content.version !== 1) {
    return isInteger(content.version)
      ? error("bundle-unsupported-version", `content version ${content.version}`)
      : error("bundle-malformed", "version is not an integer");
  }
  let log: LogMember | null;
  let monthlyCapacities: Map<number, number> | null;
  try {
    checkContent(content);
    log = readLogMember(content.log);
    monthlyCapacities = readMonthlyCapacities(content.monthlyCapacities);
  } catch (e) {
    if (e instanceof Malformed) return error("bundle-malformed", e.message);
    throw e;
  }
  const c = content as unknown as BundleContent;
  // Step 5.
  const x = signerPublicKey.toString("base64url");
  const signer = c.keys.find((k) => k.x === x);
  if (!signer || signer.state === "revoked") return error("bundle-unknown-signer", "the signer is not an active or retired key of the bundle");
  const artisans = new Map<number, { name: string; seller: string | null }>();
  let id = 0;
  for (const [gap, name, seller] of c.artisans) {
    id += gap;
    artisans.set(id, { name, seller: seller === null ? null : c.sellers[seller]! });
  }
  return { ok: true, bundle: { content: c, signer, signerPublicKey: Buffer.from(signerPublicKey), artisans, log, monthlyCapacities } };
}

/** A writer from §2 and §3, for the document's vectors: the content gzipped and signed with `seed`. */
export function writeBundle(content: unknown, seed: Uint8Array): Buffer {
  const body = gzipSync(Buffer.from(JSON.stringify(content), "utf8"));
  const header = Buffer.alloc(43);
  BUNDLE_MAGIC.copy(header, 0);
  header[6] = 0x01;
  publicKeyFromSeed(seed).copy(header, 7);
  header.writeUInt32BE(body.length, 39);
  const signed = Buffer.concat([header, body]);
  return Buffer.concat([signed, signWithSeed(seed, Buffer.concat([BUNDLE_CONTEXT, signed]))]);
}

/** §6: may a newly fetched bundle replace the held one? (`trustNewSigner`: the kid the user named.) */
export function acceptUpdate(held: OpenedBundle, next: OpenedBundle, fetchedFrom: string, trustNewSigner?: string): string | null {
  if (!sameIssuer(fetchedFrom, next.content.issuer)) return "fetched from another issuer";
  if (!sameIssuer(held.content.issuer, next.content.issuer)) return "another issuer";
  if (next.content.sequence < held.content.sequence) return "rollback";
  if (next.content.issuedAt < held.content.issuedAt) return "older";
  const x = next.signerPublicKey.toString("base64url");
  const known = held.content.keys.find((k) => k.x === x && k.state !== "revoked");
  if (!known && trustNewSigner !== next.signer.kid) return "unknown signer";
  return null;
}

export interface OfflineVerdict {
  status: "genuine" | "revoked" | "suspended" | "invalid";
  reason?: TokenReason;
  revocation?: { reason: string; revokedAt: number };
  serial?: string;
  giTag: number | null;
  names?: {
    district: string | null;
    product: string | null;
    giTag: string | null;
    artisan: string | null;
    seller: string | null;
  };
  log?: { index: number; size: number } | null;
}

export function bundleTrustedKeys(bundle: OpenedBundle): TrustedKey[] {
  return bundle.content.keys.map((k) => trustedKey(k.x, k.state, k.compromisedAt)!);
}

/** §7, with the token already taken out of a verify URL. */
export function verifyOffline(bundle: OpenedBundle, token: string): OfflineVerdict {
  const result = verifyToken(token, bundleTrustedKeys(bundle));
  if (!result.ok) return { status: "invalid", reason: result.reason, giTag: null };
  const { claims, key } = result;
  if (keyCompromised(key, claims.issuedAt)) return { status: "invalid", reason: "key-compromised", giTag: null };
  const c = bundle.content;
  const revocation = c.revoked.find(([serial]) => serial === claims.serial);
  const status = revocation ? "revoked" : c.suspendedArtisans.includes(claims.artisanId) ? "suspended" : "genuine";
  const withdrawn = c.giWithdrawn.some(([artisan]) => artisan === claims.artisanId);
  const giTag = withdrawn ? null : claims.giTagId;
  const artisan = bundle.artisans.get(claims.artisanId);
  return {
    status,
    ...(revocation ? { revocation: { reason: revocation[1], revokedAt: revocation[2] } } : {}),
    serial: claims.serial,
    giTag,
    names: {
      district: c.districts.find(([code]) => code === claims.districtCode)?.[1] ?? null,
      product: claims.productId === null ? null : c.products.find(([id]) => id === claims.productId)?.[2] ?? null,
      giTag: giTag === null ? null : c.giTags.find(([id]) => id === giTag)?.[1] ?? null,
      artisan: artisan?.name ?? null,
      seller: artisan?.seller ?? null,
    },
  };
}

/** docs/transparency-log.md §10 with the bundle's log member: is the token's entry in the log? */
export function verifyProofWithBundle(bundle: OpenedBundle, proofText: string, tokenBytes: Uint8Array): { index: number; size: number } {
  if (!bundle.log) throw new Error("the bundle carries no log");
  const checked = verifyTlogProof(proofText, tokenBytes, bundle.log.trust);
  const held = bundle.log.checkpoint;
  if (held && held.size === checked.size && !held.root.equals(checked.root))
    throw new Error("the proof's tree has the bundle checkpoint's size but another root");
  return { index: checked.index, size: checked.size };
}
