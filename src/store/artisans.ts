import { and, asc, eq, gt, isNull, type SQL } from "drizzle-orm";
import { containsText, type AsliDatabase } from "./database.js";
import { artisans } from "../../db/schema.js";

export type Artisan = typeof artisans.$inferSelect;
export type NewArtisan = Omit<typeof artisans.$inferInsert, "id">;
export type ArtisanStatus = Artisan["status"];

export function insertArtisanQuery(db: AsliDatabase, artisan: NewArtisan) {
  return db.insert(artisans).values(artisan).returning();
}

/**
 * Writes `changes` only if every changed column still holds the value in `read` (the record the
 * request read): a compare-and-set, so that of two concurrent changes to one field one wins and
 * the other changes nothing. Returns the row as written, or no row.
 */
export function updateArtisanQuery(db: AsliDatabase, read: Artisan, changes: Partial<NewArtisan>, updatedAt: number) {
  const unchanged = Object.keys(changes).map((key) => {
    const column = artisans[key as keyof NewArtisan];
    const value = read[key as keyof NewArtisan];
    return value === null ? isNull(column) : eq(column, value);
  });
  return db
    .update(artisans)
    .set({ ...changes, updatedAt })
    .where(and(eq(artisans.id, read.id), ...unchanged))
    .returning();
}

export async function findArtisan(db: AsliDatabase, id: number): Promise<Artisan | undefined> {
  return db.query.artisans.findFirst({ where: eq(artisans.id, id) });
}

export async function findArtisanByGstin(db: AsliDatabase, gstin: string): Promise<Artisan | undefined> {
  return db.query.artisans.findFirst({ where: eq(artisans.gstin, gstin) });
}

export interface ArtisanFilter {
  id?: number;
  districtCode?: number;
  giTagId?: number;
  status?: ArtisanStatus;
  nameContains?: string;
  afterId?: number;
  limit: number;
}

export async function listArtisans(db: AsliDatabase, filter: ArtisanFilter): Promise<Artisan[]> {
  const conditions: SQL[] = [];
  if (filter.id !== undefined) conditions.push(eq(artisans.id, filter.id));
  if (filter.districtCode !== undefined) conditions.push(eq(artisans.districtCode, filter.districtCode));
  if (filter.giTagId !== undefined) conditions.push(eq(artisans.giTagId, filter.giTagId));
  if (filter.status !== undefined) conditions.push(eq(artisans.status, filter.status));
  if (filter.nameContains) conditions.push(containsText(artisans.name, filter.nameContains));
  if (filter.afterId !== undefined) conditions.push(gt(artisans.id, filter.afterId));
  return db
    .select()
    .from(artisans)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(artisans.id))
    .limit(filter.limit);
}
