// The console's label sheet for chosen certificates, read as a printer would: the PDF rendered
// by pdftoppm and every QR on it decoded by zbarimg. It holds exactly the chosen certificates,
// each once, whatever order or repetition the list's checkboxes sent.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTestService } from "../support/harness.node.js";
import { ConsoleVisitor } from "../support/console.js";
import { makeArtisan, makeCertificate, unique } from "../support/principals.js";
import { call, VARANASI } from "../support/requests.js";
import { qrCodesOnFirstPage } from "../support/printed.js";

describe("the console's label sheet for chosen certificates", () => {
  it("prints every chosen certificate's QR once, and no other", async () => {
    const service = await makeTestService();
    const invited = await call(service, "POST", "/api/v1/invitations", { name: unique("Clerk"), role: "district", districtCode: VARANASI });
    const visitor = new ConsoleVisitor(service);
    expect((await visitor.enrol(invited.json.url)).status).toBe(200);
    const artisanId = await makeArtisan(service, "own");
    const serials = [];
    for (let i = 0; i < 4; i++) serials.push(await makeCertificate(service, artisanId));
    const chosen = [serials[3]!, serials[0]!, serials[2]!];

    const res = await service.app.request(`${visitor.origin}/console/certificates/labels.pdf?${[...chosen, chosen[0]].map((id) => `id=${id}`).join("&")}`, {
      headers: { cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    const dir = mkdtempSync(join(tmpdir(), "asli-chosen-labels-"));
    try {
      writeFileSync(join(dir, "labels.pdf"), new Uint8Array(await res.arrayBuffer()));
      const decoded = qrCodesOnFirstPage(readFileSync(join(dir, "labels.pdf")));
      const expected = [];
      for (const id of chosen) expected.push(((await call(service, "GET", `/api/v1/certificates/${id}`)).json.verifyUrl as string).toUpperCase());
      expect(decoded).toEqual(expected.sort());
      const text = execFileSync("pdftotext", [join(dir, "labels.pdf"), "-"], { encoding: "utf8" });
      expect(text).toContain("labels 1–3 of 3");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
