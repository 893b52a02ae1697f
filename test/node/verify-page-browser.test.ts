// The verify page in a real browser (Debian's Chromium through playwright-core): the buyer's
// browser checks the signature itself with WebCrypto against the published keys, says so in the
// reader's language, never with a tick unless the verdict is genuine, and the page still gives
// its verdict with scripts off.
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "../../src/core/base32.js";
import { issueToken } from "../../src/core/token.js";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { makeTestService } from "../support/harness.node.js";
import { launchChromium } from "../support/browser.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

let browser: Browser;
let server: ServerType;
let origin = "";
let token = "";
let kid = "";
let artisanId = 0;
/** Signed with the registry's own key, yet never issued: the page says invalid. */
let unregistered = "";
let revoked = "";
let suspended = "";

beforeAll(async () => {
  const service = await makeTestService();
  const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-BROWSER-1" });
  artisanId = artisan.id;
  token = (await issueCertificate(service, artisan.id)).token;
  kid = service.deps.signingKey.kid;
  const withdrawn = await issueCertificate(service, artisan.id, { title: "Reported stolen" });
  await call(service, "POST", `/api/v1/certificates/${withdrawn.id}/revocation`, { reason: "stolen" });
  revoked = withdrawn.token;
  const other = await registerArtisan(service, { name: "Suspended Weaver" });
  suspended = (await issueCertificate(service, other.id)).token;
  await call(service, "POST", `/api/v1/artisans/${other.id}/status`, { status: "suspended", reason: "under review" });
  unregistered = await issueToken(
    { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: artisan.id, districtCode: 187, productId: 103, giTagId: 2 },
    service.deps.signingKey,
  );
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

/** Opens a page and waits for the browser's own check to finish; returns its result and any CSP complaints. */
async function openAndCheck(page: Page, path: string) {
  // CSP refusals show up as console errors; failed loads as responses (the favicon aside).
  const complaints: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) complaints.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico") && !r.url().includes("/V/")) complaints.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => !["pending", "running"].includes(document.getElementById("browser-check")?.dataset.result ?? ""), null, { timeout: 10_000 });
  const check = page.locator("#browser-check");
  return {
    result: await check.getAttribute("data-result"),
    text: await check.innerText(),
    /** The key the browser found, folded away under "Technical details". */
    kid: await check.locator("[data-kid]").textContent(),
    ticks: await check.locator("[data-when]:not([hidden]) svg").count(),
    verdict: await page.locator(".verdict").getAttribute("data-status"),
    complaints,
  };
}

function tamper(t: string): string {
  const bytes = base32Decode(t)!;
  bytes[60]! ^= 0x04; // inside the signature
  return base32Encode(bytes);
}

describe("the verify page's in-browser signature check (Chromium)", () => {
  it("passes for a genuine certificate, with a tick, and folds the key away; in the reader's language", async () => {
    const page = await browser.newPage();
    const seen = await openAndCheck(page, `/V/${token}`);
    expect(seen.verdict).toBe("genuine");
    expect(seen.result).toBe("pass");
    expect(seen.text).toContain(CATALOGS.en.verify.check.pass);
    expect(seen.ticks).toBe(1);
    expect(seen.kid).toBe(kid);
    expect(seen.text).not.toContain(kid); // inside a closed <details>
    await page.locator("#browser-check summary").click();
    expect(await page.locator("#browser-check").innerText()).toContain(kid);
    expect(seen.complaints).toEqual([]);

    const hindi = await openAndCheck(page, `/V/${token}?lang=hi`);
    expect(hindi.result).toBe("pass");
    expect(hindi.text).toContain(CATALOGS.hi.verify.check.pass);
    await page.close();
  });

  it("never shows a tick for a revoked or suspended certificate, though its signature is valid", async () => {
    const page = await browser.newPage();
    for (const [path, status] of [[`/V/${revoked}`, "revoked"], [`/V/${suspended}`, "suspended"]] as const) {
      const seen = await openAndCheck(page, path);
      expect(seen.verdict).toBe(status);
      expect(seen.text).toContain(CATALOGS.en.verify.check.passNotGenuine);
      expect(seen.text).not.toContain(CATALOGS.en.verify.check.pass);
      expect(seen.ticks).toBe(0);
      expect(await page.locator(".verdict.ok").count()).toBe(0);
      expect(seen.complaints).toEqual([]);
    }
    await page.close();
  });

  it("reads the token from a lenient address as the server does: lower case, trailing slash, percent-encoded", async () => {
    const page = await browser.newPage();
    for (const path of [`/v/${token.toLowerCase()}`, `/V/${token}/?utm_source=chat`, `/V/%${token.charCodeAt(0).toString(16).toUpperCase()}${token.slice(1)}`]) {
      const seen = await openAndCheck(page, path);
      expect({ path: path.slice(0, 8), verdict: seen.verdict, result: seen.result }).toEqual({ path: path.slice(0, 8), verdict: "genuine", result: "pass" });
    }
    await page.close();
  });

  it("fails for a tampered token, as the server does", async () => {
    const page = await browser.newPage();
    const seen = await openAndCheck(page, `/V/${tamper(token)}`);
    expect(seen.verdict).toBe("invalid");
    expect(seen.result).toBe("fail");
    expect(seen.text).toContain(CATALOGS.en.verify.check.fail);
    expect(seen.ticks).toBe(0);
    expect(seen.complaints).toEqual([]);
    await page.close();
  });

  it("does not show a green tick for a validly signed token that the registry never issued", async () => {
    const page = await browser.newPage();
    const seen = await openAndCheck(page, `/V/${unregistered}`);
    expect(seen.verdict).toBe("invalid");
    // The browser says what it checked (this registry's key made the signature) without
    // contradicting the verdict: no tick, and no "failed" either, for a good signature.
    expect(seen.result).toBe("signed");
    expect(seen.ticks).toBe(0);
    expect(seen.text).toContain("the registry never issued this certificate");
    expect(seen.text).not.toContain("check failed");
    await page.close();
  });

  it("fails when a lying server shows a genuine page for a tampered token, or other ids than were signed", async () => {
    const genuineHtml = await (await fetch(`${origin}/V/${token}`)).text();
    const page = await browser.newPage();
    await page.route(`${origin}/V/${tamper(token)}`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: genuineHtml }));
    const forged = await openAndCheck(page, `/V/${tamper(token)}`);
    expect(forged.verdict).toBe("genuine"); // what the lying page claims
    expect(forged.result).toBe("fail"); // what the browser found

    await page.route(`${origin}/V/${token}`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: genuineHtml.replace(`data-artisan="${artisanId}"`, `data-artisan="${artisanId + 1}"`) }),
    );
    const swapped = await openAndCheck(page, `/V/${token}`);
    expect(swapped.result).toBe("fail");
    await page.close();
  });

  it("still gives the verdict with scripts off, and says what the script would add", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/V/${token}`);
    expect(await page.locator(".verdict").getAttribute("data-status")).toBe("genuine");
    expect(await page.locator("h1").innerText()).toContain("Genuine");
    expect(await page.locator("#browser-check").isVisible()).toBe(false);
    expect(await page.locator("body").innerText()).toContain(CATALOGS.en.verify.check.noscript);
    await context.close();
  });
});
