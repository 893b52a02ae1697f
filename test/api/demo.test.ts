import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { DEMO_ARTISAN_NAME, DEMO_EXPORTER, ensureDemoData, ensureDemoShipment } from "../../src/service/demo.js";
import { call } from "../support/requests.js";

describe(`demo data (${runtime})`, () => {
  it("is created once, reused by later starts, and finishes a start that died halfway", async () => {
    const service = await makeTestService();
    const { db, signingKey, log } = service.deps;
    const listed = await call(service, "GET", `/api/v1/artisans?q=${encodeURIComponent(DEMO_ARTISAN_NAME)}`);
    if (listed.json.items.length === 0) {
      // The first write of a start that then died: the artisan without a certificate.
      await call(service, "POST", "/api/v1/artisans", { name: DEMO_ARTISAN_NAME, districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "DEMO-AU-0001" });
    }
    const first = await ensureDemoData(db, signingKey, new Date("2026-03-01T10:00:00Z"), log);
    const again = await ensureDemoData(db, signingKey, new Date("2026-03-02T10:00:00Z"), log);
    expect(again).toEqual({ ...first, created: false });
    const verdict = await call(service, "GET", `/api/v1/verify/${first.token}`, undefined, null);
    expect(verdict.json).toMatchObject({ status: "genuine", certificate: { artisan: { name: DEMO_ARTISAN_NAME }, giTag: { id: 2 } } });
  });

  it("includes a sealed demo shipment of the demo certificate, created once, with a public page", async () => {
    const service = await makeTestService();
    const { db, signingKey, log } = service.deps;
    const demo = await ensureDemoData(db, signingKey, new Date("2026-03-01T10:00:00Z"), log);
    const first = await ensureDemoShipment(service.deps, demo, new Date("2026-03-01T10:00:00Z"));
    const again = await ensureDemoShipment(service.deps, demo, new Date("2026-03-02T10:00:00Z"));
    expect(again).toEqual({ id: first.id, created: false });
    const verdict = await call(service, "GET", `/api/v1/shipments/${first.id}/verify`, undefined, null);
    expect(verdict.json).toMatchObject({ status: "genuine", exporter: DEMO_EXPORTER, consigneeCountry: "AE", itemCount: 1, items: [{ certificateId: demo.certificateId }] });
  });
});
