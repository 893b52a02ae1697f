// src/core/merkle.ts against the published vectors: RFC 6962 hashing (the Go transparency-dev
// hasher's vectors), and the reference tree of 8 leaves with its roots, inclusion and
// consistency proofs (certificate-transparency's and transparency-dev/merkle's
// proof/verify_test.go, which include the corrupted proofs a verifier must refuse). Then
// properties: at every size up to 140 and some beyond a tile, every proof generated from the
// array and from tiles verifies, and a changed one does not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatBytes, fromHex, toHex, utf8 } from "../../src/core/bytes.js";
import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MerkleTree,
  nodeHash,
  rootFromInclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from "../../src/core/merkle.js";
import { appendLeaves, TileHashes, tileKey, tilesNeeded, type TiledTreeEdge } from "../../src/core/tiles.js";

const h = fromHex;

// transparency-dev/merkle proof/verify_test.go: leaves, the roots of the trees of 1..8 leaves.
const LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(h);
const ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
].map(h);
// { leaf (1-based), size, proof }
const INCLUSION: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]],
  [6, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]],
  [3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]],
  [2, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]],
  [6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]],
  [2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]],
  [6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]],
];
const SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456");

const tree = MerkleTree.fromEntries(LEAVES);

describe("RFC 6962 hashing", () => {
  it("matches the reference hasher's vectors", () => {
    expect(toHex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(leafHash(new Uint8Array()))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(toHex(leafHash(utf8("L123456")))).toBe("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    expect(toHex(nodeHash(utf8("N123"), utf8("N456")))).toBe("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
  });

  it("keeps leaves and nodes apart, and order matters", () => {
    const a = leafHash(utf8("Hello"));
    const b = leafHash(utf8("World"));
    expect(toHex(nodeHash(a, b))).not.toBe(toHex(leafHash(concatBytes(a, b))));
    expect(toHex(nodeHash(a, b))).not.toBe(toHex(nodeHash(b, a)));
  });

  it("gives the reference roots of the trees of 1 to 8 leaves", () => {
    ROOTS.forEach((root, i) => {
      expect(toHex(tree.root(i + 1))).toBe(toHex(root));
      expect(toHex(rootOf(LEAVES.slice(0, i + 1).map(leafHash)))).toBe(toHex(root));
    });
    expect(toHex(tree.root(0))).toBe(toHex(EMPTY_ROOT));
  });
});

describe("inclusion proofs", () => {
  it("generates the reference proofs", () => {
    for (const [leaf, size, proof] of INCLUSION) expect(tree.inclusionProof(leaf - 1, size).map(toHex)).toEqual(proof);
  });

  it("verifies the reference proofs and refuses every corruption of them", () => {
    for (const [leaf, size, hexProof] of INCLUSION) {
      const index = leaf - 1;
      const proof = hexProof.map(h);
      const root = ROOTS[size - 1]!;
      const hash = leafHash(LEAVES[index]!);
      expect(toHex(rootFromInclusionProof(index, size, hash, proof)!)).toBe(toHex(root));
      expect(verifyInclusion(index, size, hash, proof, root)).toBe(true);
      const probes: [number, number, Uint8Array, Uint8Array[], Uint8Array, string][] = [
        [index - 1, size, hash, proof, root, "index - 1"],
        [index + 1, size, hash, proof, root, "index + 1"],
        [index ^ 2, size, hash, proof, root, "index ^ 2"],
        [index, size * 2, hash, proof, root, "size * 2"],
        [index, Math.floor(size / 2), hash, proof, root, "size / 2"],
        [index, size, utf8("WrongLeaf"), proof, root, "wrong leaf"],
        [index, size, hash, proof, EMPTY_ROOT, "empty root"],
        [index, size, hash, proof, SOME_HASH, "random root"],
        [index, size, hash, [...proof, new Uint8Array()], root, "trailing garbage"],
        [index, size, hash, [...proof, root], root, "trailing root"],
        [index, size, hash, [new Uint8Array(), ...proof], root, "preceding garbage"],
        [index, size, hash, [root, ...proof], root, "preceding root"],
      ];
      proof.forEach((_, i) => {
        const changed = proof.map((p) => p.slice());
        changed[i]![0]! ^= 8;
        probes.push([index, size, hash, changed, root, `proof[${i}] bit 3`]);
      });
      if (proof.length > 0) probes.push([index, size, hash, proof.slice(0, -1), root, "removed component"]);
      if (proof.length > 1) probes.push([index, size, hash, [proof[0]!, SOME_HASH, ...proof.slice(1)], root, "inserted component"]);
      for (const [i, n, l, p, r, what] of probes) expect(verifyInclusion(i, n, l, p, r), `${leaf}/${size}: ${what}`).toBe(false);
    }
  });

  it("refuses a proof for an index outside the tree, and a wrongly sized hash", () => {
    for (const [index, size] of [[0, 0], [1, 0], [2, 1]]) {
      expect(verifyInclusion(index!, size!, SOME_HASH, [], EMPTY_ROOT)).toBe(false);
    }
    const one = leafHash(utf8("data"));
    expect(verifyInclusion(0, 1, one, [], one)).toBe(true);
    expect(verifyInclusion(0, 1, new Uint8Array(), [], one)).toBe(false);
    expect(verifyInclusion(0, 1, one, [], new Uint8Array())).toBe(false);
  });
});

describe("consistency proofs", () => {
  it("generates the reference proofs", () => {
    for (const [m, n, proof] of CONSISTENCY) expect(tree.consistencyProof(m, n).map(toHex)).toEqual(proof);
  });

  it("verifies the reference proofs and refuses every corruption of them", () => {
    for (const [m, n, hexProof] of CONSISTENCY) {
      const proof = hexProof.map(h);
      const r1 = ROOTS[m - 1]!;
      const r2 = ROOTS[n - 1]!;
      expect(verifyConsistency(m, n, proof, r1, r2), `${m}→${n}`).toBe(true);
      if (proof.length === 0) continue;
      const wrong = h("00".repeat(32));
      const probes: [number, number, Uint8Array[], Uint8Array, Uint8Array, string][] = [
        [m - 1, n, proof, r1, r2, "size1 - 1"],
        [m + 1, n, proof, r1, r2, "size1 + 1"],
        [m ^ 2, n, proof, r1, r2, "size1 ^ 2"],
        [m, n * 2, proof, r1, r2, "size2 * 2"],
        [m, Math.floor(n / 2), proof, r1, r2, "size2 / 2"],
        [m, n, proof, wrong, r2, "wrong root1"],
        [m, n, proof, r1, wrong, "wrong root2"],
        [m, n, proof, r2, r1, "swapped roots"],
        [m, n, [], r1, r2, "empty proof"],
        [m, n, [...proof, new Uint8Array()], r1, r2, "trailing garbage"],
        [m, n, [...proof, r1], r1, r2, "trailing root1"],
        [m, n, [...proof, r2], r1, r2, "trailing root2"],
        [m, n, [new Uint8Array(), ...proof], r1, r2, "preceding garbage"],
        [m, n, [r1, ...proof], r1, r2, "preceding root1"],
        [m, n, [r2, ...proof], r1, r2, "preceding root2"],
        [m, n, [proof[0]!, ...proof], r1, r2, "preceding proof[0]"],
        [m, n, proof.slice(0, -1), r1, r2, "truncated proof"],
      ];
      proof.forEach((_, i) => {
        const changed = proof.map((p) => p.slice());
        changed[i]![0]! ^= 16;
        probes.push([m, n, changed, r1, r2, `proof[${i}] bit 4`]);
      });
      for (const [a, b, p, x, y, what] of probes) expect(verifyConsistency(a, b, p, x, y), `${m}→${n}: ${what}`).toBe(false);
    }
  });

  it("treats the trivial cases as the reference does", () => {
    const r = ROOTS[2]!;
    expect(verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)).toBe(true);
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT, r)).toBe(true);
    expect(verifyConsistency(3, 3, [], r, r)).toBe(true);
    expect(verifyConsistency(3, 3, [], r, ROOTS[3]!)).toBe(false);
    expect(verifyConsistency(1, 0, [], r, r)).toBe(false);
    expect(verifyConsistency(2, 1, [], r, r)).toBe(false);
    expect(verifyConsistency(1, 2, [], ROOTS[0]!, ROOTS[1]!)).toBe(false);
    expect(verifyConsistency(0, 1, [EMPTY_ROOT], EMPTY_ROOT, EMPTY_ROOT)).toBe(false);
    expect(verifyConsistency(3, 3, [EMPTY_ROOT], r, r)).toBe(false);
  });
});

/** The tiles of a tree of these leaves, as the log writes them (appending in several steps). */
function tiled(leaves: Uint8Array[], steps: number[]) {
  const tiles = new Map<string, Uint8Array>();
  let edge: TiledTreeEdge = { size: 0, partial: [] };
  let at = 0;
  for (const step of [...steps, leaves.length]) {
    const end = Math.min(leaves.length, Math.max(at, step));
    const result = appendLeaves(edge, leaves.slice(at, end));
    for (const t of result.tiles) tiles.set(tileKey(t.level, t.index), t.hashes);
    edge = result.edge;
    at = end;
  }
  return { tiles, edge, hashes: new TileHashes((level, index) => tiles.get(tileKey(level, index))) };
}

describe("proofs at every tree size, from arrays and from tiles", () => {
  const leaves = Array.from({ length: 700 }, (_, i) => leafHash(utf8(`entry ${i}`)));
  const full = new MerkleTree(leaves);
  const { hashes, edge, tiles } = tiled(leaves, [1, 2, 255, 256, 257, 300, 511, 512, 513]);

  it("computes the same roots incrementally (compact range), from tiles and from the array", () => {
    const range = CompactRange.empty();
    expect(toHex(range.root())).toBe(toHex(EMPTY_ROOT));
    leaves.forEach((leaf, i) => {
      range.append(leaf);
      expect(toHex(range.root())).toBe(toHex(full.root(i + 1)));
    });
    expect(toHex(appendLeaves({ size: 0, partial: [] }, leaves).root)).toBe(toHex(full.root()));
    expect(edge.size).toBe(700);
    for (const size of [1, 255, 256, 257, 511, 512, 513, 700]) {
      expect(toHex(CompactRange.fromSubtrees(hashes, size).root())).toBe(toHex(full.root(size)));
      const peaks = CompactRange.fromSubtrees(full, size);
      expect(toHex(CompactRange.fromPeaks(size, peaks.hashes()).root())).toBe(toHex(full.root(size)));
    }
  });

  it("verifies every inclusion proof of every leaf in every tree up to 140 leaves", () => {
    for (let size = 1; size <= 140; size++) {
      const root = full.root(size);
      for (let index = 0; index < size; index++) {
        const proof = full.inclusionProof(index, size);
        expect(verifyInclusion(index, size, leaves[index]!, proof, root)).toBe(true);
        expect(verifyInclusion(index, size, leaves[(index + 1) % 700]!, proof, root)).toBe(false);
      }
    }
  });

  it("verifies every consistency proof between trees up to 70 leaves", () => {
    for (let n = 1; n <= 70; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = full.consistencyProof(m, n);
        expect(verifyConsistency(m, n, proof, full.root(m), full.root(n)), `${m}→${n}`).toBe(true);
        if (m > 0 && m < n) expect(verifyConsistency(m, n, proof, full.root(m - 1), full.root(n))).toBe(false);
      }
    }
  });

  it("makes the same proofs from tiles as from the array, across tile boundaries", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.nat(), fc.nat(), (size, a, b) => {
        const index = a % size;
        const old = b % (size + 1);
        expect(inclusionProof(hashes, index, size).map(toHex)).toEqual(full.inclusionProof(index, size).map(toHex));
        expect(consistencyProof(hashes, old, size).map(toHex)).toEqual(full.consistencyProof(old, size).map(toHex));
        // The tiles a proof reads are known before any is read.
        const needed = tilesNeeded((x) => inclusionProof(x, index, size));
        const subset = new Map<string, Uint8Array>();
        for (const t of needed) subset.set(tileKey(t.level, t.index), tiles.get(tileKey(t.level, t.index))!.subarray(0, t.width * 32));
        const fromSubset = inclusionProof(new TileHashes((l, i) => subset.get(tileKey(l, i))), index, size);
        expect(fromSubset.map(toHex)).toEqual(full.inclusionProof(index, size).map(toHex));
      }),
      { numRuns: 300 },
    );
  });
});

describe("appending to tiles", () => {
  it("refuses a right edge that does not match the tree size", () => {
    expect(() => appendLeaves({ size: 3, partial: [] }, [])).toThrow(/partial tile of level 0/);
    expect(() => appendLeaves({ size: 0, partial: [new Uint8Array(32)] }, [])).toThrow(/partial tile of level 0/);
  });

  it("writes the tiles that tlog-tiles lists for a tree of 70,000 entries", () => {
    const leaves = Array.from({ length: 70_000 }, (_, i) => leafHash(utf8(String(i))));
    const { tiles, edge } = tiled(leaves, [30_000]);
    const widths = (level: number) => [...tiles.entries()].filter(([k]) => k.startsWith(`${level}/`)).map(([, v]) => v.length / 32);
    // 273 full level-0 tiles and one of width 112; one full level-1 tile and one of 17; one level-2 tile of width 1.
    expect(widths(0).filter((w) => w === 256)).toHaveLength(273);
    expect(widths(0).filter((w) => w !== 256)).toEqual([112]);
    expect(widths(1).sort((a, b) => a - b)).toEqual([17, 256]);
    expect(widths(2)).toEqual([1]);
    expect(edge.partial.map((p) => p.length / 32)).toEqual([112, 17, 1]);
    expect(toHex(appendLeaves({ size: 0, partial: [] }, leaves).root)).toBe(toHex(rootOf(leaves)));
  });
});
