// What the trust bundle is made of, read in one batch so that it is one consistent snapshot
// together with the generation it was read at; the bundle's content versions; and the stored
// signed bundle that every instance serves until the generation moves on.
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { artisans, certificateRevocations, certificates, districts, giTags, products, signingKeys, trustBundleCache, trustBundleVersions } from "../../db/schema.js";

/** The one row of trust_bundle_cache. */
const CACHE_ROW = 1;

export async function readBundleData(db: AsliDatabase) {
  // Only artisans that some certificate names: their ids are the ones tokens carry, and an
  // artisan who has never certified an item is not published.
  const certified = db.selectDistinct({ id: certificates.artisanId }).from(certificates);
  const [generationRows, keyRows, districtRows, productRows, giRows, artisanRows, suspendedRows, withdrawnRows, revokedRows, capacityRows] = await db.batch([
    db.select({ generation: trustBundleCache.generation }).from(trustBundleCache).where(eq(trustBundleCache.id, CACHE_ROW)),
    db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid)),
    db.select({ code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.code)),
    db.select({ id: products.id, districtCode: products.districtCode, name: products.name }).from(products).orderBy(asc(products.id)),
    db.select({ id: giTags.id, name: giTags.name, applicationNumber: giTags.applicationNumber }).from(giTags).orderBy(asc(giTags.id)),
    db
      .select({ id: artisans.id, name: artisans.name, sellerName: artisans.sellerName })
      .from(artisans)
      .where(inArray(artisans.id, certified))
      .orderBy(asc(artisans.id)),
    db.select({ id: artisans.id }).from(artisans).where(eq(artisans.status, "suspended")).orderBy(asc(artisans.id)),
    db
      .select({ id: artisans.id, at: artisans.giWithdrawnAt })
      .from(artisans)
      .where(sql`${isNotNull(artisans.giWithdrawnAt)} and ${inArray(artisans.id, certified)}`)
      .orderBy(asc(artisans.id)),
    db
      .select({ serial: certificateRevocations.certificateId, reason: certificateRevocations.reason, revokedAt: certificateRevocations.revokedAt })
      .from(certificateRevocations)
      .where(isNull(certificateRevocations.reinstatedAt))
      .orderBy(asc(certificateRevocations.certificateId)),
    db
      .select({ id: artisans.id, capacity: artisans.monthlyCapacity })
      .from(artisans)
      .where(sql`${isNotNull(artisans.monthlyCapacity)} and ${inArray(artisans.id, certified)}`)
      .orderBy(asc(artisans.id)),
  ]);
  // Null only for a database whose migrations left no cache row: then nothing is stored.
  const generation = generationRows[0]?.generation ?? null;
  return { generation, keyRows, districtRows, productRows, giRows, artisanRows, suspendedRows, withdrawnRows, revokedRows, capacityRows };
}

export async function latestBundleVersion(db: AsliDatabase) {
  const [row] = await db.select().from(trustBundleVersions).orderBy(desc(trustBundleVersions.sequence)).limit(1);
  return row;
}

/** Claims a sequence number for new content; false when another builder took it first. */
export async function insertBundleVersion(db: AsliDatabase, version: typeof trustBundleVersions.$inferInsert): Promise<boolean> {
  const rows = await db.insert(trustBundleVersions).values(version).onConflictDoNothing().returning();
  return rows.length === 1;
}

export type StoredBundle = Omit<typeof trustBundleCache.$inferSelect, "bundle">;

/** The stored bundle's description, without its bytes: read on every request for the bundle. */
export async function storedBundleState(db: AsliDatabase): Promise<StoredBundle | undefined> {
  const { bundle: _bytes, ...columns } = getTableColumns(trustBundleCache);
  const [row] = await db.select(columns).from(trustBundleCache).where(eq(trustBundleCache.id, CACHE_ROW));
  return row;
}

/** The stored bundle's bytes, base64url, provided it is still the build described by `sequence` and `issuedAt`. */
export async function storedBundleBytes(db: AsliDatabase, build: { sequence: number; issuedAt: number }): Promise<string | null> {
  const [row] = await db
    .select({ bundle: trustBundleCache.bundle })
    .from(trustBundleCache)
    .where(and(eq(trustBundleCache.id, CACHE_ROW), eq(trustBundleCache.sequence, build.sequence), eq(trustBundleCache.issuedAt, build.issuedAt)));
  return row?.bundle ?? null;
}

/**
 * Stores a freshly signed bundle, unless the registry changed since the snapshot it was built
 * from (the generation moved on): then it is already out of date and the next request builds anew.
 */
export interface BundleToStore {
  builtGeneration: number;
  sequence: number;
  contentHash: string;
  issuer: string;
  signerKid: string;
  issuedAt: number;
  /** base64url */
  bundle: string;
}

export async function storeBundle(db: AsliDatabase, built: BundleToStore): Promise<boolean> {
  const rows = await db
    .update(trustBundleCache)
    .set(built)
    .where(and(eq(trustBundleCache.id, CACHE_ROW), eq(trustBundleCache.generation, built.builtGeneration)))
    .returning({ id: trustBundleCache.id });
  return rows.length === 1;
}
