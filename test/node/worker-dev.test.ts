// The Workers deployment prints: `wrangler dev` (workerd, with the modules wrangler uploads:
// the entry, and the renderers' modules built by scripts/build-worker-modules.ts) serves
// tag.png, tag.pdf and labels.pdf that real clients read back: zbarimg decodes the QR from
// the PNG and from the PDFs rendered by pdftoppm, pdftotext finds the Hindi. One wrangler
// for the file, on a free port, over a local D1 in a temporary folder. The console's flow runs
// there too, in Chromium with a virtual authenticator: sign-in link, passkey, home, register an
// artisan, issue a certificate, its tag preview (the console's pages and the modules they load
// on first use, on workerd). Its public origin is http://localhost:<port>: passkeys need a
// domain name, and a loopback one may be plain HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "../../src/core/api-token.js";
import { encodeSeed, generateSeed } from "../../src/core/keys.js";
import { ROOT, runWrangler, wranglerEnv } from "../../scripts/lib/wrangler.js";
import { freePort } from "../support/net.js";
import { launchChromium } from "../support/browser.js";

const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const adminToken = generateApiToken();
const dir = mkdtempSync(join(tmpdir(), "asli-worker-dev-"));
let origin = "";
let dev: ChildProcess | undefined;
let log = "";

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
const zbar = (file: string) => run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file]).trim().split("\n").sort();

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
      expect(zbar(png), `${size}.png`).toEqual([issued.verifyUrl]);
      const pdf = await save(`/api/v1/certificates/${issued.id}/tag.pdf?size=${size}`, `${size}.pdf`, "application/pdf");
      run("pdftoppm", ["-r", "300", "-png", "-singlefile", pdf, join(dir, `${size}-pdf`)]);
      expect(zbar(join(dir, `${size}-pdf.png`)), `${size}.pdf`).toEqual([issued.verifyUrl]);
    }

    const batch = await send("/api/v1/batches", { items: [1, 2, 3].map((n) => ({ artisanId, title: `Dupatta ${n}` })) });
    expect(batch.status).toBe(201);
    const { id, verifyUrlPrefix, certificates } = (await batch.json()) as { id: string; verifyUrlPrefix: string; certificates: { token: string }[] };
    const sheet = await save(`/api/v1/batches/${id}/labels.pdf`, "labels.pdf", "application/pdf");
    expect(run("pdftotext", [sheet, "-"])).toContain(`Asli batch ${id} · labels 1–3 of 3 · page 1 of 1`);
    run("pdftoppm", ["-r", "300", "-png", sheet, join(dir, "sheet")]);
    const page = readdirSync(dir).find((f) => f.startsWith("sheet") && f.endsWith(".png"))!;
    expect(zbar(join(dir, page))).toEqual(certificates.map((c) => verifyUrlPrefix + c.token).sort());
  });
});

describe("the console on the Workers runtime (wrangler dev)", () => {
  it("signs in with a passkey through the one-time link, registers an artisan, issues a certificate and shows its tag", { timeout: 120_000 }, async () => {
    // Once more if workerd closed the kept-alive connection of the printing test as this reused it.
    const invite = () => send("/api/v1/invitations", { name: "Worker Officer", role: "district", districtCode: 187 });
    const invited = await invite().catch(invite);
    expect(invited.status, await invited.clone().text()).toBe(201);
    const { url } = (await invited.json()) as { url: string };
    const consoleOrigin = new URL(url).origin;
    expect(consoleOrigin).toMatch(/^http:\/\/localhost:\d+$/);

    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      // The sign-in button's path (the autofill one answers at once with a virtual authenticator).
      await context.addInitScript(() => {
        PublicKeyCredential.isConditionalMediationAvailable = async () => false;
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });

      await page.goto(url);
      await page.locator("[data-passkey-start]:enabled").waitFor();
      await page.getByRole("button", { name: "Create passkey" }).click();
      await page.waitForURL(`${consoleOrigin}/console`);
      await page.locator("h1", { hasText: "Welcome" }).waitFor();

      await page.getByRole("link", { name: "Artisans", exact: true }).click();
      await page.waitForURL(`${consoleOrigin}/console/artisans`);
      await page.getByLabel("Name", { exact: true }).fill("Worker Weaver of the console");
      await page.getByLabel("ODOP product").selectOption("103");
      await page.getByRole("button", { name: "Register artisan" }).click();
      await page.waitForURL(/\/console\/artisans\/\d+\?registered$/);
      expect(await page.locator(".notice").innerText()).toBe("Artisan registered.");

      await page.getByRole("link", { name: "Issue a certificate for Worker Weaver of the console" }).click();
      await page.getByLabel("What the item is").fill("Banarasi silk saree, issued on workerd");
      await page.getByRole("button", { name: "Issue certificate" }).click();
      await page.waitForURL(/\/console\/certificates\/[A-Z2-7]+\?issued$/);
      const serial = new URL(page.url()).pathname.split("/").pop()!;
      // The tag preview: an image the worker drew (the QR module, loaded on first use).
      await expect.poll(() => page.locator("main img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const preview = await page.locator("main img").first().getAttribute("src");
      const svg = await context.request.get(new URL(preview!, consoleOrigin).href);
      expect([svg.status(), svg.headers()["content-type"]]).toEqual([200, "image/svg+xml"]);
      const tag = await svg.text();
      expect(tag).toContain(`<title>Asli certificate ${serial}</title>`);
      expect(tag).toContain("Varanasi, Uttar");
    } finally {
      await browser.close();
    }
  });
});
