// RFC 6962 / RFC 9162 Merkle trees: leaf and node hashing, tree heads, inclusion and
// consistency proofs (generated and verified), for any list of entries. Nothing here knows
// about the transparency log: the log (src/service/tlog.ts) reads hashes from its tiles, a
// shipment manifest from an array; both go through the same SubtreeHashes interface.
//
// Sizes and indices are JavaScript numbers (exact up to 2^53) and the arithmetic avoids
// 32-bit bitwise operators, so trees beyond 2^32 leaves work too.
import { constantTimeEqual } from "./bytes.js";
import { sha256Sync } from "./sha256.js";

export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** RFC 6962 §2.1: the hash of a leaf, SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256Sync(LEAF_PREFIX, entry);
}

/** RFC 6962 §2.1: the hash of an interior node, SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256Sync(NODE_PREFIX, left, right);
}

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT = sha256Sync();

/**
 * Hashes of perfect subtrees: `subtree(height, index)` is the Merkle tree hash of the 2^height
 * leaves from index·2^height on. Height 0 is the leaf hashes themselves. The proof functions
 * below ask only for subtrees that lie inside the tree they are given the size of.
 */
export interface SubtreeHashes {
  subtree(height: number, index: number): Uint8Array;
}

export class MerkleError extends Error {
  override name = "MerkleError";
}

function assertSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new MerkleError(`${what} must be a non-negative integer`);
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && splitPoint(n + 1) === n;

/** MTH(D[start : start + length]) for a range that RFC 6962's recursion produces (start a multiple of the range's largest power of two). */
export function rangeHash(hashes: SubtreeHashes, start: number, length: number): Uint8Array {
  if (length === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(length)) {
    const height = Math.log2(length);
    return hashes.subtree(height, start / length);
  }
  const k = splitPoint(length);
  return nodeHash(rangeHash(hashes, start, k), rangeHash(hashes, start + k, length - k));
}

/** The tree head: MTH of the first `size` leaves. */
export function treeRoot(hashes: SubtreeHashes, size: number): Uint8Array {
  assertSize(size, "the tree size");
  return rangeHash(hashes, 0, size);
}

/** RFC 9162 §2.1.3.1: the inclusion proof (audit path) of leaf `index` in the tree of `size` leaves, leaf's sibling first. */
export function inclusionProof(hashes: SubtreeHashes, index: number, size: number): Uint8Array[] {
  assertSize(size, "the tree size");
  assertSize(index, "the leaf index");
  if (index >= size) throw new MerkleError(`leaf ${index} is not in a tree of ${size} leaves`);
  const path: Uint8Array[] = [];
  const walk = (m: number, start: number, n: number): void => {
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, k);
      path.push(rangeHash(hashes, start + k, n - k));
    } else {
      walk(m - k, start + k, n - k);
      path.push(rangeHash(hashes, start, k));
    }
  };
  walk(index, 0, size);
  return path;
}

/** RFC 9162 §2.1.4.1: the consistency proof from the tree of `oldSize` leaves to the tree of `newSize`. Empty when oldSize is 0 or equals newSize. */
export function consistencyProof(hashes: SubtreeHashes, oldSize: number, newSize: number): Uint8Array[] {
  assertSize(oldSize, "the old tree size");
  assertSize(newSize, "the new tree size");
  if (oldSize > newSize) throw new MerkleError(`a tree of ${oldSize} leaves cannot precede one of ${newSize}`);
  const proof: Uint8Array[] = [];
  if (oldSize === 0 || oldSize === newSize) return proof;
  const walk = (m: number, start: number, n: number, complete: boolean): void => {
    if (m === n) {
      if (!complete) proof.push(rangeHash(hashes, start, n));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      walk(m, start, k, complete);
      proof.push(rangeHash(hashes, start + k, n - k));
    } else {
      walk(m - k, start + k, n - k, false);
      proof.push(rangeHash(hashes, start, k));
    }
  };
  walk(oldSize, 0, newSize, true);
  return proof;
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

function validHashes(list: readonly Uint8Array[]): boolean {
  return list.every((h) => h.length === HASH_SIZE);
}

/** RFC 9162 §2.1.3.2: the root that an inclusion proof leads to, or null when the proof has the wrong shape for the index and size. */
export function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  if (leaf.length !== HASH_SIZE || !validHashes(proof)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** RFC 9162 §2.1.3.2: whether `proof` shows that `leaf` is at `index` in the tree of `size` leaves with head `root`. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  return computed !== null && root.length === HASH_SIZE && constantTimeEqual(computed, root);
}

/** RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `oldSize` leaves with head `oldRoot` is a prefix of the tree of `newSize` with head `newRoot`. */
export function verifyConsistency(oldSize: number, newSize: number, proof: readonly Uint8Array[], oldRoot: Uint8Array, newRoot: Uint8Array): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) return false;
  if (oldRoot.length !== HASH_SIZE || newRoot.length !== HASH_SIZE || !validHashes(proof)) return false;
  if (oldSize === newSize) return proof.length === 0 && constantTimeEqual(oldRoot, newRoot);
  // Every tree extends the empty one; there is nothing to prove.
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && constantTimeEqual(fr, oldRoot) && constantTimeEqual(sr, newRoot);
}

/**
 * A tree held in memory as its leaf hashes, with every level computed once: proofs over it
 * hash nothing. For a list of entries known in full (a shipment's items, a test's leaves).
 */
export class MerkleTree implements SubtreeHashes {
  /** levels[h][i] = subtree(h, i), for every complete subtree. */
  private readonly levels: Uint8Array[][];

  constructor(leafHashes: readonly Uint8Array[]) {
    if (!validHashes(leafHashes)) throw new MerkleError("every leaf hash is 32 bytes");
    this.levels = [[...leafHashes]];
    for (let below = this.levels[0]!; below.length > 1; ) {
      const level: Uint8Array[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) level.push(nodeHash(below[i]!, below[i + 1]!));
      this.levels.push(level);
      below = level;
    }
  }

  /** From the entries themselves: leaf i is leafHash(entries[i]). */
  static fromEntries(entries: readonly Uint8Array[]): MerkleTree {
    return new MerkleTree(entries.map(leafHash));
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  subtree(height: number, index: number): Uint8Array {
    const hash = this.levels[height]?.[index];
    if (!hash) throw new MerkleError(`no complete subtree of height ${height} at ${index} in a tree of ${this.size} leaves`);
    return hash;
  }

  root(size = this.size): Uint8Array {
    return treeRoot(this, this.checkedSize(size));
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    return inclusionProof(this, index, this.checkedSize(size));
  }

  consistencyProof(oldSize: number, newSize = this.size): Uint8Array[] {
    return consistencyProof(this, oldSize, this.checkedSize(newSize));
  }

  private checkedSize(size: number): number {
    if (size > this.size) throw new MerkleError(`the tree has ${this.size} leaves, not ${size}`);
    return size;
  }
}

/** MTH of a list of leaf hashes. */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  return new MerkleTree(leafHashes).root();
}

/**
 * The right edge of a tree: the roots of the perfect subtrees that its size decomposes into,
 * largest (leftmost) first. Enough to append leaves and compute the new head without the
 * tree itself, which is how a monitor keeps up with a log it reads entry by entry.
 */
export class CompactRange {
  private constructor(
    private treeSize: number,
    /** (height, hash) of each perfect subtree, left to right, heights strictly decreasing. */
    private readonly peaks: { height: number; hash: Uint8Array }[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** The right edge of the tree of `size` leaves, read from its subtree hashes. */
  static fromSubtrees(hashes: SubtreeHashes, size: number): CompactRange {
    assertSize(size, "the tree size");
    const peaks: { height: number; hash: Uint8Array }[] = [];
    let start = 0;
    for (let height = 53; height >= 0; height--) {
      const width = 2 ** height;
      if (size - start >= width) {
        peaks.push({ height, hash: hashes.subtree(height, start / width) });
        start += width;
      }
    }
    return new CompactRange(size, peaks);
  }

  /** From its published form: the peak hashes, largest first, for a tree of `size` leaves. */
  static fromPeaks(size: number, hashes: readonly Uint8Array[]): CompactRange {
    assertSize(size, "the tree size");
    const heights: number[] = [];
    for (let height = 53, rest = size; height >= 0; height--) {
      if (rest >= 2 ** height) {
        heights.push(height);
        rest -= 2 ** height;
      }
    }
    if (heights.length !== hashes.length || !validHashes(hashes)) throw new MerkleError(`a tree of ${size} leaves has ${heights.length} peaks`);
    return new CompactRange(size, heights.map((height, i) => ({ height, hash: hashes[i]! })));
  }

  get size(): number {
    return this.treeSize;
  }

  /** The peak hashes, largest subtree first. */
  hashes(): Uint8Array[] {
    return this.peaks.map((p) => p.hash);
  }

  append(leaf: Uint8Array): void {
    if (leaf.length !== HASH_SIZE) throw new MerkleError("a leaf hash is 32 bytes");
    let carry = { height: 0, hash: leaf };
    while (this.peaks.length > 0 && this.peaks.at(-1)!.height === carry.height) {
      const left = this.peaks.pop()!;
      carry = { height: carry.height + 1, hash: nodeHash(left.hash, carry.hash) };
    }
    this.peaks.push(carry);
    this.treeSize += 1;
  }

  root(): Uint8Array {
    if (this.peaks.length === 0) return EMPTY_ROOT;
    let hash = this.peaks.at(-1)!.hash;
    for (let i = this.peaks.length - 2; i >= 0; i--) hash = nodeHash(this.peaks[i]!.hash, hash);
    return hash;
  }
}
