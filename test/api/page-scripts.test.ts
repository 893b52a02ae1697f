// The pages' scripts at /assets/: served from this origin (the CSP allows no other), with the
// version in each page's link being the digest of what is served, so that a browser's long cache
// never keeps an old script. On Workers their text is a module of its own, loaded on the first
// request for one (src/pages/assets/browser-scripts.ts): this runs on both runtimes.
import { makeTestService, runtime, type TestService } from "@harness";
import { beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_SCRIPT_PATH } from "../../src/pages/assets/console-script.js";
import { SHIPMENT_SCRIPT_PATH } from "../../src/pages/assets/shipment-script.js";
import { verifyScriptVersion } from "../../src/pages/assets/verify-script.js";
import { issueCertificate, registerArtisan } from "../support/requests.js";

let service: TestService;
let token = "";

beforeAll(async () => {
  service = await makeTestService();
  const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: `AU-SCRIPTS-${runtime}` });
  token = (await issueCertificate(service, artisan.id)).token;
});

async function script(pathAndQuery: string): Promise<string> {
  const res = await service.app.request(pathAndQuery);
  expect(res.status, pathAndQuery).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
  return res.text();
}

async function sha256Version(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 12);
}

describe(`the pages' scripts (${runtime})`, () => {
  it("serves the verify page's signature check at the versioned path the page links", async () => {
    const page = await (await service.app.request(`/V/${token}`, { headers: { accept: "text/html" } })).text();
    const linked = /<script[^>]* src="(\/assets\/verify\.js\?v=([^"]+))"/.exec(page);
    expect(linked, "the verify page links its script").not.toBeNull();
    const body = await script(linked![1]!);
    expect(body).toContain("docs/certificate-format.md");
    expect(linked![2]).toBe(verifyScriptVersion(body));
  });

  it("serves the console's passkey script and the shipment page's check under their content digests", async () => {
    for (const path of [CONSOLE_SCRIPT_PATH, SHIPMENT_SCRIPT_PATH]) {
      const [route, version] = path.split("?v=");
      const body = await script(route!);
      expect(body.length).toBeGreaterThan(1000);
      expect(version, path).toBe(await sha256Version(body));
    }
    const signIn = await (await service.app.request("/console", { headers: { accept: "text/html" } })).text();
    expect(signIn).toContain(`src="${CONSOLE_SCRIPT_PATH.replaceAll("&", "&amp;")}"`);
  });
});
