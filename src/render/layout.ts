// Where everything on a tag goes, in millimetres from the top-left corner, for any box:
// wide boxes (the swing tag, a sheet label) put the QR on the left and the words beside it;
// square ones (the sticker) put the words under the QR. Every renderer (SVG, PNG, PDF) draws
// the same layout, so what fits on one fits on all. Text is fitted with the caller's measure:
// exact font metrics for PNG and PDF, a metrics table for SVG.
import { qrMatrix, QUIET_ZONE, type QrMatrix } from "../core/qr.js";
import type { TagContent, TagSize } from "./types.js";
import { WORDS } from "./words.js";

export type Weight = "regular" | "bold";

/** Advance width of `text` in ems (font size 1); `once` marks text that will not recur (a serial). */
export type Measure = (text: string, weight: Weight, once?: boolean) => number;

export interface TextItem {
  kind: "text";
  /** Left end of the baseline, or its middle when `anchor` is "middle". */
  x: number;
  y: number;
  /** Font size (the em) in millimetres. */
  size: number;
  weight: Weight;
  text: string;
  anchor: "start" | "middle";
  /** Differs from tag to tag (the serial); every other text item is the same for tags with the same names. */
  variable?: boolean;
}

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

function wideLayout(tag: TagContent, box: Box, measure: Measure, matrix: QrMatrix): TagLayout {
  const margin = Math.min(box.width, box.height) * 0.04;
  const serialRatio = 0.1;
  // The QR takes the full height less the serial under it; the quiet zone is its own margin.
  const serialSize0 = box.height * serialRatio * 0.72;
  const qrSide = Math.min(box.height - margin - serialSize0 * (ASCENT + DESCENT + 0.1), box.width * 0.55);
  const qr: QrItem = { kind: "qr", x: margin * 0.5, y: margin * 0.5, side: qrSide, matrix };
  const quiet = (qrSide * QUIET_ZONE) / (matrix.size + 2 * QUIET_ZONE);

  const serialWidth = qrSide - quiet;
  const serialSize = Math.min(serialSize0, serialWidth / Math.max(measure(tag.serial, "bold", true), 1e-6));
  const serial: TextItem = {
    kind: "text",
    x: qr.x + qrSide / 2,
    y: Math.min(box.height - margin - serialSize * DESCENT, qr.y + qrSide + serialSize * (ASCENT - 0.15)),
    size: serialSize,
    weight: "bold",
    text: tag.serial,
    anchor: "middle",
    variable: true,
  };

  // The words column starts where the QR's quiet zone ends: the quiet zone is white anyway.
  const left = qr.x + qrSide - quiet * 0.6;
  const width = box.width - margin - left;
  const top = margin;
  const height = box.height - 2 * margin;

  for (let scale = 1; ; scale -= 0.04) {
    const u = (box.height / 11.5) * Math.max(scale, 0.55);
    const { lines, overflow } = wideLines(tag, u, width, measure, scale <= 0.55);
    const total = lines.reduce((h, l) => h + l.gap + l.size * (ASCENT + DESCENT), 0);
    if ((total <= height && !overflow) || scale <= 0.55) {
      const items: (TextItem | QrItem)[] = [qr, serial];
      let y = top + Math.max(0, (height - total) / 2);
      for (const line of lines) {
        y += line.gap + line.size * ASCENT;
        items.push({ kind: "text", x: left, y, size: line.size, weight: line.weight, text: line.text, anchor: "start" });
        y += line.size * DESCENT;
      }
      return { width: box.width, height: box.height, items };
    }
  }
}

function wideLines(tag: TagContent, u: number, width: number, measure: Measure, last: boolean): { lines: Line[]; overflow: boolean } {
  const lines: Line[] = [];
  let overflow = false;
  const add = (text: string, weight: Weight, size: number, gap: number, maxLines: number) => {
    for (const [i, l] of fitText(text, weight, size, width, maxLines, measure, last).entries()) {
      overflow ||= l.overflow;
      lines.push({ text: l.text, weight, size: l.size, gap: i === 0 ? gap : -size * 0.12 });
    }
  };
  add(WORDS.brand, "bold", u * 1.3, 0, 1);
  add(WORDS.certified, "regular", u * 0.78, u * 0.05, 1);
  add(WORDS.certifiedHi, "regular", u * 0.78, -u * 0.12, 1);
  const field = (label: string, value: string, maxLines: number) => {
    add(label, "regular", u * 0.72, u * 0.3, 1);
    add(value, "bold", u, -u * 0.1, maxLines);
  };
  if (tag.product) field(tag.product.kind === "craft" ? WORDS.craft : WORDS.product, tag.product.name, 2);
  field(WORDS.district, `${tag.district}, ${WORDS.state}`, 2);
  if (tag.giTag) field(WORDS.giTag, tag.giTag, 2);
  return { lines, overflow };
}

function squareLayout(tag: TagContent, box: Box, measure: Measure, matrix: QrMatrix): TagLayout {
  const margin = box.width * 0.04;
  const u = box.width / 15.5;
  const width = box.width - 2 * margin;
  const lines: Line[] = [];
  const add = (text: string, weight: Weight, size: number, gap: number, variable?: boolean) => {
    const [line] = fitText(text, weight, size, width, 1, variable ? (t, w) => measure(t, w, true) : measure, true);
    lines.push({ text: line!.text, weight, size: line!.size, gap, variable });
  };
  add(tag.serial, "bold", u * 1.05, 0, true);
  const what = tag.product ? `${tag.product.name} · ${tag.district}` : tag.district;
  add(what, "regular", u * 0.85, -u * 0.1);
  if (tag.giTag) add(`GI: ${tag.giTag}`, "regular", u * 0.85, -u * 0.1);
  add(WORDS.stickerHi, "regular", u * 0.85, -u * 0.1);
  const textHeight = lines.reduce((h, l) => h + l.gap + l.size * (ASCENT + DESCENT), 0);

  const qrSide = Math.min(box.width - margin, box.height - margin - textHeight);
  const qr: QrItem = { kind: "qr", x: (box.width - qrSide) / 2, y: margin * 0.5, side: qrSide, matrix };
  const quiet = (qrSide * QUIET_ZONE) / (matrix.size + 2 * QUIET_ZONE);
  const items: (TextItem | QrItem)[] = [qr];
  // The quiet zone under the QR is white already: the words may start inside it.
  let y = Math.max(qr.y + qrSide - quiet * 0.75, box.height - margin - textHeight);
  for (const line of lines) {
    y += line.gap + line.size * ASCENT;
    items.push({ kind: "text", x: box.width / 2, y, size: line.size, weight: line.weight, text: line.text, anchor: "middle", ...(line.variable ? { variable: true } : {}) });
    y += line.size * DESCENT;
  }
  return { width: box.width, height: box.height, items };
}

/**
 * Breaks `text` into at most `maxLines` lines of `width`: words wrap at spaces, a line that
 * still does not fit is set smaller (down to 80%), and, only when `truncate` allows it (the
 * smallest scale), what is left over ends in an ellipsis; otherwise `overflow` says the
 * caller should try a smaller scale.
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
    if (shrunk >= size * 0.8) return { text: line, size: shrunk, overflow: false };
    if (!truncate) return { text: line, size: size * 0.8, overflow: true };
    let cut = line;
    while (cut.length > 1 && !fits(`${cut}${ELLIPSIS}`, size * 0.8)) cut = Array.from(cut).slice(0, -1).join("").trimEnd();
    return { text: `${cut}${ELLIPSIS}`, size: size * 0.8, overflow: false };
  });
}
