// The transparency log of every certificate issued (docs/transparency-log.md). Certificates are
// appended in the transaction that stores them (appendCertificate, appendBatch); integration
// then hashes the new entries into tiles and signs a checkpoint (C2SP tlog-tiles, checkpoint),
// at once after every issuance and on a timer or cron as a safety net; witnesses are asked to
// cosign each new checkpoint (C2SP tlog-witness). Reads: the checkpoint, tiles, entry bundles
// and inclusion proofs (C2SP tlog-proof), computed from tiles kept in memory where they can be.
import type { BatchItem } from "drizzle-orm/batch";
import { toBase64 } from "../core/bytes.js";
import { checkpointText, cosignatureTimestamp, cosignatureVerifier, parseDecimal } from "../core/checkpoint.js";
import { ApiError } from "../core/errors.js";
import type { SigningKey } from "../core/keys.js";
import { consistencyProof, HASH_SIZE, inclusionProof, leafHash, type SubtreeHashes } from "../core/merkle.js";
import { ed25519NoteSigner, encodeVerifierKey, formatNote, parseNote, parseVerifierKey, signNoteText, SIGNATURE_TYPE, type NotePublicKey, type NoteSigner } from "../core/note.js";
import { appendLeaves, encodeEntryBundle, entryBundlePath, partialTiles, TILE_WIDTH, TileHashes, tileKey, tilePath, tilesNeeded, tileWidthAt, type TiledTreeEdge } from "../core/tiles.js";
import { encodeTlogProof, entryFromToken, LOG_PATH, logOriginFor } from "../core/tlog.js";
import { encodeAddCheckpoint, TLOG_SIZE_MEDIA_TYPE } from "../core/witness.js";
import { unixSeconds } from "../core/time.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import {
  appendEntriesQuery,
  appendCertificateQuery,
  checkpointIncluding,
  findLogEntryWithLatest,
  insertCosignature,
  integrationStatements,
  lastCosignedSize,
  latestCheckpoint,
  latestCosignedCheckpoint,
  logEntryCount,
  readEntryIds,
  readLogEntries,
  readTiles,
  type CosignedCheckpoint,
  type LogCheckpoint,
} from "../store/tlog.js";

/** What issuance needs of the log: the statements that append, and what to do once they committed. */
export interface LogAppender {
  /** Run in the same db.batch as the certificate's insert. */
  appendCertificate(certificateId: string): BatchItem<"sqlite">[];
  /** Run in the same db.batch as the batch's certificates, after them: appends them in this order. */
  appendBatch(certificateIds: readonly string[]): BatchItem<"sqlite">[];
  /**
   * An entry's leaf hash, for the caller to compute while it still signs other entries (then
   * passed in `AppendedEntries.leafHashes`); undefined when the log hashes nothing.
   */
  entryLeafHash(entry: Uint8Array): Uint8Array | undefined;
  /**
   * After the append committed: a checkpoint that includes it, signed now; cosignatures asked
   * for in the background. `appended` (the certificates just appended, in order, with their
   * tokens) spares integration reading back what the caller already holds.
   */
  afterAppend(appended?: AppendedEntries): Promise<void>;
}

/** Certificates one statement appended, in log order: their ids and tokens, and the tokens' leaf hashes when the caller has them. */
export interface AppendedEntries {
  ids: readonly string[];
  tokens: readonly string[];
  leafHashes?: readonly Uint8Array[];
}

/** A witness the log asks for cosignatures: its name and key (a cosignature/v1 vkey), and its tlog-witness submission prefix. */
export interface WitnessEndpoint {
  key: NotePublicKey;
  /** The submission prefix: add-checkpoint is POSTed to `${url}add-checkpoint`. */
  url: string;
}

/** Where full tiles and entry bundles may be kept besides the database (an R2 bucket on Workers). */
export interface TileBucket {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string; cacheControl?: string } }): Promise<unknown>;
}

export interface TransparencyLogOptions {
  db: AsliDatabase;
  /** The checkpoint origin and the log key's name, e.g. asli.example/log (logOriginFor). */
  origin: string;
  /** LOG_SIGNING_KEY: the log's own Ed25519 key, never the certificate signing key. */
  key: SigningKey;
  /** The public prefix the log is served at, e.g. https://asli.example/log/ (for the trust bundle). */
  url: string;
  witnesses?: WitnessEndpoint[];
  /** How many witnesses must cosign a checkpoint for proofs and the trust bundle to prefer it; default 1 when there are witnesses. */
  quorum?: number;
  fetch?: typeof fetch;
  tileBucket?: TileBucket;
  /** Runs work after the response (Workers: ctx.waitUntil). Default: starts it in the background, errors logged by name. */
  defer?: (task: () => Promise<unknown>) => void;
  clock: () => Date;
}

/** At most this many entries are integrated by one checkpoint; a backlog is integrated in steps. */
const MAX_ENTRIES_PER_STEP = 16_384;
const MAX_STEPS = 64;
const WITNESS_TIMEOUT_MS = 10_000;
/** Tiles kept in memory (at most 16 KiB each with their inner levels): about 64 MiB. */
const MAX_CACHED_TILES = 4096;

const backgroundTask = (task: () => Promise<unknown>) => {
  task().catch((error: unknown) => console.error(`transparency log background task failed: ${error instanceof Error ? error.name : typeof error}`));
};

export class TransparencyLog implements LogAppender {
  readonly origin: string;
  readonly url: string;
  readonly witnesses: readonly WitnessEndpoint[];
  readonly quorum: number;
  private readonly db: AsliDatabase;
  private readonly signer: NoteSigner;
  private readonly fetcher: typeof fetch;
  private readonly bucket: TileBucket | undefined;
  private readonly defer: (task: () => Promise<unknown>) => void;
  private readonly clock: () => Date;
  // Tiles as read (a tile only grows, so a wider copy serves any narrower request) and the
  // subtree hashes read through them. Most recently used last.
  private readonly tileBytes = new Map<string, Uint8Array>();
  private readonly hashes: TileHashes;
  private integrating: Promise<LogCheckpoint | undefined> = Promise.resolve(undefined);
  private queued: Promise<LogCheckpoint | undefined> | null = null;

  constructor(options: TransparencyLogOptions) {
    this.db = options.db;
    this.origin = options.origin;
    this.url = options.url;
    this.signer = ed25519NoteSigner(options.origin, options.key);
    this.witnesses = options.witnesses ?? [];
    this.quorum = options.quorum ?? Math.min(1, this.witnesses.length);
    if (!Number.isSafeInteger(this.quorum) || this.quorum < 0 || this.quorum > this.witnesses.length) {
      throw new RangeError("the witness quorum is between 0 and the number of witnesses");
    }
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.bucket = options.tileBucket;
    this.defer = options.defer ?? backgroundTask;
    this.clock = options.clock;
    this.hashes = new TileHashes((level, index) => this.cachedTile(level, index), MAX_CACHED_TILES);
  }

  /** The log's public key as a signed-note verifier key (type 0x01, named after the origin). */
  get verifierKey(): string {
    return encodeVerifierKey({ name: this.origin, type: SIGNATURE_TYPE.ed25519, publicKey: this.signer.key.publicKey });
  }

  // -------------------------------------------------------------------------------------------
  // Appending

  appendCertificate(certificateId: string): BatchItem<"sqlite">[] {
    return [appendCertificateQuery(this.db, certificateId)];
  }

  appendBatch(certificateIds: readonly string[]): BatchItem<"sqlite">[] {
    return [appendEntriesQuery(this.db, certificateIds)];
  }

  entryLeafHash(entry: Uint8Array): Uint8Array | undefined {
    return leafHash(entry);
  }

  async afterAppend(appended?: AppendedEntries): Promise<void> {
    await this.integrate(appended);
    if (this.witnesses.length > 0) this.defer(() => this.cosign());
  }

  /**
   * Hashes every entry not yet in a checkpoint into the tiles and signs a checkpoint of the
   * new size. Calls in one process are serialized, and a call made while another waits shares
   * it (that one reads the log after this call's entries committed). Across processes the
   * checkpoint chain's unique column lets one integration win; the other looks again.
   */
  integrate(appended?: AppendedEntries): Promise<LogCheckpoint | undefined> {
    if (this.queued) return this.queued;
    const run = this.integrating.then(() => {
      this.queued = null;
      return this.integrateAll(appended);
    });
    this.queued = run;
    this.integrating = run.catch(() => undefined);
    return run;
  }

  private async integrateAll(appended?: AppendedEntries): Promise<LogCheckpoint | undefined> {
    let latest: LogCheckpoint | undefined;
    for (let step = 0; step < MAX_STEPS; step++) {
      const [current, count] = await Promise.all([latestCheckpoint(this.db), logEntryCount(this.db)]);
      latest = current;
      if (current && count <= current.size) return current;
      await this.integrateStep(current, count, step === 0 ? appended : undefined);
    }
    return latest;
  }

  /** The leaf hashes of the entries from `size` on: the caller's when they are exactly what is pending, else hashed from the database. */
  private async pendingLeaves(size: number, count: number, appended: AppendedEntries | undefined): Promise<Uint8Array[]> {
    const limit = Math.min(MAX_ENTRIES_PER_STEP, count - size);
    let rows: { idx: number; token: string }[] | undefined;
    if (appended && appended.ids.length === count - size && limit === count - size) {
      // One statement appended them, so they are consecutive: the first and the last in place means all are.
      const ends = await readEntryIds(this.db, [size, count - 1]);
      if (ends.get(size) === appended.ids[0] && ends.get(count - 1) === appended.ids.at(-1)) {
        if (appended.leafHashes?.length === appended.tokens.length) return [...appended.leafHashes];
        rows = appended.tokens.map((token, i) => ({ idx: size + i, token }));
      }
    }
    rows ??= count > size ? await readLogEntries(this.db, size, limit) : [];
    return rows.map((row, i) => {
      if (row.idx !== size + i) throw new Error(`log entry ${size + i} is missing`);
      return leafHash(entryFromToken(row.token));
    });
  }

  private async integrateStep(latest: LogCheckpoint | undefined, count: number, appended?: AppendedEntries): Promise<void> {
    const size = latest?.size ?? 0;
    const edge = await this.readEdge(size);
    const leaves = await this.pendingLeaves(size, count, appended);
    const result = appendLeaves(edge, leaves);
    const text = checkpointText({ origin: this.origin, size: result.size, root: result.root });
    const note = formatNote(text, [await signNoteText(text, this.signer)]);
    const tiles = result.tiles.map((t) => ({ level: t.level, idx: t.index, width: t.hashes.length / HASH_SIZE, hashes: t.hashes }));
    try {
      await this.db.batch(
        integrationStatements(this.db, tiles, {
          size: result.size,
          previousSize: latest ? latest.size : -1,
          rootHash: toBase64(result.root),
          note,
          createdAt: unixSeconds(this.clock()),
        }) as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]],
      );
    } catch (error) {
      // Another process integrated from the same state first: nothing of ours was written.
      if (isUniqueViolation(error, "log_checkpoints.previous_size") || isUniqueViolation(error, "log_checkpoints.size")) return;
      throw error;
    }
    for (const t of result.tiles) this.remember(t.level, t.index, t.hashes);
  }

  /** The partial tile of each level for a tree of `size` entries, from the database. */
  private async readEdge(size: number): Promise<TiledTreeEdge> {
    const wanted = partialTiles(size);
    const rows = await readTiles(this.db, wanted);
    const partial: Uint8Array[] = [];
    for (const t of wanted) {
      const row = rows.find((r) => r.level === t.level && r.idx === t.index);
      if (!row || row.width < t.width) throw new Error(`log tile ${tileKey(t.level, t.index)} is missing`);
      partial[t.level] = row.hashes.subarray(0, t.width * HASH_SIZE);
    }
    for (let level = 0; level < partial.length; level++) partial[level] ??= new Uint8Array();
    return { size, partial };
  }

  // -------------------------------------------------------------------------------------------
  // Witnesses

  /** Asks every witness to cosign the latest checkpoint; stores the cosignatures that verify. */
  async cosign(): Promise<void> {
    const latest = await latestCosignedCheckpoint(this.db);
    if (!latest) return;
    await Promise.all(this.witnesses.map((w) => this.askWitness(w, latest)));
  }

  private async askWitness(witness: WitnessEndpoint, checkpoint: CosignedCheckpoint): Promise<void> {
    const name = witness.key.name;
    const text = parseNote(checkpoint.note).text;
    if (checkpoint.cosignatures.some((line) => parseNote(`${text}\n${line}`).signatures[0]!.name === name)) return;
    let oldSize = await lastCosignedSize(this.db, name);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (oldSize > checkpoint.size) return;
      const proof = await this.fromTiles((h) => consistencyProof(h, oldSize, checkpoint.size));
      let res: Response;
      try {
        res = await this.fetcher(new URL("add-checkpoint", witness.url), {
          method: "POST",
          headers: { "content-type": "text/plain; charset=utf-8" },
          body: encodeAddCheckpoint({ oldSize, proof, checkpoint: checkpoint.note }),
          signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS),
        });
      } catch (error) {
        console.error(`witness ${name} could not be reached: ${error instanceof Error ? error.name : typeof error}`);
        return;
      }
      const body = await res.text();
      if (res.status === 409 && res.headers.get("content-type")?.startsWith(TLOG_SIZE_MEDIA_TYPE)) {
        // The witness holds another size: prove consistency from that one instead.
        const held = parseDecimal(body.trim());
        if (held === null || held === oldSize) return;
        oldSize = held;
        continue;
      }
      if (res.status !== 200) {
        console.error(`witness ${name} refused checkpoint ${checkpoint.size}: HTTP ${res.status}`);
        return;
      }
      await this.storeCosignature(witness, checkpoint.size, text, body);
      return;
    }
  }

  private async storeCosignature(witness: WitnessEndpoint, size: number, text: string, body: string): Promise<void> {
    const verifier = await cosignatureVerifier(witness.key.name, witness.key.publicKey);
    for (const line of body.split("\n").filter(Boolean)) {
      let signature;
      try {
        signature = parseNote(`${text}\n${line}\n`).signatures[0]!;
      } catch {
        continue;
      }
      if (signature.name !== verifier.name || signature.keyId !== verifier.keyId) continue;
      if (!(await verifier.verify(text, signature.signature))) continue;
      await insertCosignature(this.db, { size, witness: verifier.name, line: signature.line, cosignedAt: cosignatureTimestamp(signature.signature)! });
      return;
    }
    console.error(`witness ${witness.key.name} answered without a valid cosignature`);
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** The latest checkpoint with its cosignatures, as /log/checkpoint serves it. */
  async checkpoint(): Promise<string> {
    const latest = (await latestCosignedCheckpoint(this.db)) ?? (await this.integrate().then(() => latestCosignedCheckpoint(this.db)));
    if (!latest) throw new ApiError(503, "log-unavailable", "Try again", "the transparency log has no checkpoint yet");
    return latest.note + latest.cosignatures.join("");
  }

  /** The checkpoint the trust bundle carries: the latest one with a quorum of cosignatures, else the latest. */
  async bundleCheckpoint(): Promise<string | null> {
    const chosen = await checkpointIncluding(this.db, -1, this.quorum);
    return chosen ? chosen.note + chosen.cosignatures.join("") : null;
  }

  /** Tile (level, index) with `width` hashes (256: the full tile), or null when the log has no such tile. */
  async tile(level: number, index: number, width: number): Promise<Uint8Array | null> {
    const full = width === TILE_WIDTH;
    const key = tilePath(level, index);
    if (full && this.bucket) {
      const stored = await this.bucket.get(key);
      if (stored) return new Uint8Array(await stored.arrayBuffer());
    }
    await this.loadTiles([{ level, index, width }], false);
    const bytes = this.cachedTile(level, index);
    if (!bytes || bytes.length < width * HASH_SIZE) return null;
    const out = bytes.slice(0, width * HASH_SIZE);
    if (full && this.bucket) this.defer(() => this.bucket!.put(key, out, { httpMetadata: { contentType: "application/octet-stream" } }));
    return out;
  }

  /** Entry bundle `index` with `width` entries, or null when the latest checkpoint does not hold them. */
  async entryBundle(index: number, width: number): Promise<Uint8Array | null> {
    const full = width === TILE_WIDTH;
    const key = entryBundlePath(index);
    if (full && this.bucket) {
      const stored = await this.bucket.get(key);
      if (stored) return new Uint8Array(await stored.arrayBuffer());
    }
    const latest = await latestCheckpoint(this.db);
    if (tileWidthAt(0, index, latest?.size ?? 0) < width) return null;
    const rows = await readLogEntries(this.db, index * TILE_WIDTH, width);
    if (rows.length !== width) return null;
    const bytes = encodeEntryBundle(rows.map((r) => entryFromToken(r.token)));
    if (full && this.bucket) this.defer(() => this.bucket!.put(key, bytes, { httpMetadata: { contentType: "application/octet-stream" } }));
    return bytes;
  }

  /** The certificate's inclusion proof in the C2SP tlog-proof form, or null when it is not in the log. */
  async inclusionProof(certificateId: string): Promise<string | null> {
    const entry = await findLogEntryWithLatest(this.db, certificateId);
    if (!entry) return null;
    let checkpoint = await checkpointIncluding(this.db, entry.idx, this.quorum, entry.latest);
    if (!checkpoint) {
      await this.integrate();
      checkpoint = await checkpointIncluding(this.db, entry.idx, this.quorum);
      if (!checkpoint) throw new ApiError(503, "log-unavailable", "Try again", "the certificate is not in a checkpoint yet");
    }
    const size = checkpoint.size;
    const proof = await this.fromTiles((h) => inclusionProof(h, entry.idx, size));
    return encodeTlogProof({ extra: entryFromToken(entry.token), index: entry.idx, proof, checkpoint: checkpoint.note + checkpoint.cosignatures.join("") });
  }

  /** What the trust bundle publishes about the log (docs/trust-bundle.md, the `log` member). */
  async bundleExtension() {
    return {
      version: 1 as const,
      origin: this.origin,
      url: this.url,
      key: this.verifierKey,
      witnesses: this.witnesses.map((w) => encodeVerifierKey(w.key)),
      quorum: this.quorum,
      checkpoint: await this.bundleCheckpoint(),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Tiles in memory

  /** Runs a proof computation over the tiles, after reading the ones it needs. */
  private async fromTiles<T>(compute: (hashes: SubtreeHashes) => T): Promise<T> {
    await this.loadTiles(tilesNeeded(compute), true);
    return compute(this.hashes);
  }

  private async loadTiles(needed: readonly { level: number; index: number; width: number }[], required: boolean): Promise<void> {
    const missing = needed.filter((t) => (this.cachedTile(t.level, t.index)?.length ?? 0) < t.width * HASH_SIZE);
    if (missing.length === 0) return;
    for (const row of await readTiles(this.db, missing)) this.remember(row.level, row.idx, row.hashes);
    if (required && missing.some((t) => (this.cachedTile(t.level, t.index)?.length ?? 0) < t.width * HASH_SIZE)) {
      throw new Error("the log's tiles do not cover its checkpoint");
    }
  }

  private cachedTile(level: number, index: number): Uint8Array | undefined {
    const key = tileKey(level, index);
    const bytes = this.tileBytes.get(key);
    if (bytes) {
      this.tileBytes.delete(key);
      this.tileBytes.set(key, bytes);
    }
    return bytes;
  }

  private remember(level: number, index: number, bytes: Uint8Array): void {
    const key = tileKey(level, index);
    if ((this.tileBytes.get(key)?.length ?? 0) >= bytes.length) return;
    this.tileBytes.delete(key);
    this.tileBytes.set(key, bytes);
    if (this.tileBytes.size > MAX_CACHED_TILES) this.tileBytes.delete(this.tileBytes.keys().next().value!);
  }
}

/**
 * LOG_WITNESSES: one witness a line (or separated by commas), each its cosignature verifier
 * key and its submission URL separated by a space:
 *   witness.odop-up.example/w1+1a2b3c4d+BL0… https://witness.odop-up.example/
 */
export function parseWitnessList(text: string | undefined): WitnessEndpoint[] {
  const items = (text ?? "")
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.map((item) => {
    const [vkey, url, ...rest] = item.split(/\s+/);
    if (!vkey || !url || rest.length > 0) throw new TypeError("each witness is its verifier key and its URL, separated by a space");
    const key = parseVerifierKey(vkey);
    if (key.type !== SIGNATURE_TYPE.cosignatureV1) throw new TypeError(`witness ${key.name}: the key is not a cosignature/v1 (type 0x04) key`);
    let parsed: URL;
    try {
      parsed = new URL(url.endsWith("/") ? url : `${url}/`);
    } catch {
      throw new TypeError(`witness ${key.name}: ${url} is not a URL`);
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new TypeError(`witness ${key.name}: the URL is http(s)`);
    return { key, url: parsed.href };
  });
}

/** The public prefix of the log for a service at `baseUrl`. */
export function logUrlFor(baseUrl: string): string {
  return `${new URL(baseUrl).origin}${LOG_PATH}/`;
}

/** A log for the service at `baseUrl`: origin `<host>/log` unless one is given, served at `<baseUrl>/log/`. */
export function transparencyLogFor(options: Omit<TransparencyLogOptions, "origin" | "url"> & { baseUrl: string; origin?: string }): TransparencyLog {
  const { baseUrl, origin, ...rest } = options;
  return new TransparencyLog({ ...rest, origin: origin || logOriginFor(baseUrl), url: logUrlFor(baseUrl) });
}
