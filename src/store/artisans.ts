import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { containsText, type AsliDatabase } from "./database.js";
import { artisans } from "../../db/schema.js";

export type Artisan = typeof artisans.$inferSelect;
export type NewArtisan = Omit<typeof artisans.$inferInsert, "id">;
export type ArtisanStatus = Artisan["status"];

export function insertArtisanQuery(db: AsliDatabase, artisan: NewArtisan) {
  return db.insert(artisans).values(artisan).returning();
}

export function updateArtisanQuery(db: AsliDatabase, id: number, changes: Partial<NewArtisan>) {
  return db.update(artisans).set(changes).where(eq(artisans.id, id)).returning();
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
