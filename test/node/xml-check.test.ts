// The tags as XML. The strict check in test/support/xml.ts (which the API tests use on both
// runtimes) agrees with a real XML parser, Chromium's DOMParser, on documents made to break it;
// and tag.svg stays well-formed XML for any text in its fields, even text the API refuses today
// (certificates registered before the refusal still render), while the PNG and PDF renderers
// draw the same text without throwing.
import fc from "fast-check";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagSvg } from "../../src/render/svg.js";
import { TAG_SIZES, type TagContent } from "../../src/render/types.js";
import { loadNodeTagRenderers } from "../../src/runtime/renderers.js";
import { launchChromium } from "../support/browser.js";
import { xmlWellFormednessError } from "../support/xml.js";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

/** For each document, whether Chromium's XML parser reads it without a parse error. */
async function chromiumParses(docs: string[]): Promise<boolean[]> {
  return page.evaluate((all) => {
    const parser = new DOMParser();
    return all.map((doc) => parser.parseFromString(doc, "application/xml").getElementsByTagName("parsererror").length === 0);
  }, docs);
}

/** What arrives of a string sent as UTF-8: each lone surrogate becomes U+FFFD. */
const asUtf8Carries = (text: string) => text.replace(/[\ud800-\udfff]/gu, "\ufffd");

const SVG = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text x="1">${inner}</text></svg>`;

/** Any UTF-16 text, lone surrogates and controls included, and a mix with the usual suspects. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 24 }).map((units) => String.fromCharCode(...units)),
  fc
    .array(fc.constantFrom("a", "उत्‌पाद", "\u0000", "\u0007", "\u001b[2K", "\r", "\u0085", "\u202e", "\u2066", "\ufffe", "\uffff", "\ud800", "&", "<", "]]>", "&amp;", "\"'"), { maxLength: 12 })
    .map((parts) => parts.join("")),
);

describe("the strict XML check", () => {
  it("agrees with Chromium's XML parser", async () => {
    const docs = [
      SVG("Banarasi silk"),
      SVG("उत्‌पाद &amp; &#x926; &#2352;"),
      SVG("NUL\u0000"),
      SVG("BEL\u0007"),
      SVG("ESC\u001b[32m"),
      SVG("\ufffe"),
      SVG("\ud800"),
      SVG("&#0;"),
      SVG("&#x1b;"),
      SVG("&bogus;"),
      SVG("a & b"),
      SVG("a < b"),
      SVG("]]>"),
      `<svg xmlns="http://www.w3.org/2000/svg"><text>unclosed</svg>`,
      `<svg xmlns="http://www.w3.org/2000/svg" a="1" a="2"/>`,
      `<svg xmlns="http://www.w3.org/2000/svg" a="x<y"/>`,
      `<svg xmlns="http://www.w3.org/2000/svg"/><svg/>`,
      `<svg xmlns="http://www.w3.org/2000/svg" a=1/>`,
      `<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg"><!-- note --></svg>`,
      ...fc.sample(anyText, { numRuns: 300, seed: 7 }).map((text) => SVG(text)),
    ];
    // Playwright carries strings to the page as UTF-8, which turns a lone surrogate into U+FFFD
    // (as the service's own UTF-8 answers would): compare on what arrives, and hold surrogates
    // to XML 1.0 §2.2 below.
    const real = await chromiumParses(docs.map(asUtf8Carries));
    const ours = docs.map((doc) => xmlWellFormednessError(asUtf8Carries(doc)) === null);
    const disagreements = docs.filter((_, i) => real[i] !== ours[i]).map((doc) => JSON.stringify(doc));
    expect(disagreements).toEqual([]);
    expect(ours.filter((ok) => !ok).length, "the corpus holds broken documents").toBeGreaterThan(10);
    expect(xmlWellFormednessError(SVG("\ud800"))).toContain("U+D800");
    expect(xmlWellFormednessError(SVG("😀"))).toBeNull();
  }, 30_000);
});

describe("tags for any text in their fields", () => {
  // Stored names were never blank (text() has always trimmed and required a character), and
  // district names are the seeded reference data.
  const stored = anyText.filter((s) => s.trim() !== "");
  const content = fc.record({
    product: fc.option(fc.record({ kind: fc.constantFrom("product" as const, "craft" as const), name: stored })),
    district: fc.oneof(fc.constantFrom("Varanasi", "Sant Ravidas Nagar (Bhadohi)", "Lucknow"), stored),
    giTag: fc.option(stored),
  });

  it("draws well-formed SVG (by the strict check and by Chromium), PNG and PDF", async () => {
    const renderers = await loadNodeTagRenderers();
    const svgs: string[] = [];
    await fc.assert(
      fc.asyncProperty(content, fc.constantFrom(...TAG_SIZES), async (fields, size) => {
        const tag: TagContent = { serial: "ABCDEFGHIJKL7", verifyUrl: `HTTPS://ASLI.EXAMPLE/V/${"A".repeat(146)}`, ...fields };
        const svg = tagSvg(tag, size);
        expect(xmlWellFormednessError(svg)).toBeNull();
        svgs.push(svg);
        expect((await renderers.tagPng(tag, size)).length).toBeGreaterThan(100);
        expect((await renderers.tagPdf(tag, size)).length).toBeGreaterThan(100);
      }),
      { numRuns: 60 },
    );
    expect((await chromiumParses(svgs)).every(Boolean)).toBe(true);
  }, 120_000);
});
