// Status list positions and content. Every certificate holds one position (a list number and
// an index), drawn uniformly at random among the free positions of the newest list, so that an
// index says nothing about when or in what order a certificate was issued. A list takes new
// certificates until half its bits are used (a random draw then finds a free bit at least every
// second try), and the next list opens. A list's bits are derived from the registry on every
// read; a new version (and with it a new signature) is made only when they change.
import { sha256, toHex, utf8 } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";
import { encodeStatusList, STATUS_LIST_LENGTH, type StatusPurpose } from "../core/status-list.js";
import { unixSeconds } from "../core/time.js";
import type { AsliDatabase } from "../store/database.js";
import { isUniqueViolation } from "../store/database.js";
import {
  findStatusEntry,
  highestStatusListNumber,
  insertMissingStatusEntryQuery,
  insertStatusListVersion,
  latestStatusListVersion,
  newestStatusList,
  setStatusPositions,
  STATUS_POSITION_COLUMN,
  takenPositions,
  type StatusPosition,
} from "../store/status-lists.js";

export type { StatusPosition } from "../store/status-lists.js";

/** Certificates a list takes before the next one opens. */
export const STATUS_LIST_CAPACITY = STATUS_LIST_LENGTH / 2;

/** Whether a write failed because another writer took one of its positions first: allocate again. */
export function isStatusPositionTaken(error: unknown): boolean {
  return isUniqueViolation(error, STATUS_POSITION_COLUMN);
}

/** Distinct random positions of one list, none of them in `exclude`. */
function drawPositions(count: number, exclude: ReadonlySet<number>): number[] {
  const drawn = new Set<number>();
  while (drawn.size < count) {
    // The length is a power of two that divides 2^32: masking keeps the draw uniform.
    const random = crypto.getRandomValues(new Uint32Array(Math.min(16_384, 2 * (count - drawn.size) + 8)));
    for (const value of random) {
      const position = value & (STATUS_LIST_LENGTH - 1);
      if (!exclude.has(position)) drawn.add(position);
      if (drawn.size === count) break;
    }
  }
  return [...drawn];
}

/**
 * Positions for `count` new certificates, in the order they will be written. The caller writes
 * them in the same db.batch as the certificates; a concurrent writer that took one of them makes
 * that batch fail on the unique index (isStatusPositionTaken), and the caller allocates again.
 */
export async function allocateStatusPositions(db: AsliDatabase, count: number, capacity = STATUS_LIST_CAPACITY): Promise<StatusPosition[]> {
  if (capacity < 1 || capacity > STATUS_LIST_CAPACITY) throw new RangeError("a list's capacity is between 1 and half its length");
  const positions: StatusPosition[] = [];
  let { listNumber, used } = await newestStatusList(db);
  if (used >= capacity) [listNumber, used] = [listNumber + 1, 0];
  while (positions.length < count) {
    const wanted = Math.min(count - positions.length, capacity - used);
    const chosen: number[] = [];
    const refused = new Set<number>();
    // A list is at most half full, so each round finds at least half of what it still needs.
    while (chosen.length < wanted) {
      const candidates = drawPositions(wanted - chosen.length, new Set([...refused, ...chosen]));
      const taken = used === 0 ? new Set<number>() : await takenPositions(db, listNumber, candidates);
      for (const candidate of candidates) {
        if (taken.has(candidate)) refused.add(candidate);
        else chosen.push(candidate);
      }
    }
    for (const listIndex of chosen) positions.push({ listNumber, listIndex });
    [listNumber, used] = [listNumber + 1, 0];
  }
  return positions;
}

/**
 * A certificate's position, given to it now if it has none: certificates issued before status
 * lists existed get theirs on the first request for their credential.
 */
export async function statusPositionOf(db: AsliDatabase, certificateId: string): Promise<StatusPosition> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const entry = await findStatusEntry(db, certificateId);
    if (entry) return { listNumber: entry.listNumber, listIndex: entry.listIndex };
    const [position] = await allocateStatusPositions(db, 1);
    try {
      await insertMissingStatusEntryQuery(db, certificateId, position!);
    } catch (error) {
      if (!isStatusPositionTaken(error)) throw error;
    }
  }
  throw new ApiError(503, "status-list-busy", "Try again", "the status lists are being updated; try again shortly");
}

export interface StatusListContent {
  purpose: StatusPurpose;
  listNumber: number;
  /** The set positions, ascending. */
  positions: number[];
  encodedList: string;
  /** Grows by one each time the content changes. */
  sequence: number;
  /** When this content was first published (unix seconds): the list credential's validFrom. */
  since: number;
}

/** The list as the registry stands now; undefined for a list number that does not exist (yet). */
export async function currentStatusList(db: AsliDatabase, purpose: StatusPurpose, listNumber: number, now: Date): Promise<StatusListContent | undefined> {
  if (listNumber > (await highestStatusListNumber(db))) return undefined;
  const positions = (await setStatusPositions(db, purpose, listNumber)).sort((a, b) => a - b);
  const contentHash = toHex(await sha256(utf8(`${purpose}\n${listNumber}\n${positions.join(",")}`)));
  const version = await versionFor(db, purpose, listNumber, contentHash, unixSeconds(now));
  return { purpose, listNumber, positions, encodedList: await encodeStatusList(positions), ...version };
}

async function versionFor(db: AsliDatabase, purpose: StatusPurpose, listNumber: number, contentHash: string, now: number): Promise<{ sequence: number; since: number }> {
  // As for the trust bundle: two instances may see new content at once; the primary key lets
  // one claim the number, and the other reads it back on its next try.
  for (let attempt = 0; attempt < 3; attempt++) {
    const latest = await latestStatusListVersion(db, purpose, listNumber);
    if (latest?.contentHash === contentHash) return { sequence: latest.sequence, since: latest.createdAt };
    const sequence = (latest?.sequence ?? 0) + 1;
    if (await insertStatusListVersion(db, { purpose, listNumber, sequence, contentHash, createdAt: now })) return { sequence, since: now };
  }
  throw new ApiError(503, "status-list-busy", "Try again", "the status lists are being updated; try again shortly");
}
