// Bench section "batch": a 10,000-row CSV batch issued through the HTTP API on a loopback
// server, against bare native Ed25519 signing of 10,000 messages in the same process (goal
// issue 7: batch_to_signing_ratio < 3); then that batch's A4 label sheet (goal: at least 200
// labels a second, with its size per label). Peak RSS of the whole section: goal < 300 MB.
import { generateApiToken, hashApiToken } from "../../src/core/api-token.js";
import { generateSeed, signingKeyFromSeed, type SigningKey } from "../../src/core/keys.js";
import { encodePayloadV1 } from "../../src/core/payload.js";
import { webCryptoSign } from "../../src/core/signature.js";
import { signedMessageV1 } from "../../src/core/token.js";
import { serialFromBytes } from "../../src/core/payload.js";
import { randomBytes } from "../../src/core/bytes.js";
import { createApp } from "../../src/http/app.js";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { nodeTagRenderers } from "../../src/runtime/renderers.js";
import { SIGNING_CONCURRENCY } from "../../src/service/batches.js";
import { loadKeyring } from "../../src/service/keyring.js";
import { listDistricts, listGiTags } from "../../src/store/registry.js";
import { log, round, startServer, tempDir, trackPeakRss, type BenchSection, type BenchServer, type Report } from "./support.js";

const ITEMS = Number(process.env.BENCH_BATCH_ITEMS ?? 10_000);
const ARTISANS = 40;
const ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 3);

export const batchSection: BenchSection = { name: "batch", run: runBatchBench };

interface Service {
  origin: string;
  auth: Record<string, string>;
  artisanIds: number[];
  close(): Promise<void>;
}

/** A server on a fresh database, so that every round issues into the same starting state. */
async function freshService(signingKey: SigningKey): Promise<Service> {
  const dir = tempDir("asli-bench-batch-");
  const { client, db } = await openLibsqlDatabase(`file:${dir.path}/asli.db`);
  const keyring = await loadKeyring(db, signingKey, new Date());
  const adminToken = generateApiToken();
  const app = createApp({
    db,
    signingKey,
    keyring,
    adminTokenHash: await hashApiToken(adminToken),
    baseUrl: "https://asli.odop-up.org",
    clock: () => new Date(),
    renderers: nodeTagRenderers(),
  });
  const server: BenchServer = await startServer(app.fetch);
  const auth = { authorization: `Bearer ${adminToken}` };
  const artisanIds = await registerArtisans(server.origin, auth, db);
  // Warm-up: a small batch through the same path, so JIT and prepared statements are hot.
  await postBatch(server.origin, auth, batchCsv(artisanIds, 200));
  return {
    origin: server.origin,
    auth,
    artisanIds,
    close: async () => {
      await server.close();
      client.close();
      dir.remove();
    },
  };
}

async function runBatchBench(report: Report): Promise<void> {
  const rss = trackPeakRss();
  let service: Service | undefined;
  try {
    const signingKey = await signingKeyFromSeed(generateSeed());
    report("batch_items", ITEMS);

    // The machine is shared: bare signing and the batch alternate, each ROUNDS times on a
    // fresh database, and the best of each is compared, so both see the same background load.
    const batchRuns: number[] = [];
    const signRuns: { sequential: number; concurrent: number }[] = [];
    let batch: { id: string; itemCount: number } | undefined;
    for (let round = 1; round <= ROUNDS; round++) {
      await service?.close();
      service = await freshService(signingKey);
      const csv = batchCsv(service.artisanIds);
      if (round === 1) report("batch_csv_bytes", csv.length);
      signRuns.push(await bareSigning(signingKey));
      log(`batch: POST ${ITEMS} rows as text/csv (round ${round} of ${ROUNDS})`);
      const started = performance.now();
      batch = await postBatch(service.origin, service.auth, csv);
      batchRuns.push((performance.now() - started) / 1000);
      if (batch.itemCount !== ITEMS) throw new Error(`batch issued ${batch.itemCount} certificates, expected ${ITEMS}`);
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

    log(`labels: GET the A4 sheet for ${ITEMS} labels`);
    const sheetStarted = performance.now();
    const response = await fetch(`${service!.origin}/api/v1/batches/${batch!.id}/labels.pdf`, { headers: service!.auth });
    if (response.status !== 200) throw new Error(`labels.pdf answered ${response.status}`);
    // Counted as it arrives: the client shares this process, and its copy is not the server's memory.
    let bytes = 0;
    const head = new Uint8Array(5);
    for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
      if (bytes < 5) head.set(chunk.subarray(0, 5 - bytes), bytes);
      bytes += chunk.length;
    }
    const sheetSeconds = (performance.now() - sheetStarted) / 1000;
    if (new TextDecoder().decode(head) !== "%PDF-") throw new Error("labels.pdf is not a PDF");
    report("label_sheet_seconds", round(sheetSeconds, 2));
    report("labels_per_second", round(ITEMS / sheetSeconds));
    report("label_sheet_bytes", bytes);
    report("label_sheet_bytes_per_label", round(bytes / ITEMS));
  } finally {
    await service?.close();
    report("peak_rss_mb", rss.stop());
  }
}

async function registerArtisans(origin: string, auth: Record<string, string>, db: Parameters<typeof listDistricts>[0]): Promise<number[]> {
  const [districts, giTags] = await Promise.all([listDistricts(db), listGiTags(db)]);
  const products = districts.flatMap((d) => d.products.map((p) => ({ districtCode: d.code, productId: p.id })));
  const ids: number[] = [];
  for (let i = 0; i < Math.min(ARTISANS, products.length); i++) {
    const { districtCode, productId } = products[i]!;
    const gi = giTags.find((g) => g.districtCodes.includes(districtCode));
    const res = await fetch(`${origin}/api/v1/artisans`, {
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

function batchCsv(artisanIds: number[], items = ITEMS): string {
  const lines = ["artisan_id,title,materials,made_on"];
  for (let i = 0; i < items; i++) lines.push(`${artisanIds[i % artisanIds.length]},Handmade item ${i + 1},brass; lacquer,2026-01-15`);
  return lines.join("\r\n") + "\r\n";
}

async function postBatch(origin: string, auth: Record<string, string>, csv: string): Promise<{ id: string; itemCount: number }> {
  const res = await fetch(`${origin}/api/v1/batches`, { method: "POST", headers: { ...auth, "content-type": "text/csv; charset=utf-8" }, body: csv });
  const body = (await res.json()) as { id: string; itemCount: number };
  if (res.status !== 201) throw new Error(`batch answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

/** 10,000 version-1 messages signed with WebCrypto, one at a time and as many in flight as the service signs. */
async function bareSigning(key: SigningKey): Promise<{ sequential: number; concurrent: number }> {
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
  for (let i = 0; i < messages.length; i += SIGNING_CONCURRENCY) {
    await Promise.all(messages.slice(i, i + SIGNING_CONCURRENCY).map((m) => webCryptoSign(key, m)));
  }
  const concurrent = (performance.now() - started) / 1000;
  return { sequential, concurrent };
}
