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
