// /docs in a real browser (Debian's Chromium through playwright-core), served by the Node
// deployment's app over real HTTP: no console error (CSP or other), no request to any other
// origin, nothing it loads fails, axe-core finds no violation, and its links to the
// specifications open them from the same origin.
import { serve, type ServerType } from "@hono/node-server";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { SPECS } from "../../src/http/routes/docs.js";
import { nodeSpecSource } from "../../src/runtime/specs.js";
import { launchChromium } from "../support/browser.js";
import { makeTestService } from "../support/harness.node.js";

const DOCS = fileURLToPath(new URL("../../docs/", import.meta.url));
let browser: Browser;
let server: ServerType;
let origin = "";

beforeAll(async () => {
  const service = await makeTestService();
  const app = createApp({ ...service.deps, specs: nodeSpecSource() });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
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

describe("the API reference in Chromium", () => {
  it("renders with no console error, no foreign request and no failed load, and passes axe-core", async () => {
    const page = await browser.newPage();
    const complaints: string[] = [];
    const foreign: string[] = [];
    page.on("console", (m) => {
      // The browser's own favicon request is not the page's doing (it answers 404 here).
      if (m.location().url.endsWith("/favicon.ico")) return;
      if (m.type() === "error" || m.type() === "warning") complaints.push(`${m.type()}: ${m.text()} (${m.location().url})`);
    });
    page.on("pageerror", (e) => complaints.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(`${origin}/`)) foreign.push(r.url());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) complaints.push(`${r.status()} ${r.url()}`);
    });
    const res = await page.goto(`${origin}/docs`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1").innerText()).resolves.toBe("Asli API reference");
    expect(await page.locator("article.op").count()).toBeGreaterThan(40);
    expect(await page.locator("#op-post-api-v1-certificates pre").first().innerText()).toContain('"artisanId": 1');

    const require = createRequire(import.meta.url);
    // Run through the DevTools protocol, which the page's CSP does not govern: the page itself
    // loads no script.
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => (await (window as any).axe.run(document)).violations.map((v: any) => `${v.id}: ${v.nodes.length}`));
    expect(violations).toEqual([]);
    expect(complaints).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  }, 90_000); // axe-core over the whole reference (every operation, every example): slow on a busy 2-core machine

  it("links every specification of docs/, and opens each from this origin as the file says", async () => {
    const files = readdirSync(DOCS).filter((f) => f.endsWith(".md"));
    expect(SPECS.map((s) => s.file).sort()).toEqual(files.sort());
    const page = await browser.newPage();
    await page.goto(`${origin}/docs`);
    for (const spec of SPECS) {
      await page.goto(`${origin}/docs`);
      await page.locator(`#specs a[href="/docs/specs/${spec.file}"]`).click();
      expect(page.url()).toBe(`${origin}/docs/specs/${spec.file}`);
      expect((await page.locator("body").innerText()).trimEnd(), spec.file).toBe(readFileSync(`${DOCS}${spec.file}`, "utf8").trimEnd());
    }
    await page.close();
  });
});
