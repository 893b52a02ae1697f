// The Node entry and its database files, as an operator meets them: a first start creates the
// database, a lost one is never silently recreated, and files removed, emptied, truncated or made
// immutable under the running service get an error line that names the cause, never silence.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../support/net.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

interface Running {
  base: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  child: ChildProcess;
}

const started: ChildProcess[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  }
});

/** Starts an entry in `cwd`; resolves once it listens, or once it exits (then `base` is ""). */
async function start(cwd: string, options: { entry?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<Running> {
  const port = await freePort();
  // vitest sets BASE_URL (Vite's) in the environment: name ours explicitly.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", BASE_URL: `http://127.0.0.1:${port}` };
  for (const name of ["SIGNING_KEY", "ADMIN_TOKEN", "DATABASE_URL", "ASLI_INIT_DB"]) delete env[name];
  const child = spawn(process.execPath, [TSX, join(ROOT, "src/runtime", options.entry ?? "node.ts"), ...(options.args ?? [])], {
    cwd,
    env: { ...env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const listening = await Promise.race([
    waitUntil(() => output.includes("Asli is listening"), 60_000).then(() => true),
    exited.then(() => false),
  ]);
  return { base: listening ? `http://127.0.0.1:${port}` : "", output: () => output, exited, child };
}

async function waitUntil(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(running: Running): Promise<void> {
  running.child.kill("SIGTERM");
  await running.exited;
}

const DEMO_LINE = /demo certificate \w+(?: \(new\))?: \S+\/V\/(\w+)/;
/** The demo certificate's token, from the verify URL the entry prints (in a later chunk than the listening line, on a busy machine). */
async function demoToken(running: Running): Promise<string> {
  await waitUntil(() => DEMO_LINE.test(running.output()), 10_000);
  return DEMO_LINE.exec(running.output())![1]!;
}
const removeDatabase = (cwd: string) => {
  for (const name of readdirSync(join(cwd, ".data"))) if (name.startsWith("asli.db")) rmSync(join(cwd, ".data", name));
};

describe("the Node entry and its database", () => {
  it("creates the database on the first start only, and never silently recreates a lost one", { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "asli-db-"));
    let running = await start(cwd);
    expect(running.output()).toContain("creating a new database at .data/asli.db");
    const token = await demoToken(running);
    expect((await fetch(`${running.base}/api/v1/verify/${token}`)).status).toBe(200);

    // rm .data/asli.db* under the running service: it says so, and stops writing into the removed file.
    removeDatabase(cwd);
    await waitUntil(() => running.output().includes("database fault: .data/asli.db was removed"), 10_000);
    const verdict = await fetch(`${running.base}/api/v1/verify/${token}`);
    expect(verdict.status).toBe(503);
    expect(((await verdict.json()) as any).status).toBe("unconfirmed");
    expect((await fetch(`${running.base}/healthz`)).status).toBe(503);
    await stop(running);

    // The restart refuses: every certificate would verify as not-registered in a new, empty database.
    running = await start(cwd);
    expect(running.base).toBe("");
    expect(await running.exited).toBe(78);
    expect(running.output()).toContain("no database at .data/asli.db");
    expect(running.output()).toContain("--init-db");
    expect(running.output()).toContain("ASLI_INIT_DB=1");
    expect(running.output()).not.toContain("creating a new database");

    // Told to, it creates one.
    running = await start(cwd, { args: ["--init-db"] });
    expect(running.base).not.toBe("");
    expect(running.output()).toContain("creating a new database at .data/asli.db");
  });

  it("needs --init-db or ASLI_INIT_DB=1 for the first start of a deployment (SIGNING_KEY set)", { timeout: 90_000 }, async () => {
    const env = { SIGNING_KEY: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A", ADMIN_TOKEN: "asli_entrytestadmintokennotasecret0" };
    const refused = await start(mkdtempSync(join(tmpdir(), "asli-db-")), { env });
    expect(await refused.exited).toBe(78);
    expect(refused.output()).toContain("SIGNING_KEY is set");
    const told = await start(mkdtempSync(join(tmpdir(), "asli-db-")), { env: { ...env, ASLI_INIT_DB: "1" } });
    expect(told.base).not.toBe("");
  });

  it("verifies from signatures alone once its database file is emptied under it, and says why", { timeout: 90_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "asli-db-"));
    const running = await start(cwd);
    const token = await demoToken(running);
    truncateSync(join(cwd, ".data/asli.db"), 0);
    await waitUntil(() => running.output().includes("database fault: .data/asli.db was emptied"), 10_000);
    const res = await fetch(`${running.base}/api/v1/verify/${token}`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).status).toBe("unconfirmed");
    const page = await fetch(`${running.base}/V/${token}`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('data-status="unconfirmed"');
    expect(running.child.exitCode).toBeNull();
  });

  it("under npm start, names the cause and exits non-zero when SIGBUS kills it (its WAL index truncated)", { timeout: 90_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "asli-db-"));
    const running = await start(cwd, { entry: "node-supervisor.ts" });
    truncateSync(join(cwd, ".data/asli.db-shm"), 0);
    await fetch(`${running.base}/healthz`).catch(() => undefined);
    const code = await running.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(running.output()).toContain("asli: the service was killed by SIGBUS: .data/asli.db-shm (the WAL index) was truncated");
  });

  // chattr needs root and a file system with attributes (ext4 here); skipped where it cannot run.
  const chattr = spawnSync("chattr", ["--help"]).error === undefined && process.getuid?.() === 0;
  it.skipIf(!chattr)("names the cause when its database files are made immutable under it", { timeout: 90_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "asli-db-"));
    const running = await start(cwd, { entry: "node-supervisor.ts" });
    const files = ["asli.db", "asli.db-wal", "asli.db-shm"].map((f) => join(cwd, ".data", f));
    expect(spawnSync("chattr", ["+i", ...files]).status).toBe(0);
    try {
      await fetch(`${running.base}/healthz`).catch(() => undefined);
      // Whichever comes first: SIGBUS on the next touch of the mapped WAL index (reported by the
      // supervisor, exit non-zero), or the file check (the service stops using the database).
      await waitUntil(() => /asli\.db(-wal|-shm)? is not writable \(EPERM/.test(running.output()), 10_000);
      if (running.output().includes("killed by SIGBUS")) expect(await running.exited).not.toBe(0);
      else expect((await fetch(`${running.base}/healthz`)).status).toBe(503);
    } finally {
      spawnSync("chattr", ["-i", ...files]);
    }
  });
});
