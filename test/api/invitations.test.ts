// Invitations and people through the API (bearer tokens), on both runtimes: who may invite whom
// into which scope, one-time links stored as hashes, listing in scope, withdrawal, revocation.
import { makeTestService, runtime, type TestService } from "@harness";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../src/core/api-token.js";
import { ConsoleVisitor } from "../support/console.js";
import { BANARAS_BROCADES, LUCKNOW_CHIKAN, makeArtisan, makeToken, unique } from "../support/principals.js";
import { call, LUCKNOW, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";

async function offices(service: TestService) {
  const [district, giBody, otherDistrict, artisanToken, exporter] = await Promise.all([
    makeToken(service, { role: "district", districtCode: VARANASI }),
    makeToken(service, { role: "gi-body", giTagId: BANARAS_BROCADES }),
    makeToken(service, { role: "district", districtCode: LUCKNOW }),
    makeArtisan(service, "own").then((artisanId) => makeToken(service, { role: "artisan", artisanId })),
    makeToken(service, { role: "exporter" }),
  ]);
  return { district: district.token, giBody: giBody.token, otherDistrict: otherDistrict.token, artisan: artisanToken.token, exporter: exporter.token };
}

const invite = (service: TestService, body: Record<string, unknown>, token?: string) => call(service, "POST", "/api/v1/invitations", { name: unique("Person"), ...body }, token);

describe(`invitations (${runtime})`, () => {
  it("answers a one-time link and its QR, stores only the link's hash, and audits it", async () => {
    const service = await makeTestService();
    const created = await invite(service, { name: "Anita Verma", role: "district", districtCode: VARANASI });
    expect(created.status).toBe(201);
    expect(created.res.headers.get("cache-control")).toBe("no-store");
    expect(created.json).toMatchObject({ name: "Anita Verma", role: "district", districtCode: VARANASI, state: "pending", personId: null, expiresAt: "2026-03-04T10:00:00.000Z" });
    expect(created.json.url).toMatch(/^https:\/\/asli\.example\/console\/join\/[a-z2-7]{32}$/);
    expect(created.json.qrSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const secret = created.json.url.split("/").pop();
    const dump = await snapshot(service.deps.db);
    expect(dump).not.toContain(secret);
    expect(dump).toContain(await hashApiToken(secret));

    const listed = await call(service, "GET", "/api/v1/invitations?state=pending");
    expect(listed.json.items.find((i: any) => i.id === created.json.id)).toMatchObject({ name: "Anita Verma", state: "pending" });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=invitation&subjectId=${created.json.id}`);
    expect(audit.json.items).toEqual([expect.objectContaining({ action: "invitation.create", actor: { role: "admin", tokenId: null }, after: expect.objectContaining({ role: "district", districtCode: VARANASI }) })]);
  });

  it("lets each office invite exactly whom the access rules say, into its own scope", async () => {
    const service = await makeTestService();
    const t = await offices(service);
    const ownArtisan = await makeArtisan(service, "own"); // Varanasi, Banaras Brocades
    const otherArtisan = await makeArtisan(service, "other"); // Lucknow, Lucknow Chikan
    const noGiArtisan = await makeArtisan(service, "own", { giTagId: undefined, giAuthorisedUserNumber: undefined });
    const cases: [string, string | undefined, Record<string, unknown>, number, string?][] = [
      ["admin: an admin", undefined, { role: "admin" }, 201],
      ["admin: an exporter", undefined, { role: "exporter" }, 201],
      ["admin: GI body staff", undefined, { role: "gi-body", giTagId: LUCKNOW_CHIKAN }, 201],
      ["district: its own staff", t.district, { role: "district", districtCode: VARANASI }, 201],
      ["district: its own artisan", t.district, { role: "artisan", artisanId: ownArtisan }, 201],
      ["district: another district's staff", t.district, { role: "district", districtCode: LUCKNOW }, 403, "out-of-scope"],
      ["district: another district's artisan", t.district, { role: "artisan", artisanId: otherArtisan }, 403, "out-of-scope"],
      ["district: GI body staff", t.district, { role: "gi-body", giTagId: BANARAS_BROCADES }, 403, "out-of-scope"],
      ["district: an exporter", t.district, { role: "exporter" }, 403, "out-of-scope"],
      ["district: an admin", t.district, { role: "admin" }, 403, "out-of-scope"],
      ["gi-body: its own staff", t.giBody, { role: "gi-body", giTagId: BANARAS_BROCADES }, 201],
      ["gi-body: an artisan holding its GI", t.giBody, { role: "artisan", artisanId: ownArtisan }, 201],
      ["gi-body: another GI's staff", t.giBody, { role: "gi-body", giTagId: LUCKNOW_CHIKAN }, 403, "out-of-scope"],
      ["gi-body: an artisan of another GI", t.giBody, { role: "artisan", artisanId: otherArtisan }, 403, "out-of-scope"],
      ["gi-body: an artisan with no GI", t.giBody, { role: "artisan", artisanId: noGiArtisan }, 403, "out-of-scope"],
      ["gi-body: district staff", t.giBody, { role: "district", districtCode: VARANASI }, 403, "out-of-scope"],
      ["artisan: anyone", t.artisan, { role: "artisan", artisanId: ownArtisan }, 403, "role-not-allowed"],
      ["exporter: anyone", t.exporter, { role: "exporter" }, 403, "role-not-allowed"],
      ["a scope the role needs", undefined, { role: "district" }, 422, "scope-required"],
      ["a scope the role does not take", undefined, { role: "exporter", districtCode: VARANASI }, 422, "scope-mismatch"],
      ["an artisan who does not exist", t.district, { role: "artisan", artisanId: 99_999_999 }, 422, "unknown-artisan"],
      ["an unknown role", undefined, { role: "root" }, 400, "validation-failed"],
    ];
    for (const [what, token, body, status, code] of cases) {
      const before = status === 201 ? undefined : await snapshot(service.deps.db);
      const res = await invite(service, body, token);
      expect(res.status, what).toBe(status);
      if (code) expect(res.json.code, what).toBe(code);
      if (before) expect(await snapshot(service.deps.db), `${what} wrote something`).toBe(before);
    }
  });

  it("lists invitations and people in scope only, and withdraws what is not used yet", async () => {
    const service = await makeTestService();
    const t = await offices(service);
    const mine = (await invite(service, { role: "district", districtCode: VARANASI }, t.district)).json;
    const theirs = (await invite(service, { role: "district", districtCode: LUCKNOW }, t.otherDistrict)).json;
    const artisanOfMine = (await invite(service, { role: "artisan", artisanId: await makeArtisan(service, "own") })).json;

    const listed = (await call(service, "GET", "/api/v1/invitations?limit=200", undefined, t.district)).json.items.map((i: any) => i.id);
    expect(listed).toEqual(expect.arrayContaining([mine.id, artisanOfMine.id]));
    expect(listed).not.toContain(theirs.id);
    const giListed = (await call(service, "GET", "/api/v1/invitations?limit=200", undefined, t.giBody)).json.items.map((i: any) => i.id);
    expect(giListed).toContain(artisanOfMine.id);
    expect(giListed).not.toContain(mine.id);

    expect((await call(service, "POST", `/api/v1/invitations/${theirs.id}/withdraw`, undefined, t.district)).json.code).toBe("out-of-scope");
    const withdrawn = await call(service, "POST", `/api/v1/invitations/${mine.id}/withdraw`, undefined, t.district);
    expect([withdrawn.status, withdrawn.json.state]).toEqual([200, "withdrawn"]);
    const again = await call(service, "POST", `/api/v1/invitations/${mine.id}/withdraw`, undefined, t.district);
    expect([again.status, again.json.withdrawnAt]).toEqual([200, withdrawn.json.withdrawnAt]);
    expect((await call(service, "GET", "/api/v1/invitations?state=withdrawn&limit=200", undefined, t.district)).json.items.map((i: any) => i.id)).toContain(mine.id);
    expect((await call(service, "GET", "/api/v1/invitations?state=pending&limit=200", undefined, t.district)).json.items.map((i: any) => i.id)).not.toContain(mine.id);

    expect((await new ConsoleVisitor(service).enrol(artisanOfMine.url)).status).toBe(200);
    const used = await call(service, "POST", `/api/v1/invitations/${artisanOfMine.id}/withdraw`, undefined, t.district);
    expect([used.status, used.json.code]).toEqual([409, "invitation-used"]);
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=invitation&subjectId=${artisanOfMine.id}`);
    expect(audit.json.items.map((e: any) => e.action)).toEqual(["invitation.use", "invitation.create"]);

    const people = (await call(service, "GET", "/api/v1/people?limit=200", undefined, t.district)).json.items;
    expect(people.find((p: any) => p.name === artisanOfMine.name)).toMatchObject({ role: "artisan", active: true, passkeys: 1 });
    expect((await call(service, "GET", "/api/v1/people", undefined, t.artisan)).json.code).toBe("role-not-allowed");
  });

  it("revokes a person (sessions end at once), and sends someone with access a new link for a new phone", async () => {
    const service = await makeTestService();
    const t = await offices(service);
    const invitation = (await invite(service, { role: "district", districtCode: VARANASI }, t.district)).json;
    const phone = new ConsoleVisitor(service);
    expect((await phone.enrol(invitation.url)).status).toBe(200);
    const person = (await call(service, "GET", "/api/v1/people?limit=200", undefined, t.district)).json.items.find((p: any) => p.name === invitation.name);

    const relink = await call(service, "POST", `/api/v1/people/${person.id}/invitations`, undefined, t.district);
    expect(relink.status).toBe(201);
    expect(relink.json).toMatchObject({ personId: person.id, name: invitation.name, role: "district", districtCode: VARANASI });
    const tablet = new ConsoleVisitor(service);
    const enrolPage = await tablet.request("GET", new URL(relink.json.url).pathname);
    expect(enrolPage.text).toContain("this link adds a passkey on this device");
    expect((await tablet.enrol(relink.json.url)).status).toBe(200);
    const after = (await call(service, "GET", "/api/v1/people?limit=200", undefined, t.district)).json.items.filter((p: any) => p.name === invitation.name);
    expect(after).toEqual([expect.objectContaining({ id: person.id, passkeys: 2 })]);

    expect((await call(service, "POST", `/api/v1/people/${person.id}/revoke`, undefined, t.otherDistrict)).json.code).toBe("out-of-scope");
    const pending = (await call(service, "POST", `/api/v1/people/${person.id}/invitations`, undefined, t.district)).json;
    const revoked = await call(service, "POST", `/api/v1/people/${person.id}/revoke`, undefined, t.district);
    expect(revoked.json).toMatchObject({ id: person.id, active: false, revokedAt: "2026-03-01T10:00:00.000Z" });
    for (const visitor of [phone, tablet]) expect((await visitor.request("GET", "/console/passkeys")).status).toBe(303);
    expect((await new ConsoleVisitor(service).request("GET", new URL(pending.url).pathname)).status).toBe(410);
    expect((await call(service, "POST", `/api/v1/people/${person.id}/invitations`, undefined, t.district)).json.code).toBe("person-revoked");
    expect((await call(service, "POST", `/api/v1/people/${person.id}/revoke`, undefined, t.district)).status).toBe(200);
    const audit = await call(service, "GET", `/api/v1/audit?action=person.revoke&subjectId=${person.id}`);
    expect(audit.json.items).toHaveLength(1);
  });

  it("prints a slip for a pending link only", async () => {
    const service = await makeTestService();
    const invitation = (await invite(service, { role: "district", districtCode: VARANASI })).json;
    const slip = await service.app.request("/api/v1/invitations/slip.pdf", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ url: invitation.url }),
    });
    expect(slip.status).toBe(200);
    expect(slip.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await slip.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const t = await offices(service);
    const outOfScope = await call(service, "POST", "/api/v1/invitations/slip.pdf", { url: invitation.url }, t.otherDistrict);
    expect(outOfScope.status).toBe(404);
    const notOurs = await call(service, "POST", "/api/v1/invitations/slip.pdf", { url: "https://elsewhere.example/console/join/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
    expect(notOurs.status).toBe(404);
    await call(service, "POST", `/api/v1/invitations/${invitation.id}/withdraw`);
    const gone = await call(service, "POST", "/api/v1/invitations/slip.pdf", { url: invitation.url });
    expect([gone.status, gone.json.code]).toEqual([410, "invitation-withdrawn"]);
  });
});
