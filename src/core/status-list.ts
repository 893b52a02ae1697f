// W3C Bitstring Status List: the bitstring of one list and its `encodedList` text. Position 0 is
// the leftmost bit, the most significant bit of the first byte; the bytes are GZIP-compressed
// (RFC 1952) and written as multibase base64url without padding ("u" prefix).
import { toBase64url } from "./bytes.js";

/** 2^17 bits = 16 KiB: the specification's minimum size, which hides any one entry among 131,072. */
export const STATUS_LIST_LENGTH = 131_072;

export const STATUS_PURPOSES = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

export function statusBitstring(setPositions: Iterable<number>, length = STATUS_LIST_LENGTH): Uint8Array {
  if (length % 8 !== 0) throw new RangeError("a status list is a whole number of bytes");
  const bits = new Uint8Array(length / 8);
  for (const position of setPositions) {
    if (!Number.isInteger(position) || position < 0 || position >= length) throw new RangeError(`status position ${position} is outside the list`);
    bits[position >> 3]! |= 0x80 >> (position & 7);
  }
  return bits;
}

/** The `encodedList` of a BitstringStatusList with these positions set. */
export async function encodeStatusList(setPositions: Iterable<number>, length = STATUS_LIST_LENGTH): Promise<string> {
  const bits = statusBitstring(setPositions, length);
  const gzipped = await new Response(new Blob([bits as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
  return `u${toBase64url(new Uint8Array(gzipped))}`;
}
