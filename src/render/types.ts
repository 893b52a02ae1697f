import type { CartonLabel } from "./carton.js";
import type { ProvenanceContent } from "./provenance.js";
import type { SlipContent } from "./slip.js";

// What a tag says and the renderers that draw it. Light on purpose: the routes import this
// on every runtime; the heavy renderers (fonts, HarfBuzz, PDF) are loaded on first use.

export const TAG_SIZES = ["swing", "sticker"] as const;
export type TagSize = (typeof TAG_SIZES)[number];

/** Everything printed on one tag. Names are in English: the registry holds no Hindi names. */
export interface TagContent {
  /** The certificate's serial (its id), printed in plain characters for typing in by hand. */
  serial: string;
  /** The text encoded in the QR: the upper-case verify URL. */
  verifyUrl: string;
  /** The ODOP product, or the artisan's craft when the item is outside the ODOP list. */
  product: { kind: "product" | "craft"; name: string } | null;
  district: string;
  giTag: string | null;
}

export interface LabelSheet {
  /** The batch the labels come from; absent for certificates chosen one by one (the console's list). */
  batchId?: string;
  tags: readonly TagContent[];
}

/**
 * PNG and PDF renderers. They need the fonts, HarfBuzz and a PDF writer, too heavy for the
 * module every scan loads, so each runtime loads them on first use (AppDeps.loadRenderers:
 * src/runtime/renderers.ts on Node, src/runtime/worker-renderers.ts on Workers).
 */
export interface TagRenderers {
  tagPng(tag: TagContent, size: TagSize): Promise<Uint8Array>;
  tagPdf(tag: TagContent, size: TagSize): Promise<Uint8Array>;
  labelSheetPdf(sheet: LabelSheet): Promise<Uint8Array>;
  /** The console's printable invitation slip (src/render/slip.ts). */
  invitationSlipPdf(slip: SlipContent): Promise<Uint8Array>;
  /** A shipment's carton labels, 100 x 150 mm, one page per carton (src/render/carton.ts). */
  cartonLabelsPdf(label: CartonLabel, cartons: number): Promise<Uint8Array>;
  /** A shipment's A4 provenance document (src/render/provenance.ts). */
  provenancePdf(doc: ProvenanceContent): Promise<Uint8Array>;
}
