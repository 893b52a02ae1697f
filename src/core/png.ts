// The one PNG writer, for 1-bit greyscale images: QR codes (qr.png) and tags (tag.png).
// Pure, synchronous and the same on Node and Workers. The pixels are deflated by fflate, a
// small pure-JavaScript zlib (node:zlib is not on Workers; CompressionStream is, but only
// asynchronously): a tag of 1200 x 720 pixels is about 8 KB instead of 108 KB stored.
import { zlibSync } from "fflate";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of bytes[start, end), as PNG chunks carry it (ISO 3309); the image reader checks chunks with it. */
export function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * `dark(x, y)` says whether pixel (x, y) is black. `pixelsPerMetre`, when given, is written as
 * the image's physical resolution (pHYs), so that a tag prints at its real size.
 */
export function encodeBilevelPng(
  width: number,
  height: number,
  dark: (x: number, y: number) => boolean,
  options: { pixelsPerMetre?: number } = {},
): Uint8Array<ArrayBuffer> {
  const rowBytes = Math.ceil(width / 8);
  const raw = new Uint8Array((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1);
    for (let x = 0; x < width; x++) {
      // In 1-bit greyscale a 1 bit is white.
      if (!dark(x, y)) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk("IHDR", header)];
  if (options.pixelsPerMetre !== undefined) {
    const phys = new Uint8Array(9);
    const ppm = Math.round(options.pixelsPerMetre);
    new DataView(phys.buffer).setUint32(0, ppm);
    new DataView(phys.buffer).setUint32(4, ppm);
    phys[8] = 1; // the unit is the metre
    parts.push(chunk("pHYs", phys));
  }
  // Filter type 0 (none) on every row: for bilevel art the other filters only add noise.
  parts.push(chunk("IDAT", zlibSync(raw, { level: 9 })), chunk("IEND", new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
