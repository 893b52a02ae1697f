// asli-monitor: follows Asli's transparency log, so that a GI body, a journalist or an auditor
// sees every certificate issued, and notices what should not be there.
//   npx asli-monitor [--gi 2] [--district 187] [--artisan 42] [--state FILE] [--json]
// From the checkpoint saved in its state file (the first run starts at the beginning of the
// log), it fetches the log's newest checkpoint, checks its signatures (the log's key and the
// witness quorum, from the trust bundle), checks that it extends the saved one, reads every new
// entry with the tile it hashes to, decodes each entry's token (names from the trust bundle),
// lists the certificates the filters select, and flags an artisan whose certificates in a
// calendar month (India Standard Time) exceed the monthly capacity the registry records.
// docs/transparency-log.md §9. Exit codes: 0 nothing flagged; 1 something flagged; 2 bad usage;
// 3 no usable trust bundle, or the log misbehaved (a fork, a rollback, an altered tile, a bad
// signature) or could not be read: then the state is left as it was.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { indexTrustBundle, openTrustBundle, verifyOffline, TrustBundleError, type OfflineVerdict, type TrustIndex } from "../src/core/bundle.js";
import { fromBase64, toBase64 } from "../src/core/bytes.js";
import { webCryptoVerify } from "../src/core/signature.js";
import { CheckpointError, logPolicy, tokenFromEntry, verifyCheckpoint, type LogPolicy } from "../src/core/tlog.js";
import { EMPTY_ROOT } from "../src/core/merkle.js";
import { fetchCheckpoint, followLog, LogClientError, type FollowedTree, type LogFetcher } from "../src/core/tlog-client.js";
import { defaultBundlePath } from "./lib/trust-bundle-path.js";

const USAGE = `Usage:
  asli-monitor [options]

Follows the Asli transparency log named in your trust bundle (fetch one with asli-verify --update),
checks it, and lists the certificates issued since the last run.

Options:
  --gi ID          only certificates that claim this GI tag (repeatable)
  --district CODE  only certificates of this district, by LGD code (repeatable)
  --artisan ID     only this artisan's certificates (repeatable)
  --state FILE     where the followed checkpoint and monthly counts are kept
                   (default: $XDG_STATE_HOME/asli/monitor-<origin>.json, else ~/.local/state/asli/…)
  --bundle PATH    the trust bundle (default: as asli-verify keeps it)
  --log URL        read the log at this URL instead of the one the trust bundle names
  --from-bundle    on a first run, start at the bundle's checkpoint instead of the log's beginning
  --json           print the result as JSON
  -h, --help       this text

Exit codes: 0 nothing flagged, 1 something flagged, 2 bad usage, 3 no usable bundle or a misbehaving log.`;

const EXIT = { ok: 0, flagged: 1, usage: 2, trouble: 3 } as const;
/** Calendar months are India Standard Time's (UTC+05:30, no daylight saving). */
const IST_OFFSET_SECONDS = 5.5 * 3600;
const MAX_RESOURCE_BYTES = 1024 * 1024;

class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

interface MonitorState {
  version: 1;
  origin: string;
  size: number;
  root: string;
  peaks: string[] | null;
  /** months[YYYY-MM][artisan id] = certificates seen. */
  months: Record<string, Record<string, number>>;
}

interface Listed {
  index: number;
  serial: string;
  issuedAt: string;
  status: OfflineVerdict["status"];
  artisan: { id: number; name: string | null };
  district: { code: number; name: string | null };
  product: string | null;
  giTag: { id: number; name: string | null } | null;
}

interface Flag {
  kind: "over-capacity" | "invalid-entry";
  message: string;
  artisanId?: number;
  month?: string;
  index?: number;
}

const say = (line = "") => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`${line}\n`);

function defaultStatePath(origin: string): string {
  const base = process.env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(base, "asli", `monitor-${origin.replace(/[^A-Za-z0-9.-]+/g, "_")}.json`);
}

function monthOf(issuedAt: number): string {
  return new Date((issuedAt + IST_OFFSET_SECONDS) * 1000).toISOString().slice(0, 7);
}

function ids(values: string[] | undefined, what: string): Set<number> {
  const out = new Set<number>();
  for (const v of values ?? []) {
    if (!/^[1-9][0-9]{0,9}$/.test(v)) throw new CliError(EXIT.usage, `${what} takes a positive whole number, not ${JSON.stringify(v)}`);
    out.add(Number(v));
  }
  return out;
}

function httpFetcher(prefix: string): LogFetcher {
  return async (path) => {
    const url = new URL(path, prefix);
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new LogClientError("log-unreachable", `could not fetch ${url.href}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new LogClientError("log-unreachable", `could not fetch ${url.href}: HTTP ${res.status}`);
    if (Number(res.headers.get("content-length") ?? 0) > MAX_RESOURCE_BYTES) throw new LogClientError("log-tile-mismatch", `${url.href} is larger than any tile`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_RESOURCE_BYTES) throw new LogClientError("log-tile-mismatch", `${url.href} is larger than any tile`);
    return bytes;
  };
}

async function loadBundle(path: string): Promise<TrustIndex> {
  if (!existsSync(path)) throw new CliError(EXIT.trouble, `no trust bundle at ${path}: fetch one with  asli-verify --update --server https://<the Asli service>`);
  try {
    return await indexTrustBundle((await openTrustBundle(new Uint8Array(readFileSync(path)))).content);
  } catch (error) {
    throw new CliError(EXIT.trouble, `the trust bundle at ${path} is unusable: ${error instanceof TrustBundleError ? error.message : String(error)}`);
  }
}

function readState(path: string, origin: string): MonitorState | undefined {
  if (!existsSync(path)) return undefined;
  const state = JSON.parse(readFileSync(path, "utf8")) as MonitorState;
  if (state.version !== 1 || state.origin !== origin) throw new CliError(EXIT.usage, `${path} is not a monitor state file for ${origin}`);
  return state;
}

function writeState(path: string, state: MonitorState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, path);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        gi: { type: "string", multiple: true },
        district: { type: "string", multiple: true },
        artisan: { type: "string", multiple: true },
        state: { type: "string" },
        bundle: { type: "string" },
        log: { type: "string" },
        "from-bundle": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new CliError(EXIT.usage, `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    say(USAGE);
    return EXIT.ok;
  }
  const filters = { gi: ids(values.gi, "--gi"), district: ids(values.district, "--district"), artisan: ids(values.artisan, "--artisan") };

  const index = await loadBundle(values.bundle ?? defaultBundlePath());
  const log = index.content.log;
  if (!log) throw new CliError(EXIT.trouble, "the trust bundle names no transparency log: update it with asli-verify --update");
  let policy: LogPolicy;
  try {
    policy = logPolicy(log.origin, log.key, log.witnesses, log.quorum);
  } catch {
    throw new CliError(EXIT.trouble, "the trust bundle's log keys are unusable");
  }
  const prefix = values.log ? (values.log.endsWith("/") ? values.log : `${values.log}/`) : log.url;
  const fetcher = httpFetcher(prefix);
  const statePath = values.state ?? defaultStatePath(log.origin);
  const held = readState(statePath, log.origin);
  const capacities = new Map(index.content.monthlyCapacities ?? []);

  let from: FollowedTree;
  if (held) {
    from = { size: held.size, root: fromBase64(held.root), peaks: held.peaks?.map(fromBase64) ?? null };
  } else if (values["from-bundle"] && log.checkpoint) {
    const { checkpoint } = await verifyCheckpoint(log.checkpoint, policy);
    from = { size: checkpoint.size, root: checkpoint.root, peaks: null };
  } else {
    from = { size: 0, root: EMPTY_ROOT, peaks: [] };
  }
  const months: MonitorState["months"] = structuredClone(held?.months ?? {});

  const latest = await fetchCheckpoint(fetcher, policy, { verify: webCryptoVerify });
  const listed: Listed[] = [];
  const flags: Flag[] = [];
  const followed = await followLog(fetcher, from, latest.checkpoint, async (entryIndex, entry) => {
    const token = tokenFromEntry(entry);
    const verdict = await verifyOffline(token, index, webCryptoVerify);
    if (!verdict.certificate) {
      flags.push({ kind: "invalid-entry", index: entryIndex, message: `entry ${entryIndex} is not a certificate signed by a key of the trust bundle (${verdict.status === "invalid" ? verdict.reason : verdict.status})` });
      return;
    }
    const c = verdict.certificate;
    const month = monthOf(c.issuedAt);
    const counts = (months[month] ??= {});
    const count = (counts[c.artisan.id] = (counts[c.artisan.id] ?? 0) + 1);
    const capacity = capacities.get(c.artisan.id);
    if (capacity !== undefined && count === capacity + 1) {
      flags.push({
        kind: "over-capacity",
        artisanId: c.artisan.id,
        month,
        index: entryIndex,
        message: `artisan ${c.artisan.name ?? "(not in the bundle)"} (no. ${c.artisan.id}) has more than ${capacity} certificates in ${month}, the monthly capacity the registry records`,
      });
    }
    const giId = c.giTag?.id ?? c.withdrawnGiClaim?.giTagId ?? null;
    const wanted =
      (filters.gi.size === 0 || (giId !== null && filters.gi.has(giId))) &&
      (filters.district.size === 0 || filters.district.has(c.district.code)) &&
      (filters.artisan.size === 0 || filters.artisan.has(c.artisan.id));
    if (!wanted) return;
    listed.push({
      index: entryIndex,
      serial: c.serial,
      issuedAt: new Date(c.issuedAt * 1000).toISOString(),
      status: verdict.status,
      artisan: { id: c.artisan.id, name: c.artisan.name },
      district: { code: c.district.code, name: c.district.name },
      product: c.product?.name ?? null,
      giTag: giId === null ? null : { id: giId, name: index.giTags.get(giId)?.name ?? null },
    });
  });

  writeState(statePath, { version: 1, origin: log.origin, size: followed.size, root: toBase64(followed.root), peaks: followed.peaks?.map(toBase64) ?? null, months });

  if (values.json) {
    say(JSON.stringify({ log: { origin: log.origin, from: from.size, to: followed.size, cosignatures: latest.cosignatures }, certificates: listed, flags }, null, 2));
  } else {
    say(`Transparency log ${log.origin}: entries ${from.size} to ${followed.size} checked (checkpoint cosigned by ${latest.cosignatures.length} of ${policy.witnesses.length} witness(es))`);
    for (const l of listed) {
      const gi = l.giTag ? `, GI: ${l.giTag.name ?? `no. ${l.giTag.id}`}` : "";
      say(`  #${l.index}  ${l.issuedAt.slice(0, 10)}  ${l.serial}  ${l.artisan.name ?? "?"} (no. ${l.artisan.id}), ${l.district.name ?? l.district.code}${l.product ? `, ${l.product}` : ""}${gi}${l.status === "genuine" ? "" : `  [${l.status}]`}`);
    }
    say(`${listed.length} certificate(s) listed${filters.gi.size + filters.district.size + filters.artisan.size ? " (filtered)" : ""}`);
    for (const f of flags) say(`⚠ ${f.message}`);
  }
  return flags.length ? EXIT.flagged : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      warn(`asli-monitor: ${error.message}`);
      process.exitCode = error.exitCode;
    } else if (error instanceof LogClientError || error instanceof CheckpointError) {
      warn(`asli-monitor: the log failed a check (${error.code}): ${error.message}. The saved state is unchanged.`);
      process.exitCode = EXIT.trouble;
    } else {
      warn(`asli-monitor: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.usage;
    }
  },
);
