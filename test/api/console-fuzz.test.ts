// Outside input to the console: whatever a browser (or anything pretending to be one) sends to
// its JSON and form endpoints gets a 4xx in the reader's language, never a 5xx, and a refused
// request writes nothing. The clientDataJSON reader takes any text.
import { makeTestService, runtime, type TestService } from "@harness";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { toBase64url, utf8 } from "../../src/core/bytes.js";
import { challengeFromClientData } from "../../src/service/webauthn.js";
import { ConsoleVisitor } from "../support/console.js";
import { unique } from "../support/principals.js";
import { call, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";

const b64 = fc.oneof(fc.base64String({ maxLength: 60 }).map((s) => s.replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "")), fc.string({ maxLength: 20 }));
const credential = fc.record(
  {
    id: b64,
    rawId: b64,
    type: fc.constantFrom("public-key", "password", 1),
    clientExtensionResults: fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 1 })),
    response: fc.record({ clientDataJSON: b64, attestationObject: b64, authenticatorData: b64, signature: b64, userHandle: b64 }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ response: credential, label: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()) }, { requiredKeys: [] }));

describe(`console input (${runtime})`, () => {
  let service: TestService;
  let visitor: ConsoleVisitor;
  let join: string;
  let csrf: string;
  beforeAll(async () => {
    service = await makeTestService();
    const invite = async () => (await call(service, "POST", "/api/v1/invitations", { name: unique("Fuzz"), role: "district", districtCode: VARANASI })).json.url as string;
    visitor = new ConsoleVisitor(service);
    expect((await visitor.enrol(await invite())).status).toBe(200);
    join = new URL(await invite()).pathname;
    csrf = await visitor.csrf();
  });

  it("reads a challenge from any clientDataJSON without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), b64, fc.jsonValue().map((v) => toBase64url(utf8(JSON.stringify(v))))), (text) => {
        const challenge = challengeFromClientData(text);
        expect(challenge === null || /^[A-Za-z0-9_-]{16,128}$/.test(challenge)).toBe(true);
      }),
    );
    expect(challengeFromClientData(toBase64url(utf8(JSON.stringify({ type: "webauthn.get", challenge: "a".repeat(43) }))))).toBe("a".repeat(43));
  });

  it("answers random JSON at the passkey endpoints with a 4xx problem, and writes nothing", async () => {
    const before = await snapshot(service.deps.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/console/sign-in", join, "/console/passkeys"), body, async (path, value) => {
        const res = await visitor.request("POST", path, { json: value, headers: { "x-csrf-token": csrf } });
        expect(res.status, `${path} ${JSON.stringify(value)} → ${res.text}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.json.code).toEqual(expect.any(String));
        expect(res.json.detail).toEqual(expect.any(String));
      }),
      { numRuns: 60 },
    );
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("answers random forms with a page, never a 5xx; a form that is refused writes nothing", async () => {
    const field = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("district", "artisan", "admin", "gi-body", "187", "162", "0", "-1", "1e9", "=1+2", "  ", "last"));
    const form = fc.dictionary(fc.constantFrom("name", "role", "districtCode", "giTagId", "artisanId", "confirm", "url", "__proto__"), field, { maxKeys: 5 });
    const paths = ["/console/people/invitations", "/console/people/1/revoke", "/console/invitations/1/withdraw", "/console/invitations/slip", "/console/passkeys/x/remove", "/console/people/99999/invitations"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), form, async (path, fields) => {
        const before = await snapshot(service.deps.db);
        const res = await visitor.request("POST", path, { form: { ...fields, _csrf: csrf } });
        expect(res.status, `${path} ${JSON.stringify(fields)}`).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(service.deps.db), `${path} ${JSON.stringify(fields)} → ${res.status}`).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
