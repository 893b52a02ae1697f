// Where everything on a tag goes, in millimetres from the top-left corner, for any box:
// wide boxes (the swing tag, a sheet label) put the QR on the left and the words beside it;
// square ones (the sticker) put the words under the QR. Every renderer (SVG, PNG, PDF) draws
// the same layout, so what fits on one fits on all. Text is fitted with the caller's measure:
// exact font metrics for PNG and PDF, a metrics table for SVG.
import { qrMatrix, QUIET_ZONE, type QrMatrix } from "../core/qr.js";
import type { TagContent, TagSize } from "./types.js";
import type { Direction } from "./bidi.js";
import { WORDS } from "./words.js";

export type Weight = "regular" | "bold";

/** Advance width of `text` in ems (font size 1); `once` marks text that will not recur (a serial); `direction` is its paragraph's (left to right unless said). */
export type Measure = (text: string, weight: Weight, once?: boolean, direction?: Direction) => number;

export interface TextItem {
  kind: "text";
  /** Left end of the baseline, its middle when `anchor` is "middle", its right end when "end". */
  x: number;
  y: number;
  /** Font size (the em) in millimetres. */
  size: number;
  weight: Weight;
  text: string;
  anchor: "start" | "middle" | "end";
  /** The paragraph's direction, which orders its runs (bidi.ts); left to right unless said. */
  direction?: Direction;
  /** Differs from tag to tag (the serial); every other text item is the same for tags with the same names. */
  variable?: boolean;
}

/** How much of a line's advance lies left of its anchor. */
export const ANCHOR_SHIFT: Record<TextItem["anchor"], number> = { start: 0, middle: 0.5, end: 1 };

export interface QrItem {
  kind: "qr";
  /** Top-left corner of the quiet zone. */
  x: number;
  y: number;
  /** Side of the symbol with its quiet zone. */
  side: number;
  matrix: QrMatrix;
}

export interface TagLayout {
  width: number;
  height: number;
  items: (TextItem | QrItem)[];
}

export interface Box {
  width: number;
  height: number;
}

export const TAG_BOXES: Record<TagSize, Box> = {
  swing: { width: 50, height: 30 },
  sticker: { width: 25, height: 25 },
};

/** Font extents in ems: what sits above and below a baseline, Devanagari marks included. */
const ASCENT = 0.92;
const DESCENT = 0.4;
const ELLIPSIS = "…";
/** The smallest text on any tag: 5 pt, what a 203 dpi thermal printer still draws Devanagari legibly at. */
export const MIN_TEXT_SIZE = (5 * 25.4) / 72;
/** The sticker's QR, quiet zone included, is never smaller than this (0.3 mm modules at QR version 7). */
const STICKER_MIN_QR = 16;

export function layoutTag(tag: TagContent, box: Box, measure: Measure): TagLayout {
  const matrix = qrMatrix(tag.verifyUrl);
  return box.width / box.height >= 1.3 ? wideLayout(tag, box, measure, matrix) : squareLayout(tag, box, measure, matrix);
}

interface Line {
  text: string;
  weight: Weight;
  size: number;
  variable?: boolean;
  /** Space above this line's ascent, in millimetres. */
  gap: number;
}

/**
 * What the wide layout gives up, in this order, when the words do not fit beside the QR at
 * 5 pt or more (text is never set smaller than that): first the state after the district
 * ("Varanasi, Uttar Pradesh" becomes "Varanasi"), then the "Certified handmade / प्रमाणित
 * हस्तनिर्मित" lines (the scan says it), then the second line of long names, which then end
 * in "…". The brand, the field labels and every name stay.
 */
const WIDE_REDUCTIONS = ["full", "no-state", "no-certified", "one-line-names"] as const;
type WideReduction = (typeof WIDE_REDUCTIONS)[number];

function wideLayout(tag: TagContent, box: Box, measure: Measure, matrix: QrMatrix): TagLayout {
  const margin = Math.min(box.width, box.height) * 0.04;
  // The QR takes the full height less the serial under it; the quiet zone is its own margin.
  const serialSize0 = Math.max(MIN_TEXT_SIZE, box.height * 0.072);
  const qrSide = Math.min(box.height - margin - serialSize0 * (ASCENT + DESCENT), box.width * 0.55);
  const qr: QrItem = { kind: "qr", x: margin * 0.5, y: margin * 0.5, side: qrSide, matrix };

  const serialSize = Math.max(MIN_TEXT_SIZE, Math.min(serialSize0, qrSide / Math.max(measure(tag.serial, "bold", true), 1e-6)));
  const serial: TextItem = {
    kind: "text",
    x: qr.x + qrSide / 2,
    // Its ascent starts where the quiet zone ends.
    y: qr.y + qrSide + serialSize * ASCENT,
    size: serialSize,
    weight: "bold",
    text: tag.serial,
    anchor: "middle",
    variable: true,
  };

  // The words start beyond the quiet zone, with a little room for glyphs that reach left of their origin (J).
  const left = qr.x + qrSide + margin * 0.25;
  const width = box.width - margin - left;
  const top = margin;
  const height = box.height - 2 * margin;

  for (const [level, reduction] of WIDE_REDUCTIONS.entries()) {
    const last = level === WIDE_REDUCTIONS.length - 1;
    for (let scale = 1; ; scale -= 0.04) {
      const u = (box.height / 11.5) * scale;
      const { lines, overflow } = wideLines(tag, u, width, measure, reduction);
      const total = lines.reduce((h, l) => h + l.gap + l.size * (ASCENT + DESCENT), 0);
      // Every size, the brand's (the largest) last, has reached its 5 pt floor: smaller scales change nothing.
      const floored = u * 1.3 <= MIN_TEXT_SIZE;
      if (total <= height && !overflow) return placeWide(box, [qr, serial], lines, left, top, height, total);
      if (floored) {
        if (last) return placeWide(box, [qr, serial], lines, left, top, height, total);
        break;
      }
    }
  }
  throw new Error("unreachable");
}

function placeWide(box: Box, fixed: (TextItem | QrItem)[], lines: Line[], left: number, top: number, height: number, total: number): TagLayout {
  const items = [...fixed];
  let y = top + Math.max(0, (height - total) / 2);
  for (const line of lines) {
    y += line.gap + line.size * ASCENT;
    items.push({ kind: "text", x: left, y, size: line.size, weight: line.weight, text: line.text, anchor: "start" });
    y += line.size * DESCENT;
  }
  return { width: box.width, height: box.height, items };
}

function wideLines(tag: TagContent, u: number, width: number, measure: Measure, reduction: WideReduction): { lines: Line[]; overflow: boolean } {
  const lines: Line[] = [];
  let overflow = false;
  const at = (size: number) => Math.max(MIN_TEXT_SIZE, size);
  const add = (text: string, weight: Weight, size: number, gap: number, maxLines: number, truncate: boolean) => {
    for (const [i, l] of fitText(text, weight, at(size), width, maxLines, measure, truncate).entries()) {
      overflow ||= l.overflow;
      lines.push({ text: l.text, weight, size: l.size, gap: i === 0 ? gap : -at(size) * 0.12 });
    }
  };
  const level = WIDE_REDUCTIONS.indexOf(reduction);
  add(WORDS.brand, "bold", u * 1.3, 0, 1, true);
  if (level < WIDE_REDUCTIONS.indexOf("no-certified")) {
    add(WORDS.certified, "regular", u * 0.78, u * 0.05, 1, true);
    add(WORDS.certifiedHi, "regular", u * 0.78, -u * 0.12, 1, true);
  }
  const oneLine = level >= WIDE_REDUCTIONS.indexOf("one-line-names");
  const field = (label: string, value: string) => {
    add(label, "regular", u * 0.72, u * 0.3, 1, true);
    add(value, "bold", u, -u * 0.1, oneLine ? 1 : 2, oneLine);
  };
  if (tag.product) field(tag.product.kind === "craft" ? WORDS.craft : WORDS.product, tag.product.name);
  field(WORDS.district, level < WIDE_REDUCTIONS.indexOf("no-state") ? `${tag.district}, ${WORDS.state}` : tag.district);
  if (tag.giTag) field(WORDS.giTag, tag.giTag);
  return { lines, overflow };
}

/**
 * The sticker: the QR on top, the words under its quiet zone, all at 5 pt or more. Lines are
 * kept in this order of importance, and the least important are left out while the QR would
 * otherwise be smaller than 16 mm: the serial, what the item is and where it is from ("product
 * · district", or each on its own line when that does not fit), the GI tag ("GI: name"), and
 * last the Hindi "असली · प्रमाणित हस्तनिर्मित". A name too long for the width ends in "…".
 */
function squareLayout(tag: TagContent, box: Box, measure: Measure, matrix: QrMatrix): TagLayout {
  const margin = box.width * 0.04;
  const width = box.width - 2 * margin;
  const size = MIN_TEXT_SIZE;
  const serialSize = Math.max(MIN_TEXT_SIZE, Math.min(box.width / 13, width / Math.max(measure(tag.serial, "bold", true), 1e-6)));
  const line = (text: string, weight: Weight, lineSize: number, variable?: boolean): Line => {
    const [fitted] = fitText(text, weight, lineSize, width, 1, variable ? (t, w) => measure(t, w, true) : measure, true);
    return { text: fitted!.text, weight, size: fitted!.size, gap: 0, ...(variable ? { variable } : {}) };
  };
  const fits = (text: string) => measure(text, "regular") * size <= width;

  const lines: Line[] = [line(tag.serial, "bold", serialSize, true)];
  const what = tag.product ? `${tag.product.name} · ${tag.district}` : tag.district;
  const optional: Line[][] = [];
  if (!tag.product || fits(what)) lines.push(line(what, "regular", size));
  else {
    lines.push(line(tag.product.name, "regular", size));
    optional.push([line(tag.district, "regular", size)]);
  }
  if (tag.giTag) optional.push([line(`GI: ${tag.giTag}`, "regular", size)]);
  optional.push([line(WORDS.stickerHi, "regular", size)]);

  const heightOf = (ls: Line[]) => ls.reduce((h, l) => h + l.gap + l.size * (ASCENT + DESCENT), 0);
  const qrSideFor = (ls: Line[]) => Math.min(box.width - margin, box.height - margin - heightOf(ls));
  let kept = optional.length;
  while (kept > 0 && qrSideFor([...lines, ...optional.slice(0, kept).flat()]) < STICKER_MIN_QR) kept--;
  const chosen = [...lines, ...optional.slice(0, kept).flat()];

  const qrSide = qrSideFor(chosen);
  const qr: QrItem = { kind: "qr", x: (box.width - qrSide) / 2, y: margin * 0.5, side: qrSide, matrix };
  const items: (TextItem | QrItem)[] = [qr];
  // The words start where the quiet zone ends.
  let y = qr.y + qrSide;
  for (const l of chosen) {
    y += l.gap + l.size * ASCENT;
    items.push({ kind: "text", x: box.width / 2, y, size: l.size, weight: l.weight, text: l.text, anchor: "middle", ...(l.variable ? { variable: true } : {}) });
    y += l.size * DESCENT;
  }
  return { width: box.width, height: box.height, items };
}

/**
 * Breaks `text` into at most `maxLines` lines of `width`: words wrap at spaces, a line that
 * still does not fit is set smaller (down to 80%, never below 5 pt), and, only when
 * `truncate` allows it, what is left over ends in an ellipsis; otherwise `overflow` says the
 * caller should try a smaller scale or leave something out.
 */
export function fitText(
  text: string,
  weight: Weight,
  size: number,
  width: number,
  maxLines: number,
  measure: Measure,
  truncate: boolean,
): { text: string; size: number; overflow: boolean }[] {
  const fits = (s: string, sz: number) => measure(s, weight) * sz <= width;
  const floor = Math.min(size, Math.max(size * 0.8, MIN_TEXT_SIZE));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || fits(candidate, size)) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = lines.slice(maxLines - 1).join(" ");
    lines.splice(0, lines.length, ...kept);
  }
  return lines.map((line) => {
    const natural = measure(line, weight) * size;
    if (natural <= width) return { text: line, size, overflow: false };
    const shrunk = (size * width) / natural;
    if (shrunk >= floor) return { text: line, size: shrunk, overflow: false };
    if (!truncate) return { text: line, size: floor, overflow: true };
    let cut = line;
    while (cut.length > 1 && !fits(`${cut}${ELLIPSIS}`, floor)) cut = Array.from(cut).slice(0, -1).join("").trimEnd();
    return { text: `${cut}${ELLIPSIS}`, size: floor, overflow: false };
  });
}
