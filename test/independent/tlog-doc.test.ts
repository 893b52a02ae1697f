// docs/transparency-log.md §12, checked with a client written from that document alone
// (test/independent/lib/tlog.ts): every value is read out of the document's labelled blocks.
import { describe, expect, it } from "vitest";
import { block, hexBlock, readDoc } from "./lib/doc-blocks";
import { publicKeyFromSeed, signWithSeed } from "./lib/ed25519";
import { base32Decode, sha256 } from "./lib/encoding";
import {
  SIG_COSIGNATURE_V1, SIG_ED25519, TileReader, appendToRightEdge, cosignedMessage, foldRightEdge, keyId, leafHash,
  nodeHash, parseEntryBundle, parseNote, parseTlogProof, parseVerifierKey, tileIndexPath, tilePath, verifierKey,
  verifyCheckpoint, verifyConsistency, verifyInclusion, verifyTlogProof, type LogTrust,
} from "./lib/tlog";

const doc = readDoc("transparency-log.md");
const text = (name: string) => block(doc, name);
const note = (name: string) => `${text(name)}\n`;

const logSeed = hexBlock(doc, "log-seed");
const logPublicKey = hexBlock(doc, "log-public-key");
const origin = text("log-origin");
const witnessSeed = hexBlock(doc, "witness-seed");
const witnessPublicKey = hexBlock(doc, "witness-public-key");
const witnessName = text("witness-name");
const entries = text("entries").split("\n").map((t) => base32Decode(t, 91)!);
const leaves = text("leaf-hashes").split("\n").map((h) => Buffer.from(h, "hex"));
const root2 = hexBlock(doc, "root-2");
const root3 = hexBlock(doc, "root-3");

const trust = (quorum: number): LogTrust => ({
  origin,
  logKey: parseVerifierKey(text("log-vkey"), SIG_ED25519)!,
  witnesses: [parseVerifierKey(text("witness-vkey"), SIG_COSIGNATURE_V1)!],
  quorum,
});

describe("transparency-log.md §3: keys", () => {
  it("derives the log's public key, key id and verifier key", () => {
    expect(publicKeyFromSeed(logSeed)).toEqual(logPublicKey);
    const input = Buffer.concat([Buffer.from(origin, "utf8"), Buffer.from([0x0a, 0x01]), logPublicKey]);
    expect(input).toEqual(hexBlock(doc, "log-key-id-input"));
    expect(sha256(input).subarray(0, 4)).toEqual(hexBlock(doc, "log-key-id"));
    expect(keyId(origin, SIG_ED25519, logPublicKey)).toEqual(hexBlock(doc, "log-key-id"));
    expect(verifierKey(origin, SIG_ED25519, logPublicKey)).toBe(text("log-vkey"));
  });

  it("derives the witness's public key, key id and verifier key (type 0x04)", () => {
    expect(publicKeyFromSeed(witnessSeed)).toEqual(witnessPublicKey);
    expect(keyId(witnessName, SIG_COSIGNATURE_V1, witnessPublicKey)).toEqual(hexBlock(doc, "witness-key-id"));
    expect(verifierKey(witnessName, SIG_COSIGNATURE_V1, witnessPublicKey)).toBe(text("witness-vkey"));
  });

  it("refuses a verifier key whose id is not the derived one, or of the other type", () => {
    const vkey = text("log-vkey");
    expect(parseVerifierKey(vkey.replace("+3cdba27f+", "+3cdba27e+"), SIG_ED25519)).toBeNull();
    expect(parseVerifierKey(vkey, SIG_COSIGNATURE_V1)).toBeNull();
    expect(parseVerifierKey(text("witness-vkey"), SIG_ED25519)).toBeNull();
  });
});

describe("transparency-log.md §1–2, §5: entries, tree, tiles", () => {
  it("hashes the entries into the leaf hashes and roots", () => {
    expect(entries.every((e) => e.length === 91)).toBe(true);
    expect(entries.map(leafHash)).toEqual(leaves);
    expect(nodeHash(leaves[0]!, leaves[1]!)).toEqual(root2);
    expect(nodeHash(root2, leaves[2]!)).toEqual(root3);
  });

  it("has the partial level-0 tile and entry bundle of width 3", () => {
    expect(hexBlock(doc, "tile")).toEqual(Buffer.concat(leaves));
    const bundle = hexBlock(doc, "entry-bundle");
    expect(parseEntryBundle(bundle)).toEqual(entries);
    expect(bundle).toEqual(Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from([0x00, 0x5b]), e]))));
    expect(tilePath(0, 0, 3)).toBe("tile/0/000.p/3");
    expect(tilePath("entries", 0, 3)).toBe("tile/entries/000.p/3");
  });

  it("writes tile indices in 3-digit groups", () => {
    expect(`tile/0/${tileIndexPath(1234067)}`).toBe(text("tile-path"));
    expect(tileIndexPath(5)).toBe("005");
    expect(tileIndexPath(0)).toBe("000");
    expect(tileIndexPath(1000)).toBe("x001/000");
    expect(tilePath(1, 2, 256)).toBe("tile/1/002");
  });
});

describe("transparency-log.md §4, §7.1: the checkpoint", () => {
  it("is the log's signature over the three lines", () => {
    const parsed = parseNote(note("checkpoint"));
    expect(parsed.text).toBe(`${origin}\n3\n${root3.toString("base64")}\n`);
    const [sig] = parsed.signatures;
    expect(sig!.id).toEqual(hexBlock(doc, "log-key-id"));
    // Ed25519 is deterministic: signing the text with the log's seed gives the printed signature.
    expect(sig!.body).toEqual(signWithSeed(logSeed, Buffer.from(parsed.text, "utf8")));
    const checkpoint = verifyCheckpoint(note("checkpoint"), trust(0));
    expect(checkpoint.size).toBe(3);
    expect(checkpoint.root).toEqual(root3);
  });

  it("has no cosignature: refused when the quorum is 1", () => {
    expect(() => verifyCheckpoint(note("checkpoint"), trust(1))).toThrow(/quorum/);
  });

  it("cosigned: the message, the 72-byte cosignature, the quorum met", () => {
    const checkpointText = parseNote(note("checkpoint")).text;
    expect(cosignedMessage(checkpointText, 1772359260n).toString("utf8")).toBe(note("cosigned-message"));
    const line = text("cosignature");
    const raw = Buffer.from(line.split(" ")[2]!, "base64");
    expect(raw.length).toBe(76);
    expect(raw.subarray(0, 4)).toEqual(hexBlock(doc, "witness-key-id"));
    expect(raw.subarray(4, 12).toString("hex")).toBe("0000000069a40e5c");
    expect(raw.subarray(12)).toEqual(signWithSeed(witnessSeed, Buffer.from(note("cosigned-message"), "utf8")));
    const cosigned = `${note("checkpoint")}${line}\n`;
    const checkpoint = verifyCheckpoint(cosigned, trust(1));
    expect(checkpoint.cosigners).toEqual([{ name: witnessName, timestamp: 1772359260n }]);
  });

  it("refuses a tampered checkpoint, signature or cosignature", () => {
    const cosigned = `${note("checkpoint")}${text("cosignature")}\n`;
    expect(() => verifyCheckpoint(cosigned.replace("\n3\n", "\n4\n"), trust(0))).toThrow(/log's signature/);
    const badCosig = cosigned.replace("NreOaAAAAABppA5c", "NreOaAAAAABppA5d");
    expect(() => verifyCheckpoint(badCosig, trust(0))).toThrow(/cosignature/);
    expect(() => verifyCheckpoint(cosigned, { ...trust(0), origin: "other.example/log" })).toThrow();
    // A line of an unknown key is ignored; a note without the log's signature is refused.
    const unknown = `${note("checkpoint")}\u2014 someone.example/w AAAAAAAAAAAAAAAA\n`;
    expect(verifyCheckpoint(unknown, trust(0)).size).toBe(3);
    const onlyWitness = `${parseNote(cosigned).text}\n${text("cosignature")}\n`;
    expect(() => verifyCheckpoint(onlyWitness, trust(1))).toThrow(/no signature of the log/);
    expect(() => verifyCheckpoint(note("checkpoint").slice(0, -1), trust(0))).toThrow(/newline/);
  });
});

describe("transparency-log.md §6.3, §7.2–7.4: proofs", () => {
  it("verifies the inclusion proof of entry 0 as served (tlog-proof)", () => {
    const proofText = note("inclusion-proof");
    const proof = parseTlogProof(proofText);
    expect(proof.extra).toEqual(entries[0]);
    expect(proof.index).toBe(0);
    expect(proof.hashes).toEqual([leaves[1], leaves[2]]);
    const checked = verifyTlogProof(proofText, entries[0]!, trust(1));
    expect(checked).toMatchObject({ index: 0, size: 3 });
    expect(checked.root).toEqual(root3);
  });

  it("refuses the proof for another entry, index or tree", () => {
    const proofText = note("inclusion-proof");
    expect(() => verifyTlogProof(proofText, entries[1]!, trust(1))).toThrow(/inclusion/);
    expect(verifyInclusion(entries[0]!, 1, 3, root3, [leaves[1]!, leaves[2]!])).toBe(false);
    expect(verifyInclusion(entries[0]!, 0, 3, root2, [leaves[1]!, leaves[2]!])).toBe(false);
    expect(verifyInclusion(entries[0]!, 3, 3, root3, [])).toBe(false);
    expect(verifyInclusion(entries[0]!, 0, 3, root3, [leaves[1]!])).toBe(false);
    expect(verifyInclusion(entries[2]!, 2, 3, root3, [root2])).toBe(true);
  });

  it("verifies the consistency proof from two to three", () => {
    const proof = [hexBlock(doc, "consistency-2-3")];
    expect(verifyConsistency(2, root2, 3, root3, proof)).toBe(true);
    expect(verifyConsistency(2, root3, 3, root3, proof)).toBe(false);
    expect(verifyConsistency(2, root2, 3, root3, [])).toBe(false);
    expect(verifyConsistency(3, root3, 3, root3, [])).toBe(true);
    expect(verifyConsistency(3, root3, 3, root3, proof)).toBe(false);
    expect(verifyConsistency(0, sha256(), 3, root3, [])).toBe(true);
    expect(verifyConsistency(1, leaves[0]!, 3, root3, [leaves[1]!, leaves[2]!])).toBe(true);
  });

  it("computes the same proofs from the example's tile (§7.4), and follows the log (§7.5)", async () => {
    const tile = hexBlock(doc, "tile");
    const served = new Map([["tile/0/000.p/3", tile], ["tile/0/000.p/2", tile.subarray(0, 64)], ["tile/0/000.p/1", tile.subarray(0, 32)]]);
    const reader = new TileReader(async (path) => {
      const bytes = served.get(path);
      if (!bytes) throw new Error(`404 ${path}`);
      return bytes;
    });
    expect(await reader.inclusionProof(3, 0)).toEqual([leaves[1], leaves[2]]);
    expect(await reader.consistencyProof(2, 3)).toEqual([hexBlock(doc, "consistency-2-3")]);
    expect(await reader.range(3, 0, 3)).toEqual(root3);
    const edge = await reader.rightEdge(2);
    expect(foldRightEdge(edge)).toEqual(root2);
    const bundle = parseEntryBundle(hexBlock(doc, "entry-bundle"));
    bundle.slice(2).forEach((entry) => appendToRightEdge(edge, leafHash(entry)));
    expect(foldRightEdge(edge)).toEqual(root3);
  });
});
