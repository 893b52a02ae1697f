// Batches: bulk lookups for validating thousands of rows without a query per row, and the
// statements that write a batch, which the service runs in one db.batch with its audit entry.
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { utf8ByteLength } from "../core/bytes.js";
import type { AsliDatabase } from "./database.js";
import type { Artisan } from "./artisans.js";
import type { NewCertificate } from "./certificates.js";
import { artisans, batches, certificates, districts, giTags, products } from "../../db/schema.js";

export type Batch = typeof batches.$inferSelect;
export type NewBatch = typeof batches.$inferInsert;

/** D1 binds at most 100 parameters per statement; every multi-row statement stays under it. */
export const MAX_BOUND_PARAMETERS = 100;

export async function findBatch(db: AsliDatabase, id: string): Promise<Batch | undefined> {
  return db.query.batches.findFirst({ where: eq(batches.id, id) });
}

export async function findBatchByIdempotencyKey(db: AsliDatabase, key: string): Promise<Batch | undefined> {
  return db.query.batches.findFirst({ where: eq(batches.idempotencyKey, key) });
}

export async function findArtisansByIds(db: AsliDatabase, ids: readonly number[]): Promise<Map<number, Artisan>> {
  const found = new Map<number, Artisan>();
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += MAX_BOUND_PARAMETERS) chunks.push(ids.slice(i, i + MAX_BOUND_PARAMETERS));
  if (chunks.length === 0) return found;
  const queries = chunks.map((chunk) => db.select().from(artisans).where(inArray(artisans.id, chunk)));
  const results = await db.batch(queries as [(typeof queries)[number], ...(typeof queries)[number][]]);
  for (const rows of results) for (const a of rows) found.set(a.id, a);
  return found;
}

/**
 * Certificates travel to the database as one JSON parameter per statement, read back with
 * json_each: D1 binds at most 100 parameters per statement, which would mean a statement per
 * 7 rows (1,430 for a full batch, and about three times slower here) with a parameter each.
 * A statement takes at most 1,000 rows and at most 1 MB of JSON, well under D1's 2 MB limit
 * for a value even when every title and material is as long as allowed and in Devanagari.
 */
export const CERTIFICATES_PER_STATEMENT = 1000;
export const MAX_STATEMENT_JSON_BYTES = 1_000_000;

/**
 * Consecutive groups of encoded rows, each within both limits above. A row's size is counted as
 * at most 3 bytes per UTF-16 unit, and exactly (a pass over its characters, about 40 ms for
 * 10,000 rows) only where that bound would not fit: the sum stays at least the real size.
 */
export function statementChunks(encodedRows: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let bytes = 2;
  for (const row of encodedRows) {
    let size = 3 * row.length + 1;
    if (bytes + size > MAX_STATEMENT_JSON_BYTES) size = utf8ByteLength(row) + 1;
    if (chunk.length > 0 && (chunk.length >= CERTIFICATES_PER_STATEMENT || bytes + size > MAX_STATEMENT_JSON_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 2;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** What every certificate of a batch shares: not repeated in each encoded row, bound once a statement. */
export type BatchCertificateConstants = Pick<NewCertificate, "issuedAt" | "kid"> & { batchId: string };

/**
 * One certificate as the JSON array insertBatchStatements reads: the columns that differ from
 * row to row, in the order of its INSERT (the batch's constants are bound once a statement).
 * Separate so that the service can encode each row as soon as it is signed, while the other
 * signatures are still being computed.
 */
export function encodeCertificateRow(c: NewCertificate): string {
  // One JSON.stringify of the row's array: the same text as writing each value by hand (integers
  // as numbers, null for a missing value, strings JSON-escaped), in a quarter of the time for
  // 10,000 rows, and one flat string a row to keep rather than a rope of some twenty pieces.
  return JSON.stringify([c.id, c.artisanId, c.districtCode, c.productId, c.giTagId, c.title, JSON.stringify(c.materials ?? []), c.madeOn, c.token, c.batchRow]);
}

/** The statements that write a batch and its certificates (encoded rows); the caller runs them in one db.batch. */
export function insertBatchStatements(db: AsliDatabase, batch: NewBatch, shared: BatchCertificateConstants, encodedRows: readonly string[]): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [db.insert(batches).values(batch)];
  // Integers as SQL literals (they are ours, not input): a bound JavaScript number may arrive as
  // a REAL, and the stored value must be the INTEGER that single issuance stores.
  if (!Number.isSafeInteger(shared.issuedAt)) throw new RangeError("issuedAt is a whole number of seconds");
  const issuedAt = sql.raw(String(shared.issuedAt));
  for (const chunk of statementChunks(encodedRows)) {
    const json = `[${chunk.join(",")}]`;
    // The select list is every column of `certificates` in schema order, which is the column
    // list drizzle writes for insert…select; test/api/batches.test.ts compares every stored
    // column, value and type, with what single issuance stores. Three of the 13 are the same
    // for every row: bound once, not extracted from each row's JSON (json_each and ->> were
    // most of this statement's cost).
    // In id order: the random serials then reach the primary key's and (issued_at, id)'s B-trees
    // in order, at their right-hand edge, rather than at random pages (readers order by batch_row).
    // Not db.run(sql`INSERT …`): drizzle's D1 driver cannot batch a raw statement with
    // parameters (TypeError), which the workers run of test/api/batches.test.ts catches.
    statements.push(
      db.insert(certificates).select(sql`SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, ${issuedAt}, ${shared.kid}, value->>8, ${shared.batchId}, value->>9
        FROM json_each(${json}) ORDER BY value->>0`),
    );
  }
  return statements;
}

/** The certificates of a batch in input order, with only what a tag prints and who may read it (a sheet holds 10,000). */
export async function listBatchTagSources(db: AsliDatabase, batchId: string) {
  return db
    .select({
      certificate: {
        id: certificates.id,
        token: certificates.token,
        artisanId: certificates.artisanId,
        districtCode: certificates.districtCode,
        giTagId: certificates.giTagId,
      },
      artisan: { craft: artisans.craft },
      district: { name: districts.name },
      product: { name: products.name },
      giTag: { name: giTags.name },
    })
    .from(certificates)
    .innerJoin(artisans, eq(artisans.id, certificates.artisanId))
    .innerJoin(districts, eq(districts.code, certificates.districtCode))
    .leftJoin(products, eq(products.id, certificates.productId))
    .leftJoin(giTags, eq(giTags.id, certificates.giTagId))
    .where(eq(certificates.batchId, batchId))
    .orderBy(asc(certificates.batchRow));
}

/** The certificates of a batch in input order: what the batch answer lists, and the scope facts. */
export async function listBatchCertificates(db: AsliDatabase, batchId: string) {
  return db
    .select({
      id: certificates.id,
      token: certificates.token,
      row: certificates.batchRow,
      artisanId: certificates.artisanId,
      districtCode: certificates.districtCode,
      giTagId: certificates.giTagId,
    })
    .from(certificates)
    .where(eq(certificates.batchId, batchId))
    .orderBy(asc(certificates.batchRow));
}
