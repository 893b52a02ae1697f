// Random bodies at POST /api/v1/batches: never a 5xx, and never a half-written batch.
import { makeTestService, runtime } from "@harness";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { certificates } from "../../db/schema.js";
import { registerArtisan } from "../support/requests.js";

// Pieces that make CSV parsers and row checks work: quotes, separators, line ends, formula
// starts, column names, ids that exist and ids that do not, Devanagari, a byte-order mark.
const piece = fc.constantFrom(
  '"', '""', ",", "\n", "\r\n", "\r", "=", "+", "-", "@", "\t", " ", ";", "\ufeff",
  "artisan_id", "title", "materials", "made_on", "product_id", "claim_gi", "gi_tag_id", "artisan",
  "1", "2", "103", "999999", "0", "-5", "2026-02-20", "2999-01-01", "yes", "no", "maybe", "साड़ी", "Saree",
);
const csvText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
const withHeader = fc.tuple(fc.constantFrom("artisan_id,title", "artisan_id,title,materials,made_on,product_id,claim_gi,gi_tag_id", "title,artisan_id,gi_tag_id"), csvText).map(([h, rest]) => `${h}\n${rest}`);
const bytes = fc.uint8Array({ maxLength: 120 });

describe(`fuzzing batch issuance (${runtime})`, () => {
  it("answers any CSV, byte string or JSON with 201 or a coded 4xx, and issues exactly what it reports", async () => {
    const service = await makeTestService();
    await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-FUZZ-1" });
    let issued = 0;
    const body = fc.oneof(
      withHeader.map((text) => ["text/csv", text] as const),
      csvText.map((text) => ["text/csv", text] as const),
      bytes.map((b) => ["text/csv", b] as const),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ["application/json", JSON.stringify({ items: Array.isArray(v) ? v : [v] })] as const),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ["application/json", JSON.stringify(v)] as const),
    );
    await fc.assert(
      fc.asyncProperty(body, async ([type, payload]) => {
        const res = await service.app.request("/api/v1/batches", {
          method: "POST",
          headers: { authorization: `Bearer ${service.adminToken}`, "content-type": type },
          body: payload as BodyInit,
        });
        const json = (await res.json()) as { code?: string; itemCount?: number };
        expect(res.status, JSON.stringify(json)).toBeLessThan(500);
        if (res.status === 201) issued += json.itemCount!;
        else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.headers.get("content-type")).toBe("application/problem+json");
          expect(json.code).toMatch(/^[a-z0-9-]+$/);
        }
      }),
      { numRuns: 400 },
    );
    const rows = await service.deps.db.$count(certificates);
    expect(rows).toBe(issued);
  });
});
