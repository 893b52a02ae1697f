// A shipment's public page in a real browser (Debian's Chromium through playwright-core): the
// reader's browser fetches the signed manifest and the published keys and checks them with
// WebCrypto, and says so in the reader's language; a manifest altered on the way, or a page
// that lists other items than the signed ones, fails that check.
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { LANGUAGES, type Language } from "../../src/pages/i18n/languages.js";
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
  // A long name and title, as real ones can be: the narrow layout must wrap them, never cut them.
  const artisan = await registerArtisan(service, { name: "Mohammad Abdul Rahman Ansari Banarasiwale", giTagId: 2, giAuthorisedUserNumber: "AU-SHIP-BROWSER-1" });
  const exporter = (await makeToken(service, { role: "exporter" })).token;
  const items = [];
  for (let i = 0; i < 3; i++) items.push((await issueCertificate(service, artisan.id, { title: `Hand-knotted silk and wool carpet with a traditional medallion ${i + 1}` })).id);
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

  it("heads the facts card apart from the shipment number it lists first", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/S/${shipmentId}?lang=en`);
      const heading = await page.locator("#shipment-h").innerText();
      expect(heading).toBe(CATALOGS.en.shipmentFacts.heading);
      expect(heading).not.toBe(await page.locator("#shipment dt").first().innerText());
    } finally {
      await page.close();
    }
  });

  // Every right-to-left language, and the three whose shipment page has the most text: where a
  // column is cut, or a table grows wider than a phone, first.
  const textLength = (lang: Language) => JSON.stringify(CATALOGS[lang].shipment).length;
  const byLength = (Object.keys(LANGUAGES) as Language[]).sort((a, b) => textLength(b) - textLength(a));
  const phoneLanguages = [...new Set<Language>(["en", ...(Object.keys(LANGUAGES) as Language[]).filter((l) => LANGUAGES[l].dir === "rtl"), ...byLength.slice(0, 3)])];

  for (const lang of phoneLanguages) {
    it(`${lang}: on a phone, nothing is cut or scrolls sideways, each item is a card that names its fields, and axe-core finds nothing serious`, async () => {
      // axe is injected, so the page's CSP is bypassed for this check only.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        await openAndCheck(page, `/S/${shipmentId}?lang=${lang}`);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll).toBeLessThanOrEqual(client);
        // A scrolling box inside the page hides what is past its edge just as well: none may need to scroll.
        const hidden = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // What is hidden for the eye only (the header row of stacked cards, 1 px wide) is read, not seen.
          const seen = (e: Element) => {
            for (let a: Element | null = e; a; a = a.parentElement) if (a.getBoundingClientRect().width <= 1) return false;
            return true;
          };
          const boxes = [...document.querySelectorAll<HTMLElement>("main *")].filter((e) => seen(e) && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible");
          const cells = [...document.querySelectorAll("main td, main th")].filter((e) => seen(e)).filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
          });
          return [...boxes, ...cells].map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`);
        });
        expect(hidden).toEqual([]);
        // Each item stacks as a card whose fields are named in the reader's language.
        const labels = await page.evaluate(() => [...document.querySelectorAll("tbody tr:first-child td")].map((td) => getComputedStyle(td, "::before").content));
        const c = CATALOGS[lang].shipment.columns;
        for (const column of [c.item, c.maker, c.place, c.gi]) expect(labels).toContain(JSON.stringify(column));
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
