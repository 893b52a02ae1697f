// Choosing the database from the environment, and the other per-request inputs. The Turso
// half stops at the client: there is no libSQL server here to run queries against.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  coarseCountry,
  openWorkerDatabase,
  WorkerConfigError,
  workerBaseUrl,
  workerSigningKey,
  type WorkerConfigCode,
} from "../../src/runtime/worker-deps.js";

async function configError(run: () => unknown): Promise<WorkerConfigCode | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof WorkerConfigError) return error.code;
    throw error;
  }
  return undefined;
}

describe("openWorkerDatabase", () => {
  it("uses D1 when LIBSQL_URL is unset or empty", async () => {
    expect((await openWorkerDatabase({ DB: env.DB })).driver).toBe("d1");
    expect((await openWorkerDatabase({ DB: env.DB, LIBSQL_URL: "  " })).driver).toBe("d1");
  });

  it("prefers Turso through the libSQL web client (a module of its own) when LIBSQL_URL is set", async () => {
    const turso = await openWorkerDatabase({ DB: env.DB, LIBSQL_URL: "libsql://asli-demo.turso.io", LIBSQL_AUTH_TOKEN: "test-token" });
    expect(turso.driver).toBe("libsql");
    if (turso.driver !== "libsql") return;
    // The web client turns libsql:// into Hrana over HTTPS, which opens nothing until a query.
    expect(turso.client.protocol).toBe("http");
    expect(turso.client.closed).toBe(false);
    const https = await openWorkerDatabase({ LIBSQL_URL: "https://asli-demo.turso.io" });
    expect(https.driver === "libsql" && https.client.protocol).toBe("http");
  });

  it("rejects a LIBSQL_URL that is malformed, a file, a WebSocket, or unencrypted to another host", async () => {
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "not a url" }))).toBe("invalid-libsql-url");
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "libsql://asli.turso.io?foo=bar" }))).toBe("invalid-libsql-url");
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "file:asli.db" }))).toBe("unsupported-libsql-url");
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "postgres://db.example.com/asli" }))).toBe("unsupported-libsql-url");
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "http://db.example.com" }))).toBe("unsupported-libsql-url");
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "libsql://db.example.com:8080?tls=0" }))).toBe("unsupported-libsql-url");
    // A WebSocket client would connect as soon as it is made, on every request.
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "wss://asli-demo.turso.io" }))).toBe("unsupported-libsql-url");
    expect(await configError(() => openWorkerDatabase({ LIBSQL_URL: "http://127.0.0.1:8080" }))).toBeUndefined();
  });

  it("needs a D1 binding or LIBSQL_URL", async () => {
    expect(await configError(() => openWorkerDatabase({}))).toBe("missing-database");
  });
});

describe("per-request inputs", () => {
  it("derives the signing key once per secret value and rejects a malformed one", async () => {
    const a = workerSigningKey(env.SIGNING_KEY);
    expect(workerSigningKey(env.SIGNING_KEY)).toBe(a);
    const other = await workerSigningKey("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
    expect(other.kid).not.toBe((await a).kid);
    expect(await configError(() => workerSigningKey(undefined))).toBe("missing-signing-key");
    expect(await configError(() => workerSigningKey("too-short"))).toBe("invalid-signing-key");
  });

  it("takes the origin from BASE_URL, or from the request when it is empty", async () => {
    const request = new Request("http://127.0.0.1:8787/v/ABC");
    expect(workerBaseUrl({ BASE_URL: "https://asli.example/ignored/path" }, request)).toBe("https://asli.example");
    expect(workerBaseUrl({ BASE_URL: "" }, request)).toBe("http://127.0.0.1:8787");
    expect(await configError(() => workerBaseUrl({ BASE_URL: "ftp://asli.example" }, request))).toBe("invalid-base-url");
  });

  it("reads Cloudflare's country as a two-letter hint and nothing else", () => {
    const at = (country?: string) => new Request("https://asli.example/", country ? { cf: { country } } : {});
    expect(coarseCountry(at("IN"))).toBe("IN");
    expect(coarseCountry(at("XX"))).toBeUndefined();
    expect(coarseCountry(at("T1"))).toBeUndefined();
    expect(coarseCountry(at())).toBeUndefined();
  });
});
