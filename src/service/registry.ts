// The state ODOP cell keeps the reference data current: new GI registrations, application
// numbers as they are verified, districts added to a GI's area, new ODOP products, and the
// story of each craft that the verify page tells buyers. Ids are printed in tokens, so nothing
// here renames, renumbers or removes.
import { and, eq, isNull, sql } from "drizzle-orm";
import * as z from "zod";
import { text } from "./text.js";
import { giTagDistricts, giTags, products } from "../../db/schema.js";
import { ApiError, notFound, stateChanged, unprocessable } from "../core/errors.js";
import { auditInsert, auditInsertIf } from "../store/audit.js";
import { insertIf, isUniqueViolation, ROW_CHANGED, type AsliDatabase } from "../store/database.js";
import { findDistrict, findGiTag, findProduct, type GiTag, type Product } from "../store/registry.js";
import { PUBLIC_LANGUAGES, type Language } from "../pages/i18n/languages.js";
import type { Principal } from "./access.js";

const applicationNumber = z.string().trim().regex(/^[0-9]{1,6}$/, "a GI Registry application number, digits only");

export const giTagInput = z
  .object({
    name: text(160),
    category: z.enum(["Handicraft", "Handloom", "Agricultural", "Food", "Manufactured"]),
    applicationNumber: applicationNumber.optional(),
    districtCodes: z.array(z.number().int().positive().max(0xffff)).min(1).max(75),
  })
  .strict();

/**
 * A change to a craft's story, by language of the public pages: one to three factual sentences
 * (at most 600 characters) replace that language's text; null removes it. Languages not named
 * keep their text (a JSON merge patch, RFC 7396).
 */
export const craftStoryChange = z
  .partialRecord(z.enum(PUBLIC_LANGUAGES as [Language, ...Language[]]), text(600).nullable())
  .refine((story) => Object.keys(story).length > 0, { message: "name at least one language" })
  .describe("story text by language code (en, hi, ur, ar, fr, de, es, ja, zh); null removes a language");

export const giTagChanges = z
  .object({
    applicationNumber: applicationNumber.optional(),
    addDistrictCodes: z.array(z.number().int().positive().max(0xffff)).min(1).max(75).optional(),
    story: craftStoryChange.optional(),
  })
  .strict()
  .refine((c) => c.applicationNumber !== undefined || c.addDistrictCodes !== undefined || c.story !== undefined, { message: "change at least one field" });

export const productChanges = z.object({ story: craftStoryChange }).strict();

/** Applies a story change in the UPDATE itself, so that two editors of different languages cannot undo each other. */
const mergedStory = (column: typeof giTags.story | typeof products.story, change: Record<string, string | null>) => sql`json_patch(${column}, ${JSON.stringify(change)})`;

export const productInput = z.object({ name: text(120) }).strict();

async function checkDistricts(db: AsliDatabase, codes: number[]): Promise<void> {
  for (const code of new Set(codes)) {
    if (!(await findDistrict(db, code))) throw unprocessable("unknown-district", `no district has LGD code ${code}`);
  }
}

export async function addGiTag(db: AsliDatabase, actor: Principal, input: z.output<typeof giTagInput>, now: Date): Promise<GiTag> {
  await checkDistricts(db, input.districtCodes);
  const codes = [...new Set(input.districtCodes)];
  try {
    await db.batch([
      db.insert(giTags).values({ name: input.name, category: input.category, applicationNumber: input.applicationNumber ?? null }),
      ...codes.map((districtCode) => db.insert(giTagDistricts).values({ giTagId: sql`(select id from gi_tags where name = ${input.name})`, districtCode })),
      auditInsert(db, actor, now, { action: "gi-tag.add", subjectType: "gi-tag", subjectId: sql`(select id from gi_tags where name = ${input.name})`, after: { ...input, districtCodes: codes } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error, "gi_tags.name")) throw new ApiError(409, "duplicate-gi-tag", "Conflict", "a GI tag of this name exists");
    throw error;
  }
  const [row] = await db.select({ id: giTags.id }).from(giTags).where(eq(giTags.name, input.name));
  return (await findGiTag(db, row!.id))!;
}

/**
 * Conditional on the tag as read: the application number is written only while it still holds
 * what the request read (so it is recorded once, by one of any concurrent requests), the new
 * districts and the audit entry only if that write happened; a district that a concurrent
 * request added first fails its primary key. Either way the loser writes nothing and gets 409.
 */
export async function changeGiTag(db: AsliDatabase, actor: Principal, id: number, input: z.output<typeof giTagChanges>, now: Date): Promise<GiTag> {
  const tag = await findGiTag(db, id);
  if (!tag) throw notFound("this GI tag");
  const added = [...new Set(input.addDistrictCodes ?? [])].filter((c) => !tag.districtCodes.includes(c));
  await checkDistricts(db, added);
  const notYetRecorded = (current: GiTag) => {
    if (input.applicationNumber !== undefined && current.applicationNumber !== null) {
      throw new ApiError(409, "application-number-set", "Conflict", "this GI tag's application number is already recorded; it is not changed through the API");
    }
  };
  notYetRecorded(tag);
  const applicationNumber = input.applicationNumber ?? tag.applicationNumber;
  // Nothing to change (the districts are in the area already): nothing to write or audit.
  if (applicationNumber === tag.applicationNumber && added.length === 0 && !input.story) return tag;
  let updated: { id: number }[];
  try {
    [updated] = await db.batch([
      db
        .update(giTags)
        // A story is a merge patch by language in this one statement: concurrent edits of two
        // languages both land.
        .set({ applicationNumber, ...(input.story ? { story: mergedStory(giTags.story, input.story) } : {}) })
        .where(and(eq(giTags.id, id), tag.applicationNumber === null ? isNull(giTags.applicationNumber) : eq(giTags.applicationNumber, tag.applicationNumber)))
        .returning({ id: giTags.id }),
      ...added.map((districtCode) => insertIf(db, giTagDistricts, { giTagId: id, districtCode }, ROW_CHANGED)),
      auditInsertIf(db, actor, now, {
        action: "gi-tag.change",
        subjectType: "gi-tag",
        subjectId: id,
        before: { applicationNumber: tag.applicationNumber, districtCodes: tag.districtCodes, ...(input.story ? { story: tag.story } : {}) },
        after: { applicationNumber, addedDistrictCodes: added, ...(input.story ? { story: input.story } : {}) },
      }),
    ]);
  } catch (error) {
    if (!isUniqueViolation(error, "gi_tag_districts.district_code")) throw error;
    updated = [];
  }
  if (updated.length === 0) {
    const current = await findGiTag(db, id);
    if (current) notYetRecorded(current);
    throw stateChanged();
  }
  return (await findGiTag(db, id))!;
}

export async function changeProduct(db: AsliDatabase, actor: Principal, id: number, input: z.output<typeof productChanges>, now: Date): Promise<Product> {
  const product = await findProduct(db, id);
  if (!product) throw notFound("this product");
  await db.batch([
    db.update(products).set({ story: mergedStory(products.story, input.story) }).where(eq(products.id, id)),
    auditInsert(db, actor, now, { action: "product.change", subjectType: "product", subjectId: id, before: { story: product.story }, after: { story: input.story } }),
  ]);
  return (await findProduct(db, id))!;
}

export async function addProduct(db: AsliDatabase, actor: Principal, districtCode: number, input: z.output<typeof productInput>, now: Date) {
  const district = await findDistrict(db, districtCode);
  if (!district) throw notFound("this district");
  try {
    const [[product]] = await db.batch([
      db.insert(products).values({ districtCode, name: input.name }).returning(),
      auditInsert(db, actor, now, { action: "product.add", subjectType: "product", subjectId: sql`last_insert_rowid()`, after: { districtCode, name: input.name } }),
    ]);
    return product!;
  } catch (error) {
    if (isUniqueViolation(error, "products.district_code")) throw new ApiError(409, "duplicate-product", "Conflict", `${district.name} already has this ODOP product`);
    throw error;
  }
}
