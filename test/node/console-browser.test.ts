// The console in a real browser: Debian's Chromium through playwright-core, one launch for the
// file, each person in their own browser context with a DevTools virtual authenticator (a
// platform authenticator with resident keys and user verification). The flow: a sign-in link,
// passkey enrolment, sign-out, sign-in with the passkey, home, inviting a colleague, who enrols
// on their own "phone", revoking them (their session ends at once). Also: used and expired links,
// a cross-origin form POST, the cookie's flags, scope, axe-core on every page, page weight.
// ASLI_SCREENSHOTS=<dir> saves a screenshot of each page there (docs/images/ for docs/console.md).
import { serve, type ServerType } from "@hono/node-server";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { ConsoleVisitor, LOCAL_SESSION_COOKIE } from "../support/console.js";
import { makeTestService, TEST_START, type TestService } from "../support/harness.node.js";
import { freePort } from "../support/net.js";
import { makeArtisan, unique } from "../support/principals.js";
import { call, LUCKNOW, VARANASI } from "../support/requests.js";
import { launchChromium } from "../support/browser.js";
import { batchCsv, enrol, phone as newPhone, uploadBatch, withoutPasskeyAutofill } from "../support/console-browser.js";
import { qrCodesOnFirstPage } from "../support/printed.js";
import { snapshot } from "../support/snapshot.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = process.env.ASLI_SCREENSHOTS;
const PAGE_BUDGET = 30 * 1024;

let browser: Browser;
let servers: ServerType[] = [];
let service: TestService;
let origin = "";
let evilOrigin = "";
/** Every console page the tests load, with what it weighs gzipped (document and its own script). */
const weights = new Map<string, number>();

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number): Promise<void> {
  return new Promise((resolve) => {
    servers.push(serve({ fetch, port, hostname: "127.0.0.1" }, () => resolve()));
  });
}

beforeAll(async () => {
  const base = await makeTestService();
  const port = await freePort();
  // WebAuthn needs a domain as RP ID (not an IP address) and a secure context: http://localhost is both.
  origin = `http://localhost:${port}`;
  const deps = { ...base.deps, baseUrl: origin };
  service = { ...base, deps, app: createApp(deps) };
  await listen(service.app.fetch, port);
  // Another site, whose page posts a form to the console.
  const evilPort = await freePort();
  evilOrigin = `http://127.0.0.1:${evilPort}`;
  await listen(
    () =>
      new Response(
        `<!doctype html><title>Win a prize</title><form method="post" action="${origin}/console/people/invitations">` +
          `<input name="_csrf" value="guess"><input name="name" value="Forged officer"><input name="role" value="district"></form>` +
          `<script>document.forms[0].submit()</script>`,
        { headers: { "content-type": "text/html" } },
      ),
    evilPort,
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A person on their own phone, the console pages it loads weighed. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPhone(browser, { bypassCSP: true });
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || response.request().method() !== "GET" || response.status() >= 300) return;
    const type = response.headers()["content-type"] ?? "";
    if (!type.startsWith("text/html") && !type.startsWith("text/javascript")) return;
    let body: Buffer;
    try {
      body = await response.body();
    } catch {
      return; // the context closed meanwhile
    }
    const gz = gzipSync(body).length;
    const key = type.startsWith("text/html")
      ? url.pathname.replace(/\/join\/[a-z2-7]+/, "/join/{secret}").replace(/^\/console\/(artisans|certificates|batches)\/[^/]+$/, "/console/$1/{id}").replace(/^\/[vV]\/.*$/, "/v/{token}")
      : "script";
    weights.set(key, Math.max(weights.get(key) ?? 0, gz));
  });
  return { context, page };
}

/** axe-core in the page: no serious or critical violation. Optionally a screenshot for the docs. */
async function accessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const { violations, checked } = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return {
      violations: result.violations.filter((v: any) => v.impact === "serious" || v.impact === "critical").map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`),
      checked: result.passes.length,
    };
  });
  expect(violations, `${name}: axe-core`).toEqual([]);
  expect(checked, `${name}: axe-core ran its rules`).toBeGreaterThan(10);
  if (SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`), fullPage: true });
  }
}

async function invite(body: Record<string, unknown>) {
  const res = await call(service, "POST", "/api/v1/invitations", body);
  expect(res.status).toBe(201);
  return res.json as { id: number; url: string; name: string };
}

/** Enrols from a sign-in link, naming the device "my phone"; `screenshot`: axe-core on the enrolment page first. */
function enrolPhone(page: Page, url: string, screenshot?: string): Promise<void> {
  return enrol(page, url, { label: "my phone", beforeCreate: screenshot ? (p) => accessible(p, screenshot) : undefined });
}

describe("the console in Chromium with a virtual authenticator", () => {
  it("enrols, signs out, signs in with the passkey, invites a colleague and revokes them (their session ends at once)", { timeout: 60_000 }, async () => {
    const officer = await invite({ name: "Priya Sharma", role: "district", districtCode: VARANASI });
    const priya = await phone();
    await enrolPhone(priya.page, officer.url, "enrol");
    await expect.poll(() => priya.page.locator("h1").innerText()).toBe("Welcome, Priya Sharma");
    expect(await priya.page.locator("main").innerText()).toContain("District office staff, Varanasi");
    await accessible(priya.page, "home");

    // The cookie: on http://localhost it cannot be __Host- (that needs Secure, which browsers refuse over HTTP here).
    const cookies = await priya.context.cookies(origin);
    const session = cookies.find((c) => c.name === LOCAL_SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, secure: false, sameSite: "Lax", path: "/", domain: "localhost" });
    expect(session.expires - Date.now() / 1000).toBeGreaterThan(7 * 86_400 - 120);
    expect(await priya.page.evaluate(() => document.cookie)).not.toContain(LOCAL_SESSION_COOKIE);

    // The virtual authenticator answers the sign-in page's autofill request (conditional UI) at
    // once; a browser without it shows the button only, which is the path tested here. The
    // autofill path has its own test below.
    await withoutPasskeyAutofill(priya.context);
    await priya.page.getByRole("button", { name: /^Sign out/ }).click();
    await priya.page.waitForURL(`${origin}/console?signed-out`);
    expect(await priya.page.locator(".notice").innerText()).toBe("You have signed out.");
    await expect.poll(() => priya.page.locator("[data-passkey-start]").isEnabled()).toBe(true);
    await accessible(priya.page, "sign-in");
    await priya.page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await priya.page.waitForURL(`${origin}/console`);
    await expect.poll(() => priya.page.locator("h1").innerText()).toBe("Welcome, Priya Sharma");

    await priya.page.getByRole("link", { name: "People" }).click();
    await accessible(priya.page, "people");
    await priya.page.getByLabel("Name", { exact: true }).fill("Ramesh Kumar");
    await priya.page.getByLabel("Role").selectOption("district");
    await priya.page.getByRole("button", { name: "Create sign-in link" }).click();
    await expect.poll(() => priya.page.locator("h1").innerText()).toBe("Sign-in link for Ramesh Kumar");
    await accessible(priya.page, "invitation");
    const link = (await priya.page.locator("[data-invitation-url]").innerText()).trim();
    expect(link).toMatch(new RegExp(`^${origin}/console/join/[a-z2-7]{32}$`));
    expect(await priya.page.locator("img.qr").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    const ramesh = await phone();
    await enrolPhone(ramesh.page, link);
    await expect.poll(() => ramesh.page.locator("h1").innerText()).toBe("Welcome, Ramesh Kumar");

    await priya.page.goto(`${origin}/console/people`);
    await priya.page.getByRole("button", { name: "Revoke access of Ramesh Kumar" }).click();
    await expect.poll(() => priya.page.locator(".notice").innerText()).toBe("The access of Ramesh Kumar was revoked. Their sessions have ended.");

    await ramesh.page.getByRole("link", { name: "My passkeys" }).click();
    await ramesh.page.waitForURL(`${origin}/console?ended`);
    expect(await ramesh.page.locator(".notice").innerText()).toBe("Your session has ended. Sign in again.");
    await expect.poll(() => ramesh.page.locator("[data-passkey-start]").isEnabled()).toBe(true);
    await ramesh.page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect.poll(() => ramesh.page.locator("[data-passkey-status]").innerText()).toBe("Your access to the console has been revoked.");

    // My passkeys, and the Hindi console, remembered from page to page.
    await priya.page.getByRole("link", { name: "My passkeys" }).click();
    expect(await priya.page.locator("[data-passkey-id]").count()).toBe(1);
    expect(await priya.page.locator("main").innerText()).toContain("my phone");
    await accessible(priya.page, "passkeys");
    await priya.page.getByRole("button", { name: "Remove my phone" }).click();
    await expect.poll(() => priya.page.locator("h1").innerText()).toBe("Remove your last passkey?");
    await accessible(priya.page, "passkey-last");
    await priya.page.getByRole("link", { name: "No, keep it" }).click();
    expect(await priya.page.locator("[data-passkey-id]").count()).toBe(1);
    await priya.page.goto(`${origin}/console/no-such-page`);
    expect(await priya.page.locator("h1").innerText()).toBe("Page not found");
    await accessible(priya.page, "not-found");
    await priya.page.getByRole("link", { name: "My passkeys" }).click();
    await priya.page.getByRole("link", { name: "हिन्दी" }).click();
    await expect.poll(() => priya.page.locator("h1").innerText()).toBe("मेरी पासकी");
    await accessible(priya.page, "passkeys-hi");
    await priya.page.getByRole("link", { name: "मुख्य पृष्ठ" }).click();
    await expect.poll(() => priya.page.locator("h1").innerText()).toBe("स्वागत है, Priya Sharma");
    expect(await priya.page.locator("html").getAttribute("lang")).toBe("hi");
    await accessible(priya.page, "home-hi");
    await priya.page.getByRole("link", { name: "English" }).click();

    await priya.context.close();
    await ramesh.context.close();
  });

  it("signs in with nothing to type: the sign-in page offers the passkey in autofill (conditional UI)", async () => {
    const invitation = await invite({ name: unique("Autofill"), role: "district", districtCode: VARANASI });
    const person = await phone();
    await enrolPhone(person.page, invitation.url);
    await person.context.clearCookies();
    await person.page.goto(`${origin}/console`);
    await person.page.waitForURL(`${origin}/console`);
    await expect.poll(() => person.page.locator("h1").innerText()).toBe(`Welcome, ${invitation.name}`);
    const audit = await call(service, "GET", "/api/v1/audit?action=session.start&limit=1");
    expect(audit.json.items[0].after).toMatchObject({ via: "passkey" });
    await person.context.close();
  });

  it("gives a reused or expired sign-in link a clear page, in the reader's language", async () => {
    const used = await invite({ name: unique("Used"), role: "district", districtCode: VARANASI });
    const first = await phone();
    await enrolPhone(first.page, used.url);
    const second = await phone();
    await second.page.goto(used.url);
    expect(await second.page.locator("h1").innerText()).toBe("This sign-in link has been used");
    await accessible(second.page, "link-used");
    await second.page.getByRole("link", { name: "हिन्दी" }).click();
    expect(await second.page.locator("h1").innerText()).toBe("यह साइन-इन लिंक इस्तेमाल हो चुका है");

    const expiring = await invite({ name: unique("Late"), role: "district", districtCode: VARANASI });
    service.setNow(new Date(TEST_START.getTime() + 73 * 3600_000));
    try {
      await second.page.goto(expiring.url);
      expect(await second.page.locator("h1").innerText()).toBe("इस साइन-इन लिंक की समय-सीमा समाप्त हो गई है");
      await accessible(second.page, "link-expired-hi");
    } finally {
      service.setNow(TEST_START);
    }
    await first.context.close();
    await second.context.close();
  });

  it("refuses a form that another site posts to the console (403), and writes nothing", async () => {
    const invitation = await invite({ name: unique("Target"), role: "district", districtCode: VARANASI });
    const victim = await phone();
    await enrolPhone(victim.page, invitation.url);
    const before = await snapshot(service.deps.db);
    const refused = victim.page.waitForResponse((r) => r.url() === `${origin}/console/people/invitations`);
    await victim.page.goto(evilOrigin);
    const response = await refused;
    expect(response.status()).toBe(403);
    await victim.page.waitForURL(`${origin}/console/people/invitations`);
    expect(await victim.page.locator("main").innerText()).toContain("This request came from another website, so it was refused. Nothing was changed.");
    await accessible(victim.page, "refused");
    expect(await snapshot(service.deps.db)).toBe(before);
    await victim.context.close();
  });

  it("shows a district office none of another district's people", async () => {
    const lucknowName = unique("Lucknow officer");
    const lucknow = await invite({ name: lucknowName, role: "district", districtCode: LUCKNOW });
    expect((await new ConsoleVisitor(service).enrol(lucknow.url)).status).toBe(200);
    const lucknowArtisan = await invite({ name: unique("Lucknow artisan"), role: "artisan", artisanId: await makeArtisan(service, "other") });
    const varanasiName = unique("Varanasi officer");
    const varanasi = await invite({ name: varanasiName, role: "district", districtCode: VARANASI });
    const officer = await phone();
    await enrolPhone(officer.page, varanasi.url);
    await officer.page.goto(`${origin}/console/people`);
    const text = await officer.page.locator("main").innerText();
    expect(text).toContain(varanasiName);
    expect(text).not.toContain(lucknowName);
    expect(text).not.toContain(lucknowArtisan.name);
    expect(text).not.toContain("Lucknow");
    await officer.context.close();
  });

  it("registers an artisan, issues a certificate, issues a batch after fixing its bad row, prints the label sheet (every QR on page 1 decodes), revokes, signs out", { timeout: 120_000 }, async () => {
    const officer = await invite({ name: "Anita Verma", role: "district", districtCode: VARANASI });
    const { context, page } = await phone();
    await enrolPhone(page, officer.url);

    await page.getByRole("link", { name: "Artisans", exact: true }).click();
    await page.waitForURL(`${origin}/console/artisans`);
    await accessible(page, "artisans");
    const artisanName = unique("Shabana Bano");
    await page.getByLabel("Name", { exact: true }).fill(artisanName);
    await page.getByLabel("ODOP product").selectOption("103");
    await page.getByRole("button", { name: "Register artisan" }).click();
    await page.waitForURL(/\/console\/artisans\/\d+\?registered$/);
    const artisanId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(await page.locator(".notice").innerText()).toBe("Artisan registered.");
    await accessible(page, "artisan");

    await page.getByRole("link", { name: `Issue a certificate for ${artisanName}` }).click();
    await page.getByLabel("What the item is").fill("Banarasi silk saree, red with gold zari");
    await page.getByLabel("Materials (optional)").fill("silk, zari");
    await page.getByRole("button", { name: "Issue certificate" }).click();
    await page.waitForURL(/\/console\/certificates\/[A-Z2-7]+\?issued$/);
    const certificatePath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator("main img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await accessible(page, "certificate");
    const tagPdf = await context.request.get(`${origin}${await page.getByRole("link", { name: "Swing tag 50 × 30 mm: PDF" }).getAttribute("href")}`);
    expect([tagPdf.status(), tagPdf.headers()["content-type"]]).toEqual([200, "application/pdf"]);

    // A batch with one bad row: nothing issued, the row's error beside it; fixed, all issued.
    await page.getByRole("link", { name: "Batch", exact: true }).click();
    await accessible(page, "batch");
    const before = await snapshot(service.deps.db);
    await uploadBatch(page, batchCsv(artisanId, true));
    await page.waitForSelector("[data-refused-rows]");
    expect(await page.locator('[data-row="3"]').innerText()).toContain("made_on: This is not valid.");
    expect(await page.locator("[data-row]").count()).toBe(1);
    await accessible(page, "batch-refused");
    expect(await snapshot(service.deps.db)).toBe(before);
    await uploadBatch(page, batchCsv(artisanId, false));
    await page.waitForURL(/\/console\/batches\/B-[A-Z2-7]{13}\?issued$/);
    expect(await page.locator(".notice").innerText()).toBe("3 certificates issued. Print their labels below.");
    await accessible(page, "batch-issued");
    const batchId = new URL(page.url()).pathname.split("/").pop()!;
    const sheet = await context.request.get(`${origin}${await page.locator("[data-labels]").getAttribute("href")}`);
    expect([sheet.status(), sheet.headers()["content-type"]]).toEqual([200, "application/pdf"]);
    const batch = (await call(service, "GET", `/api/v1/batches/${batchId}`)).json as { verifyUrlPrefix: string; certificates: { token: string }[] };
    expect(qrCodesOnFirstPage(await sheet.body())).toEqual(batch.certificates.map((c) => batch.verifyUrlPrefix + c.token).sort());

    await page.goto(`${origin}/console/certificates`);
    await accessible(page, "certificates");
    await page.goto(`${origin}${certificatePath}`);
    await page.getByLabel("Reason").selectOption("lost");
    await page.getByRole("button", { name: "Revoke certificate" }).click();
    await page.waitForURL(`${origin}${certificatePath}?revoked`);
    expect(await page.locator(".notice").innerText()).toBe("Certificate revoked.");
    await page.getByRole("link", { name: "Open the verify page" }).click();
    await page.waitForURL(/\/v\//i);
    await accessible(page, "verify-revoked");

    await page.goto(`${origin}/console/audit`);
    expect(await page.locator('[data-action="certificate.revoke"]').count()).toBeGreaterThan(0);
    await accessible(page, "audit");
    // The same pages in Hindi.
    await page.goto(`${origin}${certificatePath}?lang=hi`);
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    expect(await page.locator("main").innerText()).toContain("रद्द");
    await accessible(page, "certificate-hi");
    await page.goto(`${origin}/console/batches`);
    await accessible(page, "batch-hi");
    await page.goto(`${origin}/console/artisans/${artisanId}?lang=en`);
    await page.goto(`${origin}/console`);
    await page.getByRole("button", { name: /^Sign out/ }).click();
    await page.waitForURL(`${origin}/console?signed-out`);
    await context.close();

    // The registry's API tokens page.
    const registrar = await phone();
    await enrolPhone(registrar.page, (await invite({ name: unique("Registrar"), role: "admin" })).url);
    await registrar.page.getByRole("link", { name: "API tokens" }).click();
    await registrar.page.waitForURL(`${origin}/console/tokens`);
    await accessible(registrar.page, "tokens");
    await registrar.context.close();
  });

  it("keeps every console page within 30 KB compressed, and usable on a slow 3G line", async () => {
    const invitation = await invite({ name: unique("Slow"), role: "district", districtCode: VARANASI });
    const slow = await phone();
    const cdp = await slow.context.newCDPSession(slow.page);
    // Chrome DevTools' "Slow 3G": 400 ms round trips, 400 kbit/s each way.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    await enrolPhone(slow.page, invitation.url);
    await expect.poll(() => slow.page.locator("h1").innerText()).toContain("Welcome");
    await slow.context.close();

    expect([...weights.keys()]).toEqual(expect.arrayContaining(["/console", "/console/join/{secret}", "/console/people", "/console/passkeys", "/console/artisans", "/console/certificates", "/console/batches", "/console/audit", "/console/tokens", "script"]));
    const script = weights.get("script")!;
    console.log(`console page weights, gzipped bytes: ${[...weights].map(([p, b]) => `${p} ${b}`).join(", ")}`);
    for (const [page, bytes] of weights) {
      if (page === "script") continue;
      expect(bytes + script, `${page}: ${bytes} + ${script} bytes gzipped`).toBeLessThanOrEqual(PAGE_BUDGET);
    }
  });
});
