// Another process holds the libSQL file's write lock (a backup, the sqlite3 shell, a second
// instance): writes wait for it, on every connection of the client's pool, while verification
// goes on; a lock held past the wait gets 503 database-busy with Retry-After, and nothing is
// half-written.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ScanBuffer } from "../../src/service/scans.js";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { nodeLazyModules } from "../../src/runtime/renderers.js";
import { buildTestService } from "../support/service.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WAIT_MS = 1000;

// A separate process: BEGIN IMMEDIATE takes the write lock; a line on stdin commits.
const HOLDER = `
const Database = require("libsql");
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
console.log("locked");
process.stdin.once("data", () => { db.exec("COMMIT"); db.close(); process.exit(0); });
`;

let holder: ChildProcess | undefined;
afterEach(() => {
  holder?.kill();
  holder = undefined;
});

async function holdWriteLock(path: string): Promise<{ release(): Promise<void> }> {
  const child = spawn(process.execPath, ["-e", HOLDER, path], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  holder = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => (chunk.toString().includes("locked") ? resolve() : reject(new Error(chunk.toString()))));
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.stdin!.write("commit\n");
      }),
  };
}

async function busyService() {
  const path = join(mkdtempSync(join(tmpdir(), "asli-busy-")), "asli.db");
  const { client, db } = await openLibsqlDatabase(`file:${path}`, { busyWaitMs: WAIT_MS });
  return { path, client, service: await buildTestService(db, undefined, nodeLazyModules) };
}

const register = (service: Awaited<ReturnType<typeof busyService>>["service"], name: string) =>
  call(service, "POST", "/api/v1/artisans", { name, districtCode: 187, productId: 103 });

describe("a write lock held by another process", () => {
  it("is waited for by every write, on every connection, when it is released within the wait", async () => {
    const { path, client, service } = await busyService();
    // Overlapping calls each get a connection of the pool: each must have the same settings.
    const settings = await Promise.all(Array.from({ length: 5 }, () => client.execute("SELECT * FROM pragma_synchronous, pragma_busy_timeout, pragma_foreign_keys")));
    for (const result of settings) expect(result.rows[0]).toMatchObject({ synchronous: 1, timeout: expect.any(Number), foreign_keys: 1 });

    const lock = await holdWriteLock(path);
    const writes = Promise.all(Array.from({ length: 9 }, (_, i) => register(service, `Waiting Weaver ${i}`)));
    setTimeout(() => void lock.release(), 300);
    const results = await writes;
    expect(results.map((r) => r.status)).toEqual(Array(9).fill(201));
  });

  it("gets 503 database-busy with Retry-After past the wait, writes nothing, and does not hold up verification", async () => {
    const { path, service } = await busyService();
    const artisan = await registerArtisan(service);
    const issued = await issueCertificate(service, artisan.id);

    const lock = await holdWriteLock(path);
    const order: string[] = [];
    const writes = Promise.all([
      register(service, "Blocked Weaver").then((r) => (order.push("write"), r)),
      call(service, "POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Blocked saree", materials: ["silk"] }).then((r) => (order.push("write"), r)),
    ]);
    const verdict = await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null);
    order.push("verify");
    expect(verdict.json.status).toBe("genuine");

    for (const write of await writes) {
      expect(write.status).toBe(503);
      expect(write.json).toMatchObject({ status: 503, code: "database-busy" });
      expect(Number(write.res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // The verify, asked after the writes, was answered while they waited.
    expect(order[0]).toBe("verify");

    await lock.release();
    expect((await call(service, "GET", "/api/v1/artisans?q=Blocked")).json.items).toEqual([]);
    expect((await call(service, "GET", "/api/v1/certificates?q=Blocked")).json.items).toEqual([]);
    const audit = (await call(service, "GET", "/api/v1/audit")).json.items as { action: string }[];
    expect(audit.filter((e) => e.action === "artisan.register" || e.action === "certificate.issue")).toHaveLength(2);
  });

  it("keeps the scans a flush could not write for the lock, and the next flush writes every one of them", async () => {
    const { path, service } = await busyService();
    const artisan = await registerArtisan(service);
    const issued = await issueCertificate(service, artisan.id);
    const buffer = new ScanBuffer({ db: service.deps.db, clock: () => new Date(), countryOf: () => null });
    const summary = () => service.deps.db.all<{ count: number }>(sql`SELECT count FROM certificate_scans WHERE certificate_id = ${issued.id}`);

    const lock = await holdWriteLock(path);
    for (let i = 0; i < 3; i++) buffer.record(issued.id, new Request(`http://127.0.0.1/api/v1/verify/${issued.token}`));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await buffer.flush();
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^scan counts: 3 scan\(s\) not written \(database busy, SQLITE_BUSY.*\); kept for the next write$/));
    } finally {
      logged.mockRestore();
    }
    expect(buffer.waiting).toBe(3);
    expect(await summary()).toEqual([]);

    await lock.release();
    await buffer.flush();
    expect(buffer.waiting).toBe(0);
    expect(await summary()).toEqual([{ count: 3 }]);
  });
});
