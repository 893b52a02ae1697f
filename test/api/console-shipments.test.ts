// The console's shipment pages on both runtimes, through the app with a real session (a software
// authenticator enrols an exporter): create a shipment, add certificates by typed number and by
// verify URL (what the tag scanner writes into the same box), by a CSV file; a refused item is
// shown by its line and nothing is added; the items read back through the API. The scanner
// itself, with a camera, is test/node/shipment-camera-browser.test.ts.
import { makeTestService, type TestService } from "@harness";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ConsoleVisitor, type Answer } from "../support/console.js";
import { makeArtisan, unique } from "../support/principals.js";
import { call, issueCertificate, VARANASI } from "../support/requests.js";

async function person(service: TestService, body: Record<string, unknown>) {
  const res = await call(service, "POST", "/api/v1/invitations", { name: unique("Person"), ...body });
  const visitor = new ConsoleVisitor(service);
  const enrolled = await visitor.enrol((res.json as { url: string }).url);
  if (enrolled.status !== 200) throw new Error(`enrolment failed: ${enrolled.status} ${enrolled.text}`);
  return visitor;
}

/** The add-items form as a browser sends it: multipart, the box's text and maybe a CSV file. */
async function addItems(visitor: ConsoleVisitor, id: string, items: string, csv?: string): Promise<Answer> {
  const form = new FormData();
  form.set("_csrf", await visitor.csrf());
  form.set("items", items);
  form.set("csv", csv === undefined ? new File([], "") : new File([csv], "items.csv", { type: "text/csv" }));
  const res = await visitor.service.app.request(`${visitor.origin}/console/shipments/${id}/items`, {
    method: "POST",
    headers: { origin: visitor.origin, cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: form,
    redirect: "manual",
  });
  return { res, status: res.status, text: await res.text(), json: null };
}

const itemsOf = async (service: TestService, id: string) => ((await call(service, "GET", `/api/v1/shipments/${id}`)).json as { items: { certificate: string }[] }).items.map((i) => i.certificate);

describe("console shipments", () => {
  let service: TestService;
  let exporter: ConsoleVisitor;
  let artisan: number;

  beforeAll(async () => {
    service = await makeTestService();
    exporter = await person(service, { role: "exporter" });
    artisan = await makeArtisan(service, "own");
  }, 30_000);

  async function newShipment(): Promise<string> {
    const created = await exporter.post("/console/shipments", { consigneeName: "Al Noor Trading", consigneeCountry: "ae", reference: unique("INV") });
    expect(created.status).toBe(303);
    const id = /^\/console\/shipments\/([A-Z2-7]{13})\?created$/.exec(created.res.headers.get("location") ?? "")?.[1];
    expect(id).toBeDefined();
    return id!;
  }

  it("creates a shipment, and adds certificates typed by number and by verify URL through the one service", async () => {
    const list = await exporter.request("GET", "/console/shipments");
    expect(list.status).toBe(200);
    expect(list.text).toContain('action="/console/shipments"');
    const refused = await exporter.post("/console/shipments", { consigneeName: "Nobody", consigneeCountry: "XX" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="f-consigneeCountry-error"');

    const id = await newShipment();
    const page = await exporter.request("GET", `/console/shipments/${id}?created`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("The shipment was created");
    // The scanner's markup, its script, and the service's origin it checks tags against.
    expect(page.text).toMatch(/<script defer="" src="\/assets\/scanner\.js\?v=[0-9a-f]{12}">/);
    expect(page.text).toContain(`data-origin="${exporter.origin}"`);
    expect(page.text).toContain('data-target="f-items"');
    const script = await service.app.request("/assets/scanner.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("[data-scanner]");
    // jsQR, where the scanner fetches it (on Workers a module of its own, loaded on this first request).
    const jsqrPath = /data-jsqr="(\/assets\/jsqr\.js\?v=[0-9a-f]{12})"/.exec(page.text)?.[1];
    expect(jsqrPath).toBeDefined();
    const jsqr = await service.app.request(jsqrPath!);
    expect(jsqr.status).toBe(200);
    expect(await jsqr.text()).toContain("asliJsQR");

    const [byUrl, byNumber] = [await issueCertificate(service, artisan), await issueCertificate(service, artisan)];
    // The verify URL as the scanner writes it, and a number as a person types it (spaced, lower case).
    const typedNumber = `${byNumber.id.slice(0, 4)} ${byNumber.id.slice(4).toLowerCase()}`;
    const added = await addItems(exporter, id, `${byUrl.verifyUrl}\n\n${typedNumber}\n${byUrl.verifyUrl}\n`);
    expect(added.status).toBe(303);
    expect(added.res.headers.get("location")).toBe(`/console/shipments/${id}?added=2&already=1`);
    expect(await itemsOf(service, id)).toEqual([byUrl.id, byNumber.id]);
    const after = await exporter.request("GET", added.res.headers.get("location")!);
    expect(after.text).toContain("Added: 2. Already in the shipment: 1.");
    expect(after.text).toContain(`data-certificate="${byUrl.id}"`);

    // Adding again is idempotent.
    const again = await addItems(exporter, id, byUrl.verifyUrl);
    expect(again.res.headers.get("location")).toBe(`/console/shipments/${id}?added=0&already=1`);
  });

  it("shows each refused item by its line and adds none; a CSV adds its rows; both at once is refused", async () => {
    const id = await newShipment();
    const [good, revoked] = [await issueCertificate(service, artisan), await issueCertificate(service, artisan)];
    await call(service, "POST", `/api/v1/certificates/${revoked.id}/revocation`, { reason: "lost" });
    const refused = await addItems(exporter, id, `${good.verifyUrl}\nhello\n${revoked.id}`);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('data-refused-items="2"');
    expect(refused.text).toMatch(/data-row="2"><strong>Line 2<\/strong><p class="meta url">hello<\/p><p class="error">This is neither a certificate number/);
    expect(refused.text).toMatch(/data-row="3"><strong>Line 3<\/strong>.*This certificate was revoked/);
    // What was typed comes back in the box, to correct.
    expect(refused.text).toContain(`${good.verifyUrl}\nhello\n${revoked.id}</textarea>`);
    expect(await itemsOf(service, id)).toEqual([]);

    const both = await addItems(exporter, id, good.id, `certificate\n${good.id}\n`);
    expect(both.status).toBe(422);
    expect(both.text).toContain("not both at once");
    const empty = await addItems(exporter, id, "  \n");
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="f-items-error"');

    const csv = await addItems(exporter, id, "", `certificate,note\n${good.verifyUrl},first\n`);
    expect(csv.status).toBe(303);
    expect(await itemsOf(service, id)).toEqual([good.id]);
  });

  it("answers any text in the box with the shipment's page, never a 5xx; a refusal adds nothing", { timeout: 60_000 }, async () => {
    const id = await newShipment();
    const good = await issueCertificate(service, artisan);
    const line = fc.oneof(fc.string({ maxLength: 60 }), fc.constant(good.verifyUrl), fc.constant(good.id), fc.string({ maxLength: 500 }));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), async (lines) => {
        const before = await itemsOf(service, id);
        const answer = await addItems(exporter, id, lines.join("\n"));
        expect([303, 422]).toContain(answer.status);
        if (answer.status === 422) expect(await itemsOf(service, id)).toEqual(before);
      }),
      { numRuns: 20 },
    );
  });

  it("removes an item, refuses to seal while an item no longer verifies, seals, prints both documents and cancels, through the API's services", async () => {
    const id = await newShipment();
    const [kept, removed, revoked] = [await issueCertificate(service, artisan), await issueCertificate(service, artisan), await issueCertificate(service, artisan)];
    expect((await addItems(exporter, id, [kept.id, removed.id, revoked.id].join("\n"))).status).toBe(303);
    const open = await exporter.request("GET", `/console/shipments/${id}`);
    expect(open.text).toContain('id="seal-title"');
    expect(open.text).not.toContain('id="documents-title"');

    const removal = await exporter.post(`/console/shipments/${id}/items/${removed.id}/remove`, {});
    expect(removal.status).toBe(303);
    expect(removal.res.headers.get("location")).toBe(`/console/shipments/${id}?removed=${removed.id}`);
    expect(await itemsOf(service, id)).toEqual([kept.id, revoked.id]);
    expect((await exporter.request("GET", removal.res.headers.get("location")!)).text).toContain(`Certificate ${removed.id} was removed from the shipment.`);

    await call(service, "POST", `/api/v1/certificates/${revoked.id}/revocation`, { reason: "lost" });
    const refused = await exporter.post(`/console/shipments/${id}/seal`, {});
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Some items no longer verify as genuine");
    expect(refused.text).toMatch(new RegExp(`data-seal-refused="1"><li data-certificate="${revoked.id}">.*This certificate was revoked`));
    expect(((await call(service, "GET", `/api/v1/shipments/${id}`)).json as { state: string }).state).toBe("open");

    expect((await exporter.post(`/console/shipments/${id}/items/${revoked.id}/remove`, {})).status).toBe(303);
    const sealed = await exporter.post(`/console/shipments/${id}/seal`, {});
    expect(sealed.status).toBe(303);
    expect(((await call(service, "GET", `/api/v1/shipments/${id}`)).json as { state: string }).state).toBe("sealed");
    const page = await exporter.request("GET", sealed.res.headers.get("location")!);
    expect(page.text).toContain("The shipment is sealed.");
    expect(page.text).toContain(`href="/console/shipments/${id}/document.pdf"`);
    expect(page.text).not.toContain('id="seal-title"');
    expect(page.text).not.toContain("/remove");

    const document = await exporter.request("GET", `/console/shipments/${id}/document.pdf`);
    expect(document.status).toBe(200);
    expect(document.res.headers.get("content-type")).toBe("application/pdf");
    expect(document.text.startsWith("%PDF-")).toBe(true);
    const labels = await exporter.request("GET", `/console/shipments/${id}/labels.pdf?cartons=3`);
    expect(labels.status).toBe(200);
    expect(labels.text.startsWith("%PDF-")).toBe(true);
    expect((await exporter.request("GET", `/console/shipments/${id}/labels.pdf?cartons=0`)).status).toBe(400);

    const cancelled = await exporter.post(`/console/shipments/${id}/cancel`, { reason: "order withdrawn" });
    expect(cancelled.status).toBe(303);
    expect(((await call(service, "GET", `/api/v1/shipments/${id}`)).json as { state: string }).state).toBe("cancelled");
    const after = await exporter.request("GET", cancelled.res.headers.get("location")!);
    expect(after.text).toContain("The shipment was cancelled.");
    expect(after.text).not.toContain('id="cancel-title"');
    expect((await exporter.post(`/console/shipments/${id}/cancel`, {})).status).toBe(409);
  });

  it("is for exporters: a district office is refused the page and does not see it in the navigation", async () => {
    const office = await person(service, { role: "district", districtCode: VARANASI });
    const page = await office.request("GET", "/console/shipments");
    expect(page.status).toBe(403);
    expect(page.text).toContain("Your role cannot do this.");
    expect(page.text).not.toContain('href="/console/shipments"');
    const exporterHome = await exporter.request("GET", "/console");
    expect(exporterHome.text).toContain('href="/console/shipments"');
  });
});
