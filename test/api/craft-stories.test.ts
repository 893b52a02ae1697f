// The story of each craft is registry data: seeded in English and Hindi where it could be
// written truthfully, served with the reference data and in verdicts, edited by the state cell
// (admin) language by language, audited, and shown on the verify page in the reader's language.
import { makeTestService, runtime, type TestService } from "@harness";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../support/snapshot.js";
import { call, issueCertificate, registerArtisan, VARANASI } from "../support/requests.js";
import { makeToken, unique } from "../support/principals.js";

let service: TestService;
const BANARASI_SILK_SAREE = 103;
const BANARAS_BROCADES = 2;
const AGRA_DURRIE = 19; // no story seeded: nothing was written rather than guessed

beforeAll(async () => {
  service = await makeTestService();
});

describe(`craft stories (${runtime})`, () => {
  it("are seeded in English and Hindi for the crafts that could be described, and empty elsewhere", async () => {
    const gi = await call(service, "GET", "/api/v1/gi-tags", undefined, null);
    const brocades = gi.json.giTags.find((g: any) => g.id === BANARAS_BROCADES);
    expect(brocades.story.en).toMatch(/^Banarasi saris are woven on handlooms/);
    expect(brocades.story.hi).toMatch(/हथकरघे/);
    expect(gi.json.giTags.find((g: any) => g.id === AGRA_DURRIE).story).toEqual({});
    const withStory = gi.json.giTags.filter((g: any) => g.story.en && g.story.hi).length;
    expect(withStory).toBeGreaterThanOrEqual(50);

    const districts = await call(service, "GET", "/api/v1/districts", undefined, null);
    const varanasi = districts.json.districts.find((d: any) => d.code === VARANASI);
    const saree = varanasi.products.find((p: any) => p.id === BANARASI_SILK_SAREE);
    expect(saree.story.en).toMatch(/zari/);
  });

  it("travel in the verdict with the artisan's GI authorised-user number", async () => {
    const number = unique("AU-STORY");
    const artisan = await registerArtisan(service, { giTagId: BANARAS_BROCADES, giAuthorisedUserNumber: number });
    const { token } = await issueCertificate(service, artisan.id);
    const { json } = await call(service, "GET", `/api/v1/verify/${token}`, undefined, null);
    expect(json.certificate.product.story.en).toMatch(/^Banarasi saris/);
    expect(json.certificate.giTag.story.hi).toMatch(/बनारसी/);
    expect(json.certificate.giTag.authorisedUserNumber).toBe(number);
    expect(json.certificate.artisan.photoUrl).toBeNull();
  });

  it("are edited by language, as a merge patch, audited, and shown on the page in the reader's language", async () => {
    const french = "Les saris de Bénarès sont tissés à la main en soie fine, avec des motifs brochés de fil d’or et d’argent.";
    const patched = await call(service, "PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { fr: `  ${french}  ` } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ id: BANARASI_SILK_SAREE, districtCode: VARANASI, name: "Banarasi Silk Saree" });
    expect(patched.json.story.fr).toBe(french);
    expect(patched.json.story.en).toMatch(/^Banarasi saris/);

    const artisan = await registerArtisan(service, { name: "Story Weaver" });
    const { token } = await issueCertificate(service, artisan.id);
    const fr = await (await service.app.request(`/V/${token}?lang=fr`)).text();
    expect(fr).toContain(french);
    // No German text: the English one, marked as English.
    const de = await (await service.app.request(`/V/${token}?lang=de`)).text();
    expect(de).toContain('<p class="story" lang="en" dir="ltr">Banarasi saris');

    const removed = await call(service, "PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { fr: null } });
    expect(removed.json.story).not.toHaveProperty("fr");
    expect(removed.json.story.hi).toBeTruthy();

    const audit = await call(service, "GET", `/api/v1/audit?subjectType=product&subjectId=${BANARASI_SILK_SAREE}`);
    const actions = audit.json.items.map((e: any) => e.action);
    expect(actions.filter((a: string) => a === "product.change").length).toBeGreaterThanOrEqual(2);
    expect(audit.json.items[0].after).toEqual({ story: { fr: null } });
  });

  it("lose no language when two editors change different ones at once", async () => {
    const [ur, ja] = await Promise.all([
      call(service, "PATCH", `/api/v1/gi-tags/${AGRA_DURRIE}`, { story: { ur: "آگرہ کی دریاں ہاتھ سے بُنی جاتی ہیں۔" } }),
      call(service, "PATCH", `/api/v1/gi-tags/${AGRA_DURRIE}`, { story: { ja: "アグラのダリーは手織りの敷物です。" } }),
    ]);
    expect([ur.status, ja.status]).toEqual([200, 200]);
    const tag = (await call(service, "GET", "/api/v1/gi-tags", undefined, null)).json.giTags.find((g: any) => g.id === AGRA_DURRIE);
    expect(Object.keys(tag.story).sort()).toEqual(["ja", "ur"]);
    // A story edit leaves the GI's other fields as they were.
    expect(tag.applicationNumber).toBeNull();
    expect(tag.districtCodes).toEqual([118]);
  });

  it("refuse what is not a story: an unknown language, nothing to change, a formula, too long; and anyone but the state cell", async () => {
    const district = (await makeToken(service, { role: "district", districtCode: VARANASI })).token;
    const cases: [string, string, unknown, number, string, string?][] = [
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { pt: "Sari" } }, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: {} }, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, {}, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { en: "=HYPERLINK(\"x\")" } }, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { en: "x".repeat(601) } }, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { en: "" } }, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { en: "ok" }, name: "Renamed" }, 400, "validation-failed"],
      ["PATCH", "/api/v1/products/9999", { story: { en: "A story." } }, 404, "not-found"],
      ["PATCH", `/api/v1/gi-tags/${BANARAS_BROCADES}`, { story: { xx: "?" } }, 400, "validation-failed"],
      ["PATCH", `/api/v1/products/${BANARASI_SILK_SAREE}`, { story: { en: "A story." } }, 403, "role-not-allowed", district],
    ];
    const before = (await call(service, "GET", "/api/v1/districts", undefined, null)).json;
    for (const [method, path, body, status, code, token] of cases) {
      const res = await call(service, method, path, body, token ?? service.adminToken);
      expect({ path, body, status: res.status, code: res.json?.code }).toEqual({ path, body, status, code });
    }
    expect((await call(service, "GET", "/api/v1/districts", undefined, null)).json).toEqual(before);
  });

  it("never answer a story edit of any shape with a 5xx, and a refusal writes nothing", async () => {
    const language = fc.oneof(fc.constantFrom("en", "hi", "ur", "zh", "pt", "EN", ""), fc.string({ maxLength: 4 }));
    const text = fc.oneof(fc.constant(null), fc.constantFrom("A story.", " =1+1", "\u0000", "x".repeat(600)), fc.string({ maxLength: 700 }), fc.integer());
    const body = fc.oneof(fc.dictionary(language, text, { maxKeys: 4 }).map((story) => ({ story })), fc.anything());
    const target = fc.oneof(fc.constantFrom(`/api/v1/products/${BANARASI_SILK_SAREE}`, `/api/v1/gi-tags/${AGRA_DURRIE}`), fc.integer({ min: 0, max: 200 }).map((id) => `/api/v1/products/${id}`));
    await fc.assert(
      fc.asyncProperty(target, body, async (path, payload) => {
        const before = await snapshot(service.deps.db);
        const res = await call(service, "PATCH", path, payload);
        expect(res.status, `${path} ${JSON.stringify(payload)}`).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(service.deps.db)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
