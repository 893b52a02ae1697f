import { Hono } from "hono";
import { homePage } from "../../pages/home-page.js";
import type { AppDeps } from "../deps.js";
import { readerLocale } from "../pages.js";

/** The home page: what Asli is, and a box to check a tag by the number printed on it. */
export function homeRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/", (c) => {
    const locale = readerLocale(c, deps.baseUrl);
    c.header("cache-control", "no-cache");
    return c.html(homePage({ locale }));
  });
  return app;
}
