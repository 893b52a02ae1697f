// What every API test gets, whichever runtime builds it: an app over a fresh real database.
import type { Hono } from "hono";
import type { AppDeps } from "../../src/http/deps.js";

export interface TestService {
  app: Hono;
  deps: AppDeps;
  /** A bearer token with the admin role. */
  adminToken: string;
  /** Moves the service's clock; tests start at a fixed instant. */
  setNow(date: Date): void;
}

export const TEST_START = new Date("2026-03-01T10:00:00Z");
/** RFC 8032 §7.1 TEST 1 secret key: a published test key, never a real one. */
export const TEST_SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

/** A service whose database can be made to fail under it, as a real one can (test/api/database-down.test.ts). */
export interface BreakableTestService extends TestService {
  /** From now on every query fails as an unreachable database does: a closed libSQL client, a D1 binding that throws. */
  breakDatabase(): void;
}

/** The transparency log's key in tests: RFC 8032 §7.1 TEST SHA(abc), also a published test key. */
export const TEST_LOG_SEED_HEX = "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42";
