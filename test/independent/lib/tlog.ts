// A transparency-log client written from docs/transparency-log.md alone: key ids and verifier keys
// (§3), checkpoints and cosignatures (§4, §7.1), tiles, paths and entry bundles (§5), tlog-proofs
// (§6.3), inclusion and consistency (§7.2, §7.3), proofs computed from tiles (§7.4), following (§7.5).
import { asliVerify, isPrimeOrderKey } from "./ed25519";
import { base64Strict, sha256 } from "./encoding";

export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_V1 = 0x04;

export const leafHash = (entry: Uint8Array) => sha256(Buffer.from([0x00]), entry);
export const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.from([0x01]), left, right);

export function keyId(name: string, type: number, publicKey: Uint8Array): Buffer {
  return sha256(Buffer.from(name, "utf8"), Buffer.from([0x0a, type]), publicKey).subarray(0, 4);
}

export function verifierKey(name: string, type: number, publicKey: Uint8Array): string {
  const id = keyId(name, type, publicKey).toString("hex");
  return `${name}+${id}+${Buffer.concat([Buffer.from([type]), publicKey]).toString("base64")}`;
}

export interface NoteKey {
  name: string;
  id: Buffer;
  type: number;
  publicKey: Buffer;
  vkey: string;
}

/** Parses `<name>+<8 hex>+base64(type || key)` and checks that the id is the one derived. */
export function parseVerifierKey(vkey: unknown, type: number): NoteKey | null {
  if (typeof vkey !== "string") return null;
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey);
  if (!m) return null;
  const raw = base64Strict(m[3]!);
  if (!raw || raw.length !== 33 || raw[0] !== type) return null;
  const publicKey = raw.subarray(1);
  if (!isPrimeOrderKey(publicKey)) return null;
  const id = keyId(m[1]!, type, publicKey);
  if (id.toString("hex") !== m[2]) return null;
  return { name: m[1]!, id, type, publicKey, vkey };
}

export interface SignatureLine {
  name: string;
  id: Buffer;
  body: Buffer; // after the key id
}

export interface Note {
  text: string;
  signatures: SignatureLine[];
}

/** §7.1 step 1. */
export function parseNote(note: string): Note {
  // Anything that is not a newline and is a control character (C0, DEL, C1).
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(note)) throw new Error("control character in note");
  if (!note.endsWith("\n")) throw new Error("note does not end with a newline");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new Error("note has no blank line");
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split("\n");
  const signatures = lines.map((line) => {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) throw new Error(`malformed signature line: ${line}`);
    const raw = base64Strict(m[2]!);
    if (!raw || raw.length < 5) throw new Error(`malformed signature: ${line}`);
    return { name: m[1]!, id: raw.subarray(0, 4), body: raw.subarray(4) };
  });
  if (signatures.length === 0) throw new Error("note has no signature");
  return { text, signatures };
}

export function cosignedMessage(text: string, timestamp: bigint): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, "utf8");
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  text: string;
  /** The configured witnesses whose cosignatures verified, with their timestamps. */
  cosigners: { name: string; timestamp: bigint }[];
}

export interface LogTrust {
  origin: string;
  logKey: NoteKey;
  witnesses: NoteKey[];
  quorum: number;
}

/** §7.1: throws unless the note is a checkpoint of the configured log with the quorum. */
export function verifyCheckpoint(noteText: string, trust: LogTrust): Checkpoint {
  const note = parseNote(noteText);
  let logSigned = false;
  const cosigners = new Map<string, bigint>();
  for (const sig of note.signatures) {
    if (sig.name === trust.logKey.name && sig.id.equals(trust.logKey.id)) {
      if (sig.body.length !== 64 || !asliVerify(trust.logKey.publicKey, Buffer.from(note.text, "utf8"), sig.body))
        throw new Error("the log's signature does not verify");
      logSigned = true;
      continue;
    }
    const witness = trust.witnesses.find((w) => w.name === sig.name && w.id.equals(sig.id));
    if (!witness) continue; // an unknown key: ignored
    if (sig.body.length !== 72) throw new Error(`cosignature of ${sig.name} is not 72 bytes`);
    const timestamp = sig.body.readBigUInt64BE(0);
    if (!asliVerify(witness.publicKey, cosignedMessage(note.text, timestamp), sig.body.subarray(8)))
      throw new Error(`cosignature of ${sig.name} does not verify`);
    cosigners.set(witness.vkey, timestamp);
  }
  if (!logSigned) throw new Error("no signature of the log's key");
  const lines = note.text.slice(0, -1).split("\n");
  if (lines.length < 3) throw new Error("checkpoint text has fewer than three lines");
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin !== trust.origin) throw new Error(`origin ${origin} is not ${trust.origin}`);
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new Error(`bad tree size ${sizeText}`);
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new Error(`tree size ${sizeText} out of range`);
  const root = base64Strict(rootText);
  if (!root || root.length !== 32) throw new Error("root is not base64 of 32 bytes");
  if (cosigners.size < trust.quorum) throw new Error(`${cosigners.size} cosignatures, quorum ${trust.quorum}`);
  return {
    origin, size, root, text: note.text,
    cosigners: [...cosigners].map(([vkey, timestamp]) => ({ name: vkey.split("+")[0]!, timestamp })),
  };
}

/** §5: `x001/x234/067`. */
export function tileIndexPath(n: number): string {
  const groups: string[] = [];
  do {
    groups.unshift(String(n % 1000).padStart(3, "0"));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

export function tilePath(level: number | "entries", index: number, width: number): string {
  return `tile/${level}/${tileIndexPath(index)}${width < 256 ? `.p/${width}` : ""}`;
}

/** The width that a tree of `size` entries gives tile `index` of `level` (0: it has none). */
export function tileWidth(size: number, level: number, index: number): number {
  const hashes = Math.floor(size / 256 ** level);
  return Math.max(0, Math.min(256, hashes - 256 * index));
}

/** §5: each entry a uint16 length then its bytes. */
export function parseEntryBundle(bytes: Buffer): Buffer[] {
  const entries: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 2 > bytes.length) throw new Error("truncated entry length");
    const length = bytes.readUInt16BE(at);
    if (at + 2 + length > bytes.length) throw new Error("truncated entry");
    entries.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}

/** §7.2. */
export function verifyInclusion(entry: Uint8Array, index: number, size: number, root: Uint8Array, proof: Uint8Array[]): boolean {
  if (index >= size) return false;
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leafHash(entry);
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/** §7.3. */
export function verifyConsistency(m: number, r1: Uint8Array, n: number, r2: Uint8Array, proof: Uint8Array[]): boolean {
  if (m > n) return false;
  if (m === n) return proof.length === 0 && Buffer.from(r1).equals(r2);
  if (m === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const c = (m & (m - 1)) === 0 ? [r1, ...proof] : [...proof];
  let fn = BigInt(m - 1);
  let sn = BigInt(n - 1);
  while ((fn & 1n) === 1n) { fn >>= 1n; sn >>= 1n; }
  let fr: Buffer = Buffer.from(c[0]!);
  let sr: Buffer = Buffer.from(c[0]!);
  for (const cj of c.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(cj, fr);
      sr = nodeHash(cj, sr);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      sr = nodeHash(sr, cj);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(r1) && sr.equals(r2);
}

export interface TlogProof {
  extra: Buffer | null;
  index: number;
  hashes: Buffer[];
  checkpoint: string;
}

/** §6.3. */
export function parseTlogProof(text: string): TlogProof {
  const blank = text.indexOf("\n\n");
  if (blank < 0) throw new Error("tlog-proof has no empty line");
  const head = text.slice(0, blank).split("\n");
  const checkpoint = text.slice(blank + 2);
  if (head.shift() !== "c2sp.org/tlog-proof@v1") throw new Error("not a c2sp.org/tlog-proof@v1");
  let extra: Buffer | null = null;
  if (head[0]?.startsWith("extra ")) {
    extra = base64Strict(head.shift()!.slice(6));
    if (!extra) throw new Error("extra is not base64");
  }
  const indexLine = /^index (0|[1-9][0-9]*)$/.exec(head.shift() ?? "");
  if (!indexLine) throw new Error("no index line");
  const hashes = head.map((line) => {
    const h = base64Strict(line);
    if (!h || h.length !== 32) throw new Error(`not a hash: ${line}`);
    return h;
  });
  return { extra, index: Number(indexLine[1]), hashes, checkpoint };
}

/** §7.2 with a tlog-proof: the checkpoint checked (7.1), the entry our own token's bytes. */
export function verifyTlogProof(proofText: string, entry: Uint8Array, trust: LogTrust): Checkpoint & { index: number } {
  const proof = parseTlogProof(proofText);
  const checkpoint = verifyCheckpoint(proof.checkpoint, trust);
  if (!verifyInclusion(entry, proof.index, checkpoint.size, checkpoint.root, proof.hashes))
    throw new Error("inclusion proof does not verify");
  return { ...checkpoint, index: proof.index };
}

// ---- §7.4: proofs from tiles ----

export type TileFetcher = (path: string) => Promise<Buffer>;

export class TileReader {
  private cache = new Map<string, Promise<Buffer>>();
  constructor(private fetchTile: TileFetcher) {}

  /** Tile `index` of `level` at the width the tree of `size` gives it, its length checked. */
  tile(size: number, level: number, index: number): Promise<Buffer> {
    const width = tileWidth(size, level, index);
    if (width === 0) throw new Error(`tree of ${size} has no tile ${level}/${index}`);
    const path = tilePath(level, index, width);
    let got = this.cache.get(path);
    if (!got) {
      got = this.fetchTile(path).then((bytes) => {
        if (bytes.length !== 32 * width) throw new Error(`${path}: ${bytes.length} bytes, not ${32 * width}`);
        return bytes;
      });
      this.cache.set(path, got);
    }
    return got;
  }

  /** The root of the 2^h entries from j·2^h, read from the tiles of the tree of `size`. */
  async perfectSubtree(size: number, h: number, j: number): Promise<Buffer> {
    const level = Math.floor(h / 8);
    const r = h - 8 * level;
    const start = j * 2 ** r;
    const tile = await this.tile(size, level, Math.floor(start / 256));
    const offset = start % 256;
    let row: Buffer[] = [];
    for (let i = 0; i < 2 ** r; i++) row.push(tile.subarray(32 * (offset + i), 32 * (offset + i + 1)));
    while (row.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < row.length; i += 2) next.push(nodeHash(row[i]!, row[i + 1]!));
      row = next;
    }
    return row[0]!;
  }

  /** MTH(D[a:b]) in the tree of `size` (section 2), from perfect subtrees. */
  async range(size: number, a: number, b: number): Promise<Buffer> {
    const n = b - a;
    if (n <= 0) throw new Error("empty range");
    if ((n & (n - 1)) === 0 && a % n === 0) return this.perfectSubtree(size, Math.log2(n), a / n);
    const k = largestPowerOfTwoBelow(n);
    return nodeHash(await this.range(size, a, a + k), await this.range(size, a + k, b));
  }

  /** RFC 9162 §2.1.3.1 PATH(index, D[0:size]). */
  async inclusionProof(size: number, index: number): Promise<Buffer[]> {
    const path = async (m: number, a: number, b: number): Promise<Buffer[]> => {
      const n = b - a;
      if (n <= 1) return [];
      const k = largestPowerOfTwoBelow(n);
      return m < k
        ? [...(await path(m, a, a + k)), await this.range(size, a + k, b)]
        : [...(await path(m - k, a + k, b)), await this.range(size, a, a + k)];
    };
    return path(index, 0, size);
  }

  /** RFC 9162 §2.1.4.1 PROOF(m, D[0:size]). */
  async consistencyProof(m: number, size: number): Promise<Buffer[]> {
    if (m === 0 || m === size) return [];
    const subproof = async (m: number, a: number, b: number, complete: boolean): Promise<Buffer[]> => {
      const n = b - a;
      if (m === n) return complete ? [] : [await this.range(size, a, b)];
      const k = largestPowerOfTwoBelow(n);
      return m <= k
        ? [...(await subproof(m, a, a + k, complete)), await this.range(size, a + k, b)]
        : [...(await subproof(m - k, a + k, b, false)), await this.range(size, a, a + k)];
    };
    return subproof(m, 0, size, true);
  }

  /** §7.5: the right edge of the tree of `size`, largest subtree first, with their sizes. */
  async rightEdge(size: number): Promise<{ hash: Buffer; size: number }[]> {
    const edge: { hash: Buffer; size: number }[] = [];
    let start = 0;
    for (let bit = 52; bit >= 0; bit--) {
      const width = 2 ** bit;
      if (Math.floor(size / width) % 2 === 1) {
        edge.push({ hash: await this.perfectSubtree(size, bit, start / width), size: width });
        start += width;
      }
    }
    return edge;
  }
}

export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** §7.5: `Pk`, then SHA-256(0x01 || P(i) || acc) for i from k−1 down to 0. */
export function foldRightEdge(edge: { hash: Buffer }[]): Buffer {
  if (edge.length === 0) return sha256();
  let acc = edge[edge.length - 1]!.hash;
  for (let i = edge.length - 2; i >= 0; i--) acc = nodeHash(edge[i]!.hash, acc);
  return acc;
}

/** Appends a leaf hash to a right edge, merging equal-sized subtrees. */
export function appendToRightEdge(edge: { hash: Buffer; size: number }[], leaf: Buffer): void {
  edge.push({ hash: leaf, size: 1 });
  while (edge.length >= 2 && edge[edge.length - 1]!.size === edge[edge.length - 2]!.size) {
    const right = edge.pop()!;
    const left = edge.pop()!;
    edge.push({ hash: nodeHash(left.hash, right.hash), size: left.size * 2 });
  }
}
