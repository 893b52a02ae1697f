// The optional photo on the report form, on both runtimes: a plain multipart POST (no script),
// re-encoded without its metadata before anything is written, stored with the report, and shown
// only to the staff who handle the report (the API and the console), never to the public. Every
// refusal is a page in the reader's language, with nothing stored.
import { makeTestService, runtime, TEST_START, type TestService } from "@harness";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { de } from "../../src/pages/i18n/messages/de.js";
import { es } from "../../src/pages/i18n/messages/es.js";
import { fr } from "../../src/pages/i18n/messages/fr.js";
import { ur } from "../../src/pages/i18n/messages/ur.js";
import { hi } from "../../src/pages/i18n/messages/hi.js";
import { PHOTO_LIMITS } from "../../src/service/media.js";
import { deleteOldReportPhotos, PHOTO_RETENTION_DAYS } from "../../src/service/reports.js";
import { ConsoleVisitor } from "../support/console.js";
import { includesBytes, pngBomb, samplePhoto } from "../support/images.js";
import { makeArtisan, makeCertificate, makeToken } from "../support/principals.js";
import { call, LUCKNOW, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";

const ORIGIN = "https://asli.example";
const USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) PhotoReportAgent/3.2";
const CLIENT_IP = "198.51.100.23";
const FIELDS = { place: "Godowlia market", city: "Varanasi", country: "IN", seller: "Banaras Weaves", priceAmount: "7200", priceCurrency: "INR" };

async function openForm(service: TestService, serial: string, lang: string) {
  const html = await (await service.app.request(`/report?serial=${serial}&lang=${lang}`)).text();
  return { html, ticket: /name="_ticket" value="([^"]+)"/.exec(html)?.[1] ?? "" };
}

/** Sends the form as a browser does with a file field: multipart/form-data, with its length. */
async function sendMultipart(service: TestService, fields: Record<string, string>, photo: Uint8Array | undefined, lang: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (photo) form.append("photo", new Blob([photo as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }), "IMG_2041.jpg");
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers = { "content-type": encoded.headers.get("content-type")!, "content-length": String(body.length), origin: ORIGIN, "user-agent": USER_AGENT, "x-forwarded-for": CLIENT_IP };
  const res = await service.app.request(`/report?lang=${lang}`, { method: "POST", headers, body, redirect: "manual" });
  return { res, status: res.status, html: await res.text() };
}

async function reportWithPhoto(service: TestService, serial: string, photo: Uint8Array | undefined, lang = "en", fields: Record<string, string> = FIELDS) {
  const { ticket } = await openForm(service, serial, lang);
  return sendMultipart(service, { _ticket: ticket, about: serial, ...fields }, photo, lang);
}

async function reportsAbout(service: TestService, serial: string) {
  return (await call(service, "GET", `/api/v1/reports?certificate=${serial}`)).json.items as any[];
}

async function staff(service: TestService, body: Record<string, unknown>) {
  const invited = await call(service, "POST", "/api/v1/invitations", { name: `Staff ${Math.random()}`, ...body });
  const visitor = new ConsoleVisitor(service);
  expect((await visitor.enrol(invited.json.url)).status).toBe(200);
  return visitor;
}

describe(`a report's photo (${runtime})`, () => {
  it("offers a file field on a form that works without scripts", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const { html } = await openForm(service, serial, "en");
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toMatch(/<input type="file" id="r-photo" name="photo" accept="image\/jpeg,image\/png"/);
    expect(html).toContain("A JPEG or PNG file of at most 2 MB.");
  });

  it("stores the photo re-encoded with the report and shows it only to those who handle the report", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const photo = samplePhoto(800, 600);
    expect(includesBytes(photo, "GPSLatitude")).toBe(true);
    const sent = await reportWithPhoto(service, serial, photo);
    expect(sent.status).toBe(303);
    expect(sent.res.headers.get("location")).toMatch(/^\/report\/[a-z2-7]{32}\?sent&lang=en$/);

    const [filed] = await reportsAbout(service, serial);
    expect(filed).toMatchObject({ place: "Godowlia market", photoUrl: `/api/v1/reports/${filed.id}/photo` });
    const keys = await service.deps.media!.list(`reports/${filed.id}/`);
    expect(keys).toEqual([expect.stringMatching(new RegExp(`^reports/${filed.id}/[0-9a-f]{32}\\.jpg$`))]);

    const served = await call(service, "GET", filed.photoUrl);
    expect([served.status, served.type]).toEqual([200, "image/jpeg"]);
    expect(served.res.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await served.res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(includesBytes(bytes, "GPSLatitude")).toBe(false);

    // Not public: no media path serves it, no token of another office or role opens it.
    expect((await service.app.request(`/media/${keys[0]}`)).status).toBe(404);
    expect((await call(service, "GET", filed.photoUrl, undefined, null)).status).toBe(401);
    const lucknow = await makeToken(service, { role: "district", districtCode: LUCKNOW });
    expect((await call(service, "GET", filed.photoUrl, undefined, lucknow.token)).status).toBe(404);
    const exporter = await makeToken(service, { role: "exporter" });
    expect((await call(service, "GET", filed.photoUrl, undefined, exporter.token)).status).toBe(403);
    const varanasi = await makeToken(service, { role: "district", districtCode: VARANASI });
    expect((await call(service, "GET", filed.photoUrl, undefined, varanasi.token)).status).toBe(200);

    // The console's report page shows it from our origin, to the district's own office only.
    const office = await staff(service, { role: "district", districtCode: VARANASI });
    const page = await office.request("GET", `/console/reports/${filed.id}?lang=en`);
    expect(page.text).toContain(`<img class="report-photo" src="/console/reports/${filed.id}/photo"`);
    const inConsole = await office.request("GET", `/console/reports/${filed.id}/photo`);
    expect([inConsole.status, inConsole.res.headers.get("content-type")]).toEqual([200, "image/jpeg"]);
    const other = await staff(service, { role: "district", districtCode: LUCKNOW });
    expect((await other.request("GET", `/console/reports/${filed.id}/photo`)).status).toBe(404);
    expect((await new ConsoleVisitor(service).request("GET", `/console/reports/${filed.id}/photo`)).status).toBe(303);

    // Nothing about the sender's device or connection, and none of the upload's metadata.
    const dump = await snapshot(service.deps.db);
    for (const trace of [USER_AGENT, "PhotoReportAgent", CLIENT_IP, "IMG_2041"]) expect(dump).not.toContain(trace);
  });

  it("files a report without a photo from the same multipart form, and says so to the office", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    expect((await reportWithPhoto(service, serial, undefined)).status).toBe(303);
    const [filed] = await reportsAbout(service, serial);
    expect(filed.photoUrl).toBeNull();
    expect((await call(service, "GET", `/api/v1/reports/${filed.id}/photo`)).status).toBe(404);
    const office = await staff(service, { role: "district", districtCode: VARANASI });
    expect((await office.request("GET", `/console/reports/${filed.id}?lang=hi`)).text).toContain("कोई फ़ोटो नहीं");
  });

  it("refuses what is not a usable photo beside the field, in the reader's language, and stores nothing", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const storedBefore = (await service.deps.media!.list("reports/")).length;
    const cases: [Uint8Array, string, number, string][] = [
      [new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "fr", 422, fr.reportPhoto.notAnImage],
      [pngBomb(50_000, 50_000, 4096), "de", 422, de.reportPhoto.dimensions],
      [samplePhoto().subarray(0, 300), "ur", 422, ur.reportPhoto.unreadable],
      // Within the body's limit, but larger than a photo may be.
      [new Uint8Array(PHOTO_LIMITS.maxBytes + 1), "es", 413, es.reportPhoto.tooLarge.replace("{max}", "2 MB")],
    ];
    for (const [bytes, lang, status, message] of cases) {
      const refused = await reportWithPhoto(service, serial, bytes, lang);
      expect([lang, refused.status]).toEqual([lang, status]);
      expect(refused.html).toContain(`<p class="error" id="r-photo-error">${message}</p>`);
      expect(refused.html).toContain('aria-invalid="true"');
      // The reporter's answers are kept; a fresh ticket lets them send the form again.
      expect(refused.html).toContain('value="Godowlia market"');
    }
    expect(await reportsAbout(service, serial)).toEqual([]);
    expect(await service.deps.media!.list("reports/")).toHaveLength(storedBefore);
    // The refused ticket was not used: the same form can still be sent, with a good photo.
    const { ticket } = await openForm(service, serial, "en");
    expect((await sendMultipart(service, { _ticket: ticket, about: serial, ...FIELDS }, new Uint8Array(12), "en")).status).toBe(422);
    expect((await sendMultipart(service, { _ticket: ticket, about: serial, ...FIELDS }, samplePhoto(), "en")).status).toBe(303);
  });

  it("refuses a body past its limit with a page in the reader's language, before reading it", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const storedBefore = (await service.deps.media!.list("reports/")).length;
    const refused = await reportWithPhoto(service, serial, new Uint8Array(PHOTO_LIMITS.maxBytes + 70 * 1024), "ar");
    expect(refused.status).toBe(413);
    expect(refused.html).toContain('<html lang="ar" dir="rtl"');
    expect(refused.html).toContain("لم يُرسَل البلاغ: الصورة كبيرة جدًا");
    expect(await reportsAbout(service, serial)).toEqual([]);
    expect(await service.deps.media!.list("reports/")).toHaveLength(storedBefore);
  });

  it("answers any multipart body, well-formed or not, with a page and a 4xx or the redirect, never a 5xx", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const { ticket } = await openForm(service, serial, "en");
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.constantFrom(samplePhoto(), samplePhoto().subarray(0, 200), pngBomb(30_000, 30_000, 1024), new TextEncoder().encode("GIF89a")),
    );
    const part = fc.oneof(
      fc.tuple(fc.constantFrom("place", "city", "seller", "note", "photo", "photo", "_ticket", "other"), fc.string({ maxLength: 80 })).map(([name, value]) => ({ name, value: value as string | Uint8Array })),
      file.map((bytes) => ({ name: "photo", value: bytes as string | Uint8Array })),
    );
    const garbage = fc.uint8Array({ maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 6 }), fc.boolean(), fc.option(garbage), async (parts, complete, raw) => {
        let body: Uint8Array;
        let type: string;
        if (raw) {
          // Not what a browser sends: bytes under a multipart type, boundary or not.
          body = raw;
          type = "multipart/form-data; boundary=----asli";
        } else {
          const form = new FormData();
          if (complete) for (const [k, v] of Object.entries({ _ticket: ticket, about: serial, ...FIELDS })) form.append(k, v);
          for (const p of parts) {
            if (typeof p.value === "string") form.append(p.name, p.value);
            else form.append(p.name, new Blob([p.value as Uint8Array<ArrayBuffer>]), "f.jpg");
          }
          const encoded = new Response(form);
          body = new Uint8Array(await encoded.arrayBuffer());
          type = encoded.headers.get("content-type")!;
        }
        const res = await service.app.request("/report?lang=en", { method: "POST", headers: { origin: ORIGIN, "content-type": type, "content-length": String(body.length) }, body: body as Uint8Array<ArrayBuffer>, redirect: "manual" });
        expect([303, 400, 403, 409, 413, 422, 429]).toContain(res.status);
        if (res.status !== 303) expect(res.headers.get("content-type")).toContain("text/html");
      }),
      { numRuns: 40 },
    );
  });

  it("asks for the photo again when other answers need attention", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const storedBefore = (await service.deps.media!.list("reports/")).length;
    const refused = await reportWithPhoto(service, serial, samplePhoto(), "hi", { ...FIELDS, priceAmount: "a lot" });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('id="r-priceAmount-error"');
    expect(refused.html).toContain("फ़ोटो फिर से चुनें: संदेशों के साथ लौटे फ़ॉर्म में फ़ोटो नहीं रहती।");
    expect(await service.deps.media!.list("reports/")).toHaveLength(storedBefore);
  });
  it("keeps a report whose photo cannot be stored, and tells the reporter it was sent without the photo", async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const media = service.deps.media!;
    const put = media.put;
    // The storage fails after the report is saved (a full disk, an R2 outage).
    media.put = () => Promise.reject(new Error("storage unavailable"));
    const sent = await reportWithPhoto(service, serial, samplePhoto(), "hi").finally(() => (media.put = put));
    expect(sent.status).toBe(303);
    const location = sent.res.headers.get("location")!;
    expect(location).toMatch(/^\/report\/[a-z2-7]{32}\?sent&photo-lost&lang=hi$/);

    const page = await (await service.app.request(location)).text();
    expect(page).toContain(hi.report.sent.title);
    expect(page).toContain(hi.report.sent.photoLost);
    // The language switcher keeps the notice.
    expect(page).toContain("?sent&amp;photo-lost&amp;lang=en");
    const [filed] = await reportsAbout(service, serial);
    expect(filed).toMatchObject({ place: "Godowlia market", photoUrl: null });
    expect(await media.list(`reports/${filed.id}/`)).toEqual([]);
    // A report sent with its photo says nothing of the kind.
    const stored = await reportWithPhoto(service, serial, samplePhoto(), "hi");
    const fine = await (await service.app.request(stored.res.headers.get("location")!)).text();
    expect(fine).not.toContain(hi.report.sent.photoLost);
  });

  it(`deletes a closed report's photo ${PHOTO_RETENTION_DAYS} days after closing, keeping the report; an open or reopened report keeps its photo`, async () => {
    const service = await makeTestService();
    const serial = await makeCertificate(service, await makeArtisan(service, "own"));
    const media = service.deps.media!;
    for (let i = 0; i < 3; i++) expect((await reportWithPhoto(service, serial, samplePhoto(320 + i, 240))).status).toBe(303);
    const [third, second, first] = (await reportsAbout(service, serial)).sort((a, b) => b.id - a.id);
    const day = 86_400_000;
    const close = (id: number) => call(service, "PATCH", `/api/v1/reports/${id}`, { status: "closed", outcome: "confirmed-fake" });
    expect((await close(first.id)).status).toBe(200);
    expect((await close(second.id)).status).toBe(200);
    // Reopened later: it is being handled again, so its photo stays.
    service.setNow(new Date(TEST_START.getTime() + 10 * day));
    expect((await call(service, "PATCH", `/api/v1/reports/${second.id}`, { status: "investigating" })).status).toBe(200);

    const photos = async (id: number) => (await media.list(`reports/${id}/`)).length;
    const at = (days: number) => new Date(TEST_START.getTime() + days * day);
    expect(await deleteOldReportPhotos(service.deps, at(PHOTO_RETENTION_DAYS - 1))).toBe(0);
    expect(await photos(first.id)).toBe(1);

    // A delete that fails leaves the report naming its photo, for the next run to retry.
    const remove = media.delete;
    media.delete = () => Promise.reject(new Error("storage unavailable"));
    await expect(deleteOldReportPhotos(service.deps, at(PHOTO_RETENTION_DAYS + 1)).finally(() => (media.delete = remove))).rejects.toThrow("storage unavailable");
    expect((await call(service, "GET", `/api/v1/reports/${first.id}`)).json.photoUrl).toBe(`/api/v1/reports/${first.id}/photo`);
    expect(await photos(first.id)).toBe(1);

    expect(await deleteOldReportPhotos(service.deps, at(PHOTO_RETENTION_DAYS + 1))).toBe(1);
    expect([await photos(first.id), await photos(second.id), await photos(third.id)]).toEqual([0, 1, 1]);
    const kept = (await call(service, "GET", `/api/v1/reports/${first.id}`)).json;
    expect(kept).toMatchObject({ status: "closed", outcome: "confirmed-fake", place: "Godowlia market", photoUrl: null });
    expect((await call(service, "GET", `/api/v1/reports/${first.id}/photo`)).status).toBe(404);
    // Run again: nothing left to delete.
    expect(await deleteOldReportPhotos(service.deps, at(PHOTO_RETENTION_DAYS + 2))).toBe(0);
    // Closed again: one run takes every photo due, a page of `limit` at a time.
    expect((await close(second.id)).status).toBe(200);
    expect((await close(third.id)).status).toBe(200);
    expect(await deleteOldReportPhotos(service.deps, at(10 + 2 * PHOTO_RETENTION_DAYS), 1)).toBe(2);
    expect([await photos(second.id), await photos(third.id)]).toEqual([0, 0]);
  });
});
