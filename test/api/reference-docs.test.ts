// The API reference at /docs, rendered on the server from the OpenAPI description: every
// operation on it, no script and nothing from another origin, and a working example body for
// every operation that takes one (valid for the operation's own schema, and accepted by a real
// service). The browser's view of it is test/node/reference-docs-browser.test.ts.
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "../../src/http/app.js";
import { operationAnchor } from "../../src/http/reference-page.js";
import { SPECS } from "../../src/http/routes/docs.js";
import { call } from "../support/requests.js";
import { restartWithKey, randomSeedHex } from "../support/restart.js";
import { TEST_START } from "../support/harness.js";
import { eq } from "drizzle-orm";
import { certificateClaims } from "../../db/schema.js";
import { claimCodeHash, readClaimCode } from "../../src/service/claims.js";
import { BURST_MIN_SCANS } from "../../src/service/copy-rules.js";

const WITH_BODY = API_OPERATIONS.filter((op) => op.body);
const key = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;

describe(`example request bodies (${runtime})`, () => {
  // First in this file: the examples name the first artisan of a fresh registry (id 1), and on
  // Workers the tests of a file share one database.
  it("work against a real service, every one of them, in an order a registry would follow", async () => {
    // A key of its own: the last example revokes it, and on Workers the file shares one database.
    const service = await makeTestService(randomSeedHex());
    const example = (method: string, path: string) => {
      const op = WITH_BODY.find((o) => o.method === method && o.path === path);
      expect(op, `${method} ${path} takes no body`).toBeDefined();
      return op!.example;
    };
    const sent = new Set<string>();
    const send = async (method: string, template: string, path: string, status: number, as = service, token = as.adminToken) => {
      const res = await call(as, method.toUpperCase(), path, example(method, template), token);
      expect(res.status, `${method.toUpperCase()} ${template}: ${JSON.stringify(res.json)}`).toBe(status);
      sent.add(`${method.toUpperCase()} ${template}`);
      return res.json;
    };

    const gi = await send("post", "/api/v1/gi-tags", "/api/v1/gi-tags", 201);
    await send("patch", "/api/v1/gi-tags/{id}", `/api/v1/gi-tags/${gi.id}`, 200);
    const product = await send("post", "/api/v1/districts/{code}/products", "/api/v1/districts/187/products", 201);
    await send("patch", "/api/v1/products/{id}", `/api/v1/products/${product.id}`, 200);
    const artisan = await send("post", "/api/v1/artisans", "/api/v1/artisans", 201);
    expect(artisan.id).toBe(1);
    await send("patch", "/api/v1/artisans/{id}", "/api/v1/artisans/1", 200);
    const certificate = await send("post", "/api/v1/certificates", "/api/v1/certificates", 201);
    // The card example's code stands for the one issuing answered (a random one): store its hash.
    const cardCode = readClaimCode((example("post", "/api/v1/certificates/{id}/claim-card.pdf") as { claimCode: string }).claimCode)!;
    await service.deps.db.update(certificateClaims).set({ codeHash: await claimCodeHash(certificate.id, cardCode) }).where(eq(certificateClaims.certificateId, certificate.id));
    await send("post", "/api/v1/certificates/{id}/claim-card.pdf", `/api/v1/certificates/${certificate.id}/claim-card.pdf`, 200);
    // A false alarm to clear: a burst of checks, then the admin's note.
    for (let i = 0; i < BURST_MIN_SCANS; i++) await service.app.request(`/api/v1/verify/${certificate.token}`);
    await service.deps.scans.flush();
    await send("post", "/api/v1/certificates/{id}/copy-suspicion/clear", `/api/v1/certificates/${certificate.id}/copy-suspicion/clear`, 200);
    await send("post", "/api/v1/batches", "/api/v1/batches", 201);
    // A buyer's report about it, through the public form, for the office to close.
    const form = await (await service.app.request(`/report?serial=${certificate.id}`)).text();
    const ticket = /name="_ticket" value="([^"]+)"/.exec(form)![1]!;
    const fields = new URLSearchParams({ _ticket: ticket, about: certificate.id, place: "Chowk", city: "Varanasi", country: "IN", seller: "A shop", priceAmount: "1500", priceCurrency: "INR" }).toString();
    const filed = await service.app.request("/report", { method: "POST", headers: { origin: "https://asli.example", "content-type": "application/x-www-form-urlencoded", "content-length": String(fields.length) }, body: fields });
    expect(filed.status).toBe(303);
    const [report] = (await call(service, "GET", `/api/v1/reports?certificate=${certificate.id}`)).json.items;
    await send("patch", "/api/v1/reports/{id}", `/api/v1/reports/${report.id}`, 200);
    await send("post", "/api/v1/certificates/{id}/revocation", `/api/v1/certificates/${certificate.id}/revocation`, 201);
    const token = await send("post", "/api/v1/tokens", "/api/v1/tokens", 201);
    await send("post", "/api/v1/tokens/{id}/rotate", `/api/v1/tokens/${token.id}/rotate`, 201);
    await send("post", "/api/v1/artisans/{id}/gi-authorisation", "/api/v1/artisans/1/gi-authorisation", 200);
    const invitation = await send("post", "/api/v1/invitations", "/api/v1/invitations", 201);
    // The slip names the invitation by its one-time link, which only the creation's answer holds.
    const slip = await call(service, "POST", "/api/v1/invitations/slip.pdf", { ...(example("post", "/api/v1/invitations/slip.pdf") as object), url: invitation.url });
    expect(slip.status).toBe(200);
    expect(slip.type).toBe("application/pdf");
    sent.add("POST /api/v1/invitations/slip.pdf");
    await send("post", "/api/v1/artisans/{id}/status", "/api/v1/artisans/1/status", 200);
    const exporter = await call(service, "POST", "/api/v1/tokens", { name: "Bhadohi Carpet Exports", role: "exporter" });
    const shipment = await send("post", "/api/v1/shipments", "/api/v1/shipments", 201, service, exporter.json.token);
    // Certificate ids are random: the example's placeholder id is refused by item, as documented.
    await send("post", "/api/v1/shipments/{id}/items", `/api/v1/shipments/${shipment.id}/items`, 422, service, exporter.json.token);
    await send("post", "/api/v1/shipments/{id}/cancel", `/api/v1/shipments/${shipment.id}/cancel`, 200);
    // A key is revoked once retired: after a rotation.
    const rotated = await restartWithKey(service, randomSeedHex(), new Date(TEST_START.getTime() + 3_600_000));
    await send("post", "/api/v1/keys/{kid}/revocation", `/api/v1/keys/${encodeURIComponent(service.deps.signingKey.kid)}/revocation`, 200, rotated);

    expect([...sent].sort(), "an operation with a body is missing from this sequence: add its example here").toEqual(WITH_BODY.map(key).sort());
  });

  it("are valid for the operation's own request schema, one for every operation that takes a body", () => {
    for (const op of WITH_BODY) {
      expect(op.example, `${key(op)} has no example`).toBeDefined();
      const result = op.body!.safeParse(op.example);
      expect(result.success, `${key(op)}: ${result.error?.message}`).toBe(true);
    }
  });
});

describe(`the reference page (${runtime})`, () => {
  it("lists every operation, with no script and nothing from another origin, under the default CSP", async () => {
    const service = await makeTestService();
    const res = await service.app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).not.toContain("cdn.jsdelivr.net");
    const page = await res.text();
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only absolute URLs are the service's own (in prose and examples), none loaded.
    for (const url of page.match(/https?:\/\/[^\s"'<>`]+/g) ?? []) expect(url, url).toMatch(/^https:\/\/(asli\.example|schema\.org|www\.w3\.org)\b/);
    for (const op of API_OPERATIONS) {
      expect(page, key(op)).toContain(`id="${operationAnchor(op.method, op.path)}"`);
      expect(page).toContain(`href="#${operationAnchor(op.method, op.path)}"`);
    }
    for (const spec of SPECS) expect(page).toContain(`href="/docs/specs/${spec.file}"`);
    // Each example, pretty-printed, and the curl line that sends it.
    for (const op of WITH_BODY) {
      const pretty = JSON.stringify(op.example, null, 2).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
      expect(page.replace(/&#34;/g, "&quot;"), key(op)).toContain(pretty);
      expect(page, key(op)).toContain(`curl -X ${op.method.toUpperCase()} &#39;https://asli.example${op.path}&#39;`);
    }
  });

  it("puts the examples in the OpenAPI document too", async () => {
    const service = await makeTestService();
    const { json } = await call(service, "GET", "/api/v1/openapi.json", undefined, null);
    for (const op of WITH_BODY) expect(json.paths[op.path][op.method].requestBody.content["application/json"].example, key(op)).toEqual(op.example);
  });

  it("serves the specifications where the runtime has them, and says so where it does not", async () => {
    const service = await makeTestService();
    const missing = await call(service, "GET", "/docs/specs/secrets.md", undefined, null);
    expect([missing.status, missing.json?.code]).toEqual([404, "not-found"]);
    const traversal = await call(service, "GET", "/docs/specs/..%2Fpackage.json", undefined, null);
    expect(traversal.status).toBe(404);
    // The test services are built without a spec source, as the Workers entry is.
    const absent = await call(service, "GET", "/docs/specs/certificate-format.md", undefined, null);
    expect([absent.status, absent.json?.code]).toEqual([501, "not-available-on-this-runtime"]);
  });
});
