// Bench section "verify": requests per second of GET /api/v1/verify/{token} with distinct
// valid tokens, against a bare route on the same server that does one native Ed25519
// verification and nothing else. Goal (issue 10): verify_to_signature_ratio >= 0.7. The tokens
// rotate, but after the warm-up each has been scanned before, so the cache of verified tokens
// (src/service/verified-tokens.ts) answers the signature step: that is repeated scans of known
// tags. verify_uncached_* is the same route on an app whose cache holds nothing: every scan pays
// for the signature, as a tag's first scan does.
// The same for the HTML page a phone opens (/V/{token}), as it is sent: plain, and compressed
// for a browser that accepts brotli (the app as the Node entry builds it, compressor included).
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import { certificateScans } from "../../db/schema.js";
import { base32Decode } from "../../src/core/base32.js";
import { PAYLOAD_V1_LENGTH } from "../../src/core/payload.js";
import { qrMatrix } from "../../src/core/qr.js";
import { signedMessageV1 } from "../../src/core/token.js";
import { verifyUrl } from "../../src/core/url.js";
import { nodeCompressor } from "../../src/runtime/compression.js";
import { createApp } from "../../src/http/app.js";
import { loadKeyring } from "../../src/service/keyring.js";
import { VerifiedTokens } from "../../src/service/verified-tokens.js";
import { listDistricts, listGiTags } from "../../src/store/registry.js";
import type { AsliDatabase } from "../../src/store/database.js";
import type { SigningKey } from "../../src/core/keys.js";
import { benchApp, log, profiled, round, runLoad, startServer, tempDir, trackPeakRss, type BenchSection, type BenchServer, type LoadResult, type Report } from "./support.js";

const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 2000);
const ARTISANS = 40;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_SECONDS = 2;
/** A typical production origin: the host is exactly 16 characters, as DESIGN.md's QR figure assumes. */
const QR_HOST = "ASLI.ODOP-UP.ORG";
const BARE_PATH = "/__bench/signature";

export const verifySection: BenchSection = { name: "verify", run: runVerifyBench };

async function runVerifyBench(report: Report): Promise<void> {
  const rss = trackPeakRss();
  const dir = tempDir("asli-bench-verify-");
  const { client, db, signingKey, adminToken, app, deps, scans } = await benchApp(dir.path, `https://${QR_HOST.toLowerCase()}`, { compressor: nodeCompressor() });
  let server: BenchServer | undefined;
  let uncachedServer: BenchServer | undefined;
  try {
    const started = performance.now();
    const tokens = await issueCertificates(app, adminToken, db);
    report("verify_certificates", tokens.length);
    report("verify_setup_seconds", round((performance.now() - started) / 1000, 1));

    // The bare route sits on a parent app in front of the real one, so both share one server,
    // one socket layer and one router.
    const root = new Hono();
    root.get(BARE_PATH, await bareSignatureRoute(signingKey, tokens[0]!));
    root.route("/", app);
    server = await startServer(root.fetch);
    const { origin } = server;
    // The same app with a cache of verified tokens that holds none: every scan pays for the
    // signature, as the first scan of a tag does (a cold instance, or more tags than it holds).
    const uncachedKeyring = await loadKeyring(db, signingKey, new Date(), { verifiedTokens: new VerifiedTokens({ capacity: 0 }) });
    uncachedServer = await startServer(createApp({ ...deps, keyring: uncachedKeyring }).fetch);

    const verifyPaths = tokens.map((token) => `/api/v1/verify/${token}`);
    await expectOk(origin, verifyPaths[0]!, "genuine");
    await expectOk(origin, verifyPaths.at(-1)!, "genuine");
    await expectOk(origin, BARE_PATH, "ok");

    const pagePaths = tokens.map((token) => `/V/${token}`);
    await expectOk(origin, pagePaths[0]!, 'data-status="genuine"');

    const load = (paths: string[], durationSeconds: number, headers?: Record<string, string>, at = origin) =>
      runLoad({ origin: at, paths, connections: CONNECTIONS, durationSeconds, headers });
    await expectOk(uncachedServer.origin, verifyPaths[0]!, "genuine");
    const BROWSER = { accept: "text/html", "accept-encoding": "gzip, deflate, br" };
    // Every tag scanned once before the load: autocannon's connections walk the paths in step
    // from the first, so in a run of seconds they would reach only the first few hundred tokens,
    // each for the first time, and the figure would be neither first scans nor repeated ones.
    log(`verify: each of the ${verifyPaths.length} tokens scanned once`);
    for (const path of verifyPaths) {
      const response = await root.request(path);
      if (response.status !== 200) throw new Error(`GET ${path.slice(0, 40)}… answered ${response.status}`);
    }
    log(`warm-up: ${WARMUP_SECONDS} s on each route`);
    await load(verifyPaths, WARMUP_SECONDS);
    await load(verifyPaths, WARMUP_SECONDS, undefined, uncachedServer.origin);
    await load(pagePaths, WARMUP_SECONDS, BROWSER);
    await load([BARE_PATH], WARMUP_SECONDS);

    log(`verify: ${CONNECTIONS} connections for ${DURATION_SECONDS} s over ${verifyPaths.length} distinct tokens`);
    const verify = checked("verify", await profiled("verify", () => load(verifyPaths, DURATION_SECONDS)));
    log(`verify, no cache of verified tokens: ${CONNECTIONS} connections for ${DURATION_SECONDS} s`);
    const uncached = checked("verify, uncached", await profiled("verify-uncached", () => load(verifyPaths, DURATION_SECONDS, undefined, uncachedServer!.origin)));
    log(`verify page: ${CONNECTIONS} connections for ${DURATION_SECONDS} s, plain, then brotli`);
    const page = checked("verify page", await profiled("verify-page", () => load(pagePaths, DURATION_SECONDS)));
    const pageBr = checked("verify page, brotli", await profiled("verify-page-br", () => load(pagePaths, DURATION_SECONDS, BROWSER)));
    log(`bare signature: ${CONNECTIONS} connections for ${DURATION_SECONDS} s`);
    const bare = checked("bare signature", await profiled("bare-signature", () => load([BARE_PATH], DURATION_SECONDS)));

    report("bench_connections", CONNECTIONS);
    report("bench_duration_seconds", DURATION_SECONDS);
    report("verify_rps", round(verify.rps));
    report("verify_latency_p50_ms", verify.latencyP50Ms);
    report("verify_latency_p99_ms", verify.latencyP99Ms);
    report("verify_latency_mean_ms", verify.latencyMeanMs);
    report("bare_signature_rps", round(bare.rps));
    report("bare_signature_latency_p50_ms", bare.latencyP50Ms);
    report("bare_signature_latency_p99_ms", bare.latencyP99Ms);
    report("bare_signature_latency_mean_ms", bare.latencyMeanMs);
    report("verify_to_signature_ratio", round(verify.rps / bare.rps, 2));
    // The same comparison in server CPU per request: steadier than rps on a shared machine.
    report("verify_cpu_us_per_request", round(verify.serverCpuMicrosPerRequest));
    report("bare_signature_cpu_us_per_request", round(bare.serverCpuMicrosPerRequest));
    report("verify_to_signature_cpu_ratio", round(bare.serverCpuMicrosPerRequest / verify.serverCpuMicrosPerRequest, 2));
    report("verify_uncached_rps", round(uncached.rps));
    report("verify_uncached_cpu_us_per_request", round(uncached.serverCpuMicrosPerRequest));
    report("verify_uncached_to_signature_ratio", round(uncached.rps / bare.rps, 2));
    report("verify_uncached_to_signature_cpu_ratio", round(bare.serverCpuMicrosPerRequest / uncached.serverCpuMicrosPerRequest, 2));
    report("verify_page_rps", round(page.rps));
    report("verify_page_latency_p50_ms", page.latencyP50Ms);
    report("verify_page_cpu_us_per_request", round(page.serverCpuMicrosPerRequest));
    report("verify_page_to_signature_ratio", round(page.rps / bare.rps, 2));
    report("verify_page_br_rps", round(pageBr.rps));
    report("verify_page_br_cpu_us_per_request", round(pageBr.serverCpuMicrosPerRequest));
    report("verify_page_br_to_signature_ratio", round(pageBr.rps / bare.rps, 2));

    // Counting was on throughout (written after each answer, in batches): what it wrote.
    await scans.stop();
    const [counted] = await db.select({ total: sql<number>`coalesce(sum(${certificateScans.count}), 0)` }).from(certificateScans);
    report("verify_scans_counted", Number(counted?.total ?? 0));

    const url = verifyUrl(`https://${QR_HOST}`, tokens[0]!);
    report("qr_url_length", url.length);
    report("qr_version", qrMatrix(url).version);
  } finally {
    await server?.close();
    await uncachedServer?.close();
    await scans.stop();
    client.close();
    dir.remove();
    report("verify_peak_rss_mib", rss.stop());
  }
}

/**
 * Registers artisans over the seeded ODOP products (with a GI tag where one covers the
 * district) and issues certificates round-robin in one batch, through the public API in process
 * (app.request, no sockets): the same validation and signing as production, and a setup that
 * survives refactors of the service layer.
 */
async function issueCertificates(app: Hono, adminToken: string, db: AsliDatabase): Promise<string[]> {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await app.request(path, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`setup: POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  const [districts, giTags] = await Promise.all([listDistricts(db), listGiTags(db)]);
  const products = districts.flatMap((d) => d.products.map((p) => ({ districtCode: d.code, productId: p.id })));
  const artisanIds: number[] = [];
  for (let i = 0; i < Math.min(ARTISANS, products.length); i++) {
    const { districtCode, productId } = products[i]!;
    const gi = giTags.find((g) => g.districtCodes.includes(districtCode));
    const artisan = await post<{ id: number }>("/api/v1/artisans", {
      name: `Bench artisan ${i + 1}`,
      districtCode,
      productId,
      ...(gi ? { giTagId: gi.id, giAuthorisedUserNumber: `BENCH-AU-${i + 1}` } : {}),
    });
    artisanIds.push(artisan.id);
  }

  // One batch (the same checks and signing as single issuance): a minute less of setup than
  // 2,000 single POSTs on this machine.
  const items = Array.from({ length: CERTIFICATES }, (_, i) => ({
    artisanId: artisanIds[i % artisanIds.length]!,
    title: `Bench item ${i + 1}`,
    materials: ["cotton", "zari"],
  }));
  const batch = await post<{ certificates: { token: string }[] }>("/api/v1/batches", { items });
  const tokens = batch.certificates.map((c) => c.token);
  if (tokens.length !== CERTIFICATES) throw new Error(`setup: the batch issued ${tokens.length} certificates, not ${CERTIFICATES}`);
  return tokens;
}

/**
 * The yardstick: one WebCrypto Ed25519 verification of exactly what the verify path checks
 * (a real token's signed message and signature), with its own imported key, and a tiny answer.
 */
async function bareSignatureRoute(signingKey: SigningKey, token: string): Promise<() => Promise<Response>> {
  const bytes = base32Decode(token)!;
  const message = signedMessageV1(bytes.subarray(0, PAYLOAD_V1_LENGTH)) as Uint8Array<ArrayBuffer>;
  const signature = bytes.slice(PAYLOAD_V1_LENGTH) as Uint8Array<ArrayBuffer>;
  const key = await crypto.subtle.importKey("raw", signingKey.publicKey as Uint8Array<ArrayBuffer>, { name: "Ed25519" }, false, ["verify"]);
  return async () => {
    const ok = await crypto.subtle.verify("Ed25519", key, signature, message);
    return new Response(ok ? "ok" : "bad", { status: ok ? 200 : 500 });
  };
}

async function expectOk(origin: string, path: string, expected: string): Promise<void> {
  const response = await fetch(origin + path);
  const body = await response.text();
  if (response.status !== 200 || !body.includes(expected)) {
    throw new Error(`GET ${path.slice(0, 40)}… answered ${response.status}, not a 200 with "${expected}"`);
  }
}

/** A run with any failed request measured something else than the route: refuse its figures. */
function checked(what: string, result: LoadResult): LoadResult {
  if (result.non2xx || result.errors || result.timeouts || result.requests === 0) {
    throw new Error(`${what}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts in ${result.requests} requests`);
  }
  return result;
}
