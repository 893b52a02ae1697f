// The image reader and re-encoder (src/service/images.ts): every PNG colour type, bit depth,
// filter and interlacing decoded exactly as pngjs decodes them; JPEG metadata gone and EXIF
// orientation applied; and, for anything else (random bytes, truncated or mutated files,
// headers that declare huge images, zlib streams that inflate to far more than declared), a
// refusal with a stable code, never an exception and never a large allocation.
import fc from "fast-check";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { decodeImage, inspectImage, reencodeImage, type ImageRefusalCode } from "../../src/service/images.js";
import { PHOTO_LIMITS } from "../../src/service/media.js";
import { exifWith, includesBytes, jpegDeclaring, makeJpeg, makePng, pngBomb, pngChunk, rgba, samplePhoto, type PngSpec } from "../support/images.js";

const CODES: ImageRefusalCode[] = ["image-too-large", "not-an-image", "image-dimensions-too-large", "image-unreadable"];

/** pngjs's reading of a PNG, composed onto white as the service does. */
function reference(png: Uint8Array): Uint8Array {
  const image = PNG.sync.read(Buffer.from(png));
  const out = new Uint8Array(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i++) {
    const a = image.data[4 * i + 3]!;
    for (let k = 0; k < 3; k++) out[4 * i + k] = a === 255 ? image.data[4 * i + k]! : Math.round((image.data[4 * i + k]! * a + 255 * (255 - a)) / 255);
    out[4 * i + 3] = 255;
  }
  return out;
}

const VARIANTS: { colourType: PngSpec["colourType"]; bitDepth: PngSpec["bitDepth"] }[] = [
  ...[1, 2, 4, 8, 16].map((bitDepth) => ({ colourType: 0 as const, bitDepth: bitDepth as PngSpec["bitDepth"] })),
  { colourType: 2, bitDepth: 8 },
  { colourType: 2, bitDepth: 16 },
  ...[1, 2, 4, 8].map((bitDepth) => ({ colourType: 3 as const, bitDepth: bitDepth as PngSpec["bitDepth"] })),
  { colourType: 4, bitDepth: 8 },
  { colourType: 4, bitDepth: 16 },
  { colourType: 6, bitDepth: 8 },
  { colourType: 6, bitDepth: 16 },
];

const pngSpec = fc
  .record({
    variant: fc.constantFrom(...VARIANTS),
    width: fc.integer({ min: 1, max: 19 }),
    height: fc.integer({ min: 1, max: 17 }),
    interlace: fc.boolean(),
    filters: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }),
    seed: fc.integer(),
    withTransparency: fc.boolean(),
  })
  .map(({ variant, width, height, interlace, filters, seed, withTransparency }) => {
    const { colourType, bitDepth } = variant;
    const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
    const max = colourType === 3 ? Math.min(2 ** bitDepth, 5) - 1 : 2 ** bitDepth - 1;
    let state = seed >>> 0;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state);
    const samples = Array.from({ length: width * height * channels }, () => next() % (max + 1));
    const spec: PngSpec = { width, height, colourType, bitDepth, interlace, filters, samples };
    if (colourType === 3) {
      spec.palette = Array.from({ length: max + 1 }, (_, i) => [(i * 53) % 256, (i * 101) % 256, (i * 197) % 256]);
      if (withTransparency) spec.transparency = Uint8Array.from({ length: max + 1 }, (_, i) => (i * 77) % 256);
    } else if (withTransparency && colourType === 0) spec.transparency = Uint8Array.of(samples[0]! >> 8, samples[0]! & 255);
    else if (withTransparency && colourType === 2) spec.transparency = Uint8Array.from([0, 1, 2].flatMap((k) => [samples[k]! >> 8, samples[k]! & 255]));
    return spec;
  });

describe("reading PNG", () => {
  it("decodes every colour type, bit depth, filter and interlacing as pngjs does", () => {
    fc.assert(
      fc.property(pngSpec, (spec) => {
        const png = makePng(spec);
        const mine = decodeImage(png);
        expect(mine.ok, JSON.stringify(mine)).toBe(true);
        if (!mine.ok) return;
        expect([mine.value.width, mine.value.height]).toEqual([spec.width, spec.height]);
        expect(Buffer.from(mine.value.data).equals(Buffer.from(reference(png)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("drops its metadata chunks and composes transparency onto white", () => {
    const data = rgba(4, 2, (x) => (x < 2 ? [200, 10, 10, 255] : [0, 0, 0, 0]));
    const png = makePng({
      width: 4,
      height: 2,
      colourType: 6,
      bitDepth: 8,
      samples: [...data],
      extra: [pngChunk("tEXt", new TextEncoder().encode("Author\0Secret Name")), pngChunk("eXIf", exifWith(1).subarray(6))],
    });
    const out = reencodeImage(png);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.contentType).toBe("image/jpeg");
    expect(includesBytes(out.value.bytes, "Secret Name")).toBe(false);
    expect(includesBytes(out.value.bytes, "GPSLatitude")).toBe(false);
    const decoded = jpeg.decode(out.value.bytes, { useTArray: true });
    // A transparent pixel is white, an opaque one keeps its colour (JPEG is lossy: roughly).
    expect(decoded.data[3 * 4]!).toBeGreaterThan(230);
    expect(decoded.data[0]!).toBeGreaterThan(150);
    expect(decoded.data[1]!).toBeLessThan(80);
  });
});

describe("reading JPEG", () => {
  it("keeps the pixels and nothing else: no EXIF (the GPS note), no comment", () => {
    const photo = samplePhoto(64, 48);
    expect(includesBytes(photo, "GPSLatitude")).toBe(true);
    expect(includesBytes(photo, "Camera serial")).toBe(true);
    const out = reencodeImage(photo);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(includesBytes(out.value.bytes, "GPSLatitude")).toBe(false);
    expect(includesBytes(out.value.bytes, "Camera serial")).toBe(false);
    expect(includesBytes(out.value.bytes, "Exif")).toBe(false);
    expect([out.value.width, out.value.height]).toEqual([64, 48]);
    expect(out.value.source).toEqual({ format: "jpeg", width: 64, height: 48, orientation: 1 });
  });

  it("turns a photo upright as its EXIF orientation says", () => {
    // Stored 40 x 20: red on the left, blue on the right. Orientation 6: turn 90° clockwise to view.
    const stored = rgba(40, 20, (x) => (x < 20 ? [220, 20, 20] : [20, 20, 220]));
    const out = reencodeImage(makeJpeg(40, 20, stored, { exif: exifWith(6) }));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect([out.value.width, out.value.height]).toEqual([20, 40]);
    const upright = jpeg.decode(out.value.bytes, { useTArray: true });
    const at = (x: number, y: number) => [...upright.data.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 3)];
    // After a quarter turn clockwise the left (red) half is at the top.
    expect(at(10, 5)[0]!).toBeGreaterThan(150);
    expect(at(10, 35)[2]!).toBeGreaterThan(150);
  });

  it("scales a large photo down to the longer side asked for", () => {
    const out = reencodeImage(makeJpeg(300, 200, rgba(300, 200, (x, y) => [x % 256, y % 256, 100])), { maxSide: 120 });
    expect(out.ok && [out.value.width, out.value.height]).toEqual([120, 80]);
  });
});

describe("refusing what is not a safe image", () => {
  const refused = (bytes: Uint8Array) => {
    const result = reencodeImage(bytes);
    return result.ok ? "accepted" : result.code;
  };

  it("refuses a file that is not a PNG or JPEG, or too large, by its code", () => {
    expect(refused(new TextEncoder().encode("GIF89a not a photo"))).toBe("not-an-image");
    expect(refused(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBe("not-an-image");
    expect(refused(new Uint8Array(0))).toBe("not-an-image");
    const big = new Uint8Array(PHOTO_LIMITS.maxBytes + 1);
    big.set(samplePhoto());
    expect(refused(big)).toBe("image-too-large");
  });

  it("refuses a decompression bomb by the size its header declares, before decoding it", () => {
    const started = performance.now();
    expect(refused(pngBomb(100_000, 100_000, 1024))).toBe("image-dimensions-too-large");
    expect(refused(pngBomb(4096, 4096, 1024))).toBe("image-dimensions-too-large"); // each side fits, the pixel budget does not
    expect(refused(pngBomb(5000, 10, 1024))).toBe("image-dimensions-too-large");
    expect(refused(jpegDeclaring(65_000, 65_000))).toBe("image-dimensions-too-large");
    expect(refused(jpegDeclaring(4096, 4096))).toBe("image-dimensions-too-large");
    expect(inspectImage(jpegDeclaring(3000, 2000))).toEqual({ ok: true, value: { format: "jpeg", width: 3000, height: 2000, orientation: 1 } });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("stops inflating PNG data as soon as it passes the size the header declared", () => {
    // 100 x 100 grey is 10,100 bytes; this stream inflates to 64 MB.
    const bomb = pngBomb(100, 100, 64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(PHOTO_LIMITS.maxBytes);
    const before = process.memoryUsage().arrayBuffers;
    expect(refused(bomb)).toBe("image-unreadable");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
    expect(refused(pngBomb(100, 100, 100))).toBe("image-unreadable"); // and short data
  });

  it("answers random bytes, and random bytes behind a PNG or JPEG signature, with a refusal", () => {
    const prefixes = [new Uint8Array(0), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), Uint8Array.of(0xff, 0xd8, 0xff)];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 4096 }), (prefix, tail) => {
        const bytes = new Uint8Array(prefix.length + tail.length);
        bytes.set(prefix);
        bytes.set(tail, prefix.length);
        const result = reencodeImage(bytes);
        if (!result.ok) expect(CODES).toContain(result.code);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers every truncation and random damage of real files without throwing", () => {
    const files = [
      samplePhoto(48, 32, 6),
      makeJpeg(24, 24, rgba(24, 24, (x, y) => [x * 10, y * 10, 50])),
      makePng({ width: 13, height: 7, colourType: 2, bitDepth: 8, interlace: true, filters: [0, 1, 2, 3, 4], samples: Array.from({ length: 13 * 7 * 3 }, (_, i) => (i * 37) % 256) }),
      makePng({ width: 9, height: 9, colourType: 3, bitDepth: 4, samples: Array.from({ length: 81 }, (_, i) => i % 3), palette: [[255, 0, 0], [0, 255, 0], [0, 0, 255]] }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        (file, cut, flips) => {
          const damaged = file.slice(0, cut % (file.length + 1));
          for (const [at, value] of flips) if (damaged.length) damaged[at % damaged.length] = value;
          const result = reencodeImage(damaged);
          if (!result.ok) expect(CODES).toContain(result.code);
          else expect(result.value.bytes[0]).toBe(0xff);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("refuses a truncated file rather than guessing the rest", () => {
    const photo = samplePhoto();
    expect(refused(photo.subarray(0, photo.length - 200))).toBe("image-unreadable");
    const png = makePng({ width: 8, height: 8, colourType: 0, bitDepth: 8, samples: Array(64).fill(90) });
    expect(refused(png.subarray(0, png.length - 12))).toBe("image-unreadable"); // no IEND
  });
});
