// Bench section "bundle": the size of the signed trust bundle for 100,000 certificates with 1%
// revoked (issue 6), and the time to build it. How many artisans the 100,000 certificates come
// from decides the size (artisans' names are most of it), so it is measured for two: 10,000
// artisans (ten items each: the assumption the headline figure uses) and 100,000 (one item
// each, the worst case). 0.5% of artisans are suspended and 0.5% have their GI withdrawn.
// BENCH_BUNDLE_CERTIFICATES and BENCH_BUNDLE_ARTISANS (comma-separated) change the scenario.
import { eq } from "drizzle-orm";
import { gzipSync } from "node:zlib";
import { artisans, certificateRevocations, certificates, products } from "../../db/schema.js";
import { CERTIFICATE_REVOCATION_REASONS } from "../../src/core/bundle.js";
import { generateSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import { serialFromBytes } from "../../src/core/payload.js";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { buildTrustBundle } from "../../src/service/bundle.js";
import { loadKeyring } from "../../src/service/keyring.js";
import { listGiTags } from "../../src/store/registry.js";
import { log, round, tempDir, type BenchSection, type Report } from "./support.js";

const CERTIFICATES = Number(process.env.BENCH_BUNDLE_CERTIFICATES ?? 100_000);
const ARTISAN_COUNTS = (process.env.BENCH_BUNDLE_ARTISANS ?? "10000,100000").split(",").map(Number);
const REVOKED_SHARE = 0.01;

export const bundleSection: BenchSection = { name: "bundle", run: runBundleBench };

// Names drawn from lists of common given names and surnames of UP's artisan communities: real
// names repeat like this, and gzip profits from it as it would from the real registry.
const GIVEN = [
  "Shabana", "Rukhsana", "Abdul", "Mohammad", "Rafiq", "Salma", "Nasreen", "Irfan", "Ramesh", "Suresh", "Sunita", "Kamla", "Geeta",
  "Rajesh", "Anil", "Pooja", "Neha", "Imran", "Farzana", "Shakeel", "Javed", "Raju", "Santosh", "Meena", "Rekha", "Vinod", "Mukesh",
  "Asha", "Shahnaz", "Tabassum", "Iqbal", "Nafees", "Zubair", "Anjali", "Priya", "Rahul", "Sanjay", "Usha", "Kusum", "Phoolmati",
  "Ram Prakash", "Shyam Lal", "Hari Om", "Mohd. Arif", "Mohd. Salim", "Noor Jahan", "Bilkis", "Parveen", "Sarita", "Lalita",
];
const FAMILY = [
  "Ansari", "Kumar", "Devi", "Khan", "Qureshi", "Siddiqui", "Prajapati", "Maurya", "Yadav", "Verma", "Gupta", "Sharma", "Singh",
  "Vishwakarma", "Bano", "Begum", "Khatoon", "Rajbhar", "Pal", "Kushwaha", "Nishad", "Saroj", "Chaurasia", "Patel", "Shaikh",
  "Usmani", "Hashmi", "Rizvi", "Saifi", "Mansuri",
];

/** A small deterministic generator, so two runs measure the same registry. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function runBundleBench(report: Report): Promise<void> {
  for (const artisanCount of ARTISAN_COUNTS) {
    const label = `bundle_${CERTIFICATES}c_${artisanCount}a`;
    const dir = tempDir("asli-bench-bundle-");
    const { client, db } = await openLibsqlDatabase(`file:${dir.path}/asli.db`);
    try {
      const random = prng(artisanCount);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      const now = new Date();
      const at = Math.floor(now.getTime() / 1000);
      const signingKey = await signingKeyFromSeed(generateSeed());
      await loadKeyring(db, signingKey, now);

      const productRows = await db.select().from(products);
      const giTags = await listGiTags(db);
      log(`${label}: registering ${artisanCount} artisans`);
      const artisanRows = Array.from({ length: artisanCount }, (_, i) => {
        const product = pick(productRows);
        const gi = giTags.find((g) => g.districtCodes.includes(product.districtCode));
        const withGi = gi !== undefined && random() < 0.4;
        return {
          name: `${pick(GIVEN)} ${pick(FAMILY)}`,
          districtCode: product.districtCode,
          productId: product.id,
          giTagId: withGi ? gi.id : null,
          giAuthorisedUserNumber: withGi ? `AU/${gi.id}/${i}` : null,
          // Most artisans without GSTIN sell through one of a few hundred cooperatives.
          sellerGstin: random() < 0.6 ? "09AAACK1234A1Z8" : null,
          createdAt: at,
        };
      }).map((a) => {
        const k = Math.floor(random() * 300);
        return { ...a, sellerName: a.sellerGstin ? `${FAMILY[k % FAMILY.length]} Handicraft Cooperative Society ${k + 1}` : null };
      });
      await inChunks(artisanRows, 500, (rows) => db.insert(artisans).values(rows));
      const stored = await db.select({ id: artisans.id, districtCode: artisans.districtCode, productId: artisans.productId, giTagId: artisans.giTagId }).from(artisans);

      log(`${label}: issuing ${CERTIFICATES} certificates (stored rows; the bundle reads no token)`);
      const serials: string[] = [];
      const certificateRows = Array.from({ length: CERTIFICATES }, (_, i) => {
        // Every artisan gets at least one certificate, the rest are spread at random.
        const artisan = i < stored.length ? stored[i]! : pick(stored);
        const serialBytes = new Uint8Array(8);
        for (let b = 0; b < 8; b++) serialBytes[b] = Math.floor(random() * 256);
        const serial = serialFromBytes(serialBytes);
        serials.push(serial);
        return {
          id: serial,
          artisanId: artisan.id,
          districtCode: artisan.districtCode,
          productId: artisan.productId,
          giTagId: artisan.giTagId,
          title: "Handmade item",
          materials: [],
          issuedAt: at,
          kid: signingKey.kid,
          token: `BENCH-${serial}`,
        };
      });
      await inChunks(certificateRows, 800, (rows) => db.insert(certificates).values(rows));
      const revokedCount = Math.round(CERTIFICATES * REVOKED_SHARE);
      await inChunks(serials.slice(0, revokedCount), 800, (ids) =>
        db.insert(certificateRevocations).values(ids.map((certificateId) => ({ certificateId, reason: pick(CERTIFICATE_REVOCATION_REASONS), revokedAt: at - Math.floor(random() * 3e7) }))),
      );
      for (const artisan of stored.slice(0, Math.ceil(artisanCount * 0.005))) {
        await db.update(artisans).set({ status: "suspended" }).where(eq(artisans.id, artisan.id));
      }
      for (const artisan of stored.filter((a) => a.giTagId !== null).slice(0, Math.ceil(artisanCount * 0.005))) {
        await db.update(artisans).set({ giWithdrawnAt: at }).where(eq(artisans.id, artisan.id));
      }

      const started = performance.now();
      const { bytes, content } = await buildTrustBundle(db, signingKey, "https://asli.odop-up.org", now);
      const buildMs = performance.now() - started;
      const json = new TextEncoder().encode(JSON.stringify(content)).length;
      report(`${label}_bytes`, bytes.length);
      report(`${label}_kib`, round(bytes.length / 1024, 1));
      report(`${label}_uncompressed_json_kib`, round(json / 1024, 1));
      report(`${label}_revoked_entries`, content.revoked.length);
      report(`${label}_artisan_entries`, content.artisans.length);
      report(`${label}_build_ms`, round(buildMs));
      // What the bytes are spent on: each part compressed on its own (they add up to a little more).
      const part = (value: unknown) => round(gzipSync(JSON.stringify(value)).length / 1024, 1);
      report(`${label}_part_artisans_kib`, part([content.sellers, content.artisans]));
      report(`${label}_part_revoked_kib`, part(content.revoked));
      report(`${label}_part_registry_kib`, part([content.districts, content.products, content.giTags]));
      report(`${label}_part_other_kib`, part([content.keys, content.suspendedArtisans, content.giWithdrawn]));
    } finally {
      client.close();
      dir.remove();
    }
  }
}

async function inChunks<T>(items: T[], size: number, write: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}
