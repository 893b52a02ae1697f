// The QR the service serves, read back by a real decoder (zbarimg from Debian's zbar-tools).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTestService } from "../support/harness.node.js";
import { qrCodesInImage } from "../support/printed.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

describe("QR images", () => {
  it("decodes from the served PNG to the verify URL, and that URL verifies genuine", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-QR-1" });
    const issued = await issueCertificate(service, artisan.id);
    const png = await service.app.request(issued.links.qrPng, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(png.status).toBe(200);

    const file = join(mkdtempSync(join(tmpdir(), "asli-qr-")), "qr.png");
    writeFileSync(file, new Uint8Array(await png.arrayBuffer()));
    const decoded = qrCodesInImage(file).join("\n");
    expect(decoded).toBe(issued.verifyUrl);

    const path = new URL(decoded).pathname; // /V/TOKEN, as a phone would request it
    const page = await service.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-status="genuine"');
    const { json } = await call(service, "GET", `/api/v1/verify/${path.slice(3)}`, undefined, null);
    expect(json.certificate.id).toBe(issued.id);
  });
});
