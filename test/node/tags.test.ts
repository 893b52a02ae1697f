// Tags read back by real clients: zbarimg decodes the QR from tag.png, and from tag.pdf
// rendered to an image by pdftoppm (Debian's poppler-utils); pdftotext reads the words.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTestService } from "../support/harness.node.js";
import { issueCertificate, registerArtisan } from "../support/requests.js";

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
const zbar = (file: string) => run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file]).trim().split("\n").sort();

async function fetchTo(service: Awaited<ReturnType<typeof makeTestService>>, path: string, file: string) {
  const res = await service.app.request(path, { headers: { authorization: `Bearer ${service.adminToken}` } });
  expect(res.status, path).toBe(200);
  writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  return res;
}

describe("tag.png and tag.pdf", () => {
  it("decode with zbarimg to the verify URL, in both sizes, and carry the words", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-TAG-1" });
    const issued = await issueCertificate(service, artisan.id);
    const dir = mkdtempSync(join(tmpdir(), "asli-tag-"));
    for (const size of ["swing", "sticker"]) {
      const png = join(dir, `${size}.png`);
      const res = await fetchTo(service, `/api/v1/certificates/${issued.id}/tag.png?size=${size}`, png);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(zbar(png)).toEqual([issued.verifyUrl]);

      const pdf = join(dir, `${size}.pdf`);
      expect((await fetchTo(service, `/api/v1/certificates/${issued.id}/tag.pdf?size=${size}`, pdf)).headers.get("content-type")).toBe("application/pdf");
      // A 300 dpi office printer's view of the tag.
      run("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf, join(dir, `${size}-pdf`)]);
      expect(zbar(join(dir, `${size}-pdf.png`))).toEqual([issued.verifyUrl]);
      const info = run("pdfinfo", [pdf]);
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map((v) => (Number(v) * 25.4) / 72);
      expect([Math.round(w!), Math.round(h!)]).toEqual(size === "swing" ? [50, 30] : [25, 25]);
      const text = run("pdftotext", [pdf, "-"]);
      for (const words of [issued.id, "Banarasi Silk Saree", "Varanasi"]) expect(text).toContain(words);
      if (size === "swing") for (const words of ["ASLI · असली", "District · ज़िला", "Product · उत्पाद", "प्रमाणित हस्तनिर्मित", "GI tag · जीआई टैग", "Banaras Brocades"]) expect(text).toContain(words);
    }
  });
});

describe("label sheet", () => {
  it("lays 50 labels on 3 A4 pages of 3 x 8, numbered, with the batch id, every QR decoding", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-TAG-2" });
    const body = ["artisan_id,title", ...Array.from({ length: 50 }, (_, i) => `${artisan.id},Saree ${i + 1}`)].join("\n");
    const res = await service.app.request("/api/v1/batches", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "text/csv" },
      body,
    });
    const batch = (await res.json()) as { id: string; verifyUrlPrefix: string; certificates: { token: string }[] };
    expect(res.status).toBe(201);

    const dir = mkdtempSync(join(tmpdir(), "asli-sheet-"));
    const pdf = join(dir, "labels.pdf");
    const sheet = await fetchTo(service, `/api/v1/batches/${batch.id}/labels.pdf`, pdf);
    expect(sheet.headers.get("content-disposition")).toContain(`asli-${batch.id}-labels.pdf`);
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/Pages:\s+3\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = run("pdftotext", [pdf, "-"]);
    expect(text).toContain(`Asli batch ${batch.id} · labels 1–24 of 50 · page 1 of 3`);
    expect(text).toContain(`labels 49–50 of 50 · page 3 of 3`);

    run("pdftoppm", ["-r", "300", "-png", pdf, join(dir, "page")]);
    const pages = readdirSync(dir).filter((f) => f.startsWith("page")).sort();
    expect(pages).toHaveLength(3);
    const urls = batch.certificates.map((c) => batch.verifyUrlPrefix + c.token);
    expect(zbar(join(dir, pages[0]!))).toEqual(urls.slice(0, 24).sort());
    expect(zbar(join(dir, pages[2]!))).toEqual(urls.slice(48).sort());
  });
});
