// Asli's transparency log, as a client sees it (docs/transparency-log.md): what an entry is,
// the log's identity (origin and keys), how a checkpoint is trusted (the log's signature and a
// quorum of witness cosignatures), and the C2SP tlog-proof form of an inclusion proof.
import { base32Decode, base32Encode } from "./base32.js";
import { fromBase64, toBase64 } from "./bytes.js";
import { parseCheckpointText, parseDecimal, cosignatureTimestamp, cosignatureVerifier, type Checkpoint } from "./checkpoint.js";
import { HASH_SIZE, leafHash, verifyInclusion } from "./merkle.js";
import { ed25519NoteVerifier, NoteError, openNote, parseVerifierKey, SIGNATURE_TYPE, type NotePublicKey, type NoteVerifier } from "./note.js";
import { nobleVerify, type Ed25519Verifier } from "./signature.js";
import { MAX_ENTRY_BYTES } from "./tiles.js";

/** The path under the service's origin where the log is served: its tlog-tiles prefix. */
export const LOG_PATH = "/log";

/**
 * The log's origin line (and key name): the tlog-tiles prefix without its scheme, e.g.
 * `asli.example/log` for https://asli.example. It names the log for ever.
 */
export function logOriginFor(baseUrl: string): string {
  return `${new URL(baseUrl).host}${LOG_PATH}`;
}

/**
 * A log entry is the certificate token's bytes, exactly as printed (base32-decoded): for a
 * version 1 token its 91 bytes, payload then signature. The token's own version byte says how
 * to read it; nothing else (no name, no title) is in the log.
 */
export function entryFromToken(token: string): Uint8Array {
  const bytes = base32Decode(token);
  if (!bytes || bytes.length === 0 || bytes.length > MAX_ENTRY_BYTES) throw new TypeError("not a certificate token");
  return bytes;
}

export function tokenFromEntry(entry: Uint8Array): string {
  return base32Encode(entry);
}

export function entryLeafHash(entry: Uint8Array): Uint8Array {
  return leafHash(entry);
}

// ---------------------------------------------------------------------------------------------
// Trusting a checkpoint

/** What a verifier trusts about a log: its origin, its key, the witnesses and how many of them must cosign. */
export interface LogPolicy {
  origin: string;
  /** The log's Ed25519 note key (vkey type 0x01), whose name is the origin. */
  logKey: NotePublicKey;
  /** Witness cosignature keys (vkey type 0x04). */
  witnesses: NotePublicKey[];
  /** How many distinct witnesses must have cosigned a checkpoint. */
  quorum: number;
}

/** From the vkeys as published (trust bundle, configuration). */
export function logPolicy(origin: string, logVkey: string, witnessVkeys: readonly string[], quorum: number): LogPolicy {
  const logKey = parseVerifierKey(logVkey);
  if (logKey.type !== SIGNATURE_TYPE.ed25519 || logKey.name !== origin) throw new NoteError("note-malformed", "the log key is an Ed25519 note key named after the log's origin");
  const witnesses = witnessVkeys.map(parseVerifierKey);
  if (witnesses.some((w) => w.type !== SIGNATURE_TYPE.cosignatureV1)) throw new NoteError("note-malformed", "witness keys are cosignature/v1 keys (type 0x04)");
  if (!Number.isSafeInteger(quorum) || quorum < 0 || quorum > witnesses.length) throw new NoteError("note-malformed", "the quorum is between 0 and the number of witnesses");
  return { origin, logKey, witnesses, quorum };
}

export interface TrustedCheckpoint {
  checkpoint: Checkpoint;
  /** The checkpoint's note text. */
  text: string;
  /** Witnesses whose cosignature verified, with its timestamp. */
  cosignatures: { name: string; timestamp: number }[];
}

export type CheckpointFailure = "checkpoint-malformed" | "checkpoint-bad-signature" | "checkpoint-wrong-origin" | "checkpoint-no-quorum";

export class CheckpointError extends Error {
  override name = "CheckpointError";
  constructor(
    readonly code: CheckpointFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opens a checkpoint note under a policy: the log's signature must verify, the origin must be
 * the log's, and at least `quorum` witnesses must have cosigned it (signatures of other keys are
 * ignored). `requireQuorum: false` checks the log's signature and reports the cosignatures only.
 */
export async function verifyCheckpoint(note: string, policy: LogPolicy, options: { requireQuorum?: boolean; verify?: Ed25519Verifier } = {}): Promise<TrustedCheckpoint> {
  const verify = options.verify ?? nobleVerify;
  const logVerifier = await ed25519NoteVerifier(policy.logKey.name, policy.logKey.publicKey, verify);
  const witnessVerifiers = await Promise.all(policy.witnesses.map((w) => cosignatureVerifier(w.name, w.publicKey, verify)));
  let opened;
  try {
    opened = await openNote(note, [logVerifier, ...witnessVerifiers]);
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    throw new CheckpointError(error.code === "note-malformed" ? "checkpoint-malformed" : "checkpoint-bad-signature", error.message);
  }
  if (!opened.verified.some((v) => v.verifier === logVerifier)) throw new CheckpointError("checkpoint-bad-signature", "the checkpoint is not signed by the log's key");
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpointText(opened.text);
  } catch (error) {
    throw new CheckpointError("checkpoint-malformed", error instanceof Error ? error.message : String(error));
  }
  if (checkpoint.origin !== policy.origin) throw new CheckpointError("checkpoint-wrong-origin", `the checkpoint is of ${checkpoint.origin}, not ${policy.origin}`);
  const cosignatures = opened.verified
    .filter((v): v is typeof v & { verifier: NoteVerifier } => v.verifier !== logVerifier)
    .map((v) => ({ name: v.verifier.name, timestamp: cosignatureTimestamp(v.signature.signature)! }));
  if ((options.requireQuorum ?? true) && cosignatures.length < policy.quorum) {
    throw new CheckpointError("checkpoint-no-quorum", `${cosignatures.length} of the ${policy.quorum} witness cosignature(s) required`);
  }
  return { checkpoint, text: opened.text, cosignatures };
}

// ---------------------------------------------------------------------------------------------
// tlog-proof (c2sp.org/tlog-proof@v1)

export const TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";
/** A proof of a tree of 2^63 leaves has 63 hashes; anything longer is not a proof. */
const MAX_PROOF_HASHES = 63;
export const MAX_TLOG_PROOF_BYTES = 16 * 1024;

export interface TlogProof {
  /** Opaque data the proof carries; Asli puts the log entry (the token's bytes) here. Unauthenticated. */
  extra: Uint8Array | null;
  index: number;
  /** The inclusion proof, the leaf's sibling first. */
  proof: Uint8Array[];
  /** The checkpoint note, verbatim, with its signatures. */
  checkpoint: string;
}

export function encodeTlogProof(p: TlogProof): string {
  const lines = [TLOG_PROOF_HEADER];
  if (p.extra) lines.push(`extra ${toBase64(p.extra)}`);
  lines.push(`index ${p.index}`, ...p.proof.map(toBase64), "");
  return `${lines.join("\n")}\n${p.checkpoint}`;
}

export class TlogProofError extends Error {
  override name = "TlogProofError";
}

/** Parses the text form, strictly; verifies nothing. */
export function parseTlogProof(text: string): TlogProof {
  if (text.length > MAX_TLOG_PROOF_BYTES) throw new TlogProofError("the proof is too large");
  const lines = text.split("\n");
  let i = 0;
  if (lines[i++] !== TLOG_PROOF_HEADER) throw new TlogProofError(`a proof starts with the line ${TLOG_PROOF_HEADER}`);
  let extra: Uint8Array | null = null;
  if (lines[i]?.startsWith("extra ")) {
    try {
      extra = fromBase64(lines[i]!.slice(6));
    } catch {
      throw new TlogProofError("the extra line is base64");
    }
    i++;
  }
  const indexLine = lines[i++] ?? "";
  const index = indexLine.startsWith("index ") ? parseDecimal(indexLine.slice(6)) : null;
  if (index === null) throw new TlogProofError("a proof has an index line: index and a decimal number");
  const proof: Uint8Array[] = [];
  for (; i < lines.length && lines[i] !== ""; i++) {
    let hash: Uint8Array;
    try {
      hash = fromBase64(lines[i]!);
    } catch {
      throw new TlogProofError("each proof line is a base64 hash");
    }
    if (hash.length !== HASH_SIZE) throw new TlogProofError("each proof line is a 32-byte hash");
    proof.push(hash);
    if (proof.length > MAX_PROOF_HASHES) throw new TlogProofError("the proof has too many hashes");
  }
  if (lines[i] !== "") throw new TlogProofError("the proof lines end with an empty line");
  const checkpoint = lines.slice(i + 1).join("\n");
  if (checkpoint.length === 0) throw new TlogProofError("the proof ends with the checkpoint");
  return { extra, index, proof, checkpoint };
}

export type InclusionFailure = "proof-malformed" | "proof-wrong-entry" | "proof-not-included" | CheckpointFailure;

export class InclusionError extends Error {
  override name = "InclusionError";
  constructor(
    readonly code: InclusionFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedInclusion extends TrustedCheckpoint {
  index: number;
}

/**
 * Verifies a tlog-proof for an entry, with no network: the checkpoint under the policy
 * (log signature, origin, witness quorum), then the inclusion of the entry at the index. When
 * the proof carries the entry in `extra`, it must be the same entry.
 */
export async function verifyTlogProof(text: string, entry: Uint8Array, policy: LogPolicy, options: { requireQuorum?: boolean; verify?: Ed25519Verifier } = {}): Promise<VerifiedInclusion> {
  let parsed: TlogProof;
  try {
    parsed = parseTlogProof(text);
  } catch (error) {
    throw new InclusionError("proof-malformed", error instanceof Error ? error.message : String(error));
  }
  if (parsed.extra && !bytesEqual(parsed.extra, entry)) throw new InclusionError("proof-wrong-entry", "the proof is for another entry");
  let trusted: TrustedCheckpoint;
  try {
    trusted = await verifyCheckpoint(parsed.checkpoint, policy, options);
  } catch (error) {
    if (error instanceof CheckpointError) throw new InclusionError(error.code, error.message);
    throw error;
  }
  if (!verifyInclusion(parsed.index, trusted.checkpoint.size, leafHash(entry), parsed.proof, trusted.checkpoint.root)) {
    throw new InclusionError("proof-not-included", `the proof does not show the entry at index ${parsed.index} in the tree of ${trusted.checkpoint.size} entries`);
  }
  return { ...trusted, index: parsed.index };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
