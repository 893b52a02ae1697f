// PNG tags: the layout drawn into a 1-bit bitmap. Glyph outlines come from the same shaped
// runs as the PDF, filled here with a scanline rasteriser (non-zero winding, sampled at pixel
// centres): a few dozen lines instead of a canvas or wasm dependency, and exact for a bilevel
// print image. QR modules are whole pixels, so the symbol is crisp at any printer resolution
// that is a multiple of it.
import { encodeBilevelPng } from "../core/png.js";
import { QUIET_ZONE } from "../core/qr.js";
import type { TagFonts } from "./font.js";
import { ANCHOR_SHIFT, type QrItem, type TagLayout, type TextItem } from "./layout.js";

/** 24 pixels a millimetre, about 610 dpi: small Devanagari stays legible in black and white. */
export const PNG_PIXELS_PER_MM = 24;

export class Bitmap {
  readonly bits: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.bits = new Uint8Array(width * height);
  }

  fillRect(x0: number, y0: number, w: number, h: number): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + h); y++) {
      this.bits.fill(1, y * this.width + Math.max(0, x0), y * this.width + Math.min(this.width, x0 + w));
    }
  }

  png(pixelsPerMm: number): Uint8Array {
    return encodeBilevelPng(this.width, this.height, (x, y) => this.bits[y * this.width + x] === 1, { pixelsPerMetre: pixelsPerMm * 1000 });
  }
}

export function rasteriseLayout(layout: TagLayout, fonts: TagFonts, pixelsPerMm = PNG_PIXELS_PER_MM): Bitmap {
  const bitmap = new Bitmap(Math.round(layout.width * pixelsPerMm), Math.round(layout.height * pixelsPerMm));
  for (const item of layout.items) {
    if (item.kind === "qr") drawQr(bitmap, item, pixelsPerMm);
    else drawText(bitmap, item, fonts, pixelsPerMm);
  }
  return bitmap;
}

function drawQr(bitmap: Bitmap, item: QrItem, pixelsPerMm: number): void {
  const modules = item.matrix.size + 2 * QUIET_ZONE;
  const module = Math.max(1, Math.floor((item.side * pixelsPerMm) / modules));
  // Centred in the layout's square, whole pixels per module.
  const slack = item.side * pixelsPerMm - module * modules;
  const x0 = Math.round(item.x * pixelsPerMm + slack / 2) + module * QUIET_ZONE;
  const y0 = Math.round(item.y * pixelsPerMm + slack / 2) + module * QUIET_ZONE;
  for (let y = 0; y < item.matrix.size; y++) {
    for (let x = 0; x < item.matrix.size; x++) {
      if (item.matrix.dark(x, y)) bitmap.fillRect(x0 + x * module, y0 + y * module, module, module);
    }
  }
}

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function drawText(bitmap: Bitmap, item: TextItem, fonts: TagFonts, pixelsPerMm: number): void {
  const run = fonts.shape(item.text, item.weight, !item.variable, item.direction);
  const scale = (item.size * pixelsPerMm) / fonts.font(item.weight).unitsPerEm;
  let penX = item.x * pixelsPerMm - run.advance * scale * ANCHOR_SHIFT[item.anchor];
  const baseline = item.y * pixelsPerMm;
  const edges: Edge[] = [];
  for (const g of run.glyphs) {
    const ox = penX + g.xOffset * scale;
    const oy = baseline - g.yOffset * scale;
    const glyphScale = scale * g.scale;
    outlineEdges(g.glyph.path.commands, (x, y) => [ox + x * glyphScale, oy - y * glyphScale], edges);
    penX += g.xAdvance * scale;
  }
  fillEdges(bitmap, edges);
}

type Point = [number, number];

/** Flattens a glyph outline (font units, y up) into line segments in pixel space. */
function outlineEdges(commands: { command: string; args: number[] }[], map: (x: number, y: number) => Point, edges: Edge[]): void {
  let start: Point = [0, 0];
  let current: Point = start;
  const line = (to: Point) => {
    if (to[1] !== current[1]) edges.push({ x0: current[0], y0: current[1], x1: to[0], y1: to[1] });
    current = to;
  };
  for (const { command, args } of commands) {
    if (command === "moveTo") {
      if (current !== start) line(start);
      start = current = map(args[0]!, args[1]!);
    } else if (command === "lineTo") {
      line(map(args[0]!, args[1]!));
    } else if (command === "quadraticCurveTo") {
      const p0 = current;
      const c = map(args[0]!, args[1]!);
      const p = map(args[2]!, args[3]!);
      const steps = curveSteps(p0, c, c, p);
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        line([u * u * p0[0] + 2 * u * t * c[0] + t * t * p[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p[1]]);
      }
    } else if (command === "bezierCurveTo") {
      const p0 = current;
      const c1 = map(args[0]!, args[1]!);
      const c2 = map(args[2]!, args[3]!);
      const p = map(args[4]!, args[5]!);
      const steps = curveSteps(p0, c1, c2, p);
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        const a = u * u * u;
        const b = 3 * u * u * t;
        const d = 3 * u * t * t;
        const e = t * t * t;
        line([a * p0[0] + b * c1[0] + d * c2[0] + e * p[0], a * p0[1] + b * c1[1] + d * c2[1] + e * p[1]]);
      }
    } else if (command === "closePath") {
      line(start);
    }
  }
  if (current !== start) line(start);
}

function curveSteps(a: Point, b: Point, c: Point, d: Point): number {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) + Math.hypot(c[0] - b[0], c[1] - b[1]) + Math.hypot(d[0] - c[0], d[1] - c[1]);
  return Math.min(32, Math.max(1, Math.ceil(length / 2)));
}

/** Non-zero winding fill, a pixel being inside when its centre is. */
function fillEdges(bitmap: Bitmap, edges: Edge[]): void {
  if (edges.length === 0) return;
  const crossings = new Map<number, { x: number; winding: number }[]>();
  for (const e of edges) {
    const winding = e.y1 > e.y0 ? 1 : -1;
    const top = Math.min(e.y0, e.y1);
    const bottom = Math.max(e.y0, e.y1);
    const first = Math.max(0, Math.ceil(top - 0.5));
    const last = Math.min(bitmap.height - 1, Math.ceil(bottom - 0.5) - 1);
    for (let row = first; row <= last; row++) {
      const cy = row + 0.5;
      const x = e.x0 + ((cy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0);
      let list = crossings.get(row);
      if (!list) crossings.set(row, (list = []));
      list.push({ x, winding });
    }
  }
  for (const [row, list] of crossings) {
    list.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < list.length - 1; i++) {
      winding += list[i]!.winding;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(list[i]!.x - 0.5));
      const to = Math.min(bitmap.width, Math.ceil(list[i + 1]!.x - 0.5));
      if (to > from) bitmap.bits.fill(1, row * bitmap.width + from, row * bitmap.width + to);
    }
  }
}
