// The cache of verified tokens (src/service/verified-tokens.ts): a repeated scan skips the
// signature check, yet every change of standing (revocation, suspension, GI withdrawal, a key's
// compromise) shows on the very next scan, the cache stays within its capacity, and a key that
// leaves the keyring or is revoked is never vouched for from memory.
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { Keyring } from "../../src/core/keys.js";
import { webCryptoVerify, type Ed25519Verifier } from "../../src/core/signature.js";
import { verifyToken } from "../../src/core/token.js";
import type { TrustedKeys } from "../../src/service/keyring.js";
import { VerifiedTokens } from "../../src/service/verified-tokens.js";
import { admin, unique } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import { TEST_START, type TestService } from "../support/harness.js";

const HOUR = 3_600_000;
const at = (offset: number) => new Date(TEST_START.getTime() + offset);

/** The real WebCrypto check, counted. */
function countingVerifier(): { verify: Ed25519Verifier; calls: () => number } {
  let calls = 0;
  return {
    verify: (key, signature, message) => {
      calls++;
      return webCryptoVerify(key, signature, message);
    },
    calls: () => calls,
  };
}

async function trustedKeys(service: TestService): Promise<TrustedKeys> {
  return service.deps.keyring.current(service.deps.db, service.deps.signingKey, service.deps.clock());
}

async function issued(service: TestService, count: number): Promise<string[]> {
  const artisan = await registerArtisan(service, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push((await issueCertificate(service, artisan.id)).token);
  return tokens;
}

/** One character changed: the same length and alphabet, a signature that no longer matches. */
function tampered(token: string): string {
  const i = 10;
  return token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
}

describe(`verified tokens: what is remembered (${runtime})`, () => {
  it("checks the signature of a token once, and gives the same verdict from memory", async () => {
    const service = await makeTestService();
    const [token] = await issued(service, 1);
    const trusted = await trustedKeys(service);
    const counter = countingVerifier();
    const cache = new VerifiedTokens({ verify: counter.verify });

    const first = await cache.verify(token!, trusted);
    const second = await cache.verify(token!, trusted);
    expect(counter.calls()).toBe(1);
    expect(cache.size).toBe(1);
    const reference = await verifyToken(token!, trusted.keyring);
    expect(first).toEqual(reference);
    expect(second).toEqual(reference);
  });

  it("never remembers a token that fails: a tampered token is checked, and refused, every time", async () => {
    const service = await makeTestService();
    const [token] = await issued(service, 1);
    const trusted = await trustedKeys(service);
    const counter = countingVerifier();
    const cache = new VerifiedTokens({ verify: counter.verify });
    await cache.verify(token!, trusted);

    const bad = tampered(token!);
    for (let i = 0; i < 3; i++) expect(await cache.verify(bad, trusted)).toEqual({ valid: false, reason: "bad-signature" });
    expect(counter.calls()).toBe(4);
    expect(cache.size).toBe(1);
  });

  it("stays within its capacity, dropping the least recently scanned token first", async () => {
    const service = await makeTestService();
    const tokens = await issued(service, 5);
    const trusted = await trustedKeys(service);
    const counter = countingVerifier();
    const cache = new VerifiedTokens({ capacity: 3, verify: counter.verify });

    for (const token of tokens.slice(0, 3)) await cache.verify(token, trusted);
    await cache.verify(tokens[0]!, trusted); // scanned again: now the most recent
    await cache.verify(tokens[3]!, trusted); // drops tokens[1], the least recent
    await cache.verify(tokens[4]!, trusted); // drops tokens[2]
    expect(cache.size).toBe(3);
    expect(counter.calls()).toBe(5);

    await cache.verify(tokens[0]!, trusted);
    expect(counter.calls()).toBe(5); // still remembered
    await cache.verify(tokens[1]!, trusted);
    expect(counter.calls()).toBe(6); // forgotten: checked again
    expect(cache.size).toBe(3);

    const none = new VerifiedTokens({ capacity: 0, verify: counter.verify });
    await none.verify(tokens[0]!, trusted);
    await none.verify(tokens[0]!, trusted);
    expect(none.size).toBe(0);
    expect(counter.calls()).toBe(8);
    expect(() => new VerifiedTokens({ capacity: -1 })).toThrow(RangeError);
  });

  it("vouches from memory only while the key is in the keyring and not revoked", async () => {
    const service = await makeTestService();
    const [token] = await issued(service, 1);
    const trusted = await trustedKeys(service);
    const counter = countingVerifier();
    const cache = new VerifiedTokens({ verify: counter.verify });
    await cache.verify(token!, trusted);

    // The key has left the keyring (say, another instance's view after a clean-up): unknown key,
    // though the token is remembered.
    const without: TrustedKeys = { ...trusted, keyring: new Keyring([]), keys: [] };
    expect(await cache.verify(token!, without)).toEqual({ valid: false, reason: "unknown-key" });

    // Recorded as revoked: checked in full on every scan (the pipeline then judges the compromise).
    await cache.verify(token!, trusted);
    const calls = counter.calls();
    const revoked: TrustedKeys = { ...trusted, keys: trusted.keys.map((k) => ({ ...k, state: "revoked" as const })) };
    await cache.verify(token!, revoked);
    await cache.verify(token!, revoked);
    expect(counter.calls()).toBe(calls + 2);

  });
});

describe(`verified tokens: the registry's standing is read on every scan (${runtime})`, () => {
  async function scannedOnce() {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
    const certificate = await issueCertificate(service, artisan.id);
    const verify = () => call(service, "GET", `/api/v1/verify/${certificate.token}`, undefined, null);
    const sizeBefore = service.deps.keyring.verifiedTokens.size;
    expect((await verify()).json.status).toBe("genuine");
    // The verdict's signature step is now remembered: what follows is served through the cache.
    expect(service.deps.keyring.verifiedTokens.size).toBe(sizeBefore + 1);
    return { service, artisan, certificate, verify };
  }

  it("a revocation shows on the next scan, and so does its reinstatement", async () => {
    const { service, certificate, verify } = await scannedOnce();
    await admin(service, "POST", `/api/v1/certificates/${certificate.id}/revocation`, { reason: "stolen" });
    expect((await verify()).json).toMatchObject({ status: "revoked", reason: "stolen" });
    const page = await service.app.request(`/V/${certificate.token}`);
    expect(await page.text()).toContain('data-status="revoked"');
    await admin(service, "DELETE", `/api/v1/certificates/${certificate.id}/revocation`);
    expect((await verify()).json.status).toBe("genuine");
  });

  it("a suspension shows on the next scan", async () => {
    const { service, artisan, verify } = await scannedOnce();
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "suspended", reason: "under inquiry" });
    expect((await verify()).json.status).toBe("suspended");
  });

  it("a withdrawn GI authorisation shows on the next scan", async () => {
    const { service, artisan, verify } = await scannedOnce();
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "not a member any more" });
    const v = await verify();
    expect(v.json).toMatchObject({ status: "genuine", certificate: { giTag: null }, withdrawnGiClaim: { giTag: { id: 2 } } });
  });

  it("a key compromise shows on the next scan of a token this instance has remembered", async () => {
    const a = await makeTestService(randomSeedHex());
    const artisan = await registerArtisan(a, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
    a.setNow(at(2 * HOUR));
    const certificate = await issueCertificate(a, artisan.id);
    const b = await restartWithKey(a, randomSeedHex(), at(3 * HOUR));
    const verify = () => call(b, "GET", `/api/v1/verify/${certificate.token}`, undefined, null);
    // A retired key's token is remembered like any other, and keeps verifying after the rotation.
    expect((await verify()).json.status).toBe("genuine");
    expect((await verify()).json.status).toBe("genuine");
    expect(b.deps.keyring.verifiedTokens.size).toBe(1);

    const revoked = await call(b, "POST", `/api/v1/keys/${a.deps.signingKey.kid}/revocation`, { compromisedAt: at(HOUR).toISOString(), reason: "key-compromise" });
    expect(revoked.status).toBe(200);
    const after = await verify();
    expect(after.status).toBe(400);
    expect(after.json).toMatchObject({ status: "invalid", reason: "key-compromised" });
  });
});
