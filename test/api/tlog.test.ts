// The transparency log through the HTTP API, on both runtimes: every certificate issued is in
// it at once, provable offline; the tree only grows (consistency between every pair of
// checkpoints, from the served tiles); tiles and entry bundles as tlog-tiles lays them out;
// witnesses cosign and the log serves their cosignatures. D1 is shared by the tests of a file
// on workerd, so nothing here assumes the log starts empty.
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { fromHex, toBase64 } from "../../src/core/bytes.js";
import { cosigner } from "../../src/core/checkpoint.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { leafHash } from "../../src/core/merkle.js";
import { ed25519NoteVerifier, encodeVerifierKey, parseVerifierKey, SIGNATURE_TYPE } from "../../src/core/note.js";
import { decodeEntryBundle, entryBundlePath, tilePath } from "../../src/core/tiles.js";
import { entryFromToken, logPolicy, parseTlogProof, tokenFromEntry, verifyCheckpoint, verifyTlogProof, type LogPolicy } from "../../src/core/tlog.js";
import { fetchCheckpoint, followLog, rootFromLog, type FollowedTree, type LogFetcher } from "../../src/core/tlog-client.js";
import { addCheckpoint, type WitnessState } from "../../src/core/witness.js";
import { createApp } from "../../src/http/app.js";
import { TransparencyLog } from "../../src/service/tlog.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { unique } from "../support/principals.js";
import { TEST_LOG_SEED_HEX, type TestService } from "../support/harness.js";

const fetcherOf =
  (service: TestService): LogFetcher =>
  async (path) => {
    const res = await service.app.request(`/log/${path}`);
    if (res.status === 404) return null;
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

const policyOf = (service: TestService, witnesses: string[] = [], quorum = 0): LogPolicy => logPolicy(service.deps.log.origin, service.deps.log.verifierKey, witnesses, quorum);

async function checkpointOf(service: TestService, policy = policyOf(service)) {
  return (await fetchCheckpoint(fetcherOf(service), policy)).checkpoint;
}

async function proofOf(service: TestService, id: string) {
  const res = await service.app.request(`/api/v1/certificates/${id}/inclusion`);
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

async function batchOf(service: TestService, artisanId: number, rows: number) {
  const csv = ["artisan_id,title", ...Array.from({ length: rows }, (_, i) => `${artisanId},Item ${i + 1}`)].join("\n");
  const res = await service.app.request("/api/v1/batches", { method: "POST", headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "text/csv" }, body: csv });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; certificates: { id: string; token: string; row: number }[] };
}

describe(`the transparency log (${runtime})`, () => {
  it("holds every certificate at once: the verdict gives its index, and its proof verifies with no network", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: unique("Log weaver") });
    const issued = await issueCertificate(service, artisan.id);

    const verdict = await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null);
    expect(verdict.json.log.index).toEqual(expect.any(Number));
    const index = verdict.json.log.index as number;

    const checkpoint = await service.app.request("/log/checkpoint");
    expect(checkpoint.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(checkpoint.headers.get("cache-control")).toBe("public, max-age=5");
    expect(checkpoint.headers.get("access-control-allow-origin")).toBe("*");
    const note = await checkpoint.text();
    const trusted = await verifyCheckpoint(note, policyOf(service));
    expect(trusted.checkpoint.origin).toBe("asli.example/log");
    expect(trusted.checkpoint.size).toBeGreaterThan(index);

    const { res, text } = await proofOf(service, issued.id);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(text.startsWith(`c2sp.org/tlog-proof@v1\nextra ${toBase64(entryFromToken(issued.token))}\nindex ${index}\n`)).toBe(true);
    const verified = await verifyTlogProof(text, entryFromToken(issued.token), policyOf(service));
    expect(verified.index).toBe(index);
    // Another entry, or another log's key, does not pass.
    const other = await issueCertificate(service, artisan.id);
    await expect(verifyTlogProof(text, entryFromToken(other.token), policyOf(service))).rejects.toMatchObject({ code: "proof-wrong-entry" });
    const stranger = await signingKeyFromSeed(new Uint8Array(32).fill(9));
    const strangerKey = encodeVerifierKey({ name: "asli.example/log", type: SIGNATURE_TYPE.ed25519, publicKey: stranger.publicKey });
    await expect(verifyTlogProof(text, entryFromToken(issued.token), logPolicy("asli.example/log", strangerKey, [], 0))).rejects.toMatchObject({ code: "checkpoint-bad-signature" });

    // An entry holds the token's bytes and nothing else: no name, no title.
    expect(tokenFromEntry(parseTlogProof(text).extra!)).toBe(issued.token);
    expect((await service.app.request("/api/v1/certificates/AAAAAAAAAAAAA/inclusion")).status).toBe(404);
    expect((await call(service, "GET", "/api/v1/certificates/not-a-serial/inclusion", undefined, null)).json.code).toBe("not-found");
  });

  it("only grows: every checkpoint extends the last, every proof verifies as the log grows past a tile", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: unique("Growing log") });
    const policy = policyOf(service);
    const fetcher = fetcherOf(service);
    let followed: FollowedTree | null = null;
    const issued: { id: string; token: string }[] = [];
    const seen = new Map<number, string>();

    const step = async () => {
      const { checkpoint } = await fetchCheckpoint(fetcher, policy);
      // A monitor's view: consistency from the last checkpoint, every entry against its tile, the root at the end.
      followed = await followLog(fetcher, followed ?? { size: checkpoint.size, root: checkpoint.root, peaks: null }, checkpoint, (index, entry) => void seen.set(index, tokenFromEntry(entry)));
      for (const c of issued) {
        const { text } = await proofOf(service, c.id);
        const verified = await verifyTlogProof(text, entryFromToken(c.token), policy);
        expect(verified.checkpoint.size).toBe(checkpoint.size);
      }
      return checkpoint;
    };

    const start = await step();
    for (let i = 0; i < 5; i++) {
      issued.push(await issueCertificate(service, artisan.id));
      await step();
    }
    // A batch crosses a tile boundary whatever the log held before (more than 256 rows).
    const batch = await batchOf(service, artisan.id, 260);
    issued.push(batch.certificates[0]!, batch.certificates[259]!);
    const after = await step();
    expect(after.size).toBeGreaterThanOrEqual(start.size + 265);
    issued.push(await issueCertificate(service, artisan.id));
    await step();
    // The follower saw every certificate, in issuance order, as its token.
    for (const c of [...issued.slice(0, 5), ...batch.certificates]) expect([...seen.values()]).toContain(c.token);
    const batchIndices = batch.certificates.map((c) => [...seen].find(([, t]) => t === c.token)![0]);
    expect(batchIndices).toEqual(batchIndices.map((_, i) => batchIndices[0]! + i));
  });

  it("serves tiles and entry bundles as tlog-tiles lays them out, full ones immutable", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: unique("Tiles") });
    await batchOf(service, artisan.id, 257);
    const { size } = await checkpointOf(service);
    const full = await service.app.request(`/log/${tilePath(0, 0)}`);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("application/octet-stream");
    expect(full.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await full.arrayBuffer()).byteLength).toBe(8192);

    const lastBundle = Math.floor((size - 1) / 256);
    const width = size - lastBundle * 256;
    if (width < 256) {
      const partial = await service.app.request(`/log/${tilePath(0, lastBundle, width)}`);
      expect(partial.status).toBe(200);
      expect(partial.headers.get("cache-control")).toBe("public, max-age=60");
      expect((await partial.arrayBuffer()).byteLength).toBe(width * 32);
      // Wider than the tree: not served.
      if (width < 255) expect((await service.app.request(`/log/${tilePath(0, lastBundle, width + 1)}`)).status).toBe(404);
    }
    const bundle = await service.app.request(`/log/${entryBundlePath(0)}`);
    expect(bundle.status).toBe(200);
    const entries = decodeEntryBundle(new Uint8Array(await bundle.arrayBuffer()));
    expect(entries).toHaveLength(256);
    const tile = new Uint8Array(await (await service.app.request(`/log/${tilePath(0, 0)}`)).arrayBuffer());
    entries.forEach((e, i) => expect(leafHash(e)).toEqual(tile.subarray(32 * i, 32 * i + 32)));

    for (const path of ["tile/0/x000/000", "tile/0/0", "tile/64/000", "tile/0/000.p/0", "tile/entries/999.p/3", "tile/9/000", "tiles/0/000", "tile/0/000.p/256"]) {
      const res = await call(service, "GET", `/log/${path}`, undefined, null);
      expect(res.status, path).toBe(404);
      expect(res.json.code).toBe("not-found");
    }
  });

  it("asks its witnesses to cosign, and serves the cosigned checkpoint and proofs", async () => {
    const service = await makeTestService();
    const witnessKey = await signingKeyFromSeed(new Uint8Array(32).fill(42));
    const witness = cosigner(unique("witness.example/w").replace(/\s/g, ""), witnessKey);
    const witnessVkey = encodeVerifierKey({ name: witness.name, type: SIGNATURE_TYPE.cosignatureV1, publicKey: witnessKey.publicKey });
    const logKey = await signingKeyFromSeed(fromHex(TEST_LOG_SEED_HEX));
    const logVerifier = await ed25519NoteVerifier(service.deps.log.origin, logKey.publicKey);
    let state: WitnessState = {};
    const requests: string[] = [];
    // The witness in-process, deciding exactly as `npm run witness` does.
    const witnessFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      expect(String(url)).toBe("https://witness.example/add-checkpoint");
      const body = String(init!.body);
      requests.push(body.split("\n")[0]!);
      const outcome = await addCheckpoint(body, [{ origin: service.deps.log.origin, verifiers: [logVerifier] }], state, witness, 1772359300);
      if (outcome.status === 200) state = outcome.state;
      return new Response(outcome.body, { status: outcome.status, headers: { "content-type": outcome.status === 200 ? "text/plain; charset=utf-8" : outcome.contentType } });
    }) as typeof fetch;
    const log = new TransparencyLog({
      db: service.deps.db,
      origin: service.deps.log.origin,
      url: service.deps.log.url,
      key: logKey,
      witnesses: [{ key: parseVerifierKey(witnessVkey), url: "https://witness.example/" }],
      fetch: witnessFetch,
      defer: () => {},
      clock: service.deps.clock,
    });
    const app = createApp({ ...service.deps, log });
    const witnessed: TestService = { ...service, app, deps: { ...service.deps, log } };
    const artisan = await registerArtisan(witnessed, { name: unique("Witnessed") });

    // The witness held an older checkpoint than the log knows of: it answers 409 with its size, and the log proves from there.
    await issueCertificate(witnessed, artisan.id);
    const first = await issueCertificate(witnessed, artisan.id);
    const before = await checkpointOf(witnessed);
    state = { [log.origin]: { size: before.size - 1, root: toBase64(await rootFromLog(fetcherOf(witnessed), before.size - 1)) } };
    await log.cosign();
    expect(requests).toEqual(["old 0", `old ${before.size - 1}`]);

    const policy = policyOf(witnessed, [witnessVkey], 1);
    const cosigned = await fetchCheckpoint(fetcherOf(witnessed), policy);
    expect(cosigned.cosignatures).toEqual([{ name: witness.name, timestamp: 1772359300 }]);
    expect(state[log.origin]!.size).toBe(before.size);
    const { text } = await proofOf(witnessed, first.id);
    expect((await verifyTlogProof(text, entryFromToken(first.token), policy)).cosignatures).toHaveLength(1);

    // A newer certificate, not yet cosigned: its proof is against the newest checkpoint, which a quorum policy refuses until the witness signs.
    const second = await issueCertificate(witnessed, artisan.id);
    const pending = (await proofOf(witnessed, second.id)).text;
    await expect(verifyTlogProof(pending, entryFromToken(second.token), policy)).rejects.toMatchObject({ code: "checkpoint-no-quorum" });
    await log.cosign();
    expect(requests.at(-1)).toBe(`old ${before.size}`);
    await verifyTlogProof((await proofOf(witnessed, second.id)).text, entryFromToken(second.token), policy);
    // Asking again for the same checkpoint sends nothing.
    const sent = requests.length;
    await log.cosign();
    expect(requests).toHaveLength(sent);
  });

  it("gives concurrent issuers distinct indices, and concurrent integrations one chain of checkpoints", async () => {
    const service = await makeTestService();
    // A second instance over the same database: another process, with a log object of its own.
    const logKey = await signingKeyFromSeed(fromHex(TEST_LOG_SEED_HEX));
    const other = new TransparencyLog({ db: service.deps.db, origin: service.deps.log.origin, url: service.deps.log.url, key: logKey, clock: service.deps.clock });
    const second: TestService = { ...service, app: createApp({ ...service.deps, log: other }), deps: { ...service.deps, log: other } };
    const artisan = await registerArtisan(service, { name: unique("Concurrent") });
    const before = await checkpointOf(service);
    const singles = await Promise.all(Array.from({ length: 12 }, (_, i) => issueCertificate(i % 2 ? service : second, artisan.id)));
    const batches = await Promise.all([batchOf(service, artisan.id, 30), batchOf(second, artisan.id, 30)]);
    const tokens = [...singles.map((c) => c.token), ...batches.flatMap((b) => b.certificates.map((c) => c.token))];
    const indices = await Promise.all(tokens.map(async (t) => (await call(service, "GET", `/api/v1/verify/${t}`, undefined, null)).json.log.index as number));
    expect(new Set(indices).size).toBe(tokens.length);
    await Promise.all([service.deps.log.integrate(), other.integrate()]);
    const after = await checkpointOf(service);
    expect(after.size).toBeGreaterThanOrEqual(before.size + tokens.length);
    // One chain: whatever the interleaving, the new tree extends the old, and holds every entry.
    const seen: string[] = [];
    await followLog(fetcherOf(service), { size: before.size, root: before.root, peaks: null }, after, (_, entry) => void seen.push(tokenFromEntry(entry)));
    for (const t of tokens) expect(seen).toContain(t);
  });

  it("publishes the log, its witnesses and a cosigned checkpoint in the trust bundle, and each artisan's monthly capacity", async () => {
    const service = await makeTestService();
    const registered = await call(service, "POST", "/api/v1/artisans", { name: unique("Capacity"), districtCode: 187, productId: 103, monthlyCapacity: 20 });
    expect(registered.status).toBe(201);
    expect(registered.json.monthlyCapacity).toBe(20);
    const id = registered.json.id as number;
    for (const bad of [0, -1, 2.5, "20", 1_000_001]) {
      expect((await call(service, "PATCH", `/api/v1/artisans/${id}`, { monthlyCapacity: bad })).json.code).toBe("validation-failed");
    }
    const changed = await call(service, "PATCH", `/api/v1/artisans/${id}`, { monthlyCapacity: 25 });
    expect(changed.json.monthlyCapacity).toBe(25);
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=artisan&subjectId=${id}&action=artisan.update`);
    expect(audit.json.items[0]).toMatchObject({ before: { monthlyCapacity: 20 }, after: { monthlyCapacity: 25 } });
    const uncounted = await call(service, "POST", "/api/v1/artisans", { name: unique("No capacity"), districtCode: 187, productId: 103 });
    expect(uncounted.json.monthlyCapacity).toBeNull();
    const issued = await issueCertificate(service, id);
    await issueCertificate(service, uncounted.json.id);

    const { openTrustBundle } = await import("../../src/core/bundle.js");
    const res = await service.app.request("/.well-known/asli-trust-bundle");
    const { content } = await openTrustBundle(new Uint8Array(await res.arrayBuffer()));
    expect(content.monthlyCapacities).toContainEqual([id, 25]);
    expect(content.monthlyCapacities!.some(([a]) => a === uncounted.json.id)).toBe(false);
    expect(content.log).toMatchObject({ version: 1, origin: "asli.example/log", url: "https://asli.example/log/", key: service.deps.log.verifierKey, witnesses: [], quorum: 0 });
    const proof = (await proofOf(service, issued.id)).text;
    const policy = logPolicy(content.log!.origin, content.log!.key, content.log!.witnesses, content.log!.quorum);
    await verifyTlogProof(proof, entryFromToken(issued.token), policy);
    expect((await verifyCheckpoint(content.log!.checkpoint!, policy)).checkpoint.size).toBeGreaterThan(0);
  });
});

