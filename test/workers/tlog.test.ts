// The transparency log in the real worker entry: LOG_SIGNING_KEY from the secrets, full tiles
// and entry bundles kept in the optional R2 bucket (miniflare's R2, bound as LOG_TILES in
// vitest.config.ts) and served from it, the cron trigger integrating what issuance left, and a
// misconfigured log key refused before any data is touched.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { decodeSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import { encodeVerifierKey, SIGNATURE_TYPE } from "../../src/core/note.js";
import { logPolicy, verifyCheckpoint } from "../../src/core/tlog.js";
import { createApp } from "../../src/http/app.js";
import worker from "../../src/runtime/worker.js";
import { d1Database, workerDeps, type WorkerEnv } from "../../src/runtime/worker-deps.js";
import { TransparencyLog } from "../../src/service/tlog.js";

const ORIGIN = "https://asli.example";
const testEnv = env as unknown as WorkerEnv;

async function fetchWith(overrides: Partial<WorkerEnv>, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${env.ADMIN_TOKEN}`);
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(`${ORIGIN}${path}`, { ...init, headers }) as Parameters<NonNullable<typeof worker.fetch>>[0], { ...testEnv, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const post = (path: string, body: unknown) => fetchWith({}, path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

async function policy() {
  const key = await signingKeyFromSeed(decodeSeed(env.LOG_SIGNING_KEY));
  return logPolicy("asli.example/log", encodeVerifierKey({ name: "asli.example/log", type: SIGNATURE_TYPE.ed25519, publicKey: key.publicKey }), [], 0);
}

async function checkpoint() {
  const res = await fetchWith({}, "/log/checkpoint");
  return (await verifyCheckpoint(await res.text(), await policy())).checkpoint;
}

async function artisan(): Promise<number> {
  const res = await post("/api/v1/artisans", { name: "R2 weaver", districtCode: 187, productId: 103 });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe("the transparency log on Workers", () => {
  it("signs checkpoints with LOG_SIGNING_KEY, and keeps full tiles and bundles in R2, serving them from there", async () => {
    const id = await artisan();
    const csv = ["artisan_id,title", ...Array.from({ length: 300 }, (_, i) => `${id},Item ${i}`)].join("\n");
    const batch = await fetchWith({}, "/api/v1/batches", { method: "POST", body: csv, headers: { "content-type": "text/csv" } });
    expect(batch.status).toBe(201);
    expect((await checkpoint()).size).toBeGreaterThanOrEqual(300);

    const tile = await fetchWith({}, "/log/tile/0/000");
    expect(tile.status).toBe(200);
    const bytes = new Uint8Array(await tile.arrayBuffer());
    expect(bytes).toHaveLength(8192);
    const stored = await testEnv.LOG_TILES!.get("tile/0/000");
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
    const bundle = await fetchWith({}, "/log/tile/entries/000");
    expect((await testEnv.LOG_TILES!.get("tile/entries/000"))!.size).toBe((await bundle.arrayBuffer()).byteLength);

    // Served from the bucket without the database: a log over a database that fails still serves it.
    const key = await signingKeyFromSeed(decodeSeed(env.LOG_SIGNING_KEY));
    const bucketOnly = new TransparencyLog({ db: d1Database(brokenD1()), origin: "asli.example/log", url: `${ORIGIN}/log/`, key, tileBucket: testEnv.LOG_TILES, clock: () => new Date() });
    expect(await bucketOnly.tile(0, 0, 256)).toEqual(bytes);
    await expect(bucketOnly.tile(0, 1, 1)).rejects.toThrow();
    // Partial tiles are never put in the bucket: they grow.
    const partial = await fetchWith({}, "/log/tile/0/001.p/1");
    expect(partial.status).toBe(200);
    expect(await testEnv.LOG_TILES!.get("tile/0/001.p/1")).toBeNull();
  });

  it("integrates on the cron what issuance left out of a checkpoint", async () => {
    const id = await artisan();
    const db = d1Database(env.DB);
    const base = await workerDeps(testEnv, new Request(ORIGIN));
    // A process that appended and stopped before it integrated.
    class StopsBeforeIntegrating extends TransparencyLog {
      override async afterAppend(): Promise<void> {}
    }
    const stalled = new StopsBeforeIntegrating({ db, origin: base.log.origin, url: base.log.url, key: await signingKeyFromSeed(decodeSeed(env.LOG_SIGNING_KEY)), clock: () => new Date() });
    const app = createApp({ ...base, log: stalled });
    const issued = await app.request("/api/v1/certificates", {
      method: "POST",
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ artisanId: id, title: "Stalled saree" }),
    });
    expect(issued.status).toBe(201);
    const { token } = (await issued.json()) as { token: string };
    const verdict = (await (await fetchWith({}, `/api/v1/verify/${token}`)).json()) as { log: { index: number } };
    const before = await env.DB.prepare("SELECT max(size) AS size FROM log_checkpoints").first<{ size: number }>();
    expect(before!.size).toBeLessThanOrEqual(verdict.log.index);

    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ cron: "* * * * *" }), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    expect((await checkpoint()).size).toBeGreaterThan(verdict.log.index);
  });

  it("refuses a missing LOG_SIGNING_KEY, or the certificate signing key in its place, with 503 before touching data", async () => {
    for (const overrides of [{ LOG_SIGNING_KEY: "" }, { LOG_SIGNING_KEY: "not-a-seed" }, { LOG_SIGNING_KEY: env.SIGNING_KEY }, { LOG_WITNESSES: "nonsense" }]) {
      const res = await fetchWith(overrides, "/log/checkpoint");
      expect(res.status, JSON.stringify(overrides)).toBe(503);
      expect(await res.json()).toMatchObject({ code: "service-misconfigured" });
    }
  });
});

/** A D1 binding whose every query fails. */
function brokenD1(): D1Database {
  const fail = () => {
    throw new Error("D1 is down");
  };
  return { prepare: fail, batch: fail, exec: fail, dump: fail, withSession: fail } as unknown as D1Database;
}
