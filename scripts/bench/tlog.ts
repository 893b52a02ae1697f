// Bench section "tlog": the transparency log's costs.
// - batch_log_overhead_ratio (goal ≤ 1.25, issue 15): a 10,000-row CSV batch issued with the
//   log (the entries appended in the batch's transaction, then integration: hashing them into
//   tiles and signing a checkpoint, all inside the request) against the same batch on the same
//   code with a log that appends nothing. In process (app.request), so no HTTP cost dilutes the
//   ratio; each side on its own fresh database, alternating over ROUNDS rounds, best of each.
// - inclusion_proofs_per_second (goal ≥ 2,000): GET /api/v1/certificates/{id}/inclusion over a
//   loopback server, load from a child process (support.ts runLoad), distinct certificates of a
//   log of BENCH_TLOG_ENTRIES entries.
import type { Hono } from "hono";
import { TransparencyLog } from "../../src/service/tlog.js";
import type { AsliDatabase } from "../../src/store/database.js";
import { listDistricts } from "../../src/store/registry.js";
import { benchApp, log, round, runLoad, startServer, tempDir, trackPeakRss, type BenchSection, type BenchServer, type Report } from "./support.js";

const ITEMS = Number(process.env.BENCH_BATCH_ITEMS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_TLOG_ROUNDS ?? 4);
const ENTRIES = Number(process.env.BENCH_TLOG_ENTRIES ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ARTISANS = 20;
const BASE_URL = "https://asli.odop-up.org";

export const tlogSection: BenchSection = { name: "tlog", run: runTlogBench };

/** The baseline: the same service, with a log that appends and integrates nothing. For this bench only. */
class NoLogForBaseline extends TransparencyLog {
  override appendCertificate() {
    return [];
  }
  override appendBatch() {
    return [];
  }
  override entryLeafHash() {
    return undefined;
  }
  override async afterAppend(): Promise<void> {}
}

async function runTlogBench(report: Report): Promise<void> {
  await overheadRatio(report);
  await inclusionRate(report);
}

async function overheadRatio(report: Report): Promise<void> {
  report("tlog_batch_items", ITEMS);
  const logged: number[] = [];
  const unlogged: number[] = [];
  const loggedCpu: number[] = [];
  const unloggedCpu: number[] = [];
  for (let pass = 1; pass <= ROUNDS; pass++) {
    // Alternate which goes first: the machine is shared, and a round's conditions drift.
    const order = pass % 2 ? [true, false] : [false, true];
    for (const withLog of order) {
      const dir = tempDir("asli-bench-tlog-");
      const bench = await benchApp(dir.path, BASE_URL, {}, withLog ? undefined : (options) => new NoLogForBaseline(options));
      try {
        const auth = `Bearer ${bench.adminToken}`;
        const artisans = await registerArtisans(bench.app, auth, bench.db);
        // Warm-up on each side: the JIT, the prepared statements, a log that already holds entries.
        for (let i = 0; i < 2; i++) await postBatch(bench.app, auth, batchCsv(artisans, 1000));
        log(`tlog: ${ITEMS}-row batch ${withLog ? "with" : "without"} the log (round ${pass} of ${ROUNDS})`);
        const cpuBefore = process.cpuUsage();
        const seconds = await postBatch(bench.app, auth, batchCsv(artisans, ITEMS));
        const cpu = process.cpuUsage(cpuBefore);
        (withLog ? logged : unlogged).push(seconds);
        (withLog ? loggedCpu : unloggedCpu).push((cpu.user + cpu.system) / 1e6);
        if (withLog) {
          const checkpoint = await (await bench.app.request("/log/checkpoint")).text();
          if (Number(checkpoint.split("\n")[1]) !== ITEMS + 2000) throw new Error(`the checkpoint after the batch is of ${checkpoint.split("\n")[1]} entries`);
        }
      } finally {
        bench.client.close();
        dir.remove();
      }
    }
  }
  report("tlog_batch_logged_all_runs_seconds", logged.map((v) => round(v, 3)).join(" "));
  report("tlog_batch_unlogged_all_runs_seconds", unlogged.map((v) => round(v, 3)).join(" "));
  const best = Math.min(...logged);
  const baseline = Math.min(...unlogged);
  report("tlog_batch_logged_seconds", round(best, 3));
  report("tlog_batch_unlogged_seconds", round(baseline, 3));
  report("batch_log_overhead_ratio", round(best / baseline, 3));
  // The same in CPU time (this process, all threads: signing runs in libuv's pool), steadier
  // than wall time on a shared machine.
  report("tlog_batch_logged_cpu_seconds", round(Math.min(...loggedCpu), 3));
  report("tlog_batch_unlogged_cpu_seconds", round(Math.min(...unloggedCpu), 3));
  report("batch_log_overhead_cpu_ratio", round(Math.min(...loggedCpu) / Math.min(...unloggedCpu), 3));
}

async function inclusionRate(report: Report): Promise<void> {
  const rss = trackPeakRss();
  const dir = tempDir("asli-bench-tlog-proofs-");
  const bench = await benchApp(dir.path, BASE_URL);
  let server: BenchServer | undefined;
  try {
    const auth = `Bearer ${bench.adminToken}`;
    const artisans = await registerArtisans(bench.app, auth, bench.db);
    const ids: string[] = [];
    log(`tlog: issuing ${ENTRIES} certificates for the proof load`);
    for (let issued = 0; issued < ENTRIES; issued += 10_000) {
      const res = await bench.app.request("/api/v1/batches", { method: "POST", headers: { authorization: auth, "content-type": "text/csv" }, body: batchCsv(artisans, Math.min(10_000, ENTRIES - issued)) });
      if (res.status !== 201) throw new Error(`batch answered ${res.status}`);
      ids.push(...((await res.json()) as { certificates: { id: string }[] }).certificates.map((c) => c.id));
    }
    report("tlog_entries", ids.length);
    // Every 7th certificate: spread over the whole tree, 2,000+ distinct paths.
    const paths = ids.filter((_, i) => i % 7 === 0).map((id) => `/api/v1/certificates/${id}/inclusion`);
    server = await startServer(bench.app.fetch);
    const first = await fetch(`${server.origin}${paths[0]}`);
    if (first.status !== 200 || !(await first.text()).startsWith("c2sp.org/tlog-proof@v1\n")) throw new Error(`the inclusion route answered ${first.status}`);
    log("tlog: warm-up, 2 s");
    await runLoad({ origin: server.origin, paths, connections: CONNECTIONS, durationSeconds: 2 });
    log(`tlog: inclusion proofs, ${CONNECTIONS} connections for ${DURATION_SECONDS} s over ${paths.length} certificates`);
    const load = await runLoad({ origin: server.origin, paths, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS });
    if (load.non2xx || load.errors || load.timeouts) throw new Error(`inclusion load: ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`);
    report("inclusion_proofs_per_second", round(load.rps));
    report("inclusion_latency_p50_ms", load.latencyP50Ms);
    report("inclusion_latency_p99_ms", load.latencyP99Ms);
    report("inclusion_cpu_us_per_request", round(load.serverCpuMicrosPerRequest));
  } finally {
    await server?.close();
    bench.client.close();
    dir.remove();
    report("tlog_peak_rss_mib", rss.stop());
  }
}

async function registerArtisans(app: Hono, auth: string, db: AsliDatabase): Promise<number[]> {
  const products = (await listDistricts(db)).flatMap((d) => d.products.map((p) => ({ districtCode: d.code, productId: p.id })));
  const ids: number[] = [];
  for (const { districtCode, productId } of products.slice(0, ARTISANS)) {
    const res = await app.request("/api/v1/artisans", {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({ name: `Bench artisan ${ids.length + 1}`, districtCode, productId }),
    });
    if (res.status !== 201) throw new Error(`registering an artisan answered ${res.status}`);
    ids.push(((await res.json()) as { id: number }).id);
  }
  return ids;
}

function batchCsv(artisans: number[], items: number): string {
  const lines = ["artisan_id,title,materials,made_on"];
  for (let i = 0; i < items; i++) lines.push(`${artisans[i % artisans.length]},Handmade item ${i + 1},brass; lacquer,2026-01-15`);
  return `${lines.join("\r\n")}\r\n`;
}

/** Seconds from the request to the end of the answer. */
async function postBatch(app: Hono, auth: string, csv: string): Promise<number> {
  const started = performance.now();
  const res = await app.request("/api/v1/batches", { method: "POST", headers: { authorization: auth, "content-type": "text/csv" }, body: csv });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`batch answered ${res.status}`);
  return (performance.now() - started) / 1000;
}
