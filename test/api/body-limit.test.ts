// Every operation that takes a body reads it as it streams and stops at its limit: a chunked
// body with no Content-Length, far over the limit, gets 413 after at most the limit and a chunk
// or two has been pulled from the client's stream. The Node test of the same thing over real
// HTTP, with the server's memory measured, is test/node/body-limit.test.ts.
import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "../../src/http/app.js";
import { MAX_JSON_BODY_BYTES } from "../../src/http/input.js";
import { MAX_BATCH_BODY_BYTES } from "../../src/service/batches.js";
import { MAX_ITEMS_BODY_BYTES } from "../../src/service/shipments.js";
import { makeToken } from "../support/principals.js";

const CHUNK = 64 * 1024;

/** A body of up to `total` bytes of blanks, made as it is pulled; `pulled()` says how much was. */
function countingStream(total: number) {
  let pulled = 0;
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe(`request bodies are limited while they stream (${runtime})`, () => {
  const withBody = API_OPERATIONS.filter((op) => op.body);

  it("covers every operation that takes a body", () => {
    expect(withBody.map((op) => `${op.method} ${op.path}`)).toContain("post /api/v1/certificates");
    expect(withBody.length).toBeGreaterThan(10);
  });

  for (const op of withBody) {
    for (const type of ["application/json", ...(op.bodyTypes ?? [])]) {
      const limit = op.path === "/api/v1/batches" ? MAX_BATCH_BODY_BYTES : op.path === "/api/v1/shipments/{id}/items" ? MAX_ITEMS_BODY_BYTES : MAX_JSON_BODY_BYTES;
      it(`${op.method.toUpperCase()} ${op.path} (${type}) answers 413 to a chunked body past ${limit} bytes without reading the rest`, async () => {
        const service = await makeTestService();
        // The limit applies to whoever may send the body: an exporter's token for exporters' operations.
        const token = Array.isArray(op.roles) && !op.roles.includes("admin") ? (await makeToken(service, { role: op.roles[0] })).token : service.adminToken;
        const body = countingStream(4 * limit);
        // A shipment that exists, since a missing one is refused before its body is read.
        const shipmentId = op.path.startsWith("/api/v1/shipments/{id}")
          ? ((await (await service.app.request("/api/v1/shipments", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ consigneeName: "Limit Trading", consigneeCountry: "ae" }) })).json()) as { id: string }).id
          : "1";
        const path = op.path.replace("{kid}", "A".repeat(43)).replace("/shipments/{id}", `/shipments/${shipmentId}`).replace(/\{\w+\}/g, "1");
        const res = await service.app.request(path, {
          method: op.method.toUpperCase(),
          headers: { authorization: `Bearer ${token}`, "content-type": type },
          body: body.stream,
          duplex: "half",
        } as RequestInit);
        expect(res.status).toBe(413);
        expect(((await res.json()) as { code: string }).code).toBe("payload-too-large");
        expect(body.pulled()).toBeLessThanOrEqual(limit + 2 * CHUNK);
      });
    }
  }

  it("still takes a body just under the limit", async () => {
    const service = await makeTestService();
    const padding = " ".repeat(MAX_JSON_BODY_BYTES - 200);
    const res = await service.app.request("/api/v1/artisans", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "application/json" },
      body: `{"name":"Limit Weaver","districtCode":187,"productId":103}${padding}`,
    });
    expect(res.status).toBe(201);
  });
});
