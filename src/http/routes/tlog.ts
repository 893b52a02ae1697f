// The transparency log as C2SP tlog-tiles lays it out under /log/, and a certificate's
// inclusion proof in the C2SP tlog-proof form. All public: the log is for anyone to audit.
import { Hono } from "hono";
import { notFound } from "../../core/errors.js";
import { isSerial } from "../../core/payload.js";
import { parseTilePath, TILE_WIDTH } from "../../core/tiles.js";
import type { AppDeps } from "../deps.js";
import type { Operation } from "../openapi.js";

const TEXT = "text/plain; charset=utf-8";
const BINARY = "application/octet-stream";
/** Full tiles and entry bundles never change; partial ones are a prefix that a later checkpoint extends. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const SHORT = "public, max-age=60";
/** tlog-tiles: the checkpoint should not be cached beyond a few seconds. */
const CHECKPOINT_CACHE = "public, max-age=5";

export const TLOG_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/log/checkpoint",
    summary: "The transparency log's latest checkpoint, with witness cosignatures",
    tag: "transparency log",
    roles: "public",
    description: "A C2SP tlog-checkpoint signed note (origin, tree size, root hash), signed by the log's key and cosigned by its witnesses (C2SP tlog-cosignature). docs/transparency-log.md.",
    responses: { 200: { description: "The checkpoint note", contentType: TEXT } },
    errors: ["log-unavailable"],
  },
  {
    method: "get",
    path: "/log/tile/{path}",
    summary: "Tiles of the log's Merkle tree, and entry bundles (C2SP tlog-tiles)",
    tag: "transparency log",
    roles: "public",
    description:
      "`{path}` is `<L>/<N>` (a full tile of 256 hashes at level L), `<L>/<N>.p/<W>` (its first W hashes), `entries/<N>` or `entries/<N>.p/<W>` (the entries, each a big-endian uint16 length and a certificate token's bytes). N is written in 3-digit groups, all but the last prefixed with x: 1234067 is x001/x234/067. Full tiles are immutable.",
    responses: { 200: { description: "The tile or entry bundle", contentType: BINARY } },
    errors: ["not-found"],
  },
  {
    method: "get",
    path: "/api/v1/certificates/{id}/inclusion",
    summary: "The certificate's inclusion proof in the transparency log (C2SP tlog-proof)",
    tag: "transparency log",
    roles: "public",
    description:
      "Text: c2sp.org/tlog-proof@v1, the entry (the token's bytes) as extra data, its index, the Merkle inclusion proof, and the cosigned checkpoint it leads to. Verifies with no network against the log's and witnesses' keys (trust bundle). docs/transparency-log.md.",
    responses: { 200: { description: "The proof", contentType: TEXT } },
    errors: ["not-found", "log-unavailable"],
  },
];

export function tlogRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/log/checkpoint", async (c) => {
    const note = await deps.log.checkpoint();
    c.header("cache-control", CHECKPOINT_CACHE);
    return c.body(note, 200, { "content-type": TEXT });
  });

  app.get("/log/tile/*", async (c) => {
    const request = parseTilePath(c.req.path.slice("/log/tile/".length));
    if (!request) throw notFound("this tile");
    const bytes = request.kind === "hashes" ? await deps.log.tile(request.level, request.index, request.width) : await deps.log.entryBundle(request.index, request.width);
    if (!bytes) throw notFound("this tile");
    c.header("cache-control", request.width === TILE_WIDTH ? IMMUTABLE : SHORT);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": BINARY });
  });

  app.get("/api/v1/certificates/:id/inclusion", async (c) => {
    const id = c.req.param("id");
    const proof = isSerial(id) ? await deps.log.inclusionProof(id) : null;
    if (!proof) throw notFound("this certificate");
    c.header("cache-control", SHORT);
    return c.body(proof, 200, { "content-type": TEXT });
  });
  return app;
}
