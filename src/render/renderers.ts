// The heavy renderers (PNG, PDF) behind the TagRenderers interface: fontkit, pdf-lib,
// HarfBuzz and the fonts. Never imported by the module every request loads: each runtime
// loads it on first use (src/runtime/renderers.ts on Node; on Workers a module of its own,
// src/runtime/worker-renderers.ts) and hands it the fonts and HarfBuzz's compiled wasm.
import { TagFonts, type FontBytes } from "./font.js";
import { layoutTag, TAG_BOXES } from "./layout.js";
import { TagPdf } from "./pdf.js";
import { PNG_PIXELS_PER_MM, rasteriseLayout } from "./raster.js";
import { HarfBuzz } from "./shape.js";
import { A4_3X8, labelSlot, pageCount, type LabelStock } from "./sheet.js";
import { layoutSlip, SLIP_PAGE, type SlipContent } from "./slip.js";
import { CARTON_PAGE, layoutCartonLabel, type CartonLabel } from "./carton.js";
import { A4_PAGE, layoutProvenance, type ProvenanceContent } from "./provenance.js";
import type { LabelSheet, TagContent, TagRenderers, TagSize } from "./types.js";

/** What the renderers need from their runtime: font files and HarfBuzz's compiled wasm (harfbuzzjs's dist/harfbuzz.wasm). */
export interface RendererAssets {
  fonts: FontBytes;
  harfbuzz: WebAssembly.Module;
  /** Noto Naskh Arabic Regular and Bold, read on the first document with Arabic-script text (on Workers a module group of their own). */
  loadArabicFonts: () => Promise<FontBytes>;
}

export async function createTagFonts(assets: RendererAssets): Promise<TagFonts> {
  return new TagFonts(assets.fonts, await HarfBuzz.instantiate(assets.harfbuzz));
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;

/** Whether any of the document's words are in Arabic script: an Arabic or Urdu document, or a name typed in Arabic in another. */
function hasArabicScript(doc: ProvenanceContent): boolean {
  const words = [...doc.title, ...doc.statement, ...doc.facts.flatMap((f) => [f.label, f.value]), ...Object.values(doc.labels), doc.pageLabel(1, 1)];
  for (const item of doc.items) words.push(item.title, item.artisan, item.district, item.product ?? "", item.gi ?? "");
  return words.some((w) => ARABIC_SCRIPT.test(w));
}

export async function createTagRenderers(assets: RendererAssets): Promise<TagRenderers> {
  const fonts = await createTagFonts(assets);
  let arabic: Promise<FontBytes> | undefined;
  return {
    async tagPng(tag, size) {
      return rasteriseLayout(layoutTag(tag, TAG_BOXES[size], fonts.measure), fonts).png(PNG_PIXELS_PER_MM);
    },
    async tagPdf(tag, size) {
      return tagPdf(fonts, tag, size);
    },
    async labelSheetPdf(sheet) {
      return labelSheetPdf(fonts, sheet);
    },
    async invitationSlipPdf(slip) {
      return invitationSlipPdf(fonts, slip);
    },
    async cartonLabelsPdf(label, cartons) {
      return cartonLabelsPdf(fonts, label, cartons);
    },
    async provenancePdf(doc) {
      if (!fonts.hasArabic && hasArabicScript(doc)) fonts.addArabic(await (arabic ??= assets.loadArabicFonts().catch((error: unknown) => {
        arabic = undefined;
        throw error;
      })));
      const pdf = await TagPdf.create(fonts, `Asli shipment ${doc.shipmentId}: certificate of provenance`);
      for (const [i, page] of layoutProvenance(doc, fonts.measure).entries()) {
        // Thousands of items: yield between pages so the server keeps answering meanwhile.
        if (i > 0 && i % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
        pdf.addPage(A4_PAGE.width, A4_PAGE.height, (painter) => painter.layout(page));
      }
      return pdf.save();
    },
  };
}

async function cartonLabelsPdf(fonts: TagFonts, label: CartonLabel, cartons: number): Promise<Uint8Array> {
  const pdf = await TagPdf.create(fonts, `Asli shipment ${label.shipmentId}: ${cartons} carton label(s)`);
  for (let carton = 1; carton <= cartons; carton++) {
    pdf.addPage(CARTON_PAGE.width, CARTON_PAGE.height, (page) => page.layout(layoutCartonLabel(label, carton, cartons, fonts.measure)));
  }
  return pdf.save();
}

async function invitationSlipPdf(fonts: TagFonts, slip: SlipContent): Promise<Uint8Array> {
  const pdf = await TagPdf.create(fonts, "Asli console invitation");
  pdf.addPage(SLIP_PAGE.width, SLIP_PAGE.height, (page) => page.layout(layoutSlip(slip, fonts.measure)));
  return pdf.save();
}

async function tagPdf(fonts: TagFonts, tag: TagContent, size: TagSize): Promise<Uint8Array> {
  const box = TAG_BOXES[size];
  const pdf = await TagPdf.create(fonts, `Asli certificate ${tag.serial}`);
  pdf.addPage(box.width, box.height, (page) => page.layout(layoutTag(tag, box, fonts.measure)));
  return pdf.save();
}

export async function labelSheetPdf(fonts: TagFonts, sheet: LabelSheet, stock: LabelStock = A4_3X8): Promise<Uint8Array> {
  const source = sheet.batchId === undefined ? "Asli labels" : `Asli batch ${sheet.batchId}`;
  const pdf = await TagPdf.create(fonts, `${source}: ${sheet.tags.length} labels`);
  const pages = pageCount(sheet.tags.length, stock);
  const perPage = stock.columns * stock.rows;
  const box = { width: stock.labelWidth - 2 * stock.inset, height: stock.labelHeight - 2 * stock.inset };
  for (let page = 0; page < pages; page++) {
    // A 10,000-label sheet takes seconds of CPU: yield between pages so the server keeps
    // answering other requests meanwhile.
    if (page > 0 && page % 4 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    pdf.addPage(stock.pageWidth, stock.pageHeight, (painter) => {
      const first = page * perPage;
      const last = Math.min(sheet.tags.length, first + perPage);
      for (let i = first; i < last; i++) {
        const slot = labelSlot(stock, i);
        painter.layout(layoutTag(sheet.tags[i]!, box, fonts.measure), slot.left + stock.inset, slot.top + stock.inset);
      }
      const labels = sheet.tags.length === 0 ? "no labels" : `labels ${first + 1}–${last} of ${sheet.tags.length}`;
      painter.text({
        kind: "text",
        x: stock.pageWidth / 2,
        y: stock.pageHeight - stock.top / 2 + 1,
        size: 2.6,
        weight: "regular",
        text: `${source} · ${labels} · page ${page + 1} of ${pages}`,
        anchor: "middle",
      });
    });
  }
  return pdf.save();
}
