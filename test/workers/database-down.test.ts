// The real worker entry when D1 throws on a request of an isolate that has never read the keys
// through that binding: it knows its own SIGNING_KEY and nothing else. Tokens of that key still
// get the signature's verdict; a token of another key cannot be judged, and says so.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { randomBytes } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { issueToken } from "../../src/core/token.js";
import worker from "../../src/runtime/worker.js";
import type { WorkerEnv } from "../../src/runtime/worker-deps.js";
import { breakableD1 } from "../support/harness.worker.js";

const ORIGIN = "https://asli.example";

async function fetchWith(overrides: Partial<WorkerEnv>, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`${ORIGIN}${path}`, init);
  const response = await worker.fetch!(request as Parameters<NonNullable<typeof worker.fetch>>[0], { ...env, ...overrides } as WorkerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function post(path: string, body: unknown): Promise<any> {
  const res = await fetchWith({}, path, { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

it("verifies its own key's tokens from the signature alone, and cannot judge another key's, when D1 fails on a cold isolate", async () => {
  const artisan = await post("/api/v1/artisans", { name: "Worker Weaver", districtCode: 187, productId: 103 });
  const issued = await post("/api/v1/certificates", { artisanId: artisan.id, title: "Jangla brocade dupatta", materials: ["silk"] });

  const { binding, breakDatabase } = breakableD1(env.DB);
  breakDatabase();
  const down = { DB: binding };

  const res = await fetchWith(down, `/api/v1/verify/${issued.token}`);
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).not.toBeNull();
  expect(await res.json()).toMatchObject({ status: "unconfirmed", claims: { serial: issued.id, artisanId: artisan.id }, key: { kid: issued.certificate.kid } });

  const tampered = issued.token.slice(0, -2) + (issued.token.at(-2) === "A" ? "B" : "A") + issued.token.at(-1);
  const forged = await fetchWith(down, `/api/v1/verify/${tampered}`);
  expect(forged.status).toBe(400);
  expect(await forged.json()).toMatchObject({ status: "invalid", reason: "bad-signature" });

  // Signed by a key this isolate has never read: perhaps a retired key of the registry's, perhaps not.
  const stranger = await signingKeyFromSeed(randomBytes(32));
  const other = await issueToken({ serial: issued.id, issuedAt: Math.floor(Date.now() / 1000), artisanId: artisan.id, districtCode: 187, productId: 103, giTagId: null }, stranger);
  const unknown = await fetchWith(down, `/api/v1/verify/${other}`);
  expect(unknown.status).toBe(503);
  expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  expect(await unknown.json()).toMatchObject({ code: "service-unavailable" });

  // No key set to publish: none was ever read here.
  const jwks = await fetchWith(down, "/.well-known/jwks.json");
  expect(jwks.status).toBe(503);
  expect((await fetchWith(down, "/healthz")).status).toBe(503);
});
