// Batches: bulk lookups for validating thousands of rows without a query per row, and the
// statements that write a batch, which the service runs in one db.batch with its audit entry.
import { asc, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AsliDatabase } from "./database.js";
import type { Artisan } from "./artisans.js";
import type { CertificateRecord, NewCertificate } from "./certificates.js";
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

/** The statements that write a batch and its certificates, multi-row inserts sized for D1. */
export function insertBatchStatements(db: AsliDatabase, batch: NewBatch, rows: readonly NewCertificate[]): BatchItem<"sqlite">[] {
  const columns = Object.keys(rows[0] ?? { id: "" }).length;
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columns));
  const statements: BatchItem<"sqlite">[] = [db.insert(batches).values(batch)];
  for (let i = 0; i < rows.length; i += perStatement) {
    statements.push(db.insert(certificates).values(rows.slice(i, i + perStatement) as NewCertificate[]));
  }
  return statements;
}

/** The certificates of a batch in input order, with the names a tag prints. */
export async function listBatchRecords(db: AsliDatabase, batchId: string): Promise<CertificateRecord[]> {
  return db
    .select({
      certificate: certificates,
      artisan: { id: artisans.id, name: artisans.name, craft: artisans.craft, sellerName: artisans.sellerName },
      district: { code: districts.code, name: districts.name, division: districts.division },
      product: { id: products.id, name: products.name },
      giTag: { id: giTags.id, name: giTags.name, applicationNumber: giTags.applicationNumber },
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
