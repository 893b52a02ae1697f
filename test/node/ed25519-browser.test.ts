// docs/certificate-format.md §4.1 in a real browser: Chromium's WebCrypto (BoringSSL), which the
// verify page's in-browser check uses, by itself on the document's edge cases. WebCrypto needs a
// secure context, so the page is served from 127.0.0.1.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docBlocks } from "../support/doc-blocks.js";
import { launchChromium } from "../support/browser.js";
import { ED25519_EDGE_CASES } from "../support/ed25519-edge-cases.js";

const edgeCases = ED25519_EDGE_CASES(docBlocks(readFileSync(new URL("../../docs/certificate-format.md", import.meta.url), "utf8"), "docs/certificate-format.md"));

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Ed25519</title>"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

// Passed as text: the function runs in the page, untouched by the test's transpiler.
const VERIFY_IN_PAGE = `async (vectors) => {
  const bytes = (hex) => Uint8Array.from(hex.match(/../g).map((h) => parseInt(h, 16)));
  const out = {};
  for (const v of vectors) {
    try {
      const key = await crypto.subtle.importKey("raw", bytes(v.publicKey), { name: "Ed25519" }, false, ["verify"]);
      out[v.name] = (await crypto.subtle.verify("Ed25519", key, bytes(v.signature), bytes(v.message))) ? "accept" : "reject";
    } catch {
      out[v.name] = "reject";
    }
  }
  return out;
}`;

describe("Ed25519 edge cases in Chromium", () => {
  it("gives the document's boringssl column for every case", async () => {
    expect(await page.evaluate(() => isSecureContext)).toBe(true);
    const results = (await page.evaluate(`(${VERIFY_IN_PAGE})(${JSON.stringify(edgeCases)})`)) as Record<string, string>;
    expect(results).toEqual(Object.fromEntries(edgeCases.map((v) => [v.name, v.boringssl])));
  });
});
