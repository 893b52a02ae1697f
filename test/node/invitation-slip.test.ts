// The printed invitation slip, read back as a person and a phone would: its text in English and
// Hindi (pdftotext), and its QR decoded from the printed page (pdftoppm, then zbarimg) to the
// very sign-in link the invitation answered.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTestService } from "../support/harness.node.js";
import { makeArtisan } from "../support/principals.js";
import { call } from "../support/requests.js";
import { ConsoleVisitor } from "../support/console.js";
import { qrCodesInPdf } from "../support/printed.js";

describe("the invitation slip", () => {
  it("prints the link as text and as a QR that decodes to it, with the role, in English and Hindi", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own", { name: "Shabnam Bano" });
    const invitation = (await call(service, "POST", "/api/v1/invitations", { name: "Shabnam Bano", role: "artisan", artisanId })).json;
    const res = await service.app.request("/api/v1/invitations/slip.pdf", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ url: invitation.url }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const dir = mkdtempSync(join(tmpdir(), "asli-slip-"));
    const pdf = join(dir, "slip.pdf");
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));

    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const words of ["Invitation to the Asli console", "असली कंसोल का आमंत्रण", "Shabnam Bano", "Artisan: Shabnam Bano", "कारीगर: Shabnam Bano", "4 March 2026", "https://asli.example/console", "Keep this slip private", "इस्तेमाल करने तक यह पर्ची"]) {
      expect(text, words).toContain(words);
    }
    // The link itself, printed in lines that break anywhere: compare without the breaks.
    expect(text.replace(/\s+/g, "")).toContain(invitation.url);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+419\.5\d* x 595\.2\d* pts/);

    expect(qrCodesInPdf(readFileSync(pdf), { dpi: 200 })).toEqual([invitation.url]);

    // The console's own print button gives the same slip.
    const visitor = new ConsoleVisitor(service);
    const office = (await call(service, "POST", "/api/v1/invitations", { name: "Office", role: "district", districtCode: 187 })).json;
    expect((await visitor.enrol(office.url)).status).toBe(200);
    const printed = await visitor.post("/console/invitations/slip", { url: invitation.url });
    expect([printed.status, printed.res.headers.get("content-type")]).toEqual([200, "application/pdf"]);
  });
});
