// Text shaping for PNG and PDF tags: fontkit's OpenType layout engine with Noto Sans
// Devanagari. Devanagari needs real shaping: conjuncts (प्र, क्ष), the i-matra drawn before
// the consonant it follows in memory (ि in प्रमाणित), reph (र्म), nukta forms (ज़) and marks
// placed by GPOS (कुँ). fontkit does all of it; pdf-lib's own font path does not (see the
// commit message and docs/tags-and-batches.md), so the PDF writer places fontkit's glyphs itself.
import { create, type Font, type Glyph } from "fontkit";
import type { Measure, Weight } from "./layout.js";

export interface ShapedGlyph {
  glyph: Glyph;
  /** Font units. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedRun {
  text: string;
  glyphs: ShapedGlyph[];
  /** Sum of the advances, in font units. */
  advance: number;
}

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

const CACHE_LIMIT = 20_000;

export class TagFonts {
  readonly regular: Font;
  readonly bold: Font;
  /** Labels of a batch repeat the same districts, products and GI names: shape each once. */
  private readonly runs = new Map<string, ShapedRun>();

  constructor(bytes: FontBytes) {
    this.regular = open(bytes.regular);
    this.bold = open(bytes.bold);
  }

  font(weight: Weight): Font {
    return weight === "bold" ? this.bold : this.regular;
  }

  /** `cache: false` for text that will not recur (serials), so a big sheet does not fill the cache. */
  shape(text: string, weight: Weight, cache = true): ShapedRun {
    const key = `${weight}\u0000${text}`;
    let run = this.runs.get(key);
    if (!run) {
      const layout = this.font(weight).layout(text);
      const glyphs = layout.glyphs.map((glyph, i) => {
        const p = layout.positions[i]!;
        return { glyph, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
      });
      run = { text, glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
      if (cache) {
        if (this.runs.size >= CACHE_LIMIT) this.runs.clear();
        this.runs.set(key, run);
      }
    }
    return run;
  }

  readonly measure: Measure = (text, weight, once) => this.shape(text, weight, !once).advance / this.font(weight).unitsPerEm;
}

function open(bytes: Uint8Array): Font {
  // fontkit reads any Uint8Array although its types ask for a Node Buffer.
  const font = create(bytes as Parameters<typeof create>[0]);
  if (!("layout" in font)) throw new TypeError("expected a single font, not a collection");
  return font;
}
