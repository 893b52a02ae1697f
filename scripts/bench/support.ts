// Shared machinery for `npm run bench` sections: the section contract, a loopback server on
// an ephemeral port, an HTTP load run in a child process, and peak RSS tracking.
//
// This file is also the entry of the load child: runLoad() forks it (see the bottom).
import { serve } from "@hono/node-server";
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { generateApiToken, hashApiToken } from "../../src/core/api-token.js";
import { generateSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import { createApp, type AppDeps } from "../../src/http/app.js";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { loadKeyring } from "../../src/service/keyring.js";
import { nodeLazyModules } from "../../src/runtime/renderers.js";
import { transparencyLogFor, type TransparencyLog, type TransparencyLogOptions } from "../../src/service/tlog.js";
import { startScanBuffer } from "../../src/service/scans.js";

// ---------------------------------------------------------------------------------------------
// The section contract

export type Figure = number | string;

/** Prints one figure as `name: value` on a line of its own (stdout; everything else goes to stderr). */
export type Report = (name: string, value: Figure) => void;

export interface BenchSection {
  /** Short lower-case name, also the argument that selects it: `npm run bench -- verify`. */
  name: string;
  run(report: Report): Promise<void>;
}

/** Progress for the human watching; stderr, so stdout stays `name: value` lines only. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A fresh directory under the OS temp dir; the caller removes it with the returned function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles of single measurements

/**
 * With BENCH_CPU_PROFILE=dir, runs `measure` under V8's sampling profiler (this process's main
 * thread) and writes `dir/<name>.cpuprofile`; without it, just runs it. Unlike `node
 * --cpu-prof`, which profiles a whole process, setup and warm-up included, this profiles one
 * measured run. Summarise with `npx tsx scripts/cpuprofile-summary.ts dir/<name>.cpuprofile`.
 * Profiling costs CPU itself: figures of a profiled run are not comparable with others.
 */
export async function profiled<T>(name: string, measure: () => Promise<T>): Promise<T> {
  const profile = await startProfile();
  if (!profile) return measure();
  try {
    return await measure();
  } finally {
    await profile.stop(name);
  }
}

/** The profiler started now, when BENCH_CPU_PROFILE names a directory; `stop` writes `dir/<name>.cpuprofile`. */
export async function startProfile(): Promise<{ stop(name: string): Promise<void> } | undefined> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop(name) {
      try {
        const { profile } = await session.post("Profiler.stop");
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
        log(`cpu profile: ${join(dir, `${name}.cpuprofile`)}`);
      } finally {
        session.disconnect();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A server on 127.0.0.1, ephemeral port

export interface BenchServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

export function startServer(fetch: FetchHandler): Promise<BenchServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive sockets from the load generator would otherwise hold close() open.
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon in a child process
//
// Why a child process and not the same process: the server is one JavaScript thread. Run in
// the same process, autocannon would share that thread's event loop, so every request would
// also pay the client's cost (building, parsing, histogram) on the server's thread. That
// fixed cost per request is the same for both routes, so it would pull any ratio towards 1
// and flatter the slower route. In a child, the client runs on the other of the machine's 2
// cores; it still competes with libuv's thread pool (where WebCrypto's Ed25519 runs) and
// with other users of the machine, but it does so equally for both routes.

export interface LoadJob {
  origin: string;
  /** Request paths, sent in turn by every connection (so distinct tokens keep rotating). */
  paths: string[];
  connections: number;
  durationSeconds: number;
  /** Sent with every request (say Accept-Encoding, as a phone's browser sends it). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Mean of autocannon's per-second samples. */
  rps: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  /**
   * CPU time (user + system, all threads, so WebCrypto's thread pool too) that this process,
   * the server, spent per request while the load ran. Unlike requests per second it hardly
   * moves when other work on the machine takes cores away, so it is the steadier comparison.
   */
  serverCpuMicrosPerRequest: number;
  /** Responses outside 2xx, socket errors and timeouts: all must be 0 for a valid measurement. */
  non2xx: number;
  errors: number;
  timeouts: number;
}

const CHILD_FLAG = "ASLI_BENCH_LOAD_CHILD";
const CHILD_GRACE_MS = 30_000;

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(job.origin)) throw new Error(`load only on loopback, not ${job.origin}`);
  // Measured from before the fork, so it includes the child's start (the server idles then).
  const cpuBefore = process.cpuUsage();
  const result = await runLoadChild(job);
  const cpu = process.cpuUsage(cpuBefore);
  return { ...result, serverCpuMicrosPerRequest: result.requests ? (cpu.user + cpu.system) / result.requests : 0 };
}

type ChildResult = Omit<LoadResult, "serverCpuMicrosPerRequest">;

function runLoadChild(job: LoadJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // fork() keeps process.execArgv, so the child runs this same .ts file under tsx's loader.
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, [CHILD_FLAG]: "1" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    const finish = (error: Error | null, result?: ChildResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      if (error) reject(error);
      else resolve(result!);
    };
    // Bounded in time whatever happens to the child.
    const timer = setTimeout(() => finish(new Error("load child did not finish in time")), job.durationSeconds * 1000 + CHILD_GRACE_MS);
    child.once("message", (result) => finish(null, result as ChildResult));
    child.once("error", (error) => finish(error));
    child.once("exit", (code) => finish(new Error(`load child exited with code ${code} before reporting`)));
    child.send(job);
  });
}

// The few parts of autocannon's programmatic API used here (it ships no type declarations).
interface AutocannonRequest {
  method: "GET";
  path: string;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

async function loadChild(): Promise<void> {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  const job = await new Promise<LoadJob>((resolve) => process.once("message", (message) => resolve(message as LoadJob)));
  // Plain requests, no setupRequest: autocannon builds each buffer once, so the client does
  // the same small amount of work per request whatever the route.
  const result = await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.durationSeconds,
    requests: job.paths.map((path) => ({ method: "GET", path, ...(job.headers ? { headers: job.headers } : {}) })),
  });
  const summary: ChildResult = {
    rps: result.requests.average,
    requests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.send!(summary, () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Peak RSS

/**
 * Samples this process's resident set size while a section runs. The kernel's own high-water
 * mark (resourceUsage().maxRSS) covers the whole process lifetime, so a later section could
 * not tell its own peak from an earlier one's; sampling gives a per-section figure.
 */
export function trackPeakRss(intervalMs = 50): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    /** Peak RSS in MiB since the tracker started. */
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return round(peak / 1024 / 1024, 1);
    },
  };
}

if (process.env[CHILD_FLAG] === "1" && process.send) {
  loadChild().catch((error: unknown) => {
    console.error(`[bench] load child failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

/**
 * The real app over a fresh libSQL file in `dirPath`, with a new signing key, log key and admin
 * token. `makeLog` replaces the transparency log (the tlog bench's baseline without one).
 */
export async function benchApp(dirPath: string, baseUrl: string, extra: Partial<AppDeps> = {}, makeLog?: (options: TransparencyLogOptions) => TransparencyLog) {
  const { client, db } = await openLibsqlDatabase(`file:${dirPath}/asli.db`);
  const signingKey = await signingKeyFromSeed(generateSeed());
  const keyring = await loadKeyring(db, signingKey, new Date());
  const adminToken = generateApiToken();
  const clock = () => new Date();
  const logOptions = { db, baseUrl, key: await signingKeyFromSeed(generateSeed()), clock };
  const log = makeLog ? makeLog({ ...logOptions, origin: new URL(baseUrl).host + "/log", url: `${baseUrl}/log/` }) : transparencyLogFor(logOptions);
  // Counting on, as on Node in production: buffered, written every second.
  const scans = startScanBuffer({ db, clock, countryOf: () => null });
  const deps: AppDeps = { db, signingKey, keyring, adminTokenHash: await hashApiToken(adminToken), baseUrl, clock, log, ...nodeLazyModules, scans: scans.recorder, ...extra };
  const app = createApp(deps);
  return { client, db, signingKey, adminToken, app, deps, scans };
}
