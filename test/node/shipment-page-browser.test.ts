// A shipment's public page in a real browser (Debian's Chromium through playwright-core): the
// reader's browser fetches the signed manifest and the published keys and checks them with
// WebCrypto, and says so in the reader's language; a manifest altered on the way, or a page
// that lists other items than the signed ones, fails that check.
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { makeTestService } from "../support/harness.node.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { launchChromium } from "../support/browser.js";
import { makeToken } from "../support/principals.js";

let browser: Browser;
let server: ServerType;
let origin = "";
let shipmentId = "";
const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

beforeAll(async () => {
  const service = await makeTestService();
  const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-SHIP-BROWSER-1" });
  const exporter = (await makeToken(service, { role: "exporter" })).token;
  const items = [];
  for (let i = 0; i < 3; i++) items.push((await issueCertificate(service, artisan.id, { title: `Carpet ${i + 1}` })).id);
  const shipment = await call(service, "POST", "/api/v1/shipments", { consigneeName: "Al Noor Trading LLC", consigneeCountry: "AE" }, exporter);
  shipmentId = shipment.json.id;
  await call(service, "POST", `/api/v1/shipments/${shipmentId}/items`, { items }, exporter);
  expect((await call(service, "POST", `/api/v1/shipments/${shipmentId}/seal`, undefined, exporter)).status).toBe(200);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openAndCheck(page: Page, path: string) {
  const complaints: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) complaints.push(m.text());
  });
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => !["pending", "running"].includes(document.getElementById("browser-check")?.dataset.result ?? ""), null, { timeout: 15_000 });
  const check = page.locator("#browser-check");
  return { result: await check.getAttribute("data-result"), text: await check.innerText(), complaints };
}

describe("the shipment page in a browser", () => {
  it("checks the signed manifest in the reader's own browser, in the reader's language, under the page's CSP", async () => {
    const page = await browser.newPage({ locale: "ar-AE" });
    try {
      const { result, text, complaints } = await openAndCheck(page, `/S/${shipmentId}`);
      expect(complaints).toEqual([]);
      expect(result).toBe("pass");
      expect(text).toContain(CATALOGS.ar.shipment.check.pass);
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      expect(await page.locator("tbody tr").count()).toBe(3);
    } finally {
      await page.close();
    }
  });

  it("fails the check when the manifest is altered on the way", async () => {
    const page = await browser.newPage();
    try {
      await page.route("**/api/v1/shipments/*/manifest", async (route) => {
        const res = await route.fetch();
        const file = JSON.parse(await res.text());
        // Another certificate in place of the first: the proofs and the root no longer agree.
        file.items[0].certificate = "AEBAGBAFAYDQQ";
        await route.fulfill({ response: res, body: JSON.stringify(file) });
      });
      const { result, text } = await openAndCheck(page, `/s/${shipmentId.toLowerCase()}?lang=en`);
      expect(result).toBe("fail");
      expect(text).toContain(CATALOGS.en.shipment.check.fail);
    } finally {
      await page.close();
    }
  });

  for (const lang of ["en", "ar"] as const) {
    it(`${lang}: on a phone, the page does not scroll sideways and axe-core finds nothing serious`, async () => {
      // axe is injected, so the page's CSP is bypassed for this check only.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        await openAndCheck(page, `/S/${shipmentId}?lang=${lang}`);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll).toBeLessThanOrEqual(client);
        await page.addScriptTag({ content: AXE });
        const results = await page.evaluate(async () => (globalThis as any).axe.run(document, { resultTypes: ["violations"] }));
        const serious = (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        expect(serious).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
