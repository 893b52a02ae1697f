// Artisans' photos through the API, on both runtimes (files under a temporary directory on
// Node, miniflare's R2 bucket on Workers): a JPEG or PNG is re-encoded and stored, its EXIF
// gone; it is served from our origin as an immutable JPEG and shown on the verify page. A file
// that is not an image, too large, or a decompression bomb is refused and nothing is stored.
import { makeTestService, runtime, type TestService } from "@harness";
import { describe, expect, it } from "vitest";
import { makeArtisan, makeCertificate, makeToken } from "../support/principals.js";
import { call, checkAgainstDescription, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";
import { includesBytes, jpegDeclaring, makePng, pngBomb, samplePhoto } from "../support/images.js";

async function upload(service: TestService, artisanId: number, bytes: Uint8Array, type = "image/jpeg", token = service.adminToken) {
  const path = `/api/v1/artisans/${artisanId}/photo`;
  const res = await service.app.request(path, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": type }, body: bytes as Uint8Array<ArrayBuffer> });
  const json = (await res.json()) as any;
  checkAgainstDescription("PUT", path, res.status, res.headers.get("content-type") ?? "", json);
  return { status: res.status, json };
}

const stored = (service: TestService, artisanId: number) => service.deps.media!.list(`artisans/${artisanId}/`);

describe(`artisans' photos (${runtime})`, () => {
  it("re-encodes and stores a photo, serves it from our origin, and shows it on the verify page", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own");
    const photo = samplePhoto(640, 480);
    expect(includesBytes(photo, "GPSLatitude")).toBe(true);

    const answer = await upload(service, artisanId, photo);
    expect(answer.status).toBe(200);
    expect(answer.json.photoUrl).toMatch(new RegExp(`^/media/artisans/${artisanId}/[0-9a-f]{32}\\.jpg$`));
    expect(await stored(service, artisanId)).toEqual([answer.json.photoUrl.slice("/media/".length)]);

    const served = await service.app.request(answer.json.photoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(includesBytes(bytes, "GPSLatitude")).toBe(false);
    expect(includesBytes(bytes, "Camera serial")).toBe(false);

    const certificate = await makeCertificate(service, artisanId);
    const verify = await call(service, "GET", `/api/v1/certificates/${certificate}`);
    const page = await (await service.app.request(new URL(verify.json.verifyUrl).pathname, { headers: { accept: "text/html" } })).text();
    expect(page).toContain(`<img src="${answer.json.photoUrl}"`);

    // A new photo replaces the old one, whose file goes; a PNG is stored as a JPEG too.
    const png = makePng({ width: 30, height: 20, colourType: 2, bitDepth: 8, samples: Array.from({ length: 30 * 20 * 3 }, (_, i) => (i * 7) % 256) });
    const replaced = await upload(service, artisanId, png, "image/png");
    expect(replaced.json.photoUrl).not.toBe(answer.json.photoUrl);
    expect(await stored(service, artisanId)).toEqual([replaced.json.photoUrl.slice("/media/".length)]);
    expect((await service.app.request(answer.json.photoUrl)).status).toBe(404);

    const audit = await call(service, "GET", `/api/v1/audit?subjectType=artisan&subjectId=${artisanId}&action=artisan.photo`);
    expect(audit.json.items.map((e: any) => e.after.photoUrl)).toEqual([replaced.json.photoUrl, answer.json.photoUrl]);

    const removed = await call(service, "DELETE", `/api/v1/artisans/${artisanId}/photo`);
    expect([removed.status, removed.json.photoUrl]).toEqual([200, null]);
    expect(await stored(service, artisanId)).toEqual([]);
  });

  it("refuses a file that is not an image, too large, or a decompression bomb, and stores nothing", async () => {
    const service = await makeTestService();
    const artisanId = await makeArtisan(service, "own");
    const before = await snapshot(service.deps.db);
    const cases: [Uint8Array, string, number, string][] = [
      [new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "image/png", 422, "not-an-image"],
      [pngBomb(50_000, 50_000, 4096), "image/png", 422, "image-dimensions-too-large"],
      [jpegDeclaring(8000, 8000), "image/jpeg", 422, "image-dimensions-too-large"],
      [pngBomb(200, 200, 8 * 1024 * 1024), "image/png", 422, "image-unreadable"],
      [samplePhoto().subarray(0, 300), "image/jpeg", 422, "image-unreadable"],
      [new Uint8Array(2 * 1024 * 1024 + 1), "image/jpeg", 413, "payload-too-large"],
    ];
    for (const [bytes, type, status, code] of cases) {
      const answer = await upload(service, artisanId, bytes, type);
      expect([answer.status, answer.json.code], code).toEqual([status, code]);
    }
    const wrongType = await upload(service, artisanId, samplePhoto(), "image/gif");
    expect([wrongType.status, wrongType.json.code]).toEqual([415, "unsupported-media-type"]);
    expect(await snapshot(service.deps.db)).toBe(before);
    expect(await stored(service, artisanId)).toEqual([]);
  });

  it("lets only the artisan's district office or the registry change the photo", async () => {
    const service = await makeTestService();
    const own = await makeArtisan(service, "own");
    const other = await makeArtisan(service, "other");
    const district = await makeToken(service, { role: "district", districtCode: VARANASI });
    expect((await upload(service, own, samplePhoto(), "image/jpeg", district.token)).status).toBe(200);
    const refused = await upload(service, other, samplePhoto(), "image/jpeg", district.token);
    expect([refused.status, refused.json.code]).toEqual([403, "out-of-scope"]);
    expect(await stored(service, other)).toEqual([]);
    expect((await upload(service, 999_999, samplePhoto())).status).toBe(404);
    for (const path of [`/media/artisans/${own}/nothing.jpg`, `/media/artisans/${own}/${"0".repeat(32)}.jpg`, "/media/artisans/../../asli.db", "/media/reports/1/x.jpg"]) {
      expect((await service.app.request(path)).status, path).toBe(404);
    }
  });
});
