// Artisans' photos, from our own origin: the verify page shows a same-origin photoUrl only.
// Stored under content addresses (src/service/media.ts), so they never change and are cached
// as immutable. Only the `artisans` namespace is public; other media get routes of their own.
import { Hono } from "hono";
import { notFound } from "../../core/errors.js";
import { isMediaKey } from "../../service/media.js";
import type { AppDeps } from "../deps.js";
import type { Operation } from "../openapi.js";

export const MEDIA_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/media/artisans/{id}/{file}",
    summary: "An artisan's photo (the photoUrl the registry records)",
    tag: "artisans",
    roles: "public",
    description: "A JPEG that the service re-encoded from the upload (no metadata). `{file}` is 32 hex digits of its SHA-256 and `.jpg`; it never changes, so it is cached as immutable.",
    responses: { 200: { description: "The photo", contentType: "image/jpeg" }, 404: { description: "No such photo (or it was replaced)" } },
    errors: ["not-found"],
  },
];

export function mediaRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/media/artisans/:id/:file", async (c) => {
    const key = `artisans/${c.req.param("id")}/${c.req.param("file")}`;
    const object = isMediaKey(key) && deps.media ? await deps.media.get(key) : undefined;
    if (!object) throw notFound("this photo");
    return c.body(object.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": object.contentType,
      "cache-control": "public, max-age=31536000, immutable",
      // Ours to show on our pages; another site's page cannot embed it.
      "cross-origin-resource-policy": "same-origin",
    });
  });
  return app;
}
