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
import { addScanDay, clearSuspicionQuery, findScanSummary, pruneScanDaysQuery, readScanStates, scanState, upsertScanSummary, type ScanDelta } from "../store/scans.js";
import type { Principal } from "./access.js";
import { findReadableCertificate } from "./certificates.js";
import { applyScan, utcDay, type Scan, type ScanState, type Suspicion } from "./copy-rules.js";

/** Daily counts are kept this many days, then pruned (the Node timer, the Workers cron). */
export const SCAN_DAYS_KEPT = 400;
/** Node flushes its buffer at this many scans even before the second is up. */
export const MAX_PENDING = 500;
/** Node flushes its buffer this often. */
export const FLUSH_INTERVAL_MS = 1000;

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

interface PendingScan extends Scan {
  certificateId: string;
}

export interface ScanBufferOptions {
  db: AsliDatabase;
  clock: () => Date;
  countryOf: CountryOf;
  /** Workers: run the write after the response (ctx.waitUntil). Without it, the buffer waits for flush(). */
  defer?: (write: () => Promise<void>) => void;
}

/** The recorder of both runtimes: scans wait in memory until a flush writes them in one batch per few dozen certificates. */
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

  /** One write at a time, in the order scans came. A failed write is logged (its code only) and its scans are lost: counts are a signal, not a ledger. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const scans = this.pending.splice(0);
      if (scans.length === 0) return;
      try {
        await writeScans(this.options.db, scans);
      } catch (error) {
        const failure = databaseFailure(error);
        console.error(`scan counts: ${scans.length} scan(s) not written (${failure ? `database ${failure.kind}, ${failure.code}` : error instanceof Error ? error.name : typeof error})`);
      }
    });
    return this.writing;
  }
}

/** Certificates per write: each reads its state in one query, and D1 binds at most 100 values. */
const CERTIFICATES_PER_WRITE = 40;

/** Adds scans to the counts and runs the copy rules over them: one db.batch per few dozen certificates. */
export async function writeScans(db: AsliDatabase, scans: readonly PendingScan[]): Promise<void> {
  const byCertificate = new Map<string, PendingScan[]>();
  for (const scan of [...scans].sort((a, b) => a.at - b.at)) {
    const list = byCertificate.get(scan.certificateId);
    if (list) list.push(scan);
    else byCertificate.set(scan.certificateId, [scan]);
  }
  const ids = [...byCertificate.keys()];
  for (let i = 0; i < ids.length; i += CERTIFICATES_PER_WRITE) {
    const chunk = ids.slice(i, i + CERTIFICATES_PER_WRITE);
    const { states, claims } = await readScanStates(db, chunk);
    const statements = chunk.flatMap((id) => {
      const list = byCertificate.get(id)!;
      const read = states.get(id);
      let state: ScanState | undefined = read;
      const days = new Map<string, number>();
      for (const scan of list) {
        state = applyScan(state, scan, claims.get(id) ?? null);
        const key = `${utcDay(scan.at)} ${scan.country ?? ""}`;
        days.set(key, (days.get(key) ?? 0) + 1);
      }
      const lastDay = utcDay(list.at(-1)!.at);
      const delta: ScanDelta = { count: list.length, firstAt: list[0]!.at, lastAt: list.at(-1)!.at, lastDay, onLastDay: list.filter((s) => utcDay(s.at) === lastDay).length };
      // applyScan never replaces a standing suspicion: one in the end state that was not read is new.
      const raised = read?.suspicion ? null : (state!.suspicion ?? null);
      return [
        ...[...days].map(([key, count]) => {
          const [day, country] = key.split(" ") as [string, string];
          return addScanDay(db, { certificateId: id, day, country, count });
        }),
        upsertScanSummary(db, id, delta, state!, raised, read),
      ];
    });
    await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  }
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
