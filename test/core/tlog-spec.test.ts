// docs/transparency-log.md is a promise to independent clients. Part 1 recomputes every value of
// its worked example with src/core, reading the values out of the document. Part 2 is a client
// written from the document alone (node:crypto, nothing from src/core) that must accept the
// example's checkpoint, cosignature, inclusion and consistency proofs, and refuse altered ones.
import { createHash, createPublicKey, verify as ed25519Verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/core/bytes.js";
import { checkpointText, cosign, cosignedMessage, cosigner } from "../../src/core/checkpoint.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { leafHash, MerkleTree } from "../../src/core/merkle.js";
import { ed25519NoteSigner, encodeVerifierKey, formatNote, noteKeyId, signNoteText, SIGNATURE_TYPE } from "../../src/core/note.js";
import { encodeEntryBundle, tilePath } from "../../src/core/tiles.js";
import { encodeTlogProof, entryFromToken, logPolicy, verifyTlogProof } from "../../src/core/tlog.js";

const doc = readFileSync(new URL("../../docs/transparency-log.md", import.meta.url), "utf8");
const blocks = new Map<string, string>();
for (const m of doc.matchAll(/^```\w+ example=([a-z0-9-]+)\n([\s\S]*?)\n```$/gm)) {
  if (blocks.has(m[1]!)) throw new Error(`example=${m[1]} appears twice`);
  blocks.set(m[1]!, m[2]!);
}
const block = (name: string) => {
  const text = blocks.get(name);
  if (text === undefined) throw new Error(`docs/transparency-log.md has no example=${name} block`);
  return text;
};
const hex = (name: string) => block(name).replace(/\s+/g, "");
/** A note block as served: its lines, each ending in a newline. */
const noteBlock = (name: string) => `${block(name)}\n`;

describe("docs/transparency-log.md worked example, recomputed by src/core", () => {
  it("labels every value it promises", () => {
    expect([...blocks.keys()].sort()).toEqual(
      [
        "checkpoint", "consistency-2-3", "cosignature", "cosigned-message", "entries", "entry-bundle", "inclusion-proof", "leaf-hashes", "log-key-id",
        "log-key-id-input", "log-origin", "log-public-key", "log-seed", "log-vkey", "root-2", "root-3", "tile", "tile-path", "witness-key-id",
        "witness-name", "witness-public-key", "witness-seed", "witness-vkey",
      ].sort(),
    );
  });

  it("derives the keys, key ids and verifier keys", async () => {
    const log = await signingKeyFromSeed(fromHex(hex("log-seed")));
    const origin = block("log-origin");
    expect(toHex(log.publicKey)).toBe(hex("log-public-key"));
    expect(hex("log-key-id-input")).toBe(toHex(new TextEncoder().encode(origin)) + "0a01" + toHex(log.publicKey));
    expect(noteKeyId(origin, SIGNATURE_TYPE.ed25519, log.publicKey).toString(16).padStart(8, "0")).toBe(hex("log-key-id"));
    expect(encodeVerifierKey({ name: origin, type: SIGNATURE_TYPE.ed25519, publicKey: log.publicKey })).toBe(block("log-vkey"));
    const witness = await signingKeyFromSeed(fromHex(hex("witness-seed")));
    expect(toHex(witness.publicKey)).toBe(hex("witness-public-key"));
    expect(cosigner(block("witness-name"), witness).keyId.toString(16).padStart(8, "0")).toBe(hex("witness-key-id"));
    expect(encodeVerifierKey({ name: block("witness-name"), type: SIGNATURE_TYPE.cosignatureV1, publicKey: witness.publicKey })).toBe(block("witness-vkey"));
  });

  it("hashes the entries into the tree, its checkpoint, cosignature, tile, bundle and proofs", async () => {
    const entries = block("entries").split("\n").map(entryFromToken);
    const leaves = entries.map(leafHash);
    expect(leaves.map(toHex)).toEqual(block("leaf-hashes").split("\n"));
    const tree = new MerkleTree(leaves);
    expect(toHex(tree.root(2))).toBe(hex("root-2"));
    expect(toHex(tree.root(3))).toBe(hex("root-3"));

    const origin = block("log-origin");
    const text = checkpointText({ origin, size: 3, root: tree.root(3) });
    const log = ed25519NoteSigner(origin, await signingKeyFromSeed(fromHex(hex("log-seed"))));
    const checkpoint = formatNote(text, [await signNoteText(text, log)]);
    expect(checkpoint).toBe(noteBlock("checkpoint"));
    const witness = cosigner(block("witness-name"), await signingKeyFromSeed(fromHex(hex("witness-seed"))));
    expect(new TextDecoder().decode(cosignedMessage(text, 1772359260))).toBe(noteBlock("cosigned-message"));
    const line = await cosign(text, witness, 1772359260);
    expect(line).toBe(noteBlock("cosignature"));

    expect(toHex(leaves.reduce((a, b) => new Uint8Array([...a, ...b]), new Uint8Array()))).toBe(hex("tile"));
    expect(toHex(encodeEntryBundle(entries))).toBe(hex("entry-bundle"));
    const proof = encodeTlogProof({ extra: entries[0]!, index: 0, proof: tree.inclusionProof(0, 3), checkpoint: checkpoint + line });
    expect(proof).toBe(noteBlock("inclusion-proof"));
    expect(tree.consistencyProof(2, 3).map(toHex)).toEqual(block("consistency-2-3").split("\n"));
    expect(tilePath(0, 1234067)).toBe(block("tile-path"));

    const policy = logPolicy(origin, block("log-vkey"), [block("witness-vkey")], 1);
    const verified = await verifyTlogProof(proof, entries[0]!, policy);
    expect(verified).toMatchObject({ index: 0, cosignatures: [{ name: "witness.example/w1", timestamp: 1772359260 }] });
  });
});

// ---------------------------------------------------------------------------------------------
// Part 2: a client from the document alone.

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const b64 = (s: string) => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw new Error("not base64");
  return new Uint8Array(Buffer.from(s, "base64"));
};
const eq = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const ed25519 = (publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) =>
  ed25519Verify(null, message, createPublicKey({ key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), publicKey]), format: "der", type: "spki" }), signature);
const keyId = (name: string, type: number, publicKey: Uint8Array) => sha256(utf8(name), new Uint8Array([0x0a, type]), publicKey).slice(0, 4);

interface Key {
  name: string;
  type: number;
  publicKey: Uint8Array;
}
function parseVkey(vkey: string): Key {
  const [name, id, material] = [vkey.slice(0, vkey.indexOf("+")), vkey.slice(vkey.indexOf("+") + 1, vkey.indexOf("+") + 9), vkey.slice(vkey.indexOf("+") + 10)];
  const bytes = b64(material);
  const key = { name, type: bytes[0]!, publicKey: bytes.slice(1) };
  if (Buffer.from(keyId(name, key.type, key.publicKey)).toString("hex") !== id) throw new Error("key id mismatch");
  return key;
}

/** §7.1: the checkpoint's size and root, if the log signed it and `quorum` witnesses cosigned it. */
function openCheckpoint(note: string, origin: string, log: Key, witnesses: Key[], quorum: number): { size: number; root: Uint8Array } {
  const split = note.lastIndexOf("\n\n");
  const text = note.slice(0, split + 1);
  let logSigned = false;
  const cosigned = new Set<string>();
  for (const line of note.slice(split + 2, -1).split("\n")) {
    const [dash, name, sig] = line.split(" ");
    if (dash !== "—" || !name || !sig) throw new Error("bad signature line");
    const bytes = b64(sig);
    const id = bytes.slice(0, 4);
    if (name === log.name && eq(id, keyId(log.name, 0x01, log.publicKey))) {
      if (!ed25519(log.publicKey, bytes.slice(4), utf8(text))) throw new Error("bad log signature");
      logSigned = true;
    }
    for (const w of witnesses) {
      if (name !== w.name || !eq(id, keyId(w.name, 0x04, w.publicKey))) continue;
      const time = Buffer.from(bytes.slice(4, 12)).readBigUInt64BE();
      if (!ed25519(w.publicKey, bytes.slice(12), utf8(`cosignature/v1\ntime ${time}\n${text}`))) throw new Error("bad cosignature");
      cosigned.add(w.name);
    }
  }
  const lines = text.slice(0, -1).split("\n");
  if (!logSigned || lines[0] !== origin || !/^(0|[1-9][0-9]*)$/.test(lines[1]!) || cosigned.size < quorum) throw new Error("checkpoint not trusted");
  return { size: Number(lines[1]), root: b64(lines[2]!) };
}

/** §7.2 */
function included(index: number, size: number, entry: Uint8Array, path: Uint8Array[], root: Uint8Array): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = sha256(new Uint8Array([0]), entry);
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(new Uint8Array([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else r = sha256(new Uint8Array([1]), r, p);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && eq(r, root);
}

/** §7.3 */
function consistent(m: number, n: number, proof: Uint8Array[], r1: Uint8Array, r2: Uint8Array): boolean {
  if (m === n) return proof.length === 0 && eq(r1, r2);
  if (m === 0) return proof.length === 0;
  if (proof.length === 0 || m > n) return false;
  const c = (m & (m - 1)) === 0 ? [r1, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = c[0]!;
  let sr = c[0]!;
  for (const x of c.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = sha256(new Uint8Array([1]), x, fr);
      sr = sha256(new Uint8Array([1]), x, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else sr = sha256(new Uint8Array([1]), sr, x);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && eq(fr, r1) && eq(sr, r2);
}

/** §6.3: a tlog-proof for `entry`, checked with nothing but the keys. */
function checkProof(proof: string, entry: Uint8Array, quorum = 1): boolean {
  const lines = proof.split("\n");
  let i = 1;
  if (lines[0] !== "c2sp.org/tlog-proof@v1") return false;
  if (lines[i]!.startsWith("extra ")) {
    if (!eq(b64(lines[i]!.slice(6)), entry)) return false;
    i++;
  }
  const index = Number(lines[i++]!.slice("index ".length));
  const path: Uint8Array[] = [];
  while (lines[i] !== "") path.push(b64(lines[i++]!));
  const checkpoint = lines.slice(i + 1).join("\n");
  try {
    const { size, root } = openCheckpoint(checkpoint, block("log-origin"), parseVkey(block("log-vkey")), [parseVkey(block("witness-vkey"))], quorum);
    return included(index, size, entry, path, root);
  } catch {
    return false;
  }
}

describe("a client written from docs/transparency-log.md alone", () => {
  // Base32 (RFC 4648 §6, upper case, no padding), as the token spec defines it: the entry's bytes.
  const base32 = (text: string) => {
    const out: number[] = [];
    let bits = 0;
    let value = 0;
    for (const ch of text) {
      value = (value << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(ch);
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out.push((value >> bits) & 0xff);
      }
    }
    return new Uint8Array(out);
  };
  const entries = block("entries").split("\n").map(base32);
  const proof = noteBlock("inclusion-proof");

  it("accepts the worked example's proof, checkpoint and consistency proof", () => {
    expect(checkProof(proof, entries[0]!)).toBe(true);
    const { size, root } = openCheckpoint(`${noteBlock("checkpoint")}`, block("log-origin"), parseVkey(block("log-vkey")), [], 0);
    expect(size).toBe(3);
    expect(consistent(2, 3, block("consistency-2-3").split("\n").map((h) => new Uint8Array(Buffer.from(h, "hex"))), new Uint8Array(Buffer.from(hex("root-2"), "hex")), root)).toBe(true);
    const bundle = new Uint8Array(Buffer.from(hex("entry-bundle"), "hex"));
    const tile = new Uint8Array(Buffer.from(hex("tile"), "hex"));
    for (let i = 0, o = 0; o < bundle.length; i++) {
      const length = (bundle[o]! << 8) | bundle[o + 1]!;
      expect(eq(sha256(new Uint8Array([0]), bundle.slice(o + 2, o + 2 + length)), tile.slice(32 * i, 32 * i + 32))).toBe(true);
      o += 2 + length;
    }
  });

  it("refuses the proof for another entry, at another index, without the witness, or with an altered checkpoint", () => {
    expect(checkProof(proof, entries[1]!)).toBe(false);
    expect(checkProof(proof.replace("index 0", "index 1"), entries[0]!)).toBe(false);
    const withoutWitness = proof.replace(/— witness\.example\/w1 .*\n/, "");
    expect(checkProof(withoutWitness, entries[0]!, 1)).toBe(false);
    expect(checkProof(withoutWitness, entries[0]!, 0)).toBe(true);
    expect(checkProof(proof.replace("\n3\n", "\n4\n"), entries[0]!, 0)).toBe(false);
    expect(checkProof(proof.replace("oJ/ixkHM", "oJ/ixkHN"), entries[0]!)).toBe(false);
    expect(consistent(2, 3, [new Uint8Array(32)], new Uint8Array(Buffer.from(hex("root-2"), "hex")), new Uint8Array(Buffer.from(hex("root-3"), "hex")))).toBe(false);
  });
});
