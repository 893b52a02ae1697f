// What a buyer sees beyond the signature: a revoked certificate (and its reinstatement), a
// suspended artisan, a withdrawn GI authorisation. Page and JSON alike; every change audited.
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { admin, BANARAS_BROCADES, makeArtisan, makeCertificate, makeToken, unique } from "../support/principals.js";
import { call, issueCertificate, registerArtisan, VARANASI } from "../support/requests.js";
import { TEST_START, type TestService } from "../support/harness.js";

const later = (hours: number) => new Date(TEST_START.getTime() + hours * 3_600_000);

async function setup() {
  const service = await makeTestService();
  const artisan = await registerArtisan(service, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
  const issued = await issueCertificate(service, artisan.id);
  return { service, artisan, issued };
}

async function verdict(service: TestService, token: string) {
  const api = await call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
  const page = await service.app.request(`/V/${token}`);
  const hindi = await service.app.request(`/V/${token}?lang=hi`);
  return { status: api.status, json: api.json, pageStatus: page.status, html: await page.text(), hindi: await hindi.text() };
}

describe(`certificate revocation and reinstatement (${runtime})`, () => {
  it("revokes with a reason: the certificate verifies as revoked, with reason and date, in JSON and on the page", async () => {
    const { service, issued } = await setup();
    service.setNow(later(5));
    const revoked = await call(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "stolen" });
    expect(revoked.status).toBe(201);
    expect(revoked.json).toEqual({ certificateId: issued.id, revoked: true, reason: "stolen", revokedAt: later(5).toISOString(), reinstatedAt: null });

    const v = await verdict(service, issued.token);
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({
      status: "revoked",
      reason: "stolen",
      revokedAt: later(5).toISOString(),
      message: "The certificate was revoked: the item was reported stolen.",
      certificate: { id: issued.id, title: "Katan silk saree" },
    });
    expect(v.pageStatus).toBe(200);
    expect(v.html).toContain('data-status="revoked"');
    expect(v.html).toContain('data-reason="stolen"');
    expect(v.html).toContain("reported stolen");
    expect(v.html).toContain("1\u00a0March\u00a02026");
    expect(v.hindi).toContain("रद्द");
    expect(v.hindi).toContain("चोरी");
  });

  it("reinstates a revoked certificate: genuine again, and both changes are in the audit trail", async () => {
    const { service, issued } = await setup();
    service.setNow(later(1));
    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost" });
    service.setNow(later(2));
    const reinstated = await call(service, "DELETE", `/api/v1/certificates/${issued.id}/revocation`);
    expect(reinstated.status).toBe(200);
    expect(reinstated.json).toMatchObject({ certificateId: issued.id, revoked: false, reason: "lost", reinstatedAt: later(2).toISOString() });
    expect((await verdict(service, issued.token)).json).toMatchObject({ status: "genuine" });

    // Revoked again later, for another reason: the history keeps both.
    service.setNow(later(3));
    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "item-destroyed" });
    expect((await verdict(service, issued.token)).json).toMatchObject({ status: "revoked", reason: "item-destroyed" });

    const audit = await admin(service, "GET", `/api/v1/audit?subjectType=certificate&subjectId=${issued.id}`);
    const entries = audit.items.filter((e: any) => e.action !== "certificate.issue").map((e: any) => [e.action, e.at, e.actor.role]);
    expect(entries).toEqual([
      ["certificate.revoke", later(3).toISOString(), "admin"],
      ["certificate.reinstate", later(2).toISOString(), "admin"],
      ["certificate.revoke", later(1).toISOString(), "admin"],
    ]);
    expect(audit.items.find((e: any) => e.action === "certificate.reinstate")).toMatchObject({
      before: { revoked: true, reason: "lost" },
      after: { revoked: false },
    });
  });

  it("answers bad requests with a stable code and changes nothing", async () => {
    const { service, issued } = await setup();
    const cases: [string, string, unknown, number, string][] = [
      ["POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "bored" }, 400, "validation-failed"],
      ["POST", `/api/v1/certificates/${issued.id}/revocation`, {}, 400, "validation-failed"],
      ["POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost", note: "x" }, 400, "validation-failed"],
      ["POST", `/api/v1/certificates/AAAAAAAAAAAAA/revocation`, { reason: "lost" }, 404, "not-found"],
      ["POST", `/api/v1/certificates/not-a-serial/revocation`, { reason: "lost" }, 404, "not-found"],
      ["DELETE", `/api/v1/certificates/${issued.id}/revocation`, undefined, 409, "not-revoked"],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await call(service, method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json.code).toBe(code);
    }
    const text = await service.app.request(`/api/v1/certificates/${issued.id}/revocation`, {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "text/plain" },
      body: "stolen",
    });
    expect(text.status).toBe(415);

    const exporter = await makeToken(service, { role: "exporter" });
    expect((await call(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost" }, exporter.token)).status).toBe(403);
    expect((await call(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost" }, null)).status).toBe(401);
    expect((await verdict(service, issued.token)).json.status).toBe("genuine");

    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost" });
    const twice = await call(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "stolen" });
    expect(twice.status).toBe(409);
    expect(twice.json.code).toBe("already-revoked");
    expect((await verdict(service, issued.token)).json.reason).toBe("lost");
  });
});

describe(`who may revoke a certificate (${runtime})`, () => {
  it("its issuers: the registry, the artisan's district office, the artisan when allowed to self-issue; nobody else", async () => {
    const service = await makeTestService();
    const own = await makeArtisan(service, "own", { maySelfIssue: true });
    const noSelf = await makeArtisan(service, "own");
    const other = await makeArtisan(service, "other");
    const [ownCert, noSelfCert, otherCert] = [await makeCertificate(service, own), await makeCertificate(service, noSelf), await makeCertificate(service, other)];
    const district = (await makeToken(service, { role: "district", districtCode: VARANASI })).token;
    const artisan = (await makeToken(service, { role: "artisan", artisanId: own })).token;
    const noSelfArtisan = (await makeToken(service, { role: "artisan", artisanId: noSelf })).token;
    const giBody = (await makeToken(service, { role: "gi-body", giTagId: BANARAS_BROCADES })).token;
    const revoke = (id: string, token: string) => call(service, "POST", `/api/v1/certificates/${id}/revocation`, { reason: "lost" }, token);
    const reinstate = (id: string, token: string) => call(service, "DELETE", `/api/v1/certificates/${id}/revocation`, undefined, token);

    expect((await revoke(ownCert, district)).status).toBe(201);
    expect((await reinstate(ownCert, district)).status).toBe(200);
    expect((await revoke(ownCert, artisan)).status).toBe(201);
    expect((await reinstate(ownCert, artisan)).status).toBe(200);

    const outside = await revoke(otherCert, district);
    expect([outside.status, outside.json.code]).toEqual([404, "not-found"]);
    const notSelf = await revoke(noSelfCert, noSelfArtisan);
    expect([notSelf.status, notSelf.json.code]).toEqual([403, "self-issuance-not-allowed"]);
    const someoneElses = await revoke(noSelfCert, artisan);
    expect([someoneElses.status, someoneElses.json.code]).toEqual([404, "not-found"]);
    const gi = await revoke(ownCert, giBody);
    expect([gi.status, gi.json.code]).toEqual([403, "role-not-allowed"]);
    for (const id of [ownCert, noSelfCert, otherCert]) {
      expect((await call(service, "GET", `/api/v1/verify/${(await admin(service, "GET", `/api/v1/certificates/${id}`)).token}`, undefined, null)).json.status).toBe("genuine");
    }

    // The audit names the token that acted.
    const audit = await admin(service, "GET", `/api/v1/audit?subjectType=certificate&subjectId=${ownCert}&action=certificate.revoke`);
    expect(audit.items.map((e: any) => e.actor.role).sort()).toEqual(["artisan", "district"]);
  });
});

describe(`the artisan's standing in the verdict (${runtime})`, () => {
  it("says suspended while the artisan is suspended, and genuine again once reinstated", async () => {
    const { service, artisan, issued } = await setup();
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "suspended", reason: "under inquiry" });
    const v = await verdict(service, issued.token);
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({ status: "suspended", message: expect.stringContaining("suspended"), certificate: { id: issued.id } });
    expect(v.html).toContain('data-status="suspended"');
    expect(v.hindi).toContain("निलंबित");

    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "active", reason: "inquiry closed" });
    expect((await verdict(service, issued.token)).json.status).toBe("genuine");
  });

  it("a revoked certificate of a suspended artisan says revoked: the item's own state comes first", async () => {
    const { service, artisan, issued } = await setup();
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "suspended", reason: "under inquiry" });
    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "misissued" });
    expect((await verdict(service, issued.token)).json).toMatchObject({ status: "revoked", reason: "misissued" });
  });

  it("a withdrawn GI authorisation removes the GI claim and leaves the rest genuine", async () => {
    const { service, artisan, issued } = await setup();
    service.setNow(later(6));
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "not a member any more" });
    const v = await verdict(service, issued.token);
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({
      status: "genuine",
      certificate: { giTag: null, product: { id: 103, name: "Banarasi Silk Saree" }, district: { name: "Varanasi" } },
      withdrawnGiClaim: { giTag: { id: 2, name: "Banaras Brocades and Sarees" }, withdrawnAt: later(6).toISOString() },
      claims: { giTagId: 2 },
    });
    expect(v.html).toContain('data-status="genuine"');
    expect(v.html).toContain('data-gi-withdrawn="2"');
    expect(v.html).not.toContain("GI application number");
    expect(v.hindi).toContain("जीआई");

    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "confirm", reason: "membership renewed" });
    const restored = await verdict(service, issued.token);
    expect(restored.json.certificate.giTag).toMatchObject({ id: 2 });
    expect(restored.json.withdrawnGiClaim).toBeUndefined();
  });
});
