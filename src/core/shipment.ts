// The signed shipment manifest, version 1 (docs/shipment-format.md): a header that names the
// shipment, its exporter, the consignee's country, the sealing time, the item count and the
// RFC 6962 Merkle root over its items, signed with the issuer's Ed25519 key over a message of
// its own ("ASLI-SHIPMENT-V1\0" || header), so that it can never pass for a certificate or a
// trust bundle. Each item is a leaf: its certificate's serial and the SHA-256 of its token's
// bytes, never the token itself, so that the public manifest cannot be used to print tags.
// Pure: the trees come from merkle.ts, the bytes from bytes.ts; the caller supplies the keys.
import { base32Decode } from "./base32.js";
import { concatBytes, fromBase64url, fromHex, fromUtf8, toBase64url, toHex, utf8 } from "./bytes.js";
import { KEY_TAG_LENGTH, type Keyring, type SigningKey, type VerificationKey } from "./keys.js";
import { HASH_SIZE, leafHash, MerkleTree, verifyInclusion } from "./merkle.js";
import { isSerial, serialFromBytes, serialToBytes, SERIAL_LENGTH } from "./payload.js";
import { sha256Sync } from "./sha256.js";
import { webCryptoSign, webCryptoVerify, type Ed25519Verifier } from "./signature.js";
import { TOKEN_V1_LENGTH } from "./token.js";

export const SHIPMENT_FORMAT_VERSION = 1;
/** Domain separation: 17 bytes, "ASLI-SHIPMENT-V1" and a zero byte. */
export const SHIPMENT_SIGNING_CONTEXT_V1 = utf8("ASLI-SHIPMENT-V1\0");
export const SHIPMENT_SIGNATURE_LENGTH = 64;
/** The fixed part of a header: version, key tag, id, sealing time, country, item count, root. */
export const SHIPMENT_HEADER_FIXED_LENGTH = 1 + KEY_TAG_LENGTH + SERIAL_LENGTH + 8 + 2 + 4 + HASH_SIZE;
/** A leaf entry: the certificate's 8 serial bytes and the 32-byte SHA-256 of its token's bytes. */
export const SHIPMENT_ITEM_ENTRY_LENGTH = SERIAL_LENGTH + HASH_SIZE;
/** Bounds a verifier holds the header's texts to (the service writes at most 480 and 256 bytes). */
export const MAX_EXPORTER_BYTES = 1000;
export const MAX_REFERENCE_BYTES = 1000;
/** The manifest file's `type` and its media type. */
export const MANIFEST_TYPE = "asli-shipment-manifest";
export const MANIFEST_MEDIA_TYPE = "application/vnd.asli.shipment-manifest+json";

export interface ShipmentHeader {
  version: 1;
  /** The key tag of the signing key, as in certificate tokens. */
  keyTag: Uint8Array;
  /** The shipment's id: 8 bytes in base32, 13 characters (the serial rules of the token spec §3.1). */
  shipmentId: string;
  /** Unix seconds. */
  sealedAt: number;
  /** ISO 3166-1 alpha-2, upper case. */
  consigneeCountry: string;
  itemCount: number;
  root: Uint8Array;
  /** The exporter as the registry names it. */
  exporter: string;
  /** The exporter's own reference (invoice or order number), or null. */
  reference: string | null;
}

export class ShipmentFormatError extends Error {
  override name = "ShipmentFormatError";
}

const COUNTRY = /^[A-Z]{2}$/;
const MAX_UINT32 = 0xffff_ffff;

export function isCountryCode(text: string): boolean {
  return COUNTRY.test(text);
}

export function encodeShipmentHeader(h: Omit<ShipmentHeader, "version">): Uint8Array {
  if (h.keyTag.length !== KEY_TAG_LENGTH) throw new ShipmentFormatError("a key tag is 4 bytes");
  if (!COUNTRY.test(h.consigneeCountry)) throw new ShipmentFormatError("the country is two letters A-Z");
  if (!Number.isInteger(h.itemCount) || h.itemCount < 1 || h.itemCount > MAX_UINT32) throw new ShipmentFormatError("a shipment has 1 to 2^32-1 items");
  if (!Number.isSafeInteger(h.sealedAt) || h.sealedAt < 0) throw new ShipmentFormatError("the sealing time is unix seconds");
  if (h.root.length !== HASH_SIZE) throw new ShipmentFormatError("the root is 32 bytes");
  const exporter = utf8(h.exporter.normalize("NFC"));
  const reference = utf8((h.reference ?? "").normalize("NFC"));
  if (exporter.length < 1 || exporter.length > MAX_EXPORTER_BYTES) throw new ShipmentFormatError("the exporter is 1 to 1000 bytes of UTF-8");
  if (reference.length > MAX_REFERENCE_BYTES) throw new ShipmentFormatError("the reference is at most 1000 bytes of UTF-8");
  const out = new Uint8Array(SHIPMENT_HEADER_FIXED_LENGTH + 2 + exporter.length + 2 + reference.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = SHIPMENT_FORMAT_VERSION;
  out.set(h.keyTag, at);
  at += KEY_TAG_LENGTH;
  out.set(serialToBytes(h.shipmentId), at);
  at += SERIAL_LENGTH;
  view.setBigUint64(at, BigInt(h.sealedAt));
  at += 8;
  out[at++] = h.consigneeCountry.charCodeAt(0);
  out[at++] = h.consigneeCountry.charCodeAt(1);
  view.setUint32(at, h.itemCount);
  at += 4;
  out.set(h.root, at);
  at += HASH_SIZE;
  view.setUint16(at, exporter.length);
  out.set(exporter, at + 2);
  at += 2 + exporter.length;
  view.setUint16(at, reference.length);
  out.set(reference, at + 2);
  return out;
}

/** Reads a header whose signature has already been checked; throws ShipmentFormatError on any fault. */
export function decodeShipmentHeader(bytes: Uint8Array): ShipmentHeader {
  if (bytes.length < SHIPMENT_HEADER_FIXED_LENGTH + 4) throw new ShipmentFormatError("the header is too short");
  if (bytes[0] !== SHIPMENT_FORMAT_VERSION) throw new ShipmentFormatError("not a version 1 header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 1;
  const keyTag = bytes.slice(at, at + KEY_TAG_LENGTH);
  at += KEY_TAG_LENGTH;
  const shipmentId = serialFromBytes(bytes.slice(at, at + SERIAL_LENGTH));
  at += SERIAL_LENGTH;
  const sealed = view.getBigUint64(at);
  at += 8;
  if (sealed > BigInt(Number.MAX_SAFE_INTEGER)) throw new ShipmentFormatError("the sealing time is out of range");
  const consigneeCountry = String.fromCharCode(bytes[at]!, bytes[at + 1]!);
  at += 2;
  if (!COUNTRY.test(consigneeCountry)) throw new ShipmentFormatError("the country is not two letters A-Z");
  const itemCount = view.getUint32(at);
  at += 4;
  if (itemCount < 1) throw new ShipmentFormatError("a shipment has at least one item");
  const root = bytes.slice(at, at + HASH_SIZE);
  at += HASH_SIZE;
  const text = (max: number, min: number): string => {
    if (at + 2 > bytes.length) throw new ShipmentFormatError("the header is truncated");
    const length = view.getUint16(at);
    at += 2;
    if (length < min || length > max || at + length > bytes.length) throw new ShipmentFormatError("a text of the header has a wrong length");
    const slice = bytes.subarray(at, at + length);
    at += length;
    let value: string;
    try {
      value = fromUtf8(slice);
    } catch {
      throw new ShipmentFormatError("a text of the header is not UTF-8");
    }
    if (value.startsWith("\uFEFF")) throw new ShipmentFormatError("a text of the header starts with a byte-order mark");
    return value;
  };
  const exporter = text(MAX_EXPORTER_BYTES, 1);
  const reference = text(MAX_REFERENCE_BYTES, 0);
  if (at !== bytes.length) throw new ShipmentFormatError("the header has bytes after its last field");
  return { version: 1, keyTag, shipmentId, sealedAt: Number(sealed), consigneeCountry, itemCount, root, exporter, reference: reference === "" ? null : reference };
}

export function shipmentSignedMessage(header: Uint8Array): Uint8Array {
  return concatBytes(SHIPMENT_SIGNING_CONTEXT_V1, header);
}

/** SHA-256 of a token's bytes (its base32 text decoded), as an item's leaf holds it. */
export function tokenDigest(token: string): Uint8Array {
  const bytes = base32Decode(token);
  if (!bytes) throw new ShipmentFormatError("not a token in base32");
  return sha256Sync(bytes);
}

/** The 40 bytes of an item's leaf entry: serial bytes, then the token's SHA-256. */
export function itemEntry(serial: string, tokenSha256: Uint8Array): Uint8Array {
  if (tokenSha256.length !== HASH_SIZE) throw new ShipmentFormatError("a token digest is 32 bytes");
  return concatBytes(serialToBytes(serial), tokenSha256);
}

export interface ManifestItem {
  certificate: string;
  tokenSha256: Uint8Array;
}

/** The RFC 6962 tree over the items, in order. */
export function itemTree(items: readonly ManifestItem[]): MerkleTree {
  return new MerkleTree(items.map((item) => leafHash(itemEntry(item.certificate, item.tokenSha256))));
}

export interface SealInput {
  shipmentId: string;
  sealedAt: number;
  consigneeCountry: string;
  exporter: string;
  reference: string | null;
  items: readonly ManifestItem[];
}

export interface SealedManifest {
  header: Uint8Array;
  signature: Uint8Array;
  tree: MerkleTree;
}

export async function sealManifest(input: SealInput, key: SigningKey): Promise<SealedManifest> {
  const tree = itemTree(input.items);
  const header = encodeShipmentHeader({ ...input, keyTag: key.keyTag, itemCount: input.items.length, root: tree.root() });
  const signature = await webCryptoSign(key, shipmentSignedMessage(header));
  return { header, signature, tree };
}

// ---------------------------------------------------------------------------------------------
// The manifest file (docs/shipment-format.md §5): JSON that carries the signed header and
// signature verbatim, with every item (or one, for a proof of one item) and its inclusion proof.

export interface ManifestFileItem {
  index: number;
  certificate: string;
  /** Hex, 64 digits. */
  tokenSha256: string;
  /** The inclusion proof, base64url hashes, the leaf's sibling first. */
  proof: string[];
}

export interface ManifestFile {
  type: typeof MANIFEST_TYPE;
  version: 1;
  /** Unsigned hints: the service's origin and the shipment's URL. A verifier reads the id from the header. */
  issuer: string;
  url: string;
  /** Unsigned hint: the kid of the signing key; the header's key tag is what a verifier matches. */
  kid: string;
  header: string;
  signature: string;
  items: ManifestFileItem[];
}

export function manifestFile(fields: { issuer: string; url: string; kid: string; header: Uint8Array; signature: Uint8Array }, tree: MerkleTree, items: readonly ManifestItem[], indexes?: readonly number[]): ManifestFile {
  const chosen = indexes ?? items.map((_, i) => i);
  return {
    type: MANIFEST_TYPE,
    version: 1,
    issuer: fields.issuer,
    url: fields.url,
    kid: fields.kid,
    header: toBase64url(fields.header),
    signature: toBase64url(fields.signature),
    items: chosen.map((index) => ({
      index,
      certificate: items[index]!.certificate,
      tokenSha256: toHex(items[index]!.tokenSha256),
      proof: tree.inclusionProof(index).map(toBase64url),
    })),
  };
}

export type ManifestFailure =
  | "manifest-malformed"
  | "unsupported-version"
  | "unknown-key"
  | "bad-signature"
  | "header-malformed"
  | "item-malformed"
  | "proof-invalid"
  | "root-mismatch"
  | "count-mismatch"
  | "duplicate-item";

export class ManifestError extends Error {
  override name = "ManifestError";
  constructor(
    readonly code: ManifestFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedManifestItem {
  index: number;
  certificate: string;
  tokenSha256: Uint8Array;
  proof: Uint8Array[];
}

export interface VerifiedManifest {
  header: ShipmentHeader;
  /** The trusted key whose signature verified; its lifecycle (compromise) is the caller's to judge. */
  key: VerificationKey;
  items: VerifiedManifestItem[];
  /** Every item of the shipment is in the file and they make the signed root. */
  complete: boolean;
}

const B64URL_HASH = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const HEX_HASH = /^[0-9a-f]{64}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;
/** A file is refused before parsing past this: 10,000 items with their proofs are about 7 MB. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const malformed = (message: string) => new ManifestError("manifest-malformed", message);

/**
 * docs/shipment-format.md §6, in its order: the file's shape, the version, the key, the
 * signature, and only then the header's fields and the items, each against the signed root.
 * A file with every item must have them all, in order, once each, making the root; a file with
 * some (a proof of one item) needs each item's proof to lead to the root.
 */
export async function verifyManifest(text: string, keyring: Keyring, verify: Ed25519Verifier = webCryptoVerify): Promise<VerifiedManifest> {
  if (text.length > MAX_MANIFEST_BYTES) throw malformed("the file is larger than a manifest can be");
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch {
    throw malformed("the file is not JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw malformed("the file is not a JSON object");
  const file = value as Record<string, unknown>;
  if (file.type !== MANIFEST_TYPE) throw malformed(`the file's type is not "${MANIFEST_TYPE}"`);
  if (file.version !== SHIPMENT_FORMAT_VERSION) throw new ManifestError("unsupported-version", "this manifest's version is not known to this verifier");
  if (typeof file.header !== "string" || !B64URL.test(file.header) || typeof file.signature !== "string" || !B64URL.test(file.signature)) {
    throw malformed("header and signature are base64url strings");
  }
  if (!Array.isArray(file.items)) throw malformed("items is an array");
  let header: Uint8Array;
  let signature: Uint8Array;
  try {
    header = fromBase64url(file.header);
    signature = fromBase64url(file.signature);
  } catch {
    throw malformed("header and signature are base64url strings");
  }
  if (toBase64url(header) !== file.header || toBase64url(signature) !== file.signature) throw malformed("header and signature are canonical base64url");
  if (signature.length !== SHIPMENT_SIGNATURE_LENGTH) throw malformed("the signature is 64 bytes");
  if (header.length < SHIPMENT_HEADER_FIXED_LENGTH + 4) throw new ManifestError("header-malformed", "the header is too short");
  if (header[0] !== SHIPMENT_FORMAT_VERSION) throw new ManifestError("unsupported-version", "the header's version is not known to this verifier");

  const candidates = keyring.candidates(header.subarray(1, 1 + KEY_TAG_LENGTH));
  if (candidates.length === 0) throw new ManifestError("unknown-key", "the manifest was not signed by a key this verifier trusts");
  const message = shipmentSignedMessage(header);
  let key: VerificationKey | undefined;
  for (const candidate of candidates) {
    if (await verify(candidate, signature, message)) {
      key = candidate;
      break;
    }
  }
  if (!key) throw new ManifestError("bad-signature", "the manifest's signature does not match: it was altered or forged");

  let decoded: ShipmentHeader;
  try {
    decoded = decodeShipmentHeader(header);
  } catch (error) {
    throw new ManifestError("header-malformed", error instanceof Error ? error.message : "the header cannot be read");
  }
  const items = readItems(file.items, decoded);
  const complete = items.length === decoded.itemCount;
  if (complete) {
    if (items.some((item, i) => item.index !== i)) throw new ManifestError("item-malformed", "a complete manifest lists its items in order, from index 0");
    const root = itemTree(items).root();
    if (toHex(root) !== toHex(decoded.root)) throw new ManifestError("root-mismatch", "the items do not make the signed Merkle root");
  }
  for (const item of items) {
    if (!verifyInclusion(item.index, decoded.itemCount, leafHash(itemEntry(item.certificate, item.tokenSha256)), item.proof, decoded.root)) {
      throw new ManifestError("proof-invalid", `the inclusion proof of item ${item.index} (certificate ${item.certificate}) does not lead to the signed root`);
    }
  }
  return { header: decoded, key, items, complete };
}

function readItems(raw: unknown[], header: ShipmentHeader): VerifiedManifestItem[] {
  // A signature alone proves nothing about any item: a file without one is not a manifest.
  if (raw.length === 0) throw new ManifestError("item-malformed", "the file lists no item");
  if (raw.length > header.itemCount) throw new ManifestError("count-mismatch", `the file lists ${raw.length} items where the signed header counts ${header.itemCount}`);
  const seen = new Set<string>();
  const indexes = new Set<number>();
  return raw.map((entry, position) => {
    const where = `item ${position + 1} of the file`;
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new ManifestError("item-malformed", `${where} is not an object`);
    const { index, certificate, tokenSha256, proof } = entry as Record<string, unknown>;
    if (!Number.isSafeInteger(index) || (index as number) < 0 || (index as number) >= header.itemCount) throw new ManifestError("item-malformed", `${where}: index is not in the shipment`);
    if (typeof certificate !== "string" || !isSerial(certificate)) throw new ManifestError("item-malformed", `${where}: certificate is not a certificate id`);
    if (typeof tokenSha256 !== "string" || !HEX_HASH.test(tokenSha256)) throw new ManifestError("item-malformed", `${where}: tokenSha256 is not 64 lower-case hex digits`);
    if (!Array.isArray(proof) || proof.length > 64 || !proof.every((h) => typeof h === "string" && B64URL_HASH.test(h))) {
      throw new ManifestError("item-malformed", `${where}: proof is not a list of base64url hashes`);
    }
    if (seen.has(certificate)) throw new ManifestError("duplicate-item", `certificate ${certificate} is listed twice`);
    if (indexes.has(index as number)) throw new ManifestError("item-malformed", `index ${index} is listed twice`);
    seen.add(certificate);
    indexes.add(index as number);
    return { index: index as number, certificate, tokenSha256: fromHex(tokenSha256), proof: (proof as string[]).map(fromBase64url) };
  });
}

export type ItemCheck = { belongs: true; index: number } | { belongs: false; reason: "not-listed" | "token-differs" | "not-a-token"; message: string };

/**
 * Whether the certificate whose token this is belongs to the verified shipment: its serial is
 * listed, and the SHA-256 of its bytes is the one the signed tree holds for it. The signature of
 * the token itself is the token spec's to check (an offline verifier does both).
 */
export function checkItem(manifest: VerifiedManifest, token: string): ItemCheck {
  const bytes = token.length === TOKEN_V1_LENGTH ? base32Decode(token) : null;
  if (!bytes) return { belongs: false, reason: "not-a-token", message: "this is not an Asli certificate token" };
  const serial = serialFromBytes(bytes.slice(5, 5 + SERIAL_LENGTH));
  const item = manifest.items.find((i) => i.certificate === serial);
  if (!item) {
    return manifest.complete
      ? { belongs: false, reason: "not-listed", message: `certificate ${serial} is not in this shipment` }
      : { belongs: false, reason: "not-listed", message: `certificate ${serial} is not among the items of this file` };
  }
  if (toHex(sha256Sync(bytes)) !== toHex(item.tokenSha256)) {
    return { belongs: false, reason: "token-differs", message: `the shipment lists certificate ${serial} with another token: this tag is not the one that was shipped` };
  }
  return { belongs: true, index: item.index };
}

// ---------------------------------------------------------------------------------------------
// The shipment's URL: HTTPS://HOST/S/ID, all upper case, so that the QR stays alphanumeric.

export function shipmentUrl(baseUrl: string, id: string): string {
  return `${new URL(baseUrl).origin.toUpperCase()}/S/${id}`;
}

const SHIPMENT_URL = /^https?:\/\/[^/?#\s]+\/s\/([A-Za-z2-7]{13})\/?(?:[?#][\s\S]*)?$/i;

/** The shipment id in a shipment URL (any case, a query or fragment ignored), or null. */
export function shipmentIdFromUrl(text: string): string | null {
  const match = SHIPMENT_URL.exec(text.trim());
  if (!match) return null;
  const id = match[1]!.toUpperCase();
  return isSerial(id) ? id : null;
}
