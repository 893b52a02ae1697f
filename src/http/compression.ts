// Compression of text responses, for runtimes that do not compress on their own (Node; Workers
// compresses at Cloudflare's edge, so there the app is given no compressor). Hand-written rather
// than hono/compress, which pipes every body through a CompressionStream: measured here at about
// 460 µs for a 1 KB verdict against 25-40 µs for the synchronous zlib calls the Node entry
// supplies. Bodies under 1 KiB are sent as they are: they fit a packet either way.
import type { MiddlewareHandler } from "hono";

export type ContentCoding = "br" | "gzip";

export interface BodyCompressor {
  /** The content codings this runtime produces, best first. */
  encodings: readonly ContentCoding[];
  compress(body: Uint8Array, encoding: ContentCoding): Uint8Array;
}

export const COMPRESSION_THRESHOLD = 1024;

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|problem\+json|javascript|xml)|image\/svg\+xml)/i;

/** The coding to use for an Accept-Encoding header (RFC 9110 §12.5.3): the best offered one with q > 0, else none. */
export function chooseEncoding(header: string | undefined, offered: readonly ContentCoding[]): ContentCoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.slice(0, 512).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim(), weight);
  }
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of offered) {
    const weight = q.get(coding) ?? q.get("*") ?? 0;
    if (weight > bestQ) [best, bestQ] = [coding, weight];
  }
  return best;
}

export function compression(compressor: BodyCompressor): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("content-type");
    if (!type || !COMPRESSIBLE.test(type) || c.req.method === "HEAD") return;
    // A strong ETag names these exact bytes; responses that carry one are left as they are.
    if (res.headers.has("content-encoding") || res.headers.has("etag") || /no-transform/i.test(res.headers.get("cache-control") ?? "")) return;
    const vary = res.headers.get("vary");
    if (!vary || !/accept-encoding/i.test(vary)) res.headers.set("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    // A client that takes no coding gets the response untouched: no body read, no copy. Nor is
    // `res.body` asked for: on Node that turns @hono/node-server's light response into a full
    // one whose body is then streamed out, which cost the verify route about 80 µs of CPU.
    const encoding = chooseEncoding(c.req.header("accept-encoding"), compressor.encodings);
    if (!encoding || !res.body) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const compressed = body.byteLength < COMPRESSION_THRESHOLD ? null : compressor.compress(body, encoding);
    c.res = new Response((compressed ?? body) as Uint8Array<ArrayBuffer>, res);
    if (compressed) {
      c.res.headers.set("content-encoding", encoding);
      c.res.headers.delete("content-length");
    }
  };
}
