// Image files for tests, written here byte by byte so that every variant the reader must
// handle exists: PNGs of every colour type, bit depth and filter, interlaced or not, with
// metadata chunks; JPEGs with EXIF (orientation, a GPS position) and comments. Pure: both
// test projects use them (the photo upload runs on Node and in workerd).
import { zlibSync } from "fflate";
import jpeg from "jpeg-js";
import { crc32 } from "../../src/core/png.js";

const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function be32(n: number): Uint8Array {
  return Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([ascii(type), data]);
  return concat([be32(data.length), body, be32(crc32(body, 0, body.length))]);
}

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function ihdr(width: number, height: number, bitDepth = 8, colourType = 6, interlace = 0): Uint8Array {
  return pngChunk("IHDR", concat([be32(width), be32(height), Uint8Array.of(bitDepth, colourType, 0, 0, interlace)]));
}

export interface PngSpec {
  width: number;
  height: number;
  colourType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  interlace?: boolean;
  /** Samples per pixel, row-major: channels x width x height values within the bit depth (palette indices for type 3). */
  samples: number[];
  palette?: number[][];
  /** Raw tRNS bytes. */
  transparency?: Uint8Array;
  /** Filter type per row (cycled), 0 to 4. */
  filters?: number[];
  /** Chunks after IHDR, before the image data (tEXt, eXIf, …). */
  extra?: Uint8Array[];
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A PNG as the spec says, with the given filter on each row. */
export function makePng(spec: PngSpec): Uint8Array {
  const channels = CHANNELS[spec.colourType];
  const bpp = Math.max(1, (channels * spec.bitDepth) >> 3);
  const passes = spec.interlace ? ADAM7 : [[0, 0, 1, 1]];
  const rows: Uint8Array[] = [];
  let rowIndex = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.max(0, Math.ceil((spec.width - x0!) / dx!));
    const passRows = Math.max(0, Math.ceil((spec.height - y0!) / dy!));
    if (columns === 0 || passRows === 0) continue;
    const rowBytes = Math.ceil((columns * channels * spec.bitDepth) / 8);
    let prior = new Uint8Array(rowBytes);
    for (let r = 0; r < passRows; r++) {
      const line = new Uint8Array(rowBytes);
      const y = y0! + r * dy!;
      for (let c = 0; c < columns; c++) {
        const x = x0! + c * dx!;
        for (let k = 0; k < channels; k++) {
          const v = spec.samples[(y * spec.width + x) * channels + k]!;
          const i = c * channels + k;
          if (spec.bitDepth === 16) {
            line[2 * i] = v >> 8;
            line[2 * i + 1] = v & 255;
          } else if (spec.bitDepth === 8) line[i] = v;
          else {
            const bit = i * spec.bitDepth;
            line[bit >> 3]! |= v << (8 - spec.bitDepth - (bit & 7));
          }
        }
      }
      const filter = spec.filters ? spec.filters[rowIndex++ % spec.filters.length]! : 0;
      const out = new Uint8Array(rowBytes + 1);
      out[0] = filter;
      for (let i = 0; i < rowBytes; i++) {
        const left = i >= bpp ? line[i - bpp]! : 0;
        const up = r === 0 ? 0 : prior[i]!;
        const upLeft = r === 0 || i < bpp ? 0 : prior[i - bpp]!;
        const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
        out[i + 1] = (line[i]! - predictor) & 255;
      }
      rows.push(out);
      prior = line;
    }
  }
  const chunks = [PNG_SIGNATURE, ihdr(spec.width, spec.height, spec.bitDepth, spec.colourType, spec.interlace ? 1 : 0), ...(spec.extra ?? [])];
  if (spec.palette) chunks.push(pngChunk("PLTE", Uint8Array.from(spec.palette.flat())));
  if (spec.transparency) chunks.push(pngChunk("tRNS", spec.transparency));
  chunks.push(pngChunk("IDAT", zlibSync(concat(rows))), pngChunk("IEND", new Uint8Array(0)));
  return concat(chunks);
}

/** An RGBA picture: each pixel from `colour(x, y)`. */
export function rgba(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number?]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = colour(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return data;
}

/** A TIFF/EXIF block (big-endian) with IFD0 holding the orientation and an ASCII "GPS" note, as a phone's would. */
export function exifWith(orientation: number, note = "GPSLatitude 25.3176 N, 82.9739 E"): Uint8Array {
  const text = ascii(`${note}\0`);
  const entries = 2;
  const ifdSize = 2 + entries * 12 + 4;
  const textOffset = 8 + ifdSize;
  const tiff = new Uint8Array(textOffset + text.length);
  const view = new DataView(tiff.buffer);
  tiff.set(ascii("MM"), 0);
  view.setUint16(2, 42);
  view.setUint32(4, 8);
  view.setUint16(8, entries);
  // 0x010E ImageDescription, ASCII, at textOffset.
  view.setUint16(10, 0x010e);
  view.setUint16(12, 2);
  view.setUint32(14, text.length);
  view.setUint32(18, textOffset);
  // 0x0112 Orientation, SHORT, inline.
  view.setUint16(22, 0x0112);
  view.setUint16(24, 3);
  view.setUint32(26, 1);
  view.setUint16(30, orientation);
  view.setUint32(8 + 2 + entries * 12, 0);
  tiff.set(text, textOffset);
  return concat([ascii("Exif\0\0"), tiff]);
}

/** A JPEG of the picture; with EXIF (APP1) and a comment (COM) when given. */
export function makeJpeg(width: number, height: number, data: Uint8Array, options: { exif?: Uint8Array; comment?: string; quality?: number } = {}): Uint8Array {
  const image = { width, height, data, exifBuffer: options.exif, comments: options.comment ? [options.comment] : undefined };
  // As src/service/images.ts does: jpeg-js wants Buffer.from, which workerd lacks.
  const global = globalThis as { Buffer?: unknown };
  const lent = global.Buffer === undefined;
  if (lent) global.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
  try {
    return new Uint8Array(jpeg.encode(image as Parameters<typeof jpeg.encode>[0], options.quality ?? 90).data);
  } finally {
    if (lent) delete global.Buffer;
  }
}

/** A JPEG whose frame header declares `width` x `height`, with almost no image data: a decompression bomb's shape. */
export function jpegDeclaring(width: number, height: number): Uint8Array {
  const small = makeJpeg(8, 8, rgba(8, 8, () => [128, 128, 128]));
  const out = small.slice();
  for (let i = 2; i + 9 < out.length; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out[i + 5] = height >> 8;
      out[i + 6] = height & 255;
      out[i + 7] = width >> 8;
      out[i + 8] = width & 255;
      return out;
    }
  }
  throw new Error("no SOF0 in the encoded JPEG");
}

/** A PNG that declares `width` x `height` pixels and whose data inflates to `inflated` zero bytes. */
export function pngBomb(width: number, height: number, inflated: number): Uint8Array {
  return concat([PNG_SIGNATURE, ihdr(width, height, 8, 0), pngChunk("IDAT", zlibSync(new Uint8Array(inflated), { level: 9 })), pngChunk("IEND", new Uint8Array(0))]);
}

/** A photo-like JPEG for upload tests: a colour gradient with a phone's EXIF. */
export function samplePhoto(width = 64, height = 48, orientation = 1): Uint8Array {
  return makeJpeg(width, height, rgba(width, height, (x, y) => [(x * 255) / width, (y * 255) / height, 120]), { exif: exifWith(orientation), comment: "Camera serial 12345" });
}

export function includesBytes(haystack: Uint8Array, needle: string): boolean {
  const n = ascii(needle);
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
