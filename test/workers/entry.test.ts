// The real worker entry inside workerd: wrangler.toml's bindings (a local D1 with the
// migrations applied) and the test secrets from vitest.config.ts, requests through its fetch.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { decodeSeed, publicJwk, signingKeyFromSeed } from "../../src/core/keys.js";
import worker from "../../src/runtime/worker.js";
import type { WorkerEnv } from "../../src/runtime/worker-deps.js";

const ORIGIN = "https://asli.example";

function send(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (init.body) headers.set("content-type", "application/json");
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }));
}

/** The default export with an environment of the test's choosing. */
async function fetchWith(overrides: Partial<WorkerEnv>, request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Parameters<NonNullable<typeof worker.fetch>>[0], { ...env, ...overrides } as WorkerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function registerAndIssue(doFetch: (path: string, body: unknown) => Promise<Response>, gstin?: string) {
  const artisan = await doFetch("/api/v1/artisans", { name: "Worker Weaver", districtCode: 187, productId: 103, ...(gstin ? { gstin } : {}) });
  expect(artisan.status).toBe(201);
  const { id } = (await artisan.json()) as { id: number };
  const certificate = await doFetch("/api/v1/certificates", { artisanId: id, title: "Jangla brocade dupatta", materials: ["silk"], madeOn: "2026-02-01" });
  expect(certificate.status).toBe(201);
  return { ...((await certificate.json()) as { id: string; token: string; verifyUrl: string }), artisanId: id };
}

describe("the worker entry (workerd, D1)", () => {
  it("answers the health check with JSON and the security headers", async () => {
    const res = await send("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("publishes the key from the SIGNING_KEY secret in the JWKS", async () => {
    const res = await send("/.well-known/jwks.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("max-age");
    const key = await signingKeyFromSeed(decodeSeed(env.SIGNING_KEY));
    const { keys } = (await res.json()) as { keys: unknown[] };
    expect(keys).toContainEqual(expect.objectContaining(publicJwk(key)));
    // RFC 8032 §7.1 TEST 2 public key: the test seed in vitest.config.ts.
    expect(publicJwk(key).x).toBe("PUAXw-hDiVqStwqnTRt-vJyYLM8uxJaMwM1V8Sr0Zgw");
  });

  it("answers an unknown path with a 404 problem", async () => {
    const res = await send("/no/such/page");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, code: "not-found" });
  });

  it("lets the ADMIN_TOKEN secret, and nothing else, issue a certificate that then verifies", async () => {
    const body = JSON.stringify({ name: "Nobody", districtCode: 187, productId: 103 });
    expect((await send("/api/v1/artisans", { method: "POST", body })).status).toBe(401);
    const wrong = await send("/api/v1/artisans", { method: "POST", body }, "asli_not_the_admin_token");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "unauthorized" });

    const issued = await registerAndIssue((path, b) => send(path, { method: "POST", body: JSON.stringify(b) }, env.ADMIN_TOKEN));
    expect(issued.verifyUrl).toBe(`HTTPS://ASLI.EXAMPLE/V/${issued.token}`);

    const verdict = await send(`/api/v1/verify/${issued.token}`);
    expect(verdict.status).toBe(200);
    expect(await verdict.json()).toMatchObject({ status: "genuine", certificate: { id: issued.id, title: "Jangla brocade dupatta" } });

    const page = await send(`/V/${issued.token}`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('data-status="genuine"');

    // The light renderers are in the entry module; the PNG/PDF renderers are loaded on first use.
    const svg = await send(`/api/v1/certificates/${issued.id}/tag.svg`, {}, env.ADMIN_TOKEN);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const qr = await send(`/api/v1/certificates/${issued.id}/qr.png`, {}, env.ADMIN_TOKEN);
    expect([...new Uint8Array(await qr.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("renders tag.png, tag.pdf and labels.pdf with the renderers' own module, loaded on first use", async () => {
    const issued = await registerAndIssue((path, b) => send(path, { method: "POST", body: JSON.stringify(b) }, env.ADMIN_TOKEN));
    const bytes = async (path: string, type: string) => {
      const res = await send(path, {}, env.ADMIN_TOKEN);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toBe(type);
      return new Uint8Array(await res.arrayBuffer());
    };
    for (const size of ["swing", "sticker"]) {
      const png = await bytes(`/api/v1/certificates/${issued.id}/tag.png?size=${size}`, "image/png");
      expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // Deflated 1-bit pixels: a few kilobytes, not the 109 KB of stored blocks.
      expect(png.length).toBeLessThan(14_000);
      const pdf = await bytes(`/api/v1/certificates/${issued.id}/tag.pdf?size=${size}`, "application/pdf");
      expect(new TextDecoder("latin1").decode(pdf.slice(0, 5))).toBe("%PDF-");
      // Embedded font subsets: kilobytes, not a bare page (test/node/worker-dev.test.ts reads them back).
      expect(pdf.length).toBeGreaterThan(3_000);
    }
    const batch = await send("/api/v1/batches", { method: "POST", body: JSON.stringify({ items: [1, 2, 3].map((n) => ({ artisanId: issued.artisanId, title: `Dupatta ${n}` })) }) }, env.ADMIN_TOKEN);
    expect(batch.status).toBe(201);
    const { id } = (await batch.json()) as { id: string };
    const sheet = await bytes(`/api/v1/batches/${id}/labels.pdf`, "application/pdf");
    expect(new TextDecoder("latin1").decode(sheet.slice(0, 5))).toBe("%PDF-");
  });

  it("renders an Arabic provenance document with the Arabic-script fonts' own modules, loaded on first use", async () => {
    const issued = await registerAndIssue((path, b) => send(path, { method: "POST", body: JSON.stringify(b) }, env.ADMIN_TOKEN));
    const made = await send("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "Dubai exporter", role: "exporter" }) }, env.ADMIN_TOKEN);
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const created = await send("/api/v1/shipments", { method: "POST", body: JSON.stringify({ consigneeName: "شركة النور للتجارة", consigneeCountry: "AE" }) }, token);
    expect(created.status).toBe(201);
    const shipment = (await created.json()) as { id: string; documentLanguage: string };
    expect(shipment.documentLanguage).toBe("ar");
    expect((await send(`/api/v1/shipments/${shipment.id}/items`, { method: "POST", body: JSON.stringify({ items: [issued.id] }) }, token)).status).toBeLessThan(300);
    expect((await send(`/api/v1/shipments/${shipment.id}/seal`, { method: "POST" }, token)).status).toBe(200);
    const res = await send(`/api/v1/shipments/${shipment.id}/document.pdf`, {}, token);
    expect(res.status).toBe(200);
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => (object instanceof PDFDict && object.get(PDFName.of("Subtype"))?.toString() === "/Type0" ? object.get(PDFName.of("BaseFont"))?.toString() : undefined))
      .filter(Boolean)
      .sort();
    // Both Naskh subsets beside Noto Sans Devanagari's (test/node/shipment-labels.test.ts reads such a document back).
    expect(fonts).toEqual(expect.arrayContaining(["/ASLICC+NotoNaskhArabic-Regular", "/ASLIDD+NotoNaskhArabic-Bold", "/ASLIAA+NotoSansDevanagari-Regular"]));
  });

  it("refuses to issue without BASE_URL, rather than print the request's origin into QR codes, and still verifies", async () => {
    const issued = await registerAndIssue((path, b) => send(path, { method: "POST", body: JSON.stringify(b) }, env.ADMIN_TOKEN));
    const at = (path: string, init: RequestInit = {}, token?: string) => {
      const headers = new Headers(init.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      return fetchWith({ BASE_URL: "" }, new Request(`https://asli-demo.example.workers.dev${path}`, { ...init, headers }));
    };
    const json = { "content-type": "application/json" };

    // Registering is not issuing: no verify URL is printed.
    const artisan = await at("/api/v1/artisans", { method: "POST", headers: json, body: JSON.stringify({ name: "Unprinted Weaver", districtCode: 187, productId: 103 }) }, env.ADMIN_TOKEN);
    expect(artisan.status).toBe(201);
    const { id } = (await artisan.json()) as { id: number };
    const single = await at("/api/v1/certificates", { method: "POST", headers: json, body: JSON.stringify({ artisanId: id, title: "Never printed" }) }, env.ADMIN_TOKEN);
    const batch = await at("/api/v1/batches", { method: "POST", headers: json, body: JSON.stringify({ items: [{ artisanId: id, title: "Never printed" }] }) }, env.ADMIN_TOKEN);
    for (const res of [single, batch]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe("base-url-unset");
      expect(problem.detail).toContain("set BASE_URL to the public origin");
    }
    // The role check still comes first.
    expect((await at("/api/v1/certificates", { method: "POST", headers: json, body: "{}" })).status).toBe(401);
    const listed = (await (await at(`/api/v1/certificates?artisan=${id}`, {}, env.ADMIN_TOKEN)).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);

    // Verification and the public reads keep working.
    const verdict = await at(`/api/v1/verify/${issued.token}`);
    expect(verdict.status).toBe(200);
    expect(await verdict.json()).toMatchObject({ status: "genuine", certificate: { id: issued.id } });
    expect((await at(`/V/${issued.token}`)).status).toBe(200);
    expect((await at("/.well-known/jwks.json")).status).toBe(200);
    expect((await at("/.well-known/asli-trust-bundle")).status).toBe(200);
  });

  it("answers 503 with a stable code, and no secret, when a secret or binding is wrong", async () => {
    const cases: [Partial<WorkerEnv>, string][] = [
      [{ SIGNING_KEY: "" }, "missing SIGNING_KEY"],
      [{ SIGNING_KEY: "this-is-not-a-seed" }, "malformed SIGNING_KEY"],
      [{ BASE_URL: "asli.example" }, "BASE_URL without a scheme"],
      [{ DB: undefined, LIBSQL_URL: "" }, "no database at all"],
      [{ LIBSQL_URL: "file:asli.db" }, "a file: URL, which a worker cannot open"],
    ];
    for (const [overrides, what] of cases) {
      const res = await fetchWith(overrides, new Request(`${ORIGIN}/api/v1/verify/AAAA`));
      expect(res.status, what).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const text = await res.text();
      expect(JSON.parse(text), what).toMatchObject({ status: 503, code: "service-misconfigured" });
      expect(text).not.toContain("this-is-not-a-seed");
    }
  });

  it("answers 503 service-unavailable when the Turso server cannot be reached", async () => {
    // There is no libSQL server on this machine: nothing listens on this port.
    const res = await fetchWith({ LIBSQL_URL: "http://127.0.0.1:9", LIBSQL_AUTH_TOKEN: "test-token" }, new Request(`${ORIGIN}/healthz`));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "service-unavailable" });
  });
});
