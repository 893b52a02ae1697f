// Protocol behaviour of the real worker entry inside workerd (the app's own behaviour is
// tested on both runtimes in test/api/): what reaches it over the Workers fetch handler.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/runtime/worker.js";
import type { WorkerEnv } from "../../src/runtime/worker-deps.js";

const ORIGIN = "https://asli.example";

/** Through the worker's own fetch handler, as workerd calls it for a request from outside. */
async function send(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Parameters<NonNullable<typeof worker.fetch>>[0], env as WorkerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("the worker entry: protocol points (workerd, D1)", () => {
  it("answers 413 to an over-limit chunked body without reading it all", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await send(
      new Request(`${ORIGIN}/api/v1/certificates`, {
        method: "POST",
        headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload-too-large");
    expect(pulled).toBeLessThan(1024 * 1024);
  });

  it("answers a method a path does not take with 405 and Allow (workerd itself answers 501 to a method it does not know at all)", async () => {
    const res = await send(new Request(`${ORIGIN}/api/v1/artisans`, { method: "PROPFIND", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } }));
    expect([res.status, res.headers.get("allow")]).toEqual([405, "GET, HEAD, POST"]);
    expect(((await res.json()) as { code: string }).code).toBe("method-not-allowed");
  });

  it("takes the Bearer scheme in any case, and sends HSTS for its HTTPS origin", async () => {
    const res = await send(new Request(`${ORIGIN}/api/v1/audit?limit=1`, { headers: { authorization: `bearer  ${env.ADMIN_TOKEN} ` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000");
  });
});
