// Starts the service as README.md says (`npm start`, with a temporary DATABASE_URL and ASLI_INIT_DB=1,
// on 127.0.0.1 and a free port), and a witness as docs/transparency-log.md §8.2 says (`npm run
// witness`), each in its own process group that is stopped by its id.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const WORKTREE = fileURLToPath(new URL("../../../", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startProcess(args: string[], env: Record<string, string>): Started {
  // Vitest puts Vite's BASE_URL ("/") into process.env; the service would read it as its public origin.
  const { BASE_URL: _vite, ...inherited } = process.env;
  const child = spawn("npm", args, {
    cwd: WORKTREE,
    env: { ...inherited, ...env },
    detached: true, // its own process group, so that stop() ends npm and what it started, by id
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try { process.kill(-child.pid, "SIGTERM"); } catch { return; }
      const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000).unref());
      if ((await Promise.race([exited, timer])) === "timeout") {
        try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
      }
    },
  };
}

export async function waitFor(url: string, started: Started, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (started.child.exitCode !== null) throw new Error(`process exited early:\n${started.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms:\n${started.output()}`);
}

export async function runCaptured(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const child = spawn("npm", args, { cwd: WORKTREE, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm ${args.join(" ")} exited ${code}: ${stderr}`);
  return { stdout, stderr };
}
