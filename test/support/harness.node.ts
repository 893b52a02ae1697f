// Node: a fresh libSQL file per service, with the committed migrations applied.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { nodeTagRenderers } from "../../src/runtime/renderers.js";
import type { BreakableTestService, TestService } from "./harness.js";
import { buildTestService } from "./service.js";

export * from "./harness.js";
export const runtime = "node";

let renderers: ReturnType<typeof nodeTagRenderers> | undefined;

export async function makeTestService(seedHex?: string): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), "asli-test-"));
  const { db } = await openLibsqlDatabase(`file:${join(dir, "asli.db")}`);
  return buildTestService(db, seedHex, (renderers ??= nodeTagRenderers()));
}

/** The database fails as a closed client does (CLIENT_CLOSED on every call). */
export async function makeBreakableTestService(seedHex?: string): Promise<BreakableTestService> {
  const dir = mkdtempSync(join(tmpdir(), "asli-test-"));
  const { client, db } = await openLibsqlDatabase(`file:${join(dir, "asli.db")}`);
  const service = await buildTestService(db, seedHex, (renderers ??= nodeTagRenderers()));
  return { ...service, breakDatabase: () => client.close() };
}
