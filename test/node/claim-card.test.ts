// The printed first buyer's claim card, read back as a buyer and a phone would: the code in
// print (pdftotext), the QR decoded from the printed page (pdftoppm, zbarimg) to the
// certificate's verify URL and nothing else: the code is never in a QR.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTestService } from "../support/harness.node.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import type { TestService } from "../support/harness.js";
import { qrCodesInPdf } from "../support/printed.js";

function card(service: TestService, id: string, claimCode: string) {
  return service.app.request(`/api/v1/certificates/${id}/claim-card.pdf`, {
    method: "POST",
    headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ claimCode }),
  });
}

describe("the claim card", () => {
  it("prints the code in English and Hindi, with a QR of the verify URL only", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service);
    const issued = (await issueCertificate(service, artisan.id, { claimCode: true })) as Awaited<ReturnType<typeof issueCertificate>> & { claimCode: string };
    const res = await card(service, issued.id, issued.claimCode);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const dir = mkdtempSync(join(tmpdir(), "asli-claim-card-"));
    const pdf = join(dir, "card.pdf");
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));

    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const words of ["First buyer's claim card", "पहले खरीदार का दावा कार्ड", issued.claimCode, issued.id, "The code works once", "दावा कोड"]) expect(text, words).toContain(words);
    const decoded = qrCodesInPdf(readFileSync(pdf), { dpi: 200 }).join("\n");
    expect(decoded).toBe(issued.verifyUrl);
    expect(decoded).not.toContain(issued.claimCode.replace("-", ""));
  });

  it("prints only the current code of a certificate that has one", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service);
    const issued = (await issueCertificate(service, artisan.id, { claimCode: true })) as Awaited<ReturnType<typeof issueCertificate>> & { claimCode: string };
    const wrong = await card(service, issued.id, "ABCDE-FGHJK");
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { code: string }).code).toBe("wrong-claim-code");
    const plain = await issueCertificate(service, artisan.id);
    expect((await card(service, plain.id, issued.claimCode)).status).toBe(404);
    const replaced = await call(service, "POST", `/api/v1/certificates/${issued.id}/claim-code`);
    expect((await card(service, issued.id, issued.claimCode)).status).toBe(422);
    expect((await card(service, issued.id, replaced.json.claimCode)).status).toBe(200);
  });
});
