import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "../../src/http/app.js";
import { call } from "../support/requests.js";

describe(`OpenAPI description (${runtime})`, () => {
  it("describes every route the app serves, and nothing it does not", async () => {
    const service = await makeTestService();
    // The console is an app of its own, which the app hands every request under /console
    // (src/http/console-app.ts): its routes are the app's too.
    const consoleApp = (await service.deps.loadConsole()).createConsoleApp(service.deps);
    const served = new Set(
      [...service.app.routes, ...consoleApp.routes]
        .filter((r) => r.method !== "ALL")
        // A route ending in * (the log's tiles) is described as ending in {path}.
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/\/\*$/, "/{path}")}`),
    );
    const described = new Set(API_OPERATIONS.map((op) => `${op.method} ${op.path}`));
    expect([...served].filter((r) => !described.has(r)), "served but not described").toEqual([]);
    expect([...described].filter((r) => !served.has(r)), "described but not served").toEqual([]);
  });

  it("is served as OpenAPI 3.1 with roles, request schemas and error codes", async () => {
    const service = await makeTestService();
    const { status, json } = await call(service, "GET", "/api/v1/openapi.json", undefined, null);
    expect(status).toBe(200);
    expect(json.openapi).toBe("3.1.0");
    const register = json.paths["/api/v1/artisans"].post;
    expect(register["x-roles"]).toEqual(["admin", "district"]);
    expect(register.requestBody.content["application/json"].schema.properties.gstin).toBeDefined();
    expect(register.responses["4XX"].description).toContain("gi-region-mismatch");
    expect(json.paths["/api/v1/verify/{token}"].get.security).toEqual([]);
    for (const path of Object.keys(json.paths)) expect(path).not.toContain(":");
  });

  it("serves a reference rendered from the description, under the default CSP (test/api/reference-docs.test.ts)", async () => {
    const service = await makeTestService();
    const res = await service.app.request("/docs");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('href="/api/v1/openapi.json"');
    expect(page).toContain("/api/v1/verify/{token}");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
