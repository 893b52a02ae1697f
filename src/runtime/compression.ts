// Node compresses its own responses (Workers leaves it to Cloudflare's edge) with synchronous
// zlib, at settings chosen for the verify path's CPU. Measured on the Hindi verify page (13.8 KB):
// brotli quality 2 with a 64 KiB window gives 4.9 KB in about 120 µs, where quality 5 gives
// 4.1 KB but costs about 1 ms, and gzip level 6 4.6 KB in 240 µs; the page is far inside its
// 15 KB budget either way, and on a slow line the first paint waits on latency, not on 800 bytes.
// gzip level 3 (4.9 KB, about 130 µs) serves clients without brotli.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { BodyCompressor } from "../http/compression.js";

export function nodeCompressor(): BodyCompressor {
  return {
    encodings: ["br", "gzip"],
    compress: (body, encoding) =>
      encoding === "br"
        ? brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 2, [constants.BROTLI_PARAM_LGWIN]: 16, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
          })
        : gzipSync(body, { level: 3 }),
  };
}
