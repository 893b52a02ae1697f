// Registering an artisan: identity, district, ODOP product or craft, GI authorisation, GST.
import { z } from "zod";
import { ApiError, unprocessable } from "../core/errors.js";
import { isValidGstin, isValidUdyam } from "../core/identifiers.js";
import { findArtisanByGstin, insertArtisan, type Artisan } from "../store/artisans.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import { findDistrict, findGiTag, findProduct } from "../store/registry.js";

const text = (max: number) => z.string().trim().min(1).max(max);
const upper = (max: number) => text(max).transform((s) => s.toUpperCase());

export const artisanInput = z
  .object({
    name: text(120),
    districtCode: z.number().int().positive().max(0xffff),
    productId: z.number().int().positive().max(0xffff).optional(),
    craft: text(120).optional(),
    giTagId: z.number().int().positive().max(0xffff).optional(),
    giAuthorisedUserNumber: text(64).regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, "letters, digits, space, . / -").optional(),
    gstin: upper(15).optional(),
    udyam: upper(19).optional(),
    seller: z.object({ name: text(160), gstin: upper(15) }).strict().optional(),
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

export type ArtisanInput = z.output<typeof artisanInput>;

export async function registerArtisan(db: AsliDatabase, input: ArtisanInput, now: Date): Promise<Artisan> {
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
  if (input.seller && !isValidGstin(input.seller.gstin)) {
    throw unprocessable("invalid-seller-gstin", "the seller's GSTIN format or check character is wrong");
  }
  if (input.udyam !== undefined && !isValidUdyam(input.udyam)) {
    throw unprocessable("invalid-udyam", "a Udyam number looks like UDYAM-UP-00-0000000");
  }

  try {
    return await insertArtisan(db, {
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
      createdAt: Math.floor(now.getTime() / 1000),
    });
  } catch (error) {
    if (isUniqueViolation(error, "artisans.gstin")) throw duplicateGstin();
    if (isUniqueViolation(error, "artisans.gi_authorised_user_number")) {
      throw new ApiError(409, "duplicate-gi-authorised-user", "Conflict", "this GI authorised-user number is already registered for this GI tag");
    }
    throw error;
  }
}

function duplicateGstin(): ApiError {
  return new ApiError(409, "duplicate-gstin", "Conflict", "an artisan with this GSTIN is already registered");
}
