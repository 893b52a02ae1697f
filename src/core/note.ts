// C2SP signed-note (c2sp.org/signed-note): text signed by one or more keys, each signature on
// a line of its own, "— <key name> base64(key id || signature)". Key ids, verifier keys
// ("vkeys", the text form of a public key that Go's sumdb/note and the witness network use),
// parsing, and verification that ignores unknown keys as the specification requires.
import { fromBase64, toBase64, utf8 } from "./bytes.js";
import type { SigningKey, VerificationKey } from "./keys.js";
import { verificationKey } from "./keys.js";
import { sha256Sync } from "./sha256.js";
import { nobleVerify, webCryptoSign, type Ed25519Verifier } from "./signature.js";

/** Signature type bytes assigned by signed-note. */
export const SIGNATURE_TYPE = { ed25519: 0x01, cosignatureV1: 0x04 } as const;
export type SignatureType = (typeof SIGNATURE_TYPE)[keyof typeof SIGNATURE_TYPE];

/** Notes larger than this are refused before they are parsed (a checkpoint with 16 cosignatures is under 2 KB). */
export const MAX_NOTE_BYTES = 64 * 1024;
/** The specification asks verifiers to accept at least 16 signatures. */
export const MAX_NOTE_SIGNATURES = 64;

const EM_DASH_SPACE = "\u2014 ";

export type NoteFailure = "note-malformed" | "note-bad-signature" | "note-unverified";

export class NoteError extends Error {
  override name = "NoteError";
  constructor(
    readonly code: NoteFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A key name: non-empty, no Unicode space and no "+". */
export function isKeyName(name: string): boolean {
  return name.length > 0 && name.length <= 256 && !/[\s+\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

/** key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], as a big-endian uint32. */
export function noteKeyId(name: string, type: SignatureType, publicKey: Uint8Array): number {
  const digest = sha256Sync(utf8(name), new Uint8Array([0x0a, type]), publicKey);
  return new DataView(digest.buffer).getUint32(0);
}

export const keyIdHex = (keyId: number) => keyId.toString(16).padStart(8, "0");

export interface NotePublicKey {
  name: string;
  keyId: number;
  type: SignatureType;
  /** The 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

/** The verifier key text: `<name>+<key id, 8 hex digits>+base64(type || public key)`. */
export function encodeVerifierKey(key: Omit<NotePublicKey, "keyId">): string {
  const material = new Uint8Array(33);
  material[0] = key.type;
  material.set(key.publicKey, 1);
  return `${key.name}+${keyIdHex(noteKeyId(key.name, key.type, key.publicKey))}+${toBase64(material)}`;
}

/** Parses a verifier key; the key id must be the one derived from the name, type and key. */
export function parseVerifierKey(vkey: string): NotePublicKey {
  // The name holds no "+"; the base64 key material may.
  const first = vkey.indexOf("+");
  const second = vkey.indexOf("+", first + 1);
  if (first < 0 || second < 0) throw new NoteError("note-malformed", "a verifier key is name+keyid+key");
  const name = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  const material = vkey.slice(second + 1);
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex)) throw new NoteError("note-malformed", "a verifier key has a name and an 8-digit hex key id");
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(material);
  } catch {
    throw new NoteError("note-malformed", "the verifier key's key material is not base64");
  }
  const type = bytes[0];
  if (bytes.length !== 33 || (type !== SIGNATURE_TYPE.ed25519 && type !== SIGNATURE_TYPE.cosignatureV1)) {
    throw new NoteError("note-malformed", "only Ed25519 (type 0x01) and cosignature/v1 (type 0x04) keys are supported");
  }
  const publicKey = bytes.slice(1);
  const keyId = noteKeyId(name, type, publicKey);
  if (keyIdHex(keyId) !== idHex) throw new NoteError("note-malformed", "the verifier key's id does not match its name and key");
  return { name, keyId, type, publicKey };
}

export interface NoteSignature {
  name: string;
  keyId: number;
  /** What follows the 4-byte key id. */
  signature: Uint8Array;
  /** The signature line as it appears in the note, with its final newline. */
  line: string;
}

export interface ParsedNote {
  /** The signed text, ending in a newline. */
  text: string;
  signatures: NoteSignature[];
}

/** A signature line: "— name base64(keyId || signature)\n". */
export function signatureLine(name: string, keyId: number, signature: Uint8Array): string {
  const bytes = new Uint8Array(4 + signature.length);
  new DataView(bytes.buffer).setUint32(0, keyId);
  bytes.set(signature, 4);
  return `${EM_DASH_SPACE}${name} ${toBase64(bytes)}\n`;
}

/** Splits a note into its text and signature lines, strictly; verifies nothing. */
export function parseNote(note: string): ParsedNote {
  if (utf8(note).length > MAX_NOTE_BYTES) throw new NoteError("note-malformed", "the note is too large");
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new NoteError("note-malformed", "a note contains no control character but newline");
  if (!note.endsWith("\n")) throw new NoteError("note-malformed", "a note ends with a newline");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new NoteError("note-malformed", "a note has a blank line before its signatures");
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split("\n");
  if (lines.length > MAX_NOTE_SIGNATURES) throw new NoteError("note-malformed", `a note carries at most ${MAX_NOTE_SIGNATURES} signatures here`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(EM_DASH_SPACE)) throw new NoteError("note-malformed", "a signature line starts with an em dash and a space");
    const rest = line.slice(EM_DASH_SPACE.length);
    const space = rest.indexOf(" ");
    const name = rest.slice(0, space);
    if (space < 0 || !isKeyName(name)) throw new NoteError("note-malformed", "a signature line names its key");
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(rest.slice(space + 1));
    } catch {
      throw new NoteError("note-malformed", "a signature is base64");
    }
    if (bytes.length < 5) throw new NoteError("note-malformed", "a signature is a key id and at least one byte");
    return { name, keyId: new DataView(bytes.buffer).getUint32(0), signature: bytes.slice(4), line: `${line}\n` };
  });
  if (text.length === 1) throw new NoteError("note-malformed", "a note's text is not empty");
  return { text, signatures };
}

/** Text and signature lines put together as a note. */
export function formatNote(text: string, lines: readonly string[]): string {
  return `${text}\n${lines.join("")}`;
}

/** A key that can check one kind of signature over a note's text. */
export interface NoteVerifier {
  name: string;
  keyId: number;
  verify(text: string, signature: Uint8Array): Promise<boolean>;
}

export interface OpenedNote {
  text: string;
  /** The signatures of known keys, each verified, with the verifier that checked it. */
  verified: { verifier: NoteVerifier; signature: NoteSignature }[];
  /** Signatures of keys not among the verifiers: ignored, as the specification requires. */
  unknown: NoteSignature[];
}

/**
 * Verifies a note: signatures of unknown keys (name and id not both known) are ignored; a
 * known key's signature that fails rejects the whole note; at least one must verify.
 */
export async function openNote(note: string, verifiers: readonly NoteVerifier[]): Promise<OpenedNote> {
  const parsed = parseNote(note);
  const verified: OpenedNote["verified"] = [];
  const unknown: NoteSignature[] = [];
  for (const signature of parsed.signatures) {
    const verifier = verifiers.find((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (!verifier) {
      unknown.push(signature);
      continue;
    }
    if (!(await verifier.verify(parsed.text, signature.signature))) {
      throw new NoteError("note-bad-signature", `the signature of ${signature.name} does not verify`);
    }
    // The same key twice counts once.
    if (!verified.some((v) => v.verifier === verifier)) verified.push({ verifier, signature });
  }
  if (verified.length === 0) throw new NoteError("note-unverified", "no signature in the note is from a key this verifier knows");
  return { text: parsed.text, verified, unknown };
}

/** A signer of plain Ed25519 note signatures (type 0x01). */
export interface NoteSigner {
  name: string;
  keyId: number;
  key: SigningKey;
}

export function ed25519NoteSigner(name: string, key: SigningKey): NoteSigner {
  if (!isKeyName(name)) throw new NoteError("note-malformed", "a key name is non-empty, with no space and no +");
  return { name, keyId: noteKeyId(name, SIGNATURE_TYPE.ed25519, key.publicKey), key };
}

/** The signature line of an Ed25519 signature over the note text. */
export async function signNoteText(text: string, signer: NoteSigner): Promise<string> {
  return signatureLine(signer.name, signer.keyId, await webCryptoSign(signer.key, utf8(text)));
}

/** Verifies Ed25519 note signatures (type 0x01) of one public key. */
export async function ed25519NoteVerifier(name: string, publicKey: Uint8Array, verify: Ed25519Verifier = nobleVerify): Promise<NoteVerifier & { key: VerificationKey }> {
  const key = await verificationKey(publicKey);
  return {
    name,
    keyId: noteKeyId(name, SIGNATURE_TYPE.ed25519, publicKey),
    key,
    verify: async (text, signature) => signature.length === 64 && verify(key, signature, utf8(text)),
  };
}

