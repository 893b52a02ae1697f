// Workers: the API suite runs inside workerd over the local D1 binding, with the migrations
// applied by test/setup.workers.ts. Storage is isolated per test file, not per service: every
// service in a file shares one database, so tests must not assume it is empty.
import { env } from "cloudflare:workers";
import { d1Database } from "../../src/runtime/worker-deps.js";
import { r2MediaStore } from "../../src/service/media.js";
import { workerLazyModules } from "../../src/runtime/worker-renderers.js";
import type { BreakableTestService, TestService } from "./harness.js";
import { buildTestService } from "./service.js";

export * from "./harness.js";
export const runtime = "workers";

export async function makeTestService(seedHex?: string): Promise<TestService> {
  // Media in the MEDIA R2 bucket that miniflare provides (vitest.config.ts), as a deployment binds it.
  return buildTestService(d1Database(env.DB), seedHex, workerLazyModules, { media: r2MediaStore(env.MEDIA) });
}

/**
 * The D1 binding wrapped so that, once broken, every statement and batch rejects as D1 does when
 * it cannot reach its database. Statements are wrapped too: drizzle keeps prepared ones.
 */
export async function makeBreakableTestService(seedHex?: string): Promise<BreakableTestService> {
  const { binding, breakDatabase } = breakableD1(env.DB);
  const service = await buildTestService(d1Database(binding), seedHex, workerLazyModules);
  return { ...service, breakDatabase };
}

export function breakableD1(real: D1Database): { binding: D1Database; breakDatabase(): void } {
  let broken = false;
  const fail = () => Promise.reject(new Error("D1_ERROR: Network connection lost."));
  // Each wrapper's real statement, which the real binding's batch needs.
  const realStatements = new WeakMap<object, D1PreparedStatement>();
  const wrap = (s: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(s, {
      get(target, name) {
        if (name === "bind") return (...values: unknown[]) => wrap(target.bind(...values));
        const value = Reflect.get(target, name, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => (broken ? fail() : value.apply(target, args));
      },
    });
    realStatements.set(wrapped, s);
    return wrapped;
  };
  // A binding, or a D1 session of it (scans read through one): both fail once broken.
  const breakable = <T extends D1Database | D1DatabaseSession>(target: T): T =>
    new Proxy(target, {
      get(t, name) {
        if (name === "prepare") return (sql: string) => wrap(t.prepare(sql));
        if (name === "batch") return (statements: D1PreparedStatement[]) => (broken ? fail() : t.batch(statements.map((s) => realStatements.get(s) ?? s)));
        if (name === "exec" && "exec" in t) return (sql: string) => (broken ? fail() : t.exec(sql));
        if (name === "withSession" && "withSession" in t) return (constraint?: string) => breakable(t.withSession(constraint));
        const value = Reflect.get(t, name, t);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  const binding = breakable(real);
  return { binding, breakDatabase: () => (broken = true) };
}
