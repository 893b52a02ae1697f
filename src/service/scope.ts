// The role and scope of a credential about to be made (an API token, a console invitation):
// checked against the registry the same way for both, so that "a district X needs
// districtCode" means one thing everywhere. Who may make which is decided by the caller.
import { asc, inArray } from "drizzle-orm";
import * as z from "zod";
import { artisans, districts, giTags } from "../../db/schema.js";
import { unprocessable } from "../core/errors.js";
import { findArtisan, type Artisan } from "../store/artisans.js";
import type { AsliDatabase } from "../store/database.js";
import { findDistrict, findGiTag } from "../store/registry.js";
import { ROLES, type PersonScope } from "./access.js";

export const scopeFields = {
  role: z.enum(ROLES),
  districtCode: z.number().int().positive().max(0xffff).optional(),
  giTagId: z.number().int().positive().max(0xffff).optional(),
  artisanId: z.number().int().positive().max(0xffff_ffff).optional(),
};

type ScopeInput = { role: PersonScope["role"]; districtCode?: number; giTagId?: number; artisanId?: number };

/** The scope the role takes, with the artisan record for an artisan scope; 422 with a stable code when the input does not fit. */
export async function resolveScope(db: AsliDatabase, input: ScopeInput, noun: string): Promise<{ scope: PersonScope; artisan: Artisan | null }> {
  const scope: PersonScope = { role: input.role, districtCode: null, giTagId: null, artisanId: null };
  const extra = (name: string) => unprocessable("scope-mismatch", `a ${input.role} ${noun} takes no ${name}`);
  switch (input.role) {
    case "district":
      if (input.districtCode === undefined) throw unprocessable("scope-required", `a district ${noun} needs districtCode`);
      if (!(await findDistrict(db, input.districtCode))) throw unprocessable("unknown-district", `no district has LGD code ${input.districtCode}`);
      if (input.giTagId !== undefined || input.artisanId !== undefined) throw extra("giTagId or artisanId");
      scope.districtCode = input.districtCode;
      return { scope, artisan: null };
    case "gi-body":
      if (input.giTagId === undefined) throw unprocessable("scope-required", `a gi-body ${noun} needs giTagId`);
      if (!(await findGiTag(db, input.giTagId))) throw unprocessable("unknown-gi-tag", `no GI tag has id ${input.giTagId}`);
      if (input.districtCode !== undefined || input.artisanId !== undefined) throw extra("districtCode or artisanId");
      scope.giTagId = input.giTagId;
      return { scope, artisan: null };
    case "artisan": {
      if (input.artisanId === undefined) throw unprocessable("scope-required", `an artisan ${noun} needs artisanId`);
      const artisan = await findArtisan(db, input.artisanId);
      if (!artisan) throw unprocessable("unknown-artisan", `no artisan has id ${input.artisanId}`);
      if (input.districtCode !== undefined || input.giTagId !== undefined) throw extra("districtCode or giTagId");
      scope.artisanId = artisan.id;
      return { scope, artisan };
    }
    default:
      if (input.districtCode !== undefined || input.giTagId !== undefined || input.artisanId !== undefined) throw extra("scope");
      return { scope, artisan: null };
  }
}

export interface ScopeNames {
  districts: { code: number; name: string }[];
  giTags: { id: number; name: string }[];
  district(code: number | null): string;
  giTag(id: number | null): string;
  artisan(id: number | null): string;
}

/** The names a page shows for scopes (districts, GI tags, and the artisans among `scopes`), in one round trip. */
export async function scopeNames(db: AsliDatabase, scopes: readonly Pick<PersonScope, "artisanId">[] = []): Promise<ScopeNames> {
  const ids = [...new Set(scopes.map((s) => s.artisanId).filter((id): id is number => id !== null))];
  const [districtRows, giRows, artisanRows] = await db.batch([
    db.select({ code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.name)),
    db.select({ id: giTags.id, name: giTags.name }).from(giTags).orderBy(asc(giTags.name)),
    db.select({ id: artisans.id, name: artisans.name }).from(artisans).where(inArray(artisans.id, ids.length ? ids : [0])),
  ]);
  const byCode = new Map(districtRows.map((d) => [d.code, d.name]));
  const byGi = new Map(giRows.map((g) => [g.id, g.name]));
  const byArtisan = new Map(artisanRows.map((a) => [a.id, a.name]));
  const name = (map: Map<number, string>, key: number | null) => (key === null ? "" : (map.get(key) ?? `#${key}`));
  return {
    districts: districtRows,
    giTags: giRows,
    district: (code) => name(byCode, code),
    giTag: (id) => name(byGi, id),
    artisan: (id) => name(byArtisan, id),
  };
}
