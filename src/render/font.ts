// The tag fonts (Noto Sans Devanagari Regular and Bold) for PNG and PDF tags: HarfBuzz shapes
// the text (shape.ts), fontkit supplies what HarfBuzz does not need to: glyph outlines for the
// PNG rasteriser and font subsets for the PDF. Devanagari needs real shaping: conjuncts (प्र,
// त्प), the i-matra drawn before the consonant it follows in memory (ि in प्रमाणित), reph (र्म),
// nukta forms (ज़) and marks placed by GPOS (कुँ). fontkit's own layout engine gets some of
// these wrong (उत्पाद came out with a visible halant), so it is not used for shaping.
// The provenance document also sets Arabic and Urdu, in Noto Naskh Arabic: joined letter forms,
// right-to-left runs placed among left-to-right ones by bidiRuns (bidi.ts).
import { create, type Font, type Glyph } from "fontkit";
import { bidiRuns, type Direction } from "./bidi.js";
import type { Measure, Weight } from "./layout.js";
import { scriptRuns, shape, type HarfBuzz, type ShapingFont } from "./shape.js";

export interface PlacedGlyph {
  /** Glyph id in its face's font. */
  id: number;
  /** Which font the glyph is from: the main one (Latin, Devanagari) or the Arabic-script one. */
  face: Face;
  /** fontkit's glyph: outline and advance width, in its own font's units. */
  glyph: Glyph;
  /** The main font's units per unit of the glyph's own font (1 when both have the same em). */
  scale: number;
  /** The text this glyph stands for when it is its cluster's widest glyph (for ToUnicode), else "". */
  chars: string;
  /** The direction of the run it was shaped in. */
  direction: Direction;
  /** The main font's units. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedRun {
  text: string;
  /** Glyphs left to right. */
  glyphs: PlacedGlyph[];
  /** The line's runs of one direction, left to right: each one's text (logical order) and how many of `glyphs` it drew. */
  segments: { text: string; direction: Direction; glyphs: number }[];
  /** Sum of the advances, in the main font's units. */
  advance: number;
}

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The main fonts (Noto Sans Devanagari: Latin, digits, Devanagari) and the Arabic-script ones (Noto Naskh Arabic: Arabic, Urdu). */
export type Face = "main" | "arabic";

/** Language used to shape each script's runs (it selects language-specific forms, e.g. Hindi's rather than Marathi's). */
const LANGUAGE: Record<string, string> = { Deva: "hi", Latn: "en", Arab: "ar" };

const CACHE_LIMIT = 20_000;

interface TagFont {
  outlines: Font;
  shaping: ShapingFont;
  /** Glyph id -> the character the font's cmap maps to it, built on first use. */
  characters?: Map<number, number>;
}

/** Combining marks and joiners: shaped with the character they attach to, in its font. */
const ATTACHED = /[\p{M}\u200c\u200d]/u;
/** Characters that make a left-to-right line need bidiRuns: right-to-left letters and marks, Arabic-Indic digits. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u061c]/u;

export class TagFonts {
  private readonly fonts: Record<Face, Record<Weight, TagFont> | undefined>;
  /** Labels of a batch repeat the same districts, products and GI names: shape each once. */
  private readonly runs = new Map<string, ShapedRun>();

  constructor(
    bytes: FontBytes,
    private readonly harfbuzz: HarfBuzz,
  ) {
    this.fonts = { main: this.open(bytes), arabic: undefined };
  }

  /** Wires in the Arabic-script fonts (loaded on the first document that needs them); until then Arabic text is set with the main fonts' missing-glyph box. */
  addArabic(bytes: FontBytes): void {
    if (this.fonts.arabic) return;
    this.fonts.arabic = this.open(bytes);
    this.runs.clear();
  }

  get hasArabic(): boolean {
    return this.fonts.arabic !== undefined;
  }

  private open(bytes: FontBytes): Record<Weight, TagFont> {
    return {
      regular: { outlines: open(bytes.regular), shaping: this.harfbuzz.openFont(bytes.regular) },
      bold: { outlines: open(bytes.bold), shaping: this.harfbuzz.openFont(bytes.bold) },
    };
  }

  private face(face: Face, weight: Weight): TagFont {
    const fonts = this.fonts[face];
    if (!fonts) throw new Error(`the ${face} fonts are not loaded`);
    return fonts[weight];
  }

  font(weight: Weight, face: Face = "main"): Font {
    return this.face(face, weight).outlines;
  }

  /**
   * A line of text shaped as a browser would: put in visual order for its paragraph's direction
   * (bidiRuns), each run split by script, each script's run set in the font that has it (Arabic
   * script in the Arabic-script font when it is loaded, everything else in the main one) and
   * shaped by HarfBuzz with that script's rules in the run's direction.
   * `cache: false` for text that will not recur (serials), so a big sheet does not fill the cache.
   */
  shape(text: string, weight: Weight, cache = true, direction: Direction = "ltr"): ShapedRun {
    const key = `${weight}\u0000${direction}\u0000${text}`;
    let run = this.runs.get(key);
    if (!run) {
      const glyphs: PlacedGlyph[] = [];
      const segments: ShapedRun["segments"] = [];
      // Tags and labels (no right-to-left text) skip the reordering.
      const levels = direction === "ltr" && !RIGHT_TO_LEFT.test(text) ? [{ text, direction }] : bidiRuns(text, direction);
      for (const level of levels) {
        const pieces = scriptRuns(level.text).flatMap((part) => this.byFace(part.text, part.script, weight));
        if (level.direction === "rtl") pieces.reverse();
        const before = glyphs.length;
        for (const piece of pieces) glyphs.push(...this.shapePiece(piece, weight, level.direction));
        segments.push({ text: level.text, direction: level.direction, glyphs: glyphs.length - before });
      }
      run = { text, glyphs, segments, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
      if (cache) {
        if (this.runs.size >= CACHE_LIMIT) this.runs.clear();
        this.runs.set(key, run);
      }
    }
    return run;
  }

  /** A run of one script as pieces of one font: a character its font lacks goes to the other font when that one has it. */
  private byFace(text: string, script: string, weight: Weight): Piece[] {
    const preferred: Face = script === "Arab" && this.fonts.arabic ? "arabic" : "main";
    const pieces: Piece[] = [];
    const has = (face: Face, code: number) => this.fonts[face] !== undefined && this.face(face, weight).outlines.hasGlyphForCodePoint(code);
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      const last = pieces.at(-1);
      // A mark stays with the letter it is on, unless that letter's font lacks it.
      let face = last && ATTACHED.test(ch) ? last.face : preferred;
      const alternative: Face = face === "main" ? "arabic" : "main";
      if (!has(face, code) && has(alternative, code)) face = alternative;
      if (last && last.face === face) last.text += ch;
      else pieces.push({ text: ch, script, face });
    }
    return pieces;
  }

  private shapePiece(piece: Piece, weight: Weight, direction: Direction): PlacedGlyph[] {
    const { outlines, shaping } = this.face(piece.face, weight);
    const scale = this.face("main", weight).outlines.unitsPerEm / outlines.unitsPerEm;
    const shaped = shape(shaping, piece.text, { script: piece.script, direction, language: LANGUAGE[piece.script] ?? "und" });
    const starts = [...new Set(shaped.map((g) => g.cluster))].sort((a, b) => a - b);
    // A cluster's text goes with its widest glyph, the letter rather than a dot or mark drawn
    // apart (which comes first in a right-to-left run's visual order): text extraction places
    // the text where that glyph is.
    const carrier = new Map<number, number>();
    shaped.forEach((g, i) => {
      const best = carrier.get(g.cluster);
      if (best === undefined || g.xAdvance > shaped[best]!.xAdvance) carrier.set(g.cluster, i);
    });
    return shaped.map((g, i) => {
      const first = carrier.get(g.cluster) === i;
      const end = starts.find((s) => s > g.cluster) ?? piece.text.length;
      return {
        id: g.id,
        face: piece.face,
        glyph: outlines.getGlyph(g.id),
        scale,
        chars: first ? piece.text.slice(g.cluster, end) : "",
        direction,
        xAdvance: g.xAdvance * scale,
        xOffset: g.xOffset * scale,
        yOffset: g.yOffset * scale,
      };
    });
  }

  /** The character whose glyph this is in the font's cmap (undefined for conjuncts, ligatures, alternates, contextual forms). */
  characterOf(weight: Weight, id: number, face: Face = "main"): number | undefined {
    const font = this.face(face, weight);
    if (!font.characters) {
      font.characters = new Map();
      for (const code of font.outlines.characterSet) {
        const glyph = font.outlines.glyphForCodePoint(code).id;
        if (glyph !== 0 && !font.characters.has(glyph)) font.characters.set(glyph, code);
      }
    }
    return font.characters.get(id);
  }

  readonly measure: Measure = (text, weight, once, direction) => this.shape(text, weight, !once, direction).advance / this.font(weight).unitsPerEm;
}

interface Piece {
  text: string;
  script: string;
  face: Face;
}

function open(bytes: Uint8Array): Font {
  // fontkit reads any Uint8Array although its types ask for a Node Buffer.
  const font = create(bytes as Parameters<typeof create>[0]);
  if (!("getGlyph" in font)) throw new TypeError("expected a single font, not a collection");
  return font;
}
