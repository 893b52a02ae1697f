// The tag fonts (Noto Sans Devanagari Regular and Bold) for PNG and PDF tags: HarfBuzz shapes
// the text (shape.ts), fontkit supplies what HarfBuzz does not need to: glyph outlines for the
// PNG rasteriser and font subsets for the PDF. Devanagari needs real shaping: conjuncts (प्र,
// त्प), the i-matra drawn before the consonant it follows in memory (ि in प्रमाणित), reph (र्म),
// nukta forms (ज़) and marks placed by GPOS (कुँ). fontkit's own layout engine gets some of
// these wrong (उत्पाद came out with a visible halant), so it is not used for shaping.
import { create, type Font, type Glyph } from "fontkit";
import type { Measure, Weight } from "./layout.js";
import { scriptRuns, shape, type HarfBuzz, type ShapingFont } from "./shape.js";

export interface PlacedGlyph {
  /** Glyph id in the font. */
  id: number;
  /** fontkit's glyph: outline and advance width. */
  glyph: Glyph;
  /** The text this glyph stands for when it is the first glyph of its cluster (for ToUnicode), else "". */
  chars: string;
  /** Font units. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedRun {
  text: string;
  /** Glyphs left to right. */
  glyphs: PlacedGlyph[];
  /** Sum of the advances, in font units. */
  advance: number;
}

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Language used to shape each script's runs (it selects language-specific forms, e.g. Hindi's rather than Marathi's). */
const LANGUAGE: Record<string, string> = { Deva: "hi", Latn: "en", Arab: "ar" };

const CACHE_LIMIT = 20_000;

interface TagFont {
  outlines: Font;
  shaping: ShapingFont;
  /** Glyph id -> the character the font's cmap maps to it, built on first use. */
  characters?: Map<number, number>;
}

export class TagFonts {
  private readonly fonts: Record<Weight, TagFont>;
  /** Labels of a batch repeat the same districts, products and GI names: shape each once. */
  private readonly runs = new Map<string, ShapedRun>();

  constructor(bytes: FontBytes, harfbuzz: HarfBuzz) {
    this.fonts = {
      regular: { outlines: open(bytes.regular), shaping: harfbuzz.openFont(bytes.regular) },
      bold: { outlines: open(bytes.bold), shaping: harfbuzz.openFont(bytes.bold) },
    };
  }

  font(weight: Weight): Font {
    return this.fonts[weight].outlines;
  }

  /**
   * A line of text shaped as a browser would: split into runs by script, each run shaped by
   * HarfBuzz with that script's rules. Left-to-right lines only (tags print English and Hindi);
   * a document with Arabic shapes its runs with `shape` and orders them for the paragraph.
   * `cache: false` for text that will not recur (serials), so a big sheet does not fill the cache.
   */
  shape(text: string, weight: Weight, cache = true): ShapedRun {
    const key = `${weight}\u0000${text}`;
    let run = this.runs.get(key);
    if (!run) {
      const { outlines, shaping } = this.fonts[weight];
      const glyphs: PlacedGlyph[] = [];
      for (const part of scriptRuns(text)) {
        const shaped = shape(shaping, part.text, { script: part.script, direction: part.direction, language: LANGUAGE[part.script] ?? "und" });
        const starts = [...new Set(shaped.map((g) => g.cluster))].sort((a, b) => a - b);
        const seen = new Set<number>();
        for (const g of shaped) {
          const first = !seen.has(g.cluster);
          seen.add(g.cluster);
          const end = starts.find((s) => s > g.cluster) ?? part.text.length;
          glyphs.push({
            id: g.id,
            glyph: outlines.getGlyph(g.id),
            chars: first ? part.text.slice(g.cluster, end) : "",
            xAdvance: g.xAdvance,
            xOffset: g.xOffset,
            yOffset: g.yOffset,
          });
        }
      }
      run = { text, glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
      if (cache) {
        if (this.runs.size >= CACHE_LIMIT) this.runs.clear();
        this.runs.set(key, run);
      }
    }
    return run;
  }

  /** The character whose glyph this is in the font's cmap (undefined for conjuncts, ligatures, alternates). */
  characterOf(weight: Weight, id: number): number | undefined {
    const font = this.fonts[weight];
    if (!font.characters) {
      font.characters = new Map();
      for (const code of font.outlines.characterSet) {
        const glyph = font.outlines.glyphForCodePoint(code).id;
        if (glyph !== 0 && !font.characters.has(glyph)) font.characters.set(glyph, code);
      }
    }
    return font.characters.get(id);
  }

  readonly measure: Measure = (text, weight, once) => this.shape(text, weight, !once).advance / this.font(weight).unitsPerEm;
}

function open(bytes: Uint8Array): Font {
  // fontkit reads any Uint8Array although its types ask for a Node Buffer.
  const font = create(bytes as Parameters<typeof create>[0]);
  if (!("getGlyph" in font)) throw new TypeError("expected a single font, not a collection");
  return font;
}
