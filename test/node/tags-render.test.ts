// The tag renderers themselves: Devanagari shaped as HarfBuzz shapes it (read back from the
// PDF, and seen in the PNG), the SVG metrics table, text in the PDF.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, type Font } from "fontkit";
import * as hb from "harfbuzzjs";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { TagFonts } from "../../src/render/font.js";
import { layoutTag, TAG_BOXES } from "../../src/render/layout.js";
import { METRICS } from "../../src/render/metrics.js";
import { createTagFonts, createTagRenderers } from "../../src/render/renderers.js";
import { shape } from "../../src/render/shape.js";
import type { TagContent, TagRenderers } from "../../src/render/types.js";
import { PHRASES, WORDS } from "../../src/render/words.js";
import { readRendererAssets, readTagFontBytes } from "../../src/runtime/renderers.js";
import { readDrawing } from "../support/pdf-content.js";

let fonts: TagFonts;
let renderers: TagRenderers;
beforeAll(async () => {
  const assets = await readRendererAssets();
  fonts = await createTagFonts(assets);
  renderers = await createTagRenderers(assets);
});
const names = (text: string) => fonts.shape(text, "regular").glyphs.map((g) => g.glyph.name);

const TAG: TagContent = {
  serial: "ABCDEFGHIJKL7",
  verifyUrl: `HTTPS://ASLI.EXAMPLE/V/${"A".repeat(146)}`,
  product: { kind: "product", name: "Banarasi Silk Saree" },
  district: "Varanasi",
  giTag: "Banaras Brocades and Sarees",
};
const CRAFT_TAG: TagContent = { ...TAG, product: { kind: "craft", name: "Zardozi embroidery" }, giTag: null };
const SHORT_TAG: TagContent = { ...TAG, product: { kind: "product", name: "Carpets" }, district: "Bhadohi", giTag: null };

describe("Devanagari shaping for PNG and PDF tags", () => {
  it("forms conjuncts, reorders the i-matra, uses nukta forms and places marks", () => {
    // प्र is one conjunct glyph; ि (U+093F) is drawn before ण though it follows it in the text.
    expect(names("प्रमाणित")).toEqual(["uni092A094D0930", "uni092E", "uni093E", "uni093F.10", "uni0923", "uni0924"]);
    // त्प: the half form of त, no visible halant (fontkit's own shaper drew उत्‌पाद).
    expect(names("उत्पाद")).toEqual(["uni0909", "uni0924094D", "uni092A", "uni093E", "uni0926"]);
    // The same word inside a mixed English and Hindi label: each script shaped by its own rules.
    expect(names(WORDS.product).slice(-5)).toEqual(["uni0909", "uni0924094D", "uni092A", "uni093E", "uni0926"]);
    expect(names("शिल्प")).toEqual(["uni093F.08", "uni0936", "uni0932094D", "uni092A"]);
    // ज़ (ज + nukta) becomes the precomposed glyph, the i-matra again first.
    expect(names("ज़िला")).toEqual(["uni093F.10", "uni095B", "uni0932", "uni093E"]);
    // The candrabindu over कु is moved by GPOS, not left at the pen position.
    const marks = fonts.shape("कुँ", "regular").glyphs;
    expect(marks.slice(1).every((g) => g.xAdvance === 0 && g.xOffset !== 0)).toBe(true);
  });

  it("draws in the PDF exactly the glyphs, at exactly the positions, that HarfBuzz gives every string a tag prints", async () => {
    const oracle = new HarfBuzzOracle();
    const sheet = await renderers.labelSheetPdf({ batchId: "B-TEST", tags: [TAG, CRAFT_TAG] });
    const pdfs = [await renderers.tagPdf(TAG, "swing"), await renderers.tagPdf(TAG, "sticker"), await renderers.tagPdf(CRAFT_TAG, "sticker"), await renderers.tagPdf(SHORT_TAG, "sticker"), sheet];
    const seen = new Set<string>();
    for (const pdf of pdfs) {
      const { runs, fonts: embedded } = await readDrawing(pdf);
      for (const run of runs) {
        const weight = /Bold/.test(run.font) ? "bold" : "regular";
        const subset = openFont(embedded.get(run.font)!.program);
        const drawn = run.glyphs.map((g) => glyphKey(subset, g.cid));
        const expected = oracle.shape(run.text, weight);
        expect(drawn, run.text).toEqual(expected.glyphs.map((id) => glyphKey(oracle.outlines[weight], id)));
        // Each glyph's origin: the pen plus HarfBuzz's offsets (what places marks), in points.
        const k = run.size / 1000;
        run.glyphs.forEach((g, i) => {
          expect(g.x - run.glyphs[0]!.x, `${run.text} glyph ${i}`).toBeCloseTo((expected.x[i]! - expected.x[0]!) * k, 1);
          expect(g.y - run.glyphs[0]!.y, `${run.text} glyph ${i}`).toBeCloseTo((expected.y[i]! - expected.y[0]!) * k, 1);
        });
        seen.add(run.text);
      }
    }
    // Every fixed phrase a tag prints was among them, and the names.
    for (const phrase of [WORDS.brand, WORDS.certified, WORDS.certifiedHi, WORDS.product, WORDS.craft, WORDS.district, WORDS.giTag, WORDS.stickerHi]) expect(seen).toContain(phrase);
    for (const name of ["Banarasi Silk Saree", "Varanasi, Uttar Pradesh", TAG.serial, "Zardozi embroidery"]) expect(seen).toContain(name);
  });

  it("draws the PNG's text with the same glyphs as the PDF (compared pixel by pixel with pdftoppm's rendering)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asli-render-"));
    for (const size of ["swing", "sticker"] as const) {
      writeFileSync(join(dir, `${size}.pdf`), await renderers.tagPdf(TAG, size));
      // 24 px/mm, the PNG's resolution.
      execFileSync("pdftoppm", ["-r", String(24 * 25.4), "-gray", "-png", "-singlefile", join(dir, `${size}.pdf`), join(dir, `${size}-pdf`)]);
      const fromPdf = PNG.sync.read(readFileSync(join(dir, `${size}-pdf.png`)));
      const png = PNG.sync.read(Buffer.from(await renderers.tagPng(TAG, size)));
      expect([png.width, png.height]).toEqual([fromPdf.width, fromPdf.height]);
      // The QR is placed on whole pixels in the PNG: compare the words only.
      const qr = layoutTag(TAG, TAG_BOXES[size], fonts.measure).items.find((i) => i.kind === "qr")!;
      const outsideQr = (x: number, y: number) => x < (qr.x + qr.side) * 24 === false || y >= (qr.y + qr.side) * 24 || x < qr.x * 24 || y < qr.y * 24;
      const dark = (img: PNG) => (x: number, y: number) => img.data[(y * img.width + x) * 4]! < 128;
      const misses = (a: (x: number, y: number) => boolean, b: (x: number, y: number) => boolean) => {
        let count = 0;
        for (let y = 0; y < png.height; y++) {
          for (let x = 0; x < png.width; x++) {
            if (!outsideQr(x, y) || !a(x, y)) continue;
            let near = false;
            for (let dy = -2; dy <= 2 && !near; dy++) for (let dx = -2; dx <= 2 && !near; dx++) near = b(Math.min(png.width - 1, Math.max(0, x + dx)), Math.min(png.height - 1, Math.max(0, y + dy)));
            if (!near) count++;
          }
        }
        return count;
      };
      let inked = 0;
      for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (outsideQr(x, y) && dark(png)(x, y)) inked++;
      expect(inked, size).toBeGreaterThan(2000);
      // A halant where the PDF has a conjunct, or a glyph moved by a pixel or three, is hundreds of pixels.
      expect(misses(dark(png), dark(fromPdf)), `${size}: PNG ink the PDF lacks`).toBeLessThan(20);
      expect(misses(dark(fromPdf), dark(png)), `${size}: PDF ink the PNG lacks`).toBeLessThan(20);
    }
  });

  // Debian's fonts-noto-core (.ci/run installs it).
  const ARABIC_FONT = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
  it.skipIf(!existsSync(ARABIC_FONT))("shapes right-to-left text through the same function (Arabic, for shipment documents)", async () => {
    const bytes = new Uint8Array(readFileSync(ARABIC_FONT));
    const { harfbuzz } = await readRendererAssets();
    const { HarfBuzz } = await import("../../src/render/shape.js");
    const font = (await HarfBuzz.instantiate(harfbuzz)).openFont(bytes);
    const text = "شهادة منشأ";
    const ours = shape(font, text, { script: "Arab", direction: "rtl", language: "ar" });
    const reference = new HarfBuzzOracle(bytes).shapeRun(text, "regular");
    expect(ours.map((g) => [g.id, g.xAdvance, g.xOffset, g.yOffset])).toEqual(reference.map((g) => [g.id, g.xAdvance, g.xOffset, g.yOffset]));
    // Visual order: the first glyph drawn (leftmost) is the end of the text.
    expect(ours[0]!.cluster).toBeGreaterThan(ours[ours.length - 1]!.cluster);
  });

  it("keeps the SVG metrics table equal to the font (regenerate with scripts/render-metrics.ts)", () => {
    for (const weight of ["regular", "bold"] as const) {
      for (const phrase of PHRASES) expect(METRICS[weight].phrases[phrase as keyof (typeof METRICS)["regular"]["phrases"]]).toBeCloseTo(fonts.measure(phrase, weight), 3);
      METRICS[weight].ascii.forEach((w, i) => expect(w).toBeCloseTo(fonts.measure(String.fromCharCode(0x20 + i), weight), 3));
    }
  });

  it("writes the PDF's text so that it extracts in logical order, Hindi included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asli-render-"));
    writeFileSync(join(dir, "tag.pdf"), await renderers.tagPdf(TAG, "swing"));
    const text = execFileSync("pdftotext", [join(dir, "tag.pdf"), "-"], { encoding: "utf8" });
    for (const phrase of ["प्रमाणित हस्तनिर्मित", "District · ज़िला", "GI tag · जीआई टैग", "Product · उत्पाद", "ASLI · असली", "ABCDEFGHIJKL7", "Banarasi Silk Saree", "Varanasi"]) {
      expect(text).toContain(phrase);
    }
    expect(execFileSync("pdffonts", [join(dir, "tag.pdf")], { encoding: "utf8" })).toMatch(/NotoSansDevanagari.*CID TrueType.*yes\s+yes\s+yes/);
  });
});

function openFont(bytes: Uint8Array): Font {
  return create(Buffer.from(bytes)) as Font;
}

/** A glyph by what it draws: its outline and advance (a subset renumbers glyphs). */
function glyphKey(font: Font, id: number): string {
  const glyph = font.getGlyph(id);
  return `${glyph.path.toSVG()}|${glyph.advanceWidth}`;
}

/**
 * HarfBuzz through harfbuzzjs's own JavaScript API (not our binding), each script run's
 * segment properties guessed by HarfBuzz: what a browser would shape.
 */
class HarfBuzzOracle {
  readonly outlines: Record<"regular" | "bold", Font>;
  private readonly fonts: Record<"regular" | "bold", hb.Font>;

  constructor(regular?: Uint8Array) {
    const bytes = regular ? { regular, bold: regular } : readTagFontBytes();
    const open = (b: Uint8Array) => new hb.Font(new hb.Face(new hb.Blob(b.slice().buffer), 0));
    this.fonts = { regular: open(bytes.regular), bold: open(bytes.bold) };
    this.outlines = { regular: openFont(bytes.regular), bold: openFont(bytes.bold) };
  }

  shapeRun(text: string, weight: "regular" | "bold") {
    const buffer = new hb.Buffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(this.fonts[weight], buffer);
    const positions = buffer.getGlyphPositions();
    return buffer.getGlyphInfos().map((info, i) => ({ id: info.codepoint, ...positions[i]! }));
  }

  /** Glyph ids and origins (font units) of a line: runs split where the script of a letter changes. */
  shape(text: string, weight: "regular" | "bold"): { glyphs: number[]; x: number[]; y: number[] } {
    const script = (ch: string) => (/[\u0900-\u097f]/.test(ch) ? "Deva" : /[A-Za-z\u00c0-\u024f]/.test(ch) ? "Latn" : undefined);
    const parts: string[] = [];
    let current = "";
    let currentScript: string | undefined;
    for (const ch of text) {
      const s = script(ch);
      if (s && currentScript && s !== currentScript) {
        parts.push(current);
        current = "";
      }
      if (s) currentScript = s;
      current += ch;
    }
    parts.push(current);
    const out = { glyphs: [] as number[], x: [] as number[], y: [] as number[] };
    let pen = 0;
    for (const part of parts) {
      for (const g of this.shapeRun(part, weight)) {
        out.glyphs.push(g.id);
        out.x.push(pen + g.xOffset);
        out.y.push(g.yOffset);
        pen += g.xAdvance;
      }
    }
    return out;
  }
}
