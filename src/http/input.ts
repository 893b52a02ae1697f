// Request bodies are checked at the edge: media type, size, JSON syntax, then shape.
import type { Context } from "hono";
import type * as z from "zod";
import { decodeUtf8 } from "../core/csv.js";
import { ApiError, notFound } from "../core/errors.js";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (mediaType(c) !== "application/json") {
    throw new ApiError(415, "unsupported-media-type", "Unsupported media type", "send the body as application/json");
  }
  // Strictly: a lenient decoder would turn bytes that are not UTF-8 into U+FFFD and store that.
  const text = decodeUtf8(await readBody(c, MAX_JSON_BODY_BYTES));
  if (text === null) throw new ApiError(400, "body-not-utf8", "Not UTF-8", "the JSON body is not UTF-8 text");
  let value: unknown;
  try {
    // RFC 8259 §8.1 lets a parser ignore a byte-order mark; the lenient reader before this one did.
    value = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch {
    throw new ApiError(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
  }
  return parsed(schema, value, "validation-failed", "Validation failed", "the body does not have the expected shape", "(body)");
}

/**
 * The essence of the request's Content-Type, lower-case ("application/json"), after checking
 * that a charset parameter, if any, names UTF-8 (in any case, quoted or not, `utf8` too): every
 * body is read as UTF-8, so one declared in another charset gets 415 rather than being misread.
 */
export function mediaType(c: Context): string {
  const [essence = "", ...params] = (c.req.header("content-type") ?? "").split(";").map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => /^charset\s*=/.test(p))?.replace(/^charset\s*=\s*/, "").replace(/^"(.*)"$/, "$1");
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    throw new ApiError(415, "unsupported-charset", "Unsupported charset", "send the body as UTF-8 (charset=utf-8)");
  }
  return essence;
}

/**
 * The request body, at most `maxBytes` of it: every route that reads a body reads it here. It
 * is read as it streams and refused (413) as soon as it passes the limit, whatever the
 * Content-Length said or whether there was one (Transfer-Encoding: chunked), so an oversized
 * body never sits in memory. The rest is left unread: the Node server drains or drops the
 * connection, workerd discards it.
 */
export async function readBody(c: Context, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new ApiError(413, "payload-too-large", "Payload too large", `this body is limited to ${maxBytes} bytes`);
  if (Number(c.req.header("content-length") ?? "0") > maxBytes) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The value as the schema reads it, or a 400 that lists every failing field. */
function parsed<S extends z.ZodType>(schema: S, value: unknown, code: string, title: string, detail: string, whole: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.join(".") || whole, message: i.message }));
  throw new ApiError(400, code, title, detail, errors);
}

/** Path ids: a positive integer that fits the token's fields, else a 404 rather than a 5xx. */
export function integerParam(value: string, what: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > 0xffff_ffff) throw notFound(what);
  return Number(value);
}

/** Query parameters are checked like bodies: unknown, malformed or repeated ones get a 400. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
  if (repeated.length) {
    const errors = repeated.map(([name]) => ({ path: name, message: "given more than once: give each parameter once" }));
    throw new ApiError(400, "invalid-query", "Invalid query", "the query parameters are not as documented", errors);
  }
  return parsed(schema, c.req.query(), "invalid-query", "Invalid query", "the query parameters are not as documented", "(query)");
}
