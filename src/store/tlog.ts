// The transparency log's tables: entries (appended in the certificate's own batch, the index
// allocated inside that batch), tiles and checkpoints (written together by integration, one
// chain of checkpoints guarded by a unique column), and witness cosignatures.
import { and, asc, desc, eq, gt, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AsliDatabase } from "./database.js";
import { certificates, logCheckpoints, logCosignatures, logEntries, logTiles } from "../../db/schema.js";

export type LogCheckpoint = typeof logCheckpoints.$inferSelect;
export type LogTile = typeof logTiles.$inferSelect;

/**
 * Appends one certificate: its index is the next one, computed in the same statement, so that
 * inside the certificate's transaction no other writer can take it (SQLite and D1 run one
 * write transaction at a time); the primary key refuses a duplicate should one ever try.
 */
export function appendCertificateQuery(db: AsliDatabase, certificateId: string): BatchItem<"sqlite"> {
  return db.insert(logEntries).select(sql`SELECT coalesce(max(${logEntries.idx}), -1) + 1, ${certificateId} FROM ${logEntries}`);
}

/**
 * Appends these certificates (a batch's, in its rows' order) after the last entry: one statement
 * for up to 10,000, their ids one JSON parameter (about 170 KB, under D1's 2 MB for a value) read
 * with json_each, whose key is the position in the array. Given the ids rather than reading the
 * certificates just inserted back by batch: that read cost about a third of the statement.
 */
export function appendEntriesQuery(db: AsliDatabase, certificateIds: readonly string[]): BatchItem<"sqlite"> {
  return db.insert(logEntries).select(
    sql`SELECT (SELECT coalesce(max(${logEntries.idx}), -1) + 1 FROM ${logEntries}) + key, value FROM json_each(${JSON.stringify(certificateIds)})`,
  );
}

/** How many entries the log holds, integrated or not. */
export async function logEntryCount(db: AsliDatabase): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${logEntries.idx}), -1) + 1` }).from(logEntries);
  return Number(row?.n ?? 0);
}

/** Entries read by one query: at most about 640 KB of text, under D1's 2 MB limit for a value. */
const ENTRIES_PER_READ = 4096;

/**
 * Entries from `from` on, in order, as the tokens they hold. Read as one concatenated string a
 * query (index:token,…): mapping 10,000 rows one by one cost libSQL and drizzle about four times
 * the CPU. Each item carries its index, so the order is checked, not assumed.
 */
export async function readLogEntries(db: AsliDatabase, from: number, limit: number): Promise<{ idx: number; token: string }[]> {
  const out: { idx: number; token: string }[] = [];
  for (let start = from; start < from + limit; start += ENTRIES_PER_READ) {
    const count = Math.min(ENTRIES_PER_READ, from + limit - start);
    const [row] = await db.all<{ entries: string | null }>(
      sql`SELECT group_concat(item, ',') AS entries FROM (
        SELECT ${logEntries.idx} || ':' || ${certificates.token} AS item FROM ${logEntries}
        JOIN ${certificates} ON ${certificates.id} = ${logEntries.certificateId}
        WHERE ${logEntries.idx} >= ${start} ORDER BY ${logEntries.idx} LIMIT ${count})`,
    );
    if (!row?.entries) break;
    const items = row.entries.split(",").map((item) => {
      const colon = item.indexOf(":");
      return { idx: Number(item.slice(0, colon)), token: item.slice(colon + 1) };
    });
    if (items.some((item, i) => i > 0 && item.idx <= items[i - 1]!.idx)) items.sort((a, b) => a.idx - b.idx);
    out.push(...items);
    if (items.length < count) break;
  }
  return out;
}

/** The certificates at these indices. */
export async function readEntryIds(db: AsliDatabase, indices: readonly number[]): Promise<Map<number, string>> {
  const rows = await db.select({ idx: logEntries.idx, id: logEntries.certificateId }).from(logEntries).where(inArray(logEntries.idx, [...indices]));
  return new Map(rows.map((r) => [r.idx, r.id]));
}

// The inclusion route's one query: the certificate's entry and the latest checkpoint together,
// prepared once per database (building a select costs drizzle more than running it).
function entryAndLatestQuery(db: AsliDatabase) {
  const latest = db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1).as("latest");
  return db
    .select({
      idx: logEntries.idx,
      token: certificates.token,
      size: latest.size,
      previousSize: latest.previousSize,
      rootHash: latest.rootHash,
      note: latest.note,
      createdAt: latest.createdAt,
      cosignatureCount: latest.cosignatureCount,
    })
    .from(logEntries)
    .innerJoin(certificates, eq(certificates.id, logEntries.certificateId))
    .leftJoin(latest, sql`1 = 1`)
    .where(eq(logEntries.certificateId, sql.placeholder("id")))
    .limit(1)
    .prepare();
}
const entryAndLatestQueries = new WeakMap<AsliDatabase, ReturnType<typeof entryAndLatestQuery>>();

/** A certificate's entry, with the latest checkpoint (undefined before the first); undefined when the certificate is not in the log. */
export async function findLogEntryWithLatest(db: AsliDatabase, certificateId: string): Promise<{ idx: number; token: string; latest: LogCheckpoint | undefined } | undefined> {
  let query = entryAndLatestQueries.get(db);
  if (!query) entryAndLatestQueries.set(db, (query = entryAndLatestQuery(db)));
  const [row] = await query.all({ id: certificateId });
  if (!row) return undefined;
  const { idx, token, size, previousSize, rootHash, note, createdAt, cosignatureCount } = row;
  const latest = size === null ? undefined : { size, previousSize: previousSize!, rootHash: rootHash!, note: note!, createdAt: createdAt!, cosignatureCount: cosignatureCount! };
  return { idx, token, latest };
}

export async function latestCheckpoint(db: AsliDatabase): Promise<LogCheckpoint | undefined> {
  const [row] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1);
  return row;
}

/** A checkpoint with its cosignature lines, in the order witnesses are named. */
export interface CosignedCheckpoint extends LogCheckpoint {
  cosignatures: string[];
}

async function withCosignatures(db: AsliDatabase, row: LogCheckpoint | undefined): Promise<CosignedCheckpoint | undefined> {
  if (!row) return undefined;
  const lines = row.cosignatureCount === 0 ? [] : await db.select({ line: logCosignatures.line }).from(logCosignatures).where(eq(logCosignatures.size, row.size)).orderBy(asc(logCosignatures.witness));
  return { ...row, cosignatures: lines.map((l) => l.line) };
}

export async function latestCosignedCheckpoint(db: AsliDatabase): Promise<CosignedCheckpoint | undefined> {
  return withCosignatures(db, await latestCheckpoint(db));
}

/**
 * The checkpoint to prove entry `index` against: the latest one that includes it and has at
 * least `quorum` cosignatures, else the latest that includes it. Scans back from the newest
 * along the primary key, which stops at the first checkpoint witnesses have caught up with.
 */
export async function checkpointIncluding(db: AsliDatabase, index: number, quorum: number, knownLatest?: LogCheckpoint): Promise<CosignedCheckpoint | undefined> {
  const latest = knownLatest ?? (await latestCheckpoint(db));
  if (!latest || latest.size <= index) return undefined;
  if (latest.cosignatureCount >= quorum) return withCosignatures(db, latest);
  const [cosigned] = await db
    .select()
    .from(logCheckpoints)
    .where(and(gt(logCheckpoints.size, index), gte(logCheckpoints.cosignatureCount, quorum)))
    .orderBy(desc(logCheckpoints.size))
    .limit(1);
  return withCosignatures(db, cosigned ?? latest);
}

/** Tiles by (level, index); absent ones are simply not returned. */
export async function readTiles(db: AsliDatabase, keys: readonly { level: number; index: number }[]): Promise<LogTile[]> {
  const out: LogTile[] = [];
  // D1 binds at most 100 parameters a statement: two per tile.
  for (let i = 0; i < keys.length; i += 40) {
    const chunk = keys.slice(i, i + 40);
    const match: SQL[] = chunk.map((k) => and(eq(logTiles.level, k.level), eq(logTiles.idx, k.index))!);
    out.push(...(await db.select().from(logTiles).where(or(...match))));
  }
  return out;
}

/**
 * Integration's writes, for one db.batch: the changed tiles and the new checkpoint. The
 * checkpoint names the size it extends, and that column is unique: of two integrations from
 * the same state, the second fails as a whole and writes nothing.
 */
export function integrationStatements(db: AsliDatabase, tiles: readonly LogTile[], checkpoint: typeof logCheckpoints.$inferInsert): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = tiles.map((t) =>
    db
      .insert(logTiles)
      .values(t)
      .onConflictDoUpdate({ target: [logTiles.level, logTiles.idx], set: { width: t.width, hashes: t.hashes } }),
  );
  statements.push(db.insert(logCheckpoints).values(checkpoint));
  return statements;
}

/** The largest checkpoint size this witness has cosigned (0 when none). */
export async function lastCosignedSize(db: AsliDatabase, witness: string): Promise<number> {
  const [row] = await db.select({ size: logCosignatures.size }).from(logCosignatures).where(eq(logCosignatures.witness, witness)).orderBy(desc(logCosignatures.size)).limit(1);
  return row?.size ?? 0;
}

/** Records a witness's cosignature of a checkpoint (once per witness) and recounts the checkpoint's cosignatures. */
export async function insertCosignature(db: AsliDatabase, cosignature: typeof logCosignatures.$inferInsert): Promise<void> {
  await db.batch([
    db.insert(logCosignatures).values(cosignature).onConflictDoNothing(),
    db
      .update(logCheckpoints)
      .set({ cosignatureCount: sql`(SELECT count(*) FROM ${logCosignatures} WHERE ${logCosignatures.size} = ${cosignature.size})` })
      .where(eq(logCheckpoints.size, cosignature.size)),
  ]);
}
