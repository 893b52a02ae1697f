import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { containsText } from "./artisans.js";
import type { AsliDatabase } from "./database.js";
import { artisans, certificates, districts, giTags, products } from "../../db/schema.js";

export type Certificate = typeof certificates.$inferSelect;
export type NewCertificate = typeof certificates.$inferInsert;

export function insertCertificateQuery(db: AsliDatabase, certificate: NewCertificate) {
  return db.insert(certificates).values(certificate).returning();
}

/** A certificate with every name a verdict shows, in one query: the verify hot path. */
export interface CertificateRecord {
  certificate: Certificate;
  artisan: { id: number; name: string; craft: string | null; sellerName: string | null };
  district: { code: number; name: string; division: string };
  product: { id: number; name: string } | null;
  giTag: { id: number; name: string; applicationNumber: string | null } | null;
}


// Prepared once per database: building this five-table select costs drizzle about 0.3 ms of
// CPU per call on this machine, more than the Ed25519 check it follows (`npm run bench`).
function certificateRecordQuery(db: AsliDatabase) {
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
    .where(eq(certificates.id, sql.placeholder("id")))
    .limit(1)
    .prepare();
}

const certificateRecordQueries = new WeakMap<AsliDatabase, ReturnType<typeof certificateRecordQuery>>();

export async function findCertificateRecord(db: AsliDatabase, id: string): Promise<CertificateRecord | undefined> {
  let query = certificateRecordQueries.get(db);
  if (!query) {
    query = certificateRecordQuery(db);
    certificateRecordQueries.set(db, query);
  }
  const [row] = await query.all({ id });
  return row;
}

export interface CertificateFilter {
  districtCode?: number;
  giTagId?: number;
  artisanId?: number;
  titleContains?: string;
  /** Newest first; the cursor is the (issuedAt, id) of the last row of the previous page. */
  before?: { issuedAt: number; id: string };
  limit: number;
}

export async function listCertificates(db: AsliDatabase, filter: CertificateFilter): Promise<Certificate[]> {
  const conditions: SQL[] = [];
  if (filter.districtCode !== undefined) conditions.push(eq(certificates.districtCode, filter.districtCode));
  if (filter.giTagId !== undefined) conditions.push(eq(certificates.giTagId, filter.giTagId));
  if (filter.artisanId !== undefined) conditions.push(eq(certificates.artisanId, filter.artisanId));
  if (filter.titleContains) conditions.push(containsText(certificates.title, filter.titleContains));
  if (filter.before) {
    const { issuedAt, id } = filter.before;
    conditions.push(or(lt(certificates.issuedAt, issuedAt), and(eq(certificates.issuedAt, issuedAt), lt(certificates.id, id)))!);
  }
  return db
    .select()
    .from(certificates)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(certificates.issuedAt), desc(certificates.id))
    .limit(filter.limit);
}
