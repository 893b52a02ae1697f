// The copy rules: signs that a certificate's scans cannot all come from one item, read from the
// counts the service keeps (src/service/scans.ts) and nothing else, so that they work the same
// on both runtimes. They run when counts are written, never on a verify request: the verdict
// reads the flag they leave. Pure: the state before, one scan, the state after.
// docs/api.md ("Copied tags") states each rule and its thresholds; test/core/copy-rules.test.ts
// and test/api/scans.test.ts hold them to it.
import type { CopyRule, SuspicionFigures } from "../../db/schema.js";

/** A change of country less than this long after the previous scan with a country is a hop: faster than travel allows. */
export const TRAVEL_WINDOW_SECONDS = 60 * 60;
/** Hops within this period that make `impossible-travel`. One alone may be a roaming phone or a VPN. */
export const TRAVEL_HOPS = 3;
export const TRAVEL_PERIOD_SECONDS = 24 * 60 * 60;
/** `burst`: at least this many scans in one UTC day … */
export const BURST_MIN_SCANS = 50;
/** … and more than this many times the certificate's own daily average before that day. */
export const BURST_FACTOR = 10;
/** `elsewhere-after-claim`: after the first buyer's claim, scans from this many countries other than the claim's. */
export const AFTER_CLAIM_COUNTRIES = 2;

/** One verification: when, and the coarse country if the runtime knows one. */
export interface Scan {
  at: number;
  country: string | null;
}

export interface Suspicion {
  rule: CopyRule;
  at: number;
  figures: SuspicionFigures;
}

/** A certificate's counts and the rules' state, as certificate_scans keeps them. */
export interface ScanState {
  count: number;
  firstAt: number;
  lastAt: number;
  day: string;
  dayCount: number;
  lastCountry: string | null;
  lastCountryAt: number | null;
  hops: number;
  hopsSince: number | null;
  countriesAfterClaim: string[];
  suspicion: Suspicion | null;
  clearedAt: number | null;
}

/** The first buyer's claim, when there is one. */
export interface ClaimFacts {
  claimedAt: number;
  country: string | null;
}

/** The UTC day of a unix time, YYYY-MM-DD. */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

const DAY_SECONDS = 24 * 60 * 60;

/** The state after one more scan, and the suspicion it raised, if it raised one (never a second while one stands). */
export function applyScan(before: ScanState | undefined, scan: Scan, claim: ClaimFacts | null): ScanState {
  const day = utcDay(scan.at);
  if (!before) {
    return {
      count: 1,
      firstAt: scan.at,
      lastAt: scan.at,
      day,
      dayCount: 1,
      lastCountry: scan.country,
      lastCountryAt: scan.country ? scan.at : null,
      hops: 0,
      hopsSince: null,
      countriesAfterClaim: afterClaim([], scan, claim),
      suspicion: null,
      clearedAt: null,
    };
  }
  const sameDay = before.day === day;
  const earlierDays = before.count - (sameDay ? before.dayCount : 0);
  const state: ScanState = {
    ...before,
    count: before.count + 1,
    firstAt: Math.min(before.firstAt, scan.at),
    lastAt: Math.max(before.lastAt, scan.at),
    // Scans arrive in time order, but a late one (a buffered batch) never moves the day back.
    day: day >= before.day ? day : before.day,
    dayCount: sameDay ? before.dayCount + 1 : day > before.day ? 1 : before.dayCount,
  };

  if (scan.country) {
    if (before.lastCountry && before.lastCountryAt !== null && scan.country !== before.lastCountry && scan.at - before.lastCountryAt < TRAVEL_WINDOW_SECONDS) {
      const fresh = before.hopsSince === null || scan.at - before.hopsSince > TRAVEL_PERIOD_SECONDS;
      state.hops = fresh ? 1 : before.hops + 1;
      state.hopsSince = fresh ? scan.at : before.hopsSince;
    }
    if (before.lastCountryAt === null || scan.at >= before.lastCountryAt) {
      state.lastCountry = scan.country;
      state.lastCountryAt = scan.at;
    }
  }
  state.countriesAfterClaim = afterClaim(before.countriesAfterClaim, scan, claim);

  if (!before.suspicion) state.suspicion = firedRule(state, scan, day, state.day === day ? state.dayCount : 1, earlierDays);
  return state;
}

function afterClaim(seen: string[], scan: Scan, claim: ClaimFacts | null): string[] {
  if (!claim?.country || !scan.country || scan.at <= claim.claimedAt || scan.country === claim.country || seen.includes(scan.country)) return seen;
  // A few are enough to decide; the list stays short.
  return seen.length >= 4 ? seen : [...seen, scan.country];
}

function firedRule(state: ScanState, scan: Scan, day: string, onDay: number, earlierScans: number): Suspicion | null {
  if (state.hops >= TRAVEL_HOPS) return { rule: "impossible-travel", at: scan.at, figures: { hops: state.hops } };
  // A day on which a false alarm was cleared does not fire again: its scans were just judged.
  if (onDay >= BURST_MIN_SCANS && !(state.clearedAt !== null && utcDay(state.clearedAt) === day)) {
    const firstDay = Date.parse(`${utcDay(state.firstAt)}T00:00:00Z`) / 1000;
    const daysBefore = Math.floor((Date.parse(`${day}T00:00:00Z`) / 1000 - firstDay) / DAY_SECONDS);
    const usual = daysBefore > 0 ? earlierScans / daysBefore : 0;
    if (onDay > BURST_FACTOR * usual) return { rule: "burst", at: scan.at, figures: { day, count: onDay, usual: Math.round(usual * 10) / 10 } };
  }
  if (state.countriesAfterClaim.length >= AFTER_CLAIM_COUNTRIES) {
    return { rule: "elsewhere-after-claim", at: scan.at, figures: { countries: state.countriesAfterClaim.length } };
  }
  return null;
}
