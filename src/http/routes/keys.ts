import { Hono } from "hono";
import { publicJwk } from "../../core/keys.js";
import type { AppDeps } from "../deps.js";

export function keyRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/.well-known/jwks.json", (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json({ keys: deps.keyring.keys().map(publicJwk) });
  });
  return app;
}
