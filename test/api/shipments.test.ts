// Exporters' shipments through the API (docs/api.md, Shipments), on both runtimes: create, add
// by id / verify URL / token / CSV / batch, refusals by item, remove, seal with a manifest that
// the offline verifier accepts, live verdicts after a revocation, cancel; who sees what; audit.
import { makeTestService, runtime, type TestService } from "@harness";
import { describe, expect, it } from "vitest";
import { Keyring } from "../../src/core/keys.js";
import { checkItem, decodeShipmentHeader, verifyManifest } from "../../src/core/shipment.js";
import { fromBase64url, randomBytes } from "../../src/core/bytes.js";
import { serialFromBytes } from "../../src/core/payload.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { makeToken } from "../support/principals.js";

interface Fixture {
  service: TestService;
  exporter: string;
  otherExporter: string;
  artisanId: number;
}

let serviceOnce: Promise<Fixture> | undefined;
function fixture(): Promise<Fixture> {
  serviceOnce ??= (async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: `AU-VNS-SHIP-${Date.now()}` });
    return { service, exporter: (await makeToken(service, { role: "exporter" })).token, otherExporter: (await makeToken(service, { role: "exporter" })).token, artisanId: artisan.id };
  })();
  return serviceOnce;
}

async function certificates(f: Fixture, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await issueCertificate(f.service, f.artisanId, { title: `Carpet ${i + 1}` }));
  return out;
}

async function newShipment(f: Fixture, token = f.exporter, body: Record<string, unknown> = { consigneeName: "Al Noor Trading LLC", consigneeCountry: "ae", reference: "INV-2026-0042" }) {
  const { status, json } = await call(f.service, "POST", "/api/v1/shipments", body, token);
  expect(status).toBe(201);
  return json;
}

async function postCsv(f: Fixture, id: string, csv: string, token = f.exporter) {
  const res = await f.service.app.request(`/api/v1/shipments/${id}/items`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body: csv });
  return { status: res.status, json: (await res.json()) as any };
}

async function keyring(service: TestService) {
  const trusted = await service.deps.keyring.current(service.deps.db, service.deps.signingKey, service.deps.clock());
  return new Keyring(trusted.keyring.keys());
}

describe(`shipments (${runtime})`, () => {
  it("creates a shipment, adds by id, verify URL, token, CSV and batch, seals it, and the manifest verifies offline", async () => {
    const f = await fixture();
    const shipment = await newShipment(f);
    expect(shipment).toMatchObject({ state: "open", consignee: { name: "Al Noor Trading LLC", country: "AE" }, documentLanguage: "ar", itemCount: 0, manifest: null });
    expect(shipment.url).toBe(`HTTPS://ASLI.EXAMPLE/S/${shipment.id}`);

    const [a, b, c, d] = await certificates(f, 4);
    const byJson = await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [a!.id.toLowerCase(), b!.verifyUrl, c!.token] }, f.exporter);
    expect(byJson.status).toBe(200);
    expect(byJson.json).toMatchObject({ added: 3, alreadyIn: 0, shipment: { itemCount: 3 } });
    const byCsv = await postCsv(f, shipment.id, `title,certificate\r\nx,${d!.id}\r\ny,${a!.id}\r\n`);
    expect(byCsv.status).toBe(200);
    expect(byCsv.json).toMatchObject({ added: 1, alreadyIn: 1, items: [{ row: 2, certificate: d!.id, result: "added" }, { row: 3, certificate: a!.id, result: "already-in" }] });

    const batch = await f.service.app.request("/api/v1/batches", {
      method: "POST",
      headers: { authorization: `Bearer ${f.service.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ items: [{ artisanId: f.artisanId, title: "Rug 1" }, { artisanId: f.artisanId, title: "Rug 2" }] }),
    });
    const batchJson = (await batch.json()) as any;
    const byBatch = await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { batchId: batchJson.id }, f.exporter);
    expect(byBatch.json).toMatchObject({ added: 2, shipment: { itemCount: 6 } });

    const sealed = await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, f.exporter);
    expect(sealed.status).toBe(200);
    expect(sealed.json).toMatchObject({ state: "sealed", itemCount: 6, manifest: { version: 1 } });
    const again = await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [a!.id] }, f.exporter);
    expect(again).toMatchObject({ status: 409, json: { code: "shipment-sealed" } });

    const manifest = await call(f.service, "GET", `/api/v1/shipments/${shipment.id}/manifest`, undefined, null);
    expect(manifest.status).toBe(200);
    expect(manifest.type).toBe("application/vnd.asli.shipment-manifest+json");
    const verified = await verifyManifest(JSON.stringify(manifest.json), await keyring(f.service));
    expect(verified.complete).toBe(true);
    expect(verified.header).toMatchObject({ shipmentId: shipment.id, consigneeCountry: "AE", itemCount: 6, reference: "INV-2026-0042" });
    expect(verified.items.map((i) => i.certificate).slice(0, 4)).toEqual([a!.id, b!.id, c!.id, d!.id]);
    expect(checkItem(verified, c!.token)).toEqual({ belongs: true, index: 2 });
    // The consignee's name is nowhere in what the public gets.
    expect(JSON.stringify(manifest.json)).not.toContain("Al Noor");

    const one = await call(f.service, "GET", `/api/v1/shipments/${shipment.id}/manifest?certificate=${b!.id}`, undefined, null);
    const proofOfOne = await verifyManifest(JSON.stringify(one.json), await keyring(f.service));
    expect(proofOfOne.complete).toBe(false);
    expect(checkItem(proofOfOne, b!.token)).toEqual({ belongs: true, index: 1 });
    expect(decodeShipmentHeader(fromBase64url(one.json.header)).itemCount).toBe(6);
  });

  it("refuses certificates that are not genuine, by item, and adds nothing", async () => {
    const f = await fixture();
    const shipment = await newShipment(f);
    const [good, revoked] = await certificates(f, 2);
    await call(f.service, "POST", `/api/v1/certificates/${revoked!.id}/revocation`, { reason: "lost" });
    const forged = good!.token.slice(0, -4) + (good!.token.endsWith("AAAA") ? "BBBB" : "AAAA");
    const refused = await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [good!.id, revoked!.id, serialFromBytes(randomBytes(8)), forged, "hello"] }, f.exporter);
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe("items-refused");
    expect(refused.json.errors.map((e: any) => [e.row, e.code])).toEqual([
      [2, "revoked"],
      [3, "not-registered"],
      [4, "invalid"],
      [5, "unreadable"],
    ]);
    const after = await call(f.service, "GET", `/api/v1/shipments/${shipment.id}`, undefined, f.exporter);
    expect(after.json).toMatchObject({ itemCount: 0, items: [] });

    const badCsv = await postCsv(f, shipment.id, `certificate\r\n${good!.id}\r\n\r\nnot-an-id\r\n`);
    expect(badCsv.status).toBe(422);
    expect(badCsv.json.errors.map((e: any) => e.row)).toContain(4);
    const noColumn = await postCsv(f, shipment.id, `id\r\n${good!.id}\r\n`);
    expect(noColumn).toMatchObject({ status: 400, json: { code: "csv-header-invalid" } });
  });

  it("keeps a certificate in one shipment at a time, until that one is cancelled", async () => {
    const f = await fixture();
    const first = await newShipment(f);
    const second = await newShipment(f);
    const [item] = await certificates(f, 1);
    expect((await call(f.service, "POST", `/api/v1/shipments/${first.id}/items`, { items: [item!.id] }, f.exporter)).status).toBe(200);
    const taken = await call(f.service, "POST", `/api/v1/shipments/${second.id}/items`, { items: [item!.id] }, f.exporter);
    expect(taken.json.errors).toMatchObject([{ row: 1, code: "in-another-shipment" }]);
    const cancelled = await call(f.service, "POST", `/api/v1/shipments/${first.id}/cancel`, { reason: "order withdrawn" }, f.exporter);
    expect(cancelled.json).toMatchObject({ state: "cancelled", cancelReason: "order withdrawn" });
    expect((await call(f.service, "POST", `/api/v1/shipments/${second.id}/items`, { items: [item!.id] }, f.exporter)).json.added).toBe(1);
    const twice = await call(f.service, "POST", `/api/v1/shipments/${first.id}/cancel`, {}, f.exporter);
    expect(twice).toMatchObject({ status: 409, json: { code: "shipment-cancelled" } });
  });

  it("removes items from an open shipment, and refuses to seal an empty one", async () => {
    const f = await fixture();
    const shipment = await newShipment(f);
    const [a, b] = await certificates(f, 2);
    await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [a!.id, b!.id] }, f.exporter);
    const removed = await call(f.service, "DELETE", `/api/v1/shipments/${shipment.id}/items/${a!.id}`, undefined, f.exporter);
    expect(removed.json).toMatchObject({ itemCount: 1 });
    expect((await call(f.service, "DELETE", `/api/v1/shipments/${shipment.id}/items/${a!.id}`, undefined, f.exporter)).status).toBe(404);
    await call(f.service, "DELETE", `/api/v1/shipments/${shipment.id}/items/${b!.id}`, undefined, f.exporter);
    expect((await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, f.exporter)).json.code).toBe("shipment-empty");
  });

  it("shows a sealed shipment's live verdict to anyone: an item revoked after shipping shows as revoked", async () => {
    const f = await fixture();
    const shipment = await newShipment(f, f.exporter, { consigneeName: "Hamburg Messing GmbH", consigneeCountry: "DE" });
    const [a, b] = await certificates(f, 2);
    await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [a!.id, b!.id] }, f.exporter);
    expect((await call(f.service, "GET", `/api/v1/shipments/${shipment.id}/verify`, undefined, null)).status).toBe(404);
    await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, f.exporter);
    const fresh = await call(f.service, "GET", `/api/v1/shipments/${shipment.id}/verify`, undefined, null);
    expect(fresh.json).toMatchObject({ status: "genuine", consigneeCountry: "DE", summary: { genuine: 2 } });
    expect(JSON.stringify(fresh.json)).not.toContain("Hamburg Messing");
    expect(JSON.stringify(fresh.json)).not.toContain(a!.token);

    await call(f.service, "POST", `/api/v1/certificates/${b!.id}/revocation`, { reason: "stolen" });
    const later = await call(f.service, "GET", `/api/v1/shipments/${shipment.id.toLowerCase()}/verify`, undefined, null);
    expect(later.json).toMatchObject({ status: "not-all-genuine", summary: { genuine: 1, revoked: 1 } });
    expect(later.json.items.map((i: any) => i.status)).toEqual(["genuine", "revoked"]);

    // The page the carton's QR opens: every item with its verdict today, the country, not the consignee.
    const page = await f.service.app.request(`/S/${shipment.id}`, { headers: { accept: "text/html", "accept-language": "de-DE,de;q=0.9" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="de"');
    expect(html).toContain("Nicht jedes Stück ist bestätigt");
    expect(html).toContain("Deutschland");
    expect(html).not.toContain("Hamburg Messing");
    expect(html).toContain(`data-item="1" data-certificate="${b!.id}" data-status="revoked"`);
    expect(html).toContain(`href="/v/${a!.id}"`);
    expect(html).toContain(`href="/api/v1/shipments/${shipment.id}/manifest"`);
    const arabic = await f.service.app.request(`/s/${shipment.id.toLowerCase()}?lang=ar`, { headers: { accept: "text/html" } });
    expect(await arabic.text()).toContain('dir="rtl"');
    const missing = await f.service.app.request(`/s/AAAAAAAAAAAAA`, { headers: { accept: "text/html" } });
    expect(missing.status).toBe(404);
  });

  it("lets an exporter see and change only its own shipments, admins all; other roles none", async () => {
    const f = await fixture();
    const mine = await newShipment(f);
    const theirs = await newShipment(f, f.otherExporter);
    const [item] = await certificates(f, 1);
    expect((await call(f.service, "GET", `/api/v1/shipments/${theirs.id}`, undefined, f.exporter)).status).toBe(404);
    expect((await call(f.service, "POST", `/api/v1/shipments/${theirs.id}/items`, { items: [item!.id] }, f.exporter)).status).toBe(404);
    expect((await call(f.service, "POST", `/api/v1/shipments/${theirs.id}/cancel`, {}, f.exporter)).status).toBe(404);
    const listed = await call(f.service, "GET", "/api/v1/shipments?limit=200", undefined, f.exporter);
    expect(listed.json.items.map((s: any) => s.id)).toContain(mine.id);
    expect(listed.json.items.map((s: any) => s.id)).not.toContain(theirs.id);
    const all = await call(f.service, "GET", "/api/v1/shipments?limit=200", undefined, f.service.adminToken);
    expect(all.json.items.map((s: any) => s.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await call(f.service, "POST", "/api/v1/shipments", { consigneeName: "X", consigneeCountry: "AE" }, f.service.adminToken)).status).toBe(403);
    const district = await makeToken(f.service, { role: "district", districtCode: 187 });
    expect((await call(f.service, "GET", "/api/v1/shipments", undefined, district.token)).status).toBe(403);
    expect((await call(f.service, "POST", "/api/v1/shipments", { consigneeName: "X", consigneeCountry: "XX" }, f.exporter)).status).toBe(400);
  });

  it("audits create, add, remove, seal and cancel", async () => {
    const f = await fixture();
    const shipment = await newShipment(f);
    const [a, b] = await certificates(f, 2);
    await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [a!.id, b!.id] }, f.exporter);
    await call(f.service, "DELETE", `/api/v1/shipments/${shipment.id}/items/${b!.id}`, undefined, f.exporter);
    await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, f.exporter);
    await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/cancel`, {}, f.service.adminToken);
    const audit = await call(f.service, "GET", `/api/v1/audit?subjectType=shipment&subjectId=${shipment.id}`);
    expect(audit.json.items.map((e: any) => e.action).reverse()).toEqual(["shipment.create", "shipment.add-items", "shipment.remove-item", "shipment.seal", "shipment.cancel"]);
    expect(JSON.stringify(audit.json)).not.toContain("Al Noor");
  });

  it("lets a seal and an addition that race each other leave a shipment whose manifest signs exactly its items", async () => {
    const f = await fixture();
    for (let attempt = 0; attempt < 3; attempt++) {
      const shipment = await newShipment(f);
      const [a, b] = await certificates(f, 2);
      await call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [a!.id] }, f.exporter);
      const [sealed, added] = await Promise.all([
        call(f.service, "POST", `/api/v1/shipments/${shipment.id}/seal`, undefined, f.exporter),
        call(f.service, "POST", `/api/v1/shipments/${shipment.id}/items`, { items: [b!.id] }, f.exporter),
      ]);
      // Each answer is a success or a clean 409; never a 5xx.
      expect([200, 409]).toContain(sealed.status);
      expect([200, 409]).toContain(added.status);
      const after = await call(f.service, "GET", `/api/v1/shipments/${shipment.id}`, undefined, f.exporter);
      if (after.json.state === "sealed") {
        const manifest = await call(f.service, "GET", `/api/v1/shipments/${shipment.id}/manifest`, undefined, null);
        const verified = await verifyManifest(JSON.stringify(manifest.json), await keyring(f.service));
        expect(verified.items.map((i) => i.certificate)).toEqual(after.json.items.map((i: any) => i.certificate));
      } else {
        expect(sealed.status).toBe(409);
        expect(after.json.itemCount).toBe(2);
      }
    }
  });
});
