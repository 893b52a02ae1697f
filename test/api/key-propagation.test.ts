// Two instances over one database: a key activated or revoked through one reaches the other
// within KEYRING_MAX_AGE_SECONDS (src/service/keyring.ts), without a query on every request.
// The instances' clocks are moved by hand; every test uses keys of its own (D1 shares one
// database per file).
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { KEYRING_MAX_AGE_SECONDS } from "../../src/service/keyring.js";
import { TEST_START, type TestService } from "../support/harness.js";
import { unique } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";

const BOUND = KEYRING_MAX_AGE_SECONDS * 1000;
const at = (offset: number) => new Date(TEST_START.getTime() + offset);

async function keyStates(service: TestService): Promise<Record<string, string>> {
  const { json } = await call(service, "GET", "/.well-known/jwks.json", undefined, null);
  return Object.fromEntries((json.keys as { kid: string; state: string }[]).map((k) => [k.kid, k.state]));
}

describe(`key changes across instances (${runtime})`, () => {
  it("an instance verifies certificates of a key another instance activated, within the bound", async () => {
    const a = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(a, { name: unique("Weaver") });
    // b starts later with a new SIGNING_KEY (a rotation) and issues with it.
    const b = await restartWithKey(a, randomSeedHex(), at(BOUND / 2));
    const fresh = await issueCertificate(b, artisan.id);

    a.setNow(at(BOUND));
    const verdict = await call(a, "GET", `/api/v1/verify/${fresh.token}`, undefined, null);
    expect(verdict.status).toBe(200);
    expect(verdict.json).toMatchObject({ status: "genuine", certificate: { id: fresh.id, kid: b.deps.signingKey.kid } });
    expect(await keyStates(a)).toMatchObject({ [a.deps.signingKey.kid]: "retired", [b.deps.signingKey.kid]: "active" });
  });

  it("a revocation through one instance is published by the others within the bound, and stops the one that signs with the revoked key", async () => {
    const a = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(a, { name: unique("Weaver") });
    const early = await issueCertificate(a, artisan.id);
    const kidA = a.deps.signingKey.kid;
    const seedB = randomSeedHex();
    const b = await restartWithKey(a, seedB, at(1000));
    const c = await restartWithKey(a, seedB, at(2000)); // a second instance with the active key
    a.setNow(at(3000));
    expect((await call(a, "GET", "/healthz", undefined, null)).status).toBe(200);

    b.setNow(at(4000));
    const revoked = await call(b, "POST", `/api/v1/keys/${kidA}/revocation`, { compromisedAt: at(3000).toISOString() });
    expect(revoked.status).toBe(200);
    // At once on the instance that revoked it.
    expect((await keyStates(b))[kidA]).toBe("revoked");

    // Within the bound on the others: read once KEYRING_MAX_AGE_SECONDS old, not on every request.
    c.setNow(at(2000 + BOUND - 1000));
    expect((await keyStates(c))[kidA]).toBe("retired");
    c.setNow(at(2000 + BOUND));
    expect((await keyStates(c))[kidA]).toBe("revoked");

    // The instance still holding the revoked key refuses to serve, and so to sign, as a worker does.
    a.setNow(at(3000 + BOUND));
    const issue = await call(a, "POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Katan silk saree", materials: ["silk"] });
    expect(issue.status).toBe(503);
    expect(issue.json.code).toBe("service-misconfigured");
    expect((await call(a, "GET", "/healthz", undefined, null)).status).toBe(503);
    // What it signed before the compromise still verifies everywhere else.
    expect((await call(c, "GET", `/api/v1/verify/${early.token}`, undefined, null)).json).toMatchObject({ status: "genuine" });
  });
});
