// The copy rules, one at a time, at their thresholds (docs/api.md "Copied tags"): each fires on
// what one item cannot do, and stays quiet on what one item can.
import { describe, expect, it } from "vitest";
import {
  AFTER_CLAIM_COUNTRIES,
  applyScan,
  BURST_FACTOR,
  BURST_MIN_SCANS,
  TRAVEL_HOPS,
  TRAVEL_WINDOW_SECONDS,
  type ClaimFacts,
  type Scan,
  type ScanState,
} from "../../src/service/copy-rules.js";

const T0 = Date.parse("2026-03-01T10:00:00Z") / 1000;
const MINUTE = 60;
const DAY = 24 * 60 * 60;

function run(scans: Scan[], claim: ClaimFacts | null = null, from?: ScanState): ScanState {
  let state = from;
  for (const scan of scans) state = applyScan(state, scan, claim);
  return state!;
}

describe("copy rule impossible-travel", () => {
  it(`fires after ${TRAVEL_HOPS} changes of country, each less than an hour after the last scan with a country`, () => {
    const scans = ["IN", "AE", "IN", "AE"].map((country, i) => ({ at: T0 + i * 10 * MINUTE, country }));
    const state = run(scans);
    expect(state.suspicion).toEqual({ rule: "impossible-travel", at: scans[3]!.at, figures: { hops: TRAVEL_HOPS } });
  });

  it("stays quiet for fewer hops, for changes of country slower than travel allows, and for scans with no country", () => {
    expect(run(["IN", "AE", "IN"].map((country, i) => ({ at: T0 + i * MINUTE, country }))).suspicion).toBeNull();
    const slow = ["IN", "AE", "IN", "AE", "IN"].map((country, i) => ({ at: T0 + i * (TRAVEL_WINDOW_SECONDS + 1), country }));
    expect(run(slow).suspicion).toBeNull();
    expect(run(Array.from({ length: 10 }, (_, i) => ({ at: T0 + i, country: null }))).suspicion).toBeNull();
  });

  it("counts hops within a day: hops spread over days do not add up", () => {
    const scans: Scan[] = [];
    for (let d = 0; d < 4; d++) scans.push({ at: T0 + d * 2 * DAY, country: "IN" }, { at: T0 + d * 2 * DAY + MINUTE, country: "FR" });
    expect(run(scans).suspicion).toBeNull();
  });
});

describe("copy rule burst", () => {
  it(`fires at ${BURST_MIN_SCANS} scans in one UTC day on a certificate with no history`, () => {
    const scans = Array.from({ length: BURST_MIN_SCANS }, (_, i) => ({ at: T0 + i * MINUTE, country: null }));
    expect(run(scans.slice(0, -1)).suspicion).toBeNull();
    expect(run(scans).suspicion).toEqual({ rule: "burst", at: scans.at(-1)!.at, figures: { day: "2026-03-01", count: BURST_MIN_SCANS, usual: 0 } });
  });

  it(`weighs the certificate's own history: a busy shop's demo tag fires only above ${BURST_FACTOR}× its daily average`, () => {
    // Ten days of 10 scans a day: a daily average of 10.
    const history: Scan[] = [];
    for (let d = 0; d < 10; d++) for (let i = 0; i < 10; i++) history.push({ at: T0 + d * DAY + i * MINUTE, country: null });
    const before = run(history);
    const day = T0 + 10 * DAY;
    const usual = Array.from({ length: BURST_FACTOR * 10 }, (_, i) => ({ at: day + i, country: null }));
    expect(run(usual, null, before).suspicion).toBeNull();
    const state = run([...usual, { at: day + 1000, country: null }], null, before);
    expect(state.suspicion).toMatchObject({ rule: "burst", figures: { day: "2026-03-11", count: BURST_FACTOR * 10 + 1, usual: 10 } });
  });

  it("does not fire again on the day a false alarm was cleared", () => {
    const scans = Array.from({ length: BURST_MIN_SCANS }, (_, i) => ({ at: T0 + i, country: null }));
    const fired = run(scans);
    const cleared: ScanState = { ...fired, suspicion: null, clearedAt: T0 + 100 };
    expect(run([{ at: T0 + 200, country: null }], null, cleared).suspicion).toBeNull();
  });
});

describe("copy rule elsewhere-after-claim", () => {
  const claim: ClaimFacts = { claimedAt: T0, country: "IN" };

  it(`fires when, after the claim, scans come from ${AFTER_CLAIM_COUNTRIES} countries other than the claim's`, () => {
    const scans = [
      { at: T0 + DAY, country: "IN" },
      { at: T0 + 2 * DAY, country: "AE" },
      { at: T0 + 3 * DAY, country: "US" },
    ];
    expect(run(scans.slice(0, 2), claim).suspicion).toBeNull();
    expect(run(scans, claim).suspicion).toEqual({ rule: "elsewhere-after-claim", at: scans[2]!.at, figures: { countries: 2 } });
  });

  it("stays quiet before the claim, without a claim, and for a claim whose country is unknown", () => {
    const scans = [
      { at: T0 - 2 * DAY, country: "AE" },
      { at: T0 - DAY, country: "US" },
      { at: T0 + DAY, country: "FR" },
    ];
    expect(run(scans, claim).suspicion).toBeNull();
    expect(run(scans.map((s) => ({ ...s, at: s.at + 10 * DAY }))).suspicion).toBeNull();
    expect(run(scans.map((s) => ({ ...s, at: s.at + 10 * DAY })), { claimedAt: T0, country: null }).suspicion).toBeNull();
  });
});

describe("scan counts", () => {
  it("keeps the count, the first and the last scan, and the count of the latest day", () => {
    const state = run([
      { at: T0, country: "IN" },
      { at: T0 + MINUTE, country: null },
      { at: T0 + DAY, country: "IN" },
    ]);
    expect(state).toMatchObject({ count: 3, firstAt: T0, lastAt: T0 + DAY, day: "2026-03-02", dayCount: 1, suspicion: null });
  });

  it("never replaces a suspicion that stands", () => {
    const burst = run(Array.from({ length: BURST_MIN_SCANS }, (_, i) => ({ at: T0 + i, country: null })));
    const later = run(["IN", "AE", "IN", "AE"].map((country, i) => ({ at: T0 + 100 + i, country })), null, burst);
    expect(later.suspicion?.rule).toBe("burst");
  });
});
