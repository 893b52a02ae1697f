// The signed trust bundle as the service serves it, opened and used the way an offline
// verifier does (src/core/bundle.ts), including across a key rotation.
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { artisanNames, BUNDLE_MEDIA_TYPE, checkBundleSuccession, indexTrustBundle, openTrustBundle, verifyOffline } from "../../src/core/bundle.js";
import { admin, unique } from "../support/principals.js";
import { issueCertificate, registerArtisan } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import { TEST_START, type TestService } from "../support/harness.js";

const later = (seconds: number) => new Date(TEST_START.getTime() + seconds * 1000);
const T0 = Math.floor(TEST_START.getTime() / 1000);

async function fetchBundle(service: TestService) {
  const res = await service.app.request("/.well-known/asli-trust-bundle");
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, opened: await openTrustBundle(bytes) };
}

async function setup(seedHex = randomSeedHex()) {
  const service = await makeTestService(seedHex);
  const name = unique("Shabana Ansari");
  const artisan = await registerArtisan(service, { name, giTagId: 2, giAuthorisedUserNumber: unique("AU"), seller: { name: "Kashi Handloom", gstin: "09AAACK1234A1Z8" } });
  const issued = await issueCertificate(service, artisan.id);
  return { service, artisan, name, issued };
}

describe(`the trust bundle (${runtime})`, () => {
  it("is signed by the active key and holds the keys, the registry names and nothing of uncertified artisans", async () => {
    const { service, artisan, name } = await setup();
    const idle = await registerArtisan(service, { name: unique("Never certified") });
    const { res, bytes, opened } = await fetchBundle(service);

    expect(res.headers.get("content-type")).toBe(BUNDLE_MEDIA_TYPE);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(opened.signer.kid).toBe(service.deps.signingKey.kid);
    const { content } = opened;
    expect(content).toMatchObject({ type: "asli-trust-bundle", version: 1, issuer: "https://asli.example", issuedAt: T0, staleAfter: T0 + 7 * 86_400 });
    expect(content.sequence).toBeGreaterThanOrEqual(1);
    expect(content.keys[0]).toMatchObject({ kid: service.deps.signingKey.kid, state: "active", notBefore: T0 });
    expect(content.districts).toContainEqual([187, "Varanasi"]);
    expect(content.districts.length).toBeGreaterThanOrEqual(75);
    expect(content.products).toContainEqual([103, 187, "Banarasi Silk Saree"]);
    expect(content.giTags).toContainEqual([2, "Banaras Brocades and Sarees", "99"]);
    const artisans = artisanNames(content);
    expect(artisans.get(artisan.id)).toEqual({ name, sellerName: "Kashi Handloom" });
    expect(artisans.has(idle.id)).toBe(false);

    // Unchanged content keeps its sequence; the same ETag, weak or not, in a list or alone, gets a 304.
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(new RegExp(`^W/"${content.sequence}-[0-9a-f]{16}"$`));
    expect(res.headers.get("x-asli-bundle-sequence")).toBe(String(content.sequence));
    const again = await fetchBundle(service);
    expect(again.bytes).toEqual(bytes);
    for (const header of [etag, etag.slice(2), `"0-0000000000000000", ${etag}`, "*"]) {
      expect((await service.app.request("/.well-known/asli-trust-bundle", { headers: { "if-none-match": header } })).status, header).toBe(304);
    }
    expect((await service.app.request("/.well-known/asli-trust-bundle", { headers: { "if-none-match": `W/"${content.sequence}-0000000000000000"` } })).status).toBe(200);
  });

  it("is built once per change of its content, not on each request, and signed afresh once a day", async () => {
    const seedHex = randomSeedHex();
    const { service } = await setup(seedHex);
    const first = await fetchBundle(service);
    // Later requests, by this instance and by another over the same database, get the stored copy:
    // the same bytes, signed at the first request's time, with the same ETag.
    service.setNow(later(30));
    const second = await fetchBundle(service);
    const other = await restartWithKey(service, seedHex, later(40));
    const third = await fetchBundle(other);
    for (const copy of [second, third]) {
      expect(copy.bytes).toEqual(first.bytes);
      expect(copy.opened.content.issuedAt).toBe(T0);
      expect(copy.res.headers.get("etag")).toBe(first.res.headers.get("etag"));
    }
    // A day later the unchanged content is signed again: a new issue time, the same sequence and ETag.
    service.setNow(later(86_400));
    const resigned = await fetchBundle(service);
    expect(resigned.opened.content.issuedAt).toBe(T0 + 86_400);
    expect(resigned.opened.content.staleAfter).toBe(T0 + 86_400 + 7 * 86_400);
    expect(resigned.opened.content.sequence).toBe(first.opened.content.sequence);
    expect(resigned.res.headers.get("etag")).toBe(first.res.headers.get("etag"));
    service.setNow(later(86_400 + 30));
    expect((await fetchBundle(service)).bytes).toEqual(resigned.bytes);
  });

  it("shows every kind of change at once, each as a new sequence with a new ETag", async () => {
    const { service, artisan, issued } = await setup();
    let previous = await fetchBundle(service);
    let step = 0;
    /** Makes a change, then fetches at once (a second later) and checks that the bundle moved on. */
    async function after(what: string, change: () => Promise<unknown>) {
      await change();
      service.setNow(later(++step));
      const next = await fetchBundle(service);
      expect(next.opened.content.sequence, what).toBe(previous.opened.content.sequence + 1);
      expect(next.opened.content.issuedAt, what).toBe(T0 + step);
      expect(next.res.headers.get("etag"), what).not.toBe(previous.res.headers.get("etag"));
      previous = next;
      return next.opened.content;
    }
    const newcomer = await registerArtisan(service, { name: unique("Newcomer") });
    expect(artisanNames(previous.opened.content).has(newcomer.id)).toBe(false);
    const certified = await after("a first certificate", () => issueCertificate(service, newcomer.id));
    expect(artisanNames(certified).has(newcomer.id)).toBe(true);
    // A second certificate of a published artisan changes no content, so no sequence; it moves
    // only the transparency log's checkpoint, which the bundle carries outside its sequence.
    await issueCertificate(service, newcomer.id);
    service.setNow(later(++step));
    const again = await fetchBundle(service);
    expect(again.opened.content.sequence).toBe(previous.opened.content.sequence);
    expect(again.opened.content.log?.checkpoint).not.toBe(previous.opened.content.log?.checkpoint);
    expect(again.res.headers.get("etag")).not.toBe(previous.res.headers.get("etag"));
    // Nothing changed since: the stored copy stays.
    service.setNow(later(++step));
    expect((await fetchBundle(service)).bytes).toEqual(again.bytes);
    previous = again;

    const name = unique("Renamed");
    expect(artisanNames(await after("a renamed artisan", () => admin(service, "PATCH", `/api/v1/artisans/${newcomer.id}`, { name })))).toContainEqual([newcomer.id, { name, sellerName: null }]);
    expect((await after("a revocation", () => admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost" }))).revoked).toContainEqual([issued.id, "lost", T0 + step - 1]);
    expect((await after("a reinstatement", () => admin(service, "DELETE", `/api/v1/certificates/${issued.id}/revocation`))).revoked.map((r) => r[0])).not.toContain(issued.id);
    expect((await after("a suspension", () => admin(service, "POST", `/api/v1/artisans/${newcomer.id}/status`, { status: "suspended", reason: "inquiry" }))).suspendedArtisans).toContain(newcomer.id);
    expect((await after("a GI withdrawal", () => admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "lapsed" }))).giWithdrawn.map((g) => g[0])).toContain(artisan.id);
    const giName = unique("Test GI");
    const gi = await after("a new GI tag", () => admin(service, "POST", "/api/v1/gi-tags", { name: giName, category: "Handicraft", districtCodes: [187] }));
    expect(gi.giTags.map((g) => g[1])).toContain(giName);
    const productName = unique("Test product");
    expect((await after("a new ODOP product", () => admin(service, "POST", "/api/v1/districts/187/products", { name: productName }))).products.map((p) => p[2])).toContain(productName);
  });

  it("carries revocations, suspensions and GI withdrawals, each change as a new sequence", async () => {
    const { service, artisan, issued } = await setup();
    const first = (await fetchBundle(service)).opened.content;

    service.setNow(later(10));
    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "stolen" });
    const revoked = (await fetchBundle(service)).opened.content;
    expect(revoked.sequence).toBe(first.sequence + 1);
    expect(revoked.issuedAt).toBe(T0 + 10);
    expect(revoked.revoked).toContainEqual([issued.id, "stolen", T0 + 10]);

    const other = await registerArtisan(service, { name: unique("Rafiq"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
    const otherCert = await issueCertificate(service, other.id);
    await admin(service, "POST", `/api/v1/artisans/${other.id}/status`, { status: "suspended", reason: "under inquiry" });
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "lapsed" });
    service.setNow(later(11));
    const suspended = (await fetchBundle(service)).opened.content;
    expect(suspended.sequence).toBe(revoked.sequence + 1);
    expect(suspended.suspendedArtisans).toContain(other.id);
    expect(suspended.giWithdrawn).toContainEqual([artisan.id, T0 + 10]);

    // Reinstating takes the serial out again.
    await admin(service, "DELETE", `/api/v1/certificates/${issued.id}/revocation`);
    const reinstated = (await fetchBundle(service)).opened.content;
    expect(reinstated.sequence).toBe(suspended.sequence + 1);
    expect(reinstated.revoked.map((r) => r[0])).not.toContain(issued.id);

    // The offline pipeline over what was served gives the verdicts the online one gives.
    const index = await indexTrustBundle(suspended);
    expect(await verifyOffline(issued.token, index)).toMatchObject({ status: "revoked", reason: "stolen", revokedAt: T0 + 10 });
    expect(await verifyOffline(otherCert.token, index)).toMatchObject({ status: "suspended", certificate: { artisan: { id: other.id } } });
    const fresh = await indexTrustBundle(reinstated);
    expect(await verifyOffline(issued.token, fresh)).toMatchObject({
      status: "genuine",
      certificate: { district: { name: "Varanasi" }, product: { name: "Banarasi Silk Saree" }, giTag: null, withdrawnGiClaim: { giTagId: 2 } },
    });
  });

  it("after a rotation is signed by the new key, which a verifier holding the old bundle accepts only when told to", async () => {
    const { service, issued } = await setup();
    const held = (await fetchBundle(service)).opened;
    const rotated = await restartWithKey(service, randomSeedHex(), later(3600));
    const next = (await fetchBundle(rotated)).opened;

    expect(next.signer.kid).toBe(rotated.deps.signingKey.kid);
    expect(next.content.sequence).toBeGreaterThan(held.content.sequence);
    expect(next.content.keys.find((k) => k.kid === service.deps.signingKey.kid)).toMatchObject({ state: "retired", retiredAt: T0 + 3600 });
    expect(checkBundleSuccession(held, next)).toMatchObject({ accept: false, code: "bundle-new-signer" });
    expect(checkBundleSuccession(held, next, next.signer.kid)).toMatchObject({ accept: true, signerChanged: true });
    // The old certificate still verifies offline with the new bundle: its key is retired, not revoked.
    expect(await verifyOffline(issued.token, await indexTrustBundle(next.content))).toMatchObject({ status: "genuine", certificate: { keyState: "retired" } });
  });
});
