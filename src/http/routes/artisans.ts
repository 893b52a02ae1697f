import { Hono } from "hono";
import { notFound } from "../../core/errors.js";
import { artisanInput, registerArtisan } from "../../service/artisans.js";
import { findArtisan, type Artisan } from "../../store/artisans.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readJson } from "../input.js";

export function artisanView(a: Artisan) {
  return {
    id: a.id,
    name: a.name,
    districtCode: a.districtCode,
    productId: a.productId,
    craft: a.craft,
    giTagId: a.giTagId,
    giAuthorisedUserNumber: a.giAuthorisedUserNumber,
    gstin: a.gstin,
    udyam: a.udyam,
    seller: a.sellerGstin ? { name: a.sellerName, gstin: a.sellerGstin } : null,
    createdAt: new Date(a.createdAt * 1000).toISOString(),
  };
}

export function artisanRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use("/api/v1/artisans", requireRole(deps, "admin"));
  app.use("/api/v1/artisans/*", requireRole(deps, "admin"));

  app.post("/api/v1/artisans", async (c) => {
    const artisan = await registerArtisan(deps.db, await readJson(c, artisanInput), deps.clock());
    c.header("location", `/api/v1/artisans/${artisan.id}`);
    return c.json(artisanView(artisan), 201);
  });

  app.get("/api/v1/artisans/:id", async (c) => {
    const artisan = await findArtisan(deps.db, integerParam(c.req.param("id"), "this artisan"));
    if (!artisan) throw notFound("this artisan");
    return c.json(artisanView(artisan));
  });
  return app;
}
