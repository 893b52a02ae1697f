import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { ConsoleVisitor, SESSION_COOKIE } from "../support/console.js";
import { call, VARANASI } from "../support/requests.js";
import { unique } from "../support/principals.js";

async function invite(service: any, body: Record<string, unknown>, token?: string) {
  const res = await call(service, "POST", "/api/v1/invitations", { name: unique("Person"), ...body }, token);
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

describe(`console sessions (${runtime})`, () => {
  it("enrols from a sign-in link, signs out, and signs in again with the passkey", async () => {
    const service = await makeTestService();
    const invitation = await invite(service, { role: "district", districtCode: VARANASI });
    const visitor = new ConsoleVisitor(service);
    const page = await visitor.request("GET", new URL(invitation.url).pathname);
    expect(page.status).toBe(200);
    const enrolled = await visitor.enrol(invitation.url, "my phone");
    expect(enrolled.status, JSON.stringify(enrolled.json)).toBe(200);
    expect(enrolled.json).toEqual({ redirect: "/console" });
    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(true);
    const home = await visitor.request("GET", "/console");
    expect(home.status).toBe(200);
    expect(home.text).toContain(invitation.name);
  });
});
