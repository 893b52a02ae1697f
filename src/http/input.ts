// Request bodies are checked at the edge: media type, size, JSON syntax, then shape.
import type { Context } from "hono";
import type * as z from "zod";
import { ApiError, notFound } from "../core/errors.js";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, "unsupported-media-type", "Unsupported media type", "send the body as application/json");
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = await c.req.text();
  if (text.length > MAX_JSON_BODY_BYTES) throw tooLarge();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError(
      400,
      "validation-failed",
      "Validation failed",
      "the body does not have the expected shape",
      result.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })),
    );
  }
  return result.data;
}

function tooLarge(): ApiError {
  return new ApiError(413, "payload-too-large", "Payload too large", `bodies are limited to ${MAX_JSON_BODY_BYTES} bytes`);
}

/** Path ids: a positive integer that fits the token's fields, else a 404 rather than a 5xx. */
export function integerParam(value: string, what: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > 0xffff_ffff) throw notFound(what);
  return Number(value);
}

/** Query parameters are checked like bodies: unknown or malformed ones get a 400. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    throw new ApiError(
      400,
      "invalid-query",
      "Invalid query",
      "the query parameters are not as documented",
      result.error.issues.map((i) => ({ path: i.path.join(".") || "(query)", message: i.message })),
    );
  }
  return result.data;
}
