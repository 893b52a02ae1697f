// `npm start` as a person runs it: development secrets on the first start, production secrets
// later, and a verdict (not an empty 431) for an absurdly long verify path.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../support/net.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
let child: ChildProcess | undefined;
/** What the running start has printed so far. */
let printed = "";

/** Starts src/runtime/node.ts in `cwd` (where it keeps .data/); resolves with its base URL once it listens. */
async function start(cwd: string, env: Record<string, string> = {}): Promise<string> {
  const port = await freePort();
  child = spawn(process.execPath, [TSX, join(ROOT, "src/runtime/node.ts")], {
    cwd,
    // vitest sets BASE_URL (Vite's) in the environment: name ours explicitly.
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", BASE_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${output}`)), 30_000);
    printed = "";
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      printed = output;
      if (output.includes("Asli is listening")) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child!.stdout!.on("data", read);
    child!.stderr!.on("data", read);
    child!.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

async function stop(): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.removeAllListeners("exit");
    running.on("exit", () => resolve());
    running.kill("SIGTERM");
  });
}

afterEach(stop);

const status = (base: string, path: string, token: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe("npm start", () => {
  it("answers a 100 KB verify path with an invalid verdict over real HTTP", async () => {
    const base = await start(mkdtempSync(join(tmpdir(), "asli-start-")));
    const res = await fetch(`${base}/api/v1/verify/${"A".repeat(100 * 1024)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).status).toBe("invalid");
  });

  it("revokes the development admin token once ADMIN_TOKEN is set", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "asli-start-"));
    let base = await start(cwd);
    const devToken = readFileSync(join(cwd, ".data/dev-admin-token"), "utf8").trim();
    expect(await status(base, "/api/v1/audit", devToken)).toBe(200);
    await stop();

    const adminToken = "asli_productionadmintokenfortests00";
    base = await start(cwd, { ADMIN_TOKEN: adminToken });
    expect(await status(base, "/api/v1/audit", devToken)).toBe(401);
    expect(await status(base, "/api/v1/audit", adminToken)).toBe(200);
    const audit = (await (await fetch(`${base}/api/v1/audit?action=token.revoke`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as any;
    expect(audit.items[0].actor.role).toBe("system");
  });

  it("prints a working one-time console link for the demo district officer, a new one each start, none with ADMIN_TOKEN", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "asli-start-"));
    const linkIn = async (base: string) => {
      // The listening line comes first; the demo lines follow it (the certificate's line is always there).
      for (let i = 0; i < 100 && !/demo certificate/.test(printed); i++) await new Promise((r) => setTimeout(r, 100));
      return new RegExp(`${base.replace(/[.]/g, "\\.")}/console/join/[a-z2-7]{32}`).exec(printed)?.[0];
    };
    let base = await start(cwd);
    const first = await linkIn(base);
    expect(first).toBeDefined();
    const page = await fetch(first!);
    expect(page.status, printed).toBe(200);
    expect(await page.text()).toContain("Demo district officer (Varanasi)");
    await stop();

    base = await start(cwd);
    const second = await linkIn(base);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await fetch(first!.replace(/:\d+\//, `:${new URL(base).port}/`))).status).toBe(410);
    expect((await fetch(second!)).status).toBe(200);
    await stop();

    base = await start(cwd, { ADMIN_TOKEN: "asli_productionadmintokenfortests00" });
    expect(await linkIn(base)).toBeUndefined();
  });
});
