// The console through the real worker entry (workerd, D1, the secrets of vitest.config.ts): the
// passkey ceremonies load @simplewebauthn/server as the separate module the Workers build
// uploads (src/runtime/webauthn-module.ts), and a person enrols, signs out and signs in again.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SoftwareAuthenticator } from "../support/authenticator.js";

const ORIGIN = "https://asli.example";
const jar = new Map<string, string>();

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h = new Headers(headers);
  if (jar.size) h.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  if (method !== "GET") h.set("origin", ORIGIN);
  if (body !== undefined && !h.has("content-type")) h.set("content-type", "application/json");
  const res = await exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers: h, body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body), redirect: "manual" }));
  for (const cookie of res.headers.getSetCookie()) {
    const [name, value] = cookie.split(";")[0]!.split("=");
    if (/Max-Age=0/i.test(cookie)) jar.delete(name!);
    else jar.set(name!, value!);
  }
  return res;
}

describe("the console on the worker entry", () => {
  it("enrols from a sign-in link, signs out, and signs in again with the passkey", async () => {
    const created = await send("POST", "/api/v1/invitations", { name: "Worker officer", role: "district", districtCode: 187 }, { authorization: `Bearer ${env.ADMIN_TOKEN}` });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    const path = new URL(url).pathname;
    expect((await send("GET", path)).status).toBe(200);

    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const options = await send("POST", `${path}/options`, {});
    expect(options.status).toBe(200);
    const enrolled = await send("POST", path, { response: await authenticator.register(await options.json()) });
    expect(await enrolled.json()).toEqual({ redirect: "/console" });
    expect([...jar.keys()]).toContain("__Host-asli_session");
    expect(await (await send("GET", "/console")).text()).toContain("Welcome, Worker officer");

    const page = await (await send("GET", "/console/passkeys")).text();
    const csrf = /name="_csrf" value="([0-9a-f]+)"/.exec(page)![1]!;
    const out = await send("POST", "/console/sign-out", `_csrf=${csrf}`, { "content-type": "application/x-www-form-urlencoded" });
    expect(out.status).toBe(303);
    expect(jar.has("__Host-asli_session")).toBe(false);

    const signInOptions = await send("POST", "/console/sign-in/options", {});
    const signedIn = await send("POST", "/console/sign-in", { response: await authenticator.authenticate(await signInOptions.json()) });
    expect(await signedIn.json()).toEqual({ redirect: "/console" });
    expect(await (await send("GET", "/console")).text()).toContain("Welcome, Worker officer");
  });

  it("prints the invitation slip on Workers, from the renderers' own module", async () => {
    const created = await send("POST", "/api/v1/invitations", { name: "Slip", role: "exporter" }, { authorization: `Bearer ${env.ADMIN_TOKEN}` });
    const { url } = (await created.json()) as { url: string };
    const slip = await send("POST", "/api/v1/invitations/slip.pdf", { url }, { authorization: `Bearer ${env.ADMIN_TOKEN}` });
    expect(slip.status).toBe(200);
    expect(slip.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await slip.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });
});
