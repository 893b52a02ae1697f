// The rules docs/certificate-format.md §2.4, §3.1 and §7 wrote down, as the service applies them:
// what a key's lifecycle does to the certificates it signed (only a revocation withdraws them;
// notBefore and retiredAt never do), that a withdrawn GI claim is dropped whatever the status,
// and that a string that is no valid serial names no certificate. A file of its own: it rotates
// keys and edits key rows, which every test of a file shares on Workers (one D1 per file).
import { makeTestService, runtime } from "@harness";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signingKeys } from "../../db/schema.js";
import { admin, unique } from "../support/principals.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { TEST_START, type TestService } from "../support/harness.js";

const later = (seconds: number) => new Date(TEST_START.getTime() + seconds * 1000);
const T0 = TEST_START.getTime() / 1000;

async function verdict(service: TestService, token: string) {
  const api = await call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
  const page = await service.app.request(`/V/${token}`);
  return { status: api.status, json: api.json, page: await page.text() };
}

async function published(service: TestService, kid: string) {
  const { json } = await call(service, "GET", "/.well-known/jwks.json", undefined, null);
  return (json.keys as { kid: string }[]).find((k) => k.kid === kid) as Record<string, unknown>;
}

describe(`what a key's lifecycle does to a verdict (${runtime})`, () => {
  it("drops a withdrawn GI claim from revoked and suspended verdicts as from genuine ones", async () => {
    const service = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(service, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
    const revoked = await issueCertificate(service, artisan.id);
    const suspended = await issueCertificate(service, artisan.id);
    service.setNow(later(10));
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "lapsed" });
    await admin(service, "POST", `/api/v1/certificates/${revoked.id}/revocation`, { reason: "stolen" });
    const withdrawn = { giTag: { id: 2, name: "Banaras Brocades and Sarees" }, withdrawnAt: later(10).toISOString() };

    const r = await verdict(service, revoked.token);
    expect(r.json).toMatchObject({ status: "revoked", certificate: { giTag: null }, claims: { giTagId: 2 }, withdrawnGiClaim: withdrawn });
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "suspended", reason: "under inquiry" });
    const s = await verdict(service, suspended.token);
    expect(s.json).toMatchObject({ status: "suspended", certificate: { giTag: null }, claims: { giTagId: 2 }, withdrawnGiClaim: withdrawn });
    for (const page of [r.page, s.page]) expect(page).toContain('data-gi-withdrawn="2"');
  });

  it("keeps a certificate genuine that an instance still holding the retired key signed after the rotation", async () => {
    const old = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(old, { name: unique("Weaver") });
    const current = await restartWithKey(old, randomSeedHex(), later(60));
    old.setNow(later(120)); // the old instance has not restarted yet: it signs with the retired key
    const issued = await issueCertificate(old, artisan.id);

    expect(await published(current, old.deps.signingKey.kid)).toMatchObject({ state: "retired", retiredAt: later(60).toISOString() });
    const v = await verdict(current, issued.token);
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({ status: "genuine", certificate: { kid: old.deps.signingKey.kid, issuedAt: later(120).toISOString() } });
  });

  it("keeps a certificate genuine that is dated before its key's notBefore", async () => {
    const service = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(service, { name: unique("Weaver") });
    const issued = await issueCertificate(service, artisan.id);
    // Another instance's clock, a little ahead, recorded the key.
    await service.deps.db.update(signingKeys).set({ createdAt: T0 + 5 }).where(eq(signingKeys.kid, service.deps.signingKey.kid));
    service.deps.keyring.invalidate(); // as the keyring's next refresh would read it
    expect(await published(service, service.deps.signingKey.kid)).toMatchObject({ state: "active", notBefore: later(5).toISOString() });
    expect((await verdict(service, issued.token)).json).toMatchObject({ status: "genuine", certificate: { issuedAt: TEST_START.toISOString() } });
  });

  it("answers a string that is no valid serial as it answers a serial it does not hold", async () => {
    const service = await makeTestService(randomSeedHex());
    const issued = await issueCertificate(service, (await registerArtisan(service, { name: unique("Weaver") })).id);
    // A valid serial ends in one of A C E … Y 2 4 6; the character after it (B D … Z 3 5 7) sets the fill bit.
    const fillBitSet = `${issued.id.slice(0, 12)}${String.fromCharCode(issued.id.charCodeAt(12) + 1)}`;
    for (const id of [issued.id.toLowerCase(), fillBitSet, `${issued.id}=`, issued.id.slice(0, 12)]) {
      const res = await call(service, "GET", `/api/v1/certificates/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      expect(res.json).toMatchObject({ code: "not-found" });
    }
    expect((await call(service, "GET", `/api/v1/certificates/${issued.id}`)).status).toBe(200);
  });

  it("treats a revoked key with no compromise time as compromised from the start", async () => {
    const old = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(old, { name: unique("Weaver") });
    const issued = await issueCertificate(old, artisan.id);
    const current = await restartWithKey(old, randomSeedHex(), later(60));
    // No API revokes without a compromise time; a hand-edited database could.
    await current.deps.db.update(signingKeys).set({ state: "revoked", revokedAt: T0 + 90, compromisedAt: null }).where(eq(signingKeys.kid, old.deps.signingKey.kid));

    const v = await verdict(current, issued.token);
    expect(v.status).toBe(400);
    expect(v.json).toEqual({ status: "invalid", reason: "key-compromised", message: expect.any(String) });
    expect(v.page).toContain('data-reason="key-compromised"');
  });
});
