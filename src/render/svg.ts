// SVG tags: vector, tiny, and runtime-free (the one tag format that Workers serves). The text
// is SVG text, shaped by whatever displays or prints it, so Devanagari is as good as that
// viewer's fonts; the layout uses Noto Sans Devanagari's metrics from a table (metrics.ts)
// with a little slack for a viewer that substitutes another font.
import { QUIET_ZONE } from "../core/qr.js";
import { layoutTag, TAG_BOXES, type Measure, type TagLayout } from "./layout.js";
import { METRICS } from "./metrics.js";
import type { TagContent, TagSize } from "./types.js";

const SLACK = 1.06;
const FALLBACK_EM = 0.62;
export const SVG_FONT_FAMILY = "'Noto Sans Devanagari','Noto Sans',sans-serif";

export const svgMeasure: Measure = (text, weight) => {
  const table = METRICS[weight];
  const phrase = (table.phrases as Record<string, number>)[text];
  if (phrase !== undefined) return phrase * SLACK;
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += (code >= 0x20 && code < 0x7f ? table.ascii[code - 0x20] : (table.extras as Record<string, number>)[ch]) ?? FALLBACK_EM;
  }
  return width * SLACK;
};

// Characters XML 1.0 does not allow at all (C0 controls, U+FFFE, U+FFFF, lone surrogates)
// become U+FFFD: the API refuses them in free text, but a record from before that rule must
// still draw a tag that parses.
const escapeXml = (text: string) =>
  text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

export function tagSvg(tag: TagContent, size: TagSize): string {
  return layoutSvg(layoutTag(tag, TAG_BOXES[size], svgMeasure), `Asli certificate ${tag.serial}`);
}

export function layoutSvg(layout: TagLayout, title: string): string {
  let body = "";
  for (const item of layout.items) {
    if (item.kind === "qr") {
      const module = item.side / (item.matrix.size + 2 * QUIET_ZONE);
      let d = "";
      for (let y = 0; y < item.matrix.size; y++) {
        for (let x = 0; x < item.matrix.size; x++) {
          if (!item.matrix.dark(x, y)) continue;
          // One rectangle per run of dark modules in a row.
          let run = 1;
          while (x + run < item.matrix.size && item.matrix.dark(x + run, y)) run++;
          d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
          x += run - 1;
        }
      }
      body += `<path transform="translate(${n(item.x)} ${n(item.y)}) scale(${n(module)})" d="${d}" fill="#000" shape-rendering="crispEdges"/>`;
    } else {
      const anchor = item.anchor === "start" ? "" : ` text-anchor="${item.anchor}"`;
      const weight = item.weight === "bold" ? ' font-weight="700"' : "";
      body += `<text x="${n(item.x)}" y="${n(item.y)}" font-size="${n(item.size)}"${weight}${anchor}>${escapeXml(item.text)}</text>`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}mm" height="${n(layout.height)}mm" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}">` +
    `<title>${escapeXml(title)}</title><rect width="${n(layout.width)}" height="${n(layout.height)}" fill="#fff"/>` +
    `<g font-family="${SVG_FONT_FAMILY}" fill="#000">${body}</g></svg>`
  );
}
