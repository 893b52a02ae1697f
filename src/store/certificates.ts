import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { containsText, type AsliDatabase } from "./database.js";
import { certificates } from "../../db/schema.js";

export type Certificate = typeof certificates.$inferSelect;
export type NewCertificate = typeof certificates.$inferInsert;

export function insertCertificateQuery(db: AsliDatabase, certificate: NewCertificate) {
  return db.insert(certificates).values(certificate).returning();
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
