// The Workers deployment prints: `wrangler dev` (workerd, with the modules wrangler uploads:
// the entry, and the renderers' modules built by scripts/build-worker-modules.ts) serves
// tag.png, tag.pdf and labels.pdf that real clients read back: zbarimg decodes the QR from
// the PNG and from the PDFs rendered by pdftoppm, pdftotext finds the Hindi. One wrangler
// for the file, on a free port, over a local D1 in a temporary folder. The console's whole flow
// runs there too, in one Chromium with a virtual authenticator, as test/node/console-browser.test.ts
// runs it on Node (with its helpers, test/support/console-browser.ts): sign-in link, passkey, home,
// register an artisan, issue a certificate and see its tag, a batch refused for its one bad row
// (nothing written to D1) then issued, its label sheet's QRs decoded, revoke (the verify page
// says withdrawn), sign out (the old cookie opens nothing), sign in with the passkey. Its public
// origin is http://localhost:<port>: passkeys need a domain name, and a loopback one may be
// plain HTTP.
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "../../src/core/api-token.js";
import { encodeSeed, generateSeed } from "../../src/core/keys.js";
import { fill } from "../../src/pages/i18n/catalog.js";
import "../../src/pages/i18n/all-catalogs.js";
import { consoleMessages } from "../../src/pages/i18n/catalog.js";
import type { AsliDatabase } from "../../src/store/database.js";
import * as schema from "../../db/schema.js";
import { ROOT, runWrangler, wranglerEnv } from "../../scripts/lib/wrangler.js";
import { freePort } from "../support/net.js";
import { launchChromium } from "../support/browser.js";
import { batchCsv, enrol, phone, uploadBatch, withoutPasskeyAutofill } from "../support/console-browser.js";
import { qrCodesInImage, qrCodesInPdf, qrCodesOnFirstPage } from "../support/printed.js";
import { snapshot } from "../support/snapshot.js";

// English whole (its console words are in messages/en-console.ts, which all-catalogs joins in).
const en = consoleMessages("en");
const t = en.console;
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const adminToken = generateApiToken();
const dir = mkdtempSync(join(tmpdir(), "asli-worker-dev-"));
let origin = "";
let dev: ChildProcess | undefined;
let log = "";

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

beforeAll(async () => {
  const persist = join(dir, "state");
  const migrate = runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { capture: true });
  expect(migrate.status, migrate.stdout + migrate.stderr).toBe(0);
  const [port, inspector] = [await freePort(), await freePort()];
  const vars = { SIGNING_KEY: encodeSeed(generateSeed()), LOG_SIGNING_KEY: encodeSeed(generateSeed()), ADMIN_TOKEN: adminToken, BASE_URL: `http://localhost:${port}` };
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--persist-to", persist];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  // Its own process group, so that stopping it stops workerd too.
  dev = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: wranglerEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  dev.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

afterAll(() => {
  if (dev?.pid && dev.exitCode === null) process.kill(-dev.pid, "SIGTERM");
});

/** The local D1 as snapshot() reads the Node database: its SQLite file, which workerd keeps in WAL mode, so that a reader does not hold it up. */
async function snapshotD1(): Promise<string> {
  const folder = join(dir, "state/v3/d1/miniflare-D1DatabaseObject");
  const file = readdirSync(folder).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")!;
  const client = createClient({ url: `file:${join(folder, file)}` });
  try {
    return await snapshot(drizzle(client, { schema }) as unknown as AsliDatabase);
  } finally {
    client.close();
  }
}

async function send(path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function save(path: string, file: string, type: string): Promise<string> {
  const res = await send(path);
  expect(res.status, `${path}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
  expect(res.headers.get("content-type")).toBe(type);
  writeFileSync(join(dir, file), new Uint8Array(await res.arrayBuffer()));
  return join(dir, file);
}

describe("printing on the Workers runtime (wrangler dev)", () => {
  it("serves tag.pdf, tag.png and labels.pdf that decode and carry the Hindi words", async () => {
    const artisan = await send("/api/v1/artisans", { name: "Worker Weaver", districtCode: 187, productId: 103 });
    expect(artisan.status).toBe(201);
    const { id: artisanId } = (await artisan.json()) as { id: number };
    const certificate = await send("/api/v1/certificates", { artisanId, title: "Jangla brocade dupatta", materials: ["silk"], madeOn: "2026-02-01" });
    expect(certificate.status).toBe(201);
    const issued = (await certificate.json()) as { id: string; verifyUrl: string };

    // The first tag.pdf of this isolate loads the renderers' modules (the cold start of printing).
    const started = performance.now();
    const first = await save(`/api/v1/certificates/${issued.id}/tag.pdf`, "first.pdf", "application/pdf");
    console.log(`worker-dev: first (cold) tag.pdf on workerd: ${Math.round(performance.now() - started)} ms`);
    const warm = performance.now();
    await save(`/api/v1/certificates/${issued.id}/tag.pdf`, "second.pdf", "application/pdf");
    console.log(`worker-dev: second (warm) tag.pdf on workerd: ${Math.round(performance.now() - warm)} ms`);
    expect(run("pdftotext", [first, "-"])).toContain("Product · उत्पाद");

    for (const size of ["swing", "sticker"]) {
      const png = await save(`/api/v1/certificates/${issued.id}/tag.png?size=${size}`, `${size}.png`, "image/png");
      expect(qrCodesInImage(png), `${size}.png`).toEqual([issued.verifyUrl]);
      const pdf = await save(`/api/v1/certificates/${issued.id}/tag.pdf?size=${size}`, `${size}.pdf`, "application/pdf");
      expect(qrCodesInPdf(readFileSync(pdf)), `${size}.pdf`).toEqual([issued.verifyUrl]);
    }

    const batch = await send("/api/v1/batches", { items: [1, 2, 3].map((n) => ({ artisanId, title: `Dupatta ${n}` })) });
    expect(batch.status).toBe(201);
    const { id, verifyUrlPrefix, certificates } = (await batch.json()) as { id: string; verifyUrlPrefix: string; certificates: { token: string }[] };
    const sheet = await save(`/api/v1/batches/${id}/labels.pdf`, "labels.pdf", "application/pdf");
    expect(run("pdftotext", [sheet, "-"])).toContain(`Asli batch ${id} · labels 1–3 of 3 · page 1 of 1`);
    expect(qrCodesOnFirstPage(readFileSync(sheet))).toEqual(certificates.map((c) => verifyUrlPrefix + c.token).sort());
  });
});

describe("the console on the Workers runtime (wrangler dev)", () => {
  it("signs in with a passkey through the one-time link, registers an artisan, issues a certificate and a batch (after fixing its bad row), prints the label sheet, revokes, signs out and in again", { timeout: 120_000 }, async () => {
    const name = "Worker Officer";
    // Once more if workerd closed the kept-alive connection of the printing test as this reused it.
    const invite = () => send("/api/v1/invitations", { name, role: "district", districtCode: 187 });
    const invited = await invite().catch(invite);
    expect(invited.status, await invited.clone().text()).toBe(201);
    const { url } = (await invited.json()) as { url: string };
    const consoleOrigin = new URL(url).origin;
    expect(consoleOrigin).toMatch(/^http:\/\/localhost:\d+$/);

    const browser = await launchChromium();
    try {
      const { context, page } = await phone(browser);
      // The sign-in button's path: after signing out, autofill would sign the officer back in at once.
      await withoutPasskeyAutofill(context);
      await enrol(page, url);
      await expect.poll(() => page.locator("h1").innerText()).toBe(fill(t.home.welcome, { name }));

      await page.getByRole("link", { name: t.nav.artisans, exact: true }).click();
      await page.waitForURL(`${consoleOrigin}/console/artisans`);
      const artisanName = "Worker Weaver of the console";
      await page.getByLabel(t.artisans.name, { exact: true }).fill(artisanName);
      await page.getByLabel(t.artisans.product).selectOption("103");
      await page.getByRole("button", { name: t.artisans.registerButton }).click();
      await page.waitForURL(/\/console\/artisans\/\d+\?registered$/);
      const artisanId = Number(new URL(page.url()).pathname.split("/").pop());
      expect(await page.locator(".notice").innerText()).toBe(t.artisans.registeredNotice);

      await page.getByRole("link", { name: fill(t.artisans.issueFor, { name: artisanName }) }).click();
      await page.getByLabel(t.certificates.itemTitle).fill("Banarasi silk saree, issued on workerd");
      await page.getByRole("button", { name: t.certificates.issueButton }).click();
      await page.waitForURL(/\/console\/certificates\/[A-Z2-7]+\?issued$/);
      const serial = new URL(page.url()).pathname.split("/").pop()!;
      expect(await page.locator(".notice").innerText()).toBe(t.certificates.issuedNotice);
      // The tag preview: an image the worker drew (the QR module, loaded on first use).
      await expect.poll(() => page.locator("main img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const preview = await page.locator("main img").first().getAttribute("src");
      const svg = await context.request.get(new URL(preview!, consoleOrigin).href);
      expect([svg.status(), svg.headers()["content-type"]]).toEqual([200, "image/svg+xml"]);
      const tag = await svg.text();
      expect(tag).toContain(`<title>Asli certificate ${serial}</title>`);
      expect(tag).toContain("Varanasi, Uttar");

      // A batch with one bad row: its error beside it, and nothing written to D1; fixed, all three issued.
      await page.getByRole("link", { name: t.nav.batches, exact: true }).click();
      await page.waitForURL(`${consoleOrigin}/console/batches`);
      const before = await snapshotD1();
      await uploadBatch(page, batchCsv(artisanId, true));
      await page.locator("[data-refused-rows]").waitFor();
      expect(await page.locator("[data-refused-rows] [role=alert]").innerText()).toBe(fill(t.batches.refusedLead, { rows: 1 }));
      expect(await page.locator("[data-row]").count()).toBe(1);
      const refused = await page.locator('[data-row="3"]').innerText();
      expect(refused).toContain(fill(t.batches.row, { row: 3 }));
      expect(refused).toContain(`made_on: ${t.batches.rowErrors["invalid-value"]}`);
      expect(await snapshotD1()).toBe(before);
      await uploadBatch(page, batchCsv(artisanId, false));
      await page.waitForURL(/\/console\/batches\/B-[A-Z2-7]{13}\?issued$/);
      expect(await page.locator(".notice").innerText()).toBe(fill(t.batches.issuedNotice, { count: 3 }));
      // The snapshot sees what workerd writes, so that its sameness above means nothing was written.
      expect(await snapshotD1()).not.toBe(before);
      const batchId = new URL(page.url()).pathname.split("/").pop()!;

      // The label sheet, as the officer's browser downloads it (the session cookie), read by a scanner.
      const labels = page.getByRole("link", { name: t.batches.labels });
      const sheet = await context.request.get(new URL((await labels.getAttribute("href"))!, consoleOrigin).href);
      expect([sheet.status(), sheet.headers()["content-type"]]).toEqual([200, "application/pdf"]);
      const batch = (await (await send(`/api/v1/batches/${batchId}`)).json()) as { verifyUrlPrefix: string; certificates: { token: string }[] };
      expect(batch.certificates).toHaveLength(3);
      expect(qrCodesOnFirstPage(await sheet.body())).toEqual(batch.certificates.map((c) => batch.verifyUrlPrefix + c.token).sort());

      // Revoked with a reason: the buyer's verify page says so.
      await page.goto(`${consoleOrigin}/console/certificates/${serial}`);
      await page.getByLabel(t.certificates.revokeReason).selectOption("lost");
      await page.getByRole("button", { name: t.certificates.revokeButton }).click();
      await page.waitForURL(`${consoleOrigin}/console/certificates/${serial}?revoked`);
      expect(await page.locator(".notice").innerText()).toBe(t.certificates.revokedNotice);
      await page.getByRole("link", { name: t.certificates.verifyPage }).click();
      await page.waitForURL(/\/v\//i);
      expect(await page.locator("[data-status]").getAttribute("data-status")).toBe("revoked");
      expect(await page.locator("#verdict-title").innerText()).toBe(en.verify.status.revoked.title);
      expect(await page.locator("main").innerText()).toContain(en.verify.revocationReason.lost);

      // Signed out: the console asks for a passkey again, and the old session cookie opens nothing.
      await page.goto(`${consoleOrigin}/console`);
      const signedInCookies = await context.cookies(consoleOrigin);
      await page.getByRole("button", { name: new RegExp(`^${t.nav.signOut}`) }).click();
      await page.waitForURL(`${consoleOrigin}/console?signed-out`);
      expect(await page.locator(".notice").innerText()).toBe(t.signIn.signedOut);
      await page.goto(`${consoleOrigin}/console`);
      expect(await page.locator("h1").innerText()).toBe(t.signIn.title);
      await expect.poll(() => page.locator("[data-passkey-start]").isEnabled()).toBe(true);
      expect(await page.getByRole("button", { name: t.signIn.button }).count()).toBe(1);
      // The cookies from before signing out, put back: the server no longer knows the session.
      await context.addCookies(signedInCookies);
      await page.goto(`${consoleOrigin}/console/passkeys`);
      await page.waitForURL(`${consoleOrigin}/console?ended`);
      expect(await page.locator(".notice").innerText()).toBe(t.signIn.sessionEnded);
      // …and the passkey signs the officer in again (WebAuthn's assertion checked on workerd).
      await expect.poll(() => page.locator("[data-passkey-start]").isEnabled()).toBe(true);
      await page.getByRole("button", { name: t.signIn.button }).click();
      await page.waitForURL(`${consoleOrigin}/console`);
      await expect.poll(() => page.locator("h1").innerText()).toBe(fill(t.home.welcome, { name }));
    } finally {
      await browser.close();
    }
  });
});
