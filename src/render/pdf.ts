// PDF tags and label sheets. pdf-lib writes the file (objects, cross-references, compression);
// the text is drawn here from HarfBuzz's shaped glyphs (font.ts), because pdf-lib's own text
// path drops the glyph offsets that place Devanagari marks and its bundled fontkit fails on
// Indic text.
//
// The font is embedded as a subset (a CIDFontType2 with Identity encoding, so a glyph id is
// its character code), with a ToUnicode map and, for each left-to-right run, the run's text as
// /ActualText: copy-paste and search give "प्रमाणित", not its glyphs in visual order. The
// Arabic-script font (provenance documents) gets a CID per glyph and text instead, see arabicCid.
// QR symbols are inline 1-bit image masks drawn without interpolation: exact modules at any
// scale and about 300 bytes a label, where vector squares cost several kilobytes. On a label
// sheet the words that labels of the same product, district and GI share are one form
// XObject drawn on each, so a label adds little more than its QR and serial.
import { PDFDocument, PDFName, PDFString, type PDFRef } from "pdf-lib";
import { QUIET_ZONE } from "../core/qr.js";
import type { Face, PlacedGlyph, TagFonts } from "./font.js";
import { ANCHOR_SHIFT, type QrItem, type TagLayout, type TextItem, type Weight } from "./layout.js";

const PT_PER_MM = 72 / 25.4;
/** Each font's resource name and subset tag. */
const FONTS: Record<Face, Record<Weight, { resource: string; tag: string }>> = {
  main: { regular: { resource: "F1", tag: "ASLIAA" }, bold: { resource: "F2", tag: "ASLIBB" } },
  arabic: { regular: { resource: "F3", tag: "ASLICC" }, bold: { resource: "F4", tag: "ASLIDD" } },
};

const num = (v: number) => (Math.round(v * 1000) / 1000).toString();

class EmbeddedFont {
  readonly ref: PDFRef;
  private readonly subset;
  /** Original glyph id -> glyph id in the subset (= the CID written in content streams of the main fonts). */
  private readonly ids = new Map<number, number>();
  /**
   * The Arabic-script fonts' CIDs: one per glyph and text, since one glyph stands for several
   * letters (Naskh draws ب ت ث ن ي on one dotless body, the dots apart), and CIDToGIDMap
   * entries, CID -> glyph id in the subset.
   */
  private readonly byText = new Map<string, number>();
  private readonly cidToGid: number[] = [0];
  private readonly widths = new Map<number, number>();
  private readonly unicode = new Map<number, string>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: TagFonts,
    private readonly weight: Weight,
    private readonly face: Face,
  ) {
    this.ref = doc.context.nextRef();
    this.subset = fonts.font(weight, face).createSubset();
  }

  cid(placed: PlacedGlyph): string {
    if (this.face === "arabic") return this.arabicCid(placed);
    let cid = this.ids.get(placed.id);
    if (cid === undefined) {
      // fontkit's types say boolean; the method returns the glyph's id in the subset.
      cid = this.subset.includeGlyph(placed.id as never) as unknown as number;
      this.ids.set(placed.id, cid);
      this.widths.set(cid, placed.glyph.advanceWidth);
    }
    if (!this.unicode.has(cid)) {
      // A glyph of one character maps to it; a conjunct or ligature to the text of its cluster.
      const mapped = this.fonts.characterOf(this.weight, placed.id, this.face);
      const text = mapped !== undefined ? String.fromCodePoint(mapped) : placed.chars;
      if (text) this.unicode.set(cid, text);
    }
    return cid.toString(16).padStart(4, "0");
  }

  /**
   * An Arabic-script glyph's CID, whose ToUnicode text is its cluster's: the letter with its
   * marks on the glyph drawn first for a cluster, nothing on its dots and marks. Readers take
   * the glyphs of a run drawn left to right as visual order and reverse right-to-left text back
   * into reading order, character by character; so a right-to-left glyph's text is written
   * reversed (marks before their letter, لا as ال) and comes out in reading order.
   */
  private arabicCid(placed: PlacedGlyph): string {
    const text = placed.direction === "rtl" ? [...placed.chars].reverse().join("") : placed.chars;
    const key = `${placed.id}\u0000${text}`;
    let cid = this.byText.get(key);
    if (cid === undefined) {
      // fontkit's types say boolean; the method returns the glyph's id in the subset.
      const gid = this.subset.includeGlyph(placed.id as never) as unknown as number;
      cid = this.cidToGid.length;
      this.cidToGid.push(gid);
      this.byText.set(key, cid);
      this.widths.set(cid, placed.glyph.advanceWidth);
      if (text) this.unicode.set(cid, text);
    }
    return cid.toString(16).padStart(4, "0");
  }


  embed(): void {
    const { context: ctx } = this.doc;
    const font = this.fonts.font(this.weight, this.face);
    const k = 1000 / font.unitsPerEm;
    const name = `${FONTS[this.face][this.weight].tag}+${font.postscriptName}`;
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
        CIDToGIDMap: this.face === "arabic" ? ctx.register(ctx.flateStream(this.cidToGidMap())) : "Identity",
      }),
    );
    const toUnicode = ctx.register(ctx.flateStream(this.toUnicodeCMap()));
    ctx.assign(
      this.ref,
      ctx.obj({ Type: "Font", Subtype: "Type0", BaseFont: name, Encoding: "Identity-H", DescendantFonts: [cidFont], ToUnicode: toUnicode }),
    );
  }

  private cidToGidMap(): Uint8Array {
    const bytes = new Uint8Array(this.cidToGid.length * 2);
    this.cidToGid.forEach((gid, cid) => {
      bytes[cid * 2] = gid >> 8;
      bytes[cid * 2 + 1] = gid & 0xff;
    });
    return bytes;
  }

  private toUnicodeCMap(): string {
    const entries = [...this.unicode].map(([cid, text]) => `<${cid.toString(16).padStart(4, "0")}> <${utf16Hex(text)}>`);
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
  /** The fonts drawn with so far, by resource name; each embedded once, as the subset of its glyphs used. */
  private readonly fonts = new Map<string, EmbeddedFont>();
  /** Form XObjects of the words that labels with the same names share, by their layout. */
  private readonly forms = new Map<string, { name: string; ref: PDFRef }>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly tagFonts: TagFonts,
  ) {}

  private embedded(face: Face, weight: Weight): { resource: string; font: EmbeddedFont } {
    const { resource } = FONTS[face][weight];
    let font = this.fonts.get(resource);
    if (!font) {
      font = new EmbeddedFont(this.doc, this.tagFonts, weight, face);
      this.fonts.set(resource, font);
    }
    return { resource, font };
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
    page.node.set(PDFName.of("Resources"), ctx.obj({ Font: this.fontResources(painter.fonts), XObject: Object.fromEntries(painter.xObjects) }));
    page.node.set(PDFName.of("Contents"), ctx.register(ctx.flateStream(painter.content)));
  }

  private fontResources(used: ReadonlySet<string>) {
    return Object.fromEntries([...used].sort().map((resource) => [resource, this.fonts.get(resource)!.ref]));
  }

  /** @internal The form that draws `items` (millimetres from the top-left of a `width` x `height` box). */
  form(items: TextItem[], width: number, height: number): { name: string; ref: PDFRef } {
    const key = JSON.stringify([width, height, items]);
    let form = this.forms.get(key);
    if (!form) {
      const used = new Set<string>();
      const content = items.map((item) => this.textOps(item, 0, 0, height, used)).join("");
      const ctx = this.doc.context;
      const ref = ctx.register(
        ctx.flateStream(content, {
          Type: "XObject",
          Subtype: "Form",
          BBox: [0, 0, width * PT_PER_MM, height * PT_PER_MM],
          Resources: { Font: this.fontResources(used) },
        }),
      );
      form = { name: `W${this.forms.size + 1}`, ref };
      this.forms.set(key, form);
    }
    return form;
  }

  /**
   * @internal Text as content-stream operators. Glyphs without GPOS offsets go into TJ arrays
   * (with kerning as adjustments); a glyph with an offset (a Devanagari mark) gets its own text
   * matrix, so marks sit exactly where the shaper put them. A line that mixes the main and the
   * Arabic-script fonts switches font (Tf) between their glyphs. `used` collects the fonts' resource names.
   */
  textOps(item: TextItem, left: number, top: number, pageHeight: number, used: Set<string>): string {
    const run = this.tagFonts.shape(item.text, item.weight, !item.variable, item.direction);
    const upm = this.tagFonts.font(item.weight).unitsPerEm;
    const k = item.size / upm;
    let pen = left + item.x - run.advance * k * ANCHOR_SHIFT[item.anchor];
    const baseline = pageHeight - (top + item.y);
    let ops = "BT\n";
    let array = "";
    let positioned = false;
    let current: string | undefined;
    const flush = () => {
      if (array) ops += `[${array}] TJ\n`;
      array = "";
    };
    const moveTo = (x: number, y: number) => {
      flush();
      ops += `1 0 0 1 ${num(x * PT_PER_MM)} ${num(y * PT_PER_MM)} Tm\n`;
    };
    // Each left-to-right run carries its text as /ActualText (Devanagari's glyphs are not in
    // reading order). A right-to-left run carries none: readers (pdftotext, Acrobat) take a
    // run drawn left to right as visual order and reverse its Arabic back into reading order
    // from the glyphs' ToUnicode text; an /ActualText in reading order would come out reversed.
    let segment = 0;
    let remaining = 0;
    let open = false;
    for (const g of run.glyphs) {
      while (remaining === 0 && segment < run.segments.length) {
        if (open) {
          flush();
          ops += "EMC\n";
          open = false;
        }
        const next = run.segments[segment++]!;
        remaining = next.glyphs;
        if (remaining > 0 && next.direction === "ltr") {
          flush();
          ops += `/Span <</ActualText <feff${utf16Hex(next.text)}>>> BDC\n`;
          open = true;
        }
      }
      remaining--;
      const { resource, font } = this.embedded(g.face, item.weight);
      if (resource !== current) {
        flush();
        ops += `/${resource} ${num(item.size * PT_PER_MM)} Tf\n`;
        current = resource;
        used.add(resource);
      }
      const cid = font.cid(g);
      if (g.xOffset !== 0 || g.yOffset !== 0) {
        moveTo(pen + g.xOffset * k, baseline + g.yOffset * k);
        ops += `<${cid}> Tj\n`;
        positioned = false;
      } else {
        if (!positioned) moveTo(pen, baseline);
        positioned = true;
        array += `<${cid}>`;
        const adjust = Math.round(((g.glyph.advanceWidth * g.scale - g.xAdvance) * 1000) / upm);
        if (adjust !== 0) array += `${adjust}`;
      }
      pen += g.xAdvance * k;
    }
    flush();
    return `${ops}${open ? "EMC\n" : ""}ET\n`;
  }

  async save(): Promise<Uint8Array> {
    for (const font of this.fonts.values()) font.embed();
    return this.doc.save({ useObjectStreams: true });
  }
}

/** Draws layouts on one page; coordinates in millimetres from the page's top-left corner. */
export class PagePainter {
  content = "0 g\n";
  readonly xObjects: [string, PDFRef][] = [];
  /** The fonts' resource names that this page's own content draws with. */
  readonly fonts = new Set<string>();
  private readonly named = new Set<string>();

  constructor(
    private readonly pdf: TagPdf,
    private readonly pageHeight: number,
  ) {}

  layout(layout: TagLayout, left = 0, top = 0): void {
    const shared: TextItem[] = [];
    for (const item of layout.items) {
      if (item.kind === "qr") this.qr(item, left, top);
      else if (item.variable) this.text(item, left, top);
      else shared.push(item);
    }
    if (shared.length === 0) return;
    const form = this.pdf.form(shared, layout.width, layout.height);
    if (!this.named.has(form.name)) {
      this.named.add(form.name);
      this.xObjects.push([form.name, form.ref]);
    }
    const x = left * PT_PER_MM;
    const y = (this.pageHeight - top - layout.height) * PT_PER_MM;
    this.content += `q 1 0 0 1 ${num(x)} ${num(y)} cm /${form.name} Do Q\n`;
  }

  /** Text outside the shared forms (serials, page footers). */
  text(item: TextItem, left = 0, top = 0): void {
    this.content += this.pdf.textOps(item, left, top, this.pageHeight, this.fonts);
  }

  /** The symbol as an inline 1-bit image mask: no object per label, exact modules when scaled. */
  private qr(item: QrItem, left: number, top: number): void {
    const { matrix } = item;
    const module = item.side / (matrix.size + 2 * QUIET_ZONE);
    const side = module * matrix.size;
    const x = (left + item.x + module * QUIET_ZONE) * PT_PER_MM;
    const y = (this.pageHeight - (top + item.y + module * QUIET_ZONE) - side) * PT_PER_MM;
    let bits = "";
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col += 8) {
        let byte = 0;
        // In an image mask a 0 sample is painted: dark modules are the 0 bits.
        for (let b = 0; b < 8; b++) if (col + b >= matrix.size || !matrix.dark(col + b, row)) byte |= 0x80 >> b;
        bits += String.fromCharCode(byte);
      }
    }
    const s = num(side * PT_PER_MM);
    this.content += `q ${s} 0 0 ${s} ${num(x)} ${num(y)} cm\nBI /W ${matrix.size} /H ${matrix.size} /IM true /BPC 1 /I false ID ${bits}\nEI Q\n`;
  }
}
