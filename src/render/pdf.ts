// PDF tags and label sheets. pdf-lib writes the file (objects, cross-references, compression);
// the text is drawn here from fontkit's shaped glyphs, because pdf-lib's own text path drops
// the glyph offsets that place Devanagari marks and its bundled fontkit fails on Indic text.
//
// The font is embedded as a subset (a CIDFontType2 with Identity encoding, so a glyph id is
// its character code), with a ToUnicode map and, for each run, the run's text as
// /ActualText: copy-paste and search give "प्रमाणित", not its glyphs in visual order.
// QR symbols are 1-bit image masks drawn without interpolation: exact modules at any scale
// and about 300 bytes a label, where vector squares cost several kilobytes.
import { PDFDocument, PDFName, PDFString, type PDFRef } from "pdf-lib";
import type { QrMatrix } from "../core/qr.js";
import { QUIET_ZONE } from "../core/qr.js";
import type { TagFonts } from "./font.js";
import type { QrItem, TagLayout, TextItem, Weight } from "./layout.js";

const PT_PER_MM = 72 / 25.4;
const FONT_RESOURCE: Record<Weight, string> = { regular: "F1", bold: "F2" };

const num = (v: number) => (Math.round(v * 1000) / 1000).toString();

class EmbeddedFont {
  readonly ref: PDFRef;
  private readonly subset;
  /** Original glyph id -> glyph id in the subset (= the CID written in content streams). */
  private readonly ids = new Map<number, number>();
  private readonly widths = new Map<number, number>();
  private readonly unicode = new Map<number, number[]>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: TagFonts,
    private readonly weight: Weight,
  ) {
    this.ref = doc.context.nextRef();
    this.subset = fonts.font(weight).createSubset();
  }

  cid(glyph: { id: number; advanceWidth: number; codePoints: number[] }): string {
    let cid = this.ids.get(glyph.id);
    if (cid === undefined) {
      // fontkit's types say boolean; the method returns the glyph's id in the subset.
      cid = this.subset.includeGlyph(glyph.id as never) as unknown as number;
      this.ids.set(glyph.id, cid);
      this.widths.set(cid, glyph.advanceWidth);
      if (glyph.codePoints.length) this.unicode.set(cid, glyph.codePoints);
    }
    return cid.toString(16).padStart(4, "0");
  }

  embed(): void {
    const { context: ctx } = this.doc;
    const font = this.fonts.font(this.weight);
    const k = 1000 / font.unitsPerEm;
    const name = `${this.weight === "bold" ? "ASLIBB" : "ASLIAA"}+${font.postscriptName}`;
    const ttf = this.subset.encode();
    const file = ctx.register(ctx.flateStream(ttf, { Length1: ttf.length }));
    const descriptor = ctx.register(
      ctx.obj({
        Type: "FontDescriptor",
        FontName: name,
        Flags: 4,
        FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => Math.round(v * k)),
        ItalicAngle: 0,
        Ascent: Math.round(font.ascent * k),
        Descent: Math.round(font.descent * k),
        CapHeight: Math.round(font.capHeight * k),
        StemV: this.weight === "bold" ? 140 : 80,
        FontFile2: file,
      }),
    );
    const widths: (number | number[])[] = [];
    for (const [cid, width] of [...this.widths].sort((a, b) => a[0] - b[0])) widths.push(cid, [Math.round(width * k)]);
    const cidFont = ctx.register(
      ctx.obj({
        Type: "Font",
        Subtype: "CIDFontType2",
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
        FontDescriptor: descriptor,
        W: widths,
        CIDToGIDMap: "Identity",
      }),
    );
    const toUnicode = ctx.register(ctx.flateStream(this.toUnicodeCMap()));
    ctx.assign(
      this.ref,
      ctx.obj({ Type: "Font", Subtype: "Type0", BaseFont: name, Encoding: "Identity-H", DescendantFonts: [cidFont], ToUnicode: toUnicode }),
    );
  }

  private toUnicodeCMap(): string {
    const entries = [...this.unicode].map(([cid, cps]) => `<${cid.toString(16).padStart(4, "0")}> <${utf16Hex(String.fromCodePoint(...cps))}>`);
    let body = "";
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      body += `${chunk.length} beginbfchar\n${chunk.join("\n")}\nendbfchar\n`;
    }
    return (
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
      "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n" +
      body +
      "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    );
  }
}

function utf16Hex(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/** A PDF of tag layouts: pages of any size, each drawing any number of layouts. */
export class TagPdf {
  private readonly fonts: Record<Weight, EmbeddedFont>;
  private images = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly tagFonts: TagFonts,
  ) {
    this.fonts = { regular: new EmbeddedFont(doc, tagFonts, "regular"), bold: new EmbeddedFont(doc, tagFonts, "bold") };
  }

  static async create(tagFonts: TagFonts, title: string): Promise<TagPdf> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(title);
    doc.setProducer("Asli");
    doc.setCreator("Asli");
    return new TagPdf(doc, tagFonts);
  }

  /** A page `width` x `height` mm; `draw` adds content through the page's painter. */
  addPage(width: number, height: number, draw: (page: PagePainter) => void): void {
    const painter = new PagePainter(this, height);
    draw(painter);
    const ctx = this.doc.context;
    const page = this.doc.addPage([width * PT_PER_MM, height * PT_PER_MM]);
    page.node.set(
      PDFName.of("Resources"),
      ctx.obj({ Font: { F1: this.fonts.regular.ref, F2: this.fonts.bold.ref }, XObject: Object.fromEntries(painter.xObjects) }),
    );
    page.node.set(PDFName.of("Contents"), ctx.register(ctx.flateStream(painter.content)));
  }

  /** @internal */
  qrImage(matrix: QrMatrix): { name: string; ref: PDFRef } {
    const rowBytes = Math.ceil(matrix.size / 8);
    const bits = new Uint8Array(rowBytes * matrix.size);
    for (let y = 0; y < matrix.size; y++) {
      for (let x = 0; x < matrix.size; x++) {
        // In an image mask a 0 sample is painted: dark modules are the 0 bits.
        if (!matrix.dark(x, y)) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
    const ctx = this.doc.context;
    const ref = ctx.register(
      ctx.flateStream(bits, {
        Type: "XObject",
        Subtype: "Image",
        Width: matrix.size,
        Height: matrix.size,
        ImageMask: true,
        BitsPerComponent: 1,
        Interpolate: false,
      }),
    );
    return { name: `Q${++this.images}`, ref };
  }

  /** @internal */
  glyphs(weight: Weight, glyph: { id: number; advanceWidth: number; codePoints: number[] }): string {
    return this.fonts[weight].cid(glyph);
  }

  /** @internal */
  shape(text: string, weight: Weight) {
    return this.tagFonts.shape(text, weight);
  }

  /** @internal */
  unitsPerEm(weight: Weight): number {
    return this.tagFonts.font(weight).unitsPerEm;
  }

  async save(): Promise<Uint8Array> {
    this.fonts.regular.embed();
    this.fonts.bold.embed();
    return this.doc.save({ useObjectStreams: true });
  }
}

/** Draws layouts on one page; coordinates in millimetres from the page's top-left corner. */
export class PagePainter {
  content = "0 g\n";
  readonly xObjects: [string, PDFRef][] = [];

  constructor(
    private readonly pdf: TagPdf,
    private readonly pageHeight: number,
  ) {}

  layout(layout: TagLayout, left = 0, top = 0): void {
    for (const item of layout.items) {
      if (item.kind === "qr") this.qr(item, left, top);
      else this.text(item, left, top);
    }
  }

  /** Plain text outside a layout (page numbers, headers). */
  text(item: TextItem, left = 0, top = 0): void {
    const run = this.pdf.shape(item.text, item.weight);
    const k = item.size / this.pdf.unitsPerEm(item.weight);
    let penX = left + item.x - (item.anchor === "middle" ? (run.advance * k) / 2 : 0);
    const baseline = top + item.y;
    const sizePt = num(item.size * PT_PER_MM);
    let ops = `/Span <</ActualText <feff${utf16Hex(item.text)}>>> BDC\nBT /${FONT_RESOURCE[item.weight]} ${sizePt} Tf\n`;
    // One text matrix per glyph keeps GPOS offsets (marks above and below) exact.
    for (const g of run.glyphs) {
      const x = (penX + g.xOffset * k) * PT_PER_MM;
      const y = (this.pageHeight - baseline + g.yOffset * k) * PT_PER_MM;
      ops += `1 0 0 1 ${num(x)} ${num(y)} Tm <${this.pdf.glyphs(item.weight, g.glyph)}> Tj\n`;
      penX += g.xAdvance * k;
    }
    this.content += `${ops}ET EMC\n`;
  }

  private qr(item: QrItem, left: number, top: number): void {
    const { name, ref } = this.pdf.qrImage(item.matrix);
    this.xObjects.push([name, ref]);
    const module = item.side / (item.matrix.size + 2 * QUIET_ZONE);
    const side = module * item.matrix.size;
    const x = (left + item.x + module * QUIET_ZONE) * PT_PER_MM;
    const y = (this.pageHeight - (top + item.y + module * QUIET_ZONE) - side) * PT_PER_MM;
    this.content += `q ${num(side * PT_PER_MM)} 0 0 ${num(side * PT_PER_MM)} ${num(x)} ${num(y)} cm /${name} Do Q\n`;
  }
}
