// Bench section "batch": a 10,000-row CSV batch issued through the HTTP API on a loopback
// server, against bare native Ed25519 signing of 10,000 messages in the server's process
// (goal, issue 7: batch_to_signing_ratio < 3); then that batch's A4 label sheet (goal: at
// least 200 labels a second, with its size per label); the server's peak RSS (goal < 300 MB).
//
// Each round runs the server in a child process of its own, on a fresh database: the peak
// RSS is then that of a server that issued a batch and drew its sheet, not of this bench
// process with its client and earlier rounds. This process is the HTTP client and times each
// request from sending to the last byte received. The machine is shared, so bare signing and
// the batch alternate over ROUNDS rounds and the best of each is compared.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { randomBytes } from "../../src/core/bytes.js";
import { forEachConcurrently } from "../../src/core/concurrency.js";
import type { SigningKey } from "../../src/core/keys.js";
import { encodePayloadV1, serialFromBytes } from "../../src/core/payload.js";
import { webCryptoSign } from "../../src/core/signature.js";
import { signedMessageV1 } from "../../src/core/token.js";
import { SIGNING_CONCURRENCY } from "../../src/service/batches.js";
import { listDistricts, listGiTags } from "../../src/store/registry.js";
import { benchApp, log, round, startProfile, startServer, tempDir, type BenchSection, type Report } from "./support.js";

const ITEMS = Number(process.env.BENCH_BATCH_ITEMS ?? 10_000);
const ARTISANS = 40;
const ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 5);
const SERVER_FLAG = "ASLI_BENCH_BATCH_SERVER";

export const batchSection: BenchSection = { name: "batch", run: runBatchBench };

// ---------------------------------------------------------------------------------------------
// The parent: client and referee

type Ask = { kind: "sign" } | { kind: "rss" } | { kind: "cpu"; profile?: "start" | "stop"; name?: string };
type Answer =
  | { kind: "ready"; origin: string; token: string; artisanIds: number[] }
  | { kind: "signed"; sequential: number; concurrent: number; concurrentCpu: number }
  | { kind: "rss"; maxRssMb: number }
  | { kind: "cpu"; seconds: number };

class ServerChild {
  private readonly process: ChildProcess;
  private readonly answers: Answer[] = [];
  private waiting: ((a: Answer) => void) | undefined;

  constructor() {
    // fork() keeps process.execArgv, so the child runs this same .ts file under tsx's loader.
    this.process = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [SERVER_FLAG]: "1" }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.process.on("message", (a: Answer) => (this.waiting ? (this.waiting(a), (this.waiting = undefined)) : this.answers.push(a)));
  }

  next(): Promise<Answer> {
    const queued = this.answers.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the bench server did not answer within 5 minutes")), 300_000);
      this.waiting = (a) => {
        clearTimeout(timer);
        resolve(a);
      };
      this.process.once("exit", (code) => reject(new Error(`the bench server exited with ${code}`)));
    });
  }

  ask(a: Ask): Promise<Answer> {
    this.process.send(a);
    return this.next();
  }

  stop(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}

async function runBatchBench(report: Report): Promise<void> {
  report("batch_items", ITEMS);
  const batchRuns: number[] = [];
  const batchCpu: number[] = [];
  const signRuns: { sequential: number; concurrent: number; concurrentCpu: number }[] = [];
  let peakRss = 0;
  for (let pass = 1; pass <= ROUNDS; pass++) {
    const child = new ServerChild();
    try {
      const ready = await child.next();
      if (ready.kind !== "ready") throw new Error("unexpected answer from the bench server");
      const auth = { authorization: `Bearer ${ready.token}` };
      const csv = batchCsv(ready.artisanIds);
      if (pass === 1) report("batch_csv_bytes", csv.length);

      const signed = await child.ask({ kind: "sign" });
      if (signed.kind === "signed") signRuns.push(signed);
      log(`batch: POST ${ITEMS} rows as text/csv (round ${pass} of ${ROUNDS})`);
      // BENCH_CPU_PROFILE=dir: the server's main thread is profiled while it issues each batch.
      const cpuBefore = await child.ask({ kind: "cpu", profile: "start" });
      const posted = await timed("POST", `${ready.origin}/api/v1/batches`, { ...auth, "content-type": "text/csv; charset=utf-8" }, csv);
      const cpuAfter = await child.ask({ kind: "cpu", profile: "stop", name: `batch-round-${pass}` });
      const batch = batchHead(posted.status, posted.head);
      if (batch.itemCount !== ITEMS) throw new Error(`batch issued ${batch.itemCount} certificates, expected ${ITEMS}`);
      batchRuns.push(posted.seconds);
      if (cpuBefore.kind === "cpu" && cpuAfter.kind === "cpu") batchCpu.push(cpuAfter.seconds - cpuBefore.seconds);

      if (pass === ROUNDS) {
        log(`labels: GET the A4 sheet for ${ITEMS} labels`);
        const sheet = await timed("GET", `${ready.origin}/api/v1/batches/${batch.id}/labels.pdf`, auth);
        if (sheet.status !== 200 || !sheet.head.startsWith("%PDF-")) throw new Error(`labels.pdf answered ${sheet.status}: ${sheet.head.slice(0, 200)}`);
        report("label_sheet_seconds", round2(sheet.seconds));
        report("labels_per_second", round(ITEMS / sheet.seconds));
        report("label_sheet_bytes", sheet.bytes);
        report("label_sheet_bytes_per_label", round(sheet.bytes / ITEMS));
      }
      const rss = await child.ask({ kind: "rss" });
      if (rss.kind === "rss") peakRss = Math.max(peakRss, rss.maxRssMb);
    } finally {
      child.stop();
    }
  }
  const sequential = Math.min(...signRuns.map((r) => r.sequential));
  const concurrent = Math.min(...signRuns.map((r) => r.concurrent));
  report("sign_10000_sequential_seconds", round(sequential, 3));
  report("sign_10000_concurrent_seconds", round(concurrent, 3));
  report("batch_10000_all_runs_seconds", batchRuns.map((v) => round(v, 3)).join(" "));
  // The baseline is the faster of the two ways to sign: the ratio never flatters the batch.
  const signSeconds = Math.min(sequential, concurrent);
  const batchSeconds = Math.min(...batchRuns);
  report("batch_10000_seconds", round(batchSeconds, 3));
  report("sign_10000_seconds", round(signSeconds, 3));
  report("batch_to_signing_ratio", round(batchSeconds / signSeconds, 2));
  // The same comparison in the server's CPU time (all its threads): steadier than wall time
  // when other work shares the machine. Both sides sign with the same concurrency.
  const batchCpuSeconds = Math.min(...batchCpu);
  const signCpuSeconds = Math.min(...signRuns.map((r) => r.concurrentCpu));
  report("batch_10000_cpu_seconds", round(batchCpuSeconds, 3));
  report("sign_10000_cpu_seconds", round(signCpuSeconds, 3));
  report("batch_to_signing_cpu_ratio", round(batchCpuSeconds / signCpuSeconds, 2));
  // The kernel's high-water mark of each round's server process (it sees inside busy loops,
  // which a sampling timer cannot): the largest of them.
  report("peak_rss_mb", round(peakRss, 1));
}

const round2 = (v: number) => round(v, 2);

function batchCsv(artisanIds: number[], items = ITEMS): string {
  const lines = ["artisan_id,title,materials,made_on"];
  for (let i = 0; i < items; i++) lines.push(`${artisanIds[i % artisanIds.length]},Handmade item ${i + 1},brass; lacquer,2026-01-15`);
  return lines.join("\r\n") + "\r\n";
}

/** The batch's head: the whole answer is received and timed, only its start is parsed. */
function batchHead(status: number, head: string): { id: string; itemCount: number } {
  const match = /^\{"id":"(B-[A-Z2-7]{13})","itemCount":(\d+),/.exec(head);
  if (status !== 201 || !match) throw new Error(`batch answered ${status}: ${head.slice(0, 300)}`);
  return { id: match[1]!, itemCount: Number(match[2]) };
}

async function timed(method: "GET" | "POST", url: string, headers: Record<string, string>, body?: string) {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`requests only to loopback, not ${url}`);
  const started = performance.now();
  const res = await fetch(url, { method, headers, body });
  let bytes = 0;
  let head = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body! as unknown as AsyncIterable<Uint8Array>) {
    if (head.length < 300) head += decoder.decode(chunk.subarray(0, 300), { stream: true });
    bytes += chunk.length;
  }
  return { status: res.status, seconds: (performance.now() - started) / 1000, bytes, head: head.slice(0, 300) };
}

// ---------------------------------------------------------------------------------------------
// The child: the server, and bare signing in the same process

async function serverChild(): Promise<void> {
  const dir = tempDir("asli-bench-batch-");
  const { client, db, signingKey, adminToken, app } = await benchApp(dir.path, "https://asli.odop-up.org");
  const server = await startServer(app.fetch);
  const auth = { authorization: `Bearer ${adminToken}` };
  const artisanIds = await registerArtisans(app.request.bind(app), auth, db);
  // Warm-up, as a server that has been running is: a few smaller batches through the same
  // code, so that the JIT has optimised it and the prepared statements exist.
  for (let i = 0; i < 4; i++) {
    const warm = await app.request("/api/v1/batches", { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: batchCsv(artisanIds, 1000) });
    if (warm.status !== 201) throw new Error(`warm-up batch answered ${warm.status}`);
    await warm.arrayBuffer();
  }

  const shutdown = async () => {
    await server.close();
    client.close();
    dir.remove();
    process.exit(0);
  };
  process.on("disconnect", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  let profile: Awaited<ReturnType<typeof startProfile>>;
  process.on("message", async (ask: Ask) => {
    if (ask.kind === "sign") process.send!({ kind: "signed", ...(await bareSigning(signingKey)) } satisfies Answer);
    else if (ask.kind === "cpu") {
      // Read before the profiler stops and after it starts: its own work stays outside the figure.
      if (ask.profile === "stop") {
        const seconds = cpuSeconds();
        await profile?.stop(ask.name ?? "batch");
        process.send!({ kind: "cpu", seconds } satisfies Answer);
        return;
      }
      if (ask.profile === "start") profile = await startProfile();
      process.send!({ kind: "cpu", seconds: cpuSeconds() } satisfies Answer);
    }
    else process.send!({ kind: "rss", maxRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Answer);
  });
  process.send!({ kind: "ready", origin: server.origin, token: adminToken, artisanIds } satisfies Answer);
}

async function registerArtisans(request: (path: string, init: RequestInit) => Response | Promise<Response>, auth: Record<string, string>, db: Parameters<typeof listDistricts>[0]): Promise<number[]> {
  const [districts, giTags] = await Promise.all([listDistricts(db), listGiTags(db)]);
  const products = districts.flatMap((d) => d.products.map((p) => ({ districtCode: d.code, productId: p.id })));
  const ids: number[] = [];
  for (let i = 0; i < Math.min(ARTISANS, products.length); i++) {
    const { districtCode, productId } = products[i]!;
    const gi = giTags.find((g) => g.districtCodes.includes(districtCode));
    const res = await request("/api/v1/artisans", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({
        name: `Bench artisan ${i + 1}`,
        districtCode,
        productId,
        ...(gi ? { giTagId: gi.id, giAuthorisedUserNumber: `BENCH-B-${i + 1}` } : {}),
      }),
    });
    if (res.status !== 201) throw new Error(`setup: registering an artisan answered ${res.status}: ${await res.text()}`);
    ids.push(((await res.json()) as { id: number }).id);
  }
  return ids;
}

/** 10,000 version-1 messages signed with WebCrypto, one at a time and in groups as the service signs. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function bareSigning(key: SigningKey): Promise<{ sequential: number; concurrent: number; concurrentCpu: number }> {
  const messages = Array.from({ length: ITEMS }, (_, i) =>
    signedMessageV1(
      encodePayloadV1(
        { serial: serialFromBytes(randomBytes(8)), issuedAt: 1_767_225_600, artisanId: 1 + (i % ARTISANS), districtCode: 187, productId: 103, giTagId: 2 },
        key.keyTag,
      ),
    ),
  );
  let started = performance.now();
  for (const message of messages) await webCryptoSign(key, message);
  const sequential = (performance.now() - started) / 1000;

  started = performance.now();
  const cpuStarted = cpuSeconds();
  // As the batch signs: SIGNING_CONCURRENCY in flight, a new one started as each finishes.
  await forEachConcurrently(messages.length, SIGNING_CONCURRENCY, async (i) => void (await webCryptoSign(key, messages[i]!)));
  const concurrent = (performance.now() - started) / 1000;
  return { sequential, concurrent, concurrentCpu: cpuSeconds() - cpuStarted };
}

if (process.env[SERVER_FLAG] === "1" && process.send) {
  serverChild().catch((error: unknown) => {
    console.error(`[bench] batch server failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
