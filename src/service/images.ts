// Photos from outside (an artisan's portrait today; the photos attached to buyers' reports
// later): JPEG or PNG in, a fresh JPEG out. Nothing of the upload survives but its pixels: the
// file is decoded and encoded again, so EXIF (GPS position, camera serial, the time), XMP, ICC
// profiles, comments and anything appended to the file are gone. EXIF's orientation is applied
// to the pixels first, so that a phone photo taken upright stays upright.
//
// The order is fixed, and nothing is decoded before the header says it is safe:
//   1. size: at most `maxBytes`;
//   2. kind: by the file's own signature (PNG, JPEG), never by its name or declared type;
//   3. header: the declared width and height, read without decoding, within `maxWidth` x
//      `maxHeight` and the pixel budget `maxPixels` (a decompression bomb declares a huge image
//      in a small file: refused here, before any pixel buffer is allocated);
//   4. decode: PNG by the reader below (zlib through fflate, inflated as a stream that stops as
//      soon as it passes the size the header declared), JPEG by jpeg-js with the same budget;
//   5. downscale to `maxSide`, apply the orientation, encode as JPEG.
// Every refusal is a result with a stable code, never an exception: on Workers this module is
// loaded as a module of its own (src/runtime/worker-renderers.ts), whose classes are not the
// entry's, so the caller turns the code into its own ApiError (src/service/media.ts).
// Pure JavaScript on both runtimes: no node:zlib, no Buffer (see `encodeJpeg`).
import { Unzlib } from "fflate";
import jpeg from "jpeg-js";
import { crc32 } from "../core/png.js";
import { PHOTO_LIMITS } from "./media.js";

export interface ImageLimits {
  /** The file itself. */
  maxBytes: number;
  maxWidth: number;
  maxHeight: number;
  /** width x height as declared: what decoding would allocate, four bytes a pixel. */
  maxPixels: number;
}


export type ImageRefusalCode =
  /** Larger than maxBytes. */
  | "image-too-large"
  /** Neither a PNG nor a JPEG file. */
  | "not-an-image"
  /** Declares more pixels, or a longer side, than the limits allow. */
  | "image-dimensions-too-large"
  /** A PNG or JPEG that is truncated, corrupt, or of a kind this reader does not decode (12-bit, arithmetic-coded, lossless JPEG). */
  | "image-unreadable";

export type ImageFormat = "png" | "jpeg";

/** What the file's header declares, read without decoding it. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  /** EXIF orientation, 1 to 8 (1: as stored). */
  orientation: number;
}

export interface ReencodedImage {
  bytes: Uint8Array;
  contentType: "image/jpeg";
  extension: "jpg";
  /** Of the new image: after the orientation and any downscaling. */
  width: number;
  height: number;
  /** What the upload declared. */
  source: ImageHeader;
}

export type ImageResult<T> = { ok: true; value: T } | { ok: false; code: ImageRefusalCode; detail: string };

export interface ReencodeOptions {
  limits?: ImageLimits;
  /** The longer side of the new image at most: larger images are scaled down. */
  maxSide?: number;
  /** JPEG quality, 1 to 100. */
  quality?: number;
}

class Refused extends Error {
  constructor(
    readonly code: ImageRefusalCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const unreadable = (detail: string) => new Refused("image-unreadable", detail);

/** Steps 1 to 3: what the file is and what it declares, or why it is refused. */
export function inspectImage(bytes: Uint8Array, limits: ImageLimits = PHOTO_LIMITS): ImageResult<ImageHeader> {
  try {
    return { ok: true, value: checkedHeader(bytes, limits) };
  } catch (error) {
    return refusalOf(error);
  }
}

/** Steps 1 to 4: the pixels as stored (RGBA, alpha composed onto white; the orientation not applied). */
export function decodeImage(bytes: Uint8Array, limits: ImageLimits = PHOTO_LIMITS): ImageResult<Raster & { header: ImageHeader }> {
  try {
    const header = checkedHeader(bytes, limits);
    return { ok: true, value: { ...decodeChecked(bytes, header, limits), header } };
  } catch (error) {
    return refusalOf(error);
  }
}

function decodeChecked(bytes: Uint8Array, header: ImageHeader, limits: ImageLimits): Raster {
  const decoded = header.format === "png" ? decodePng(bytes) : decodeJpeg(bytes, limits);
  if (decoded.width !== header.width || decoded.height !== header.height) throw unreadable("the decoded image is not the size its header declares");
  return decoded;
}

/** Steps 1 to 5: the upload as a new JPEG holding its pixels and nothing else. */
export function reencodeImage(bytes: Uint8Array, options: ReencodeOptions = {}): ImageResult<ReencodedImage> {
  const limits = options.limits ?? PHOTO_LIMITS;
  try {
    const header = checkedHeader(bytes, limits);
    const scaled = downscale(decodeChecked(bytes, header, limits), options.maxSide ?? 1600);
    const upright = orient(scaled, header.orientation);
    const out = encodeJpeg(upright, options.quality ?? 82);
    return { ok: true, value: { bytes: out, contentType: "image/jpeg", extension: "jpg", width: upright.width, height: upright.height, source: header } };
  } catch (error) {
    return refusalOf(error);
  }
}

function refusalOf(error: unknown): { ok: false; code: ImageRefusalCode; detail: string } {
  if (error instanceof Refused) return { ok: false, code: error.code, detail: error.detail };
  // Whatever a decoder threw on input it could not read (a RangeError on a malformed length,
  // jpeg-js's own messages): the file's fault, never the service's.
  return { ok: false, code: "image-unreadable", detail: "the image could not be decoded" };
}

function checkedHeader(bytes: Uint8Array, limits: ImageLimits): ImageHeader {
  if (bytes.length > limits.maxBytes) throw new Refused("image-too-large", `the file has ${bytes.length} bytes; at most ${limits.maxBytes} are accepted`);
  const header = isPng(bytes) ? pngHeader(bytes) : isJpeg(bytes) ? jpegHeader(bytes) : null;
  if (!header) throw new Refused("not-an-image", "the file is neither a PNG nor a JPEG image");
  const { width, height } = header;
  if (width > limits.maxWidth || height > limits.maxHeight || width * height > limits.maxPixels) {
    throw new Refused("image-dimensions-too-large", `the image declares ${width} x ${height} pixels; at most ${limits.maxWidth} x ${limits.maxHeight} and ${limits.maxPixels} pixels in all`);
  }
  return header;
}

/** Pixels, four bytes each (RGBA; alpha already composed onto white). */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// PNG (ISO/IEC 15948, W3C PNG 3rd edition): every colour type and bit depth, Adam7 interlacing.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

interface PngChunk {
  type: string;
  data: Uint8Array;
}

/** The chunks in file order, each within the file and with a correct CRC, up to and including IEND. */
function* pngChunks(bytes: Uint8Array): Generator<PngChunk> {
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) throw unreadable("the PNG file ends before its IEND chunk");
    const length = u32(bytes, at);
    if (length > bytes.length - at - 12) throw unreadable("a PNG chunk runs past the end of the file");
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type)) throw unreadable("a PNG chunk has an invalid type");
    const end = at + 8 + length;
    if (crc32(bytes, at + 4, end) !== u32(bytes, end)) throw unreadable(`the PNG chunk ${type} is corrupt (CRC)`);
    yield { type, data: bytes.subarray(at + 8, end) };
    if (type === "IEND") return;
    at = end + 4;
  }
}

interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function readIhdr(data: Uint8Array): PngInfo {
  if (data.length !== 13) throw unreadable("the PNG header (IHDR) has the wrong length");
  const info = { width: u32(data, 0), height: u32(data, 4), bitDepth: data[8]!, colourType: data[9]!, interlaced: data[12] === 1 };
  if (info.width === 0 || info.height === 0 || info.width > 0x7fffffff || info.height > 0x7fffffff) throw unreadable("the PNG header declares an empty or impossible size");
  if (!BIT_DEPTHS[info.colourType]?.includes(info.bitDepth)) throw unreadable("the PNG header declares an invalid colour type or bit depth");
  if (data[10] !== 0 || data[11] !== 0 || data[12]! > 1) throw unreadable("the PNG header declares an unknown compression, filter or interlace method");
  return info;
}

/** IHDR is the first chunk: the size is known before any image data is read. */
function pngHeader(bytes: Uint8Array): ImageHeader {
  const first = pngChunks(bytes).next();
  if (first.done || first.value.type !== "IHDR") throw unreadable("the PNG file does not start with its header (IHDR)");
  const { width, height } = readIhdr(first.value.data);
  return { format: "png", width, height, orientation: 1 };
}

/** The seven passes of Adam7 (x0, y0, dx, dy); one pass of the whole image when not interlaced. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface Pass {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  columns: number;
  rows: number;
  rowBytes: number;
}

function passesOf(info: PngInfo): Pass[] {
  const bitsPerPixel = CHANNELS[info.colourType]! * info.bitDepth;
  const layout = info.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return layout
    .map(([x0, y0, dx, dy]) => {
      const columns = Math.ceil((info.width - x0) / dx);
      const rows = Math.ceil((info.height - y0) / dy);
      return { x0, y0, dx, dy, columns: Math.max(0, columns), rows: Math.max(0, rows), rowBytes: Math.ceil((Math.max(0, columns) * bitsPerPixel) / 8) };
    })
    .filter((p) => p.columns > 0 && p.rows > 0);
}

function decodePng(bytes: Uint8Array): Raster {
  let info: PngInfo | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let sawIend = false;
  for (const chunk of pngChunks(bytes)) {
    if (!info) {
      if (chunk.type !== "IHDR") throw unreadable("the PNG file does not start with its header (IHDR)");
      info = readIhdr(chunk.data);
      continue;
    }
    switch (chunk.type) {
      case "PLTE":
        if (chunk.data.length % 3 !== 0 || chunk.data.length === 0 || chunk.data.length > 768) throw unreadable("the PNG palette has an invalid length");
        palette = chunk.data;
        break;
      case "tRNS":
        transparency = chunk.data;
        break;
      case "IDAT":
        idat.push(chunk.data);
        break;
      case "IEND":
        sawIend = true;
        break;
      case "IHDR":
        throw unreadable("the PNG file has two headers");
      default:
        // Ancillary chunks (text, time, colour profile, EXIF, …) are dropped with the rest of the
        // metadata; an unknown critical chunk (upper-case first letter) changes what the pixels mean.
        if (chunk.type[0]! >= "A" && chunk.type[0]! <= "Z") throw unreadable(`the PNG file has a chunk this reader does not know (${chunk.type})`);
    }
  }
  if (!info || !sawIend) throw unreadable("the PNG file is incomplete");
  if (info.colourType === 3 && !palette) throw unreadable("the PNG image has no palette");
  if (idat.length === 0) throw unreadable("the PNG file has no image data");

  const passes = passesOf(info);
  const expected = passes.reduce((n, p) => n + p.rows * (1 + p.rowBytes), 0);
  const raw = inflateExactly(idat, expected);
  return toRaster(info, passes, raw, palette, transparency);
}

/**
 * Inflates the zlib stream into a buffer of exactly `expected` bytes, the size the header
 * declared. The stream is fed in small slices and refused as soon as it yields more, so a
 * stream that would inflate to gigabytes costs no more than `expected` plus one slice's output.
 */
function inflateExactly(parts: Uint8Array[], expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let length = 0;
  let overflow = false;
  const inflater = new Unzlib((chunk) => {
    if (overflow) return;
    if (length + chunk.length > expected) {
      overflow = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  const SLICE = 4096;
  const total = parts.reduce((n, p) => n + p.length, 0);
  let fed = 0;
  for (const part of parts) {
    for (let at = 0; at < part.length; at += SLICE) {
      const slice = part.subarray(at, Math.min(part.length, at + SLICE));
      fed += slice.length;
      inflater.push(slice, fed === total);
      if (overflow) throw unreadable("the PNG image data is larger than its header declares");
    }
  }
  if (length !== expected) throw unreadable("the PNG image data is shorter than its header declares");
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes each row's filter in place; rows are `1 + rowBytes` bytes, the first the filter type. */
function unfilter(raw: Uint8Array, offset: number, pass: Pass, bytesPerPixel: number): void {
  const stride = pass.rowBytes + 1;
  for (let y = 0; y < pass.rows; y++) {
    const row = offset + y * stride;
    const filter = raw[row]!;
    const prior = y === 0 ? -1 : row - stride;
    for (let i = 1; i <= pass.rowBytes; i++) {
      const left = i > bytesPerPixel ? raw[row + i - bytesPerPixel]! : 0;
      const up = prior < 0 ? 0 : raw[prior + i]!;
      const upLeft = prior < 0 || i <= bytesPerPixel ? 0 : raw[prior + i - bytesPerPixel]!;
      let value = raw[row + i]!;
      switch (filter) {
        case 0:
          break;
        case 1:
          value += left;
          break;
        case 2:
          value += up;
          break;
        case 3:
          value += (left + up) >> 1;
          break;
        case 4:
          value += paeth(left, up, upLeft);
          break;
        default:
          throw unreadable("a PNG row has an unknown filter type");
      }
      raw[row + i] = value & 0xff;
    }
  }
}

/** Composes a colour with its alpha onto white: photos have no transparency, a JPEG cannot hold it. */
const onWhite = (c: number, a: number) => (a === 255 ? c : Math.round((c * a + 255 * (255 - a)) / 255));

function toRaster(info: PngInfo, passes: Pass[], raw: Uint8Array, palette: Uint8Array | undefined, trns: Uint8Array | undefined): Raster {
  const { width, height, bitDepth, colourType } = info;
  const channels = CHANNELS[colourType]!;
  const bytesPerPixel = Math.max(1, (channels * bitDepth) >> 3);
  const data = new Uint8Array(width * height * 4);
  const max = (1 << bitDepth) - 1;
  // The one colour that tRNS makes transparent, for grey and RGB images (compared at full depth).
  const key = trns && colourType === 0 && trns.length >= 2 ? [u16(trns, 0)] : trns && colourType === 2 && trns.length >= 6 ? [u16(trns, 0), u16(trns, 2), u16(trns, 4)] : null;
  let offset = 0;
  for (const pass of passes) {
    unfilter(raw, offset, pass, bytesPerPixel);
    const stride = pass.rowBytes + 1;
    for (let y = 0; y < pass.rows; y++) {
      const row = offset + y * stride + 1;
      const sample = (i: number): number => {
        if (bitDepth === 8) return raw[row + i]!;
        if (bitDepth === 16) return u16(raw, row + 2 * i);
        const bit = i * bitDepth;
        return (raw[row + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & max;
      };
      const to8 = (v: number) => (bitDepth === 8 ? v : Math.round((v * 255) / max));
      for (let x = 0; x < pass.columns; x++) {
        let r: number, g: number, b: number, a = 255;
        const s = x * channels;
        switch (colourType) {
          case 0: {
            const v = sample(s);
            r = g = b = to8(v);
            if (key && v === key[0]) a = 0;
            break;
          }
          case 2: {
            const [vr, vg, vb] = [sample(s), sample(s + 1), sample(s + 2)];
            [r, g, b] = [to8(vr), to8(vg), to8(vb)];
            if (key && vr === key[0] && vg === key[1] && vb === key[2]) a = 0;
            break;
          }
          case 3: {
            const index = sample(s);
            if (3 * index + 2 >= palette!.length) throw unreadable("a PNG pixel names a colour the palette does not have");
            [r, g, b] = [palette![3 * index]!, palette![3 * index + 1]!, palette![3 * index + 2]!];
            if (trns && index < trns.length) a = trns[index]!;
            break;
          }
          case 4:
            r = g = b = to8(sample(s));
            a = to8(sample(s + 1));
            break;
          default:
            [r, g, b, a] = [to8(sample(s)), to8(sample(s + 1)), to8(sample(s + 2)), to8(sample(s + 3))];
        }
        const at = ((pass.y0 + y * pass.dy) * width + pass.x0 + x * pass.dx) * 4;
        data[at] = onWhite(r, a);
        data[at + 1] = onWhite(g, a);
        data[at + 2] = onWhite(b, a);
        data[at + 3] = 255;
      }
    }
    offset += pass.rows * stride;
  }
  return { width, height, data };
}

// ---------------------------------------------------------------------------------------------
// JPEG (ITU-T T.81): the header read here, the pixels by jpeg-js (baseline and progressive).

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Frame markers: C0 baseline, C1 extended, C2 progressive (Huffman, 8-bit) are decoded; the rest are not. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const DECODED_SOF = new Set([0xc0, 0xc1, 0xc2]);
/** A progressive JPEG may split its image into many scans, each a pass over every block: more than this is refused. */
const MAX_SCANS = 64;

/** Walks the marker segments from SOI to the first scan: the frame's size, and EXIF's orientation. */
function jpegHeader(bytes: Uint8Array): ImageHeader {
  let at = 2;
  let frame: { width: number; height: number } | undefined;
  let orientation = 1;
  for (;;) {
    while (at < bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xff) at++; // fill bytes
    if (at + 4 > bytes.length || bytes[at] !== 0xff) throw unreadable("the JPEG file ends or is corrupt before its image data");
    const marker = bytes[at + 1]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) throw unreadable("the JPEG file ends before its image data");
    const length = u16(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) throw unreadable("a JPEG segment runs past the end of the file");
    const segment = bytes.subarray(at + 4, at + 2 + length);
    if (SOF_MARKERS.has(marker)) {
      if (frame) throw unreadable("the JPEG file has more than one frame");
      if (!DECODED_SOF.has(marker)) throw unreadable("this kind of JPEG (lossless, hierarchical or arithmetic-coded) is not read here: save it as an ordinary JPEG");
      if (segment.length < 6 || segment[0] !== 8) throw unreadable("only 8-bit JPEG images are read here");
      frame = { height: u16(segment, 1), width: u16(segment, 3) };
      if (frame.width === 0 || frame.height === 0) throw unreadable("the JPEG frame declares no size");
    } else if (marker === 0xe1) {
      orientation = exifOrientation(segment) ?? orientation;
    } else if (marker === 0xda) {
      if (!frame) throw unreadable("the JPEG image data comes before its frame header");
      break;
    }
    at += 2 + length;
  }
  let scans = 0;
  for (let i = at; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0xda && ++scans > MAX_SCANS) throw unreadable(`the JPEG file has more than ${MAX_SCANS} scans`);
  // The entropy-coded data stuffs every 0xFF it holds, so an end marker is really the end.
  if (!hasEndMarker(bytes, at)) throw unreadable("the JPEG file is truncated (no end marker)");
  return { format: "jpeg", width: frame.width, height: frame.height, orientation };
}

function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

/** Tag 0x0112 of IFD0 in an APP1 "Exif\0\0" segment, or undefined. Every offset is checked against the segment. */
function exifOrientation(segment: Uint8Array): number | undefined {
  if (segment.length < 14 || String.fromCharCode(...segment.subarray(0, 6)) !== "Exif\0\0") return undefined;
  const tiff = segment.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const read16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : undefined);
  const read32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : undefined);
  const ifd = read32(4);
  if (ifd === undefined) return undefined;
  const count = read16(ifd);
  if (count === undefined) return undefined;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + 12 * i;
    if (read16(entry) !== 0x0112) continue;
    const value = read16(entry + 8);
    return value !== undefined && value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

function decodeJpeg(bytes: Uint8Array, limits: ImageLimits): Raster {
  const image = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: limits.maxPixels / 1_000_000,
    // jpeg-js's own ceiling on what it allocates, beside the pixel budget checked before.
    maxMemoryUsageInMB: Math.ceil((limits.maxPixels * 12) / (1024 * 1024)) + 16,
  });
  return { width: image.width, height: image.height, data: image.data };
}

// ---------------------------------------------------------------------------------------------
// Size, orientation, encoding

/** Scales down by averaging the source pixels each new pixel covers (a box filter); never up. */
function downscale(image: Raster, maxSide: number): Raster {
  const { width, height } = image;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  if (scale === 1) return image;
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const spans = (from: number, to: number) => Array.from({ length: to }, (_, i) => [Math.floor((i * from) / to), Math.max(Math.floor((i * from) / to) + 1, Math.floor(((i + 1) * from) / to))] as const);
  const xs = spans(width, w);
  const ys = spans(height, h);
  const data = new Uint8Array(w * h * 4);
  const sum = new Float64Array(w * 3);
  for (let y = 0; y < h; y++) {
    const [y0, y1] = ys[y]!;
    sum.fill(0);
    for (let sy = y0; sy < y1; sy++) {
      const row = sy * width * 4;
      for (let x = 0; x < w; x++) {
        const [x0, x1] = xs[x]!;
        for (let sx = x0; sx < x1; sx++) {
          const p = row + sx * 4;
          sum[3 * x]! += image.data[p]!;
          sum[3 * x + 1]! += image.data[p + 1]!;
          sum[3 * x + 2]! += image.data[p + 2]!;
        }
      }
    }
    for (let x = 0; x < w; x++) {
      const [x0, x1] = xs[x]!;
      const n = (x1 - x0) * (y1 - y0);
      const q = (y * w + x) * 4;
      data[q] = Math.round(sum[3 * x]! / n);
      data[q + 1] = Math.round(sum[3 * x + 1]! / n);
      data[q + 2] = Math.round(sum[3 * x + 2]! / n);
      data[q + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}

/**
 * Turns the stored pixels upright as EXIF orientation `o` says (TIFF 6.0 tag 274): the new
 * image's pixel (x, y) is the stored image's pixel `source(x, y)`.
 */
function orient(image: Raster, o: number): Raster {
  if (o === 1) return image;
  const { width: W, height: H } = image;
  const swap = o >= 5;
  const width = swap ? H : W;
  const height = swap ? W : H;
  const source: (x: number, y: number) => [number, number] = {
    2: (x: number, y: number) => [W - 1 - x, y],
    3: (x: number, y: number) => [W - 1 - x, H - 1 - y],
    4: (x: number, y: number) => [x, H - 1 - y],
    5: (x: number, y: number) => [y, x],
    6: (x: number, y: number) => [y, H - 1 - x],
    7: (x: number, y: number) => [W - 1 - y, H - 1 - x],
    8: (x: number, y: number) => [W - 1 - y, x],
  }[o as 2 | 3 | 4 | 5 | 6 | 7 | 8] as (x: number, y: number) => [number, number];
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = source(x, y);
      const from = (sy * W + sx) * 4;
      const to = (y * width + x) * 4;
      data[to] = image.data[from]!;
      data[to + 1] = image.data[from + 1]!;
      data[to + 2] = image.data[from + 2]!;
      data[to + 3] = 255;
    }
  }
  return { width, height, data };
}

/**
 * A baseline JPEG of the pixels alone: no EXIF, no comment. jpeg-js's encoder ends with
 * `Buffer.from(bytes)` when it runs as CommonJS, which it does in every bundle; Workers have
 * no Buffer, so it is lent one that makes a Uint8Array, for the length of this synchronous call.
 */
function encodeJpeg(image: Raster, quality: number): Uint8Array {
  const global = globalThis as { Buffer?: unknown };
  const lent = global.Buffer === undefined;
  if (lent) global.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
  try {
    const { data } = jpeg.encode({ data: image.data, width: image.width, height: image.height }, quality);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  } finally {
    if (lent) delete global.Buffer;
  }
}

/** The module as the runtimes load it (AppDeps.loadImages). */
export type ImageCodec = { inspectImage: typeof inspectImage; decodeImage: typeof decodeImage; reencodeImage: typeof reencodeImage };
