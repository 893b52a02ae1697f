// Version 1 of the certificate payload: 27 bytes, big-endian, fixed layout.
// See docs/certificate-format.md. Never change what version 1 means.
import { base32Decode, base32Encode } from "./base32.js";
import { KEY_TAG_LENGTH } from "./keys.js";

export const PAYLOAD_VERSION_1 = 1;
export const PAYLOAD_V1_LENGTH = 27;
export const SERIAL_LENGTH = 8;
/** Issue times count seconds from 2020-01-01T00:00:00Z; a uint32 lasts until 2156. */
export const ISSUE_EPOCH_SECONDS = 1_577_836_800;
const MAX_UINT32 = 0xffff_ffff;
const MAX_UINT16 = 0xffff;

export interface CertificateClaims {
  /** 8 random bytes in base32 (13 characters); also the certificate's id. */
  serial: string;
  /** Unix time in whole seconds. */
  issuedAt: number;
  artisanId: number;
  /** LGD district code. */
  districtCode: number;
  /** ODOP product id in the registry, or null for a craft outside the ODOP list. */
  productId: number | null;
  /** GI tag id in the registry, or null when the item claims no GI. */
  giTagId: number | null;
}

export class PayloadError extends Error {
  override name = "PayloadError";
}

export function serialFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== SERIAL_LENGTH) throw new PayloadError("a serial is 8 bytes");
  return base32Encode(bytes);
}

export function serialToBytes(serial: string): Uint8Array {
  const bytes = base32Decode(serial);
  if (!bytes || bytes.length !== SERIAL_LENGTH || serial !== serial.toUpperCase()) {
    throw new PayloadError("a serial is 13 upper-case base32 characters");
  }
  return bytes;
}

export function isSerial(text: string): boolean {
  try {
    serialToBytes(text);
    return true;
  } catch {
    return false;
  }
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PayloadError(`${name} must be an integer from ${min} to ${max}`);
  }
}

export function encodePayloadV1(claims: CertificateClaims, keyTag: Uint8Array): Uint8Array {
  return writePayloadV1(new Uint8Array(PAYLOAD_V1_LENGTH), claims, keyTag);
}

/**
 * encodePayloadV1 into `out` (27 bytes). `serialBytes`, when the caller has them, are the
 * serial's bytes (`claims.serial` is serialFromBytes of them): a batch draws the bytes and signs
 * the payload in place inside its message, and decoding 10,000 serials back and copying each
 * payload once more was work for nothing.
 */
export function writePayloadV1(out: Uint8Array, claims: CertificateClaims, keyTag: Uint8Array, serialBytes?: Uint8Array): Uint8Array {
  if (keyTag.length !== KEY_TAG_LENGTH) throw new PayloadError("a key tag is 4 bytes");
  if (out.length !== PAYLOAD_V1_LENGTH) throw new PayloadError("a version 1 payload is 27 bytes");
  const issued = claims.issuedAt - ISSUE_EPOCH_SECONDS;
  checkRange("issuedAt", issued, 0, MAX_UINT32);
  checkRange("artisanId", claims.artisanId, 1, MAX_UINT32);
  checkRange("districtCode", claims.districtCode, 1, MAX_UINT16);
  checkRange("productId", claims.productId ?? 0, 0, MAX_UINT16);
  checkRange("giTagId", claims.giTagId ?? 0, 0, MAX_UINT16);

  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out[0] = PAYLOAD_VERSION_1;
  out.set(keyTag, 1);
  if (serialBytes === undefined) serialBytes = serialToBytes(claims.serial);
  else if (serialBytes.length !== SERIAL_LENGTH) throw new PayloadError("a serial is 8 bytes");
  out.set(serialBytes, 5);
  view.setUint32(13, issued);
  view.setUint32(17, claims.artisanId);
  view.setUint16(21, claims.districtCode);
  view.setUint16(23, claims.productId ?? 0);
  view.setUint16(25, claims.giTagId ?? 0);
  return out;
}

/** Reads a payload whose signature has already been checked. */
export function decodePayloadV1(payload: Uint8Array): CertificateClaims {
  if (payload.length !== PAYLOAD_V1_LENGTH || payload[0] !== PAYLOAD_VERSION_1) {
    throw new PayloadError("not a version 1 payload");
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const artisanId = view.getUint32(17);
  const districtCode = view.getUint16(21);
  if (artisanId === 0 || districtCode === 0) throw new PayloadError("artisan and district are required");
  const productId = view.getUint16(23);
  const giTagId = view.getUint16(25);
  return {
    serial: serialFromBytes(payload.slice(5, 13)),
    issuedAt: ISSUE_EPOCH_SECONDS + view.getUint32(13),
    artisanId,
    districtCode,
    productId: productId === 0 ? null : productId,
    giTagId: giTagId === 0 ? null : giTagId,
  };
}
