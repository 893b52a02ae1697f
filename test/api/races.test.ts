// Every state change is conditional on the state it starts from, in the same batch as its
// audit entry: of many identical requests fired at once, exactly one wins, the others get 409
// with a stable code and write nothing (no second audit entry, no second successor token).
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import type { TestService } from "../support/harness.js";
import { admin, makeArtisan, makeCertificate, makeToken, unique } from "../support/principals.js";
import { call, VARANASI } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { fromHex } from "../../src/core/bytes.js";

/** Fires `n` copies of one request at once and tallies the answers as "status code" strings. */
async function fire(service: TestService, n: number, method: string, path: string, body?: unknown) {
  const answers = await Promise.all(Array.from({ length: n }, () => call(service, method, path, body)));
  const tally: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status < 300 ? String(a.status) : `${a.status} ${a.json.code}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return { answers, tally };
}

async function auditEntries(service: TestService, action: string, subjectId: string | number) {
  return (await admin(service, "GET", `/api/v1/audit?action=${action}&subjectId=${subjectId}&limit=200`)).items as any[];
}

describe(`concurrent state changes: one wins, the rest get 409 (${runtime})`, () => {
  it("suspends an artisan once among 20 parallel suspensions, then reinstates once among 20", async () => {
    const service = await makeTestService();
    const id = await makeArtisan(service, "own");
    const suspend = await fire(service, 20, "POST", `/api/v1/artisans/${id}/status`, { status: "suspended", reason: "inspection" });
    expect(suspend.tally).toEqual({ "200": 1, "409 status-unchanged": 19 });
    const entries = await auditEntries(service, "artisan.suspend", id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ before: { status: "active" }, after: { status: "suspended" } });

    const reinstate = await fire(service, 20, "POST", `/api/v1/artisans/${id}/status`, { status: "active", reason: "cleared" });
    expect(reinstate.tally).toEqual({ "200": 1, "409 status-unchanged": 19 });
    expect(await auditEntries(service, "artisan.reinstate", id)).toHaveLength(1);
  });

  it("withdraws and confirms a GI authorisation once each among 10 parallel requests", async () => {
    const service = await makeTestService();
    const id = await makeArtisan(service, "own");
    const withdraw = await fire(service, 10, "POST", `/api/v1/artisans/${id}/gi-authorisation`, { action: "withdraw", reason: "lapsed" });
    expect(withdraw.tally).toEqual({ "200": 1, "409 gi-authorisation-unchanged": 9 });
    expect(await auditEntries(service, "artisan.gi.withdraw", id)).toHaveLength(1);
    const confirm = await fire(service, 10, "POST", `/api/v1/artisans/${id}/gi-authorisation`, { action: "confirm", reason: "renewed" });
    expect(confirm.tally).toEqual({ "200": 1, "409 gi-authorisation-unchanged": 9 });
    expect(await auditEntries(service, "artisan.gi.confirm", id)).toHaveLength(1);
  });

  it("keeps the audit trail of parallel edits a chain: each entry's before is the previous entry's after", async () => {
    const service = await makeTestService();
    const id = await makeArtisan(service, "own");
    const registered = (await admin(service, "GET", `/api/v1/artisans/${id}`)).name;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => call(service, "PATCH", `/api/v1/artisans/${id}`, { name: `Edited Weaver ${i}` })));
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const lost of answers.filter((a) => a.status !== 200)) expect([lost.status, lost.json.code]).toEqual([409, "state-changed"]);
    const entries = (await auditEntries(service, "artisan.update", id)).reverse();
    expect(entries).toHaveLength(won.length);
    let name = registered;
    for (const entry of entries) {
      expect(entry.before.name).toBe(name);
      name = entry.after.name;
    }
    expect((await admin(service, "GET", `/api/v1/artisans/${id}`)).name).toBe(name);
  });

  it("revokes a token once among 10 parallel revocations", async () => {
    const service = await makeTestService();
    const token = await makeToken(service, { role: "exporter" });
    const revoke = await fire(service, 10, "POST", `/api/v1/tokens/${token.id}/revoke`);
    expect(revoke.tally).toEqual({ "200": 1, "409 token-already-revoked": 9 });
    expect(await auditEntries(service, "token.revoke", token.id)).toHaveLength(1);
  });

  it("rotates a token once among 10 parallel rotations: one successor", async () => {
    const service = await makeTestService();
    const name = unique("rotated");
    const token = await admin(service, "POST", "/api/v1/tokens", { name, role: "district", districtCode: VARANASI });
    const rotate = await fire(service, 10, "POST", `/api/v1/tokens/${token.id}/rotate`, { overlapSeconds: 3600 });
    expect(rotate.tally).toEqual({ "201": 1, "409 token-already-rotated": 9 });
    const listed = (await admin(service, "GET", "/api/v1/tokens?limit=200")).items.filter((t: any) => t.name === name);
    expect(listed.map((t: any) => t.id).sort()).toEqual([token.id, rotate.answers.find((a) => a.status === 201)!.json.id].sort());
    expect(await auditEntries(service, "token.expire", token.id)).toHaveLength(1);
    const successor = rotate.answers.find((a) => a.status === 201)!.json.id;
    expect(await auditEntries(service, "token.rotate", successor)).toHaveLength(1);
    // A successor may itself be rotated later; the old token may not be rotated again.
    expect((await call(service, "POST", `/api/v1/tokens/${successor}/rotate`, {})).status).toBe(201);
    expect((await call(service, "POST", `/api/v1/tokens/${token.id}/rotate`, {})).json.code).toBe("token-already-rotated");
  });

  it("revokes and reinstates a certificate once each among 10 parallel requests", async () => {
    const service = await makeTestService();
    const id = await makeCertificate(service, await makeArtisan(service, "own"));
    const revoke = await fire(service, 10, "POST", `/api/v1/certificates/${id}/revocation`, { reason: "stolen" });
    expect(revoke.tally).toEqual({ "201": 1, "409 already-revoked": 9 });
    expect(await auditEntries(service, "certificate.revoke", id)).toHaveLength(1);
    const reinstate = await fire(service, 10, "DELETE", `/api/v1/certificates/${id}/revocation`);
    expect(reinstate.tally).toEqual({ "200": 1, "409 not-revoked": 9 });
    expect(await auditEntries(service, "certificate.reinstate", id)).toHaveLength(1);
  });

  it("revokes a retired signing key once among 10 parallel revocations", async () => {
    const first = await makeTestService(randomSeedHex());
    const oldKid = first.deps.signingKey.kid;
    const service = await restartWithKey(first, randomSeedHex(), new Date("2026-03-02T10:00:00Z"));
    const revoke = await fire(service, 10, "POST", `/api/v1/keys/${oldKid}/revocation`, { compromisedAt: "2026-03-01T12:00:00Z" });
    expect(revoke.tally).toEqual({ "200": 1, "409 key-already-revoked": 9 });
    expect(await auditEntries(service, "signing-key.revoke", oldKid)).toHaveLength(1);
  });

  it("activates a new signing key once when two instances start with it at once", async () => {
    const service = await makeTestService(randomSeedHex());
    const seed = randomSeedHex();
    const kid = (await signingKeyFromSeed(fromHex(seed))).kid;
    await Promise.all([restartWithKey(service, seed, new Date("2026-03-02T10:00:00Z")), restartWithKey(service, seed, new Date("2026-03-02T10:00:00Z"))]);
    expect(await auditEntries(service, "signing-key.activate", kid)).toHaveLength(1);
    expect(await auditEntries(service, "signing-key.retire", service.deps.signingKey.kid)).toHaveLength(1);
  });

  it("records a GI tag's application number once among 10, and adds a district once among 10", async () => {
    const service = await makeTestService();
    const tag = await admin(service, "POST", "/api/v1/gi-tags", { name: unique("Race GI"), category: "Handicraft", districtCodes: [VARANASI] });
    const number = await fire(service, 10, "PATCH", `/api/v1/gi-tags/${tag.id}`, { applicationNumber: "777" });
    expect(number.tally).toEqual({ "200": 1, "409 application-number-set": 9 });
    // A request that reads the tag after the winner wrote finds the district there already: a
    // change of nothing, answered 200 and not written. One that read before gets 409.
    const added = await fire(service, 10, "PATCH", `/api/v1/gi-tags/${tag.id}`, { addDistrictCodes: [162] });
    expect(Object.keys(added.tally).filter((k) => k !== "200" && k !== "409 state-changed")).toEqual([]);
    const changes = await auditEntries(service, "gi-tag.change", tag.id);
    expect(changes.map((e) => e.after)).toEqual([
      { applicationNumber: "777", addedDistrictCodes: [162] },
      { applicationNumber: "777", addedDistrictCodes: [] },
    ]);
    const listed = (await admin(service, "GET", "/api/v1/gi-tags")).giTags.find((g: any) => g.id === tag.id);
    expect(listed).toMatchObject({ applicationNumber: "777", districtCodes: expect.arrayContaining([VARANASI, 162]) });
  });
});
