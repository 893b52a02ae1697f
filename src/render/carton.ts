// Carton labels for a sealed shipment: 100 x 150 mm, the size of thermal shipping labels, one
// page per carton, with the shipment's QR (HTTPS://HOST/S/{ID}) large enough to scan from a
// pallet's distance, and the facts a warehouse and customs read by eye. The same layout items,
// fonts and PDF writer as tags; the caller supplies the texts (English on a carton, like tags).
import { qrMatrix } from "../core/qr.js";
import { breakAnywhere } from "./slip.js";
import { fitText, type Measure, type QrItem, type TagLayout, type TextItem, type Weight } from "./layout.js";

export const CARTON_PAGE = { width: 100, height: 150 } as const;
const MARGIN = 6;

export interface CartonLabel {
  /** The shipment URL, upper case: what the QR encodes. */
  url: string;
  shipmentId: string;
  exporter: string;
  /** The consignee's country, by name. */
  destination: string;
  reference: string | null;
  itemCount: number;
}

const WORDS = {
  brand: "ASLI · असली",
  heading: "Certified handmade goods",
  scan: "Scan to check every item of this shipment",
  shipment: "Shipment",
  exporter: "Exporter",
  destination: "Destination",
  reference: "Reference",
  items: (n: number) => `${n} certified item${n === 1 ? "" : "s"}`,
  carton: (k: number, n: number) => `Carton ${k} of ${n}`,
} as const;

export function layoutCartonLabel(label: CartonLabel, carton: number, cartons: number, measure: Measure): TagLayout {
  const width = CARTON_PAGE.width - 2 * MARGIN;
  const items: (TextItem | QrItem)[] = [];
  let y = MARGIN;
  const line = (text: string, size: number, weight: Weight, gap = 0, center = false, variable = false) => {
    y += gap + size * 0.92;
    items.push({ kind: "text", x: center ? CARTON_PAGE.width / 2 : MARGIN, y, size, weight, text, anchor: center ? "middle" : "start", ...(variable ? { variable: true } : {}) });
    y += size * 0.4;
  };
  const fitted = (text: string, size: number, weight: Weight, gap: number, lines = 2) => {
    for (const [i, l] of fitText(text, weight, size, width, lines, measure, true).entries()) line(l.text, l.size, weight, i === 0 ? gap : 0, false, true);
  };

  line(WORDS.brand, 6, "bold", 0, true);
  line(WORDS.heading, 4, "regular", 0.5, true);
  // 64 mm: modules of about 1.6 mm at QR version 3, readable from a metre or more.
  const side = 64;
  const qr: QrItem = { kind: "qr", x: (CARTON_PAGE.width - side) / 2, y: y + 1.5, side, matrix: qrMatrix(label.url) };
  items.push(qr);
  y = qr.y + side;
  for (const [i, part] of breakAnywhere(label.url, 2.8, width, measure).entries()) line(part, 2.8, "regular", i === 0 ? 0.5 : 0, true, true);
  line(WORDS.scan, 3.2, "bold", 1, true);

  line(WORDS.shipment, 2.8, "regular", 2.5);
  line(label.shipmentId, 5, "bold", 0.2, false, true);
  line(WORDS.exporter, 2.8, "regular", 1.5);
  fitted(label.exporter, 4, "bold", 0.2);
  line(WORDS.destination, 2.8, "regular", 1.5);
  fitted(label.destination, 4, "bold", 0.2, 1);
  if (label.reference) {
    line(WORDS.reference, 2.8, "regular", 1.5);
    fitted(label.reference, 4, "bold", 0.2, 1);
  }
  line(`${WORDS.items(label.itemCount)} · ${WORDS.carton(carton, cartons)}`, 3.4, "bold", 2, false, true);
  return { width: CARTON_PAGE.width, height: CARTON_PAGE.height, items };
}
