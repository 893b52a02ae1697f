// The shipment page's tag scanner in a real browser: Debian's Chromium with a fake camera that
// shows a real tag (the service's own tag.png, turned into a y4m video), an exporter signed in
// with a passkey (DevTools virtual authenticator), a draft shipment made on the console's form.
// Starting the camera reads the tag, lists it, writes its verify URL into the add-items box, and
// the form adds the certificate: read back through the API. Also: photos of tags (read in the
// page), a photo whose QR is not one of this service's tags, a camera the site may not use, and a
// page on plain HTTP away from localhost (no secure context: no camera, the form still there).
// One browser launch for the file.
import { serve, type ServerType } from "@hono/node-server";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { launchChromium } from "../support/browser.js";
import { makeTestService, type TestService } from "../support/harness.node.js";
import { freePort } from "../support/net.js";
import { makeArtisan } from "../support/principals.js";
import { call, issueCertificate } from "../support/requests.js";
import { stillY4m } from "../support/y4m.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: ServerType;
let service: TestService;
let origin = "";
let dir = "";
let certificate: { id: string; verifyUrl: string };

beforeAll(async () => {
  const base = await makeTestService();
  const port = await freePort();
  // WebAuthn and getUserMedia need a secure context: http://localhost is one.
  origin = `http://localhost:${port}`;
  const deps = { ...base.deps, baseUrl: origin };
  service = { ...base, deps, app: createApp(deps) };
  await new Promise<void>((resolve) => {
    server = serve({ fetch: service.app.fetch, port, hostname: "127.0.0.1" }, () => resolve());
  });
  const artisan = await makeArtisan(service, "own");
  certificate = await issueCertificate(service, artisan);
  const tag = await service.app.request(`/api/v1/certificates/${certificate.id}/tag.png`, { headers: { authorization: `Bearer ${service.adminToken}` } });
  expect(tag.status).toBe(200);
  const decoded = PNG.sync.read(Buffer.from(await tag.arrayBuffer()));
  dir = mkdtempSync(join(tmpdir(), "asli-camera-"));
  const video = join(dir, "tag.y4m");
  writeFileSync(video, stillY4m({ width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data) }));
  // No --use-fake-ui-for-media-stream: it would allow the camera whatever the site's permission
  // says. Each context is granted the camera (or not) as a person would, by its permissions.
  // asli.test: the same server under a name that is not a secure context over plain HTTP.
  browser = await launchChromium(["--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`, "--host-resolver-rules=MAP asli.test 127.0.0.1"]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** An exporter on their phone: a browser context with its own passkey, enrolled from a sign-in link. */
async function exporterPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-IN" });
  await context.grantPermissions(["camera"], { origin });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const invitation = await call(service, "POST", "/api/v1/invitations", { name: "Farah Exports", role: "exporter" });
  expect(invitation.status).toBe(201);
  await page.goto((invitation.json as { url: string }).url);
  await expect.poll(() => page.locator("[data-passkey-start]").isEnabled()).toBe(true);
  await page.getByRole("button", { name: "Create passkey" }).click();
  await page.waitForURL(`${origin}/console`);
  return { context, page };
}

async function draftShipment(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Shipments" }).click();
  await page.getByLabel("Consignee's name").fill("Al Noor Trading LLC");
  await page.getByLabel("Consignee's country").fill("AE");
  await page.getByRole("button", { name: "Create the shipment" }).click();
  await page.waitForURL(/\/console\/shipments\/[A-Z2-7]{13}\?created$/);
  return /\/console\/shipments\/([A-Z2-7]{13})/.exec(page.url())![1]!;
}

/** axe-core in the page: no serious or critical violation. ASLI_SCREENSHOTS=<dir> also saves a screenshot there. */
async function accessible(page: Page, name: string): Promise<void> {
  // Evaluated through DevTools, so that the page keeps its real CSP (script-src 'self') for the scanner.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return result.violations.filter((v: any) => v.impact === "serious" || v.impact === "critical").map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
  if (process.env.ASLI_SCREENSHOTS) await page.screenshot({ path: join(process.env.ASLI_SCREENSHOTS, `console-${name}.png`), fullPage: true });
}

const itemsOf = async (id: string) => ((await call(service, "GET", `/api/v1/shipments/${id}`)).json as { items: { certificate: string }[] }).items.map((i) => i.certificate);

describe("the tag scanner in Chromium with a fake camera", () => {
  it("reads the tag from the camera, lists it once, and the form adds its certificate; a camera the site may not use says so plainly", { timeout: 60_000 }, async () => {
    const { context, page } = await exporterPhone();
    const id = await draftShipment(page);
    // Without BarcodeDetector (Chromium on Linux has none), the bundled jsQR reads the frames.
    expect(await page.evaluate(() => "BarcodeDetector" in window)).toBe(false);

    await page.getByRole("button", { name: "Start the camera" }).click();
    await expect.poll(() => page.locator("[data-scanner-list] li").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator("[data-scanner-list] li").innerText()).toBe(certificate.verifyUrl);
    expect(await page.locator("[data-scanner-count]").innerText()).toBe("Tags read: 1");
    // The camera keeps seeing the same tag: it stays one item, in the list and in the box.
    await page.waitForTimeout(600);
    expect(await page.locator("[data-scanner-list] li").count()).toBe(1);
    expect(await page.getByLabel("Certificate numbers or web addresses").inputValue()).toBe(certificate.verifyUrl);
    await accessible(page, "shipment-scanned");
    await page.getByRole("button", { name: "Stop the camera" }).click();
    expect(await page.locator("[data-scanner-video]").isHidden()).toBe(true);

    await page.getByRole("button", { name: "Add to the shipment" }).click();
    await page.waitForURL(`${origin}/console/shipments/${id}?added=1&already=0`);
    expect(await page.locator(".notice").innerText()).toBe("Added: 1. Already in the shipment: 0.");
    expect(await itemsOf(id)).toEqual([certificate.id]);

    // The site's camera permission refused (as a person who pressed "Block" did): a plain message, and the form still works.
    await context.clearPermissions();
    await page.goto(`${origin}/console/shipments/${id}`);
    await page.getByRole("button", { name: "Start the camera" }).click();
    await expect
      .poll(() => page.locator("[data-scanner-status]").innerText())
      .toBe("The camera is not allowed for this site. Allow it in the browser's site settings and press “Start the camera” again, or type the numbers above.");
    expect(await page.locator("[data-scanner-status]").getAttribute("class")).toBe("alert");

    // Plain HTTP on a host other than localhost is no secure context: the page says the camera needs https, and offers no camera button.
    const session = (await context.cookies(origin)).find((c) => c.name === "asli_session")!;
    await context.addCookies([{ name: session.name, value: session.value, domain: "asli.test", path: "/" }]);
    await page.goto(`http://asli.test:${new URL(origin).port}/console/shipments/${id}`);
    await expect
      .poll(() => page.locator("[data-scanner-status]").innerText())
      .toBe("The camera can be used only on a secure (https) page. Type the numbers or web addresses above instead, or choose a CSV file.");
    expect(await page.getByRole("button", { name: "Start the camera" }).isHidden()).toBe(true);
    expect(await page.getByLabel("Certificate numbers or web addresses").isEditable()).toBe(true);
    await context.close();
  });

  it("reads tags from photos on the device; a photo whose QR is no tag of this service is refused plainly", { timeout: 60_000 }, async () => {
    const { context, page } = await exporterPhone();
    const id = await draftShipment(page);
    const second = await issueCertificate(service, await makeArtisan(service, "own"));
    const photo = Buffer.from(await (await service.app.request(`/api/v1/certificates/${second.id}/tag.png`, { headers: { authorization: `Bearer ${service.adminToken}` } })).arrayBuffer());
    const foreign = await QRCode.toBuffer("HTTPS://ELSEWHERE.EXAMPLE/V/AAAAAAAAAAAAA", { type: "png", margin: 4, scale: 8 });
    await page.getByLabel("Photos of tags").setInputFiles([
      { name: "tag.png", mimeType: "image/png", buffer: photo },
      { name: "other.png", mimeType: "image/png", buffer: foreign },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") },
    ]);
    await expect
      .poll(() => page.locator("[data-scanner-status]").innerText(), { timeout: 20_000 })
      .toBe("tag.png: 1 tags read. other.png: no QR code of an Asli tag was found in this photo. notes.txt: this is not a JPEG or PNG photo.");
    expect(await page.locator("[data-scanner-list] li").allInnerTexts()).toEqual([second.verifyUrl]);
    await page.getByRole("button", { name: "Add to the shipment" }).click();
    await page.waitForURL(`${origin}/console/shipments/${id}?added=1&already=0`);
    expect(await itemsOf(id)).toEqual([second.id]);
    await context.close();
  });
});
