// C2SP tlog-checkpoint (the signed tree head as a note) and tlog-cosignature/v1 (a witness's
// timestamped Ed25519 signature over a checkpoint). The log signs with a plain Ed25519 note
// signature whose key name is the log's origin; witnesses add cosignature lines.
import { fromBase64, toBase64, utf8 } from "./bytes.js";
import type { SigningKey, VerificationKey } from "./keys.js";
import { verificationKey } from "./keys.js";
import { HASH_SIZE } from "./merkle.js";
import { isKeyName, NoteError, noteKeyId, signatureLine, SIGNATURE_TYPE, type NoteVerifier } from "./note.js";
import { nobleVerify, webCryptoSign, type Ed25519Verifier } from "./signature.js";

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  /** Lines after the root hash, if any (this log writes none). */
  extensions: string[];
}

/** The checkpoint's note text: origin, tree size and base64 root hash, each on its own line. */
export function checkpointText(checkpoint: Pick<Checkpoint, "origin" | "size" | "root">): string {
  if (!isKeyName(checkpoint.origin)) throw new NoteError("note-malformed", "the origin has no space and no +");
  if (checkpoint.root.length !== HASH_SIZE) throw new NoteError("note-malformed", "the root hash is 32 bytes");
  return `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.root)}\n`;
}

const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** Reads a decimal with no leading zeros, up to 2^53 - 1; null otherwise. */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Parses a checkpoint's note text (not the signatures: see openNote). */
export function parseCheckpointText(text: string): Checkpoint {
  if (!text.endsWith("\n")) throw new NoteError("note-malformed", "a checkpoint's text ends with a newline");
  const lines = text.slice(0, -1).split("\n");
  if (lines.length < 3 || lines.some((l) => l.length === 0)) throw new NoteError("note-malformed", "a checkpoint has an origin, a size and a root hash line, none empty");
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  const size = parseDecimal(sizeLine);
  if (size === null) throw new NoteError("note-malformed", "the tree size is a decimal number without leading zeros");
  let root: Uint8Array;
  try {
    root = fromBase64(rootLine);
  } catch {
    throw new NoteError("note-malformed", "the root hash is base64");
  }
  if (root.length !== HASH_SIZE) throw new NoteError("note-malformed", "the root hash is 32 bytes");
  return { origin, size, root, extensions };
}

// ---------------------------------------------------------------------------------------------
// Cosignatures (tlog-cosignature, Ed25519: signature type 0x04)

/** The message a cosignature/v1 signs: a header line, a time line, then the checkpoint's text. */
export function cosignedMessage(checkpointNoteText: string, timestamp: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointNoteText}`);
}

export interface Cosigner {
  name: string;
  keyId: number;
  key: SigningKey;
}

export function cosigner(name: string, key: SigningKey): Cosigner {
  if (!isKeyName(name)) throw new NoteError("note-malformed", "a witness name is non-empty, with no space and no +");
  return { name, keyId: noteKeyId(name, SIGNATURE_TYPE.cosignatureV1, key.publicKey), key };
}

/** A cosignature line: the key id, then the timestamp (uint64, big-endian) and the Ed25519 signature. */
export async function cosign(checkpointNoteText: string, signer: Cosigner, timestamp: number): Promise<string> {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new TypeError("a cosignature's timestamp is a non-negative integer");
  const signature = await webCryptoSign(signer.key, cosignedMessage(checkpointNoteText, timestamp));
  const body = new Uint8Array(72);
  const view = new DataView(body.buffer);
  view.setUint32(0, Math.floor(timestamp / 0x1_0000_0000));
  view.setUint32(4, timestamp >>> 0);
  body.set(signature, 8);
  return signatureLine(signer.name, signer.keyId, body);
}

/** The timestamp of a cosignature (the 72 bytes after the key id), or null when it is malformed or above 2^53. */
export function cosignatureTimestamp(signature: Uint8Array): number | null {
  if (signature.length !== 72) return null;
  const view = new DataView(signature.buffer, signature.byteOffset, signature.byteLength);
  const high = view.getUint32(0);
  if (high >= 0x20_0000) return null;
  return high * 0x1_0000_0000 + view.getUint32(4);
}

/** Verifies cosignature/v1 lines of one witness key. */
export async function cosignatureVerifier(name: string, publicKey: Uint8Array, verify: Ed25519Verifier = nobleVerify): Promise<NoteVerifier & { key: VerificationKey }> {
  const key = await verificationKey(publicKey);
  return {
    name,
    keyId: noteKeyId(name, SIGNATURE_TYPE.cosignatureV1, publicKey),
    key,
    verify: async (text, signature) => {
      const timestamp = cosignatureTimestamp(signature);
      return timestamp !== null && verify(key, signature.subarray(8), cosignedMessage(text, timestamp));
    },
  };
}
