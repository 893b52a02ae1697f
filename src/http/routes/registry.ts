import { Hono } from "hono";
import { addGiTag, addProduct, changeGiTag, changeProduct, giTagChanges, giTagInput, productChanges, productInput } from "../../service/registry.js";
import { listDistricts, listGiTags } from "../../store/registry.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readJson } from "../input.js";

/** Reference data: public to read (it is what the ids in a token mean), the state cell's to change. */
export function registryRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const admin = requireRole(deps, "admin");
  app.get("/api/v1/districts", async (c) => {
    c.header("cache-control", "public, max-age=3600");
    return c.json({ districts: await listDistricts(deps.db) });
  });
  app.get("/api/v1/gi-tags", async (c) => {
    c.header("cache-control", "public, max-age=3600");
    return c.json({ giTags: await listGiTags(deps.db) });
  });

  app.post("/api/v1/gi-tags", admin, async (c) => {
    const tag = await addGiTag(deps.db, c.get("principal"), await readJson(c, giTagInput), deps.clock());
    return c.json(tag, 201);
  });
  app.patch("/api/v1/gi-tags/:id", admin, async (c) => {
    const id = integerParam(c.req.param("id"), "this GI tag");
    return c.json(await changeGiTag(deps.db, c.get("principal"), id, await readJson(c, giTagChanges), deps.clock()));
  });
  app.post("/api/v1/districts/:code/products", admin, async (c) => {
    const code = integerParam(c.req.param("code"), "this district");
    return c.json(await addProduct(deps.db, c.get("principal"), code, await readJson(c, productInput), deps.clock()), 201);
  });
  app.patch("/api/v1/products/:id", admin, async (c) => {
    const id = integerParam(c.req.param("id"), "this product");
    return c.json(await changeProduct(deps.db, c.get("principal"), id, await readJson(c, productChanges), deps.clock()));
  });
  return app;
}
