// The printable invitation slip: an A5 page that a district office hands to the person it
// invites, with the one-time sign-in link as a QR and in print, in English and Hindi. The words
// come from the message catalogs (the caller fills SlipContent); this file only places them,
// with the same layout items, fonts and PDF writer as the tags.
import { qrMatrix } from "../core/qr.js";
import { fitText, type Measure, type QrItem, type TagLayout, type TextItem, type Weight } from "./layout.js";

export interface SlipContent {
  /** The sign-in link: the QR encodes it, and it is printed in full for typing in. */
  url: string;
  /** The slip's title, one line per language. */
  heading: string[];
  /** Label and value pairs (name, role, valid until), labels in both languages. */
  details: { label: string; value: string }[];
  /** What to do, one paragraph per step and language. */
  steps: string[];
  /** The warning at the foot (the slip is a key). */
  footer: string[];
}

export const SLIP_PAGE = { width: 148, height: 210 } as const;
const MARGIN = 12;
const ASCENT = 0.92;
const DESCENT = 0.4;

export function layoutSlip(slip: SlipContent, measure: Measure): TagLayout {
  // Long names and roles take more lines: set everything smaller until the page holds it all.
  for (let scale = 1; ; scale -= 0.05) {
    const { items, bottom } = placeSlip(slip, measure, scale);
    if (bottom <= SLIP_PAGE.height - MARGIN / 2 || scale <= 0.6) return { width: SLIP_PAGE.width, height: SLIP_PAGE.height, items };
  }
}

function placeSlip(slip: SlipContent, measure: Measure, scale: number): { items: (TextItem | QrItem)[]; bottom: number } {
  const width = SLIP_PAGE.width - 2 * MARGIN;
  const items: (TextItem | QrItem)[] = [];
  let y = MARGIN;
  const line = (text: string, size: number, weight: Weight, options: { gap?: number; center?: boolean; variable?: boolean } = {}) => {
    y += (options.gap ?? 0) + size * ASCENT;
    items.push({ kind: "text", x: options.center ? SLIP_PAGE.width / 2 : MARGIN, y, size, weight, text, anchor: options.center ? "middle" : "start", ...(options.variable ? { variable: true } : {}) });
    y += size * DESCENT;
  };
  const paragraph = (text: string, size: number, weight: Weight, gap: number) => {
    for (const [i, l] of fitText(text, weight, size * scale, width, 6, measure, true).entries()) line(l.text, l.size, weight, { gap: i === 0 ? gap * scale : 0 });
  };

  for (const [i, heading] of slip.heading.entries()) paragraph(heading, i === 0 ? 6.2 : 5.4, "bold", i === 0 ? 0 : 0.8);
  for (const detail of slip.details) {
    paragraph(detail.label, 3.1, "regular", 2.2);
    paragraph(detail.value, 4.4, "bold", 0.2);
  }

  // The QR keeps its size: it is what a phone reads.
  const side = 58;
  const qr: QrItem = { kind: "qr", x: (SLIP_PAGE.width - side) / 2, y: y + 3 * scale, side, matrix: qrMatrix(slip.url) };
  items.push(qr);
  y = qr.y + side;
  const urlSize = 3.2 * scale;
  for (const [i, part] of breakAnywhere(slip.url, urlSize, width, measure).entries()) line(part, urlSize, "regular", { gap: i === 0 ? 0.5 : 0, center: true, variable: true });

  for (const step of slip.steps) paragraph(step, 3.5, "regular", 2);
  for (const [i, footer] of slip.footer.entries()) paragraph(footer, 3.1, "bold", i === 0 ? 4 : 1);
  return { items, bottom: y };
}

/** A string without spaces (a URL) in lines of at most `width`, broken between any two characters. */
export function breakAnywhere(text: string, size: number, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let current = "";
  for (const ch of text) {
    if (current && measure(current + ch, "regular", true) * size > width) {
      lines.push(current);
      current = "";
    }
    current += ch;
  }
  if (current) lines.push(current);
  return lines;
}
