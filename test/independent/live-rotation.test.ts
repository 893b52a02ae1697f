// docs/credentials.md §4 ("Which keys") and §5 (the revocation bit of a compromised key), against a
// service that is rotated as docs/operations.md §3 says (a new SIGNING_KEY, a restart on the same
// database) and whose old key is then revoked (docs/api.md, POST /api/v1/keys/{kid}/revocation).
// Checked with lib/credentials.ts alone. One service, restarted once, for the whole file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decodeStatusList, didWebOf, documentLoader, issuerKeys, statusBit, statusEntries, verifyDataIntegrity, verifyVcJwt, type IssuerKey, type Json,
} from "./lib/credentials";
import { publicKeyFromSeed } from "./lib/ed25519";
import { base32Encode } from "./lib/encoding";
import { freePort, startProcess, waitFor, type Started } from "./lib/service";
import { kidOf } from "./lib/token";

const seedA = randomBytes(32);
const seedB = randomBytes(32);
const kidA = kidOf(publicKeyFromSeed(seedA).toString("base64url"));
const kidB = kidOf(publicKeyFromSeed(seedB).toString("base64url"));
const adminToken = `asli_${base32Encode(randomBytes(20)).toLowerCase()}`;
const logSeed = randomBytes(32).toString("base64url");

let dir = "";
let port = 0;
let base = "";
let origin = "";
let did = "";
let service: Started | undefined;
let loader: ReturnType<typeof documentLoader>;

async function start(seed: Buffer, init: boolean) {
  service = startProcess(["start"], {
    DATABASE_URL: `file:${join(dir, "asli.db")}`,
    ...(init ? { ASLI_INIT_DB: "1" } : {}),
    PORT: String(port),
    HOST: "127.0.0.1",
    SIGNING_KEY: seed.toString("base64url"),
    LOG_SIGNING_KEY: logSeed,
    ADMIN_TOKEN: adminToken,
  });
  await waitFor(`${base}/healthz`, service, 150_000);
}
const http = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
async function admin(method: string, path: string, body?: unknown): Promise<Json> {
  const res = await http(path, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Json;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
async function didKeys(): Promise<IssuerKey[]> {
  return issuerKeys((await (await http("/.well-known/did.json")).json()) as Json, did);
}
const credentialPath = (id: string) => `/api/v1/certificates/${id}/credential`;
async function forms(id: string): Promise<{ di: Json; jwt: string }> {
  const di = (await (await http(credentialPath(id), { headers: { accept: "application/vc" } })).json()) as Json;
  const jwt = (await (await http(credentialPath(id), { headers: { accept: "application/vc+jwt" } })).text()).trim();
  return { di, jwt };
}
async function revocationBit(credential: Json, keys: IssuerKey[]): Promise<number> {
  const { index } = statusEntries(credential, origin);
  const url = (credential.credentialStatus as Json[])[0]!.statusListCredential as string;
  const list = (await (await http(url.slice(origin.length), { headers: { accept: "application/vc" } })).json()) as Json;
  expect(await verifyDataIntegrity(list, keys, loader)).toMatchObject({ ok: true });
  return statusBit(decodeStatusList(list.credentialSubject.encodedList), index);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "asli-independent-rotation-"));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await start(seedA, true);
}, 180_000);

afterAll(async () => {
  await service?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

interface Issued { id: string; token: string; verifyUrl: string }
let first: Issued;
let second: Issued;
let signedByA: { di: Json; jwt: string };

describe("live: credentials across a key rotation and a key revocation (credentials.md §4, §5)", () => {
  it("signs with the only key, A, before the rotation", async () => {
    const artisan = await admin("POST", "/api/v1/artisans", { name: "Rotation Weaver", districtCode: 187, productId: 103 });
    first = (await admin("POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Rotation item one" })) as Issued;
    origin = new URL(first.verifyUrl.toLowerCase()).origin;
    did = didWebOf(origin);
    loader = documentLoader({ [`${origin}/contexts/asli/v1`]: (await (await http("/contexts/asli/v1")).json()) as Json });
    const keys = await didKeys();
    expect(keys.map((k) => k.kid)).toEqual([kidA]);
    signedByA = await forms(first.id);
    expect(await verifyDataIntegrity(signedByA.di, keys, loader)).toMatchObject({ ok: true, key: { kid: kidA } });
    expect(await verifyVcJwt(signedByA.jwt, keys)).toMatchObject({ ok: true, key: { kid: kidA } });
    await new Promise((r) => setTimeout(r, 1_100)); // so that the second is issued a later second
    second = (await admin("POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Rotation item two" })) as Issued;
  });

  it("lists the retired key A beside the active B after a restart with B, and A's copies still verify", async () => {
    await service!.stop();
    await start(seedB, false);
    const keys = await didKeys();
    expect(keys.map((k) => k.kid).sort()).toEqual([kidA, kidB].sort());
    expect(await verifyDataIntegrity(signedByA.di, keys, loader)).toMatchObject({ ok: true, key: { kid: kidA } });
    expect(await verifyVcJwt(signedByA.jwt, keys)).toMatchObject({ ok: true, key: { kid: kidA } });
    const fresh = await forms(first.id);
    expect(await verifyDataIntegrity(fresh.di, keys, loader)).toMatchObject({ ok: true, key: { kid: kidB } });
    expect(await verifyVcJwt(fresh.jwt, keys)).toMatchObject({ ok: true, key: { kid: kidB } });
    expect(await revocationBit(fresh.di, keys)).toBe(0);
  }, 180_000); // a restart

  it("leaves the revoked key A out of the DID document and sets the revocation bit of what A signed from compromisedAt", async () => {
    // Compromised from the second certificate's issue time (validFrom is the token's issuedAt, §2.1).
    const keysBefore = await didKeys();
    const secondIssued = ((await forms(second.id)).di.validFrom as string);
    const firstIssued = signedByA.di.validFrom as string;
    await admin("POST", `/api/v1/keys/${kidA}/revocation`, { compromisedAt: secondIssued, reason: "key-compromise" });
    const keys = await didKeys();
    expect(keys.map((k) => k.kid)).toEqual([kidB]);
    expect(keysBefore).toHaveLength(2);
    // What A signed no longer verifies against the issuer's keys: its method is gone.
    expect((await verifyDataIntegrity(signedByA.di, keys, loader)).ok).toBe(false);
    expect((await verifyVcJwt(signedByA.jwt, keys)).ok).toBe(false);
    // Fetched again, every certificate's credential is signed by B.
    const [one, two] = [await forms(first.id), await forms(second.id)];
    for (const f of [one, two]) {
      expect(await verifyDataIntegrity(f.di, keys, loader)).toMatchObject({ ok: true, key: { kid: kidB } });
      expect(await verifyVcJwt(f.jwt, keys)).toMatchObject({ ok: true, key: { kid: kidB } });
    }
    // §5: set while "the key that signed its QR token is revoked with a compromisedAt at or before
    // the certificate's issue time".
    expect(await revocationBit(two.di, keys)).toBe(1);
    expect(firstIssued < secondIssued).toBe(true);
    expect(await revocationBit(one.di, keys)).toBe(0);
    const verdict = (await (await http(`/api/v1/verify/${second.token}`)).json()) as Json;
    expect([verdict.status, verdict.reason]).toEqual(["invalid", "key-compromised"]);
  });
});
