// Keys: rotation by a new SIGNING_KEY, retired keys that keep verifying, revocation with a
// compromise time. Every test uses keys of its own (D1 shares one database per file).
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { SigningKeyRevokedError } from "../../src/service/keyring.js";
import { admin, makeToken, unique } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import { TEST_START, type TestService } from "../support/harness.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(TEST_START.getTime() + offset);

async function jwks(service: TestService) {
  const { res, json } = await call(service, "GET", "/.well-known/jwks.json", undefined, null);
  return { res, keys: json.keys as any[] };
}

async function verify(service: TestService, token: string) {
  return call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
}

async function artisanFor(service: TestService) {
  return registerArtisan(service, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
}

describe(`signing keys: rotation, retirement and revocation (${runtime})`, () => {
  it("rotates on a new SIGNING_KEY: the new key signs, the old one is retired and its certificates stay genuine", async () => {
    const a = await makeTestService(randomSeedHex());
    const artisan = await artisanFor(a);
    a.setNow(at(HOUR));
    const old = await issueCertificate(a, artisan.id);

    const b = await restartWithKey(a, randomSeedHex(), at(DAY));
    const kidA = a.deps.signingKey.kid;
    const kidB = b.deps.signingKey.kid;
    expect(kidB).not.toBe(kidA);

    const { res, keys } = await jwks(b);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(keys.filter((k) => k.state === "active").map((k) => k.kid)).toEqual([kidB]);
    expect(keys[0]).toMatchObject({ kid: kidB, state: "active", notBefore: at(DAY).toISOString(), kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    expect(keys.find((k) => k.kid === kidA)).toMatchObject({ state: "retired", notBefore: TEST_START.toISOString(), retiredAt: at(DAY).toISOString() });

    const fresh = await issueCertificate(b, artisan.id);
    expect(fresh.certificate.kid).toBe(kidB);
    for (const service of [a, b]) {
      const before = await verify(service, old.token);
      expect(before.status).toBe(200);
      expect(before.json).toMatchObject({ status: "genuine", certificate: { id: old.id, kid: kidA } });
    }
    expect((await verify(b, fresh.token)).json).toMatchObject({ status: "genuine", certificate: { kid: kidB } });

    // The rotation is in the audit trail, as the system's doing.
    const audit = await admin(b, "GET", `/api/v1/audit?subjectType=signing-key&subjectId=${encodeURIComponent(kidA)}`);
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: "signing-key.retire", actor: { role: "system", tokenId: null }, after: expect.objectContaining({ successor: kidB }) }),
    );
  });

  it("does not undo a rotation when an instance starts late with the retired key", async () => {
    const seedA = randomSeedHex();
    const a = await makeTestService(seedA);
    const b = await restartWithKey(a, randomSeedHex(), at(DAY));
    const late = await restartWithKey(a, seedA, at(2 * DAY));
    const { keys } = await jwks(late);
    expect(keys.filter((k) => k.state === "active").map((k) => k.kid)).toEqual([b.deps.signingKey.kid]);
    expect(keys.find((k) => k.kid === a.deps.signingKey.kid)?.state).toBe("retired");
  });

  it("revokes a retired key with a compromise time: certificates signed before it stay genuine, those after are invalid", async () => {
    const seedA = randomSeedHex();
    const a = await makeTestService(seedA);
    const artisan = await artisanFor(a);
    a.setNow(at(HOUR));
    const before = await issueCertificate(a, artisan.id);
    a.setNow(at(2 * DAY));
    const after = await issueCertificate(a, artisan.id);

    const b = await restartWithKey(a, randomSeedHex(), at(3 * DAY));
    const kidA = a.deps.signingKey.kid;
    const compromisedAt = at(DAY);
    const revoked = await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, { compromisedAt: compromisedAt.toISOString(), reason: "key-compromise" });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ kid: kidA, state: "revoked", compromisedAt: compromisedAt.toISOString(), revokedAt: at(3 * DAY).toISOString(), revocationReason: "key-compromise" });

    expect((await verify(b, before.token)).json).toMatchObject({ status: "genuine", certificate: { id: before.id } });
    const bad = await verify(b, after.token);
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      status: "invalid",
      reason: "key-compromised",
      message: expect.stringContaining("compromised"),
      compromisedAt: compromisedAt.toISOString(),
    });
    const page = await b.app.request(`/V/${after.token}`);
    const html = await page.text();
    expect(html).toContain('data-status="invalid"');
    expect(html).toContain('data-reason="key-compromised"');

    // Still published, so that the certificates before the compromise can be checked offline.
    const { keys } = await jwks(b);
    expect(keys.find((k) => k.kid === kidA)).toMatchObject({ state: "revoked", compromisedAt: compromisedAt.toISOString() });

    const audit = await admin(b, "GET", `/api/v1/audit?action=signing-key.revoke&subjectId=${encodeURIComponent(kidA)}`);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actor: { role: "admin" }, before: { state: "retired" }, after: { state: "revoked" } });

    // A revoked key never signs again: a service given it refuses to start.
    await expect(restartWithKey(a, seedA, at(4 * DAY))).rejects.toThrow(SigningKeyRevokedError);
  });

  it("refuses to revoke the active key (rotate first), a revoked key again, a compromise in the future, and unknown keys", async () => {
    const a = await makeTestService(randomSeedHex());
    const b = await restartWithKey(a, randomSeedHex(), at(DAY));
    const kidA = a.deps.signingKey.kid;
    const kidB = b.deps.signingKey.kid;
    const body = { compromisedAt: TEST_START.toISOString() };

    const active = await call(b, "POST", `/api/v1/keys/${kidB}/revocation`, body);
    expect(active.status).toBe(409);
    expect(active.json.code).toBe("key-active");
    const future = await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, { compromisedAt: at(2 * DAY).toISOString() });
    expect(future.status).toBe(422);
    expect(future.json.code).toBe("compromise-in-future");
    for (const bad of [{}, { compromisedAt: "yesterday" }, { compromisedAt: "2026-03-01T10:00:00" }, { ...body, reason: "bored" }, { ...body, extra: 1 }]) {
      const res = await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.code).toBe("validation-failed");
    }
    expect((await call(b, "POST", `/api/v1/keys/${"A".repeat(43)}/revocation`, body)).json.code).toBe("not-found");
    expect((await call(b, "POST", `/api/v1/keys/short/revocation`, body)).status).toBe(404);

    const exporter = await makeToken(b, { role: "exporter" });
    const forbidden = await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, body, exporter.token);
    expect(forbidden.status).toBe(403);
    expect((await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, body, null)).status).toBe(401);

    // Nothing above changed the key.
    expect((await jwks(b)).keys.find((k) => k.kid === kidA)?.state).toBe("retired");
    expect((await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, body)).status).toBe(200);
    const again = await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, body);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("key-already-revoked");
  });
});
