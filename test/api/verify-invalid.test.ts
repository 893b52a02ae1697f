import { makeTestService, runtime } from "@harness";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "../../src/core/base32.js";
import { randomBytes } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { issueToken } from "../../src/core/token.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

async function expectInvalid(service: Awaited<ReturnType<typeof makeTestService>>, token: string, reason?: string) {
  const api = await service.app.request(`/api/v1/verify/${encodeURIComponent(token)}`);
  expect(api.status).toBeGreaterThanOrEqual(400);
  expect(api.status).toBeLessThan(500);
  const body = (await api.json()) as any;
  expect(body.status).toBe("invalid");
  if (reason) expect(body.reason).toBe(reason);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace

  const page = await service.app.request(`/v/${encodeURIComponent(token)}?lang=hi`);
  expect(page.status).toBeGreaterThanOrEqual(400);
  expect(page.status).toBeLessThan(500);
  const html = await page.text();
  expect(html).toContain('data-status="invalid"');
  expect(html).toContain("मान्य प्रमाणपत्र नहीं");
  expect(html).toContain("इस वस्तु के असली होने की पुष्टि नहीं होती");
  return body;
}

describe(`verifying what is not a certificate (${runtime})`, () => {
  it("says invalid for a flipped bit, a foreign key, a truncated token, random text and a 100 KB path", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { gstin: "09AAACK1234A1Z8" });
    const issued = await issueCertificate(service, artisan.id);

    const bytes = base32Decode(issued.token)!;
    bytes[40]! ^= 0x04;
    await expectInvalid(service, base32Encode(bytes), "bad-signature");

    const stranger = await signingKeyFromSeed(randomBytes(32));
    const foreign = await issueToken(
      { serial: issued.id, issuedAt: 1_772_359_200, artisanId: artisan.id, districtCode: 187, productId: 103, giTagId: null },
      stranger,
    );
    await expectInvalid(service, foreign, "unknown-key");
    await expectInvalid(service, issued.token.slice(0, 100), "malformed");
    await expectInvalid(service, "not a certificate at all", "malformed");
    await expectInvalid(service, "Z".repeat(100 * 1024), "malformed");
  });

  it("says invalid for a correctly signed token that the registry never issued", async () => {
    const service = await makeTestService();
    const token = await issueToken(
      { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: 999_999, districtCode: 187, productId: 103, giTagId: null },
      service.deps.signingKey,
    );
    const body = await expectInvalid(service, token, "not-registered");
    expect(body.certificate).toBeUndefined();
  });

  it("never answers 5xx, whatever the path holds", async () => {
    const service = await makeTestService();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        const res = await service.app.request(`/api/v1/verify/${encodeURIComponent(text)}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});

describe(`auth and errors (${runtime})`, () => {
  it("refuses writes without a valid bearer token, as problem+json", async () => {
    const service = await makeTestService();
    for (const token of [null, "asli_wrong", "x".repeat(500)]) {
      const { status, json, type } = await call(service, "POST", "/api/v1/artisans", { name: "X", districtCode: 187, productId: 103 }, token);
      expect(status).toBe(401);
      expect(type).toBe("application/problem+json");
      expect(json.code).toBe("unauthorized");
    }
  });

  it("answers unknown paths with a 404 problem", async () => {
    const service = await makeTestService();
    const { status, json, res } = await call(service, "GET", "/no/such/thing", undefined, null);
    expect(status).toBe(404);
    expect(json).toMatchObject({ status: 404, code: "not-found" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
