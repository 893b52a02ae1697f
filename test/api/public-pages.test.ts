// The pages for people, on both runtimes: the home page, HTML error pages for browsers (and
// problem documents for everyone else), the reader's language and its cookie, and compression
// decided by the runtime (Node compresses; on Workers, Cloudflare's edge does).
import { makeTestService, runtime, type TestService } from "@harness";
import { beforeAll, describe, expect, it } from "vitest";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { LANGUAGES, PUBLIC_LANGUAGES } from "../../src/pages/i18n/languages.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

let service: TestService;
let token = "";

beforeAll(async () => {
  service = await makeTestService();
  const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: `AU-PAGES-${runtime}` });
  token = (await issueCertificate(service, artisan.id)).token;
});

const get = (path: string, headers: Record<string, string> = {}) => service.app.request(path, { headers });

describe(`the home page (${runtime})`, () => {
  it("says what Asli is, offers a plain GET form for the printed number, and explains ODOP, GI and reports", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    const m = CATALOGS.en.home;
    for (const text of [m.title, m.odopHeading, m.giHeading, m.reportHeading, m.serialLabel]) expect(html).toContain(text.replaceAll("'", "&#39;"));
    expect(html).toMatch(/<form method="get" action="\/v">[\s\S]*<input id="serial" name="serial"/);
    // No script is needed for any of it.
    expect(html).not.toContain("<script");
  });

  it("speaks every public language, with the right lang and dir", async () => {
    for (const lang of PUBLIC_LANGUAGES) {
      const res = await get(`/?lang=${lang}`);
      const html = await res.text();
      expect(html).toContain(`<html lang="${LANGUAGES[lang].tag}" dir="${LANGUAGES[lang].dir}">`);
      expect(html).toContain(CATALOGS[lang].home.title);
      expect(res.headers.get("content-language")).toBe(LANGUAGES[lang].tag);
    }
  });
});

describe(`choosing the reader's language (${runtime})`, () => {
  it("follows Accept-Language, then a remembered cookie, and ?lang= above both", async () => {
    expect(await (await get("/", { "accept-language": "ar-AE,ar;q=0.9,en;q=0.5" })).text()).toContain('<html lang="ar" dir="rtl">');
    expect(await (await get("/", { "accept-language": "pt-BR,pt;q=0.9" })).text()).toContain('<html lang="en" dir="ltr">');
    expect(await (await get(`/V/${token}`, { cookie: "lang=zh", "accept-language": "de" })).text()).toContain('<html lang="zh-Hans"');
    expect(await (await get(`/V/${token}?lang=fr`, { cookie: "lang=zh" })).text()).toContain('<html lang="fr"');
    expect(await (await get("/?lang=xx", { cookie: "lang=ja" })).text()).toContain('<html lang="ja"');
  });

  it("remembers an explicit ?lang= in the lang cookie for a year, SameSite=Lax, Secure on an https origin", async () => {
    const res = await get(`/V/${token}?lang=ur&utm_source=qr`);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^lang=ur;/);
    for (const part of ["Max-Age=31536000", "Path=/", "SameSite=Lax", "Secure"]) expect(cookie).toContain(part);
    expect(cookie.toLowerCase()).not.toContain("httponly");
    // Without ?lang= nothing is set: a choice only ever comes from the reader.
    expect((await get("/", { "accept-language": "hi" })).headers.get("set-cookie")).toBeNull();
    expect((await get("/?lang=xx")).headers.get("set-cookie")).toBeNull();
    expect((await get("/")).headers.get("vary")).toContain("Accept-Language");
  });
});

describe(`error pages (${runtime})`, () => {
  it("answers a browser's request for a missing page with an HTML page in its language, and API clients with a problem", async () => {
    const page = await get("/no/such/page", { accept: "text/html,application/xhtml+xml", "accept-language": "es" });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain('<html lang="es" dir="ltr">');
    expect(html).toContain(CATALOGS.es.errors.notFoundTitle);
    expect(html).toContain('action="/v"');

    const problem = await call(service, "GET", "/no/such/page", undefined, null);
    expect(problem.status).toBe(404);
    expect(problem.type).toContain("application/problem+json");
    expect(problem.json.code).toBe("not-found");

    // API paths stay machine answers, whatever the Accept header says.
    const api = await get("/api/v1/artisans/999999", { accept: "text/html", authorization: `Bearer ${service.adminToken}` });
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });

  it("keeps 4xx problems other than 404 as problems, also for a browser", async () => {
    const res = await service.app.request("/api/v1/artisans", { method: "POST", headers: { accept: "text/html", authorization: `Bearer ${service.adminToken}`, "content-type": "text/plain" }, body: "x" });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});

// Node's harness supplies the compressor, as the Node entry does; the Workers harness, like the worker, none.
const compresses = (runtime as string) === "node";

describe(`compression (${runtime})`, () => {
  it(compresses ? "compresses text responses on Node, brotli first, gzip otherwise" : "leaves compression to Cloudflare's edge on Workers", async () => {
    for (const [encoding, decode] of [["br", brotliDecompressSync], ["gzip", gunzipSync]] as const) {
      const res = await get(`/V/${token}`, { "accept-encoding": encoding === "br" ? "gzip, deflate, br" : "gzip" });
      expect(res.status).toBe(200);
      const body = new Uint8Array(await res.arrayBuffer());
      if (compresses) {
        expect(res.headers.get("content-encoding")).toBe(encoding);
        expect(res.headers.get("vary")).toContain("Accept-Encoding");
        const html = new TextDecoder().decode(decode(body));
        expect(html).toContain('data-status="genuine"');
        expect(body.byteLength).toBeLessThan(html.length / 2);
      } else {
        expect(res.headers.get("content-encoding")).toBeNull();
        expect(new TextDecoder().decode(body)).toContain('data-status="genuine"');
      }
    }
  });

  it("sends small bodies, images and unasked-for responses as they are", async () => {
    const small = await get("/healthz", { "accept-encoding": "br, gzip" });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const plain = await get(`/V/${token}`);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain('data-status="genuine"');
    const identity = await get(`/V/${token}`, { "accept-encoding": "identity, br;q=0" });
    expect(identity.headers.get("content-encoding")).toBeNull();
  });
});
