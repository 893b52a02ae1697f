// Times the API accepts are whole seconds, as it keeps them: a fraction is refused rather than
// cut off (a compromise at 10:00:30.5 once became 10:00:30, and a certificate signed in that
// second before it became key-compromised). Every /api/v1 route refuses query parameters it
// does not document, the verify endpoint included; the HTML verify page ignores them (QR
// scanners and messaging apps append utm_* and fbclid).
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "../../src/http/app.js";
import { admin, makeArtisan, makeCertificate } from "../support/principals.js";
import { call } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";

describe(`times the API accepts are whole seconds (${runtime})`, () => {
  it("refuses a sub-second compromisedAt, writing nothing, so a certificate signed in that second stays genuine", async () => {
    const first = await makeTestService(randomSeedHex());
    first.setNow(new Date("2026-03-01T10:00:30.200Z"));
    const certificate = await admin(first, "POST", "/api/v1/certificates", { artisanId: await makeArtisan(first, "own"), title: "Saree signed at 10:00:30.2" });
    const service = await restartWithKey(first, randomSeedHex(), new Date("2026-03-02T10:00:00Z"));
    const kid = first.deps.signingKey.kid;

    const refused = await call(service, "POST", `/api/v1/keys/${kid}/revocation`, { compromisedAt: "2026-03-01T10:00:30.5Z" });
    expect([refused.status, refused.json.code]).toEqual([400, "validation-failed"]);
    expect(refused.json.errors).toEqual([{ path: "compromisedAt", message: expect.stringContaining("whole seconds") }]);
    expect((await call(service, "GET", `/api/v1/verify/${certificate.token}`, undefined, null)).json.status).toBe("genuine");
    const key = (await call(service, "GET", "/.well-known/jwks.json", undefined, null)).json.keys.find((k: any) => k.kid === kid);
    expect(key.state).toBe("retired");

    // Whole seconds, also written with zero fractions as the API itself writes times, are taken.
    const revoked = await call(service, "POST", `/api/v1/keys/${kid}/revocation`, { compromisedAt: "2026-03-01T10:00:31.000Z" });
    expect([revoked.status, revoked.json.compromisedAt]).toEqual([200, "2026-03-01T10:00:31.000Z"]);
    expect((await call(service, "GET", `/api/v1/verify/${certificate.token}`, undefined, null)).json.status).toBe("genuine");
  });

  it("reads instants strictly: a time zone, a real calendar date and time, whole seconds", async () => {
    const first = await makeTestService(randomSeedHex());
    const service = await restartWithKey(first, randomSeedHex(), new Date("2026-03-02T10:00:00Z"));
    const kid = first.deps.signingKey.kid;
    for (const compromisedAt of ["2026-03-01T10:00:00.1Z", "2026-03-01T10:00:00.000000001Z", "2026-03-01T10:00:00", "2026-02-30T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:00:60Z", "2026-03-01T10:00:00+24:00", "1 March 2026", "2026-03-01"]) {
      const res = await call(service, "POST", `/api/v1/keys/${kid}/revocation`, { compromisedAt });
      expect([res.status, res.json.code], compromisedAt).toEqual([400, "validation-failed"]);
    }
    const offset = await call(service, "POST", `/api/v1/keys/${kid}/revocation`, { compromisedAt: "2026-03-01T15:30:00+05:30" });
    expect([offset.status, offset.json.compromisedAt]).toEqual([200, "2026-03-01T10:00:00.000Z"]);
  });

  it("refuses sub-second since and until in the audit query", async () => {
    const service = await makeTestService();
    for (const query of ["since=2026-03-01T10:00:00.5Z", "until=2026-03-01T10:00:00.999Z", "since=2026-02-30T00:00:00Z"]) {
      const res = await call(service, "GET", `/api/v1/audit?${query}`);
      expect([res.status, res.json.code], query).toEqual([400, "invalid-query"]);
    }
    expect((await call(service, "GET", "/api/v1/audit?since=2026-03-01T10:00:00.000Z&until=2026-03-01T10:00:00Z")).status).toBe(200);
  });
});

describe(`query parameters (${runtime})`, () => {
  it("refuses unknown query parameters on the verify endpoint, and answers a bare ? as no query", async () => {
    const service = await makeTestService();
    const { token } = await admin(service, "GET", `/api/v1/certificates/${await makeCertificate(service, await makeArtisan(service, "own"))}`);
    const refused = await call(service, "GET", `/api/v1/verify/${token}?x=1`, undefined, null);
    expect([refused.status, refused.json.code]).toEqual([400, "invalid-query"]);
    expect(refused.json.errors[0].message).toContain("x");
    expect((await call(service, "GET", `/api/v1/verify/${token}?`, undefined, null)).json.status).toBe("genuine");
  });

  it("serves the verify page whatever parameters a scanner or a messaging app appends", async () => {
    const service = await makeTestService();
    const { token } = await admin(service, "GET", `/api/v1/certificates/${await makeCertificate(service, await makeArtisan(service, "own"))}`);
    for (const path of [`/V/${token}?utm_source=whatsapp&utm_medium=qr`, `/v/${token}?fbclid=IwAR0x&x=1`]) {
      const res = await service.app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('data-status="genuine"');
    }
  });

  it("refuses an undocumented query parameter on every /api/v1 operation, with its own parameters or none", async () => {
    const service = await makeTestService();
    const checked: string[] = [];
    for (const op of API_OPERATIONS.filter((o) => o.path.startsWith("/api/v1/"))) {
      const path = `${op.path.replace("{kid}", "A".repeat(43)).replace(/\{\w+\}/g, "1")}?undocumented=1`;
      const res = await service.app.request(path, {
        method: op.method.toUpperCase(),
        headers: { authorization: `Bearer ${service.adminToken}`, ...(op.body ? { "content-type": "application/json" } : {}) },
        body: op.body ? "{}" : undefined,
      });
      const json = (await res.json()) as { code: string };
      expect([res.status, json.code], `${op.method} ${op.path}`).toEqual([400, "invalid-query"]);
      checked.push(`${op.method} ${op.path}`);
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it("refuses a parameter given twice rather than picking one", async () => {
    const service = await makeTestService();
    const res = await call(service, "GET", "/api/v1/artisans?limit=1&limit=200");
    expect([res.status, res.json.code, res.json.errors]).toEqual([400, "invalid-query", [{ path: "limit", message: expect.stringContaining("more than once") }]]);
  });

  it("lets public documents outside /api/v1 ignore parameters they do not know", async () => {
    const service = await makeTestService();
    for (const path of ["/.well-known/jwks.json?x=1", "/healthz?x=1", "/.well-known/asli-trust-bundle?x=1"]) {
      expect((await service.app.request(path)).status, path).toBe(200);
    }
  });
});
