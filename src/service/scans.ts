// Scans counted, privately (docs/api.md "Scans"). Every verification of a registered
// certificate, by token or by serial, on the page or the API, adds one to its counts: per UTC
// day and per coarse country, with the first and the last scan. What a scan records is the
// certificate, the time and at most a two-letter country: never an IP address, a user agent or
// anything else that could tell one buyer from another.
//
// Counting never delays an answer. The route hands the scan to a ScanRecorder and returns; the
// recorder writes later: on Node a buffer flushed every second (or every MAX_PENDING scans, and
// at shutdown), on Workers after the response through ctx.waitUntil. The copy rules
// (copy-rules.ts) run in that write, on the counts, and leave a flag that the verify query reads.
import { ApiError, stateChanged } from "../core/errors.js";
import { isoTime, unixSeconds } from "../core/time.js";
import { auditInsertIf, type Actor } from "../store/audit.js";
import { databaseFailure, type AsliDatabase } from "../store/database.js";
import { addScanDays, clearSuspicionQuery, findScanSummary, pruneScanDaysQuery, readScanStates, scanState, upsertScanSummaries, type SummaryWrite } from "../store/scans.js";
import type { Principal } from "./access.js";
import { findReadableCertificate } from "./certificates.js";
import { applyScan, utcDay, type Scan, type ScanState, type Suspicion } from "./copy-rules.js";

/** Daily counts are kept this many days, then pruned (the Node timer, the Workers cron). */
export const SCAN_DAYS_KEPT = 400;
/** Node flushes its buffer at this many scans even before the second is up. */
export const MAX_PENDING = 2000;
/** Node flushes its buffer this often. */
export const FLUSH_INTERVAL_MS = 1000;
/**
 * Scans a buffer holds at most while writes fail (about 100 bytes each): past it, the oldest
 * that could not be written are given up, and a log line says how many.
 */
export const MAX_BUFFERED = 100_000;

export interface ScanRecorder {
  /** Counts one verification of the certificate; returns at once, the write happens later. */
  record(certificateId: string, request: Request): void;
  /** Writes every scan recorded so far: at shutdown, and where a test needs the counts now. */
  flush(): Promise<void>;
  /** The request's coarse country as this runtime reads it (a scan's, or a claim's), or null. */
  country(request: Request): string | null;
}

/** Where a runtime finds the coarse country of a request, if anywhere. */
export type CountryOf = (request: Request) => string | null;

/** A two-letter country code (ISO 3166-1 alpha-2), upper-cased; null for anything else, and for XX (unknown). */
export function countryCode(value: unknown): string | null {
  if (typeof value !== "string" || !/^[A-Za-z]{2}$/.test(value)) return null;
  const code = value.toUpperCase();
  return code === "XX" ? null : code;
}

/**
 * Node: no country, unless the operator names a header that a trusted proxy in front sets
 * (TRUSTED_COUNTRY_HEADER=cf-ipcountry behind Cloudflare). Read only when configured, and only a
 * two-letter code is taken from it. Throws on a name that is not an HTTP header name.
 */
export function trustedHeaderCountry(header: string | undefined): CountryOf {
  const name = header?.trim().toLowerCase();
  if (!name) return () => null;
  if (!/^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/.test(name)) throw new Error("TRUSTED_COUNTRY_HEADER must be an HTTP header name, such as cf-ipcountry");
  return (request) => countryCode(request.headers.get(name));
}

// Link previews (a buyer sends the verify URL in a chat and the chat app fetches it) and
// crawlers are no buyer checking an item: their requests are not counted. The user agent is
// read for this and kept nowhere.
const NOT_A_BUYER =
  /facebookexternalhit|WhatsApp\/|TelegramBot|Slackbot|Discordbot|Twitterbot|LinkedInBot|SkypeUriPreview|Pinterestbot|redditbot|Embedly|Googlebot|bingbot|Applebot|YandexBot|DuckDuckBot|Baiduspider/i;

/** Whether a request counts as a scan: a GET (not a HEAD), by something other than a link previewer or crawler. */
export function countsAsScan(request: Request): boolean {
  if (request.method !== "GET") return false;
  const agent = request.headers.get("user-agent");
  return !(agent && NOT_A_BUYER.test(agent));
}

export interface PendingScan extends Scan {
  certificateId: string;
}

export interface ScanBufferOptions {
  db: AsliDatabase;
  clock: () => Date;
  countryOf: CountryOf;
  /** Workers: run the write after the response (ctx.waitUntil). Without it, the buffer waits for flush(). */
  defer?: (write: () => Promise<void>) => void;
}

/** The recorder of both runtimes: scans wait in memory until a flush writes them, a few statements per hundred certificates. */
export class ScanBuffer implements ScanRecorder {
  private pending: PendingScan[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: ScanBufferOptions) {}

  country(request: Request): string | null {
    return this.options.countryOf(request);
  }

  record(certificateId: string, request: Request): void {
    if (!countsAsScan(request)) return;
    this.pending.push({ certificateId, at: unixSeconds(this.options.clock()), country: this.options.countryOf(request) });
    if (this.options.defer) this.options.defer(() => this.flush());
    else if (this.pending.length >= MAX_PENDING) void this.flush();
  }

  /** How many scans wait for a write. */
  get waiting(): number {
    return this.pending.length;
  }

  /**
   * One write at a time, in the order scans came. When the database fails (busy, or unavailable:
   * databaseFailure), the scans it did not write stay in the buffer for the next flush (each part
   * of a write is one transaction: a part that failed wrote nothing), up to MAX_BUFFERED. Any
   * other error is a bug that a retry would only repeat: those scans are given up. Either way the
   * failure is logged by its code only.
   */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const scans = this.pending.splice(0);
      if (scans.length === 0) return;
      try {
        await writeScans(this.options.db, scans);
      } catch (error) {
        const unwritten = error instanceof ScansNotWritten ? error.scans : scans;
        const cause = error instanceof ScansNotWritten ? error.cause : error;
        const failure = databaseFailure(cause);
        const room = failure ? Math.max(0, MAX_BUFFERED - this.pending.length) : 0;
        const kept = unwritten.slice(unwritten.length - Math.min(room, unwritten.length));
        this.pending.unshift(...kept);
        const lost = unwritten.length - kept.length;
        console.error(
          `scan counts: ${unwritten.length} scan(s) not written (${failure ? `database ${failure.kind}, ${failure.code}` : cause instanceof Error ? cause.name : typeof cause}); ${lost ? `${lost} given up` : "kept for the next write"}`,
        );
      }
    });
    return this.writing;
  }
}

/** A write that failed part-way: `scans` were not written (the parts before them were). */
export class ScansNotWritten extends Error {
  constructor(
    readonly scans: PendingScan[],
    cause: unknown,
  ) {
    super(`${scans.length} scan(s) not written`, { cause });
    this.name = "ScansNotWritten";
  }
}

/** Certificates per part of a write: one db.batch of three statements (the states read before it), whatever the number of scans. */
export const CERTIFICATES_PER_WRITE = 200;

/** Lets requests waiting on the event loop run between the parts of a long write. */
const yieldToRequests = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Adds scans to the counts and runs the copy rules over them. Per part of CERTIFICATES_PER_WRITE
 * certificates: one read of their states, then one db.batch that writes one scan_days row per
 * certificate, day and country and one summary row per certificate, each table in one statement.
 * The rules see every scan, one at a time and in time order, in memory; the database sees only
 * the sums. Throws ScansNotWritten with the scans of the part that failed and of those after it.
 */
export async function writeScans(db: AsliDatabase, scans: readonly PendingScan[]): Promise<void> {
  const byCertificate = new Map<string, PendingScan[]>();
  for (const scan of [...scans].sort((a, b) => a.at - b.at)) {
    const list = byCertificate.get(scan.certificateId);
    if (list) list.push(scan);
    else byCertificate.set(scan.certificateId, [scan]);
  }
  const ids = [...byCertificate.keys()];
  for (let i = 0; i < ids.length; i += CERTIFICATES_PER_WRITE) {
    if (i > 0) await yieldToRequests();
    const chunk = ids.slice(i, i + CERTIFICATES_PER_WRITE);
    try {
      await writePart(db, chunk, byCertificate);
    } catch (error) {
      throw new ScansNotWritten(
        ids.slice(i).flatMap((id) => byCertificate.get(id)!),
        error,
      );
    }
  }
}

async function writePart(db: AsliDatabase, chunk: readonly string[], byCertificate: ReadonlyMap<string, PendingScan[]>): Promise<void> {
  const { states, claims } = await readScanStates(db, chunk);
  const days: { certificateId: string; day: string; country: string; count: number }[] = [];
  const summaries: SummaryWrite[] = [];
  for (const id of chunk) {
    const list = byCertificate.get(id)!;
    const read = states.get(id);
    const claim = claims.get(id) ?? null;
    let state: ScanState | undefined = read;
    const perDay = new Map<string, { day: string; country: string; count: number }>();
    let lastDay = "";
    let onLastDay = 0;
    for (const scan of list) {
      state = applyScan(state, scan, claim);
      const day = utcDay(scan.at);
      const country = scan.country ?? "";
      const key = `${day} ${country}`;
      const row = perDay.get(key);
      if (row) row.count++;
      else perDay.set(key, { day, country, count: 1 });
      // Sorted by time: the latest day is the last one seen.
      if (day === lastDay) onLastDay++;
      else {
        lastDay = day;
        onLastDay = 1;
      }
    }
    for (const row of perDay.values()) days.push({ certificateId: id, ...row });
    // applyScan never replaces a standing suspicion: one in the end state that was not read is new.
    const raised = read?.suspicion ? null : (state!.suspicion ?? null);
    summaries.push({ certificateId: id, delta: { count: list.length, firstAt: list[0]!.at, lastAt: list.at(-1)!.at, lastDay, onLastDay }, after: state!, raised, read });
  }
  await db.batch([addScanDays(db, days), upsertScanSummaries(db, summaries)]);
}

/** Removes daily counts older than SCAN_DAYS_KEPT days; the summary rows stay. */
export async function pruneScans(db: AsliDatabase, now: Date): Promise<void> {
  await pruneScanDaysQuery(db, utcDay(unixSeconds(now) - SCAN_DAYS_KEPT * 24 * 60 * 60));
}

/**
 * Node's recorder: a ScanBuffer flushed every FLUSH_INTERVAL_MS and pruned once a day, by timers
 * that never keep the process alive. `stop` writes what is left (call it at shutdown).
 */
export function startScanBuffer(options: Omit<ScanBufferOptions, "defer">): { recorder: ScanBuffer; stop: () => Promise<void> } {
  const recorder = new ScanBuffer(options);
  const flushing = setInterval(() => void recorder.flush(), FLUSH_INTERVAL_MS);
  const prune = () => pruneScans(options.db, options.clock()).catch((error: unknown) => console.error(`scan counts: pruning failed (${error instanceof Error ? error.name : typeof error})`));
  const pruning = setInterval(prune, 24 * 60 * 60 * 1000);
  (flushing as { unref?: () => void }).unref?.();
  (pruning as { unref?: () => void }).unref?.();
  void prune();
  return {
    recorder,
    stop: () => {
      clearInterval(flushing);
      clearInterval(pruning);
      return recorder.flush();
    },
  };
}

/** What clearing a false alarm answers: the suspicion that was cleared, and why it was judged false. */
export interface ClearedSuspicion {
  certificateId: string;
  cleared: { rule: Suspicion["rule"]; raisedAt: string } & Suspicion["figures"];
  clearedAt: string;
  note: string;
}

/**
 * A registry admin's judgement that a copy suspicion was a false alarm (a shop's demo tag, a
 * trade fair): the verdict is genuine again, and the rules weigh only the scans after now.
 * Audited with the admin's note. Conditional on the suspicion read: one raised meanwhile stands.
 */
export async function clearSuspicion(db: AsliDatabase, actor: Principal & Actor, certificateId: string, note: string, now: Date): Promise<ClearedSuspicion> {
  await findReadableCertificate(db, actor, certificateId);
  const row = await findScanSummary(db, certificateId);
  const standing = row ? scanState(row).suspicion : null;
  if (!standing) throw new ApiError(409, "no-copy-suspicion", "No copy suspicion", "this certificate's scans raise no copy suspicion: there is nothing to clear");
  const at = unixSeconds(now);
  const cleared = { rule: standing.rule, raisedAt: isoTime(standing.at), ...standing.figures };
  const [written] = await db.batch([
    clearSuspicionQuery(db, certificateId, standing.at, at),
    auditInsertIf(db, actor, now, { action: "certificate.copy-suspicion-clear", subjectType: "certificate", subjectId: certificateId, before: cleared, after: { note } }),
  ]);
  if (written.length === 0) throw stateChanged();
  return { certificateId, cleared, clearedAt: isoTime(at), note };
}
