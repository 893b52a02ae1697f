import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

describe(`certificate tags (${runtime})`, () => {
  it("serves tag.svg for a certificate in both sizes, and refuses an unknown size", async () => {
    const service = await makeTestService();
    const a = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-VNS-T1" });
    const { id } = await issueCertificate(service, a.id, { productId: 103 });
    for (const [size, dims] of [["swing", 'width="50mm" height="30mm"'], ["sticker", 'width="25mm" height="25mm"']] as const) {
      const res = await service.app.request(`/api/v1/certificates/${id}/tag.svg?size=${size}`, { headers: { authorization: `Bearer ${service.adminToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      const svg = await res.text();
      expect(svg).toContain(dims);
      for (const text of [id, "Banarasi Silk Saree", "Varanasi"]) expect(svg).toContain(text);
      // The sticker leaves out the GI and the Hindi line when the names take two lines (docs/tags-and-batches.md).
      if (size === "swing") for (const text of ["Banaras Brocades", "असली"]) expect(svg).toContain(text);
    }
    const swing = await (await service.app.request(`/api/v1/certificates/${id}/tag.svg`, { headers: { authorization: `Bearer ${service.adminToken}` } })).text();
    expect(swing).toContain("ज़िला");
    expect(swing).toContain('width="50mm"');
    const bad = await call(service, "GET", `/api/v1/certificates/${id}/tag.svg?size=huge`);
    expect([bad.status, bad.json.code]).toEqual([400, "invalid-query"]);
    expect((await call(service, "GET", `/api/v1/certificates/${id}/tag.svg`, undefined, null)).status).toBe(401);
    expect((await call(service, "GET", `/api/v1/certificates/AAAAAAAAAAAAA/tag.svg`)).status).toBe(404);
    expect((await call(service, "GET", `/api/v1/batches/B-AAAAAAAAAAAAA`)).status).toBe(404);
  });

  it("gives the craft where the item has no ODOP product, and no GI line without a GI claim", async () => {
    const service = await makeTestService();
    const a = await registerArtisan(service, { districtCode: 162, productId: undefined, craft: "Hand-block printing" });
    const { id } = await issueCertificate(service, a.id);
    const svg = await (await service.app.request(`/api/v1/certificates/${id}/tag.svg`, { headers: { authorization: `Bearer ${service.adminToken}` } })).text();
    expect(svg).toContain("Craft · शिल्प");
    expect(svg).toContain("Hand-block");
    expect(svg).toContain("Lucknow");
    expect(svg).not.toContain("GI tag");
    expect(svg).not.toMatch(/<text[^>]*>[^<]*&[^a]/);
  });
});
