// Scans read through D1's Sessions API, so that a read replica near the buyer may answer them;
// writes and every other request go to the primary. Locally there is one database and no replica,
// so what is tested is the plumbing: which requests get a session, that a verdict is read through
// it (its bookmark moves), and that verdicts through it are right, a revocation included.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { readsNearby, workerDeps, type WorkerEnv } from "../../src/runtime/worker-deps.js";

const ORIGIN = "https://asli.example";
type Client = { getBookmark?: () => string | null; withSession?: unknown };
const clientOf = (db: unknown) => (db as { $client: Client }).$client;

/** A request through the app, with the dependencies the worker entry builds for it. */
async function request(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${env.ADMIN_TOKEN}`);
  if (init.body) headers.set("content-type", "application/json");
  const req = new Request(`${ORIGIN}${path}`, { ...init, headers });
  const deps = await workerDeps(env as WorkerEnv, req);
  const res = await createApp(deps).fetch(req);
  return { res, json: res.headers.get("content-type")?.includes("json") ? ((await res.json()) as any) : null, client: clientOf(deps.db) };
}

describe("verify reads through a D1 session", () => {
  it("gives a session to scans only: GET and HEAD of /V/, /v/ and /api/v1/verify/", () => {
    const at = (path: string, method = "GET") => readsNearby(new Request(`${ORIGIN}${path}`, { method }));
    expect(at("/V/AGIPVSX6")).toBe(true);
    expect(at("/v/AGIPVSX6")).toBe(true);
    expect(at("/api/v1/verify/AGIPVSX6")).toBe(true);
    expect(at("/api/v1/verify/AGIPVSX6", "HEAD")).toBe(true);
    expect(at("/api/v1/verify/AGIPVSX6", "POST")).toBe(false);
    expect(at("/api/v1/certificates")).toBe(false);
    expect(at("/.well-known/jwks.json")).toBe(false);
    expect(at("/.well-known/asli-trust-bundle")).toBe(false);
    expect(at("/verify")).toBe(false);
  });

  it("issues and revokes on the primary, and verifies through a session that sees both", async () => {
    const artisan = await request("/api/v1/artisans", { method: "POST", body: JSON.stringify({ name: "Session Weaver", districtCode: 187, productId: 103 }) });
    expect(artisan.res.status).toBe(201);
    const issued = await request("/api/v1/certificates", { method: "POST", body: JSON.stringify({ artisanId: artisan.json.id, title: "Brocade stole" }) });
    expect(issued.res.status).toBe(201);
    // Writes: the binding itself, which always reaches the primary (a session has no withSession).
    expect(issued.client.withSession).toBeTypeOf("function");
    expect(issued.client.getBookmark).toBeUndefined();

    const genuine = await request(`/api/v1/verify/${issued.json.token}`);
    expect(genuine.res.status).toBe(200);
    expect(genuine.json).toMatchObject({ status: "genuine", certificate: { id: issued.json.id, title: "Brocade stole" } });
    // The verdict was read through a session: it has a bookmark, which only a query sets.
    expect(genuine.client.withSession).toBeUndefined();
    expect(genuine.client.getBookmark?.()).toMatch(/^[0-9a-f-]+$/);

    const revoked = await request(`/api/v1/certificates/${issued.json.id}/revocation`, { method: "POST", body: JSON.stringify({ reason: "stolen" }) });
    expect(revoked.res.status).toBe(201);
    const after = await request(`/V/${issued.json.token}`, { headers: { accept: "application/json" } });
    expect(after.json).toMatchObject({ status: "revoked", reason: "stolen" });
    expect(after.client.getBookmark?.()).toBeTruthy();
  });
});
