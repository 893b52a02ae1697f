// Reference data: districts, ODOP products, GI tags and the districts each GI belongs to.
import { eq } from "drizzle-orm";
import type { AsliDatabase } from "./database.js";
import { districts, giTagDistricts, giTags, products } from "../../db/schema.js";

export type District = typeof districts.$inferSelect;
export type Product = typeof products.$inferSelect;
export type GiTag = typeof giTags.$inferSelect & { districtCodes: number[] };

export async function findDistrict(db: AsliDatabase, code: number): Promise<District | undefined> {
  return db.query.districts.findFirst({ where: eq(districts.code, code) });
}

export async function findProduct(db: AsliDatabase, id: number): Promise<Product | undefined> {
  return db.query.products.findFirst({ where: eq(products.id, id) });
}

export async function findGiTag(db: AsliDatabase, id: number): Promise<GiTag | undefined> {
  const [tag, regions] = await db.batch([
    db.select().from(giTags).where(eq(giTags.id, id)),
    db.select({ code: giTagDistricts.districtCode }).from(giTagDistricts).where(eq(giTagDistricts.giTagId, id)),
  ]);
  return tag[0] && { ...tag[0], districtCodes: regions.map((r) => r.code) };
}

export async function listDistricts(db: AsliDatabase): Promise<(District & { products: Omit<Product, "districtCode">[] })[]> {
  const [rows, productRows] = await db.batch([
    db.select().from(districts).orderBy(districts.name),
    db.select().from(products).orderBy(products.id),
  ]);
  return rows.map((d) => ({
    ...d,
    products: productRows.filter((p) => p.districtCode === d.code).map(({ id, name, story }) => ({ id, name, story })),
  }));
}

export async function listGiTags(db: AsliDatabase): Promise<GiTag[]> {
  const [tags, regions] = await db.batch([
    db.select().from(giTags).orderBy(giTags.id),
    db.select().from(giTagDistricts),
  ]);
  return tags.map((t) => ({ ...t, districtCodes: regions.filter((r) => r.giTagId === t.id).map((r) => r.districtCode) }));
}
