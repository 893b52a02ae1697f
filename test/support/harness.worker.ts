// Workers: the API suite runs inside workerd over the local D1 binding, with the migrations
// applied by test/setup.workers.ts. Storage is isolated per test file, not per service: every
// service in a file shares one database, so tests must not assume it is empty.
import { env } from "cloudflare:workers";
import { d1Database } from "../../src/runtime/worker-deps.js";
import { workerLazyModules } from "../../src/runtime/worker-renderers.js";
import type { TestService } from "./harness.js";
import { buildTestService } from "./service.js";

export * from "./harness.js";
export const runtime = "workers";

export async function makeTestService(seedHex?: string): Promise<TestService> {
  return buildTestService(d1Database(env.DB), seedHex, workerLazyModules);
}
