// The console's sign-in links, passkeys and sessions, on both runtimes, through the app itself:
// a software authenticator answers the WebAuthn ceremonies (test/support/authenticator.ts), the
// server verifies them for real. The browser flow is test/node/console-browser.test.ts.
import { makeTestService, runtime, TEST_START, type TestService } from "@harness";
import { describe, expect, it } from "vitest";
import { passkeys, people, sessions } from "../../db/schema.js";
import { hashApiToken } from "../../src/core/api-token.js";
import { createApp } from "../../src/http/app.js";
import { ConsoleVisitor, SESSION_COOKIE } from "../support/console.js";
import { makeArtisan, makeToken, unique } from "../support/principals.js";
import { call, LUCKNOW, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";

const HOUR = 3600_000;
const at = (ms: number) => new Date(TEST_START.getTime() + ms);

async function invite(service: TestService, body: Record<string, unknown>, token?: string) {
  const res = await call(service, "POST", "/api/v1/invitations", { name: unique("Person"), ...body }, token);
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: number; name: string; url: string };
}

/** A person invited by the registry and signed in through their link. */
async function enrolled(service: TestService, body: Record<string, unknown> = { role: "district", districtCode: VARANASI }) {
  const invitation = await invite(service, body);
  const visitor = new ConsoleVisitor(service);
  const answer = await visitor.enrol(invitation.url);
  if (answer.status !== 200) throw new Error(`enrolment failed: ${answer.status} ${answer.text}`);
  return { visitor, invitation };
}

const isHome = (text: string) => text.includes('data-block="recent-certificates"');
const isSignIn = (text: string) => text.includes('data-passkey="sign-in"');

describe(`console sign-in links and sessions (${runtime})`, () => {
  it("enrols from a link, then signs out and in again with the passkey; the cookie is __Host-, HttpOnly, Secure, Lax", async () => {
    const service = await makeTestService();
    const invitation = await invite(service, { role: "district", districtCode: VARANASI });
    const visitor = new ConsoleVisitor(service);

    const page = await visitor.request("GET", new URL(invitation.url).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(invitation.name);
    expect(page.text).toContain("District office staff, Varanasi");
    expect(page.res.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(page.res.headers.get("cache-control")).toBe("no-store");

    const answer = await visitor.enrol(invitation.url, "office phone");
    expect([answer.status, answer.json]).toEqual([200, { redirect: "/console" }]);
    const cookie = visitor.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/Max-Age=604800/);

    // Stored hashed: the database holds the digest, never the cookie's secret.
    const secret = visitor.cookies.get(SESSION_COOKIE)!;
    const dump = await snapshot(service.deps.db);
    expect(dump).not.toContain(secret);
    expect(dump).toContain(await hashApiToken(secret));
    expect(dump).not.toContain(new URL(invitation.url).pathname.split("/").pop());

    const home = await visitor.request("GET", "/console");
    expect(isHome(home.text)).toBe(true);
    expect(home.text).toContain(invitation.name);

    const signOut = await visitor.post("/console/sign-out");
    expect([signOut.status, signOut.res.headers.get("location")]).toEqual([303, "/console?signed-out"]);
    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(false);
    // The old cookie, had anyone kept it, no longer works.
    const replay = new ConsoleVisitor(service);
    replay.cookies.set(SESSION_COOKIE, secret);
    expect(isSignIn((await replay.request("GET", "/console")).text)).toBe(true);

    const signIn = await visitor.signIn();
    expect([signIn.status, signIn.json]).toEqual([200, { redirect: "/console" }]);
    expect(isHome((await visitor.request("GET", "/console")).text)).toBe(true);

    const audit = await call(service, "GET", `/api/v1/audit?subjectType=person&limit=10`);
    const actions = audit.json.items.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["session.start", "session.end", "passkey.add", "person.create"]));
    const personId = audit.json.items.find((e: any) => e.action === "person.create").subject.id;
    for (const entry of audit.json.items.filter((e: any) => e.subject.id === personId)) {
      expect(entry.actor, entry.action).toEqual({ role: "district", tokenId: null, personId: Number(personId) });
    }
  });

  it("ends a session after 12 idle hours and 7 days after sign-in, however busy", async () => {
    const service = await makeTestService();
    const { visitor } = await enrolled(service);
    service.setNow(at(11 * HOUR));
    expect(isHome((await visitor.request("GET", "/console")).text)).toBe(true);
    service.setNow(at(22 * HOUR)); // 11 hours after the last request
    expect(isHome((await visitor.request("GET", "/console")).text)).toBe(true);
    service.setNow(at(34 * HOUR + 1000)); // 12 hours and a second after it
    const idle = await visitor.request("GET", "/console/people");
    expect([idle.status, idle.res.headers.get("location")]).toEqual([303, "/console?ended"]);

    const busy = (await enrolled(service)).visitor;
    const start = 35 * HOUR;
    service.setNow(at(start));
    await busy.signIn();
    for (let h = 10; h < 7 * 24; h += 10) {
      service.setNow(at(start + h * HOUR));
      expect(isHome((await busy.request("GET", "/console")).text), `after ${h} hours`).toBe(true);
    }
    service.setNow(at(start + 7 * 24 * HOUR));
    expect(isSignIn((await busy.request("GET", "/console")).text)).toBe(true);
  });

  it("answers a used, expired, withdrawn or unknown link with a clear page in the reader's language", async () => {
    const service = await makeTestService();
    const { visitor, invitation } = await enrolled(service);
    const path = new URL(invitation.url).pathname;

    const reused = await new ConsoleVisitor(service).enrol(invitation.url);
    expect([reused.status, reused.json.code]).toEqual([410, "invitation-used"]);
    const used = await visitor.request("GET", path);
    expect(used.status).toBe(410);
    expect(used.text).toContain("This sign-in link has been used");
    const usedHindi = await new ConsoleVisitor(service).request("GET", path, { headers: { "accept-language": "hi-IN,hi;q=0.9" } });
    expect(usedHindi.text).toContain("यह साइन-इन लिंक इस्तेमाल हो चुका है");
    expect(usedHindi.text).toContain('<html lang="hi"');

    const expiring = await invite(service, { role: "district", districtCode: VARANASI });
    service.setNow(at(72 * HOUR - 1000));
    expect((await new ConsoleVisitor(service).request("GET", new URL(expiring.url).pathname)).status).toBe(200);
    service.setNow(at(72 * HOUR));
    const expired = await new ConsoleVisitor(service).request("GET", new URL(expiring.url).pathname);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("This sign-in link has expired");
    expect((await new ConsoleVisitor(service).enrol(expiring.url)).json.code).toBe("invitation-expired");

    const withdrawn = await invite(service, { role: "district", districtCode: VARANASI });
    expect((await call(service, "POST", `/api/v1/invitations/${withdrawn.id}/withdraw`)).json.state).toBe("withdrawn");
    const gone = await new ConsoleVisitor(service).request("GET", new URL(withdrawn.url).pathname);
    expect([gone.status, gone.text.includes("This sign-in link was withdrawn")]).toEqual([410, true]);

    for (const bogus of ["/console/join/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "/console/join/not-a-secret"]) {
      const unknown = await new ConsoleVisitor(service).request("GET", bogus);
      expect([unknown.status, unknown.text.includes("This sign-in link is not valid")], bogus).toEqual([404, true]);
    }
  });

  it("takes the link's lifetime from INVITATION_TTL_HOURS", async () => {
    const base = await makeTestService();
    const service: TestService = { ...base, app: createApp({ ...base.deps, invitationTtlHours: 2 }) };
    const invitation = await invite(service, { role: "district", districtCode: VARANASI });
    expect(invitation).toMatchObject({ expiresAt: "2026-03-01T12:00:00.000Z" });
  });

  it("refuses a cross-origin POST with 403 and writes nothing, even with a valid session and token", async () => {
    const service = await makeTestService();
    const { visitor } = await enrolled(service);
    const csrf = await visitor.csrf();
    // Make the idle clock due for a write, so that a refused request that touched it would show.
    service.setNow(at(HOUR));
    const form = { _csrf: csrf, name: "Forged", role: "district" };
    const before = await snapshot(service.deps.db);
    for (const [what, headers, origin] of [
      ["another origin", {}, "https://evil.example"],
      ["Origin: null and a cross-site fetch", { "sec-fetch-site": "cross-site" }, "null"],
      ["no Origin and no Sec-Fetch-Site", {}, null],
      ["a sibling subdomain", { "sec-fetch-site": "same-site" }, "https://sub.asli.example"],
    ] as const) {
      const refused = await visitor.request("POST", "/console/people/invitations", { form, headers, origin });
      expect(refused.status, what).toBe(403);
      expect(refused.text, what).toContain("This request came from another website, so it was refused.");
    }
    const json = await visitor.request("POST", "/console/sign-in/options", { json: {}, origin: "https://evil.example" });
    expect([json.status, json.json.code]).toEqual([403, "cross-site"]);
    // Same origin, but the form lacks the session's token (or carries another session's).
    const other = await enrolled(service);
    const otherToken = await other.visitor.csrf();
    const afterOther = await snapshot(service.deps.db);
    for (const token of [undefined, otherToken, "0".repeat(64)]) {
      const refused = await visitor.request("POST", "/console/people/invitations", { form: { ...form, ...(token ? { _csrf: token } : { _csrf: "" }) } });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain("This form is out of date or did not come from your console page.");
    }
    expect(await snapshot(service.deps.db)).toBe(afterOther);
    expect(before).not.toBe(afterOther); // the second enrolment did write
    const accepted = await visitor.request("POST", "/console/people/invitations", { form: { ...form, role: "district" } });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain("Sign-in link for Forged");
  });

  it("takes every challenge once, and refuses an answer made for another origin", async () => {
    const service = await makeTestService();
    const invitation = await invite(service, { role: "district", districtCode: VARANASI });
    const visitor = new ConsoleVisitor(service);
    const path = new URL(invitation.url).pathname;
    const options = (await visitor.request("POST", `${path}/options`, { json: {} })).json;
    expect(options).toMatchObject({ rp: { id: "asli.example" }, authenticatorSelection: { residentKey: "required", userVerification: "preferred" } });

    const { db } = service.deps;
    const counts = async () => [(await db.select().from(people)).length, (await db.select().from(passkeys)).length, (await db.select().from(sessions)).length];
    const before = await counts();
    const phished = await visitor.authenticator.register(options, { origin: "https://asli-example.phish" });
    expect((await visitor.request("POST", path, { json: { response: phished } })).json.code).toBe("passkey-invalid");
    // The challenge was spent on that answer: the right answer to it now comes too late.
    const honest = await visitor.authenticator.register(options);
    expect((await visitor.request("POST", path, { json: { response: honest } })).json.code).toBe("challenge-invalid");
    const unissued = await visitor.authenticator.register(options, { challenge: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect((await visitor.request("POST", path, { json: { response: unissued } })).json.code).toBe("challenge-invalid");
    expect(await counts()).toEqual(before);

    expect((await visitor.enrol(invitation.url)).status).toBe(200);
    const signInOptions = (await visitor.request("POST", "/console/sign-in/options", { json: {} })).json;
    const stored = visitor.authenticator.credentialIds.at(-1); // the earlier ones were refused
    const assertion = await visitor.authenticator.authenticate(signInOptions, stored);
    expect((await visitor.request("POST", "/console/sign-in", { json: { response: assertion } })).status).toBe(200);
    expect((await visitor.request("POST", "/console/sign-in", { json: { response: assertion } })).json.code).toBe("challenge-invalid");
    service.setNow(at(5 * 60_000 + 1000));
    const late = (await visitor.request("POST", "/console/sign-in/options", { json: {} })).json;
    service.setNow(at(10 * 60_000 + 2000));
    const stale = await visitor.authenticator.authenticate(late, stored);
    expect((await visitor.request("POST", "/console/sign-in", { json: { response: stale } })).json.code).toBe("challenge-invalid");
  });

  it("ends a revoked person's sessions at once and refuses their passkey", async () => {
    const service = await makeTestService();
    const office = await enrolled(service);
    const colleague = await invite(service, { role: "district", districtCode: VARANASI });
    const them = new ConsoleVisitor(service);
    expect((await them.enrol(colleague.url)).status).toBe(200);
    expect(isHome((await them.request("GET", "/console")).text)).toBe(true);

    const people = await office.visitor.request("GET", "/console/people");
    const id = new RegExp(`data-person="(\\d+)" data-active="true">\\s*<strong>${colleague.name}`).exec(people.text)?.[1];
    expect(id).toBeDefined();
    const revoked = await office.visitor.post(`/console/people/${id}/revoke`);
    expect([revoked.status, revoked.res.headers.get("location")]).toEqual([303, `/console/people?revoked=${id}`]);
    const notice = await office.visitor.request("GET", `/console/people?revoked=${id}`);
    expect(notice.text).toContain(`The access of ${colleague.name} was revoked`);

    const after = await them.request("GET", "/console/passkeys");
    expect(after.status).toBe(303);
    const again = await them.signIn();
    expect([again.status, again.json.code]).toEqual([403, "access-revoked"]);
    // Nobody revokes themselves by accident: no button for it, and the service refuses.
    const officeId = (await call(service, "GET", "/api/v1/people")).json.items.find((p: any) => p.name === office.invitation.name).id;
    expect(notice.text).toContain(`data-person="${officeId}"`);
    expect(notice.text).not.toContain(`/console/people/${officeId}/revoke`);
    const selfRevoke = await office.visitor.post(`/console/people/${officeId}/revoke`);
    expect(selfRevoke.status).toBe(409);
    expect(selfRevoke.text).toContain("You cannot revoke your own access");
  });

  it("shows a district office only its own district's people, and refuses their revocation", async () => {
    const service = await makeTestService();
    const varanasi = await enrolled(service);
    const lucknowName = unique("Lucknow officer");
    const lucknow = await invite(service, { name: lucknowName, role: "district", districtCode: LUCKNOW });
    expect((await new ConsoleVisitor(service).enrol(lucknow.url)).status).toBe(200);
    const lucknowArtisan = await invite(service, { role: "artisan", artisanId: await makeArtisan(service, "other") });

    const page = await varanasi.visitor.request("GET", "/console/people");
    expect(page.status).toBe(200);
    expect(page.text).toContain(varanasi.invitation.name);
    expect(page.text).not.toContain(lucknowName);
    expect(page.text).not.toContain(lucknowArtisan.name);
    expect(page.text).not.toContain("Lucknow");

    const lucknowId = (await call(service, "GET", "/api/v1/people")).json.items.find((p: any) => p.name === lucknowName).id;
    const before = await snapshot(service.deps.db);
    const refused = await varanasi.visitor.post(`/console/people/${lucknowId}/revoke`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("That is outside your scope");
    expect((await varanasi.visitor.post(`/console/invitations/${lucknowArtisan.id}/withdraw`)).status).toBe(403);
    expect(await snapshot(service.deps.db)).toBe(before);

    const token = await makeToken(service, { role: "district", districtCode: VARANASI });
    const listed = await call(service, "GET", "/api/v1/people", undefined, token.token);
    expect(listed.json.items.map((p: any) => p.name)).not.toContain(lucknowName);
  });

  it("adds a passkey from a session, and removes the last one only after a warning", async () => {
    const service = await makeTestService();
    const { visitor } = await enrolled(service);
    const csrf = await visitor.csrf();
    const options = await visitor.request("POST", "/console/passkeys/options", { json: {}, headers: { "x-csrf-token": csrf } });
    expect(options.status).toBe(200);
    expect(options.json.excludeCredentials).toHaveLength(1);
    const second = await visitor.authenticator.register(options.json);
    const refused = await visitor.request("POST", "/console/passkeys", { json: { response: second, label: "=HYPERLINK()" }, headers: { "x-csrf-token": csrf } });
    expect([refused.status, refused.json.detail]).toEqual([400, "Do not start with = + - @ or a tab."]);
    const noToken = await visitor.request("POST", "/console/passkeys", { json: { response: second } });
    expect([noToken.status, noToken.json.code]).toEqual([403, "form-expired"]);
    const again = await visitor.request("POST", "/console/passkeys/options", { json: {}, headers: { "x-csrf-token": csrf } });
    const added = await visitor.request("POST", "/console/passkeys", { json: { response: await visitor.authenticator.register(again.json), label: "tablet" }, headers: { "x-csrf-token": csrf } });
    expect([added.status, added.json]).toEqual([200, { redirect: "/console/passkeys?added" }]);

    const [first, , tablet] = visitor.authenticator.credentialIds;
    const list = await visitor.request("GET", "/console/passkeys?added");
    expect(list.text).toContain("Passkey added.");
    expect(list.text).toContain("tablet");
    expect(list.text.match(/data-passkey-id=/g)).toHaveLength(2);

    expect((await visitor.post(`/console/passkeys/${encodeURIComponent(first!)}/remove`)).status).toBe(303);
    const warning = await visitor.post(`/console/passkeys/${encodeURIComponent(tablet!)}/remove`);
    expect(warning.status).toBe(200);
    expect(warning.text).toContain("Remove your last passkey?");
    expect((await visitor.request("GET", "/console/passkeys")).text).toContain("tablet");
    expect((await visitor.signIn(first)).json.code).toBe("passkey-unknown");
    expect((await visitor.post(`/console/passkeys/${encodeURIComponent(tablet!)}/remove`, { confirm: "last" })).status).toBe(303);
    expect((await visitor.signIn(tablet)).json.code).toBe("passkey-unknown");
    const audit = await call(service, "GET", "/api/v1/audit?action=passkey.remove");
    expect(audit.json.items.map((e: any) => e.after.last)).toEqual([true, false]);
  });

  it("checks the invite form with the API's schema and puts each error beside its field, in the reader's language", async () => {
    const service = await makeTestService();
    const { visitor } = await enrolled(service);
    const before = await snapshot(service.deps.db);
    const empty = await visitor.post("/console/people/invitations", { name: " ", role: "" });
    expect(empty.status).toBe(422);
    expect(empty.text).toMatch(/<input id="f-name" name="name"[^>]*aria-invalid="true" aria-describedby="f-name-hint f-name-error"/);
    expect(empty.text).toContain('<p class="error" id="f-name-error">Fill this in.</p>');
    expect(empty.text).toContain('<p class="error" id="f-role-error">Fill this in.</p>');
    const formula = await visitor.post("/console/people/invitations", { name: "=cmd|' /C calc'!A0", role: "district" });
    expect(formula.text).toContain('<p class="error" id="f-name-error">Do not start with = + - @ or a tab.</p>');
    const tooLong = await visitor.post("/console/people/invitations", { name: "x".repeat(121), role: "district" });
    expect(tooLong.text).toContain('<p class="error" id="f-name-error">Use at most 120 characters.</p>');
    expect(tooLong.text).toContain(`value="${"x".repeat(121)}"`);
    const notAnArtisan = await visitor.post("/console/people/invitations", { name: "Someone", role: "artisan", artisanId: "12ab" });
    expect(notAnArtisan.text).toContain('<p class="error" id="f-artisanId-error">Enter a whole number.</p>');
    const otherDistrict = await visitor.post("/console/people/invitations", { name: "Someone", role: "artisan", artisanId: String(await makeArtisan(service, "other")) });
    expect(otherDistrict.text).toContain('<p class="error" id="f-artisanId-error">That is outside your scope: your office does not manage it.</p>');
    const notOffered = await visitor.post("/console/people/invitations", { name: "Someone", role: "exporter" });
    expect(notOffered.text).toContain('<p class="error" id="f-role-error">');
    const beforeHindi = await snapshot(service.deps.db);
    visitor.cookies.set("lang", "hi");
    const hindi = await visitor.post("/console/people/invitations", { name: "", role: "district" });
    expect(hindi.text).toContain('<p class="error" id="f-name-error">यह भरें।</p>');
    expect(await snapshot(service.deps.db)).toBe(beforeHindi);
    expect(beforeHindi).not.toBe(before); // the artisan made for the out-of-scope case
  });

  it("switches language with ?lang= and remembers it in the lang cookie", async () => {
    const service = await makeTestService();
    const visitor = new ConsoleVisitor(service);
    const hindi = await visitor.request("GET", "/console?lang=hi");
    expect(hindi.text).toContain('<html lang="hi"');
    expect(hindi.text).toContain("पासकी से साइन इन करें");
    expect(visitor.setCookies.some((c) => /^lang=hi;/.test(c) && /SameSite=Lax/.test(c))).toBe(true);
    expect((await visitor.request("GET", "/console")).text).toContain("पासकी से साइन इन करें");
    expect((await visitor.request("GET", "/console?lang=ur")).text).toContain("पासकी से साइन इन करें");
    expect((await visitor.request("GET", "/console?lang=en")).text).toContain("Sign in with a passkey");
    const missing = await visitor.request("GET", "/console/no-such-page");
    expect([missing.status, missing.text.includes("Page not found")]).toEqual([404, true]);
  });
});
