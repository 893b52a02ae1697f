// The provenance document of a sealed shipment: A4 pages, the shipment's QR and facts and a plain
// statement of what the signatures prove on the first page, then every item with its QR (its
// certificate's verify URL), title, artisan, district, ODOP product and GI tag with its
// application number. Labels and the statement come in English and a second language, both
// supplied by the caller from the message catalogs; this file only places them, with the same
// layout items, fonts and PDF writer as tags. For a right-to-left language (Arabic, Urdu) the
// page is mirrored: QR codes on the left, words aligned right and read right to left (their
// runs ordered by bidi.ts), the English paragraphs still left to right and aligned left. The
// caller falls back to English alone for a language the fonts cannot set (Japanese, Chinese).
import { qrMatrix } from "../core/qr.js";
import type { Direction } from "./bidi.js";
import { fitText, type Measure, type QrItem, type TagLayout, type TextItem, type Weight } from "./layout.js";

export const A4_PAGE = { width: 210, height: 297 } as const;
const MARGIN = 15;
const ROW = 27;
const QR_SIDE = 24;

export interface ProvenanceItem {
  verifyUrl: string;
  certificate: string;
  title: string;
  artisan: string;
  district: string;
  product: string | null;
  gi: string | null;
}

export interface ProvenanceContent {
  shipmentId: string;
  /** The second language's direction: "rtl" mirrors the page. Everything but the English title and statement is in it. */
  direction: Direction;
  /** The shipment URL: what the first page's QR encodes. */
  url: string;
  /** The title in each language (English first). */
  title: string[];
  /** Label-value pairs of the first page; labels already in both languages ("Exporter · Exporteur"). */
  facts: { label: string; value: string }[];
  /** What the signatures prove and how to check them, one paragraph per language. */
  statement: string[];
  /** Item labels in both languages: certificate, made by, district, product, GI tag. */
  labels: { certificate: string; maker: string; district: string; product: string; gi: string };
  /** "Page {page} of {pages}" as filled by the caller for each page. */
  pageLabel: (page: number, pages: number) => string;
  items: ProvenanceItem[];
}

type Items = (TextItem | QrItem)[];

export function layoutProvenance(doc: ProvenanceContent, measure: Measure): TagLayout[] {
  const width = A4_PAGE.width - 2 * MARGIN;
  const pages: Items[] = [];
  let items: Items = [];
  let y = MARGIN;
  const rtl = doc.direction === "rtl";
  /** Where a box that starts `x` from the page's left edge in a left-to-right document starts on this page. */
  const left = (x: number, w: number) => (rtl ? A4_PAGE.width - x - w : x);
  /**
   * Lines of `t` in the box [x, x + w] (mirrored on a right-to-left page), read in `direction`
   * and aligned to the page's start side, or to the paragraph's own with `ownSide`.
   */
  const paragraph = (t: string, size: number, weight: Weight, w: number, x = MARGIN, maxLines = 12, direction = doc.direction, ownSide = false) => {
    const fit: Measure = (s, wt, once) => measure(s, wt, once, direction);
    const alignRight = ownSide ? direction === "rtl" : rtl;
    const at = left(x, w) + (alignRight ? w : 0);
    for (const line of fitText(t, weight, size, w, maxLines, fit, true)) {
      y += line.size * 0.92;
      items.push({ kind: "text", x: at, y, size: line.size, weight, text: line.text, anchor: alignRight ? "end" : "start", variable: true, ...(direction === "rtl" ? { direction } : {}) });
      y += line.size * 0.45;
    }
  };
  const inLanguage = (i: number): Direction => (i === 0 ? "ltr" : doc.direction);

  // First page: the shipment QR at the top right (left when mirrored), the facts beside it, then the statement.
  const qr: QrItem = { kind: "qr", x: left(A4_PAGE.width - MARGIN - 42, 42), y: MARGIN, side: 42, matrix: qrMatrix(doc.url) };
  items.push(qr);
  const beside = width - 46;
  for (const [i, title] of doc.title.entries()) paragraph(title, i === 0 ? 7 : 5.5, "bold", beside, MARGIN, 2, inLanguage(i));
  y += 2;
  for (const fact of doc.facts) {
    paragraph(fact.label, 2.8, "regular", beside, MARGIN, 1);
    paragraph(fact.value, 3.8, "bold", beside, MARGIN, 2);
    y += 0.8;
  }
  y = Math.max(y, qr.y + qr.side) + 3;
  for (const [i, statement] of doc.statement.entries()) {
    paragraph(statement, 3.1, "regular", width, MARGIN, 12, inLanguage(i), true);
    y += 2;
  }
  y += 2;

  const l = doc.labels;
  for (const [index, item] of doc.items.entries()) {
    if (y + ROW > A4_PAGE.height - MARGIN) {
      pages.push(items);
      items = [];
      y = MARGIN;
    }
    const top = y;
    items.push({ kind: "qr", x: left(MARGIN, QR_SIDE), y: top, side: QR_SIDE, matrix: qrMatrix(item.verifyUrl) });
    const x = MARGIN + QR_SIDE + 3;
    const w = width - QR_SIDE - 3;
    y = top + 1;
    paragraph(`${index + 1}. ${item.title}`, 3.6, "bold", w, x, 1);
    paragraph(`${l.maker}: ${item.artisan} · ${l.district}: ${item.district}, Uttar Pradesh`, 2.9, "regular", w, x, 1);
    paragraph(`${l.product}: ${item.product ?? "—"}`, 2.9, "regular", w, x, 1);
    paragraph(`${l.gi}: ${item.gi ?? "—"}`, 2.9, "regular", w, x, 1);
    paragraph(`${l.certificate}: ${item.certificate}`, 2.9, "regular", w, x, 1);
    y = top + ROW;
  }
  pages.push(items);
  return pages.map((page, i) => {
    const footer: TextItem = { kind: "text", x: A4_PAGE.width / 2, y: A4_PAGE.height - MARGIN / 2, size: 2.6, weight: "regular", text: `Asli ${doc.shipmentId} · ${doc.pageLabel(i + 1, pages.length)}`, anchor: "middle", variable: true, ...(rtl ? { direction: doc.direction } : {}) };
    return { width: A4_PAGE.width, height: A4_PAGE.height, items: [...page, footer] };
  });
}
