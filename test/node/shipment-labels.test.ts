// A sealed shipment's carton labels, read back as a warehouse and a phone would: 100 x 150 mm
// pages, one per carton, their words (pdftotext), and the QR decoded from the printed page
// (pdftoppm, then zbarimg) to the shipment's public URL.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ar } from "../../src/pages/i18n/messages/ar.js";
import { ur } from "../../src/pages/i18n/messages/ur.js";
import { bidiRuns } from "../../src/render/bidi.js";
import { createTagFonts } from "../../src/render/renderers.js";
import { readArabicFontBytes, readRendererAssets } from "../../src/runtime/renderers.js";
import { makeTestService } from "../support/harness.node.js";
import { makeToken } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { qrCodesInPdf } from "../support/printed.js";

describe("the provenance document", () => {
  it("lists every item with its QR, in English and the consignee's language, and its QR codes read back", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: "Rafiq Ahmad", giTagId: 2, giAuthorisedUserNumber: "AU-DOC-1" });
    const exporter = (await makeToken(service, { role: "exporter" })).token;
    const items = [(await issueCertificate(service, artisan.id, { title: "Katan silk saree" })).id, (await issueCertificate(service, artisan.id, { title: "Jangla brocade stole" })).id];
    const shipment = (await call(service, "POST", "/api/v1/shipments", { consigneeName: "Hamburg Messing GmbH", consigneeCountry: "DE", reference: "PO-77" }, exporter)).json;
    await call(service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items }, exporter);
    expect((await call(service, "GET", `/api/v1/shipments/${shipment.id}/document.pdf`, undefined, exporter)).json.code).toBe("shipment-not-sealed");
    await call(service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, exporter);
    const res = await service.app.request(`/api/v1/shipments/${shipment.id}/document.pdf`, { headers: { authorization: `Bearer ${exporter}` } });
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), "asli-provenance-"));
    const pdf = join(dir, "document.pdf");
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts/);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const words of ["Certificate of provenance", "Herkunftszeugnis", "Hamburg Messing GmbH", "Germany · Deutschland", "PO-77", "Katan silk saree", "Jangla brocade stole", "Rafiq Ahmad", "Banaras Brocades", "Varanasi", "npx asli-verify", "Page 1 of 1 · Seite 1 von 1"]) {
      expect(text, words).toContain(words);
    }
    const decoded = qrCodesInPdf(readFileSync(pdf), { dpi: 200 });
    expect(decoded).toEqual([`HTTPS://ASLI.EXAMPLE/S/${shipment.id}`, ...items.map((id) => `HTTPS://ASLI.EXAMPLE/V/${id}`)].sort());
  });
});

describe("the provenance document in a right-to-left language", () => {
  const PT_PER_MM = 72 / 25.4;
  /** pdftotext marks right-to-left runs with embedding controls (U+202A–U+202E); the words between them are in reading order. */
  const words = (pdf: string) => execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/[\u202a-\u202e]/g, "");

  for (const [lang, country, consignee, catalog] of [
    ["ar", "AE", "شركة النور للتجارة العامة", ar],
    ["ur", "PK", "لاہور ہینڈی کرافٹس اینڈ کارپٹس", ur],
  ] as const) {
    it(`in ${lang}: Arabic-script words extract in reading order, QR codes read back, nothing crosses the margins`, async () => {
      const service = await makeTestService();
      const artisan = await registerArtisan(service, { name: "Rafiq Ahmad", giTagId: 2, giAuthorisedUserNumber: `AU-RTL-${lang}` });
      const exporter = (await makeToken(service, { role: "exporter" })).token;
      const items: string[] = [];
      for (let i = 0; i < 9; i++) items.push((await issueCertificate(service, artisan.id, { title: i === 0 ? "A very long title of a hand-knotted Bhadohi carpet in wool and silk, 240 × 170 cm, with a border of vines" : `Katan silk saree ${i}` })).id);
      const shipment = (await call(service, "POST", "/api/v1/shipments", { consigneeName: consignee, consigneeCountry: country, reference: "INV-2026-0042" }, exporter)).json;
      expect(shipment.documentLanguage).toBe(lang);
      await call(service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items }, exporter);
      await call(service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, exporter);
      const res = await service.app.request(`/api/v1/shipments/${shipment.id}/document.pdf`, { headers: { authorization: `Bearer ${exporter}` } });
      expect(res.status).toBe(200);
      const dir = mkdtempSync(join(tmpdir(), `asli-provenance-${lang}-`));
      const pdf = join(dir, "document.pdf");
      writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));

      const text = words(pdf).replace(/\s+/g, " ");
      const d = catalog.shipment.document;
      // The title, the consignee's name as typed, every word of the statement in Arabic script,
      // in reading order (letters reversed would not match), and most runs of three such words
      // (not those a line break splits: pdftotext orders a line that mixes in Latin words by
      // its own rules).
      for (const expected of [d.title, consignee, "Certificate of provenance", "Rafiq Ahmad", "INV-2026-0042", ...items]) expect(text, expected).toContain(expected);
      const arabicWord = (w: string) => /^[\u0621-\u065f\u0670-\u06d3\u06d5]+$/.test(w);
      const statement = d.statement.split(" ");
      const found = new Set(text.split(/[\s\p{P}A-Za-z0-9]+/u));
      for (const word of statement.filter(arabicWord)) expect(found, word).toContain(word);
      const phrases = statement.map((_, i) => statement.slice(i, i + 3)).filter((p) => p.length === 3 && p.every(arabicWord)).map((p) => p.join(" "));
      expect(phrases.length).toBeGreaterThan(20);
      expect(phrases.filter((p) => text.includes(p)).length).toBeGreaterThanOrEqual(phrases.length * 0.75);
      expect(execFileSync("pdffonts", [pdf], { encoding: "utf8" })).toMatch(/NotoNaskhArabic-Bold/);

      const decoded = qrCodesInPdf(readFileSync(pdf), { dpi: 200 });
      expect(decoded).toEqual([`HTTPS://ASLI.EXAMPLE/S/${shipment.id}`, ...items.map((id) => `HTTPS://ASLI.EXAMPLE/V/${id}`)].sort());

      // Every word's box lies within the 15 mm margins (the footer sits in the bottom one).
      const boxes = [...execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
      expect(boxes.length).toBeGreaterThan(100);
      for (const [xMin, yMin, xMax, yMax] of boxes) {
        expect(xMin).toBeGreaterThanOrEqual(15 * PT_PER_MM - 1);
        expect(xMax).toBeLessThanOrEqual(195 * PT_PER_MM + 1);
        expect(yMin).toBeGreaterThanOrEqual(15 * PT_PER_MM - 4);
        expect(yMax).toBeLessThanOrEqual(297 * PT_PER_MM - 4);
      }
      // A right-to-left page is mirrored: the items' QR codes on the right (from 171 mm), their words right-aligned against them.
      const page2 = boxes.slice(boxes.findIndex(([, yMin], i) => i > 0 && yMin < boxes[i - 1]![1] - 300));
      const rightmost = Math.max(...page2.filter(([, , , yMax]) => yMax < 280 * PT_PER_MM).map(([, , xMax]) => xMax));
      expect(rightmost).toBeGreaterThan(160 * PT_PER_MM);
      expect(rightmost).toBeLessThan(171 * PT_PER_MM);
    }, 120_000);
  }

  it("shapes Arabic letters into their joined forms, right to left", async () => {
    const fonts = await createTagFonts(await readRendererAssets());
    fonts.addArabic(readArabicFontBytes());
    const word = "المصدر";
    const joined = fonts.shape(word, "regular", true, "rtl");
    const isolated = [...word].map((ch) => fonts.shape(ch, "regular", true, "rtl").glyphs.map((g) => g.id));
    expect(joined.glyphs.every((g) => g.face === "arabic" && g.id !== 0)).toBe(true);
    // Joined, the letters take initial, medial and final forms, not the isolated ones.
    expect(joined.glyphs.map((g) => g.id)).not.toEqual(isolated.reverse().flat());
    // Visual order: the first letter (ا of ال) is drawn rightmost, so its glyph comes last.
    expect(joined.glyphs.at(-1)!.chars).toBe("ا");
    // In a left-to-right line, an Arabic name is still one right-to-left run, set in Naskh, beside Latin set in the main font.
    const mixed = fonts.shape("Exporter · المصدر", "regular");
    expect(mixed.segments.map((s) => s.direction)).toEqual(["ltr", "rtl"]);
    expect(new Set(mixed.glyphs.slice(0, 8).map((g) => g.face))).toEqual(new Set(["main"]));
    expect(mixed.glyphs.slice(-joined.glyphs.length).map((g) => g.id)).toEqual(joined.glyphs.map((g) => g.id));

    // Any name mixing Latin, Devanagari, Arabic, Urdu and digits: each character is set in a font that has it, and the runs cover the text once.
    const letter = fc.constantFrom(..."AaZzéü0189", ..."कखगमरािीुेँ्", ..."ابتثجحدرسصطعفقكلمنهوي", ..."ٹڈڑںھہیےۓ", ..."٠١٩۰۹", ..."\u064e\u0651", ..." ·-,.:()");
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 30 }).map((cs) => cs.join("")), fc.constantFrom<"ltr" | "rtl">("ltr", "rtl"), (name, direction) => {
        const run = fonts.shape(name, "bold", false, direction);
        expect(run.glyphs.filter((g) => g.id === 0), name).toEqual([]);
        expect(run.segments.reduce((n, s) => n + s.glyphs, 0)).toBe(run.glyphs.length);
        expect([...run.segments.map((s) => s.text)].sort().join("")).toBe([...bidiRuns(name, direction).map((r) => r.text)].sort().join(""));
        expect(run.glyphs.filter((g) => g.face === "arabic").length > 0).toBe(/[\u0600-\u06ff]/.test(name));
      }),
      { numRuns: 300 },
    );
  });
});

describe("carton labels", () => {
  it("print the shipment QR, its facts and the carton's number, for a sealed shipment only", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-CARTON-1" });
    const exporter = (await makeToken(service, { role: "exporter" })).token;
    const items = [(await issueCertificate(service, artisan.id)).id, (await issueCertificate(service, artisan.id)).id];
    const shipment = (await call(service, "POST", "/api/v1/shipments", { consigneeName: "Al Noor Trading LLC", consigneeCountry: "AE", reference: "INV-2026-0042" }, exporter)).json;
    await call(service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items }, exporter);
    const early = await call(service, "GET", `/api/v1/shipments/${shipment.id}/labels.pdf`, undefined, exporter);
    expect(early).toMatchObject({ status: 409, json: { code: "shipment-not-sealed" } });
    await call(service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, exporter);

    const res = await service.app.request(`/api/v1/shipments/${shipment.id}/labels.pdf?cartons=2`, { headers: { authorization: `Bearer ${exporter}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "asli-carton-"));
    const pdf = join(dir, "labels.pdf");
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+283\.4\d* x 425\.19?\d* pts/);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const words of [shipment.id, shipment.exporter, "United Arab Emirates", "INV-2026-0042", "2 certified items", "Carton 1 of 2", "Carton 2 of 2"]) expect(text, words).toContain(words);
    expect(text).not.toContain("Al Noor");
    // One code per carton label.
    expect(qrCodesInPdf(readFileSync(pdf), { dpi: 150, pages: { first: 1, last: 1 } })).toEqual([`HTTPS://ASLI.EXAMPLE/S/${shipment.id}`]);

    const other = (await makeToken(service, { role: "exporter" })).token;
    expect((await call(service, "GET", `/api/v1/shipments/${shipment.id}/labels.pdf`, undefined, other)).status).toBe(404);
  });
});
