// A witness (C2SP tlog-witness): it keeps, for each log it knows, the latest checkpoint it
// cosigned, and cosigns a new checkpoint only if a consistency proof shows that it extends
// that one. So it refuses a fork (another tree of the same size, or one that does not extend
// the last) and a rollback (a smaller tree). This is the decision alone, over a state value;
// the witness process (scripts/witness.ts) adds HTTP, the key and the state file, and the log
// (src/service/tlog.ts) builds the requests.
import { fromBase64, toBase64 } from "./bytes.js";
import { cosign, parseCheckpointText, parseDecimal, type Cosigner, type Checkpoint } from "./checkpoint.js";
import { HASH_SIZE, verifyConsistency } from "./merkle.js";
import { NoteError, openNote, parseNote, type NoteVerifier } from "./note.js";

/** tlog-witness: the body of a 409 that tells the log which size the witness holds. */
export const TLOG_SIZE_MEDIA_TYPE = "text/x.tlog.size";
/** A consistency proof of a tree below 2^63 leaves has at most 63 hashes; so says tlog-witness. */
export const MAX_CONSISTENCY_LINES = 63;
export const MAX_ADD_CHECKPOINT_BYTES = 128 * 1024;

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Uint8Array[];
  /** The checkpoint note, with the log's signature (and any others). */
  checkpoint: string;
}

/** `old <size>`, the proof's hashes one a line, an empty line, the checkpoint. */
export function encodeAddCheckpoint(request: AddCheckpointRequest): string {
  return `old ${request.oldSize}\n${request.proof.map((h) => `${toBase64(h)}\n`).join("")}\n${request.checkpoint}`;
}

export class AddCheckpointError extends Error {
  override name = "AddCheckpointError";
}

export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  if (body.length > MAX_ADD_CHECKPOINT_BYTES) throw new AddCheckpointError("the request is too large");
  const lines = body.split("\n");
  const first = lines[0] ?? "";
  const oldSize = first.startsWith("old ") ? parseDecimal(first.slice(4)) : null;
  if (oldSize === null) throw new AddCheckpointError("the first line is old and a decimal size");
  const proof: Uint8Array[] = [];
  let i = 1;
  for (; i < lines.length && lines[i] !== ""; i++) {
    if (proof.length === MAX_CONSISTENCY_LINES) throw new AddCheckpointError(`at most ${MAX_CONSISTENCY_LINES} consistency proof lines`);
    let hash: Uint8Array;
    try {
      hash = fromBase64(lines[i]!);
    } catch {
      throw new AddCheckpointError("each consistency proof line is a base64 hash");
    }
    if (hash.length !== HASH_SIZE) throw new AddCheckpointError("each consistency proof line is a 32-byte hash");
    proof.push(hash);
  }
  if (i >= lines.length) throw new AddCheckpointError("the proof lines end with an empty line");
  const checkpoint = lines.slice(i + 1).join("\n");
  return { oldSize, proof, checkpoint };
}

/** What the witness remembers of one log: the latest checkpoint it cosigned. */
export interface WitnessedCheckpoint {
  size: number;
  /** Root hash, base64. */
  root: string;
}

/** The witness's whole memory: by log origin. */
export type WitnessState = Record<string, WitnessedCheckpoint>;

/** A log the witness follows: its origin and the keys that may sign its checkpoints. */
export interface WitnessedLog {
  origin: string;
  verifiers: NoteVerifier[];
}

export type AddCheckpointOutcome =
  | { status: 200; body: string; state: WitnessState; checkpoint: Checkpoint }
  | { status: 400 | 403 | 404 | 409 | 422; body: string; contentType: string; reason: string };

const refuse = (status: 400 | 403 | 404 | 409 | 422, reason: string): AddCheckpointOutcome => ({
  status,
  body: `${reason}\n`,
  contentType: "text/plain; charset=utf-8",
  reason,
});

/**
 * The add-checkpoint decision, in the order tlog-witness gives: known origin (404), a verified
 * signature of the log (403), old size not above the new (400), old size equal to the size
 * last cosigned (409, with that size), the same root when the sizes are equal (409: a fork),
 * the consistency proof (422). Only then the state moves on and the witness cosigns.
 */
export async function addCheckpoint(body: string, logs: readonly WitnessedLog[], state: WitnessState, cosigner: Cosigner, now: number): Promise<AddCheckpointOutcome> {
  let request: AddCheckpointRequest;
  let checkpoint: Checkpoint;
  try {
    request = parseAddCheckpoint(body);
    checkpoint = parseCheckpointText(parseNote(request.checkpoint).text);
  } catch (error) {
    return refuse(400, `malformed request: ${error instanceof Error ? error.message : String(error)}`);
  }
  const log = logs.find((l) => l.origin === checkpoint.origin);
  if (!log) return refuse(404, `unknown log ${checkpoint.origin}`);
  let text: string;
  try {
    text = (await openNote(request.checkpoint, log.verifiers)).text;
  } catch (error) {
    if (error instanceof NoteError && error.code !== "note-malformed") return refuse(403, "the checkpoint is not signed by the log's key");
    return refuse(400, "malformed checkpoint");
  }
  if (request.oldSize > checkpoint.size) return refuse(400, `old size ${request.oldSize} is above the checkpoint's size ${checkpoint.size}`);
  const held = state[checkpoint.origin];
  const heldSize = held?.size ?? 0;
  if (request.oldSize !== heldSize) {
    return { status: 409, body: `${heldSize}\n`, contentType: TLOG_SIZE_MEDIA_TYPE, reason: `the latest checkpoint cosigned has size ${heldSize}, not ${request.oldSize}` };
  }
  const newRoot = toBase64(checkpoint.root);
  if (held && checkpoint.size === held.size && newRoot !== held.root) return refuse(409, `a different tree of size ${held.size} was cosigned: refusing a fork`);
  // A log seen for the first time is trusted on first use: there is nothing yet to be consistent with.
  const consistent = held ? verifyConsistency(request.oldSize, checkpoint.size, request.proof, fromBase64(held.root), checkpoint.root) : request.proof.length === 0;
  if (!consistent) {
    return refuse(422, `the consistency proof from size ${request.oldSize} does not verify: the checkpoint does not extend the one cosigned`);
  }
  const next: WitnessState = { ...state, [checkpoint.origin]: { size: checkpoint.size, root: newRoot } };
  return { status: 200, body: await cosign(text, cosigner, now), state: next, checkpoint };
}
