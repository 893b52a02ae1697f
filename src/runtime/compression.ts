// Node compresses its own responses (Workers leaves it to Cloudflare's edge): synchronous zlib,
// which costs tens of microseconds for a verify page. Brotli at quality 5 compresses a page about
// a third better than gzip at about the same speed; gzip for clients without brotli.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { BodyCompressor } from "../http/compression.js";

export function nodeCompressor(): BodyCompressor {
  return {
    encodings: ["br", "gzip"],
    compress: (body, encoding) =>
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
        : gzipSync(body, { level: 6 }),
  };
}
