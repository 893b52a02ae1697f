// A flush sums scans in memory and writes one row per certificate, day and country and one
// summary per certificate (src/service/scans.ts writeScans). What it writes must be what writing
// the same scans one at a time writes: the same counts, days and first and last scans, and the
// same copy-rule state and verdict, on both runtimes' databases.
import { makeTestService, runtime } from "@harness";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyScan, type ClaimFacts, type ScanState } from "../../src/service/copy-rules.js";
import { claimCertificate } from "../../src/service/claims.js";
import { writeScans, type PendingScan } from "../../src/service/scans.js";
import { readScanStates } from "../../src/store/scans.js";
import { TEST_START, type TestService } from "../support/harness.js";
import { issueCertificate, registerArtisan } from "../support/requests.js";
import { unique } from "../support/principals.js";

const T0 = Math.floor(TEST_START.getTime() / 1000);

/** Scans of one certificate: a few countries (and none), minutes to days apart, sometimes many in one day (the burst rule). */
const scansArbitrary = fc.array(
  fc.record({
    gap: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 60, max: 4 * 3600 }), fc.integer({ min: 20 * 3600, max: 3 * 24 * 3600 })),
    country: fc.constantFrom(null, "IN", "AE", "FR", "JP"),
    repeat: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 70 }) }),
  }),
  { minLength: 1, maxLength: 25 },
);

function timeline(steps: { gap: number; country: string | null; repeat: number }[], claimedAt: number): { at: number; country: string | null }[] {
  const scans: { at: number; country: string | null }[] = [];
  let at = claimedAt + 1;
  for (const { gap, country, repeat } of steps) {
    at += gap;
    for (let i = 0; i < repeat; i++) scans.push({ at: at + (i % 3), country });
  }
  // In time order, as a buffer records them (several in one second keep their order).
  return scans.sort((a, b) => a.at - b.at);
}

async function issuedPair(service: TestService, artisanId: number, claimCountry: string | null) {
  const pair = [];
  for (let i = 0; i < 2; i++) {
    const issued = (await issueCertificate(service, artisanId, claimCountry ? { claimCode: true } : {})) as { id: string; claimCode?: string };
    if (claimCountry) expect((await claimCertificate(service.deps.db, issued.id, issued.claimCode!, claimCountry, TEST_START)).kind).toBe("claimed");
    pair.push(issued.id);
  }
  return pair as [string, string];
}

async function stored(service: TestService, id: string) {
  const summary = await service.deps.db.all(sql`SELECT count, first_at, last_at, day, day_count, last_country, last_country_at, hops, hops_since, countries_after_claim, suspicion_rule, suspicion_at, suspicion_figures, cleared_at FROM certificate_scans WHERE certificate_id = ${id}`);
  const days = await service.deps.db.all(sql`SELECT day, country, count FROM scan_days WHERE certificate_id = ${id} ORDER BY day, country`);
  return { summary, days };
}

describe(`a flush writes what scans written one at a time write (${runtime})`, () => {
  it("gives the same counts, days and copy-rule state, and the state the rules compute scan by scan", async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: unique("Flush weaver") });
    await fc.assert(
      fc.asyncProperty(scansArbitrary, fc.constantFrom(null, "IN"), fc.integer({ min: 1, max: 5 }), async (steps, claimCountry, parts) => {
        const [together, oneByOne] = await issuedPair(service, artisan.id, claimCountry);
        const scans = timeline(steps, T0);
        // All in one flush, split into a few flushes, as a buffer meets them.
        const size = Math.ceil(scans.length / parts);
        for (let i = 0; i < scans.length; i += size) {
          await writeScans(service.deps.db, scans.slice(i, i + size).map((s): PendingScan => ({ certificateId: together, ...s })));
        }
        // One flush per scan: the rules' state read back from the database before each one.
        for (const scan of scans) await writeScans(service.deps.db, [{ certificateId: oneByOne, ...scan }]);

        const a = await stored(service, together);
        const b = await stored(service, oneByOne);
        expect(a).toEqual(b);
        expect((a.days as { count: number }[]).reduce((sum, d) => sum + d.count, 0)).toBe(scans.length);

        // And the rules' own fold, scan by scan, in memory.
        const claim: ClaimFacts | null = claimCountry ? { claimedAt: T0, country: claimCountry } : null;
        let expected: ScanState | undefined;
        for (const scan of scans) expected = applyScan(expected, scan, claim);
        const { states } = await readScanStates(service.deps.db, [together]);
        expect(states.get(together)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
