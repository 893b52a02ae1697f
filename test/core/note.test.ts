// Signed notes, checkpoints and cosignatures against the reference implementation's vector
// (golang.org/x/mod/sumdb/note: the PeterNeumann key, note and signature), the key id
// derivations of signed-note and tlog-cosignature, and fuzzing of every parser of outside
// input here (notes, verifier keys, checkpoints, tlog-proofs, add-checkpoint bodies).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, fromHex, toBase64, utf8 } from "../../src/core/bytes.js";
import { checkpointText, cosign, cosignatureVerifier, cosigner, parseCheckpointText } from "../../src/core/checkpoint.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { sha256Sync } from "../../src/core/sha256.js";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  encodeVerifierKey,
  NoteError,
  noteKeyId,
  openNote,
  parseNote,
  parseVerifierKey,
  signNoteText,
  SIGNATURE_TYPE,
} from "../../src/core/note.js";
import { encodeTlogProof, parseTlogProof } from "../../src/core/tlog.js";
import { parseAddCheckpoint } from "../../src/core/witness.js";

const VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIGNATURE = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const NOTE = `${TEXT}\n${SIGNATURE}`;

const seedOf = (skey: string) => fromBase64(skey.split("+").slice(4).join("+")).slice(1);

describe("signed notes: the reference vector", () => {
  it("derives the key id and verifier key of signed-note (SHA-256 of name, newline, 0x01, key)", async () => {
    const key = await signingKeyFromSeed(seedOf(SKEY));
    const parsed = parseVerifierKey(VKEY);
    expect(parsed).toMatchObject({ name: "PeterNeumann", keyId: 0xc74f20a3, type: SIGNATURE_TYPE.ed25519 });
    expect(parsed.publicKey).toEqual(key.publicKey);
    const digest = sha256Sync(utf8("PeterNeumann\n"), new Uint8Array([0x01]), key.publicKey);
    expect(noteKeyId("PeterNeumann", SIGNATURE_TYPE.ed25519, key.publicKey)).toBe(new DataView(digest.buffer).getUint32(0));
    expect(encodeVerifierKey({ name: "PeterNeumann", type: SIGNATURE_TYPE.ed25519, publicKey: key.publicKey })).toBe(VKEY);
  });

  it("signs the note byte for byte as the reference does, and verifies it", async () => {
    const key = await signingKeyFromSeed(seedOf(SKEY));
    expect(await signNoteText(TEXT, ed25519NoteSigner("PeterNeumann", key))).toBe(SIGNATURE);
    const verifier = await ed25519NoteVerifier("PeterNeumann", parseVerifierKey(VKEY).publicKey);
    const opened = await openNote(NOTE, [verifier]);
    expect(opened.text).toBe(TEXT);
    expect(opened.verified).toHaveLength(1);
  });

  it("rejects an altered text, ignores unknown keys, and refuses a note no known key signed", async () => {
    const verifier = await ed25519NoteVerifier("PeterNeumann", parseVerifierKey(VKEY).publicKey);
    await expect(openNote(NOTE.replace("cryptography", "cryptographY"), [verifier])).rejects.toMatchObject({ code: "note-bad-signature" });
    const other = await ed25519NoteVerifier("PeterNeumann", (await signingKeyFromSeed(new Uint8Array(32).fill(7))).publicKey);
    await expect(openNote(NOTE, [other])).rejects.toMatchObject({ code: "note-unverified" });
    // A signature under the same name but another key id is someone else's: ignored.
    const withStranger = `${NOTE}— PeterNeumann ${toBase64(fromHex("00000000" + "11".repeat(64)))}\n`;
    const opened = await openNote(withStranger, [verifier]);
    expect(opened.unknown).toHaveLength(1);
  });

  it("refuses verifier keys whose id does not match, or of another type", () => {
    expect(() => parseVerifierKey(VKEY.replace("c74f20a3", "c74f20a4"))).toThrow(NoteError);
    expect(() => parseVerifierKey("PeterNeumann+c74f20a3")).toThrow(NoteError);
    expect(() => parseVerifierKey(VKEY.replace("ARpc", "Apc"))).toThrow(NoteError);
  });
});

describe("checkpoints and cosignatures", () => {
  const root = fromHex("0a" + "00".repeat(31));

  it("writes and reads the three checkpoint lines strictly", () => {
    const text = checkpointText({ origin: "asli.example/log", size: 20852163, root });
    expect(text).toBe(`asli.example/log\n20852163\n${toBase64(root)}\n`);
    expect(parseCheckpointText(text)).toMatchObject({ origin: "asli.example/log", size: 20852163 });
    for (const bad of ["asli.example/log\n012\nAA==\n", "asli.example/log\n12\n", "o\n1\nAAAA\n", "o\n1\n" + toBase64(root), "\n1\n" + toBase64(root) + "\n", "o\n-1\n" + toBase64(root) + "\n"]) {
      expect(() => parseCheckpointText(bad), JSON.stringify(bad)).toThrow(NoteError);
    }
  });

  it("derives cosignature key ids with type 0x04 and signs the cosignature/v1 message with its timestamp", async () => {
    const key = await signingKeyFromSeed(new Uint8Array(32).fill(4));
    const witness = cosigner("witness.example/w1", key);
    const digest = sha256Sync(utf8("witness.example/w1\n"), new Uint8Array([0x04]), key.publicKey);
    expect(witness.keyId).toBe(new DataView(digest.buffer).getUint32(0));
    const text = checkpointText({ origin: "asli.example/log", size: 5, root });
    const line = await cosign(text, witness, 1679315147);
    const signature = parseNote(`${text}\n${line}`).signatures[0]!;
    expect(signature.signature).toHaveLength(72);
    expect(new DataView(signature.signature.buffer).getUint32(4)).toBe(1679315147);
    const verifier = await cosignatureVerifier("witness.example/w1", key.publicKey);
    expect((await openNote(`${text}\n${line}`, [verifier])).verified).toHaveLength(1);
    // The same key as a plain note key has another key id: a cosignature never passes as a log signature.
    const plain = await ed25519NoteVerifier("witness.example/w1", key.publicKey);
    await expect(openNote(`${text}\n${line}`, [plain])).rejects.toMatchObject({ code: "note-unverified" });
  });
});

describe("parsers of outside input never throw anything but their own errors", () => {
  const noteLike = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.tuple(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 100 }), { maxLength: 4 })).map(([t, sigs]) => `${t}\n\n${sigs.map((s) => `— ${s}\n`).join("")}`),
    fc.constantFrom(NOTE, NOTE.replace("\n\n", "\n"), NOTE.slice(0, -1), `${NOTE}${NOTE}`),
  );

  it("parseNote, parseVerifierKey, parseCheckpointText", () => {
    fc.assert(
      fc.property(noteLike, (input) => {
        for (const parse of [parseNote, parseVerifierKey, parseCheckpointText]) {
          try {
            parse(input);
          } catch (error) {
            expect(error).toBeInstanceOf(NoteError);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("parseTlogProof and parseAddCheckpoint", () => {
    const proofLike = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.tuple(fc.option(fc.string({ maxLength: 20 })), fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }), noteLike).map(
        ([extra, index, lines, note]) => ["c2sp.org/tlog-proof@v1", ...(extra === null ? [] : [`extra ${extra}`]), `index ${index}`, ...lines, "", note].join("\n"),
      ),
      fc.tuple(fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }), noteLike).map(([old, lines, note]) => [`old ${old}`, ...lines, "", note].join("\n")),
    );
    fc.assert(
      fc.property(proofLike, (input) => {
        try {
          parseTlogProof(input);
        } catch (error) {
          expect((error as Error).name).toBe("TlogProofError");
        }
        try {
          parseAddCheckpoint(input);
        } catch (error) {
          expect((error as Error).name).toBe("AddCheckpointError");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back what it writes", () => {
    const proof = { extra: utf8("entry"), index: 12, proof: [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)], checkpoint: NOTE };
    expect(parseTlogProof(encodeTlogProof(proof))).toEqual(proof);
    expect(parseTlogProof(encodeTlogProof({ ...proof, extra: null, proof: [] }))).toEqual({ ...proof, extra: null, proof: [] });
  });
});
