// The credentials as the Workers deployment serves them: the worker bundled by wrangler (as
// `wrangler deploy` bundles it, browser builds and all) running in workerd over a local D1,
// reached over HTTP, and checked by the same independent verifiers as test/api. This is where
// the Data Integrity form is proved on Workers: inside vitest-pool-workers the JSON-LD stack
// cannot load (see test/support/credential-verifiers.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_dev, type Unstable_DevWorker } from "wrangler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runWrangler, useProjectWranglerEnv } from "../../scripts/lib/wrangler.js";
import { statusOfDataIntegrity, statusOfJwt, verifyDataIntegrity, verifyJwt, type Fetcher } from "../support/credential-verifiers.js";
import { freePort } from "../support/net.js";

// TEST VALUES ONLY: the RFC 8032 §7.1 TEST 3 seed, and a token that guards nothing.
const SIGNING_KEY = "xaqN4DwqaAoDNqq9wlXgxRVfBfZkHNPzIn8NXfmvuXw";
const ADMIN_TOKEN = "asli_test_admin_token_for_the_worker_bundle";
// TEST VALUE ONLY: the RFC 8032 §7.1 TEST 2 seed, for the transparency log (never SIGNING_KEY).
const LOG_SIGNING_KEY = "TM0Imyj_ltqdtsNG7BFOD1uKMZ81q6Yk2oz27U-4pvs";
const ORIGIN = "https://asli.example";

let worker: Unstable_DevWorker;
let persist: string;
let address = "";
/** The verifiers fetch https://asli.example/...; here that origin is the local workerd. */
const fetcher: Fetcher = (url, init) => fetch(url.replace(ORIGIN, address), init);

async function api(method: string, path: string, body?: unknown, token = ADMIN_TOKEN) {
  const res = await fetch(`${address}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

beforeAll(async () => {
  useProjectWranglerEnv();
  persist = mkdtempSync(join(tmpdir(), "asli-worker-d1-"));
  const migrated = runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { capture: true });
  if (migrated.status !== 0) throw new Error(`migrations: ${migrated.stdout}${migrated.stderr}`);
  const port = await freePort();
  worker = await unstable_dev(join(ROOT, "src/runtime/worker.ts"), {
    config: join(ROOT, "wrangler.toml"),
    ip: "127.0.0.1",
    port,
    persistTo: persist,
    envFiles: [],
    vars: { SIGNING_KEY, LOG_SIGNING_KEY, ADMIN_TOKEN, BASE_URL: ORIGIN },
    logLevel: "error",
    experimental: { disableExperimentalWarning: true },
  });
  address = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  if (persist) rmSync(persist, { recursive: true, force: true });
});

describe("credentials from the wrangler-built worker on workerd", () => {
  it("serves both forms, which the independent verifiers accept, and status that flips on revocation", async () => {
    const artisan = await api("POST", "/api/v1/artisans", { name: "Worker Weaver", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "AU-WORKER-1" });
    const issued = await api("POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Katan silk saree", materials: ["silk"], madeOn: "2026-02-20" });
    const path = `/api/v1/certificates/${issued.id}/credential`;

    // Wall-clock times of the first and a later request of each form, for the record (not goals).
    const timed = async (accept: string) => {
      const start = performance.now();
      const res = await fetch(`${address}${path}`, { headers: { accept } });
      return { res, text: await res.text(), ms: Math.round(performance.now() - start) };
    };
    const firstJwt = await timed("application/vc+jwt");
    const firstDi = await timed("application/vc");
    const laterDi = await timed("application/vc");
    const other = await api("POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Jangla saree" });
    const start = performance.now();
    expect((await fetch(`${address}/api/v1/certificates/${other.id}/credential`, { headers: { accept: "application/vc" } })).status).toBe(200);
    const otherDi = Math.round(performance.now() - start);
    console.log(`worker credential requests (ms, wall clock): vc+jwt first ${firstJwt.ms}; Data Integrity first ${firstDi.ms}, same again ${laterDi.ms} (memo), another certificate ${otherDi}`);

    expect(firstJwt.res.status).toBe(200);
    expect(firstJwt.res.headers.get("content-type")).toBe("application/vc+jwt");
    expect((await verifyJwt(fetcher, firstJwt.text)).payload).toMatchObject({ issuer: "did:web:asli.example", credentialSubject: { serialNumber: issued.id } });

    expect(firstDi.res.status).toBe(200);
    expect(firstDi.res.headers.get("content-type")).toBe("application/vc");
    const vc = JSON.parse(firstDi.text);
    expect(laterDi.text).toBe(firstDi.text);
    const verified = await verifyDataIntegrity(fetcher, ORIGIN, vc);
    expect(verified.error).toBeUndefined();
    expect(verified.verified).toBe(true);
    expect(await statusOfDataIntegrity(fetcher, ORIGIN, vc)).toEqual({ revocation: false, suspension: false });

    await api("POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "stolen" });
    expect(await statusOfDataIntegrity(fetcher, ORIGIN, vc)).toEqual({ revocation: true, suspension: false });
    expect(await statusOfJwt(fetcher, vc)).toEqual({ revocation: true, suspension: false });
  });

  it("serves a sealed shipment's credential in both forms, which the independent verifiers accept", async () => {
    const artisan = await api("POST", "/api/v1/artisans", { name: "Worker Knotter", districtCode: 187, productId: 103 });
    const items = [];
    for (const title of ["Hand-knotted carpet", "Durrie"]) items.push((await api("POST", "/api/v1/certificates", { artisanId: artisan.id, title })).id);
    const { token } = await api("POST", "/api/v1/tokens", { name: "Worker Exports", role: "exporter" });
    const shipment = await api("POST", "/api/v1/shipments", { consigneeName: "Al Noor Trading LLC", consigneeCountry: "AE" }, token);
    await api("POST", `/api/v1/shipments/${shipment.id}/items`, { items }, token);
    const sealed = await api("POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, token);
    const path = `/api/v1/shipments/${shipment.id}/credential`;

    const jwt = await fetch(`${address}${path}`, { headers: { accept: "application/vc+jwt" } });
    expect([jwt.status, jwt.headers.get("content-type")]).toEqual([200, "application/vc+jwt"]);
    const expected = { type: ["VerifiableCredential", "ShipmentCredential"], credentialSubject: { merkleRoot: sealed.manifest.merkleRoot, itemCredentials: items.map((id) => `${ORIGIN}/api/v1/certificates/${id}/credential`) } };
    expect((await verifyJwt(fetcher, await jwt.text())).payload).toMatchObject(expected);

    const di = await fetch(`${address}${path}`, { headers: { accept: "application/vc" } });
    expect([di.status, di.headers.get("content-type")]).toEqual([200, "application/vc"]);
    const vc = JSON.parse(await di.text());
    expect(vc).toMatchObject(expected);
    const verified = await verifyDataIntegrity(fetcher, ORIGIN, vc);
    expect(verified.error).toBeUndefined();
    expect(verified.verified).toBe(true);
    vc.credentialSubject.itemCredentials.reverse();
    expect((await verifyDataIntegrity(fetcher, ORIGIN, vc)).verified).toBe(false);
  });
});
