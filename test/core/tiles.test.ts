// tlog-tiles paths (the x-prefixed 3-digit groups, partial widths), the widths of a tree's
// tiles, entry bundles, and the witness's add-checkpoint decision: a split view (another tree
// of the same size), a rollback and a fork are refused; a consistent checkpoint is cosigned.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toBase64, utf8 } from "../../src/core/bytes.js";
import { checkpointText, cosignatureVerifier, cosigner } from "../../src/core/checkpoint.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { leafHash, MerkleTree } from "../../src/core/merkle.js";
import { ed25519NoteSigner, ed25519NoteVerifier, formatNote, openNote, signNoteText } from "../../src/core/note.js";
import { decodeEntryBundle, encodeEntryBundle, entryBundlePath, parseTilePath, partialTiles, tilePath, tileWidthAt } from "../../src/core/tiles.js";
import { addCheckpoint, encodeAddCheckpoint, TLOG_SIZE_MEDIA_TYPE, type WitnessState } from "../../src/core/witness.js";

describe("tile paths", () => {
  it("encodes indices as tlog-tiles does", () => {
    expect(tilePath(0, 1234067)).toBe("tile/0/x001/x234/067");
    expect(tilePath(2, 0, 1)).toBe("tile/2/000.p/1");
    expect(tilePath(1, 1000, 17)).toBe("tile/1/x001/000.p/17");
    expect(entryBundlePath(5)).toBe("tile/entries/005");
    expect(entryBundlePath(273, 112)).toBe("tile/entries/273.p/112");
  });

  it("parses exactly the canonical paths", () => {
    expect(parseTilePath("0/x001/x234/067")).toEqual({ kind: "hashes", level: 0, index: 1234067, width: 256 });
    expect(parseTilePath("1/000.p/17")).toEqual({ kind: "hashes", level: 1, index: 0, width: 17 });
    expect(parseTilePath("entries/x001/000.p/255")).toEqual({ kind: "entries", index: 1000, width: 255 });
    for (const bad of ["0/1", "0/0001", "00/000", "64/000", "0/x000/005", "0/x1/234", "0/000.p/0", "0/000.p/256", "0/000.p/017", "0/000/", "/0/000", "0//000", "0/000.p", "entries", "entries/", "x/000", "0/x001", "0/001.p/5/6"]) {
      expect(parseTilePath(bad), bad).toBeNull();
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 256 }), (level, index, width) => {
        expect(parseTilePath(tilePath(level, index, width).slice(5))).toEqual({ kind: "hashes", level, index, width });
        expect(parseTilePath(entryBundlePath(index, width).slice(5))).toEqual({ kind: "entries", index, width });
      }),
    );
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (path) => void parseTilePath(path)));
  });

  it("knows which tiles a tree has", () => {
    expect(partialTiles(70_000)).toEqual([
      { level: 0, index: 273, width: 112 },
      { level: 1, index: 1, width: 17 },
      { level: 2, index: 0, width: 1 },
    ]);
    expect(partialTiles(256)).toEqual([{ level: 1, index: 0, width: 1 }]);
    expect(partialTiles(0)).toEqual([]);
    expect(tileWidthAt(0, 272, 70_000)).toBe(256);
    expect(tileWidthAt(0, 273, 70_000)).toBe(112);
    expect(tileWidthAt(0, 274, 70_000)).toBe(0);
  });
});

describe("entry bundles", () => {
  it("prefixes each entry with its big-endian uint16 length, and refuses a truncated bundle", () => {
    const entries = [utf8("a"), new Uint8Array(0), new Uint8Array(300).fill(7)];
    const bundle = encodeEntryBundle(entries);
    expect([...bundle.subarray(0, 5)]).toEqual([0, 1, 0x61, 0, 0]);
    expect(decodeEntryBundle(bundle)).toEqual(entries);
    expect(() => decodeEntryBundle(bundle.subarray(0, bundle.length - 1))).toThrow(RangeError);
    expect(() => decodeEntryBundle(encodeEntryBundle(entries), 2)).toThrow(RangeError);
    expect(() => encodeEntryBundle([new Uint8Array(65_536)])).toThrow(RangeError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          decodeEntryBundle(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
        }
      }),
    );
  });
});

describe("the witness's add-checkpoint decision", async () => {
  const origin = "asli.example/log";
  const logKey = await signingKeyFromSeed(new Uint8Array(32).fill(1));
  const signer = ed25519NoteSigner(origin, logKey);
  const logs = [{ origin, verifiers: [await ed25519NoteVerifier(origin, logKey.publicKey)] }];
  const witnessKey = await signingKeyFromSeed(new Uint8Array(32).fill(2));
  const witness = cosigner("witness.example/w1", witnessKey);
  const entries = Array.from({ length: 20 }, (_, i) => leafHash(utf8(`e${i}`)));
  const honest = new MerkleTree(entries);
  const forked = new MerkleTree([...entries.slice(0, 7), leafHash(utf8("forged")), ...entries.slice(8)]);

  const note = async (tree: MerkleTree, size: number) => {
    const text = checkpointText({ origin, size, root: tree.root(size) });
    return formatNote(text, [await signNoteText(text, signer)]);
  };
  const submit = async (state: WitnessState, tree: MerkleTree, oldSize: number, size: number, proofTree = tree) =>
    addCheckpoint(encodeAddCheckpoint({ oldSize, proof: proofTree.consistencyProof(oldSize, size), checkpoint: await note(tree, size) }), logs, state, witness, 1772359200);

  it("cosigns the first checkpoint and each consistent one after it", async () => {
    const first = await submit({}, honest, 0, 5);
    expect(first.status).toBe(200);
    if (first.status !== 200) return;
    expect(first.state[origin]).toEqual({ size: 5, root: toBase64(honest.root(5)) });
    const cosigned = `${await note(honest, 5)}${first.body}`;
    expect((await openNote(cosigned, [await cosignatureVerifier("witness.example/w1", witnessKey.publicKey)])).verified).toHaveLength(1);
    const next = await submit(first.state, honest, 5, 12);
    expect(next.status).toBe(200);
  });

  it("refuses a split view: a different tree of the size it cosigned", async () => {
    const first = await submit({}, honest, 0, 12);
    if (first.status !== 200) throw new Error("expected a cosignature");
    const split = await submit(first.state, forked, 12, 12);
    expect(split.status).toBe(409);
  });

  it("refuses a fork that extends another tree, a rollback, and a stale old size", async () => {
    const first = await submit({}, honest, 0, 12);
    if (first.status !== 200) throw new Error("expected a cosignature");
    // The forked tree of 16 with a proof made from the forked tree does not extend the honest 12.
    expect((await submit(first.state, forked, 12, 16)).status).toBe(422);
    // Rollback: a smaller tree, whatever old size the log claims.
    const rollback = encodeAddCheckpoint({ oldSize: 12, proof: [], checkpoint: await note(honest, 8) });
    expect((await addCheckpoint(rollback, logs, first.state, witness, 0)).status).toBe(400);
    const stale = await submit(first.state, honest, 8, 16);
    expect(stale).toMatchObject({ status: 409, body: "12\n", contentType: TLOG_SIZE_MEDIA_TYPE });
  });

  it("refuses an unknown log (404) and a checkpoint not signed by the log (403)", async () => {
    const stranger = ed25519NoteSigner("other.example/log", logKey);
    const text = checkpointText({ origin: "other.example/log", size: 1, root: honest.root(1) });
    const body = encodeAddCheckpoint({ oldSize: 0, proof: [], checkpoint: formatNote(text, [await signNoteText(text, stranger)]) });
    expect((await addCheckpoint(body, logs, {}, witness, 0)).status).toBe(404);
    const impostor = ed25519NoteSigner(origin, witnessKey);
    const ours = checkpointText({ origin, size: 1, root: honest.root(1) });
    const forged = encodeAddCheckpoint({ oldSize: 0, proof: [], checkpoint: formatNote(ours, [await signNoteText(ours, impostor)]) });
    expect((await addCheckpoint(forged, logs, {}, witness, 0)).status).toBe(403);
    expect((await addCheckpoint("garbage", logs, {}, witness, 0)).status).toBe(400);
  });
});
