// scripts/issue-batch against a real server on 127.0.0.1, and a full 10,000-row batch.
import { serve } from "@hono/node-server";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestService, type TestService } from "../support/harness.node.js";
import { registerArtisan } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules/.bin/tsx");

let service: TestService;
let server: ReturnType<typeof serve>;
let origin: string;
let artisanId: number;
const dir = mkdtempSync(join(tmpdir(), "asli-issue-batch-"));

beforeAll(async () => {
  service = await makeTestService();
  artisanId = (await registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: "AU-CLI-1" })).id;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: service.app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function issueBatch(file: string, ...args: string[]) {
  return run(TSX, ["scripts/issue-batch.ts", file, "--url", origin, ...args], {
    env: { ...process.env, ASLI_TOKEN: service.adminToken },
    timeout: 120_000,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("scripts/issue-batch", () => {
  it("issues a CSV file, saves the label sheet, and a second run returns the same batch", async () => {
    const file = join(dir, "saree-lot.csv");
    writeFileSync(file, ["artisan_id,title,materials", ...Array.from({ length: 30 }, (_, i) => `${artisanId},Saree ${i + 1},silk; zari`)].join("\n"));
    const out = join(dir, "labels.pdf");
    const first = await issueBatch(file, "--out", out);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe(out);
    expect(first.stderr).toMatch(/uploading: \d+ bytes sent/);
    expect(first.stderr).toMatch(/batch B-[A-Z2-7]{13}: 30 certificates/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    const id = /batch (B-[A-Z2-7]{13})/.exec(first.stderr)![1];

    const before = await snapshot(service.deps.db);
    const second = await issueBatch(file, "--out", join(dir, "again.pdf"));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`batch ${id}: 30 certificates (issued earlier with this key; nothing new issued)`);
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("prints every refused row and exits 1, issuing nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, `artisan_id,title\n${artisanId},Good\n424242,Nobody\n${artisanId},"=HYPERLINK(""http://x.example"",""x"")"\n`);
    const before = await snapshot(service.deps.db);
    const result = await issueBatch(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("HTTP 422 batch-invalid");
    expect(result.stderr).toMatch(/row 3\s+artisan_id\s+unknown-artisan/);
    expect(result.stderr).toMatch(/row 4\s+title\s+formula-injection/);
    expect(result.stderr).toContain("nothing was issued");
    expect(await snapshot(service.deps.db)).toBe(before);
  });
});

describe("a full batch", () => {
  it("issues 10,000 rows in one request, every certificate stored with its row", async () => {
    const csv = ["artisan_id,title", ...Array.from({ length: 10_000 }, (_, i) => `${artisanId},Brass bowl ${i + 1}`)].join("\r\n");
    const res = await service.app.request("/api/v1/batches", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "text/csv" },
      body: csv,
    });
    expect(res.status).toBe(201);
    const batch = (await res.json()) as { id: string; itemCount: number; certificates: { row: number; id: string }[] };
    expect(batch.itemCount).toBe(10_000);
    expect(new Set(batch.certificates.map((c) => c.id)).size).toBe(10_000);
    expect(batch.certificates.at(-1)!.row).toBe(10_001);
    const stored = await service.app.request(`/api/v1/batches/${batch.id}`, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(((await stored.json()) as typeof batch).certificates).toEqual(batch.certificates);
  });
});
