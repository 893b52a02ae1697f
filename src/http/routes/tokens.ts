import { Hono } from "hono";
import * as z from "zod";
import { createToken, revokeToken, rotateInput, rotateToken, tokenInput, tokenView } from "../../service/tokens.js";
import { listApiTokens } from "../../store/tokens.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readJson, readQuery } from "../input.js";
import { decodeCursor, page, pageQuery } from "../paging.js";
import { unixSeconds } from "../../core/time.js";

export const tokenListQuery = z.object({ prefix: z.string().regex(/^[a-z0-9_]{1,40}$/).optional(), ...pageQuery }).strict();

export function tokenRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const managers = requireRole(deps, "admin", "district");
  const now = () => unixSeconds(deps.clock());

  app.post("/api/v1/tokens", managers, async (c) => {
    const { token, record } = await createToken(deps.db, c.get("principal"), await readJson(c, tokenInput), deps.clock());
    c.header("location", `/api/v1/tokens/${record.id}`);
    c.header("cache-control", "no-store");
    return c.json({ ...tokenView(record, now()), token }, 201);
  });

  app.get("/api/v1/tokens", managers, async (c) => {
    const query = readQuery(c, tokenListQuery);
    const principal = c.get("principal");
    const before = decodeCursor(query.cursor, z.number().int());
    // A district office sees the tokens of its artisans, not its own office's tokens.
    const scope = principal.role === "district" ? { districtCode: principal.districtCode!, role: "artisan" as const } : {};
    const rows = await listApiTokens(deps.db, { prefix: query.prefix, ...scope, before, limit: query.limit + 1 });
    return c.json(page(rows, query.limit, (t) => tokenView(t, now()), (t) => t.id));
  });

  app.post("/api/v1/tokens/:id/revoke", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this token");
    return c.json(tokenView(await revokeToken(deps.db, c.get("principal"), id, deps.clock()), now()));
  });

  app.post("/api/v1/tokens/:id/rotate", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this token");
    const input = await readJson(c, rotateInput);
    const { token, record } = await rotateToken(deps.db, c.get("principal"), id, input.overlapSeconds, deps.clock());
    c.header("cache-control", "no-store");
    return c.json({ ...tokenView(record, now()), token }, 201);
  });

  return app;
}
