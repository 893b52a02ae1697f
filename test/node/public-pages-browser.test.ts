// The public pages as a buyer's phone shows them (Debian's Chromium at 360×740 through
// playwright-core): every verdict, the home page and the error pages in every language, each
// with the right `lang` and `dir`, every message filled in, nothing wider than the screen;
// axe-core finds no serious or critical problem; the language chosen with ?lang= is remembered.
// With ASLI_SCREENSHOTS=<folder> it saves a screenshot of each page there for a person to look at.
import { serve, type ServerType } from "@hono/node-server";
import { eq } from "drizzle-orm";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artisans } from "../../db/schema.js";
import { base32Decode, base32Encode } from "../../src/core/base32.js";
import { issueToken } from "../../src/core/token.js";
import { createApp } from "../../src/http/app.js";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { fill, locale } from "../../src/pages/i18n/catalog.js";
import { LANGUAGES, PUBLIC_LANGUAGES, type Language } from "../../src/pages/i18n/languages.js";
import { verifyPage } from "../../src/pages/verify-page.js";
import { photoLimitText, reportFormPage, reportStatusPage, reportTooLargePage } from "../../src/pages/report-page.js";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { verifyCertificate } from "../../src/service/verification.js";
import { makeTestService, type TestService } from "../support/harness.node.js";
import { launchChromium } from "../support/browser.js";
import { call, issueCertificate, LUCKNOW, registerArtisan } from "../support/requests.js";

const SCREENSHOTS = process.env.ASLI_SCREENSHOTS;
const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const MORADABAD = 171;

let browser: Browser;
let service: TestService;
const servers: ServerType[] = [];
let origin = "";
/** An app whose database is gone: every page that reads it fails on our side. */
let brokenOrigin = "";

interface PageCase {
  name: string;
  path: string;
  status: number;
  /** The verdict's data-status, for verify pages. */
  verdict?: string;
  /** The catalog title the page must carry, by language. */
  title: (lang: Language) => string;
  /** Answered by the test itself (a page this app cannot be made to serve from here). */
  fulfil?: (lang: Language) => string;
  broken?: boolean;
}

let cases: PageCase[] = [];
let genuineToken = "";

function listen(fetch: (r: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(`http://127.0.0.1:${info.port}`));
    servers.push(server);
  });
}

function portrait(): Buffer {
  const png = new PNG({ width: 96, height: 96 });
  for (let y = 0; y < 96; y++)
    for (let x = 0; x < 96; x++) {
      const i = (y * 96 + x) * 4;
      const face = (x - 48) ** 2 + (y - 40) ** 2 < 400 || (y > 64 && Math.abs(x - 48) < y - 40);
      png.data.set(face ? [150, 96, 60, 255] : [214, 190, 150, 255], i);
    }
  return PNG.sync.write(png);
}

beforeAll(async () => {
  service = await makeTestService();
  const seller = { name: "Kashi Silk House", gstin: "09AAACK1234A1Z8" };
  const weaver = await registerArtisan(service, { name: "Ramesh Kumar Maurya", giTagId: 2, giAuthorisedUserNumber: "GI-99-AU-0417", seller });
  await service.deps.db.update(artisans).set({ photoUrl: "/media/artisans/weaver.png" }).where(eq(artisans.id, weaver.id));
  const genuine = await issueCertificate(service, weaver.id, { title: "Katan silk saree, red with gold zari buti", materials: ["silk", "zari"] });
  genuineToken = genuine.token;
  const stolen = await issueCertificate(service, weaver.id, { title: "Jangla brocade dupatta" });
  await call(service, "POST", `/api/v1/certificates/${stolen.id}/revocation`, { reason: "stolen" });

  const embroiderer = await registerArtisan(service, { name: "Rukhsana Bano", districtCode: LUCKNOW, productId: 70, giTagId: 3, giAuthorisedUserNumber: "GI-LKO-AU-88" });
  const chikan = await issueCertificate(service, embroiderer.id, { title: "Chikankari kurta, white on white", materials: ["cotton mulmul"] });
  await call(service, "POST", `/api/v1/artisans/${embroiderer.id}/status`, { status: "suspended", reason: "under review" });

  const brassworker = await registerArtisan(service, { name: "Mohammad Irfan", districtCode: MORADABAD, productId: 81, giTagId: 9, giAuthorisedUserNumber: "GI-161-AU-12" });
  const vase = await issueCertificate(service, brassworker.id, { title: "Engraved brass vase", materials: ["brass"] });
  await call(service, "POST", `/api/v1/artisans/${brassworker.id}/gi-authorisation`, { action: "withdraw", reason: "membership lapsed" });

  const bytes = base32Decode(genuine.token)!;
  bytes[60]! ^= 0x04;
  const tampered = base32Encode(bytes);
  const unregistered = await issueToken(
    { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: weaver.id, districtCode: 187, productId: 103, giTagId: 2 },
    service.deps.signingKey,
  );

  // What the page shows when the registry cannot be reached (the verdict another part of the
  // service produces): rendered from the real verdict's claims, at the real token's address.
  const real = await verifyCertificate(service.deps, genuine.token);
  if (real.status !== "genuine") throw new Error("fixture: the genuine certificate does not verify");
  const unconfirmed = { status: "unconfirmed" as const, claims: real.claims, key: { kid: real.certificate.kid }, message: "The registry could not be reached." };

  const t = (pick: (m: (typeof CATALOGS)["en"]) => string) => (lang: Language) => pick(CATALOGS[lang] as (typeof CATALOGS)["en"]);
  cases = [
    { name: "genuine", path: `/V/${genuine.token}`, status: 200, verdict: "genuine", title: t((m) => m.verify.status.genuine.title) },
    { name: "genuine-by-serial", path: `/v/${genuine.id.toLowerCase()}`, status: 200, verdict: "genuine", title: t((m) => m.verify.status.genuineBySerial.title) },
    { name: "gi-withdrawn", path: `/V/${vase.token}`, status: 200, verdict: "genuine", title: t((m) => m.verify.status.genuine.title) },
    { name: "revoked", path: `/V/${stolen.token}`, status: 200, verdict: "revoked", title: t((m) => m.verify.status.revoked.title) },
    { name: "suspended", path: `/V/${chikan.token}`, status: 200, verdict: "suspended", title: t((m) => m.verify.status.suspended.title) },
    {
      name: "unconfirmed",
      path: `/V/${genuine.token}/`,
      status: 503,
      verdict: "unconfirmed",
      title: t((m) => m.verify.status.unconfirmed.title),
      fulfil: (lang) => verifyPage({ verdict: unconfirmed, locale: locale(lang) }),
    },
    { name: "invalid-tampered", path: `/V/${tampered}`, status: 400, verdict: "invalid", title: t((m) => m.verify.status.invalid.title) },
    { name: "invalid-unregistered", path: `/V/${unregistered}`, status: 404, verdict: "invalid", title: t((m) => m.verify.status.invalid.title) },
    { name: "serial-not-found", path: "/v/AEBAGBAFAYDQQ", status: 404, verdict: "invalid", title: t((m) => m.verify.status.notFoundBySerial.title) },
    { name: "home", path: "/", status: 200, title: t((m) => m.home.title) },
    { name: "home-rejected", path: "/v?serial=hello", status: 400, title: t((m) => m.home.title) },
    { name: "not-found", path: "/no/such/page", status: 404, title: t((m) => m.errors.notFoundTitle) },
    { name: "server-error", path: "/v/AEBAGBAFAYDQQ", status: 503, title: t((m) => m.errors.serverTitle), broken: true },
    // Reporting a suspected fake: the form about a certificate and about none, the form sent
    // back with an error beside every field (long answers too), and the reporter's private page.
    { name: "report-form", path: `/report?serial=${genuine.id}`, status: 200, title: t((m) => m.report.title) },
    { name: "report-form-no-certificate", path: "/report", status: 200, title: t((m) => m.report.title) },
    {
      name: "report-form-errors",
      path: "/report?lang=errors",
      status: 422,
      title: t((m) => m.report.title),
      fulfil: (lang) => {
        const e = CATALOGS[lang].report.fieldErrors;
        const errors = {
          serial: e.serial,
          place: e.required,
          city: fill(e.tooLong, { max: 80 }),
          country: e.choice,
          seller: e.formula,
          priceAmount: e.price,
          priceCurrency: e.choice,
          contact: e.contact,
          note: e.invalid,
          photo: fill(CATALOGS[lang].reportPhoto.tooLarge, { max: photoLimitText(locale(lang)) }),
        };
        const long = "Vishwanath Gali Banarasi Saree Emporium and Handloom House, near the ghats";
        const values = { serial: "AEBAGBAFAYDQQXYZ", place: long, city: long, seller: `=${long}`, priceAmount: "4,500,000,000,000", contact: "someone at somewhere", note: long.repeat(4) };
        return reportFormPage({ locale: locale(lang), ticket: "A".repeat(114), values, errors, problem: CATALOGS[lang].report.problems.fields, photos: true });
      },
    },
    {
      name: "report-too-large",
      path: "/report?lang=too-large",
      status: 413,
      title: t((m) => m.reportPhoto.tooLargeTitle),
      fulfil: (lang) => reportTooLargePage(locale(lang)),
    },
    {
      name: "report-sent",
      path: "/report/abcdefghijklmnopqrstuvwxyz234567?sent",
      status: 200,
      title: t((m) => m.report.sent.title),
      fulfil: (lang) =>
        reportStatusPage({
          locale: locale(lang),
          report: { id: 1207, status: "new", createdAt: "2026-03-01T10:00:00.000Z", updatedAt: null, certificateId: genuine.id, presentedSerial: null, outcome: null, message: null, hasContact: true },
          district: "Varanasi",
          justSent: true,
          // The longest form of the page: sent, but the photo could not be stored.
          photoLost: true,
        }),
    },
    {
      name: "report-closed",
      path: "/report/abcdefghijklmnopqrstuvwxyz234567",
      status: 200,
      title: (lang) => fill(CATALOGS[lang].report.status.title, { number: "1207" }),
      fulfil: (lang) =>
        reportStatusPage({
          locale: locale(lang),
          report: {
            id: 1207,
            status: "closed",
            createdAt: "2026-03-01T10:00:00.000Z",
            updatedAt: "2026-03-09T12:30:00.000Z",
            certificateId: null,
            presentedSerial: "AEBAGBAFAYDQQ",
            outcome: "confirmed-fake",
            message: "Thank you. The shop in Vishwanath Gali was selling copies of genuine tags; the district office has seized them and informed the police.",
            hasContact: false,
          },
          justSent: false,
        }),
    },
  ];

  origin = await listen(service.app.fetch);
  const dir = mkdtempSync(join(tmpdir(), "asli-broken-"));
  const broken = await openLibsqlDatabase(`file:${join(dir, "asli.db")}`);
  broken.client.close();
  brokenOrigin = await listen(createApp({ ...service.deps, db: broken.db }).fetch);

  browser = await launchChromium();
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

const PHOTO = portrait();

/** A phone in a language: 360×740, the language in Accept-Language; axe needs the CSP bypassed to be injected. */
async function phone(lang: Language): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    bypassCSP: true,
    extraHTTPHeaders: { "accept-language": `${LANGUAGES[lang].tag},en;q=0.5` },
  });
  await context.route("**/media/**", (route) => route.fulfill({ status: 200, contentType: "image/png", body: PHOTO }));
  return context;
}

async function open(page: Page, c: PageCase, lang: Language) {
  const base = c.broken ? brokenOrigin : origin;
  if (c.fulfil) await page.route(`${base}${c.path}`, (route) => route.fulfill({ status: c.status, contentType: "text/html; charset=utf-8", body: c.fulfil!(lang) }));
  const response = await page.goto(`${base}${c.path}`);
  // The in-browser signature check settles (or there is none).
  await page.waitForFunction(() => !["pending", "running"].includes(document.getElementById("browser-check")?.dataset.result ?? "none"), null, { timeout: 10_000 });
  return response!;
}

/** What is wrong with the page as laid out: wider than the screen, or an unfilled message. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const d of document.querySelectorAll("details")) d.open = true;
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > root.clientWidth + 0.5 || r.left < -0.5)) problems.push(`${el.tagName.toLowerCase()}.${el.className} overflows: ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    const text = document.body.innerText;
    for (const bad of [/\{\w+\}/, /\bundefined\b/, /\bnull\b/, /\[object /]) if (bad.test(text)) problems.push(`text shows ${bad}`);
    for (const d of document.querySelectorAll("details")) d.open = false;
    return problems;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(async () => (globalThis as any).axe.run(document, { resultTypes: ["violations"] }));
  return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** axe-core in a left-to-right and a right-to-left language: its rules do not read the words. */
const AXE_LANGUAGES: Language[] = ["en", "ar"];

describe("public pages on a 360×740 phone, in every language (Chromium)", () => {
  for (const lang of PUBLIC_LANGUAGES) {
    it(`${lang}: lang and dir, every message filled, nothing wider than the screen${AXE_LANGUAGES.includes(lang) ? ", no serious axe finding" : ""}`, { timeout: 180_000 }, async () => {
      const context = await phone(lang);
      const page = await context.newPage();
      try {
        for (const c of cases) {
          const response = await open(page, c, lang);
          expect(response.status(), `${lang} ${c.name}`).toBe(c.status);
          const html = page.locator("html");
          expect(await html.getAttribute("lang"), `${lang} ${c.name}`).toBe(LANGUAGES[lang].tag);
          expect(await html.getAttribute("dir"), `${lang} ${c.name}`).toBe(LANGUAGES[lang].dir);
          expect(await page.title(), `${lang} ${c.name}`).toContain(c.title(lang));
          if (c.verdict) expect(await page.locator(".verdict").getAttribute("data-status")).toBe(c.verdict);
          if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${c.name}-${lang}.png`), fullPage: true });
          expect(await layoutProblems(page), `${lang} ${c.name}`).toEqual([]);
          if (AXE_LANGUAGES.includes(lang)) expect(await seriousViolations(page), `${lang} ${c.name}`).toEqual([]);
          if (c.name === "home") {
            // The serial box shows a whole typed serial, grouped as on the tag, beside or above its button.
            const box = page.locator("#serial");
            await box.fill("AEBA GBAF AYDQ Q");
            expect(await box.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth), `${lang}: the serial box cuts the serial`).toBe(true);
          }
        }
      } finally {
        await context.close();
      }
    });
  }

  it("shows the artisan's photo from this origin, and the GI number, story and office", async () => {
    const context = await phone("en");
    const page = await context.newPage();
    await open(page, cases[0]!, "en");
    const img = page.locator(".maker img");
    expect(await img.getAttribute("src")).toBe("/media/artisans/weaver.png");
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(96);
    const text = await page.locator("main").innerText();
    expect(text).toContain("GI-99-AU-0417");
    expect(text).toContain("Banarasi saris are woven on handlooms");
    expect(text).toContain("District Industries Centre, Varanasi");
    expect(text).toContain("Sold through Kashi Silk House");
    // The suspended embroiderer has no photo: a drawn placeholder, no request.
    await open(page, cases.find((c) => c.name === "suspended")!, "en");
    expect(await page.locator(".maker img").count()).toBe(0);
    expect(await page.locator(".maker svg").count()).toBe(1);
    await context.close();
  });
});

describe("choosing a language (Chromium)", () => {
  it("follows Accept-Language, switches with ?lang=, and remembers the choice in a cookie for a year", async () => {
    const context = await phone("ja");
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");

    // The switcher works with scripts off too: it is a list of plain links.
    await page.locator(".langs summary").click();
    await page.locator('.langs a[hreflang="ur"]').click();
    await page.waitForURL(/lang=ur/);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const [cookie] = (await context.cookies()).filter((c) => c.name === "lang");
    expect(cookie).toMatchObject({ value: "ur", path: "/", sameSite: "Lax", httpOnly: false });
    const year = Date.now() / 1000 + 365 * 24 * 3600;
    expect(Math.abs(cookie!.expires - year)).toBeLessThan(120);

    // The next page, opened from a QR without ?lang=, speaks the chosen language.
    await page.goto(`${origin}/V/${genuineToken}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ur");
    expect(await page.locator("h1").innerText()).toBe(CATALOGS.ur.verify.status.genuine.title);
    await context.close();
  });
});
