// Scans counted privately, the copy rules as a buyer meets them, an admin's clearing of a false
// alarm, and the first buyer's claim (docs/api.md "Scans", "Copied tags", "First buyer's claim").
// Counts are written after the answer: the tests flush the recorder where they need the counts.
import { makeTestService, runtime } from "@harness";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { BURST_MIN_SCANS } from "../../src/service/copy-rules.js";
import { CLAIM_TRIES } from "../../src/service/claims.js";
import { pruneScans } from "../../src/service/scans.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { unique } from "../support/principals.js";
import { TEST_START, type TestService } from "../support/harness.js";

const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);
const BUYER_IP = "203.0.113.77";
const BUYER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AsliScanTest/9.9";

async function setup(overrides: Record<string, unknown> = {}) {
  const service = await makeTestService();
  const artisan = await registerArtisan(service, { name: unique("Weaver") });
  const issued = await issueCertificate(service, artisan.id, overrides);
  return { service, issued: issued as typeof issued & { claimCode?: string } };
}

/** A buyer's scan through the API, from a country (the trusted proxy header of the tests). */
function scan(service: TestService, token: string, country?: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "user-agent": BUYER_AGENT, "x-forwarded-for": BUYER_IP, ...extra };
  if (country) headers["cf-ipcountry"] = country;
  return service.app.request(`/api/v1/verify/${token}`, { headers });
}

async function verdict(service: TestService, token: string) {
  await service.deps.scans.flush();
  const { status, json } = await call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
  await service.deps.scans.flush();
  return { status, json };
}

/** Every row of every table, as text: what a database dump would show. */
async function dumpDatabase(service: TestService): Promise<string> {
  const tables = await service.deps.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'`);
  const rows = [];
  for (const { name } of tables) rows.push(name, ...(await service.deps.db.all(sql.raw(`SELECT * FROM "${name}"`))));
  return JSON.stringify(rows);
}

describe(`scans counted privately (${runtime})`, () => {
  it("counts every verification of a registered certificate, page and API, and says so in JSON and on the page", async () => {
    const { service, issued } = await setup();
    expect((await verdict(service, issued.token)).json.scans).toEqual({ count: 0, firstAt: null, lastAt: null });
    service.setNow(at(10));
    expect((await scan(service, issued.token, "IN")).status).toBe(200);
    service.setNow(at(20));
    expect((await service.app.request(`/V/${issued.token}`, { headers: { "cf-ipcountry": "IN" } })).status).toBe(200);
    service.setNow(at(30));
    expect((await service.app.request(`/v/${issued.id}`)).status).toBe(200);
    service.setNow(at(40));
    const { json } = await verdict(service, issued.token);
    // The first check (at 0), the API, the page, the serial: four before this one.
    expect(json.scans).toEqual({ count: 4, firstAt: at(0).toISOString(), lastAt: at(30).toISOString() });
    const page = await (await service.app.request(`/V/${issued.token}`)).text();
    expect(page).toContain("Checked 5 times before, since 1\u00a0March\u00a02026.");
    const french = await (await service.app.request(`/V/${issued.token}?lang=fr`)).text();
    expect(french).toContain("1er\u00a0mars\u00a02026");

    await service.deps.scans.flush();
    const days = await service.deps.db.all<{ country: string; count: number }>(sql`SELECT country, count FROM scan_days WHERE certificate_id = ${issued.id} ORDER BY country`);
    expect(days).toEqual([
      { country: "", count: 5 },
      { country: "IN", count: 2 },
    ]);
  });

  it("counts no unknown token, no HEAD request and no link preview, and answers before it writes", async () => {
    const { service, issued } = await setup();
    await service.app.request(`/api/v1/verify/${issued.token}`, { method: "HEAD" });
    await scan(service, issued.token, undefined, { "user-agent": "WhatsApp/2.23.20.0 A" });
    await scan(service, issued.token, undefined, { "user-agent": "facebookexternalhit/1.1" });
    await service.app.request("/api/v1/verify/NOTATOKEN");
    // Written only at the flush: the answers above did not wait for a write.
    await scan(service, issued.token);
    expect(await service.deps.db.all(sql`SELECT * FROM certificate_scans WHERE certificate_id = ${issued.id}`)).toEqual([]);
    expect((await verdict(service, issued.token)).json.scans.count).toBe(1);
  });

  it("keeps daily counts 400 days: older days are pruned, the certificate's totals stay", async () => {
    const { service, issued } = await setup();
    await scan(service, issued.token, "IN");
    service.setNow(at(300 * 24 * 60));
    await scan(service, issued.token, "FR");
    await service.deps.scans.flush();
    const daysOf = () => service.deps.db.all<{ day: string }>(sql`SELECT day FROM scan_days WHERE certificate_id = ${issued.id} ORDER BY day`);
    await pruneScans(service.deps.db, at(400 * 24 * 60));
    expect(await daysOf()).toEqual([{ day: "2026-03-01" }, { day: "2026-12-26" }]);
    await pruneScans(service.deps.db, at(401 * 24 * 60));
    expect(await daysOf()).toEqual([{ day: "2026-12-26" }]);
    expect((await verdict(service, issued.token)).json.scans).toMatchObject({ count: 2, firstAt: TEST_START.toISOString() });
  });

  it("keeps no IP address, no user agent and no client identifier after a load of scans", async () => {
    const { service, issued } = await setup();
    const countries = ["IN", "AE", "FR", "JP", "US"];
    for (let i = 0; i < 60; i++) {
      service.setNow(at(i * 90));
      await scan(service, issued.token, countries[i % countries.length], { cookie: `client=${BUYER_IP}`, "cf-connecting-ip": BUYER_IP });
    }
    await service.deps.scans.flush();
    const dump = await dumpDatabase(service);
    expect(dump).toContain(issued.id);
    for (const secret of [BUYER_IP, "AsliScanTest", "Pixel 8", "Mozilla"]) expect(dump).not.toContain(secret);
    const columns = await service.deps.db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('scan_days') UNION ALL SELECT name FROM pragma_table_info('certificate_scans')`);
    for (const { name } of columns) expect(name).not.toMatch(/ip|agent|client|user/i);
  });
});

describe(`copied tags (${runtime})`, () => {
  it("rule impossible-travel: checks from two countries minutes apart, again and again, make the verdict suspected-copy", async () => {
    const { service, issued } = await setup();
    for (const [i, country] of ["IN", "AE", "IN", "AE"].entries()) {
      service.setNow(at(i * 5));
      await scan(service, issued.token, country);
    }
    const { status, json } = await verdict(service, issued.token);
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: "suspected-copy", suspicion: { rule: "impossible-travel", at: at(15).toISOString(), hops: 3 }, certificate: { id: issued.id } });
    expect(json.message).toMatch(/different countries/);
    const page = await (await service.app.request(`/V/${issued.token}`)).text();
    expect(page).toContain('data-status="suspected-copy"');
    expect(page).toContain("Possibly a copied tag");
    expect(page).toContain("Compare the item in your hand with this page: the description");
    expect(page).toContain("One item cannot travel that fast");
  });

  it("rule burst: far more checks in one day than one item gets", async () => {
    const { service, issued } = await setup();
    for (let i = 0; i < BURST_MIN_SCANS; i++) {
      service.setNow(at(i));
      await scan(service, issued.token);
    }
    const { json } = await verdict(service, issued.token);
    expect(json).toMatchObject({ status: "suspected-copy", suspicion: { rule: "burst", day: "2026-03-01", count: BURST_MIN_SCANS, usual: 0 } });
    const hindi = await (await service.app.request(`/V/${issued.token}?lang=hi`)).text();
    expect(hindi).toContain('data-status="suspected-copy"');
  });

  it("rule elsewhere-after-claim: after the first buyer's claim in India, checks from two other countries", async () => {
    const { service, issued } = await setup({ claimCode: true });
    const claimed = await claim(service, issued.token, issued.claimCode!, "IN");
    expect(claimed.status).toBe(200);
    service.setNow(at(24 * 60));
    await scan(service, issued.token, "IN");
    await scan(service, issued.token, "AE");
    expect((await verdict(service, issued.token)).json.status).toBe("genuine");
    service.setNow(at(48 * 60));
    await scan(service, issued.token, "US");
    const { json } = await verdict(service, issued.token);
    expect(json).toMatchObject({ status: "suspected-copy", suspicion: { rule: "elsewhere-after-claim", countries: 2 } });
  });

  it("an admin clears a false alarm with a note: genuine again, audited, and a second clear is refused", async () => {
    const { service, issued } = await setup();
    for (let i = 0; i < BURST_MIN_SCANS; i++) await scan(service, issued.token);
    expect((await verdict(service, issued.token)).json.status).toBe("suspected-copy");

    const noNote = await call(service, "POST", `/api/v1/certificates/${issued.id}/copy-suspicion/clear`, {});
    expect(noNote.status).toBe(400);
    service.setNow(at(60));
    const cleared = await call(service, "POST", `/api/v1/certificates/${issued.id}/copy-suspicion/clear`, { note: "demo tag at the Dilli Haat fair" });
    expect(cleared.status).toBe(200);
    expect(cleared.json).toMatchObject({ certificateId: issued.id, cleared: { rule: "burst", raisedAt: TEST_START.toISOString(), count: BURST_MIN_SCANS }, clearedAt: at(60).toISOString() });
    expect((await verdict(service, issued.token)).json.status).toBe("genuine");
    // The same day's scans were just judged: they do not raise it again.
    for (let i = 0; i < 5; i++) await scan(service, issued.token);
    expect((await verdict(service, issued.token)).json.status).toBe("genuine");

    const again = await call(service, "POST", `/api/v1/certificates/${issued.id}/copy-suspicion/clear`, { note: "again" });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("no-copy-suspicion");
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=certificate&subjectId=${issued.id}`);
    expect(audit.status).toBe(200);
    const entry = audit.json.items.find((e: { action: string }) => e.action === "certificate.copy-suspicion-clear");
    expect(entry).toMatchObject({ before: { rule: "burst" }, after: { note: "demo tag at the Dilli Haat fair" } });
  });
});

// The browser's form cookie and the token its page carried, kept as a browser keeps them.
const cookies = new WeakMap<TestService, string>();
const formTokens = new WeakMap<TestService, string>();

/** The claim form as a browser sends it: the page first (its form cookie and token), then the post from this origin. */
async function claim(service: TestService, token: string, code: string, country?: string) {
  const page = await service.app.request(`/V/${token}`);
  const html = await page.text();
  const formToken = /name="_form" value="([^"]+)"/.exec(html)?.[1] ?? formTokens.get(service);
  const set = page.headers.get("set-cookie")?.split(";")[0];
  if (set && formToken) {
    cookies.set(service, set);
    formTokens.set(service, formToken);
  }
  const cookie = cookies.get(service);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", origin: "https://asli.example" };
  if (cookie) headers.cookie = cookie;
  if (country) headers["cf-ipcountry"] = country;
  const body = new URLSearchParams({ _form: formToken ?? "", code }).toString();
  const formShown = /name="_form"/.test(html);
  headers["content-length"] = String(new TextEncoder().encode(body).length);
  const res = await service.app.request(`/v/${token}/claim`, { method: "POST", headers, body });
  return { status: res.status, html: await res.text(), formShown };
}

describe(`first buyer's claim (${runtime})`, () => {
  it("issues a code once, stores only its hash, and lets the first buyer claim the item on the verify page", async () => {
    const { service, issued } = await setup({ claimCode: true });
    expect(issued.claimCode).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(issued.verifyUrl).not.toContain(issued.claimCode!.replace("-", ""));
    expect((await verdict(service, issued.token)).json.claim).toEqual({ claimedAt: null });
    const dump = await dumpDatabase(service);
    expect(dump).not.toContain(issued.claimCode!.replace("-", ""));
    // Read again, the certificate never shows the code.
    expect(JSON.stringify((await call(service, "GET", `/api/v1/certificates/${issued.id}`)).json)).not.toContain(issued.claimCode!.slice(0, 5));

    service.setNow(at(30));
    const typed = ` ${issued.claimCode!.toLowerCase().replace("-", " ")} `;
    const claimed = await claim(service, issued.token, typed);
    expect(claimed.formShown).toBe(true);
    expect(claimed.status).toBe(200);
    expect(claimed.html).toContain("Thank you. The item is now recorded as claimed by its first buyer");
    expect((await verdict(service, issued.token)).json.claim).toEqual({ claimedAt: at(30).toISOString() });
    const page = await (await service.app.request(`/V/${issued.token}?lang=de`)).text();
    expect(page).toContain("data-claimed=");
    expect(page).not.toContain('name="code"');

    const second = await claim(service, issued.token, issued.claimCode!);
    expect(second.formShown).toBe(false);
    expect(second.status).toBe(409);
    const replaced = await call(service, "POST", `/api/v1/certificates/${issued.id}/claim-code`);
    expect(replaced.status).toBe(409);
    expect(replaced.json.code).toBe("already-claimed");
  });

  it("refuses a wrong code, a form from elsewhere, and more than the tries an hour allows", async () => {
    const { service, issued } = await setup({ claimCode: true });
    const code = issued.claimCode!.replace("-", "");
    const wrong = code.slice(0, 9) + (code[9] === "2" ? "3" : "2");
    const first = await claim(service, issued.token, wrong);
    expect(first.status).toBe(403);
    expect(first.html).toContain(`Tries left this hour: ${CLAIM_TRIES - 1}`);
    expect((await claim(service, issued.token, "not a code")).status).toBe(400);

    // Another site's page cannot post it: no form cookie, or another origin.
    const forgedBody = new URLSearchParams({ code }).toString();
    const forged = await service.app.request(`/v/${issued.token}/claim`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "content-length": String(forgedBody.length) },
      body: forgedBody,
    });
    expect(forged.status).toBe(403);
    expect((await verdict(service, issued.token)).json.claim.claimedAt).toBeNull();

    for (let i = 1; i < CLAIM_TRIES; i++) await claim(service, issued.token, wrong);
    const limited = await claim(service, issued.token, code);
    expect(limited.status).toBe(429);
    expect((await verdict(service, issued.token)).json.claim.claimedAt).toBeNull();
    service.setNow(at(61));
    expect((await claim(service, issued.token, code)).status).toBe(200);
  });

  it("replaces an unclaimed code: the old one stops working", async () => {
    const { service, issued } = await setup({ claimCode: true });
    const replaced = await call(service, "POST", `/api/v1/certificates/${issued.id}/claim-code`);
    expect(replaced.status).toBe(200);
    expect(replaced.json.claimCode).not.toBe(issued.claimCode);
    expect((await claim(service, issued.token, issued.claimCode!)).status).toBe(403);
    expect((await claim(service, issued.token, replaced.json.claimCode)).status).toBe(200);
  });

  it("has no form and no claim for a certificate issued without a code", async () => {
    const { service, issued } = await setup();
    expect((await verdict(service, issued.token)).json.claim).toBeUndefined();
    const answer = await claim(service, issued.token, "ABCDE-FGHJK");
    expect(answer.formShown).toBe(false);
    expect(answer.status).toBe(403);
  });
});
