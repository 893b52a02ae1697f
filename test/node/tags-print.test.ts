// Tags that print right, judged from what the renderers draw: the QR keeps its 4-module quiet
// zone (located in the rendered image by jsQR, not taken from the layout's numbers) on every
// size and format and on the label sheet, and no text anywhere is smaller than 5 pt (read
// from the PDF's content streams, the SVG's attributes and the layout every renderer draws).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import jsQR from "jsqr";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TagFonts } from "../../src/render/font.js";
import { layoutTag, TAG_BOXES, type Box, type Measure } from "../../src/render/layout.js";
import { createTagFonts, createTagRenderers } from "../../src/render/renderers.js";
import { A4_3X8, labelSlot } from "../../src/render/sheet.js";
import { svgMeasure, tagSvg } from "../../src/render/svg.js";
import { TAG_SIZES, type TagContent, type TagRenderers } from "../../src/render/types.js";
import { readRendererAssets, readTagFontBytes } from "../../src/runtime/renderers.js";
import { launchChromium } from "../support/browser.js";
import { readDrawing } from "../support/pdf-content.js";

const FIVE_PT_MM = (5 * 25.4) / 72;
const URL_PREFIX = "HTTPS://ASLI.EXAMPLE/V/";
const token = (seed: number) => Array.from({ length: 146 }, (_, i) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[(i * 7 + seed * 13) % 32]).join("");
const tag = (seed: number, fields: Partial<TagContent>): TagContent => ({
  serial: `7SXZKER3OAU${"ABCDEFGH"[seed % 8]}${seed % 10}`,
  verifyUrl: URL_PREFIX + token(seed),
  product: { kind: "product", name: "Banarasi Silk Saree" },
  district: "Varanasi",
  giTag: "Banaras Brocades and Sarees",
  ...fields,
});
/** Short and long names, with and without a GI, a product or a craft (the first three are also rendered). */
const TAGS: TagContent[] = [
  tag(1, {}),
  tag(2, { product: { kind: "product", name: "Carpets" }, district: "Bhadohi", giTag: null }),
  tag(3, { product: { kind: "product", name: "Musical Instruments (Dholak)" }, district: "Gautam Buddha Nagar", giTag: "Varanasi Wooden Lacquerware and Toys" }),
  tag(4, { product: { kind: "craft", name: "Zardozi and aari embroidery on silk" }, district: "Lucknow", giTag: null }),
  tag(5, { product: null, district: "Moradabad", giTag: "Moradabad Metal Craft" }),
];

let fonts: TagFonts;
let renderers: TagRenderers;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), "asli-print-"));

beforeAll(async () => {
  const assets = await readRendererAssets();
  fonts = await createTagFonts(assets);
  renderers = await createTagRenderers(assets);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Gray {
  width: number;
  height: number;
  dark(x: number, y: number): boolean;
}

function gray(png: PNG): Gray {
  return { width: png.width, height: png.height, dark: (x, y) => png.data[(y * png.width + x) * 4]! < 128 };
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(file));
}

/**
 * Finds the QR in a rendered image (jsQR: its corners and version, so its module size) and
 * checks the quiet zone: 4 modules around the symbol lie inside the image and hold no ink.
 * Returns the decoded text.
 */
function checkQuietZone(png: PNG, what: string, region = { x: 0, y: 0, width: png.width, height: png.height }): string {
  const rgba = new Uint8ClampedArray(region.width * region.height * 4);
  for (let y = 0; y < region.height; y++) rgba.set(png.data.subarray(((region.y + y) * png.width + region.x) * 4, ((region.y + y) * png.width + region.x + region.width) * 4), y * region.width * 4);
  const code = jsQR(rgba, region.width, region.height, { inversionAttempts: "dontInvert" });
  expect(code, `${what}: a QR jsQR can find`).not.toBeNull();
  const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl, bottomRightCorner: br } = code!.location;
  const modules = 17 + 4 * code!.version;
  const module = (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(bl.x - tl.x, bl.y - tl.y)) / (2 * modules);
  const left = Math.min(tl.x, bl.x);
  const right = Math.max(tr.x, br.x);
  const top = Math.min(tl.y, tr.y);
  const bottom = Math.max(bl.y, br.y);
  const zone = { left: left - 4 * module, right: right + 4 * module, top: top - 4 * module, bottom: bottom + 4 * module };
  // The quiet zone is on the tag (or label), not cut off by its edge.
  expect(zone.left, `${what}: quiet zone left of the tag's edge`).toBeGreaterThanOrEqual(-1);
  expect(zone.top, `${what}: quiet zone above the tag's edge`).toBeGreaterThanOrEqual(-1);
  expect(zone.right, `${what}: quiet zone beyond the right edge`).toBeLessThanOrEqual(region.width + 1);
  expect(zone.bottom, `${what}: quiet zone beyond the bottom edge`).toBeLessThanOrEqual(region.height + 1);
  const img = gray(png);
  const intruders: string[] = [];
  // One pixel of slack around the symbol for the rasteriser's edge and jsQR's corner estimate.
  for (let y = Math.max(0, Math.floor(zone.top)); y < Math.min(region.height, Math.ceil(zone.bottom)); y++) {
    for (let x = Math.max(0, Math.floor(zone.left)); x < Math.min(region.width, Math.ceil(zone.right)); x++) {
      const inSymbol = x >= left - 1.5 && x <= right + 1.5 && y >= top - 1.5 && y <= bottom + 1.5;
      if (!inSymbol && img.dark(region.x + x, region.y + y)) intruders.push(`${x},${y}`);
    }
  }
  expect(intruders.length, `${what}: ink within 4 modules of the QR (module ${module.toFixed(1)} px), e.g. at ${intruders.slice(0, 3).join(" ")}`).toBe(0);
  return code!.data;
}

describe("the QR's quiet zone, measured on the rendered tag", () => {
  it("holds on PNG tags of both sizes", async () => {
    for (const t of TAGS.slice(0, 3)) {
      for (const size of TAG_SIZES) {
        const png = PNG.sync.read(Buffer.from(await renderers.tagPng(t, size)));
        expect(checkQuietZone(png, `PNG ${size} ${t.serial}`)).toBe(t.verifyUrl);
      }
    }
  });

  it("holds on PDF tags of both sizes, rendered by pdftoppm", async () => {
    for (const t of TAGS.slice(0, 3)) {
      for (const size of TAG_SIZES) {
        const pdf = join(dir, `${size}-${t.serial}.pdf`);
        writeFileSync(pdf, await renderers.tagPdf(t, size));
        execFileSync("pdftoppm", ["-r", "400", "-gray", "-png", "-singlefile", pdf, pdf.replace(/\.pdf$/, "")]);
        expect(checkQuietZone(readPng(pdf.replace(/\.pdf$/, ".png")), `PDF ${size} ${t.serial}`)).toBe(t.verifyUrl);
      }
    }
  });

  it("holds on SVG tags of both sizes, rendered by Chromium", async () => {
    const page = await browser.newPage({ deviceScaleFactor: 6 });
    // The font the SVG names, from the npm package, whatever fonts this machine has.
    const { regular, bold } = readTagFontBytes();
    const face = (bytes: Uint8Array, weight: number) =>
      `@font-face{font-family:'Noto Sans Devanagari';font-weight:${weight};src:url(data:font/ttf;base64,${Buffer.from(bytes).toString("base64")})}`;
    const style = `<style>${face(regular, 400)}${face(bold, 700)}</style>`;
    try {
      for (const t of TAGS.slice(0, 3)) {
        for (const size of TAG_SIZES) {
          await page.setContent(`<!doctype html>${style}<body style="margin:0;background:#fff">${tagSvg(t, size)}</body>`);
          await page.evaluate(() => document.fonts.ready);
          const file = join(dir, `${size}-${t.serial}-svg.png`);
          await page.locator("svg").screenshot({ path: file });
          expect(checkQuietZone(readPng(file), `SVG ${size} ${t.serial}`)).toBe(t.verifyUrl);
        }
      }
    } finally {
      await page.close();
    }
  });

  it("holds on every label of an A4 sheet, rendered by pdftoppm", async () => {
    const tags = Array.from({ length: 24 }, (_, i) => ({ ...TAGS[i % TAGS.length]!, serial: `LABEL${String(i).padStart(8, "0")}`, verifyUrl: URL_PREFIX + token(100 + i) }));
    const pdf = join(dir, "sheet.pdf");
    writeFileSync(pdf, await renderers.labelSheetPdf({ batchId: "B-PRINT", tags }));
    const dpi = 300;
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, "sheet")]);
    const png = readPng(join(dir, "sheet.png"));
    const px = (mm: number) => Math.round((mm * dpi) / 25.4);
    tags.forEach((t, i) => {
      // Each label's own rectangle on the stock: a neighbour's words are not this label's.
      const slot = labelSlot(A4_3X8, i);
      const region = { x: px(slot.left), y: px(slot.top), width: px(A4_3X8.labelWidth), height: px(A4_3X8.labelHeight) };
      expect(checkQuietZone(png, `label ${i + 1}`, region)).toBe(t.verifyUrl);
    });
  });
});

describe("text size", () => {
  it("is at least 5 pt in every text run of every PDF tag and label sheet, footer included", async () => {
    const pdfs = [...TAGS.flatMap((t) => TAG_SIZES.map((size) => renderers.tagPdf(t, size))), renderers.labelSheetPdf({ batchId: "B-SIZES", tags: TAGS })];
    for (const bytes of await Promise.all(pdfs)) {
      const { runs } = await readDrawing(bytes);
      expect(runs.length).toBeGreaterThan(2);
      for (const run of runs) expect(run.size, run.text).toBeGreaterThanOrEqual(5 - 1e-6);
    }
  });

  it("is at least 5 pt in every SVG tag, in the SVG's own units (millimetres)", () => {
    for (const t of TAGS) {
      for (const size of TAG_SIZES) {
        const svg = tagSvg(t, size);
        const box = TAG_BOXES[size];
        // One user unit is one millimetre, and nothing is scaled but the QR's path.
        expect(svg).toContain(`width="${box.width}mm" height="${box.height}mm" viewBox="0 0 ${box.width} ${box.height}"`);
        const sizes = [...svg.matchAll(/<text [^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(sizes.length).toBeGreaterThan(2);
        for (const mm of sizes) expect((mm * 72) / 25.4, `${size} ${t.serial}`).toBeGreaterThanOrEqual(5 - 1e-6);
      }
    }
  });

  it("drops lines rather than shrinking them: on the sticker the Hindi line goes first, then the GI", () => {
    const lines = (t: TagContent) => layoutTag(t, TAG_BOXES.sticker, fonts.measure).items.flatMap((i) => (i.kind === "text" ? [i.text] : []));
    expect(lines(TAGS[1]!)).toEqual([TAGS[1]!.serial, "Carpets · Bhadohi", "असली · प्रमाणित हस्तनिर्मित"]);
    expect(lines(TAGS[0]!)).toEqual([TAGS[0]!.serial, "Banarasi Silk Saree", "Varanasi"]);
    expect(lines({ ...TAGS[0]!, product: { kind: "product", name: "Carpets" } })).toEqual([TAGS[0]!.serial, "Carpets · Varanasi", "GI: Banaras Brocades and…"]);
    // The swing tag keeps every name; a long one wraps, and the state goes before anything else.
    const swing = layoutTag(TAGS[2]!, TAG_BOXES.swing, fonts.measure).items.flatMap((i) => (i.kind === "text" ? [i.text] : []));
    expect(swing.join(" ")).toContain("Gautam Buddha Nagar");
    expect(swing.join(" ")).toContain("Varanasi Wooden Lacquerware and Toys");
  });

  it("holds for any names, in every box and with both measures: text at 5 pt or more, inside the tag, clear of the QR and its quiet zone", () => {
    const label: Box = { width: A4_3X8.labelWidth - 2 * A4_3X8.inset, height: A4_3X8.labelHeight - 2 * A4_3X8.inset };
    const boxes = [TAG_BOXES.swing, TAG_BOXES.sticker, label];
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z ()'&.,-]{0,59}$/);
    fc.assert(
      fc.property(
        fc.record({ product: fc.option(fc.record({ kind: fc.constantFrom("product" as const, "craft" as const), name })), district: name, giTag: fc.option(name), seed: fc.nat(1000) }),
        ({ seed, ...fields }) => {
          const t = tag(seed, fields);
          for (const box of boxes) {
            for (const measure of [fonts.measure, svgMeasure] as Measure[]) {
              const layout = layoutTag(t, box, measure);
              const qr = layout.items.find((i) => i.kind === "qr")!;
              expect(qr.x).toBeGreaterThanOrEqual(0);
              expect(qr.y + qr.side).toBeLessThanOrEqual(box.height + 1e-9);
              for (const item of layout.items) {
                if (item.kind !== "text") continue;
                expect(item.size).toBeGreaterThanOrEqual(FIVE_PT_MM - 1e-9);
                const width = measure(item.text, item.weight) * item.size;
                const x0 = item.anchor === "middle" ? item.x - width / 2 : item.x;
                const [top, bottom] = [item.y - 0.92 * item.size, item.y + 0.4 * item.size];
                expect(x0).toBeGreaterThanOrEqual(-1e-9);
                expect(x0 + width).toBeLessThanOrEqual(box.width + 1e-9);
                expect(bottom).toBeLessThanOrEqual(box.height + 1e-9);
                const clear = x0 >= qr.x + qr.side || top >= qr.y + qr.side - 1e-9;
                expect(clear, `${item.text} beside or under the QR`).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("PNG tags", () => {
  it("are deflated 1-bit images with their resolution recorded, a few kilobytes each", async () => {
    for (const size of TAG_SIZES) {
      const bytes = await renderers.tagPng(TAGS[0]!, size);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const chunks = new Map<string, DataView>();
      for (let o = 8; o < bytes.length; ) {
        const length = view.getUint32(o);
        chunks.set(String.fromCharCode(...bytes.subarray(o + 4, o + 8)), new DataView(bytes.buffer, bytes.byteOffset + o + 8, length));
        o += 12 + length;
      }
      const ihdr = chunks.get("IHDR")!;
      expect([ihdr.getUint8(8), ihdr.getUint8(9)], "bit depth 1, greyscale").toEqual([1, 0]);
      const phys = chunks.get("pHYs")!;
      expect([phys.getUint32(0), phys.getUint32(4), phys.getUint8(8)], "24 px/mm").toEqual([24_000, 24_000, 1]);
      // 109 KB stored; about 8 KB deflated.
      expect(bytes.length, size).toBeLessThan(size === "swing" ? 14_000 : 10_000);
      const file = join(dir, `${size}-size.png`);
      writeFileSync(file, bytes);
      expect(execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file], { encoding: "utf8" }).trim()).toBe(TAGS[0]!.verifyUrl);
    }
  });
});
