// Reports of suspected fakes, on both runtimes: the public form (a plain POST with a signed,
// once-only ticket), its answers in the reader's language, the hourly limits that count reports
// and never their senders, the reporter's private status link, and the staff's API in scope.
import { makeTestService, runtime, type TestService } from "@harness";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../src/core/api-token.js";
import { REPORT_LIMITS } from "../../src/service/reports.js";
import { TEST_START } from "../support/harness.js";
import { makeArtisan, makeCertificate, makeToken } from "../support/principals.js";
import { call, issueCertificate, LUCKNOW, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";
import { ConsoleVisitor } from "../support/console.js";

const ORIGIN = "https://asli.example";
// What a browser sends and the service must not keep.
const USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) ReportTestAgent/77.1";
const CLIENT_IP = "203.0.113.77";

const FIELDS = { place: "Chowk market", city: "Varanasi", country: "IN", seller: "Shri Ram Silks", priceAmount: "4,500", priceCurrency: "INR" };

async function openForm(service: TestService, query = "") {
  const res = await service.app.request(`/report${query}`, { headers: { "user-agent": USER_AGENT, "x-forwarded-for": CLIENT_IP } });
  const html = await res.text();
  return { res, html, ticket: /name="_ticket" value="([^"]+)"/.exec(html)?.[1] ?? "" };
}

async function send(service: TestService, fields: Record<string, string>, options: { lang?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", "user-agent": USER_AGENT, "x-forwarded-for": CLIENT_IP, "cf-connecting-ip": CLIENT_IP };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  const body = new URLSearchParams(fields).toString();
  headers["content-length"] = String(new TextEncoder().encode(body).length);
  const res = await service.app.request(`/report?lang=${options.lang ?? "en"}`, { method: "POST", headers, body, redirect: "manual" });
  return { res, status: res.status, html: res.headers.get("content-type")?.includes("html") ? await res.text() : "" };
}

/** Opens the form for `serial` (or none) and sends it; the secret of the private link on success. */
async function report(service: TestService, serial: string | undefined, fields: Record<string, string> = {}, lang = "en") {
  const form = await openForm(service, serial ? `?serial=${serial}&lang=${lang}` : `?lang=${lang}`);
  const sent = await send(service, { _ticket: form.ticket, ...(serial ? { about: serial } : {}), ...FIELDS, ...fields }, { lang });
  const secret = /^\/report\/([a-z2-7]{32})\?sent&lang=/.exec(sent.res.headers.get("location") ?? "")?.[1];
  return { ...sent, secret };
}

async function certificateIn(service: TestService, scope: "own" | "other") {
  return makeCertificate(service, await makeArtisan(service, scope));
}

describe(`reports of suspected fakes (${runtime})`, () => {
  it("files a report about a certificate for its district office, keeps nothing about the sender, and gives a private link", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const form = await openForm(service, `?serial=${serial}`);
    expect(form.res.status).toBe(200);
    expect(form.res.headers.get("cache-control")).toBe("no-store");
    expect(form.html).toContain(`name="about" value="${serial}"`);
    expect(form.html).toMatch(/District Industries Centre, <bdi>Varanasi<\/bdi>/);

    const sent = await report(service, serial, { contact: "buyer@example.org", note: "The zari is\r\nplastic." });
    expect(sent.status).toBe(303);
    expect(sent.secret).toBeDefined();
    const page = await service.app.request(`/report/${sent.secret}?sent&lang=en`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Thank you: your report was sent");
    expect(html).toContain(`About certificate <span class="serial" dir="ltr">${serial}</span>`);
    expect(html).toContain('data-report-status="new"');

    // The secret is stored only as its hash; nothing of the sender's device or connection at all.
    const dump = await snapshot(service.deps.db);
    expect(dump).not.toContain(sent.secret);
    expect(dump).toContain(await hashApiToken(sent.secret!));
    for (const trace of [USER_AGENT, "ReportTestAgent", CLIENT_IP]) expect(dump).not.toContain(trace);

    const listed = await call(service, "GET", `/api/v1/reports?certificate=${serial}`);
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual([
      expect.objectContaining({ status: "new", certificateId: serial, districtCode: VARANASI, place: "Chowk market", price: { amount: "4500", currency: "INR" }, contact: "buyer@example.org", note: "The zari is plastic.", lang: "en" }),
    ]);
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=report&subjectId=${listed.json.items[0].id}`);
    expect(audit.json.items).toEqual([expect.objectContaining({ action: "report.create", actor: { role: "public", tokenId: null } })]);
    expect(JSON.stringify(audit.json)).not.toContain("buyer@example.org");
  });

  it("shows each report only to the registry and to the certificate's own district office", async () => {
    const service = await makeTestService();
    const own = await certificateIn(service, "own");
    const other = await certificateIn(service, "other");
    await report(service, own);
    await report(service, other);
    const unregistered = await report(service, undefined, { serial: "aaaa-bbbb-cccc-a" });
    expect(unregistered.status).toBe(303);
    const [varanasi, lucknow, exporter, artisan] = await Promise.all([
      makeToken(service, { role: "district", districtCode: VARANASI }),
      makeToken(service, { role: "district", districtCode: LUCKNOW }),
      makeToken(service, { role: "exporter" }),
      makeArtisan(service, "own").then((artisanId) => makeToken(service, { role: "artisan", artisanId })),
    ]);

    // On Workers the tests of a file share one database: each looks at its own reports.
    const mine = (items: any[]) => items.filter((r) => [own, other].includes(r.certificateId) || r.presentedSerial === "AAAABBBBCCCCA");
    const all = await call(service, "GET", "/api/v1/reports?limit=100");
    expect(mine(all.json.items).map((r: any) => [r.certificateId, r.presentedSerial, r.districtCode])).toEqual([
      [null, "AAAABBBBCCCCA", null],
      [other, null, LUCKNOW],
      [own, null, VARANASI],
    ]);
    const seen = await call(service, "GET", "/api/v1/reports?limit=100", undefined, varanasi.token);
    expect(mine(seen.json.items).map((r: any) => r.certificateId)).toEqual([own]);
    expect(seen.json.items.every((r: any) => r.districtCode === VARANASI)).toBe(true);
    expect((await call(service, "GET", `/api/v1/reports?district=${LUCKNOW}`, undefined, varanasi.token)).json.items).toEqual([]);
    const unassigned = (await call(service, "GET", "/api/v1/reports?district=none&limit=100")).json.items;
    expect(unassigned.map((r: any) => r.presentedSerial)).toContain("AAAABBBBCCCCA");
    expect(unassigned.every((r: any) => r.districtCode === null && r.certificateId === null)).toBe(true);
    const lucknowId = mine(all.json.items)[1].id;
    expect((await call(service, "GET", `/api/v1/reports/${lucknowId}`, undefined, varanasi.token)).status).toBe(404);
    expect((await call(service, "GET", `/api/v1/reports/${lucknowId}`, undefined, lucknow.token)).json.certificateId).toBe(other);
    for (const token of [exporter.token, artisan.token]) {
      const refused = await call(service, "GET", "/api/v1/reports", undefined, token);
      expect([refused.status, refused.json.code]).toEqual([403, "role-not-allowed"]);
    }
    expect((await call(service, "GET", "/api/v1/reports", undefined, null)).status).toBe(401);
    expect((await call(service, "GET", "/api/v1/reports?status=open")).status).toBe(400);
  });

  it("moves a report from new to investigating to closed, and the reporter reads the outcome and message", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const { secret } = await report(service, serial, {}, "fr");
    const office = await makeToken(service, { role: "district", districtCode: VARANASI });
    const [{ id }] = (await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items;

    const investigating = await call(service, "PATCH", `/api/v1/reports/${id}`, { status: "investigating" }, office.token);
    expect([investigating.status, investigating.json.status, investigating.json.outcome]).toEqual([200, "investigating", null]);
    const again = await call(service, "PATCH", `/api/v1/reports/${id}`, { status: "investigating" }, office.token);
    expect([again.status, again.json.code]).toEqual([409, "status-unchanged"]);
    const noOutcome = await call(service, "PATCH", `/api/v1/reports/${id}`, { status: "closed" }, office.token);
    expect([noOutcome.status, noOutcome.json.code]).toEqual([400, "validation-failed"]);
    const early = await call(service, "PATCH", `/api/v1/reports/${id}`, { status: "investigating", outcome: "genuine" }, office.token);
    expect(early.status).toBe(400);

    service.setNow(new Date(TEST_START.getTime() + 86_400_000));
    const message = "Merci. La boutique vendait des copies ; le centre a agi.";
    const closed = await call(service, "PATCH", `/api/v1/reports/${id}`, { status: "closed", outcome: "confirmed-fake", message }, office.token);
    expect(closed.json).toMatchObject({ status: "closed", outcome: "confirmed-fake", message, closedAt: "2026-03-02T10:00:00.000Z" });

    const page = await (await service.app.request(`/report/${secret}`)).text();
    expect(page).toContain('<html lang="fr"');
    expect(page).toContain('data-report-status="closed"');
    expect(page).toContain("Le bureau a établi que l’objet n’est pas authentique et prend des mesures.");
    expect(page).toContain(message);
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=report&subjectId=${id}`);
    expect(audit.json.items.map((e: any) => e.action).sort()).toEqual(["report.close", "report.create", "report.investigate"]);
  });

  it("erases the reporter's contact 30 days after the report was closed", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    await report(service, serial, { contact: "+91 98765 43210" });
    const [{ id }] = (await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items;
    await call(service, "PATCH", `/api/v1/reports/${id}`, { status: "closed", outcome: "genuine" });
    service.setNow(new Date(TEST_START.getTime() + 29 * 86_400_000));
    await report(service, serial);
    expect((await call(service, "GET", `/api/v1/reports/${id}`)).json.contact).toBe("+91 98765 43210");
    service.setNow(new Date(TEST_START.getTime() + 31 * 86_400_000));
    await report(service, serial);
    expect((await call(service, "GET", `/api/v1/reports/${id}`)).json.contact).toBeNull();
    expect(await snapshot(service.deps.db)).not.toContain("98765");
  });

  it("answers bad fields with the form again, each message beside its field, in the reader's language, storing nothing", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const form = await openForm(service, `?serial=${serial}&lang=fr`);
    const bad = await send(service, { _ticket: form.ticket, about: serial, ...FIELDS, city: "", priceAmount: "beaucoup", contact: "not a contact", priceCurrency: "XXX" }, { lang: "fr" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<html lang="fr"');
    expect(bad.html).toContain('id="r-city-error">Veuillez remplir ce champ.');
    expect(bad.html).toContain("Saisissez le montant en chiffres");
    expect(bad.html).toContain("Saisissez une adresse e-mail ou un numéro de téléphone");
    expect(bad.html).toContain('id="r-priceCurrency-error"');
    expect(bad.html).toContain('value="beaucoup"');
    // The ticket was not spent: the same form, corrected, goes through.
    const fixed = await send(service, { _ticket: form.ticket, about: serial, ...FIELDS }, { lang: "fr" });
    expect(fixed.status).toBe(303);
    expect((await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items).toHaveLength(1);

    const noTag = await openForm(service, "?lang=de");
    const wrongSerial = await send(service, { _ticket: noTag.ticket, ...FIELDS, serial: "ABC" }, { lang: "de" });
    expect(wrongSerial.status).toBe(422);
    expect(wrongSerial.html).toContain("Das ist keine Zertifikatsnummer");
  });

  it("refuses a ticket used twice, altered, bound to another certificate, too old, or sent from another site", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const other = await certificateIn(service, "other");
    const form = await openForm(service, `?serial=${serial}`);
    const fields = { _ticket: form.ticket, about: serial, ...FIELDS };
    expect((await send(service, fields)).status).toBe(303);
    const twice = await send(service, fields);
    expect(twice.status).toBe(409);
    expect(twice.html).toContain("This report was already sent");

    const fresh = await openForm(service, `?serial=${serial}`);
    const altered = fresh.ticket.slice(0, -2) + (fresh.ticket.endsWith("AA") ? "BA" : "AA");
    for (const attempt of [{ ...fields, _ticket: altered }, { ...fields, _ticket: fresh.ticket, about: other }, { ...FIELDS, about: serial }]) {
      const refused = await send(service, attempt);
      expect(refused.status).toBe(403);
      expect(refused.html).toContain("This form was open for too long");
    }
    service.setNow(new Date(TEST_START.getTime() + 2 * 3600_000 + 61_000));
    expect((await send(service, { ...fields, _ticket: fresh.ticket })).status).toBe(403);

    const crossSite = await send(service, { ...fields, _ticket: fresh.ticket }, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.html).toContain("This form was sent from another website");
    expect((await send(service, { ...fields, _ticket: fresh.ticket }, { origin: null })).status).toBe(403);
    expect((await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items).toHaveLength(1);
  });

  it("takes at most the hourly number of reports about one certificate, counting reports and never their senders", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const other = await certificateIn(service, "own");
    for (let i = 0; i < REPORT_LIMITS.perCertificate; i++) expect((await report(service, serial)).status).toBe(303);
    const refused = await report(service, serial);
    expect(refused.status).toBe(429);
    expect(refused.res.headers.get("retry-after")).toBe("3600");
    expect(refused.html).toContain("Several reports about this certificate have arrived in the last hour");
    // Another certificate is not held up, and the next hour takes reports again.
    expect((await report(service, other)).status).toBe(303);
    service.setNow(new Date(TEST_START.getTime() + 3600_000));
    expect((await report(service, serial)).status).toBe(303);
    const count = (await call(service, "GET", `/api/v1/reports?certificate=${serial}&limit=100`)).json.items.length;
    expect(count).toBe(REPORT_LIMITS.perCertificate + 1);
  });

  it("answers any form body with a page and a 4xx or the redirect, never a 5xx", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const { ticket } = await openForm(service, `?serial=${serial}`);
    const value = fc.oneof(fc.string({ maxLength: 150 }), fc.constantFrom("IN", "INR", "1500", "", "=1+1", "\u0000", serial, ticket, "x".repeat(5000)));
    const name = fc.constantFrom("_ticket", "about", "serial", "place", "city", "country", "seller", "priceAmount", "priceCurrency", "contact", "note", "other");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 14 }), fc.boolean(), async (pairs, complete) => {
        const fields = new URLSearchParams(complete ? { _ticket: ticket, about: serial, ...FIELDS } : {});
        for (const [k, v] of pairs) fields.append(k, v);
        const body = fields.toString();
        const res = await service.app.request("/report", { method: "POST", headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) }, body, redirect: "manual" });
        expect([303, 403, 409, 413, 422, 429], body.slice(0, 200)).toContain(res.status);
        if (res.status !== 303) expect(res.headers.get("content-type")).toContain("text/html");
      }),
      { numRuns: 60 },
    );
  });

  it("opens no report for an unknown or malformed private link, with a page in the reader's language", async () => {
    const service = await makeTestService();
    for (const path of ["/report/abcdefghijklmnopqrstuvwxyz234567", "/report/short", "/report/%00%ff"]) {
      const res = await service.app.request(path, { headers: { "accept-language": "hi" } });
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain("इस लिंक से कोई शिकायत नहीं खुलती");
    }
  });
});

describe(`the verify page around reports (${runtime})`, () => {
  it("links each verdict to the report form, marks English registry names in other languages, and flags a withdrawn GI at the top", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own");
    const { id, token } = await issueCertificate(service, artisanId);
    const en = await (await service.app.request(`/V/${token}?lang=en`)).text();
    expect(en).toContain(`href="/report?serial=${id}"`);
    expect(en).toContain("Varanasi</bdi>, Uttar Pradesh");
    expect(en).not.toContain('lang="en">Varanasi');
    const hi = await (await service.app.request(`/V/${token}?lang=hi`)).text();
    expect(hi).toContain('<bdi lang="en">Varanasi</bdi>');
    expect(hi).toContain('<bdi lang="en">Banarasi Silk Saree</bdi>');
    expect(hi).toContain("नकली होने की शिकायत करें");
    // The key id's label is one message: French sets a no-break space before its colon.
    const fr = await (await service.app.request(`/V/${token}?lang=fr`)).text();
    expect(fr).toContain("Clé de signature\u00a0: <code data-kid");
    expect(fr).not.toContain("data-gi-withdrawn");

    const withdrawn = await call(service, "POST", `/api/v1/artisans/${artisanId}/gi-authorisation`, { action: "withdraw", reason: "membership lapsed" });
    expect(withdrawn.status).toBe(200);
    const after = await (await service.app.request(`/V/${token}?lang=en`)).text();
    const verdict = after.slice(after.indexOf('<section class="verdict'), after.indexOf("</section>", after.indexOf('<section class="verdict')));
    expect(verdict).toMatch(/<p class="flag">Its GI tag, “<bdi>[^<]+<\/bdi>”, is no longer confirmed: see “<a href="#place">Where it comes from<\/a>” below.<\/p>/);
  });

  it("gives the invalid verdict its advice once, and a report link for a typed number that names no certificate", async () => {
    const service = await makeTestService();
    const page = await (await service.app.request("/v?serial=aaaa-bbbb-cccc-a&lang=en")).text();
    expect(page).toContain('href="/report?serial=AAAABBBBCCCCA"');
    const bad = await (await service.app.request("/V/NOTATOKEN?lang=en")).text();
    expect(bad.match(/original tag/g)).toHaveLength(1);
    expect(bad).toContain('href="/report"');
  });
});

describe(`reports in the console (${runtime})`, () => {
  async function staff(service: TestService, body: Record<string, unknown>) {
    const invited = await call(service, "POST", "/api/v1/invitations", { name: `Staff ${Math.random()}`, ...body });
    const visitor = new ConsoleVisitor(service);
    expect((await visitor.enrol(invited.json.url)).status).toBe(200);
    return visitor;
  }

  it("lists a district's reports for its office, and the office closes one with a message the reporter reads", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    const { secret } = await report(service, serial, { contact: "buyer@example.org" }, "hi");
    const [{ id }] = (await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items;
    const varanasi = await staff(service, { role: "district", districtCode: VARANASI });

    const list = await varanasi.request("GET", "/console/reports?status=new&lang=en");
    expect(list.status).toBe(200);
    expect(list.text).toContain('href="/console/reports"');
    expect(list.text).toContain(`<li data-report="${id}" data-status="new">`);
    const one = await varanasi.request("GET", `/console/reports/${id}`);
    expect(one.text).toContain("buyer@example.org");
    expect(one.text).toContain("Hindi");

    const noOutcome = await varanasi.post(`/console/reports/${id}`, { status: "closed" });
    expect(noOutcome.status).toBe(422);
    expect(noOutcome.text).toContain('id="f-outcome-error"');
    const closed = await varanasi.post(`/console/reports/${id}`, { status: "closed", outcome: "genuine", message: "यह असली है।" });
    expect([closed.status, closed.res.headers.get("location")]).toEqual([303, `/console/reports/${id}?changed`]);
    const again = await varanasi.post(`/console/reports/${id}`, { status: "closed", outcome: "genuine" });
    expect(again.status).toBe(409);
    expect(again.text).toContain("It already has this status.");

    const page = await (await service.app.request(`/report/${secret}`)).text();
    expect(page).toContain("कार्यालय ने पाया कि यह वस्तु असली है।");
    expect(page).toContain("यह असली है।");
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=report&subjectId=${id}`);
    expect(audit.json.items.find((e: any) => e.action === "report.close").actor).toMatchObject({ role: "district", personId: expect.any(Number) });
  });

  it("counts the new reports in the office's scope on the console home, linking to them", async () => {
    const service = await makeTestService();
    const varanasi = await staff(service, { role: "district", districtCode: VARANASI });
    const lucknow = await staff(service, { role: "district", districtCode: LUCKNOW });
    const exporter = await staff(service, { role: "exporter" });
    // On Workers the tests of a file share one database: counts are compared with their start.
    const count = async (visitor: ConsoleVisitor) => {
      const home = await visitor.request("GET", "/console?lang=en");
      expect(home.text).toContain('data-block="new-reports"');
      const shown = /data-new-reports="(\d+)">New reports, not yet looked at: ([\d,]+)<\/strong> <a href="\/console\/reports\?status=new">/.exec(home.text);
      if (!shown) expect(home.text).toContain("No new reports: every report has been looked at.");
      return shown ? Number(shown[1]) : 0;
    };
    const [ownBefore, otherBefore] = [await count(varanasi), await count(lucknow)];
    const first = await certificateIn(service, "own");
    await report(service, first);
    await report(service, await certificateIn(service, "own"));
    expect([await count(varanasi), await count(lucknow)]).toEqual([ownBefore + 2, otherBefore]);

    const [{ id }] = (await call(service, "GET", `/api/v1/reports?certificate=${first}`)).json.items;
    expect((await varanasi.post(`/console/reports/${id}`, { status: "investigating" })).status).toBe(303);
    expect(await count(varanasi)).toBe(ownBefore + 1);
    const listed = await varanasi.request("GET", "/console/reports?status=new");
    expect(listed.text).not.toContain(`data-report="${id}"`);
    // Roles that handle no reports get no block.
    expect((await exporter.request("GET", "/console")).text).not.toContain('data-block="new-reports"');
    const hindi = await varanasi.request("GET", "/console?lang=hi");
    expect(hindi.text).toContain(`अभी तक न देखी गई नई शिकायतें: ${ownBefore + 1}`);
  });

  it("keeps other offices and roles out", async () => {
    const service = await makeTestService();
    const serial = await certificateIn(service, "own");
    await report(service, serial);
    const [{ id }] = (await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items;
    const lucknow = await staff(service, { role: "district", districtCode: LUCKNOW });
    expect((await lucknow.request("GET", `/console/reports/${id}`)).status).toBe(404);
    expect((await lucknow.post(`/console/reports/${id}`, { status: "investigating" })).status).toBe(404);
    expect((await lucknow.request("GET", "/console/reports")).text).not.toContain(`data-report="${id}"`);
    const exporter = await staff(service, { role: "exporter" });
    const refused = await exporter.request("GET", "/console/reports");
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('href="/console/reports"');
    expect((await new ConsoleVisitor(service).request("GET", "/console/reports")).status).toBe(303);
  });
});

