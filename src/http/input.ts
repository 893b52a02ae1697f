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
  return parsed(schema, value, "validation-failed", "Validation failed", "the body does not have the expected shape", "(body)");
}

/** The value as the schema reads it, or a 400 that lists every failing field. */
function parsed<S extends z.ZodType>(schema: S, value: unknown, code: string, title: string, detail: string, whole: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.join(".") || whole, message: i.message }));
  throw new ApiError(400, code, title, detail, errors);
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
  return parsed(schema, c.req.query(), "invalid-query", "Invalid query", "the query parameters are not as documented", "(query)");
}
