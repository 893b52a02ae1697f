// What a printed page says to a scanner: a PDF rendered as a printer would (pdftoppm, from
// poppler-utils) and every QR on it decoded by a real decoder (zbarimg, from zbar-tools). One
// way for every test that prints: tags, label sheets, slips, cards and shipment documents.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Rendering {
  /** Dots per inch of the rendering: a label sheet's small codes need 300, a slip's large one 150. */
  dpi?: number;
  gray?: boolean;
  /** Only these pages (1-based, inclusive); all pages when absent. */
  pages?: { first: number; last: number };
}

/** Every QR that zbarimg decodes in an image file (PNG), sorted. */
export function qrCodesInImage(file: string): string[] {
  return execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file], { encoding: "utf8" }).trim().split("\n").sort();
}

/** Every QR on the PDF's pages as pdftoppm renders them, read by zbarimg, sorted. */
export function qrCodesInPdf(pdf: Uint8Array, rendering: Rendering = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), "asli-printed-"));
  try {
    const file = join(dir, "printed.pdf");
    writeFileSync(file, pdf);
    const { dpi = 300, gray = false, pages } = rendering;
    execFileSync("pdftoppm", ["-r", String(dpi), ...(gray ? ["-gray"] : []), "-png", ...(pages ? ["-f", String(pages.first), "-l", String(pages.last)] : []), file, join(dir, "page")]);
    const images = readdirSync(dir).filter((name) => name.endsWith(".png"));
    return images.flatMap((name) => qrCodesInImage(join(dir, name))).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every QR on a label sheet's first page, at 300 dpi in grey as a laser printer gives it. */
export const qrCodesOnFirstPage = (pdf: Uint8Array): string[] => qrCodesInPdf(pdf, { dpi: 300, gray: true, pages: { first: 1, last: 1 } });
