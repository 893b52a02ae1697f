// Verify URLs as people and scanners really hand them over (docs/certificate-format.md §6.1):
// every lenient spelling of a token gets the same verdict as the exact token, the serial
// printed on a tag looks the certificate up (saying so), and the token format stays strict.
import { makeTestService, runtime, type TestService } from "@harness";
import { beforeAll, describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "../../src/core/base32.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { expand, vectors } from "../support/verify-url-vectors.js";

let service: TestService;
let token = "";
let serial = "";

beforeAll(async () => {
  service = await makeTestService();
  const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: `AU-URL-${runtime}` });
  const issued = await issueCertificate(service, artisan.id);
  token = issued.token;
  serial = issued.id;
});

/** The page route's verdict as JSON, the way a scanner's URL reaches the server (the fragment never does). */
async function pageVerdict(pathAndQuery: string) {
  const res = await service.app.request(pathAndQuery, { headers: { accept: "application/json" } });
  return { status: res.status, json: (await res.json()) as any };
}

function pathOf(url: string): string {
  const m = /^https?:\/\/[^/?#\s]+(\/[^#]*)/i.exec(url.trim())!;
  return m[1]!;
}

describe(`lenient verify URLs (${runtime})`, () => {
  it("gives every spelling of a token in the document's vectors the exact token's verdict", async () => {
    const exact = await pageVerdict(`/V/${token}`);
    expect(exact.status).toBe(200);
    expect(exact.json.status).toBe("genuine");
    const urls = vectors("verify-urls").filter(([input, want]) => want === "<token>" && /^https?:/i.test(input.trim()));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const [input] of urls) {
      const seen = await pageVerdict(pathOf(expand(input, token)));
      expect({ input, status: seen.status, verdict: seen.json }).toEqual({ input, status: 200, verdict: exact.json });
    }
  });

  it("reads the API path the same way: case, blanks and percent-encoding", async () => {
    const exact = await call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
    for (const spelling of [token.toLowerCase(), expand("<percent>", token), `%20${token}%20`]) {
      const seen = await call(service, "GET", `/api/v1/verify/${spelling}`, undefined, null);
      expect(seen.status).toBe(200);
      expect(seen.json).toEqual(exact.json);
    }
  });

  it("keeps the token strict: a look-alike digit, an extra character or a bad escape is malformed, never a 5xx", async () => {
    const bytes = base32Decode(token)!;
    expect(bytes).not.toBeNull();
    const zeroForO = token.includes("O") ? token.replace("O", "0") : token.slice(0, 10) + "0" + token.slice(11);
    for (const path of [`/V/${zeroForO}`, `/V/${token}.`, `/V/%ZZ${token}`, `/V/${token}A`, `/V/${base32Encode(bytes).slice(0, 100)}`]) {
      const seen = await pageVerdict(path);
      expect({ path: path.slice(0, 12), status: seen.status, reason: seen.json.reason }).toEqual({ path: path.slice(0, 12), status: 400, reason: "malformed" });
    }
    expect((await service.app.request(`/V/${token}//`)).status).toBe(404);
  });

  it("ignores other query parameters on the page and honours ?lang=", async () => {
    const res = await service.app.request(`/V/${token}?utm_source=whatsapp&utm_medium=chat&lang=hi&x=1`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="hi" dir="ltr">');
    expect(html).toContain('data-status="genuine"');
  });
});

describe(`looking a certificate up by the serial printed on its tag (${runtime})`, () => {
  it("answers with the registry's record, marked as a lookup by serial and without the signed token", async () => {
    const spaced = `${serial.slice(0, 4)} ${serial.slice(4, 8)}-${serial.slice(8)}`.toLowerCase();
    const { status, json } = await call(service, "GET", `/api/v1/verify/${encodeURIComponent(spaced)}`, undefined, null);
    expect(status).toBe(200);
    expect(json.status).toBe("genuine");
    expect(json.lookup).toBe("serial");
    expect(json.certificate.id).toBe(serial);
    expect(json.certificate).not.toHaveProperty("verifyUrl");
    expect(JSON.stringify(json)).not.toContain(token);

    const exact = await call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
    expect(exact.json).not.toHaveProperty("lookup");
    const { verifyUrl: _url, ...withoutUrl } = exact.json.certificate;
    expect(json.certificate).toEqual(withoutUrl);
  });

  it("says on the page that it was looked up by number, and runs no signature check there", async () => {
    const res = await service.app.request(`/v/${serial.toLowerCase()}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-status="genuine"');
    expect(html).toContain('data-lookup="serial"');
    expect(html).toContain("You looked this certificate up by its number");
    expect(html).not.toContain('id="browser-check"');
    expect(html).not.toContain("/assets/verify.js");
    expect(html).not.toContain(token);
  });

  it("takes the home page's box: a serial as typed, a pasted verify URL, or refuses with the reason", async () => {
    const typed = await service.app.request(`/v?serial=${encodeURIComponent(` ${serial.slice(0, 6).toLowerCase()} ${serial.slice(6)} `)}`);
    expect(typed.status).toBe(200);
    const typedHtml = await typed.text();
    expect(typedHtml).toContain('data-lookup="serial"');
    // The language links point at the certificate's own address, not at the form's.
    expect(typedHtml).toContain(`href="/v/${serial}?lang=fr"`);

    const pasted = await service.app.request(`/v?serial=${encodeURIComponent(`https://asli.example/V/${token}?utm_source=x`)}`);
    expect(pasted.status).toBe(200);
    const pastedHtml = await pasted.text();
    expect(pastedHtml).toContain('data-status="genuine"');
    expect(pastedHtml).not.toContain("data-lookup");

    const wrong = await service.app.request(`/v?serial=${encodeURIComponent("not a number <b>")}`);
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("This is not a certificate number.");
    expect(wrongHtml).toContain('value="not a number &lt;b&gt;"');
    expect(wrongHtml).toContain('aria-invalid="true"');

    const empty = await service.app.request("/v?serial=");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('action="/v"');
  });

  it("says plainly when no certificate has the number, and offers the box again", async () => {
    const json = await call(service, "GET", "/api/v1/verify/AEBAGBAFAYDQQ", undefined, null);
    expect(json.status).toBe(404);
    expect(json.json).toEqual({ status: "invalid", reason: "not-registered", message: "The registry holds no certificate with this number.", lookup: "serial" });

    const res = await service.app.request("/v/AEBAG-BAFAY-DQQ", { headers: { "accept-language": "de" } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Kein Zertifikat mit dieser Nummer");
    expect(html).toContain('value="AEBAGBAFAYDQQ"');
  });
});
