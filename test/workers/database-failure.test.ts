// Which D1 errors are the database's fault (a 503 to retry) and which are bugs (a 500), on
// errors the local D1 really throws, and on the message D1 gives when it cannot reach its
// database (which workerd's local D1 cannot be made to produce): src/store/database.ts.
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { d1Database } from "../../src/runtime/worker-deps.js";
import { databaseFailure } from "../../src/store/database.js";
import { signingKeys } from "../../db/schema.js";

async function failure(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return databaseFailure(error) ?? "bug";
  }
  throw new Error("expected the call to fail");
}

it("counts query mistakes as bugs, a missing table and D1's own failures as unavailable", async () => {
  await env.DB.exec("CREATE TABLE IF NOT EXISTS failure_probe (x UNIQUE)");
  await env.DB.prepare("INSERT INTO failure_probe VALUES (1)").run();
  expect(await failure(() => env.DB.prepare("INSERT INTO failure_probe VALUES (1)").run())).toBe("bug");
  expect(await failure(() => env.DB.prepare("SELEC 1").all())).toBe("bug");
  expect(await failure(() => env.DB.prepare("SELECT nope FROM failure_probe").all())).toBe("bug");
  expect(await failure(() => env.DB.prepare("SELECT * FROM gone").all())).toMatchObject({ kind: "unavailable" });
  // Through drizzle, which wraps the driver's error.
  const db = d1Database(env.DB);
  const probe = { kid: "failure-probe", publicKey: "p", createdAt: 0, state: "retired" as const };
  await db.insert(signingKeys).values(probe).run();
  expect(await failure(() => db.insert(signingKeys).values(probe).run())).toBe("bug");

  expect(databaseFailure(new Error("D1_ERROR: Network connection lost."))).toEqual({ kind: "unavailable", code: "D1_ERROR" });
  expect(databaseFailure(new Error("D1_ERROR: D1 DB is overloaded. Requests queued for too long."))).toMatchObject({ kind: "unavailable" });
  expect(databaseFailure(new Error("D1_TYPE_ERROR: Type 'object' not supported for value '[object Object]'"))).toBeUndefined();
});
