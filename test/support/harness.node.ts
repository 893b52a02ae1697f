// Node: a fresh libSQL file per service, with the committed migrations applied.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { nodeCompressor } from "../../src/runtime/compression.js";
import { nodeLazyModules } from "../../src/runtime/renderers.js";
import type { BreakableTestService, TestService } from "./harness.js";
import { buildTestService } from "./service.js";
import { fileMediaStore } from "../../src/runtime/media-files.js";

export * from "./harness.js";
export const runtime = "node";

export async function makeTestService(seedHex?: string): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), "asli-test-"));
  const { db } = await openLibsqlDatabase(`file:${join(dir, "asli.db")}`);
  // As the Node entry does: Node compresses its own responses, and keeps media in files.
  return buildTestService(db, seedHex, nodeLazyModules, { compressor: nodeCompressor(), media: fileMediaStore(join(dir, "media")) });
}

/** The database fails as a closed client does (CLIENT_CLOSED on every call). */
export async function makeBreakableTestService(seedHex?: string): Promise<BreakableTestService> {
  const dir = mkdtempSync(join(tmpdir(), "asli-test-"));
  const { client, db } = await openLibsqlDatabase(`file:${join(dir, "asli.db")}`);
  const service = await buildTestService(db, seedHex, nodeLazyModules, { compressor: nodeCompressor() });
  return { ...service, breakDatabase: () => client.close() };
}
