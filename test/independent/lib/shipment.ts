// A shipment-manifest verifier written from docs/shipment-format.md alone: the header (§3), the
// items' Merkle tree (§4), the signed message (§5), the file (§6), verification in the order of §7,
// and the proof that one tag belongs to the shipment (§7, last paragraphs). Keys are read as
// docs/certificate-format.md §2.4 says (lib/token.ts), from a JWK Set or a trust bundle.
import { verifyWithTrustedKey } from "./ed25519";
import { base32Decode, base32Encode, base64urlStrict, sha256 } from "./encoding";
import { largestPowerOfTwoBelow, leafHash, nodeHash, verifyInclusion } from "./tlog";
import { isValidSerial, keyCompromised, verifyToken, type Claims, type TokenReason, type TrustedKey } from "./token";
import { tokenFromText } from "./verify-url";

export const SHIPMENT_CONTEXT = Buffer.from("ASLI-SHIPMENT-V1\0", "latin1");
export const MANIFEST_TYPE = "asli-shipment-manifest";
export const MANIFEST_MEDIA_TYPE = "application/vnd.asli.shipment-manifest+json";
const MAX_PROOF = 64;

/**
 * The document names only `unknown-key` and `bad-signature`; the other codes are this verifier's
 * (SHIPMENT-NOTES.md). `malformed`: steps 1, 2, 5 and 6; `key-compromised`: section 2's rule,
 * checked once `sealedAt` can be read; `bad-root`: step 7; `bad-proof`: step 8.
 */
export type ManifestError =
  | "malformed"
  | "unsupported-version"
  | "unknown-key"
  | "bad-signature"
  | "key-compromised"
  | "bad-root"
  | "bad-proof";

export interface ShipmentHeader {
  version: 1;
  keyTag: Buffer;
  shipmentIdBytes: Buffer;
  shipmentId: string; // 13 base32 characters
  sealedAt: number;
  consigneeCountry: string;
  itemCount: number;
  root: Buffer;
  exporter: string;
  reference: string | null;
}

export interface ManifestItem {
  index: number;
  certificate: string;
  serialBytes: Buffer;
  tokenSha256: Buffer;
  proof: Buffer[];
}

export interface VerifiedManifest {
  header: ShipmentHeader;
  key: TrustedKey;
  items: ManifestItem[];
  complete: boolean;
}

export type ManifestResult =
  | { ok: true; manifest: VerifiedManifest }
  | { ok: false; error: ManifestError; step: number; detail: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** §3: the header's fields, or the reason it must be rejected. */
export function parseHeader(header: Buffer): ShipmentHeader | string {
  if (header.length < 64) return "shorter than the fixed fields";
  if (header[0] !== 0x01) return "version byte is not 0x01";
  const sealed = header.readBigUInt64BE(13);
  if (sealed > BigInt(Number.MAX_SAFE_INTEGER)) return "sealedAt above 2^53 - 1";
  const country = header.subarray(21, 23).toString("latin1");
  if (!/^[A-Z]{2}$/.test(country)) return "consigneeCountry is not two letters A-Z";
  const itemCount = header.readUInt32BE(23);
  if (itemCount === 0) return "itemCount is 0";
  const text = (at: number, min: number, what: string): { value: string; end: number } | string => {
    if (header.length < at + 2) return `${what} length missing`;
    const length = header.readUInt16BE(at);
    if (length < min || length > 1000) return `${what} length ${length} out of range`;
    const end = at + 2 + length;
    if (header.length < end) return `${what} runs past the header`;
    let value: string;
    try {
      value = utf8.decode(header.subarray(at + 2, end));
    } catch {
      return `${what} is not UTF-8`;
    }
    if (value.startsWith("\ufeff")) return `${what} starts with U+FEFF`;
    return { value, end };
  };
  const exporter = text(59, 1, "exporter");
  if (typeof exporter === "string") return exporter;
  const reference = text(exporter.end, 0, "reference");
  if (typeof reference === "string") return reference;
  if (reference.end !== header.length) return "bytes after the reference";
  const shipmentIdBytes = Buffer.from(header.subarray(5, 13));
  return {
    version: 1,
    keyTag: Buffer.from(header.subarray(1, 5)),
    shipmentIdBytes,
    shipmentId: base32Encode(shipmentIdBytes),
    sealedAt: Number(sealed),
    consigneeCountry: country,
    itemCount,
    root: Buffer.from(header.subarray(27, 59)),
    exporter: exporter.value,
    reference: reference.value === "" ? null : reference.value,
  };
}

/** §3, the other way: the header bytes for these fields (for the tests' own manifests). */
export function encodeHeader(h: Omit<ShipmentHeader, "version" | "shipmentId">): Buffer {
  const exporter = Buffer.from(h.exporter, "utf8");
  const reference = Buffer.from(h.reference ?? "", "utf8");
  const fixed = Buffer.alloc(61);
  fixed[0] = 0x01;
  h.keyTag.copy(fixed, 1);
  h.shipmentIdBytes.copy(fixed, 5);
  fixed.writeBigUInt64BE(BigInt(h.sealedAt), 13);
  fixed.write(h.consigneeCountry, 21, "latin1");
  fixed.writeUInt32BE(h.itemCount, 23);
  h.root.copy(fixed, 27);
  fixed.writeUInt16BE(exporter.length, 59);
  const refLength = Buffer.alloc(2);
  refLength.writeUInt16BE(reference.length);
  return Buffer.concat([fixed, exporter, refLength, reference]);
}

/** §4: entry(i) = serial(i) || tokenSha256(i). */
export const entryOf = (serialBytes: Uint8Array, tokenSha256: Uint8Array) => Buffer.concat([serialBytes, tokenSha256]);

/** RFC 6962 §2.1 MTH over leaf hashes (already `SHA-256(0x00 || entry)`). */
export function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]) over leaf hashes. */
export function auditPath(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k
    ? [...auditPath(m, leaves.slice(0, k)), merkleRoot(leaves.slice(k))]
    : [...auditPath(m - k, leaves.slice(k)), merkleRoot(leaves.slice(0, k))];
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * §7 steps 1–8 over the file's bytes, with the keys the caller trusts (from the JWK Set or the
 * trust bundle). Stops at the first step that fails.
 */
export function verifyManifest(file: Uint8Array | string, keys: TrustedKey[]): ManifestResult {
  const fail = (step: number, error: ManifestError, detail: string): ManifestResult => ({ ok: false, error, step, detail });

  // Step 1.
  let text: string;
  if (typeof file === "string") text = file;
  else {
    try {
      text = utf8.decode(file);
    } catch {
      return fail(1, "malformed", "the file is not UTF-8");
    }
  }
  if (text.startsWith("\ufeff")) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(1, "malformed", "not JSON");
  }
  if (!isPlainObject(json)) return fail(1, "malformed", "not a JSON object");
  if (json.type !== MANIFEST_TYPE) return fail(1, "malformed", "type is not asli-shipment-manifest");
  if (json.version !== 1) {
    return Number.isSafeInteger(json.version)
      ? fail(1, "unsupported-version", `version ${String(json.version)}`)
      : fail(1, "malformed", "version is not an integer");
  }

  // Step 2.
  if (typeof json.header !== "string" || typeof json.signature !== "string")
    return fail(2, "malformed", "header or signature is not a string");
  const header = base64urlStrict(json.header);
  const signature = base64urlStrict(json.signature);
  if (!header || !signature) return fail(2, "malformed", "header or signature is not canonical base64url");
  if (signature.length !== 64) return fail(2, "malformed", "signature is not 64 bytes");
  // The document's step 2 says 65; §3's smallest header is 64 bytes, which the service makes
  // (SHIPMENT-NOTES.md, point 1). §3 is followed here.
  if (header.length < 64) return fail(2, "malformed", "header shorter than 64 bytes");
  if (header[0] !== 0x01) return fail(2, "malformed", "header byte 0 is not 0x01");

  // Step 3.
  const tag = header.subarray(1, 5);
  const candidates = keys.filter((k) => k.tag.equals(tag));
  if (candidates.length === 0) return fail(3, "unknown-key", `no trusted key with tag ${tag.toString("hex")}`);

  // Step 4.
  const message = Buffer.concat([SHIPMENT_CONTEXT, header]);
  const key = candidates.find((k) => verifyWithTrustedKey(k.publicKey, message, signature));
  if (!key) return fail(4, "bad-signature", "no key with that tag verifies the signature");

  // Step 5.
  const parsed = parseHeader(header);
  if (typeof parsed === "string") return fail(5, "malformed", `header: ${parsed}`);
  // Section 2: a revoked key vouches for nothing sealed at or after its compromise.
  if (keyCompromised(key, parsed.sealedAt)) return fail(5, "key-compromised", "sealed at or after the key's compromisedAt");
  const n = parsed.itemCount;

  // Step 6.
  if (!Array.isArray(json.items)) return fail(6, "malformed", "items is not an array");
  if (json.items.length < 1 || json.items.length > n) return fail(6, "malformed", `${json.items.length} items for itemCount ${n}`);
  const items: ManifestItem[] = [];
  const indexes = new Set<number>();
  const certificates = new Set<string>();
  for (const [i, raw] of json.items.entries()) {
    if (!isPlainObject(raw)) return fail(6, "malformed", `items[${i}] is not an object`);
    for (const m of ["index", "certificate", "tokenSha256", "proof"])
      if (!has(raw, m)) return fail(6, "malformed", `items[${i}].${m} missing`);
    const { index, certificate, tokenSha256, proof } = raw;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= n)
      return fail(6, "malformed", `items[${i}].index is not in [0, ${n})`);
    if (!isValidSerial(certificate)) return fail(6, "malformed", `items[${i}].certificate is not a valid serial`);
    if (typeof tokenSha256 !== "string" || !/^[0-9a-f]{64}$/.test(tokenSha256))
      return fail(6, "malformed", `items[${i}].tokenSha256 is not 64 lower-case hex digits`);
    if (!Array.isArray(proof) || proof.length > MAX_PROOF) return fail(6, "malformed", `items[${i}].proof is not a list of at most 64`);
    const hashes: Buffer[] = [];
    for (const p of proof) {
      const hash = typeof p === "string" ? base64urlStrict(p) : null;
      if (!hash || hash.length !== 32) return fail(6, "malformed", `items[${i}].proof holds something other than a 32-byte hash`);
      hashes.push(hash);
    }
    if (indexes.has(index)) return fail(6, "malformed", `index ${index} twice`);
    if (certificates.has(certificate)) return fail(6, "malformed", `certificate ${certificate} twice`);
    indexes.add(index);
    certificates.add(certificate);
    items.push({ index, certificate, serialBytes: base32Decode(certificate, 8)!, tokenSha256: Buffer.from(tokenSha256, "hex"), proof: hashes });
  }

  // Step 7.
  const complete = items.length === n;
  if (complete) {
    if (items.some((item, i) => item.index !== i)) return fail(7, "malformed", "a complete file's items are not in index order");
    const root = merkleRoot(items.map((item) => leafHash(entryOf(item.serialBytes, item.tokenSha256))));
    if (!root.equals(parsed.root)) return fail(7, "bad-root", "the items' Merkle tree hash is not the signed root");
  }

  // Step 8.
  for (const item of items) {
    if (!verifyInclusion(entryOf(item.serialBytes, item.tokenSha256), item.index, n, parsed.root, item.proof))
      return fail(8, "bad-proof", `item ${item.index}'s proof does not lead to the root`);
  }

  return { ok: true, manifest: { header: parsed, key, items, complete } };
}

export type TagProof =
  | { belongs: true; item: ManifestItem; claims: Claims }
  | { belongs: false; why: "not-a-token" | TokenReason | "not-listed" | "different-token" };

/**
 * §7's last step: does the tag (a verify URL or a bare token) belong to this verified shipment?
 * `not-listed`: no item has its serial (for a file of one item, that says nothing of the rest).
 */
export function proveTag(manifest: VerifiedManifest, tag: string, keys: TrustedKey[]): TagProof {
  const token = tokenFromText(tag);
  if (!token) return { belongs: false, why: "not-a-token" };
  const verified = verifyToken(token, keys);
  if (!verified.ok) return { belongs: false, why: verified.reason };
  if (keyCompromised(verified.key, verified.claims.issuedAt)) return { belongs: false, why: "key-compromised" };
  const item = manifest.items.find((i) => i.certificate === verified.claims.serial);
  if (!item) return { belongs: false, why: "not-listed" };
  if (!sha256(verified.bytes).equals(item.tokenSha256)) return { belongs: false, why: "different-token" };
  return { belongs: true, item, claims: verified.claims };
}
