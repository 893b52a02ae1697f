import { eq } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { artisans } from "../../db/schema.js";

export type Artisan = typeof artisans.$inferSelect;
export type NewArtisan = Omit<typeof artisans.$inferInsert, "id">;

export async function insertArtisan(db: AsliDatabase, artisan: NewArtisan): Promise<Artisan> {
  const [row] = await db.insert(artisans).values(artisan).returning();
  return row!;
}

export async function findArtisan(db: AsliDatabase, id: number): Promise<Artisan | undefined> {
  return db.query.artisans.findFirst({ where: eq(artisans.id, id) });
}

export async function findArtisanByGstin(db: AsliDatabase, gstin: string): Promise<Artisan | undefined> {
  return db.query.artisans.findFirst({ where: eq(artisans.gstin, gstin) });
}
