// The artisan registry: registration, edits, status (pending/active/suspended) and GI
// authorisation. Every change is written together with its audit entry in one batch.
import { sql } from "drizzle-orm";
import * as z from "zod";
import { safeString, text } from "./text.js";
import { ApiError, notFound, stateChanged, unprocessable } from "../core/errors.js";
import { isValidGstin, isValidUdyam } from "../core/identifiers.js";
import { findArtisan, findArtisanByGstin, insertArtisanQuery, updateArtisanQuery, type Artisan, type NewArtisan } from "../store/artisans.js";
import { auditInsert, auditInsertIf } from "../store/audit.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import { findDistrict, findGiTag, findProduct } from "../store/registry.js";
import { assertCanManageArtisan, assertCanManageGi, type Principal } from "./access.js";
import { unixSeconds } from "../core/time.js";
import { mediaKeyOf, PHOTO_LIMITS, storeImage, type ImageStorage } from "./media.js";

const upper = (max: number) => text(max).transform((s) => s.toUpperCase());
const httpsUrl = safeString().pipe(z.url({ protocol: /^https$/ }).max(500));
/** BCP 47 language tags such as hi, ur, en, bho, awa. */
const languages = z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag such as hi or ur")).max(10);
const seller = z.object({ name: text(160), gstin: upper(15) }).strict();
/** Items the artisan can make in a calendar month: transparency monitors flag a month with more certificates. */
const monthlyCapacity = z.number().int().min(1).max(1_000_000);

export const artisanInput = z
  .object({
    name: text(120),
    districtCode: z.number().int().positive().max(0xffff),
    productId: z.number().int().positive().max(0xffff).optional(),
    craft: text(120).optional(),
    giTagId: z.number().int().positive().max(0xffff).optional(),
    giAuthorisedUserNumber: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, "letters, digits, space, . / -").optional(),
    gstin: upper(15).optional(),
    udyam: upper(19).optional(),
    seller: seller.optional(),
    photoUrl: httpsUrl.optional(),
    languages: languages.optional(),
    status: z.enum(["pending", "active"]).default("active"),
    maySelfIssue: z.boolean().default(false),
    monthlyCapacity: monthlyCapacity.optional(),
  })
  .strict()
  .refine((a) => a.productId !== undefined || a.craft !== undefined, {
    message: "give productId (an ODOP product of the district) or craft",
    path: ["productId"],
  })
  .refine((a) => (a.giTagId === undefined) === (a.giAuthorisedUserNumber === undefined), {
    message: "giTagId and giAuthorisedUserNumber go together",
    path: ["giAuthorisedUserNumber"],
  });

/** What may change after registration. District, GI tag and identity numbers are fixed: re-register instead. */
export const artisanChanges = z
  .object({
    name: text(120).optional(),
    craft: text(120).nullable().optional(),
    udyam: upper(19).nullable().optional(),
    seller: seller.nullable().optional(),
    photoUrl: httpsUrl.nullable().optional(),
    languages: languages.optional(),
    maySelfIssue: z.boolean().optional(),
    monthlyCapacity: monthlyCapacity.nullable().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: "change at least one field" });

export const statusChange = z
  .object({ status: z.enum(["active", "suspended"]), reason: text(500) })
  .strict();

export const giAuthorisationChange = z
  .object({ action: z.enum(["confirm", "withdraw"]), reason: text(500) })
  .strict();

export type ArtisanInput = z.output<typeof artisanInput>;


export async function registerArtisan(db: AsliDatabase, actor: Principal, input: ArtisanInput, now: Date): Promise<Artisan> {
  assertCanManageArtisan(actor, input);
  const district = await findDistrict(db, input.districtCode);
  if (!district) throw unprocessable("unknown-district", `no district has LGD code ${input.districtCode}`);

  if (input.productId !== undefined) {
    const product = await findProduct(db, input.productId);
    if (!product) throw unprocessable("unknown-product", `no ODOP product has id ${input.productId}`);
    if (product.districtCode !== district.code) {
      throw unprocessable("product-outside-district", `${product.name} is not an ODOP product of ${district.name}`);
    }
  }

  if (input.giTagId !== undefined) {
    const giTag = await findGiTag(db, input.giTagId);
    if (!giTag) throw unprocessable("unknown-gi-tag", `no GI tag has id ${input.giTagId}`);
    if (!giTag.districtCodes.includes(district.code)) {
      throw unprocessable("gi-region-mismatch", `the GI tag ${giTag.name} is not registered for ${district.name}`);
    }
  }

  if (input.gstin !== undefined) {
    if (!isValidGstin(input.gstin)) throw unprocessable("invalid-gstin", "the GSTIN's format or check character is wrong");
    if (input.seller) throw unprocessable("seller-with-gstin", "an artisan with a GSTIN sells on their own registration");
    if (await findArtisanByGstin(db, input.gstin)) throw duplicateGstin();
  }
  checkSellerAndUdyam(input);

  const values: NewArtisan = {
    name: input.name,
    districtCode: district.code,
    productId: input.productId ?? null,
    craft: input.craft ?? null,
    giTagId: input.giTagId ?? null,
    giAuthorisedUserNumber: input.giAuthorisedUserNumber ?? null,
    gstin: input.gstin ?? null,
    udyam: input.udyam ?? null,
    sellerGstin: input.seller?.gstin ?? null,
    sellerName: input.seller?.name ?? null,
    photoUrl: input.photoUrl ?? null,
    languages: input.languages ?? [],
    status: input.status,
    maySelfIssue: input.maySelfIssue,
    monthlyCapacity: input.monthlyCapacity ?? null,
    createdAt: unixSeconds(now),
  };
  try {
    const [[artisan]] = await db.batch([
      insertArtisanQuery(db, values),
      auditInsert(db, actor, now, { action: "artisan.register", subjectType: "artisan", subjectId: sql`last_insert_rowid()`, after: values }),
    ]);
    return artisan!;
  } catch (error) {
    if (isUniqueViolation(error, "artisans.gstin")) throw duplicateGstin();
    if (isUniqueViolation(error, "artisans.gi_tag_id") || isUniqueViolation(error, "artisans.gi_authorised_user_number")) {
      throw new ApiError(409, "duplicate-gi-authorised-user", "Conflict", "this GI authorised-user number is already registered for this GI tag");
    }
    throw error;
  }
}

function checkSellerAndUdyam(input: { seller?: { gstin: string } | null; udyam?: string | null }): void {
  if (input.seller && !isValidGstin(input.seller.gstin)) {
    throw unprocessable("invalid-seller-gstin", "the seller's GSTIN format or check character is wrong");
  }
  if (input.udyam && !isValidUdyam(input.udyam)) {
    throw unprocessable("invalid-udyam", "a Udyam number looks like UDYAM-UP-00-0000000");
  }
}

function duplicateGstin(): ApiError {
  return new ApiError(409, "duplicate-gstin", "Conflict", "an artisan with this GSTIN is already registered");
}

async function existing(db: AsliDatabase, id: number): Promise<Artisan> {
  const artisan = await findArtisan(db, id);
  if (!artisan) throw notFound("this artisan");
  return artisan;
}

/**
 * Writes the changed fields and the audit entry (before and after of just those fields)
 * together, conditional on those fields still holding what the request read. When another
 * request changed them first, nothing is written: `precondition` is checked again against the
 * record as it now is (its refusal is the answer), else 409 state-changed.
 */
async function applyChanges(
  db: AsliDatabase,
  actor: Principal,
  now: Date,
  artisan: Artisan,
  action: string,
  changes: Partial<NewArtisan>,
  precondition: (current: Artisan) => void,
  reason?: string,
): Promise<Artisan> {
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, artisan[k as keyof Artisan]]));
  const after = reason === undefined ? changes : { ...changes, reason };
  const [[updated]] = await db.batch([
    updateArtisanQuery(db, artisan, changes, unixSeconds(now)),
    auditInsertIf(db, actor, now, { action, subjectType: "artisan", subjectId: artisan.id, before, after }),
  ]);
  if (updated) return updated;
  precondition(await existing(db, artisan.id));
  throw stateChanged();
}

export async function updateArtisan(db: AsliDatabase, actor: Principal, id: number, input: z.output<typeof artisanChanges>, now: Date): Promise<Artisan> {
  const artisan = await existing(db, id);
  assertCanManageArtisan(actor, artisan);
  if (input.seller && artisan.gstin) throw unprocessable("seller-with-gstin", "an artisan with a GSTIN sells on their own registration");
  if (input.craft === null && artisan.productId === null) throw unprocessable("craft-required", "an artisan without an ODOP product needs a craft");
  checkSellerAndUdyam(input);
  const { seller: sellerChange, ...rest } = input;
  const changes: Partial<NewArtisan> = { ...rest };
  if (sellerChange !== undefined) {
    changes.sellerName = sellerChange?.name ?? null;
    changes.sellerGstin = sellerChange?.gstin ?? null;
  }
  return applyChanges(db, actor, now, artisan, "artisan.update", changes, () => {});
}

export async function setArtisanStatus(db: AsliDatabase, actor: Principal, id: number, input: z.output<typeof statusChange>, now: Date): Promise<Artisan> {
  const artisan = await existing(db, id);
  assertCanManageArtisan(actor, artisan);
  const notAlready = (current: Artisan) => {
    if (current.status === input.status) throw new ApiError(409, "status-unchanged", "Conflict", `the artisan is already ${input.status}`);
  };
  notAlready(artisan);
  const action = input.status === "suspended" ? "artisan.suspend" : artisan.status === "pending" ? "artisan.activate" : "artisan.reinstate";
  return applyChanges(db, actor, now, artisan, action, { status: input.status }, notAlready, input.reason);
}

export async function changeGiAuthorisation(db: AsliDatabase, actor: Principal, id: number, input: z.output<typeof giAuthorisationChange>, now: Date): Promise<Artisan> {
  const artisan = await existing(db, id);
  assertCanManageGi(actor, artisan.giTagId);
  if (artisan.giTagId === null) throw unprocessable("no-gi-authorisation", "this artisan holds no GI authorisation");
  const withdraw = input.action === "withdraw";
  const notAlready = (current: Artisan) => {
    if ((current.giWithdrawnAt !== null) === withdraw) {
      throw new ApiError(409, "gi-authorisation-unchanged", "Conflict", `the artisan's GI authorisation is already ${withdraw ? "withdrawn" : "confirmed"}`);
    }
  };
  notAlready(artisan);
  const giWithdrawnAt = withdraw ? unixSeconds(now) : null;
  return applyChanges(db, actor, now, artisan, withdraw ? "artisan.gi.withdraw" : "artisan.gi.confirm", { giWithdrawnAt }, notAlready, input.reason);
}

/** An artisan's photo: shown at 72 px on the verify page, kept at most 800 px on its longer side. */
export const ARTISAN_PHOTO = { limits: PHOTO_LIMITS, maxSide: 800, quality: 82 };

/**
 * Re-encodes the upload (src/service/images.ts), stores it (src/service/media.ts) and makes it
 * the artisan's photoUrl, a same-origin path. The scope is checked before the file is even
 * decoded; a refused file stores nothing. The previous photo, if it was one of ours, is removed
 * once the new one is recorded; should the record not change (another request changed the
 * photo first), the new file is removed again.
 */
export async function setArtisanPhoto(db: AsliDatabase, storage: ImageStorage, actor: Principal, id: number, upload: Uint8Array, now: Date): Promise<Artisan> {
  const artisan = await existing(db, id);
  assertCanManageArtisan(actor, artisan);
  const stored = await storeImage(storage, "artisans", artisan.id, upload, ARTISAN_PHOTO);
  let updated: Artisan;
  try {
    updated = await applyChanges(db, actor, now, artisan, "artisan.photo", { photoUrl: stored.path }, () => {});
  } catch (error) {
    if (stored.path !== artisan.photoUrl) await storage.media!.delete(stored.key).catch(() => {});
    throw error;
  }
  await removeOwnMedia(storage, artisan.photoUrl, stored.path);
  return updated;
}

/** Clears the artisan's photo, and removes the file when it was one of ours. */
export async function removeArtisanPhoto(db: AsliDatabase, storage: ImageStorage, actor: Principal, id: number, now: Date): Promise<Artisan> {
  const artisan = await existing(db, id);
  assertCanManageArtisan(actor, artisan);
  if (artisan.photoUrl === null) return artisan;
  const updated = await applyChanges(db, actor, now, artisan, "artisan.photo", { photoUrl: null }, () => {});
  await removeOwnMedia(storage, artisan.photoUrl, null);
  return updated;
}

async function removeOwnMedia(storage: ImageStorage, previous: string | null, current: string | null): Promise<void> {
  const key = mediaKeyOf(previous);
  if (!key || previous === current || !storage.media) return;
  // The record no longer names it; a file left behind by a failure here is unreachable, not wrong.
  await storage.media.delete(key).catch((error: unknown) => console.error(`media: removing a replaced photo failed: ${error instanceof Error ? error.name : typeof error}`));
}
