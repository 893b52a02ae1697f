// Small HTTP points, the same on both runtimes: the Bearer scheme in any case and with the
// whitespace RFC 9110 allows; 405 with Allow for a method a path does not take; 415 for a JSON
// body in another charset; HSTS on HTTPS deployments only; /docs may not be framed.
import { makeTestService, runtime } from "@harness";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { call } from "../support/requests.js";

describe(`protocol points (${runtime})`, () => {
  it("accepts the Bearer scheme in any case, with one or more spaces before the token and blanks after it", async () => {
    const service = await makeTestService();
    const token = service.adminToken;
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `BeArEr ${token}`, `Bearer  ${token}`, `Bearer ${token} `, `Bearer ${token}\t `]) {
      const res = await service.app.request("/api/v1/audit?limit=1", { headers: { authorization: header } });
      expect(res.status, JSON.stringify(header)).toBe(200);
    }
    for (const header of [`Basic ${token}`, `Bearer`, `Bearer${token}`, `Bearer ${token} x`, `Bearer ${token},`, `Token ${token}`]) {
      const res = await service.app.request("/api/v1/audit?limit=1", { headers: { authorization: header } });
      expect([res.status, res.headers.get("www-authenticate")], JSON.stringify(header)).toEqual([401, expect.stringContaining("Bearer")]);
    }
  });

  it("answers any Authorization and Content-Type header with a coded 4xx or success, never a 5xx", async () => {
    const service = await makeTestService();
    const token = service.adminToken;
    // Header values as a client can send them: visible ASCII and blanks, around the pieces that matter.
    const piece = fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 12 }), fc.constantFrom("Bearer", "bearer", " ", "\t", token, "asli_", ";", "charset=", "utf-8", "latin1", '"', "application/json"));
    const header = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join("").trim());
    await fc.assert(
      fc.asyncProperty(header, header, async (authorization, type) => {
        const res = await service.app.request("/api/v1/tokens", {
          method: "POST",
          headers: { authorization, "content-type": type },
          body: JSON.stringify({ name: "Fuzzed", role: "exporter" }),
        });
        expect(res.status, `${JSON.stringify(authorization)} ${JSON.stringify(type)}`).toBeLessThan(500);
        if (res.status >= 400) expect(((await res.json()) as { code: string }).code).toMatch(/^[a-z0-9-]+$/);
      }),
      { numRuns: 150 },
    );
  });

  it("answers 405 with Allow to a method the path does not take, and 404 to a path that does not exist", async () => {
    const service = await makeTestService();
    const cases: [string, string, string][] = [
      ["PATCH", "/healthz", "GET, HEAD"],
      ["PROPFIND", "/api/v1/artisans", "GET, HEAD, POST"],
      ["PUT", "/api/v1/certificates/ABCDEFGHIJKL7/revocation", "DELETE, POST"],
      ["DELETE", "/api/v1/verify/ABC", "GET, HEAD, OPTIONS"],
      ["POST", "/V/ABC", "GET, HEAD"],
      ["REPORT", "/api/v1/tokens", "GET, HEAD, POST"],
      ["DELETE", "/api/v1/audit", "GET, HEAD"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await service.app.request(path, { method, headers: { authorization: `Bearer ${service.adminToken}` } });
      expect([res.status, res.headers.get("allow"), res.headers.get("content-type")], `${method} ${path}`).toEqual([405, allow, "application/problem+json"]);
      expect(((await res.json()) as { code: string }).code).toBe("method-not-allowed");
    }
    const missing = await service.app.request("/api/v1/nothing-here", { method: "PUT" });
    expect([missing.status, missing.headers.get("allow")]).toEqual([404, null]);
  });

  it("refuses a JSON body declared in a charset other than UTF-8 with 415, and takes UTF-8 in any spelling", async () => {
    const service = await makeTestService();
    const body = JSON.stringify({ name: "Charset Weaver", districtCode: 187, productId: 103 });
    const send = (type: string) =>
      service.app.request("/api/v1/artisans", { method: "POST", headers: { authorization: `Bearer ${service.adminToken}`, "content-type": type }, body });
    for (const type of ["application/json; charset=latin1", "application/json; charset=iso-8859-1", "application/json;charset=utf-16", 'application/json; charset="windows-1252"']) {
      const res = await send(type);
      expect([res.status, ((await res.json()) as { code: string }).code], type).toEqual([415, "unsupported-charset"]);
    }
    for (const type of ["application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8", 'application/json; charset="utf-8"', "Application/JSON;Charset=utf8"]) {
      expect((await send(type)).status, type).toBe(201);
    }
  });

  it("refuses a JSON body whose bytes are not UTF-8 rather than storing U+FFFD in their place", async () => {
    const service = await makeTestService();
    const body = new Uint8Array([...new TextEncoder().encode('{"name":"Caf'), 0xe9, ...new TextEncoder().encode('","districtCode":187,"productId":103}')]);
    const res = await service.app.request("/api/v1/artisans", { method: "POST", headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "application/json" }, body });
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([400, "body-not-utf8"]);
  });

  it("sends Strict-Transport-Security, for at least a year, when the service is served over HTTPS only", async () => {
    const service = await makeTestService();
    expect(service.deps.baseUrl).toMatch(/^https:/);
    for (const path of ["/healthz", "/api/v1/verify/ABC", "/V/ABC", "/nothing-here"]) {
      const hsts = (await service.app.request(path)).headers.get("strict-transport-security");
      expect(hsts, path).toMatch(/^max-age=(\d+)/);
      expect(Number(/^max-age=(\d+)/.exec(hsts!)![1])).toBeGreaterThanOrEqual(31_536_000);
    }
    const plain = createApp({ ...service.deps, baseUrl: "http://localhost:8787" });
    expect((await plain.request("/healthz")).headers.get("strict-transport-security")).toBeNull();
  });

  it("forbids framing the API docs page", async () => {
    const service = await makeTestService();
    const res = await call(service, "GET", "/docs", undefined, null);
    expect(res.res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
