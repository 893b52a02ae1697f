// The independent verifiers against a live service: `npm start` (README.md) with a temporary
// database, its own signing, log and admin secrets, and a witness (`npm run witness`,
// docs/transparency-log.md §8.2). Everything fetched over HTTP is checked with test/independent/lib
// alone, and the offline verdicts are compared with the service's own.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptUpdate, openBundle, sameIssuer, verifyOffline, verifyProofWithBundle, type OpenedBundle } from "./lib/bundle";
import { publicKeyFromSeed, signWithSeed } from "./lib/ed25519";
import { base32Decode, base32Encode } from "./lib/encoding";
import { freePort, runCaptured, startProcess, waitFor, type Started } from "./lib/service";
import {
  SIG_COSIGNATURE_V1, SIG_ED25519, TileReader, appendToRightEdge, foldRightEdge, leafHash, parseEntryBundle, parseTlogProof,
  parseVerifierKey, tilePath, tileWidth, verifierKey, verifyCheckpoint, verifyConsistency, verifyInclusion, verifyTlogProof,
  type Checkpoint, type LogTrust,
} from "./lib/tlog";
import { CERT_CONTEXT, kidOf, readJwkSet, verifyToken } from "./lib/token";
import { readPathSegment, tokenFromText } from "./lib/verify-url";
import {
  decodeStatusList, didWebOf, documentLoader, issuerKeys, statusBit, statusEntries, verifyDataIntegrity, verifyVcJwt, type IssuerKey, type Json,
} from "./lib/credentials";
import { block, readDoc } from "./lib/doc-blocks";

const WITNESS_NAME = "witness.independent.test/w1";
const seed = randomBytes(32);
const logSeed = randomBytes(32);
const adminToken = `asli_${base32Encode(randomBytes(20)).toLowerCase()}`;

let dir = "";
let service: Started | undefined;
let witness: Started | undefined;
let base = "";
let witnessVkey = "";
let trust: LogTrust;

async function http(path: string, init: RequestInit = {}) {
  return fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
}
async function admin(method: string, path: string, body?: unknown) {
  const res = await http(path, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, any>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
async function bytes(path: string): Promise<Buffer> {
  const res = await http(path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
const logReader = () => new TileReader((path) => bytes(`/log/${path}`));
async function checkpoint(quorum = 0): Promise<Checkpoint> {
  const res = await http("/log/checkpoint");
  expect(res.status).toBe(200);
  return verifyCheckpoint(await res.text(), { ...trust, quorum });
}
async function bundle(): Promise<OpenedBundle> {
  const opened = openBundle(await bytes("/.well-known/asli-trust-bundle"));
  if (!opened.ok) throw new Error(`${opened.error}: ${opened.detail}`);
  return opened.bundle;
}
// A verdict as docs/api.md shows it; read loosely, since these tests compare it field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Verdict = Record<string, any> & { httpStatus: number };
async function serverVerdict(segment: string): Promise<Verdict> {
  const res = await http(`/api/v1/verify/${segment}`);
  return { ...((await res.json()) as Record<string, unknown>), httpStatus: res.status };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "asli-independent-"));
  const [port, witnessPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;

  // The witness's key, as §8.2 step 1 makes it: the seed on stdout, the verifier key on stderr.
  const made = await runCaptured(["run", "-s", "keygen", "--", "--witness", WITNESS_NAME]);
  const witnessSeed = Buffer.from(made.stdout.trim(), "base64url");
  witnessVkey = verifierKey(WITNESS_NAME, SIG_COSIGNATURE_V1, publicKeyFromSeed(witnessSeed));
  expect(made.stderr).toContain(witnessVkey);
  writeFileSync(join(dir, "witness.key"), made.stdout, { mode: 0o600 });

  service = startProcess(["start"], {
    DATABASE_URL: `file:${join(dir, "asli.db")}`,
    ASLI_INIT_DB: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    SIGNING_KEY: seed.toString("base64url"),
    LOG_SIGNING_KEY: logSeed.toString("base64url"),
    ADMIN_TOKEN: adminToken,
    LOG_WITNESSES: `${witnessVkey} http://127.0.0.1:${witnessPort}/`,
    LOG_WITNESS_QUORUM: "1",
  });
  await waitFor(`${base}/healthz`, service, 150_000);

  // The log's verifier key, from our own seed and the origin §3 gives (BASE_URL's host + "/log").
  const origin = `${new URL(`http://localhost:${port}`).host}/log`;
  const logVkey = verifierKey(origin, SIG_ED25519, publicKeyFromSeed(logSeed));
  trust = { origin, logKey: parseVerifierKey(logVkey, SIG_ED25519)!, witnesses: [parseVerifierKey(witnessVkey, SIG_COSIGNATURE_V1)!], quorum: 1 };

  witness = startProcess(
    ["run", "witness", "--", "--name", WITNESS_NAME, "--key-file", join(dir, "witness.key"), "--log", logVkey,
      "--state", join(dir, "witness.json"), "--port", String(witnessPort)],
    {},
  );
  await waitFor(`http://127.0.0.1:${witnessPort}/`, witness, 60_000);
}, 240_000);

afterAll(async () => {
  await witness?.stop();
  await service?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

interface Issued { id: string; token: string; verifyUrl?: string }
const issued: Record<string, Issued> = {};
const artisans: Record<string, number> = {};
let batch: Issued[] = [];
let small: Checkpoint; // the tree after the single issuances
let smallTile: Buffer;
let smallBundle: Buffer;

describe("live: issuing, as docs/api.md says", () => {
  it("prints the log's verifier key and serves a checkpoint signed by our log key under the origin of §3", async () => {
    expect(service!.output()).toContain(trust.logKey.vkey);
    const cp = await checkpoint();
    expect(cp.origin).toBe(trust.origin);
    expect(cp.size).toBeGreaterThanOrEqual(1); // the demo certificate
  });

  it("registers artisans and issues single certificates", async () => {
    const a1 = await admin("POST", "/api/v1/artisans", {
      name: "Independent Weaver One", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "AU/IND/1", monthlyCapacity: 5,
    });
    const a2 = await admin("POST", "/api/v1/artisans", {
      name: "Independent Weaver Two", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "AU/IND/2",
      seller: { name: "Independent Seller", gstin: "09AAACK1234A1Z8" },
    });
    const a3 = await admin("POST", "/api/v1/artisans", {
      name: "Independent Embroiderer", districtCode: 187, craft: "Hand embroidery", giTagId: 2, giAuthorisedUserNumber: "AU/IND/3",
    });
    const a4 = await admin("POST", "/api/v1/artisans", { name: "Independent Nobody", districtCode: 187, craft: "Hand embroidery" });
    Object.assign(artisans, { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id });
    const issue = async (key: string, body: Record<string, unknown>) => {
      const res = await admin("POST", "/api/v1/certificates", { title: `Independent item ${key}`, ...body });
      issued[key] = { id: res.id, token: res.token, verifyUrl: res.verifyUrl };
    };
    await issue("revoked", { artisanId: a1.id });
    await issue("noGi", { artisanId: a1.id, claimGi: false });
    await issue("giWithdrawn", { artisanId: a2.id });
    await issue("suspended", { artisanId: a3.id });
    await issue("genuine", { artisanId: a1.id, materials: ["silk"] });
    small = await checkpoint();
    const w = tileWidth(small.size, 0, 0);
    smallTile = await bytes(`/log/${tilePath(0, 0, w)}`);
    smallBundle = await bytes(`/log/${tilePath("entries", 0, w)}`);
  });

  it("issues a batch of 300, appended consecutively in row order", async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ artisanId: i % 2 ? artisans.a1 : artisans.a2, title: `Independent batch item ${i + 1}` }));
    const res = await admin("POST", "/api/v1/batches", { items });
    expect(res.itemCount).toBe(300);
    batch = (res.certificates as { row: number; id: string; token: string }[]).sort((a, b) => a.row - b.row);
    expect(batch.map((c, i) => (c as { row: number } & Issued).row)).toEqual(items.map((_, i) => i + 1));
    const after = await checkpoint();
    expect(after.size).toBe(small.size + 300);
    const first = await serverVerdict(batch[0]!.token);
    for (const [i, cert] of [[0, batch[0]!], [299, batch[299]!]] as const)
      expect((await serverVerdict(cert.token)).log).toEqual({ index: first.log.index + i });
  });
});

describe("live: the transparency log, checked with lib/tlog.ts", () => {
  it("serves the checkpoint as §6 says, cosigned by the witness (quorum 1)", async () => {
    const res = await http("/log/checkpoint");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=5");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    // Witnesses are asked as soon as a checkpoint is signed; allow them a few seconds.
    let cp: Checkpoint | null = null;
    for (let i = 0; i < 40 && !cp; i++) {
      try { cp = await checkpoint(1); } catch { await new Promise((r) => setTimeout(r, 500)); }
    }
    expect(cp?.cosigners.map((c) => c.name)).toEqual([WITNESS_NAME]);
    const now = BigInt(Math.floor(Date.now() / 1000));
    expect(cp!.cosigners[0]!.timestamp).toBeLessThanOrEqual(now + 60n);
  });

  it("verifies each certificate's inclusion proof (tlog-proof) with the token's own bytes", async () => {
    for (const cert of [...Object.values(issued), batch[0]!, batch[150]!, batch[299]!]) {
      const res = await http(`/api/v1/certificates/${cert.id}/inclusion`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      const text = await res.text();
      const entry = base32Decode(cert.token, 91)!;
      expect(parseTlogProof(text).extra).toEqual(entry);
      const checked = verifyTlogProof(text, entry, trust);
      expect(checked.index).toBe((await serverVerdict(cert.token)).log.index);
    }
    expect((await http("/api/v1/certificates/AAAAAAAAAAAAA/inclusion")).status).toBe(404);
  });

  it("computes inclusion and consistency proofs from tiles (§7.4) that verify against signed roots", async () => {
    const cp = await checkpoint();
    const reader = logReader();
    const index = (await serverVerdict(batch[200]!.token)).log.index as number;
    const proof = await reader.inclusionProof(cp.size, index);
    expect(verifyInclusion(base32Decode(batch[200]!.token, 91)!, index, cp.size, cp.root, proof)).toBe(true);
    expect(verifyConsistency(small.size, small.root, cp.size, cp.root, await reader.consistencyProof(small.size, cp.size))).toBe(true);
    expect(verifyConsistency(1, await reader.range(cp.size, 0, 1), cp.size, cp.root, await reader.consistencyProof(1, cp.size))).toBe(true);
    expect(await reader.range(cp.size, 0, cp.size)).toEqual(cp.root);
  });

  it("follows the log from the small tree to the current one as a monitor does (§7.5)", async () => {
    const m = small.size;
    const cp = await checkpoint();
    const n = cp.size;
    const reader = logReader();
    // Step 2: the right edge of the tree of m, from that tree's tiles, folds to its root.
    const edge = await reader.rightEdge(m);
    expect(foldRightEdge(edge)).toEqual(small.root);
    // Step 3.
    expect(verifyConsistency(m, small.root, n, cp.root, await reader.consistencyProof(m, n))).toBe(true);
    // Step 4: bundles with their level-0 tiles at the widths of n; leaf hashes equal the tile's.
    const entries: Buffer[] = [];
    for (let t = Math.floor(m / 256); t * 256 < n; t++) {
      const width = tileWidth(n, 0, t);
      const res = await http(`/log/${tilePath("entries", t, width)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/octet-stream");
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("cache-control")).toBe(width === 256 ? "public, max-age=31536000, immutable" : "public, max-age=60");
      const bundleEntries = parseEntryBundle(Buffer.from(await res.arrayBuffer()));
      const tile = await reader.tile(n, 0, t);
      expect(bundleEntries).toHaveLength(width);
      bundleEntries.forEach((e, i) => expect(leafHash(e)).toEqual(tile.subarray(32 * i, 32 * (i + 1))));
      bundleEntries.forEach((e, i) => { if (t * 256 + i >= m) entries.push(e); });
    }
    entries.forEach((e) => appendToRightEdge(edge, leafHash(e)));
    // Step 5.
    expect(foldRightEdge(edge)).toEqual(cp.root);
    // Every new entry is a certificate signed by a key of the key set; the batch is the last 300, in row order.
    const keys = readJwkSet((await (await http("/.well-known/jwks.json")).json()) as { keys: unknown });
    for (const e of entries) expect(verifyToken(base32Encode(e), keys).ok).toBe(true);
    expect(entries.slice(-300).map((e) => base32Encode(e))).toEqual(batch.map((c) => c.token));
  });

  it("never changes a tile once served: the small tree's tile and bundle are prefixes of today's", async () => {
    const w = smallTile.length / 32;
    const full = await logReader().tile((await checkpoint()).size, 0, 0);
    expect(full.subarray(0, 32 * w)).toEqual(smallTile);
    expect(parseEntryBundle(smallBundle).map(leafHash)).toEqual(Array.from({ length: w }, (_, i) => smallTile.subarray(32 * i, 32 * (i + 1))));
  });

  it("answers 404 for other spellings and for tiles the tree does not have (§5, §6)", async () => {
    const cp = await checkpoint();
    const width1 = tileWidth(cp.size, 0, 1);
    for (const path of [
      "tile/0/0", "tile/0/00", "tile/0/0000", "tile/0/x000/000", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/001.p/0" + width1,
      `tile/0/001.p/${width1 + 1}`, "tile/0/002", "tile/0/001", "tile/1/000", "tile/entries/001", "tile/entries/002.p/1", "tile/x/000",
    ]) {
      const res = await http(`/log/${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const full = await http("/log/tile/0/000");
    expect(full.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(full.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("live: the trust bundle, checked with lib/bundle.ts", () => {
  let first: OpenedBundle;

  it("is served as §1 says and opens (§5), signed by our signing key", async () => {
    const res = await http("/.well-known/asli-trust-bundle");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.asli.trust-bundle");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const opened = openBundle(Buffer.from(await res.arrayBuffer()));
    if (!opened.ok) throw new Error(opened.detail);
    first = opened.bundle;
    const c = first.content;
    expect(res.headers.get("x-asli-bundle-sequence")).toBe(String(c.sequence));
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(new RegExp(`^W/"${c.sequence}-[0-9a-f]{16}"$`));
    expect((await http("/.well-known/asli-trust-bundle", { headers: { "if-none-match": etag } })).status).toBe(304);
    expect(first.signerPublicKey).toEqual(publicKeyFromSeed(seed));
    expect(first.signer.state).toBe("active");
    expect(c.staleAfter).toBe(c.issuedAt + 7 * 24 * 3600);
    // BASE_URL defaults to http://localhost:PORT: the same issuer as 127.0.0.1 (§6.1).
    expect(c.issuer).toBe(`http://localhost:${new URL(base).port}`);
    expect(sameIssuer(base, c.issuer)).toBe(true);
  });

  it("lists the artisans with certificates, their sellers, and their monthly capacities (§4, §10.2)", () => {
    expect(first.artisans.get(artisans.a1!)).toEqual({ name: "Independent Weaver One", seller: null });
    expect(first.artisans.get(artisans.a2!)).toEqual({ name: "Independent Weaver Two", seller: "Independent Seller" });
    expect(first.artisans.has(artisans.a4!)).toBe(false);
    expect(first.monthlyCapacities?.get(artisans.a1!)).toBe(5);
    expect(first.monthlyCapacities?.has(artisans.a2!)).toBe(false);
  });

  it("carries the log member of §10.1: our origin, URL, key, witness, quorum and a checkpoint", async () => {
    const log = first.log!;
    expect(log).not.toBeNull();
    expect(log.origin).toBe(trust.origin);
    expect(log.url).toBe(`${first.content.issuer}/log/`);
    expect(log.trust.logKey.vkey).toBe(trust.logKey.vkey);
    expect(log.trust.witnesses.map((w) => w.vkey)).toEqual([witnessVkey]);
    expect(log.trust.quorum).toBe(1);
    expect(log.checkpoint).not.toBeNull();
    // "the latest one with `quorum` cosignatures when the bundle was signed": the witness has cosigned by now.
    expect(verifyCheckpoint(log.checkpointText!, log.trust).cosigners.map((c) => c.name)).toEqual([WITNESS_NAME]);
    const cp = await checkpoint();
    expect(log.checkpoint!.size).toBeLessThanOrEqual(cp.size);
    const reader = logReader();
    expect(verifyConsistency(log.checkpoint!.size, log.checkpoint!.root, cp.size, cp.root,
      await reader.consistencyProof(log.checkpoint!.size, cp.size))).toBe(true);
  });

  it("checks inclusion proofs offline with the bundle's log (transparency-log.md §10)", async () => {
    const b = await bundle();
    for (const cert of [issued.genuine!, batch[299]!]) {
      const proof = await (await http(`/api/v1/certificates/${cert.id}/inclusion`)).text();
      const checked = verifyProofWithBundle(b, proof, base32Decode(cert.token, 91)!);
      expect(checked.index).toBe((await serverVerdict(cert.token)).log.index);
    }
  });

  it("changes with revocation, suspension and GI withdrawal, and the offline verdicts match the service's", async () => {
    await admin("POST", `/api/v1/certificates/${issued.revoked!.id}/revocation`, { reason: "stolen" });
    await admin("POST", `/api/v1/artisans/${artisans.a3}/status`, { status: "suspended", reason: "independent verifier test" });
    await admin("POST", `/api/v1/artisans/${artisans.a2}/gi-authorisation`, { action: "withdraw", reason: "independent verifier test" });
    const b = await bundle();
    expect(b.content.sequence).toBeGreaterThan(first.content.sequence);
    expect(acceptUpdate(first, b, base)).toBeNull();

    const jwks = (await (await http("/.well-known/jwks.json")).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.filter((k) => k.state === "active").map((k) => k.x)).toEqual([publicKeyFromSeed(seed).toString("base64url")]);
    const tokenOf = (t: Issued) => t.token;
    const tamperedSignature = (() => {
      const raw = base32Decode(issued.genuine!.token, 91)!;
      raw[60]! ^= 1;
      return base32Encode(raw);
    })();
    const otherKey = (() => {
      const raw = base32Decode(issued.genuine!.token, 91)!;
      const other = randomBytes(32);
      const payload = Buffer.from(raw.subarray(0, 27));
      // A key the registry never published, with the key tag of its own thumbprint.
      const x = publicKeyFromSeed(other).toString("base64url");
      Buffer.from(kidOf(x), "base64url").copy(payload, 1, 0, 4);
      return base32Encode(Buffer.concat([payload, signWithSeed(other, Buffer.concat([CERT_CONTEXT, payload]))]));
    })();
    const versionFlipped = (() => {
      const raw = base32Decode(issued.genuine!.token, 91)!;
      raw[0] = 2;
      return base32Encode(raw);
    })();
    const cases: [string, string, Record<string, unknown>][] = [
      ["genuine", tokenOf(issued.genuine!), { status: "genuine", giTag: 2 }],
      ["a batch certificate", batch[1]!.token, { status: "genuine", giTag: 2 }],
      ["no GI claimed", tokenOf(issued.noGi!), { status: "genuine", giTag: null }],
      ["GI withdrawn", tokenOf(issued.giWithdrawn!), { status: "genuine", giTag: null }],
      ["revoked", tokenOf(issued.revoked!), { status: "revoked", giTag: 2 }],
      ["suspended", tokenOf(issued.suspended!), { status: "suspended", giTag: 2 }],
      ["a flipped signature bit", tamperedSignature, { status: "invalid", reason: "bad-signature" }],
      ["another key", otherKey, { status: "invalid", reason: "unknown-key" }],
      ["version 2", versionFlipped, { status: "invalid", reason: "unsupported-version" }],
      ["one character dropped", issued.genuine!.token.slice(1), { status: "invalid", reason: "malformed" }],
    ];
    for (const [what, token, expected] of cases) {
      const offline = verifyOffline(b, token);
      const online = await serverVerdict(token);
      const shown = (v: { status: string; reason?: string; giTag?: number | null }) =>
        v.status === "invalid" ? { status: v.status, reason: v.reason } : { status: v.status, giTag: v.giTag };
      expect({ what, ...shown(offline) }).toEqual({ what, ...expected });
      const onlineShown = online.status === "invalid"
        ? { status: online.status, reason: online.reason }
        : { status: online.status, giTag: online.certificate?.giTag?.id ?? null };
      expect({ what, ...onlineShown }).toEqual({ what, ...expected });
      if (online.status !== "invalid") {
        expect(online.httpStatus).toBe(200);
        const decoded = verifyToken(token, readJwkSet(jwks));
        if (!decoded.ok) throw new Error(decoded.reason);
        const { serial, issuedAt, artisanId, districtCode, productId, giTagId } = decoded.claims;
        expect(online.claims).toEqual({ serial, issuedAt, artisanId, districtCode, productId, giTagId });
        expect(online.log).toEqual({ index: expect.any(Number) });
        expect(online.certificate.product?.name ?? null).toBe(offline.names!.product);
        expect(online.certificate.giTag?.name ?? null).toBe(offline.names!.giTag);
        expect(online.certificate.artisan.sellerName).toBe(offline.names!.seller);
        expect(online.claims.serial).toBe(offline.serial);
        expect(online.certificate.kid).toBe(b.signer.kid);
        expect(online.certificate.artisan.name).toBe(offline.names!.artisan);
        expect(online.certificate.district.name).toBe(offline.names!.district);
      } else {
        expect(online.httpStatus).toBe(400);
      }
    }
    const revokedOffline = verifyOffline(b, issued.revoked!.token).revocation!;
    const revokedOnline = await serverVerdict(issued.revoked!.token);
    expect([revokedOnline.reason, Date.parse(revokedOnline.revokedAt) / 1000]).toEqual([revokedOffline.reason, revokedOffline.revokedAt]);
    expect(revokedOffline.reason).toBe("stolen");
    expect((await serverVerdict(issued.giWithdrawn!.token)).withdrawnGiClaim?.giTag?.id).toBe(2);
  });

  // §4 says `revoked` is "ascending by serial" without saying in which order: the text's (ASCII: the
  // digits 2–7 before the letters) or the 8 bytes' (base32 puts the digits after the letters). The
  // service uses the text's; §5 checks no order and §4 says order carries no meaning here.
  it("lists revoked serials in ascending order of their text", async () => {
    const digitFirst = batch.find((c) => /^[2-7]/.test(c.id))!;
    const letterFirst = batch.find((c) => /^[A-Z]/.test(c.id))!;
    await admin("POST", `/api/v1/certificates/${digitFirst.id}/revocation`, { reason: "lost" });
    await admin("POST", `/api/v1/certificates/${letterFirst.id}/revocation`, { reason: "other" });
    const serials = (await bundle()).content.revoked.map(([serial]) => serial);
    expect(serials).toHaveLength(3);
    expect(serials).toEqual([...serials].sort());
    expect(verifyOffline(await bundle(), digitFirst.token)).toMatchObject({ status: "revoked", revocation: { reason: "lost" } });
  });

  it("says genuine offline for a token the registry never issued but its key signed; the service says not-registered", async () => {
    const raw = base32Decode(issued.genuine!.token, 91)!;
    const payload = Buffer.from(raw.subarray(0, 27));
    randomBytes(8).copy(payload, 5);
    const forged = base32Encode(Buffer.concat([payload, signWithSeed(seed, Buffer.concat([CERT_CONTEXT, payload]))]));
    expect(verifyOffline(await bundle(), forged).status).toBe("genuine");
    const online = await serverVerdict(forged);
    expect([online.httpStatus, online.status, online.reason]).toEqual([404, "invalid", "not-registered"]);
  });
});

describe("live: verify URLs, read with lib/verify-url.ts", () => {
  it("reads every printed verify URL back to its token", () => {
    for (const cert of Object.values(issued)) {
      expect(cert.verifyUrl).toBe(`HTTP://LOCALHOST:${new URL(base).port}/V/${cert.token}`);
      expect(tokenFromText(cert.verifyUrl!)).toBe(cert.token);
      expect(tokenFromText(` ${cert.verifyUrl!.toLowerCase()}/?utm_source=x#y\n`)).toBe(cert.token);
    }
  });

  it("gives the verdict our reading of the path segment predicts", async () => {
    const { token, id } = issued.genuine!;
    const genuine = { status: "genuine" };
    const segments: [string, Record<string, unknown>][] = [
      [token.toLowerCase(), genuine],
      [[...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(""), genuine],
      [`%20${token}%20`, genuine],
      [`${id.slice(0, 5)}-${id.slice(5, 10)}-${id.slice(10)}`.toLowerCase(), { status: "genuine", lookup: "serial" }],
      [`${token}.`, { status: "invalid", reason: "malformed" }],
      ["hello", { status: "invalid", reason: "malformed" }],
      ["%FF", { status: "invalid", reason: "malformed" }], // not UTF-8 once decoded: our reader says "no verify URL"
    ];
    for (const [segment, expected] of segments) {
      const reading = readPathSegment(segment);
      if (reading.kind === "serial") expect(reading.serial).toBe(id);
      if (reading.kind === "token" && expected.status === "genuine") expect(reading.token).toBe(token);
      const online = await serverVerdict(segment);
      expect({ segment, status: online.status, reason: online.reason, lookup: online.lookup })
        .toEqual({ segment, reason: undefined, lookup: undefined, ...expected });
    }
  });

  // certificate-format.md §3.1 makes 7777777777776 a valid serial (its vectors say so); §6.1's
  // typed-serial rule 5 ("A or Q") would not. A serial the registry does not hold is 404
  // not-registered with lookup "serial"; a token for the strict decoder would be 400 malformed.
  it.each(["7777777777776", "AEBAGBAFAYDQC"])("looks the valid serial %s up as a serial (§3.1)", async (serial) => {
    expect(readPathSegment(serial)).toEqual({ kind: "serial", serial });
    const online = await serverVerdict(serial);
    expect([online.httpStatus, online.status, online.reason, online.lookup]).toEqual([404, "invalid", "not-registered", "serial"]);
  });
});

// docs/credentials.md against the live service, checked with lib/credentials.ts. This block runs
// after the revocation, suspension and GI withdrawal above, so the standings are known.
describe("live: verifiable credentials, checked with lib/credentials.ts", () => {
  const asliDoc = readDoc("credentials.md");
  let origin = "";
  let did = "";
  let keys: IssuerKey[] = [];
  let loader: ReturnType<typeof documentLoader>;
  const credentialPath = (id: string) => `/api/v1/certificates/${id}/credential`;
  async function fetchForm(path: string, accept: string) {
    const res = await http(path, { headers: { accept } });
    return { res, text: await res.text() };
  }
  async function diForm(id: string): Promise<Json> {
    const { res, text } = await fetchForm(credentialPath(id), "application/vc");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/vc(;|$)/);
    return JSON.parse(text) as Json;
  }
  // A list, in either form, verified before its bits are read (§6.4: "MUST first verify").
  async function listBits(url: string, purpose: string): Promise<Buffer> {
    expect(url.startsWith(`${origin}/credentials/status/${purpose}/`)).toBe(true);
    const path = url.slice(origin.length);
    const list = JSON.parse((await fetchForm(path, "application/vc")).text) as Json;
    expect(await verifyDataIntegrity(list, keys, loader)).toMatchObject({ ok: true });
    expect(list.id).toBe(url);
    expect(list.type).toEqual(["VerifiableCredential", "BitstringStatusListCredential"]);
    expect(list.issuer).toBe(did);
    expect(list.credentialSubject).toMatchObject({ id: `${url}#list`, type: "BitstringStatusList", statusPurpose: purpose, ttl: 300000 });
    const jwt = await fetchForm(path, "application/vc+jwt");
    expect(jwt.res.headers.get("content-type")).toMatch(/^application\/vc\+jwt(;|$)/);
    const fromJwt = await verifyVcJwt(jwt.text.trim(), keys);
    if (!fromJwt.ok) throw new Error(fromJwt.why);
    const bits = decodeStatusList(list.credentialSubject.encodedList);
    expect(decodeStatusList(fromJwt.credential.credentialSubject.encodedList)).toEqual(bits);
    return bits;
  }
  async function standing(id: string): Promise<{ revocation: number; suspension: number }> {
    const credential = await diForm(id);
    const { index } = statusEntries(credential, origin);
    const [r, s] = credential.credentialStatus as Json[];
    return {
      revocation: statusBit(await listBits(r!.statusListCredential, "revocation"), index),
      suspension: statusBit(await listBits(s!.statusListCredential, "suspension"), index),
    };
  }

  it("serves the DID document of §4, naming our signing key twice", async () => {
    // The service's origin is where its verify URLs point (BASE_URL; here the default the live block above found).
    origin = new URL(issued.genuine!.verifyUrl!.toLowerCase()).origin;
    did = didWebOf(origin);
    expect(did).toBe(`did:web:localhost%3A${new URL(base).port}`);
    const res = await http("/.well-known/did.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/did\+ld\+json(;|$)/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    keys = issuerKeys((await res.json()) as Json, did);
    const x = publicKeyFromSeed(seed).toString("base64url");
    expect(keys.map((k) => [k.kid, k.publicKey.toString("base64url")])).toEqual([[kidOf(x), x]]);
  });

  it("serves the Asli context of §3, which is §8's with this deployment's origin", async () => {
    const res = await http("/contexts/asli/v1");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const served = (await res.json()) as Json;
    const expected = JSON.parse(block(asliDoc, "asli-context").replaceAll("https://asli.example", origin)) as Json;
    expect(served).toEqual(expected);
    loader = documentLoader({ [`${origin}/contexts/asli/v1`]: served });
  });

  it("serves a genuine certificate's credential as §2.1 says, with a proof our verifier accepts", async () => {
    const { id, token } = issued.genuine!;
    const credential = await diForm(id);
    const claims = verifyToken(token, readJwkSet((await (await http("/.well-known/jwks.json")).json()) as { keys: unknown })) ;
    if (!claims.ok) throw new Error(claims.reason);
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", `${origin}/contexts/asli/v1`]);
    expect(credential).toMatchObject({
      id: `${origin}${credentialPath(id)}`,
      type: ["VerifiableCredential", "CertificateCredential"],
      name: "Asli certificate of a handmade item",
      issuer: did,
      validFrom: new Date(claims.claims.issuedAt * 1000).toISOString().replace(".000Z", "Z"),
      credentialSubject: {
        id: issued.genuine!.verifyUrl, type: "HandmadeItem", name: "Independent item genuine", serialNumber: id, material: ["silk"],
        odopProduct: { type: "OdopProduct", registryId: claims.claims.productId },
        geographicalIndication: { type: "GeographicalIndication", registryId: claims.claims.giTagId },
        manufacturer: { type: "Artisan", registryId: claims.claims.artisanId, name: "Independent Weaver One",
          district: { type: "District", lgdCode: claims.claims.districtCode, addressRegion: "Uttar Pradesh", addressCountry: "IN" } },
      },
    });
    expect(credential).not.toHaveProperty("validUntil");
    expect(JSON.stringify(credential)).not.toContain("null"); // members without a value are left out
    expect(await verifyDataIntegrity(credential, keys, loader)).toEqual({ ok: true, key: keys[0] });
    expect(credential.proof.verificationMethod).toBe(`${did}#${keys[0]!.kid}-multikey`);
  });

  it("refuses the live credential with one byte changed anywhere that is signed", async () => {
    const text = JSON.stringify(await diForm(issued.genuine!.id));
    for (const needle of ["Independent item genuine", "silk", '"registryId":2']) {
      const at = text.indexOf(needle) + needle.length - 1;
      const changed = text.slice(0, at) + (text[at] === "3" ? "4" : "3") + text.slice(at + 1);
      expect((await verifyDataIntegrity(JSON.parse(changed), keys, loader)).ok, needle).toBe(false);
    }
  });

  it("serves the same credential as vc+jwt, deterministic bytes and ETag, and refuses a tampered one", async () => {
    const { id } = issued.genuine!;
    const [a, b] = [await fetchForm(credentialPath(id), "application/vc+jwt"), await fetchForm(credentialPath(id), "application/vc+jwt")];
    expect(a.res.headers.get("content-type")).toMatch(/^application\/vc\+jwt(;|$)/);
    expect(b.text).toBe(a.text);
    expect(a.res.headers.get("etag")).toBeTruthy();
    expect(b.res.headers.get("etag")).toBe(a.res.headers.get("etag"));
    expect(a.res.headers.get("vary")?.toLowerCase()).toContain("accept");
    expect(a.res.headers.get("access-control-allow-origin")).toBe("*");
    expect(a.res.headers.get("cache-control")).toBe("public, max-age=300");
    const result = await verifyVcJwt(a.text.trim(), keys);
    if (!result.ok) throw new Error(result.why);
    const { proof: _proof, ...unsecured } = await diForm(id);
    expect(result.credential).toEqual(unsecured);
    const [h, p, s] = a.text.trim().split(".") as [string, string, string];
    const payload = Buffer.from(p, "base64url");
    payload[payload.indexOf("silk")] = "S".charCodeAt(0);
    expect((await verifyVcJwt(`${h}.${payload.toString("base64url")}.${s}`, keys)).ok).toBe(false);
  });

  it("negotiates the forms of §2.2 and answers 404 not-found as §1 says", async () => {
    const { id } = issued.genuine!;
    const di = JSON.stringify(await diForm(id));
    for (const accept of ["application/vc+ld+json", "application/ld+json", "application/json"]) {
      const { res, text } = await fetchForm(credentialPath(id), accept);
      expect(res.headers.get("content-type")?.split(";")[0]).toBe(accept);
      expect(JSON.stringify(JSON.parse(text))).toBe(di);
    }
    const other = await fetchForm(credentialPath(id), "text/html");
    expect(other.res.headers.get("content-type")?.split(";")[0]).toBe("application/vc");
    for (const path of [credentialPath("AAAAAAAAAAAAA"), credentialPath("nonsense"), "/credentials/status/other/1", "/credentials/status/revocation/999"]) {
      const res = await http(path, { headers: { accept: "application/vc" } });
      expect([path, res.status, res.headers.get("content-type")?.split(";")[0]]).toEqual([path, 404, "application/problem+json"]);
      expect(((await res.json()) as Json).code).toBe("not-found");
    }
  });

  it("sets the status bits of §5 as the registry's standings are", async () => {
    expect(await standing(issued.genuine!.id)).toEqual({ revocation: 0, suspension: 0 });
    expect(await standing(issued.revoked!.id)).toEqual({ revocation: 1, suspension: 0 });
    expect(await standing(issued.suspended!.id)).toEqual({ revocation: 0, suspension: 1 });
    expect(await standing(issued.giWithdrawn!.id)).toEqual({ revocation: 0, suspension: 0 });
  });

  it("serves a list unchanged while its bits are (§5: a new version only when they change), cached as §1 says", async () => {
    const { statusListCredential } = (await diForm(issued.revoked!.id)).credentialStatus[0] as Json;
    const path = (statusListCredential as string).slice(origin.length);
    const [a, b] = [await fetchForm(path, "application/vc"), await fetchForm(path, "application/vc")];
    expect(b.text).toBe(a.text);
    expect(a.res.headers.get("etag")).toBeTruthy();
    expect(b.res.headers.get("etag")).toBe(a.res.headers.get("etag"));
    expect(a.res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(a.res.headers.get("vary")?.toLowerCase()).toContain("accept");
    expect(a.res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("leaves a withdrawn GI claim out of the credential (§2.1)", async () => {
    const credential = await diForm(issued.giWithdrawn!.id);
    expect(credential.credentialSubject).not.toHaveProperty("geographicalIndication");
    expect(credential.credentialSubject.manufacturer.seller).toBe("Independent Seller");
    expect(await verifyDataIntegrity(credential, keys, loader)).toMatchObject({ ok: true });
  });

  it("clears the suspension bit when the artisan is reinstated, with a new list version", async () => {
    const { statusListCredential } = (await diForm(issued.suspended!.id)).credentialStatus[1] as Json;
    const before = JSON.parse((await fetchForm(statusListCredential.slice(origin.length), "application/vc")).text) as Json;
    await admin("POST", `/api/v1/artisans/${artisans.a3}/status`, { status: "active", reason: "independent verifier test" });
    expect(await standing(issued.suspended!.id)).toEqual({ revocation: 0, suspension: 0 });
    const after = JSON.parse((await fetchForm(statusListCredential.slice(origin.length), "application/vc")).text) as Json;
    expect(after.credentialSubject.encodedList).not.toBe(before.credentialSubject.encodedList);
    expect(Date.parse(after.validFrom)).toBeGreaterThanOrEqual(Date.parse(before.validFrom));
  });
});
