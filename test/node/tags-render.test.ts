// The tag renderers themselves: Devanagari shaping, the SVG metrics table, text in the PDF.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TagFonts } from "../../src/render/font.js";
import { METRICS } from "../../src/render/metrics.js";
import { createTagRenderers } from "../../src/render/renderers.js";
import { PHRASES } from "../../src/render/words.js";
import { readTagFontBytes } from "../../src/runtime/renderers.js";

const fonts = new TagFonts(readTagFontBytes());
const names = (text: string) => fonts.shape(text, "regular").glyphs.map((g) => g.glyph.name);

const TAG = {
  serial: "ABCDEFGHIJKL7",
  verifyUrl: `HTTPS://ASLI.EXAMPLE/V/${"A".repeat(146)}`,
  product: { kind: "product" as const, name: "Banarasi Silk Saree" },
  district: "Varanasi",
  giTag: "Banaras Brocades and Sarees",
};

describe("Devanagari shaping for PNG and PDF tags", () => {
  it("forms conjuncts, reorders the i-matra, uses nukta forms and places marks", () => {
    // प्र is one conjunct glyph; ि (U+093F) is drawn before ण though it follows it in the text.
    expect(names("प्रमाणित")).toEqual(["uni092A094D0930", "uni092E", "uni093E", "uni093F.10", "uni0923", "uni0924"]);
    // ज़ (ज + nukta) becomes the precomposed glyph, the i-matra again first.
    expect(names("ज़िला")).toEqual(["uni093F.10", "uni095B", "uni0932", "uni093E"]);
    expect(names("कारीगर")).toEqual(["uni0915", "uni093E", "uni0930", "uni0940", "uni0917", "uni0930"]);
    // The candrabindu over कु is moved by GPOS, not left at the pen position.
    const marks = fonts.shape("कुँ", "regular").glyphs;
    expect(marks.slice(1).every((g) => g.xAdvance === 0 && g.xOffset !== 0)).toBe(true);
  });

  it("keeps the SVG metrics table equal to the font (regenerate with scripts/render-metrics.ts)", () => {
    for (const weight of ["regular", "bold"] as const) {
      for (const phrase of PHRASES) expect(METRICS[weight].phrases[phrase as keyof (typeof METRICS)["regular"]["phrases"]]).toBeCloseTo(fonts.measure(phrase, weight), 3);
      METRICS[weight].ascii.forEach((w, i) => expect(w).toBeCloseTo(fonts.measure(String.fromCharCode(0x20 + i), weight), 3));
    }
  });

  it("writes the PDF's text so that it extracts in logical order, Hindi included", async () => {
    const renderers = createTagRenderers(readTagFontBytes());
    const dir = mkdtempSync(join(tmpdir(), "asli-render-"));
    writeFileSync(join(dir, "tag.pdf"), await renderers.tagPdf(TAG, "swing"));
    const text = execFileSync("pdftotext", [join(dir, "tag.pdf"), "-"], { encoding: "utf8" });
    for (const phrase of ["प्रमाणित हस्तनिर्मित", "District · ज़िला", "GI tag · जीआई टैग", "ASLI · असली", "ABCDEFGHIJKL7", "Banarasi Silk Saree", "Varanasi, Uttar Pradesh"]) {
      expect(text).toContain(phrase);
    }
    expect(execFileSync("pdffonts", [join(dir, "tag.pdf")], { encoding: "utf8" })).toMatch(/NotoSansDevanagari.*CID TrueType.*yes\s+yes\s+yes/);
  });
});
