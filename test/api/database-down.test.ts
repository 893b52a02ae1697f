// The registry's database fails under a running service (a closed libSQL client on Node, a D1
// binding that throws on Workers). A buyer still gets what the signature alone can say; every
// other answer is a 503 to retry, never a 500; the key set is served as last read.
import { makeBreakableTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";
import { TEST_START } from "../support/harness.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";

/** The same token with one character of its signature changed: still well-formed, no longer signed. */
function tampered(token: string): string {
  const i = token.length - 3;
  return token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
}

describe(`verification while the database is unavailable (${runtime})`, () => {
  it("gives a correctly signed token an unconfirmed verdict with its signed claims, and still refuses bad ones", async () => {
    const service = await makeBreakableTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: `AU-DOWN-${runtime}` });
    const issued = await issueCertificate(service, artisan.id);
    expect((await call(service, "GET", "/healthz", undefined, null)).status).toBe(200);

    service.breakDatabase();

    const { res, status, json } = await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null);
    expect(status).toBe(503);
    expect(json).toEqual({
      status: "unconfirmed",
      claims: {
        serial: issued.id,
        issuedAt: Math.floor(TEST_START.getTime() / 1000),
        artisanId: artisan.id,
        districtCode: 187,
        productId: 103,
        giTagId: 2,
      },
      key: { kid: service.deps.signingKey.kid },
      message: expect.stringContaining("registry could not be reached to confirm the certificate's standing"),
    });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("cache-control")).toBe("no-store");

    // The signature check needs no database, so it still tells forgeries and garbage apart.
    const forged = await call(service, "GET", `/api/v1/verify/${tampered(issued.token)}`, undefined, null);
    expect(forged.status).toBe(400);
    expect(forged.json).toMatchObject({ status: "invalid", reason: "bad-signature" });
    const garbage = await call(service, "GET", "/api/v1/verify/NOT-A-TOKEN", undefined, null);
    expect(garbage.status).toBe(400);
    expect(garbage.json).toMatchObject({ status: "invalid", reason: "malformed" });

    // JSON from the page URL, for a client that asks for it.
    const asJson = await call(service, "GET", `/V/${issued.token}`, undefined, null);
    expect(asJson.status).toBe(503);
    expect(asJson.type).toBe("text/html; charset=UTF-8");
    const json2 = await service.app.request(`/V/${issued.token}`, { headers: { accept: "application/json" } });
    expect(json2.status).toBe(503);
    expect(((await json2.json()) as any).status).toBe("unconfirmed");
  });

  it("still calls a token signed after its key's compromise invalid, from the key states last read", async () => {
    const a = await makeBreakableTestService(randomSeedHex());
    const artisan = await registerArtisan(a);
    const before = await issueCertificate(a, artisan.id);
    a.setNow(new Date(TEST_START.getTime() + 2 * 3_600_000));
    const after = await issueCertificate(a, artisan.id);
    const b = await restartWithKey(a, randomSeedHex(), new Date(TEST_START.getTime() + 86_400_000));
    const compromisedAt = new Date(TEST_START.getTime() + 3_600_000).toISOString();
    expect((await call(b, "POST", `/api/v1/keys/${a.deps.signingKey.kid}/revocation`, { compromisedAt })).status).toBe(200);
    expect((await call(b, "GET", "/.well-known/jwks.json", undefined, null)).status).toBe(200);

    a.breakDatabase(); // the database both instances share
    const bad = await call(b, "GET", `/api/v1/verify/${after.token}`, undefined, null);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ status: "invalid", reason: "key-compromised", compromisedAt: new Date(compromisedAt).toISOString() });
    // Signed before the compromise: whether the registry still vouches for it needs the database.
    expect((await call(b, "GET", `/api/v1/verify/${before.token}`, undefined, null)).json.status).toBe("unconfirmed");
  });

  it("says so on the verify page, in English and Hindi, and asks to try again", async () => {
    const service = await makeBreakableTestService();
    const artisan = await registerArtisan(service);
    const issued = await issueCertificate(service, artisan.id);
    service.breakDatabase();

    const res = await service.app.request(`/V/${issued.token}`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).not.toBeNull();
    const html = (await res.text()).replaceAll("&#39;", "'");
    expect(html).toContain('data-status="unconfirmed"');
    expect(html).toContain(CATALOGS.en.verify.status.unconfirmed.title);
    expect(html).toContain(CATALOGS.en.verify.status.unconfirmed.lead);
    const hindi = (await (await service.app.request(`/V/${issued.token}?lang=hi`)).text()).replaceAll("&#39;", "'");
    expect(hindi).toContain(CATALOGS.hi.verify.status.unconfirmed.title);
    expect(hindi).toContain(CATALOGS.hi.verify.status.unconfirmed.lead);
    // What the signature itself vouches for: the certificate's number, and its ids for the
    // browser's own check.
    expect(html).toContain(issued.id);
    expect(html).toContain(`data-serial="${issued.id}"`);
    // Nothing the registry would have had to say.
    expect(html).not.toContain("Genuine");
  });

  it("serves the key set as last read, not to be cached, and answers 503 (never 500) where the database is needed", async () => {
    const service = await makeBreakableTestService();
    const before = await call(service, "GET", "/.well-known/jwks.json", undefined, null);
    expect(before.res.headers.get("cache-control")).toBe("public, max-age=300");
    service.breakDatabase();
    // Past the age at which the service reads its keys again: it tries, and keeps the last read.
    service.setNow(new Date(TEST_START.getTime() + 2 * 60_000));

    const jwks = await call(service, "GET", "/.well-known/jwks.json", undefined, null);
    expect(jwks.status).toBe(200);
    expect(jwks.json).toEqual(before.json);
    expect(jwks.json.keys).toContainEqual(expect.objectContaining({ kid: service.deps.signingKey.kid, state: expect.any(String) }));
    expect(jwks.res.headers.get("cache-control")).toBe("no-store");
    expect(jwks.res.headers.get("x-asli-keys-as-of")).toBe(TEST_START.toISOString());

    const health = await call(service, "GET", "/healthz", undefined, null);
    expect(health.status).toBe(503);
    expect(health.json).toMatchObject({ status: 503, code: "service-unavailable" });
    expect(Number(health.res.headers.get("retry-after"))).toBeGreaterThan(0);

    const write = await call(service, "POST", "/api/v1/artisans", { name: "Weaver", districtCode: 187, productId: 103 });
    expect(write.status).toBe(503);
    expect(write.json.code).toBe("service-unavailable");
    const read = await call(service, "GET", "/api/v1/certificates");
    expect(read.status).toBe(503);
  });
});
