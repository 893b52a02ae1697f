// Following a tiled log as a client (a monitor, a test, a verifier with a network): fetch the
// checkpoint, the tiles and the entry bundles over any transport, and check everything read.
// A tile is checked by what it must agree with: level-0 hashes against the entries they hash,
// every hash read against the signed root (consistency proof and the tree's right edge), so a
// tampered tile or bundle, a fork and a rollback are all caught.
import { fromUtf8 } from "./bytes.js";
import { CompactRange, HASH_SIZE, leafHash, treeRoot, verifyConsistency, consistencyProof, type SubtreeHashes } from "./merkle.js";
import { decodeEntryBundle, entryBundlePath, TILE_WIDTH, TileHashes, tileKey, tilePath, tilesNeeded, tileWidthAt } from "./tiles.js";
import { verifyCheckpoint, type LogPolicy, type TrustedCheckpoint } from "./tlog.js";
import type { Ed25519Verifier } from "./signature.js";

/** Reads a resource under the log's prefix ("checkpoint", "tile/0/000.p/5", …): its bytes, or null when the log has none. */
export type LogFetcher = (path: string) => Promise<Uint8Array | null>;

export type LogClientFailure = "log-unreachable" | "log-tile-missing" | "log-tile-mismatch" | "log-inconsistent" | "log-rollback" | "log-fork";

export class LogClientError extends Error {
  override name = "LogClientError";
  constructor(
    readonly code: LogClientFailure,
    message: string,
  ) {
    super(message);
  }
}

/** What a follower keeps between runs: the tree it has verified, and that tree's right edge. */
export interface FollowedTree {
  size: number;
  root: Uint8Array;
  /** The compact range (CompactRange.hashes()) of the tree, or null when only the checkpoint is known. */
  peaks: Uint8Array[] | null;
}

export async function fetchCheckpoint(fetcher: LogFetcher, policy: LogPolicy, options: { requireQuorum?: boolean; verify?: Ed25519Verifier } = {}): Promise<TrustedCheckpoint & { note: string }> {
  const bytes = await fetcher("checkpoint");
  if (!bytes) throw new LogClientError("log-unreachable", "the log serves no checkpoint");
  const note = fromUtf8(bytes);
  return { ...(await verifyCheckpoint(note, policy, options)), note };
}

/** The tiles of the tree of `size` entries that `compute` reads, fetched at the width that tree gives them. */
export async function tilesOfTree(fetcher: LogFetcher, size: number, compute: (hashes: SubtreeHashes) => unknown): Promise<TileHashes> {
  const fetched = new Map<string, Uint8Array>();
  await Promise.all(
    tilesNeeded(compute).map(async ({ level, index }) => {
      const width = tileWidthAt(level, index, size);
      const path = tilePath(level, index, width);
      const bytes = width > 0 ? await fetcher(path) : null;
      if (!bytes) throw new LogClientError("log-tile-missing", `the log does not serve ${path}`);
      if (bytes.length !== width * HASH_SIZE) throw new LogClientError("log-tile-mismatch", `${path} has ${bytes.length} bytes, not ${width * HASH_SIZE}`);
      fetched.set(tileKey(level, index), bytes);
    }),
  );
  return new TileHashes((level, index) => fetched.get(tileKey(level, index)));
}

/** The consistency proof from the tree of `oldSize` entries to the tree of `newSize`, computed from the log's tiles. */
export async function consistencyProofFromLog(fetcher: LogFetcher, oldSize: number, newSize: number): Promise<Uint8Array[]> {
  const compute = (h: SubtreeHashes) => consistencyProof(h, oldSize, newSize);
  return compute(await tilesOfTree(fetcher, newSize, compute));
}

/**
 * Moves a followed tree forward to a trusted checkpoint, reading every entry in between:
 * 1. refuses a smaller tree (rollback) and another root for the same size (fork);
 * 2. checks the consistency proof, computed from the log's tiles, between the two roots;
 * 3. reads each entry bundle with its level-0 tile and checks that every entry hashes to its
 *    tile's hash, hands each new entry to `onEntry`, and appends its hash to the tree's right
 *    edge; the edge must end at the new checkpoint's root.
 * Returns the new followed tree. Nothing is handed over for a tree that then fails step 3's
 * last check, except the entries already given to onEntry: callers commit only on success.
 */
export async function followLog(
  fetcher: LogFetcher,
  from: FollowedTree,
  to: { size: number; root: Uint8Array },
  onEntry: (index: number, entry: Uint8Array) => void | Promise<void>,
): Promise<FollowedTree> {
  if (to.size < from.size) throw new LogClientError("log-rollback", `the log's checkpoint is of ${to.size} entries, fewer than the ${from.size} already seen`);
  if (to.size === from.size) {
    if (!bytesEqual(to.root, from.root)) throw new LogClientError("log-fork", `two different trees of ${to.size} entries: the log forked`);
    return from;
  }
  let range: CompactRange;
  if (from.peaks) {
    range = CompactRange.fromPeaks(from.size, from.peaks);
  } else {
    // Only the checkpoint is known: the right edge of its tree comes from the tiles, and must give its root.
    const compute = (h: SubtreeHashes) => CompactRange.fromSubtrees(h, from.size);
    range = compute(await tilesOfTree(fetcher, from.size, compute));
  }
  if (!bytesEqual(range.root(), from.root)) throw new LogClientError("log-tile-mismatch", `the log's tiles do not give the root of the tree of ${from.size} entries`);

  const proof = await consistencyProofFromLog(fetcher, from.size, to.size);
  if (!verifyConsistency(from.size, to.size, proof, from.root, to.root)) {
    throw new LogClientError("log-inconsistent", `the tree of ${to.size} entries does not extend the tree of ${from.size} (or the log's tiles are altered)`);
  }

  for (let bundle = Math.floor(from.size / TILE_WIDTH); bundle * TILE_WIDTH < to.size; bundle++) {
    const width = tileWidthAt(0, bundle, to.size);
    const [entriesBytes, tileBytes] = await Promise.all([fetcher(entryBundlePath(bundle, width)), fetcher(tilePath(0, bundle, width))]);
    if (!entriesBytes) throw new LogClientError("log-tile-missing", `the log does not serve ${entryBundlePath(bundle, width)}`);
    if (!tileBytes) throw new LogClientError("log-tile-missing", `the log does not serve ${tilePath(0, bundle, width)}`);
    if (tileBytes.length !== width * HASH_SIZE) throw new LogClientError("log-tile-mismatch", `${tilePath(0, bundle, width)} has the wrong length`);
    let entries: Uint8Array[];
    try {
      entries = decodeEntryBundle(entriesBytes);
    } catch {
      throw new LogClientError("log-tile-mismatch", `${entryBundlePath(bundle, width)} is not an entry bundle`);
    }
    if (entries.length !== width) throw new LogClientError("log-tile-mismatch", `${entryBundlePath(bundle, width)} holds ${entries.length} entries, not ${width}`);
    for (let i = 0; i < width; i++) {
      const index = bundle * TILE_WIDTH + i;
      const hash = leafHash(entries[i]!);
      if (!bytesEqual(hash, tileBytes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))) {
        throw new LogClientError("log-tile-mismatch", `entry ${index} does not hash to its hash in ${tilePath(0, bundle, width)}: the tile or the bundle was altered`);
      }
      if (index < from.size) continue;
      range.append(hash);
      await onEntry(index, entries[i]!);
    }
  }
  if (!bytesEqual(range.root(), to.root)) throw new LogClientError("log-inconsistent", `the log's entries do not make the signed tree of ${to.size} entries`);
  return { size: to.size, root: to.root, peaks: range.hashes() };
}

/** The root of the tree of `size` entries as the log's tiles give it (for a check against a checkpoint). */
export async function rootFromLog(fetcher: LogFetcher, size: number): Promise<Uint8Array> {
  const compute = (h: SubtreeHashes) => treeRoot(h, size);
  return compute(await tilesOfTree(fetcher, size, compute));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
