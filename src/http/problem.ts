// RFC 9457 problem details with a stable `code` that clients may branch on.
import type { Context } from "hono";
import type { ApiError } from "../core/errors.js";

export function problemResponse(c: Context, error: ApiError): Response {
  const body = {
    type: `urn:asli:problem:${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
  return c.body(JSON.stringify(body), error.status, { "content-type": "application/problem+json" });
}
