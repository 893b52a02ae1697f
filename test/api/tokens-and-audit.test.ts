import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../src/core/api-token.js";
import { call, VARANASI } from "../support/requests.js";
import { makeArtisan, makeToken, unique } from "../support/principals.js";

describe(`API tokens (${runtime})`, () => {
  it("shows a token once, stores only its hash, and lists it by prefix without the secret", async () => {
    const service = await makeTestService();
    const created = await call(service, "POST", "/api/v1/tokens", { name: "Varanasi DIC", role: "district", districtCode: VARANASI, expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.res.headers.get("cache-control")).toBe("no-store");
    const { token, prefix, id } = created.json;
    expect(token).toMatch(/^asli_[a-z2-7]{32}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(created.json.expiresAt).toBe("2026-03-31T10:00:00.000Z");

    const stored = await service.deps.db.query.apiTokens.findFirst({ where: (t, { eq }) => eq(t.id, id) });
    expect(stored!.tokenHash).toBe(await hashApiToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await call(service, "GET", `/api/v1/tokens?prefix=${prefix}`);
    expect(listed.json.items).toHaveLength(1);
    expect(listed.json.items[0]).toMatchObject({ id, prefix, role: "district", districtCode: VARANASI, active: true });
    expect(JSON.stringify(listed.json)).not.toContain(token);

    const usable = await call(service, "GET", "/api/v1/artisans", undefined, token);
    expect(usable.status).toBe(200);
  });

  it("stops a revoked token at once and an expired one at its expiry", async () => {
    const service = await makeTestService();
    const revoked = await makeToken(service, { role: "exporter" });
    expect((await call(service, "GET", "/api/v1/certificates", undefined, revoked.token)).status).toBe(200);
    expect((await call(service, "POST", `/api/v1/tokens/${revoked.id}/revoke`)).json.active).toBe(false);
    const after = await call(service, "GET", "/api/v1/certificates", undefined, revoked.token);
    expect([after.status, after.json.code]).toEqual([401, "unauthorized"]);

    const expiring = await makeToken(service, { role: "exporter", expiresInDays: 1 });
    expect((await call(service, "GET", "/api/v1/certificates", undefined, expiring.token)).status).toBe(200);
    service.setNow(new Date("2026-03-02T10:00:01Z"));
    expect((await call(service, "GET", "/api/v1/certificates", undefined, expiring.token)).status).toBe(401);
  });

  it("rotates without downtime: old and new both work during the overlap, then only the new one", async () => {
    const service = await makeTestService();
    const old = await makeToken(service, { role: "district", districtCode: VARANASI });
    const rotated = await call(service, "POST", `/api/v1/tokens/${old.id}/rotate`, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(201);
    expect(rotated.json).toMatchObject({ role: "district", districtCode: VARANASI });
    const use = (token: string) => call(service, "GET", "/api/v1/artisans", undefined, token).then((r) => r.status);
    expect([await use(old.token), await use(rotated.json.token)]).toEqual([200, 200]);
    service.setNow(new Date("2026-03-01T11:00:01Z"));
    expect([await use(old.token), await use(rotated.json.token)]).toEqual([401, 200]);
    const again = await call(service, "POST", `/api/v1/tokens/${old.id}/rotate`, {});
    expect([again.status, again.json.code]).toEqual([409, "token-inactive"]);
  });

  it("refuses tokens whose scope does not fit their role", async () => {
    const service = await makeTestService();
    for (const [body, code] of [
      [{ role: "district" }, "scope-required"],
      [{ role: "district", districtCode: 1 }, "unknown-district"],
      [{ role: "gi-body", giTagId: 2, districtCode: VARANASI }, "scope-mismatch"],
      [{ role: "artisan", artisanId: 99_999 }, "unknown-artisan"],
      [{ role: "exporter", districtCode: VARANASI }, "scope-mismatch"],
    ] as const) {
      const res = await call(service, "POST", "/api/v1/tokens", { name: "t", ...body });
      expect([res.status, res.json.code]).toEqual([422, code]);
    }
    const badRole = await call(service, "POST", "/api/v1/tokens", { name: "t", role: "root" });
    expect([badRole.status, badRole.json.code]).toEqual([400, "validation-failed"]);
  });
});

describe(`audit log (${runtime})`, () => {
  it("records who changed what, with before and after, and can be filtered", async () => {
    const service = await makeTestService();
    const district = await makeToken(service, { role: "district", districtCode: VARANASI });
    const artisanId = await makeArtisan(service, "own");
    const suspended = await call(service, "POST", `/api/v1/artisans/${artisanId}/status`, { status: "suspended", reason: "complaint 17" }, district.token);
    expect(suspended.json.status).toBe("suspended");

    const log = await call(service, "GET", `/api/v1/audit?subjectType=artisan&subjectId=${artisanId}`);
    expect(log.json.items.map((e: any) => e.action)).toEqual(["artisan.suspend", "artisan.register"]);
    expect(log.json.items[0]).toMatchObject({
      actor: { role: "district", tokenId: district.id },
      subject: { type: "artisan", id: String(artisanId) },
      before: { status: "active" },
      after: { status: "suspended", reason: "complaint 17" },
      at: "2026-03-01T10:00:00.000Z",
    });
    const tokenEntries = await call(service, "GET", `/api/v1/audit?action=token.create&subjectId=${district.id}`);
    expect(tokenEntries.json.items).toHaveLength(1);
    expect(JSON.stringify(tokenEntries.json)).not.toContain(district.token);
  });

  it("cannot be altered through the API", async () => {
    const service = await makeTestService();
    await makeArtisan(service, "own");
    const [entry] = (await call(service, "GET", "/api/v1/audit?limit=1")).json.items;
    for (const method of ["PUT", "PATCH", "DELETE", "POST"]) {
      const res = await call(service, method, `/api/v1/audit/${entry.id}`, method === "DELETE" ? undefined : { action: "nothing" });
      expect(res.status).toBe(404);
    }
    const res = await call(service, "DELETE", "/api/v1/audit");
    expect([res.status, res.res.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    expect((await call(service, "GET", "/api/v1/audit?limit=1")).json.items[0]).toEqual(entry);
  });

  it("pages with stable cursors while new entries arrive", async () => {
    const service = await makeTestService();
    for (let i = 0; i < 5; i++) await makeArtisan(service, "own", { name: unique("Paged") });
    const first = await call(service, "GET", "/api/v1/audit?action=artisan.register&limit=2");
    await makeArtisan(service, "own");
    const second = await call(service, "GET", `/api/v1/audit?action=artisan.register&limit=2&cursor=${first.json.nextCursor}`);
    const ids = [...first.json.items, ...second.json.items].map((e: any) => e.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const bad = await call(service, "GET", "/api/v1/audit?cursor=nonsense!");
    expect([bad.status, bad.json.code]).toEqual([400, "invalid-cursor"]);
  });
});

describe(`listing and searching (${runtime})`, () => {
  it("filters artisans by district, GI tag and status, searches by name, and pages without gaps", async () => {
    const service = await makeTestService();
    const tag = unique("Zubeda");
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await makeArtisan(service, "own", { name: `${tag} ${i}` }));
    await makeArtisan(service, "other", { name: `${tag} elsewhere` });
    await call(service, "POST", `/api/v1/artisans/${ids[1]}/status`, { status: "suspended", reason: "r" });

    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res: any = await call(service, "GET", `/api/v1/artisans?q=${encodeURIComponent(tag)}&district=${VARANASI}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...res.json.items.map((a: any) => a.id));
      cursor = res.json.nextCursor;
    }
    expect(seen).toEqual(ids);
    const suspended = await call(service, "GET", `/api/v1/artisans?q=${encodeURIComponent(tag)}&status=suspended`);
    expect(suspended.json.items.map((a: any) => a.id)).toEqual([ids[1]]);
    const byGi = await call(service, "GET", `/api/v1/artisans?q=${encodeURIComponent(tag)}&giTag=3`);
    expect(byGi.json.items.map((a: any) => a.name)).toEqual([`${tag} elsewhere`]);
    const wildcard = await call(service, "GET", `/api/v1/artisans?q=${encodeURIComponent("%")}`);
    expect(wildcard.json.items).toEqual([]);
    const bad = await call(service, "GET", "/api/v1/artisans?status=retired");
    expect([bad.status, bad.json.code]).toEqual([400, "invalid-query"]);
  });

  it("lists certificates newest first, filtered and searchable by title", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own");
    const tag = unique("Brocade");
    const issued: string[] = [];
    for (let i = 0; i < 3; i++) {
      service.setNow(new Date(Date.UTC(2026, 2, 1, 10, i)));
      issued.push((await call(service, "POST", "/api/v1/certificates", { artisanId, title: `${tag} dupatta ${i}` })).json.id);
    }
    const page1 = await call(service, "GET", `/api/v1/certificates?q=${encodeURIComponent(tag)}&limit=2`);
    const page2 = await call(service, "GET", `/api/v1/certificates?q=${encodeURIComponent(tag)}&limit=2&cursor=${page1.json.nextCursor}`);
    expect([...page1.json.items, ...page2.json.items].map((c: any) => c.id)).toEqual(issued.reverse());
    expect(page2.json.nextCursor).toBeNull();
    const byDistrict = await call(service, "GET", `/api/v1/certificates?q=${encodeURIComponent(tag)}&district=${VARANASI}&giTag=2`);
    expect(byDistrict.json.items).toHaveLength(3);
  });
});

describe(`scoped listings page correctly (${runtime})`, () => {
  it("lets a district office page through all of its artisans' tokens, and only those", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own");
    const first = await makeToken(service, { role: "artisan", artisanId });
    const office = await makeToken(service, { role: "district", districtCode: VARANASI });
    const second = await makeToken(service, { role: "artisan", artisanId });
    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res: any = await call(service, "GET", `/api/v1/tokens?limit=1${cursor ? `&cursor=${cursor}` : ""}`, undefined, office.token);
      seen.push(...res.json.items.map((t: any) => t.id));
      cursor = res.json.nextCursor;
    }
    expect(seen).toContain(first.id);
    expect(seen).toContain(second.id);
    expect(seen).not.toContain(office.id);
  });

  it("applies an artisan's own filters to their single record", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own");
    const token = (await makeToken(service, { role: "artisan", artisanId })).token;
    expect((await call(service, "GET", "/api/v1/artisans", undefined, token)).json.items.map((a: any) => a.id)).toEqual([artisanId]);
    expect((await call(service, "GET", "/api/v1/artisans?status=suspended", undefined, token)).json.items).toEqual([]);
  });
});
