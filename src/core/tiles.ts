// C2SP tlog-tiles: the tree served as tiles of 256 hashes (each level of tiles 8 tree levels
// above the one below), entry bundles, and their paths. Also what both sides of the log need
// to work with tiles: hashes of any perfect subtree read out of tiles, the set of tiles a proof
// needs, and appending leaves to the right edge of a tiled tree.
import { concatBytes } from "./bytes.js";
import { HASH_SIZE, MerkleError, nodeHash, treeRoot, type SubtreeHashes } from "./merkle.js";

/** Tree levels per tile level, and hashes per full tile (2^8). */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const FULL_TILE_BYTES = TILE_WIDTH * HASH_SIZE;
/** tlog-tiles allows levels 0 to 63. */
export const MAX_TILE_LEVEL = 63;
/** An entry in a bundle is prefixed by its length as a big-endian uint16. */
export const MAX_ENTRY_BYTES = 0xffff;

const pow256 = (level: number) => TILE_WIDTH ** level;

// ---------------------------------------------------------------------------------------------
// Paths

/** The N of a tile path: zero-padded 3-digit groups, all but the last prefixed with "x". */
export function tileIndexPath(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError("a tile index is a non-negative integer");
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, "0"));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

const widthSuffix = (width: number) => (width === TILE_WIDTH ? "" : `.p/${width}`);

/** `tile/<L>/<N>[.p/<W>]` */
export function tilePath(level: number, index: number, width = TILE_WIDTH): string {
  return `tile/${level}/${tileIndexPath(index)}${widthSuffix(width)}`;
}

/** `tile/entries/<N>[.p/<W>]` */
export function entryBundlePath(index: number, width = TILE_WIDTH): string {
  return `tile/entries/${tileIndexPath(index)}${widthSuffix(width)}`;
}

export type TileRequest = { kind: "hashes"; level: number; index: number; width: number } | { kind: "entries"; index: number; width: number };

const GROUP = /^x\d{3}$/;

/**
 * Parses what follows `tile/` in a request path: `<L>/<N>[.p/<W>]` or `entries/<N>[.p/<W>]`,
 * strictly in the canonical form (the one tilePath writes), or null. A full tile has width 256.
 */
export function parseTilePath(path: string): TileRequest | null {
  if (path.length > 100) return null;
  let parts = path.split("/");
  let width = TILE_WIDTH;
  const p = parts.indexOf("");
  if (p >= 0) return null;
  if (parts.length >= 3 && parts.at(-2)!.endsWith(".p")) {
    const w = parts.at(-1)!;
    if (!/^[1-9][0-9]{0,2}$/.test(w) || Number(w) > TILE_WIDTH - 1) return null;
    width = Number(w);
    parts = [...parts.slice(0, -2), parts.at(-2)!.slice(0, -2)];
  }
  const [head, ...groups] = parts;
  if (groups.length === 0 || groups.length > 6) return null;
  const last = groups.at(-1)!;
  if (!/^\d{3}$/.test(last) || !groups.slice(0, -1).every((g) => GROUP.test(g))) return null;
  const digits = groups.map((g) => g.replace("x", "")).join("");
  // Canonical: no leading group of zeros (x000/005 is 005).
  if (groups.length > 1 && groups[0] === "x000") return null;
  const index = Number(digits);
  if (!Number.isSafeInteger(index)) return null;
  if (head === "entries") return { kind: "entries", index, width };
  if (head === undefined || !/^(0|[1-9][0-9]?)$/.test(head) || Number(head) > MAX_TILE_LEVEL) return null;
  return { kind: "hashes", level: Number(head), index, width };
}

// ---------------------------------------------------------------------------------------------
// Which tiles a tree has

/** How many hashes tile (level, index) holds in the tree of `size` leaves: 256 when full, 0 when it does not exist yet. */
export function tileWidthAt(level: number, index: number, size: number): number {
  const hashesAtLevel = Math.floor(size / pow256(level));
  return Math.max(0, Math.min(TILE_WIDTH, hashesAtLevel - index * TILE_WIDTH));
}

/** The tiles (level, index, width) that hold the hashes a tree of `size` leaves publishes: every full tile and the partial ones. */
export function partialTiles(size: number): { level: number; index: number; width: number }[] {
  const out: { level: number; index: number; width: number }[] = [];
  for (let level = 0; pow256(level) <= size; level++) {
    const hashes = Math.floor(size / pow256(level));
    const width = hashes % TILE_WIDTH;
    if (width > 0) out.push({ level, index: Math.floor(hashes / TILE_WIDTH), width });
  }
  return out;
}

export const tileKey = (level: number, index: number) => `${level}/${index}`;

/**
 * Where the hash of perfect subtree (height, index) lives: tile level L = floor(height / 8)
 * holds the hashes of subtrees of height 8L; a subtree of height 8L + r is the root of 2^r
 * consecutive hashes of one tile of that level.
 */
export function subtreeLocation(height: number, index: number): { level: number; tile: number; offset: number; count: number } {
  const level = Math.floor(height / TILE_HEIGHT);
  const count = 2 ** (height - level * TILE_HEIGHT);
  const first = index * count;
  return { level, tile: Math.floor(first / TILE_WIDTH), offset: first % TILE_WIDTH, count };
}

/**
 * Subtree hashes read out of tiles. `tile(level, index)` returns the tile's hashes as stored
 * (any width; a tile is only ever extended, so a wider copy serves a narrower tree), or
 * undefined when the tile is unknown. Each tile is expanded into its 8 inner levels once, so
 * repeated proofs over cached tiles hash almost nothing.
 */
export class TileHashes implements SubtreeHashes {
  // Most recently used last; bounded, since a long-lived cache would otherwise hold every tile.
  private readonly expanded = new Map<string, { width: number; levels: Uint8Array[][] }>();

  constructor(
    private readonly tile: (level: number, index: number) => Uint8Array | undefined,
    private readonly maxTiles = 4096,
  ) {}

  subtree(height: number, index: number): Uint8Array {
    const { level, tile, offset, count } = subtreeLocation(height, index);
    const key = tileKey(level, tile);
    let entry = this.expanded.get(key);
    if (!entry || entry.width < offset + count) {
      const bytes = this.tile(level, tile);
      if (!bytes || bytes.length < (offset + count) * HASH_SIZE) {
        throw new MerkleError(`tile ${key} is missing or too narrow for subtree ${height}/${index}`);
      }
      entry = { width: bytes.length / HASH_SIZE, levels: expandTile(bytes) };
    }
    this.expanded.delete(key);
    this.expanded.set(key, entry);
    if (this.expanded.size > this.maxTiles) this.expanded.delete(this.expanded.keys().next().value!);
    return entry.levels[Math.log2(count)]![offset / count]!;
  }
}

/** A tile's hashes and every complete node above them inside the tile: levels[k][j] is the root of hashes j·2^k … (j+1)·2^k - 1. */
export function expandTile(bytes: Uint8Array): Uint8Array[][] {
  const base: Uint8Array[] = [];
  for (let i = 0; i + HASH_SIZE <= bytes.length; i += HASH_SIZE) base.push(bytes.subarray(i, i + HASH_SIZE));
  const levels = [base];
  for (let k = 1; k < TILE_HEIGHT; k++) {
    const below = levels[k - 1]!;
    const level: Uint8Array[] = [];
    for (let j = 0; j + 1 < below.length; j += 2) level.push(nodeHash(below[j]!, below[j + 1]!));
    levels.push(level);
  }
  return levels;
}

/**
 * The tiles (level, index, and the width the computation needs) that `compute` reads through
 * a SubtreeHashes. The proof and root functions decide what to read from sizes and indices
 * alone, never from hash values, so running them once over placeholder hashes lists exactly
 * the tiles to fetch before running them for real.
 */
export function tilesNeeded(compute: (hashes: SubtreeHashes) => unknown): { level: number; index: number; width: number }[] {
  const needed = new Map<string, { level: number; index: number; width: number }>();
  const placeholder = new Uint8Array(HASH_SIZE);
  compute({
    subtree(height, index) {
      const { level, tile, offset, count } = subtreeLocation(height, index);
      const key = tileKey(level, tile);
      const width = offset + count;
      const known = needed.get(key);
      if (!known || known.width < width) needed.set(key, { level, index: tile, width });
      return placeholder;
    },
  });
  return [...needed.values()];
}

// ---------------------------------------------------------------------------------------------
// Appending leaves (the log's integration step)

/** The right edge of a tiled tree: its size, and the partial tile of each level (hashes, possibly none). */
export interface TiledTreeEdge {
  size: number;
  /** partial[level]: the hashes of the level's rightmost, incomplete tile (length a multiple of 32, less than a full tile). */
  partial: Uint8Array[];
}

export interface AppendResult {
  size: number;
  root: Uint8Array;
  /** Every tile that changed: the ones that became full, and the new partial ones. */
  tiles: { level: number; index: number; hashes: Uint8Array }[];
  edge: TiledTreeEdge;
}

/**
 * Appends leaf hashes to a tiled tree: fills the partial tiles level by level (a tile that
 * becomes full contributes its root to the level above) and computes the new tree head, which
 * depends on the partial tiles only.
 */
export function appendLeaves(edge: TiledTreeEdge, leafHashes: readonly Uint8Array[]): AppendResult {
  const expected = partialTiles(edge.size);
  for (let level = 0; level < Math.max(expected.length, edge.partial.length); level++) {
    const width = (edge.partial[level]?.length ?? 0) / HASH_SIZE;
    const want = expected.find((t) => t.level === level)?.width ?? 0;
    if (width !== want) throw new MerkleError(`the partial tile of level ${level} has ${width} hashes, where a tree of ${edge.size} has ${want}`);
  }
  const levels: Uint8Array[][] = edge.partial.map((bytes) => {
    const hashes: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += HASH_SIZE) hashes.push(bytes.slice(i, i + HASH_SIZE));
    return hashes;
  });
  // The hash lists themselves, concatenated once at the end: a tile changes with every leaf.
  const changed = new Map<string, { level: number; index: number; hashes: Uint8Array[] }>();
  // counts[level]: how many hashes the level has (full tiles included), to know tile indices.
  const counts: number[] = [];
  for (let level = 0; pow256(level) <= Math.max(edge.size, 1); level++) counts[level] = Math.floor(edge.size / pow256(level));

  const push = (level: number, hash: Uint8Array): void => {
    const tile = (levels[level] ??= []);
    tile.push(hash);
    const before = counts[level] ?? 0;
    counts[level] = before + 1;
    const index = Math.floor(before / TILE_WIDTH);
    changed.set(tileKey(level, index), { level, index, hashes: tile });
    if (tile.length === TILE_WIDTH) {
      levels[level] = [];
      push(level + 1, perfectRoot(tile));
    }
  };
  for (const leaf of leafHashes) {
    if (leaf.length !== HASH_SIZE) throw new MerkleError("a leaf hash is 32 bytes");
    push(0, leaf);
  }

  const size = edge.size + leafHashes.length;
  const partial = levels.map((hashes) => concatBytes(...hashes));
  while (partial.length > 0 && partial.at(-1)!.length === 0) partial.pop();
  const newEdge: TiledTreeEdge = { size, partial };
  const tiles = [...changed.values()].map((t) => ({ level: t.level, index: t.index, hashes: concatBytes(...t.hashes) }));
  return { size, root: edgeRoot(newEdge), tiles, edge: newEdge };
}

/** The tree head of a tiled tree, from its partial tiles alone. */
export function edgeRoot(edge: TiledTreeEdge): Uint8Array {
  const byLevel = new Map(partialTiles(edge.size).map((t) => [t.level, t.index]));
  const hashes = new TileHashes((level, index) => (byLevel.get(level) === index ? edge.partial[level] : undefined));
  return treeRoot(hashes, edge.size);
}

function perfectRoot(hashes: Uint8Array[]): Uint8Array {
  let level = hashes;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
}

// ---------------------------------------------------------------------------------------------
// Entry bundles

/** An entry bundle: each entry prefixed by its length as a big-endian uint16. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(entries.reduce((n, e) => n + 2 + e.length, 0));
  let offset = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_BYTES) throw new RangeError("an entry is at most 65,535 bytes");
    out[offset] = entry.length >>> 8;
    out[offset + 1] = entry.length & 0xff;
    out.set(entry, offset + 2);
    offset += 2 + entry.length;
  }
  return out;
}

/** Splits an entry bundle; throws on a truncated one or one with more than `maxEntries`. */
export function decodeEntryBundle(bytes: Uint8Array, maxEntries = TILE_WIDTH): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new RangeError("the entry bundle is truncated");
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    if (offset + 2 + length > bytes.length) throw new RangeError("the entry bundle is truncated");
    if (entries.length === maxEntries) throw new RangeError(`an entry bundle holds at most ${maxEntries} entries`);
    entries.push(bytes.slice(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return entries;
}
