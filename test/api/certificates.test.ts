import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { call, issueCertificate, LUCKNOW, registerArtisan, VARANASI } from "../support/requests.js";

describe(`issuing and verifying a certificate (${runtime})`, () => {
  it("issues a certificate whose verify URL says genuine, with every claim", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-VNS-1" });
    const issued = await issueCertificate(service, artisan.id);

    expect(issued.id).toMatch(/^[A-Z2-7]{13}$/);
    expect(issued.verifyUrl).toBe(`HTTPS://ASLI.EXAMPLE/V/${issued.token}`);
    expect(issued.links.qrSvg).toBe(`https://asli.example/api/v1/certificates/${issued.id}/qr.svg`);

    const { status, json } = await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null);
    expect(status).toBe(200);
    expect(json.status).toBe("genuine");
    expect(json.certificate).toMatchObject({
      id: issued.id,
      title: "Katan silk saree",
      materials: ["silk", "zari"],
      madeOn: "2026-02-20",
      issuedAt: "2026-03-01T10:00:00.000Z",
      artisan: { id: artisan.id, name: "Test Weaver" },
      district: { code: VARANASI, name: "Varanasi" },
      product: { id: 103, name: "Banarasi Silk Saree" },
      giTag: { id: 2, name: "Banaras Brocades and Sarees", applicationNumber: "99" },
      kid: service.deps.signingKey.kid,
    });
  });

  it("serves the verify page at /V/ and /v/, in English, and in Hindi on request", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-VNS-2" });
    const issued = await issueCertificate(service, artisan.id);
    for (const prefix of ["/V/", "/v/"]) {
      const res = await service.app.request(`${prefix}${issued.token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      const page = await res.text();
      expect(page).toContain('data-status="genuine"');
      for (const text of ["Test Weaver", "Varanasi", "Banarasi Silk Saree", "Banaras Brocades and Sarees", "GI application number", "<dd><span dir=\"ltr\">99</span></dd>", "Katan silk saree", "1\u00a0March\u00a02026"]) {
        expect(page).toContain(text);
      }
    }
    const hindi = await (await service.app.request(`/V/${issued.token}?lang=hi`)).text();
    expect(hindi).toContain("असली");
    expect(hindi).toContain("1\u00a0मार्च\u00a02026");
    expect(hindi).toContain("जारी होने की तिथि");
    const asJson = await service.app.request(`/v/${issued.token}`, { headers: { accept: "application/json" } });
    expect(((await asJson.json()) as any).status).toBe("genuine");
  });

  it("lets a browser of any origin read the verdict and the keys, but not the authenticated API", async () => {
    const service = await makeTestService();
    const origin = { origin: "https://verifier.example" };
    for (const path of ["/.well-known/jwks.json", "/api/v1/verify/NOTATOKEN", "/api/v1/gi-tags"]) {
      expect((await service.app.request(path, { headers: origin })).headers.get("access-control-allow-origin"), path).toBe("*");
    }
    expect((await service.app.request("/api/v1/artisans", { headers: origin })).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("publishes the signing key as an Ed25519 JWK with its kid", async () => {
    const service = await makeTestService();
    const { status, json } = await call(service, "GET", "/.well-known/jwks.json", undefined, null);
    expect(status).toBe(200);
    // Lifecycle members (state, validity) ride along; test/api/key-lifecycle.test.ts covers them.
    expect(json.keys).toContainEqual(
      expect.objectContaining({
        kty: "OKP",
        crv: "Ed25519",
        // RFC 8032 §7.1 TEST 1 public key, base64url.
        x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        kid: service.deps.signingKey.kid,
        alg: "EdDSA",
        use: "sig",
      }),
    );
  });

  it("serves the QR as SVG and PNG to an authenticated client only", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service);
    const issued = await issueCertificate(service, artisan.id);
    const svg = await service.app.request(issued.links.qrSvg, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    const png = await service.app.request(issued.links.qrPng, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await service.app.request(issued.links.qrPng)).status).toBe(401);
  });

  it("carries no GI claim when the artisan holds no GI authorisation, and the craft when there is no ODOP product", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { districtCode: LUCKNOW, productId: undefined, craft: "Hand-block printing" });
    const issued = await issueCertificate(service, artisan.id);
    const { json } = await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null);
    expect(json.certificate).toMatchObject({ product: null, craft: "Hand-block printing", giTag: null, district: { name: "Lucknow" } });
  });
});

describe(`GI claims and withdrawn authorisations (${runtime})`, () => {
  it("does not sign a withdrawn GI authorisation into new certificates", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-WD-1" });
    await call(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "lapsed" });
    const issued = await issueCertificate(service, artisan.id);
    await call(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "confirm", reason: "renewed" });
    const { json } = await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null);
    expect(json.status).toBe("genuine");
    expect(json.claims.giTagId).toBeNull();
    expect(json.certificate.giTag).toBeNull();
  });
});

describe(`CORS preflight (${runtime})`, () => {
  it("answers a browser's preflight for the public verdict", async () => {
    const service = await makeTestService();
    const res = await service.app.request("/api/v1/verify/X", { method: "OPTIONS", headers: { origin: "https://verifier.example", "access-control-request-method": "GET" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
  });
});
