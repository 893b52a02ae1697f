import { Hono } from "hono";
import { listDistricts, listGiTags } from "../../store/registry.js";
import type { AppDeps } from "../deps.js";

/** Reference data, public: what the ids in a token mean. */
export function registryRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/api/v1/districts", async (c) => c.json({ districts: await listDistricts(deps.db) }));
  app.get("/api/v1/gi-tags", async (c) => c.json({ giTags: await listGiTags(deps.db) }));
  return app;
}
