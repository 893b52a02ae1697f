// Light and fast on a buyer's phone: the verify page's HTML (its CSS is inline) stays under
// 15 KB compressed in every language, and it paints within 2.5 s on a slow 3G line (2 s
// latency, 400 kbit/s), emulated in Chromium through CDP and read from the Performance API.
import { serve, type ServerType } from "@hono/node-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_LANGUAGES } from "../../src/pages/i18n/languages.js";
import { makeTestService, type TestService } from "../support/harness.node.js";
import { launchChromium } from "../support/browser.js";
import { issueCertificate, registerArtisan } from "../support/requests.js";

const BUDGET_BYTES = 15 * 1024;
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

let service: TestService;
let browser: Browser;
let server: ServerType;
let origin = "";
let token = "";

beforeAll(async () => {
  service = await makeTestService();
  const seller = { name: "Kashi Silk House", gstin: "09AAACK1234A1Z8" };
  const artisan = await registerArtisan(service, { name: "Ramesh Kumar Maurya", giTagId: 2, giAuthorisedUserNumber: "GI-99-AU-0417", seller });
  token = (await issueCertificate(service, artisan.id, { title: "Katan silk saree, red with gold zari buti", materials: ["silk", "zari"] })).token;
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

describe("the verify page's weight and first paint", () => {
  it("is at most 15 KB compressed, HTML and CSS together, in every language and either encoding", async () => {
    const sizes: Record<string, number> = {};
    for (const lang of PUBLIC_LANGUAGES) {
      for (const encoding of ["br", "gzip"]) {
        const res = await service.app.request(`/V/${token}?lang=${lang}`, { headers: { "accept-encoding": encoding } });
        expect(res.headers.get("content-encoding")).toBe(encoding);
        const compressed = (await res.arrayBuffer()).byteLength;
        sizes[`${lang}-${encoding}`] = compressed;
        expect(compressed, `${lang} ${encoding}`).toBeLessThanOrEqual(BUDGET_BYTES);
      }
    }
    // The style sheet is inline: there is nothing else to fetch before the first paint.
    const html = await (await service.app.request(`/V/${token}`)).text();
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    console.log(`verify page, compressed bytes: ${JSON.stringify(sizes)}`);
  });

  it("paints within 2.5 s on slow 3G (2 s latency, 400 kbit/s)", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    await page.goto(`${origin}/V/${token}`, { waitUntil: "load", timeout: 30_000 });
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const [entry] = performance.getEntriesByName("first-contentful-paint");
          if (entry) return resolve(entry.startTime);
          new PerformanceObserver((list) => resolve(list.getEntriesByName("first-contentful-paint")[0]!.startTime)).observe({ type: "paint", buffered: true });
        }),
    );
    console.log(`verify page, first contentful paint on slow 3G: ${Math.round(fcp)} ms`);
    expect(fcp).toBeGreaterThan(SLOW_3G.latency); // the emulation took effect
    expect(fcp).toBeLessThanOrEqual(2500);
    await context.close();
  });
});
