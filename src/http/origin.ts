// Issuing prints the public origin into every verify URL, and so into QR codes that last as long
// as the item: without a configured origin (Workers without BASE_URL), it refuses to run.
import { createMiddleware } from "hono/factory";
import { ApiError } from "../core/errors.js";
import type { AppDeps } from "./deps.js";

export const baseUrlUnset = () =>
  new ApiError(
    503,
    "base-url-unset",
    "Issuing is not configured",
    "BASE_URL is not set, so verify URLs would name whichever host this request reached; set BASE_URL to the public origin (docs/workers.md). Verification still works.",
  );

/** After the role check, before the body is read: a route that prints verify URLs into new certificates. */
export function requirePublicOrigin(deps: AppDeps) {
  return createMiddleware(async (_c, next) => {
    if (deps.baseUrlUnset) throw baseUrlUnset();
    await next();
  });
}
