// Random JSON at every write endpoint: never a 5xx, never a change to the database.
import { makeTestService, runtime, type TestService } from "@harness";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { artisanChanges, artisanInput, giAuthorisationChange, statusChange } from "../../src/service/artisans.js";
import { certificateInput } from "../../src/service/certificates.js";
import { giTagChanges, giTagInput, productInput } from "../../src/service/registry.js";
import { rotateInput, tokenInput } from "../../src/service/tokens.js";
import { invitationInput } from "../../src/service/invitations.js";
import { call } from "../support/requests.js";
import { buildRegistry, type Registry } from "../support/principals.js";
import { snapshot } from "../support/snapshot.js";

// With the schema each endpoint validates against: a random value that happens to be valid is
// skipped, since a valid request is meant to write.
const WRITES = (r: Registry): [string, string, z.ZodType][] => [
  ["POST", "/api/v1/artisans", artisanInput],
  ["PATCH", `/api/v1/artisans/${r.own.artisanId}`, artisanChanges],
  ["POST", `/api/v1/artisans/${r.own.artisanId}/status`, statusChange],
  ["POST", `/api/v1/artisans/${r.own.artisanId}/gi-authorisation`, giAuthorisationChange],
  ["POST", "/api/v1/certificates", certificateInput],
  ["POST", "/api/v1/tokens", tokenInput],
  ["POST", `/api/v1/tokens/${r.own.tokenId}/rotate`, rotateInput],
  ["POST", "/api/v1/gi-tags", giTagInput],
  ["PATCH", "/api/v1/gi-tags/3", giTagChanges],
  ["POST", "/api/v1/districts/187/products", productInput],
  ["POST", "/api/v1/invitations", invitationInput],
];

// Values near the valid ones make the validator work harder than pure noise does.
const nearValid = fc.oneof(
  fc.constantFrom("active", "suspended", "withdraw", "confirm", "admin", "district", "09AAACK1234A1Z8", "UDYAM-UP-65-0012345", 187, 103, 2, -1, 0, 1e309, "", null),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);
const KEYS = ["name", "districtCode", "productId", "craft", "giTagId", "giAuthorisedUserNumber", "gstin", "udyam", "seller", "status", "reason", "action", "artisanId", "title", "materials", "madeOn", "role", "overlapSeconds", "languages", "photoUrl", "category", "applicationNumber", "districtCodes", "addDistrictCodes", "__proto__", "constructor"];
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(nearValid, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 6 }),
);

describe(`fuzzing every write endpoint (${runtime})`, () => {
  let service: TestService;
  let registry: Registry;
  beforeAll(async () => {
    service = await makeTestService();
    registry = await buildRegistry(service);
  });

  it("answers random JSON with a 4xx problem and writes nothing", async () => {
    const before = await snapshot(service.deps.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES(registry)), body, async ([method, path, schema], value) => {
        fc.pre(!schema.safeParse(value).success);
        const res = await call(service, method, path, value);
        expect(res.status, `${method} ${path} ${JSON.stringify(value)} → ${JSON.stringify(res.json)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.type).toBe("application/problem+json");
        expect(typeof res.json.code).toBe("string");
      }),
      { numRuns: 300 },
    );
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("answers raw bytes that are not JSON with a 4xx", async () => {
    const before = await snapshot(service.deps.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES(registry)), fc.string({ maxLength: 200 }), fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8", ""), async ([method, path], text, type) => {
        fc.pre(!/^\s*[{[]/.test(text));
        const res = await service.app.request(path, { method, headers: { authorization: `Bearer ${service.adminToken}`, "content-type": type }, body: text });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect(await snapshot(service.deps.db)).toBe(before);
  });
});

// Values shaped like the schemas, so that many pass validation and reach the services' own
// checks (districts, GI regions, duplicates, scopes): the code paths pure noise never reaches.
const districtCode = fc.oneof(fc.constantFrom(187, 162, 118, 179, 168), fc.integer({ min: 1, max: 0xffff }));
const smallId = fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 0xffff }));
const word = fc.oneof(fc.constantFrom("Weaver", "Zari", "कारीगर", "A", " x "), fc.string({ minLength: 1, maxLength: 20 }));
const gstin = fc.constantFrom("09AAACK1234A1Z8", "27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "27AAPFU0939F1ZW");
const shaped: Record<string, fc.Arbitrary<unknown>> = {
  artisan: fc.record(
    {
      name: word,
      districtCode,
      productId: smallId,
      craft: word,
      giTagId: fc.integer({ min: 1, max: 80 }),
      giAuthorisedUserNumber: fc.constantFrom("AU-1", "AU-2", "AU-3"),
      gstin,
      seller: fc.record({ name: word, gstin }),
      status: fc.constantFrom("pending", "active"),
    },
    { requiredKeys: ["name", "districtCode"] },
  ),
  certificate: fc.record(
    { artisanId: smallId, title: word, materials: fc.array(word, { maxLength: 3 }), madeOn: fc.constantFrom("2026-02-01", "2026-03-02", "2025-02-29"), productId: smallId, claimGi: fc.boolean() },
    { requiredKeys: ["artisanId", "title"] },
  ),
  giChange: fc.record({ applicationNumber: fc.constantFrom("1", "99", "645"), addDistrictCodes: fc.array(districtCode, { minLength: 1, maxLength: 4 }) }, { requiredKeys: [] }),
  token: fc.record({ name: word, role: fc.constantFrom("admin", "district", "gi-body", "artisan", "exporter"), districtCode, giTagId: smallId, artisanId: smallId, expiresInDays: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: ["name", "role"] }),
  status: fc.record({ status: fc.constantFrom("active", "suspended"), reason: word }),
  gi: fc.record({ action: fc.constantFrom("confirm", "withdraw"), reason: word }),
};

describe(`fuzzing write endpoints with schema-shaped values (${runtime})`, () => {
  let service: TestService;
  let registry: Registry;
  beforeAll(async () => {
    service = await makeTestService();
    registry = await buildRegistry(service);
  });

  it("never answers 5xx, and a refusal writes nothing", async () => {
    const targets = fc.oneof(
      shaped.artisan!.map((b) => ["POST", "/api/v1/artisans", b] as const),
      shaped.certificate!.map((b) => ["POST", "/api/v1/certificates", b] as const),
      fc.tuple(fc.integer({ min: 1, max: 70 }), shaped.giChange!).map(([id, b]) => ["PATCH", `/api/v1/gi-tags/${id}`, b] as const),
      shaped.token!.map((b) => ["POST", "/api/v1/tokens", b] as const),
      shaped.status!.map((b) => ["POST", `/api/v1/artisans/${registry.own.artisanId}/status`, b] as const),
      shaped.gi!.map((b) => ["POST", `/api/v1/artisans/${registry.other.artisanId}/gi-authorisation`, b] as const),
    );
    await fc.assert(
      fc.asyncProperty(targets, fc.constantFrom("admin", "district", "artisan"), async ([method, path, body], role) => {
        const before = await snapshot(service.deps.db);
        const res = await call(service, method, path, body, registry.tokens[role as "admin"]);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)} → ${JSON.stringify(res.json)}`).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(service.deps.db)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
