// What the trust bundle is made of, read in one batch so that it is one consistent snapshot,
// and the bundle's content versions.
import { asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { artisans, certificateRevocations, certificates, districts, giTags, products, signingKeys, trustBundleVersions } from "../../db/schema.js";

export async function readBundleData(db: AsliDatabase) {
  // Only artisans that some certificate names: their ids are the ones tokens carry, and an
  // artisan who has never certified an item is not published.
  const certified = db.selectDistinct({ id: certificates.artisanId }).from(certificates);
  const [keyRows, districtRows, productRows, giRows, artisanRows, suspendedRows, withdrawnRows, revokedRows, capacityRows] = await db.batch([
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
  return { keyRows, districtRows, productRows, giRows, artisanRows, suspendedRows, withdrawnRows, revokedRows, capacityRows };
}

export async function latestBundleVersion(db: AsliDatabase) {
  const [row] = await db.select().from(trustBundleVersions).orderBy(desc(trustBundleVersions.sequence)).limit(1);
  return row;
}

/** Claims a sequence number for new content; false when another writer took it first. */
export async function insertBundleVersion(db: AsliDatabase, version: typeof trustBundleVersions.$inferInsert): Promise<boolean> {
  const rows = await db.insert(trustBundleVersions).values(version).onConflictDoNothing().returning();
  return rows.length === 1;
}
