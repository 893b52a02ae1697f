import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { call, LUCKNOW, registerArtisan, VARANASI } from "../support/requests.js";

const AGRA = 118;
const BANARAS_BROCADES = 2; // registered for Varanasi, Mirzapur, Chandauli, Bhadohi, Jaunpur, Azamgarh

describe(`registering artisans (${runtime})`, () => {
  it("registers an artisan with GI authorisation, GSTIN and Udyam number", async () => {
    const service = await makeTestService();
    const { status, json, res } = await call(service, "POST", "/api/v1/artisans", {
      name: "Abdul Kalam Ansari",
      districtCode: VARANASI,
      productId: 103,
      giTagId: BANARAS_BROCADES,
      giAuthorisedUserNumber: "AU/99/2019/117",
      gstin: "27aapfu0939f1zv",
      udyam: "UDYAM-UP-65-0012345",
    });
    expect(status).toBe(201);
    expect(json).toMatchObject({ name: "Abdul Kalam Ansari", districtCode: VARANASI, giTagId: BANARAS_BROCADES, gstin: "27AAPFU0939F1ZV", seller: null });
    expect(res.headers.get("location")).toBe(`/api/v1/artisans/${json.id}`);
    const fetched = await call(service, "GET", `/api/v1/artisans/${json.id}`);
    expect(fetched.json).toEqual(json);
  });

  it("registers an artisan without GSTIN as a sub-vendor of a GST-registered seller", async () => {
    const service = await makeTestService();
    const { status, json } = await call(service, "POST", "/api/v1/artisans", {
      name: "Rukhsana Bano",
      districtCode: LUCKNOW,
      craft: "Chikankari embroidery",
      seller: { name: "Lucknow Chikan Emporium", gstin: "09AAACK1234A1Z8" },
    });
    expect(status).toBe(201);
    expect(json.seller).toEqual({ name: "Lucknow Chikan Emporium", gstin: "09AAACK1234A1Z8" });
  });

  it("refuses a GI tag outside its region: a GI belongs to its districts", async () => {
    const service = await makeTestService();
    const { status, json } = await call(service, "POST", "/api/v1/artisans", {
      name: "Someone in Agra",
      districtCode: AGRA,
      productId: 1,
      giTagId: BANARAS_BROCADES,
      giAuthorisedUserNumber: "AU-1",
    });
    expect(status).toBe(422);
    expect(json.code).toBe("gi-region-mismatch");
    expect(json.detail).toContain("Agra");
  });

  const refusals: [string, Record<string, unknown>, number, string][] = [
    ["an unknown district", { districtCode: 9999 }, 422, "unknown-district"],
    ["an ODOP product of another district", { productId: 1 }, 422, "product-outside-district"],
    ["an unknown GI tag", { giTagId: 999, giAuthorisedUserNumber: "X" }, 422, "unknown-gi-tag"],
    ["a GSTIN with a wrong check character", { gstin: "27AAPFU0939F1ZW" }, 422, "invalid-gstin"],
    ["a malformed Udyam number", { udyam: "UDYAM-123" }, 422, "invalid-udyam"],
    ["a seller although the artisan has a GSTIN", { gstin: "27AAPFU0939F1ZV", seller: { name: "S", gstin: "09AAACK1234A1Z8" } }, 422, "seller-with-gstin"],
    ["a GI tag without the authorised-user number", { giTagId: BANARAS_BROCADES }, 400, "validation-failed"],
    ["neither product nor craft", { productId: undefined }, 400, "validation-failed"],
    ["an oversize name", { name: "n".repeat(121) }, 400, "validation-failed"],
    ["an unknown field", { role: "admin" }, 400, "validation-failed"],
    ["a district as text", { districtCode: "187" }, 400, "validation-failed"],
  ];
  for (const [what, overrides, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code}, writing nothing`, async () => {
      const service = await makeTestService();
      const body = { name: "Refused Artisan", districtCode: VARANASI, productId: 103, ...overrides };
      const res = await call(service, "POST", "/api/v1/artisans", body);
      expect(res.status).toBe(status);
      expect(res.type).toBe("application/problem+json");
      expect(res.json.code).toBe(code);
      const again = await call(service, "POST", "/api/v1/artisans", { name: "Control", districtCode: VARANASI, productId: 103 });
      expect(again.status).toBe(201);
      // Ids are sequential: a refused request that had written a row would leave a gap.
      const previous = await call(service, "GET", `/api/v1/artisans/${again.json.id - 1}`);
      if (previous.status === 200) expect(previous.json.name).not.toBe("Refused Artisan");
    });
  }

  it("refuses a duplicate GSTIN and a duplicate GI authorised-user number with 409", async () => {
    const service = await makeTestService();
    await registerArtisan(service, { gstin: "29AAGCB7383J1Z4" });
    const dupGstin = await call(service, "POST", "/api/v1/artisans", { name: "B", districtCode: VARANASI, productId: 103, gstin: "29AAGCB7383J1Z4" });
    expect([dupGstin.status, dupGstin.json.code]).toEqual([409, "duplicate-gstin"]);

    await registerArtisan(service, { giTagId: BANARAS_BROCADES, giAuthorisedUserNumber: "AU-DUP-1" });
    const dupGi = await call(service, "POST", "/api/v1/artisans", {
      name: "C",
      districtCode: VARANASI,
      productId: 103,
      giTagId: BANARAS_BROCADES,
      giAuthorisedUserNumber: "AU-DUP-1",
    });
    expect([dupGi.status, dupGi.json.code]).toEqual([409, "duplicate-gi-authorised-user"]);
  });

  it("refuses a body that is not JSON, or too large", async () => {
    const service = await makeTestService();
    const headers = { authorization: `Bearer ${service.adminToken}` };
    const form = await service.app.request("/api/v1/artisans", { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: "name=x" });
    expect([form.status, ((await form.json()) as any).code]).toEqual([415, "unsupported-media-type"]);
    const broken = await service.app.request("/api/v1/artisans", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{" });
    expect([broken.status, ((await broken.json()) as any).code]).toEqual([400, "malformed-json"]);
    const huge = await service.app.request("/api/v1/artisans", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(100_000) }),
    });
    expect([huge.status, ((await huge.json()) as any).code]).toEqual([413, "payload-too-large"]);
  });
});

describe(`issuing certificates: refusals (${runtime})`, () => {
  it("refuses an unknown artisan, a future made-on date and an impossible date", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service);
    const unknown = await call(service, "POST", "/api/v1/certificates", { artisanId: 987_654, title: "Saree" });
    expect([unknown.status, unknown.json.code]).toEqual([422, "unknown-artisan"]);
    const future = await call(service, "POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Saree", madeOn: "2026-03-02" });
    expect([future.status, future.json.code]).toEqual([422, "made-on-in-future"]);
    const impossible = await call(service, "POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Saree", madeOn: "2026-02-30" });
    expect([impossible.status, impossible.json.code]).toEqual([400, "validation-failed"]);
    for (const title of ['=HYPERLINK("https://x.example","Click")', ' =1+1', '\t@SUM(A1)']) {
      const formula = await call(service, "POST", "/api/v1/certificates", { artisanId: artisan.id, title });
      expect([formula.status, formula.json.code], title).toEqual([400, "validation-failed"]);
    }
    const material = await call(service, "POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Saree", materials: [" @cmd"] });
    expect(material.status).toBe(400);
    const batch = await service.app.request("/api/v1/batches", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "text/csv" },
      body: `artisan_id,title\n${artisan.id}," =HYPERLINK(""https://x.example"")"\n`,
    });
    const refused = (await batch.json()) as any;
    expect([batch.status, refused.errors?.[0]?.code, refused.errors?.[0]?.row]).toEqual([422, "formula-injection", 2]);
  });
});
