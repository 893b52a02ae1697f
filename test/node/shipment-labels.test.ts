// A sealed shipment's carton labels, read back as a warehouse and a phone would: 100 x 150 mm
// pages, one per carton, their words (pdftotext), and the QR decoded from the printed page
// (pdftoppm, then zbarimg) to the shipment's public URL.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTestService } from "../support/harness.node.js";
import { makeToken } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

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
    execFileSync("pdftoppm", ["-r", "200", "-png", "-singlefile", pdf, join(dir, "page")]);
    const decoded = execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", join(dir, "page.png")], { encoding: "utf8" }).trim().split("\n").sort();
    expect(decoded).toEqual([`HTTPS://ASLI.EXAMPLE/S/${shipment.id}`, ...items.map((id) => `HTTPS://ASLI.EXAMPLE/V/${id}`)].sort());
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
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-singlefile", pdf, join(dir, "page")]);
    const decoded = execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", join(dir, "page.png")], { encoding: "utf8" }).trim();
    expect(decoded).toBe(`HTTPS://ASLI.EXAMPLE/S/${shipment.id}`);

    const other = (await makeToken(service, { role: "exporter" })).token;
    expect((await call(service, "GET", `/api/v1/shipments/${shipment.id}/labels.pdf`, undefined, other)).status).toBe(404);
  });
});
