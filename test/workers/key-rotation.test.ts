// Rotation on Workers is `wrangler secret put SIGNING_KEY`: the first request that meets the new
// key activates it and retires the old one. A worker left holding a key that was revoked since
// must refuse to serve rather than sign with it. (A file of its own: it changes the key states
// of its D1, which every test in a file shares.)
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { decodeSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import worker from "../../src/runtime/worker.js";
import type { WorkerEnv } from "../../src/runtime/worker-deps.js";

// RFC 8032 §7.1 TEST 3 seed, base64url: a published test key, like the one in vitest.config.ts.
const NEXT_KEY = "xaqN9D-fg3vtt0QvMdy3sWbThTUHbwlLhc46LgtEWPc";

async function fetchAs(signingKey: string, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`https://asli.example${path}`, init);
  const response = await worker.fetch!(request as Parameters<NonNullable<typeof worker.fetch>>[0], { ...env, SIGNING_KEY: signingKey } as WorkerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function states(signingKey: string): Promise<Record<string, string>> {
  const { keys } = (await (await fetchAs(signingKey, "/.well-known/jwks.json")).json()) as { keys: { kid: string; state: string }[] };
  return Object.fromEntries(keys.map((k) => [k.kid, k.state]));
}

it("activates a new SIGNING_KEY on first use, and refuses to run on a revoked one", async () => {
  const first = (await signingKeyFromSeed(decodeSeed(env.SIGNING_KEY))).kid;
  const next = (await signingKeyFromSeed(decodeSeed(NEXT_KEY))).kid;

  expect(await states(env.SIGNING_KEY)).toEqual({ [first]: "active" });
  expect(await states(NEXT_KEY)).toEqual({ [next]: "active", [first]: "retired" });

  const revoked = await fetchAs(NEXT_KEY, `/api/v1/keys/${first}/revocation`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" },
    // Whole seconds: the API refuses a fraction rather than cutting it off (docs/api.md).
    body: JSON.stringify({ compromisedAt: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(), reason: "key-compromise" }),
  });
  expect(revoked.status).toBe(200);

  const stale = await fetchAs(env.SIGNING_KEY, "/healthz");
  expect(stale.status).toBe(503);
  expect(await stale.json()).toMatchObject({ code: "service-misconfigured" });
  expect((await fetchAs(NEXT_KEY, "/healthz")).status).toBe(200);
});
