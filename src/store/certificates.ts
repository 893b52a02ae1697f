import { eq } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { artisans, certificates, districts, giTags, products } from "../../db/schema.js";

export type Certificate = typeof certificates.$inferSelect;
export type NewCertificate = typeof certificates.$inferInsert;

export async function insertCertificate(db: AsliDatabase, certificate: NewCertificate): Promise<Certificate> {
  const [row] = await db.insert(certificates).values(certificate).returning();
  return row!;
}

/** A certificate with every name a verdict shows, in one query: the verify hot path. */
export interface CertificateRecord {
  certificate: Certificate;
  artisan: { id: number; name: string; craft: string | null; sellerName: string | null };
  district: { code: number; name: string; division: string };
  product: { id: number; name: string } | null;
  giTag: { id: number; name: string; applicationNumber: string | null } | null;
}


export async function findCertificateRecord(db: AsliDatabase, id: string): Promise<CertificateRecord | undefined> {
  const [row] = await db
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
    .where(eq(certificates.id, id))
    .limit(1);
  return row;
}
