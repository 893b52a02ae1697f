import { Hono } from "hono";
import * as z from "zod";
import { notFound } from "../../core/errors.js";
import { artisanListScope, canReadArtisan, type Principal } from "../../service/access.js";
import {
  artisanChanges,
  artisanInput,
  changeGiAuthorisation,
  giAuthorisationChange,
  registerArtisan,
  removeArtisanPhoto,
  setArtisanPhoto,
  setArtisanStatus,
  statusChange,
  updateArtisan,
} from "../../service/artisans.js";
import { findArtisan, listArtisans, type Artisan } from "../../store/artisans.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { integerParam, mediaType, readBody, readJson, readQuery } from "../input.js";
import { ApiError } from "../../core/errors.js";
import { PHOTO_LIMITS } from "../../service/media.js";
import { decodeCursor, page, pageQuery } from "../paging.js";
import { isoTime } from "../../core/time.js";

const isoOrNull = (seconds: number | null) => (seconds === null ? null : isoTime(seconds));

export function artisanView(a: Artisan) {
  return {
    id: a.id,
    name: a.name,
    status: a.status,
    districtCode: a.districtCode,
    productId: a.productId,
    craft: a.craft,
    giTagId: a.giTagId,
    giAuthorisedUserNumber: a.giAuthorisedUserNumber,
    giWithdrawnAt: isoOrNull(a.giWithdrawnAt),
    gstin: a.gstin,
    udyam: a.udyam,
    seller: a.sellerGstin ? { name: a.sellerName, gstin: a.sellerGstin } : null,
    photoUrl: a.photoUrl,
    languages: a.languages,
    maySelfIssue: a.maySelfIssue,
    monthlyCapacity: a.monthlyCapacity,
    createdAt: isoTime(a.createdAt),
    updatedAt: isoOrNull(a.updatedAt),
  };
}

export const artisanListQuery = z
  .object({
    district: z.coerce.number().int().positive().max(0xffff).optional(),
    giTag: z.coerce.number().int().positive().max(0xffff).optional(),
    status: z.enum(["pending", "active", "suspended"]).optional(),
    q: z.string().trim().min(1).max(120).optional(),
    ...pageQuery,
  })
  .strict();

const PHOTO_TYPES = ["image/jpeg", "image/png"];

export function artisanRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const managers = requireRole(deps, "admin", "district");

  async function readable(c: { get(k: "principal"): Principal }, id: string): Promise<Artisan> {
    const artisan = await findArtisan(deps.db, integerParam(id, "this artisan"));
    // Out of scope reads as absent: a district office cannot probe which ids exist elsewhere.
    if (!artisan || !canReadArtisan(c.get("principal"), artisan)) throw notFound("this artisan");
    return artisan;
  }

  app.post("/api/v1/artisans", managers, async (c) => {
    const artisan = await registerArtisan(deps.db, c.get("principal"), await readJson(c, artisanInput), deps.clock());
    c.header("location", `/api/v1/artisans/${artisan.id}`);
    return c.json(artisanView(artisan), 201);
  });

  app.get("/api/v1/artisans", requireRole(deps, "admin", "district", "gi-body", "artisan"), async (c) => {
    const query = readQuery(c, artisanListQuery);
    const principal = c.get("principal");
    const filter = artisanListScope(principal, { districtCode: query.district, giTagId: query.giTag, status: query.status, nameContains: query.q });
    const afterId = decodeCursor(query.cursor, z.number().int());
    const rows = filter ? await listArtisans(deps.db, { ...filter, afterId, limit: query.limit + 1 }) : [];
    return c.json(page(rows, query.limit, artisanView, (a) => a.id));
  });

  app.get("/api/v1/artisans/:id", requireRole(deps, "admin", "district", "gi-body", "artisan"), async (c) =>
    c.json(artisanView(await readable(c, c.req.param("id")))),
  );

  app.patch("/api/v1/artisans/:id", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this artisan");
    return c.json(artisanView(await updateArtisan(deps.db, c.get("principal"), id, await readJson(c, artisanChanges), deps.clock())));
  });

  app.post("/api/v1/artisans/:id/status", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this artisan");
    return c.json(artisanView(await setArtisanStatus(deps.db, c.get("principal"), id, await readJson(c, statusChange), deps.clock())));
  });

  // The photo: a JPEG or PNG body, re-encoded and stored by the service (src/service/media.ts).
  app.put("/api/v1/artisans/:id/photo", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this artisan");
    if (!PHOTO_TYPES.includes(mediaType(c))) throw new ApiError(415, "unsupported-media-type", "Unsupported media type", "send the photo as image/jpeg or image/png");
    const upload = await readBody(c, PHOTO_LIMITS.maxBytes);
    return c.json(artisanView(await setArtisanPhoto(deps.db, deps, c.get("principal"), id, upload, deps.clock())));
  });

  app.delete("/api/v1/artisans/:id/photo", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this artisan");
    return c.json(artisanView(await removeArtisanPhoto(deps.db, deps, c.get("principal"), id, deps.clock())));
  });

  app.post("/api/v1/artisans/:id/gi-authorisation", requireRole(deps, "admin", "gi-body"), async (c) => {
    const id = integerParam(c.req.param("id"), "this artisan");
    return c.json(artisanView(await changeGiAuthorisation(deps.db, c.get("principal"), id, await readJson(c, giAuthorisationChange), deps.clock())));
  });
  return app;
}
