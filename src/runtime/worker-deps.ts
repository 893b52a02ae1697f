// What the Workers entry needs from its environment, built for each request from `env`:
// the database (D1, or Turso when LIBSQL_URL is set), the signing key, the admin token's hash
// and the public origin. Nothing here holds a database client or configuration between
// requests; the one module-level state is a cache of key material derived from a secret.
import { createClient, type Client } from "@libsql/client/web";
import { drizzle as drizzleD1 } from "drizzle-orm/d1";
import { drizzle as drizzleLibsql } from "drizzle-orm/libsql/web";
import { hashApiToken } from "../core/api-token.js";
import { decodeSeed, signingKeyFromSeed, type Keyring, type SigningKey } from "../core/keys.js";
import type { AppDeps } from "../http/deps.js";
import { invitationTtlFromEnv } from "../service/invitations.js";
import { loadKeyring, SigningKeyRevokedError } from "../service/keyring.js";
import { loadWebAuthnModule } from "./webauthn-module.js";
import { schema, type AsliDatabase } from "../store/database.js";

/**
 * The bindings, as `wrangler types` generates them from wrangler.toml (D1 `DB`, `BASE_URL`,
 * the required secrets), plus what wrangler cannot express there: the optional Turso secrets,
 * and a `DB` that a Turso-only deployment may leave unbound.
 */
export type WorkerEnv = Omit<Cloudflare.Env, "DB"> & {
  DB?: D1Database;
  INVITATION_TTL_HOURS?: string;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
};

export type WorkerConfigCode =
  | "missing-database"
  | "invalid-libsql-url"
  | "unsupported-libsql-url"
  | "missing-signing-key"
  | "invalid-signing-key"
  | "revoked-signing-key"
  | "invalid-base-url"
  | "invalid-invitation-ttl";

/** The deployment is misconfigured: an operator must fix a binding or a secret. */
export class WorkerConfigError extends Error {
  constructor(
    readonly code: WorkerConfigCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkerConfigError";
  }
}

export type WorkerDatabase = { driver: "d1"; db: AsliDatabase } | { driver: "libsql"; db: AsliDatabase; client: Client };

export function d1Database(binding: D1Database): AsliDatabase {
  return drizzleD1(binding, { schema }) as unknown as AsliDatabase;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Turso when LIBSQL_URL is set, D1 otherwise. The web client speaks Hrana over HTTP for
 * libsql:// and https:// URLs: one fetch per query or batch, no connection opened before the
 * first query and none left behind, which suits a client made per request. WebSocket URLs
 * (wss://) are refused: that client connects as soon as it is made and holds the socket open.
 */
export function openWorkerDatabase(env: Pick<WorkerEnv, "DB" | "LIBSQL_URL" | "LIBSQL_AUTH_TOKEN">): WorkerDatabase {
  const url = env.LIBSQL_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new WorkerConfigError("invalid-libsql-url", "LIBSQL_URL is not a URL");
    }
    const scheme = parsed.protocol.slice(0, -1);
    if (!["libsql", "https", "http"].includes(scheme) || !parsed.hostname) {
      throw new WorkerConfigError("unsupported-libsql-url", "LIBSQL_URL must be a libsql:// or https:// URL of a libSQL server");
    }
    // Unencrypted transports would carry the auth token in clear text: a local sqld only.
    const plain = scheme === "http" || parsed.searchParams.get("tls") === "0";
    if (plain && !LOOPBACK.has(parsed.hostname)) {
      throw new WorkerConfigError("unsupported-libsql-url", "LIBSQL_URL may be unencrypted (http://, ?tls=0) only for a server on this host");
    }
    let client: Client;
    try {
      client = createClient({ url, authToken: env.LIBSQL_AUTH_TOKEN || undefined });
    } catch {
      // The client's own message may repeat the URL, with a token in its query: not logged.
      throw new WorkerConfigError("invalid-libsql-url", "LIBSQL_URL is not accepted by the libSQL client");
    }
    return { driver: "libsql", client, db: drizzleLibsql(client, { schema }) as unknown as AsliDatabase };
  }
  if (env.DB) return { driver: "d1", db: d1Database(env.DB) };
  throw new WorkerConfigError("missing-database", "bind a D1 database as DB, or set LIBSQL_URL");
}

// Derived key material, cached by the secret's value. This is neither a client nor
// configuration: the same SIGNING_KEY always derives the same keys, so a cached entry can
// never be stale, and a rotated secret simply misses. It saves an Ed25519 public-key
// derivation and two WebCrypto imports on every request. One entry: a worker has one key.
let signingKeyCache: { seed: string; key: Promise<SigningKey> } | undefined;
let adminHashCache: { token: string; hash: Promise<string> } | undefined;

export function workerSigningKey(seedText: string | undefined): Promise<SigningKey> {
  if (!seedText) throw new WorkerConfigError("missing-signing-key", "set the SIGNING_KEY secret (npm run -s keygen)");
  if (signingKeyCache?.seed !== seedText) {
    let seed: Uint8Array;
    try {
      seed = decodeSeed(seedText);
    } catch {
      throw new WorkerConfigError("invalid-signing-key", "SIGNING_KEY must be a base64url Ed25519 seed of 43 characters");
    }
    signingKeyCache = { seed: seedText, key: signingKeyFromSeed(seed) };
  }
  return signingKeyCache.key;
}

function adminTokenHash(token: string | undefined): Promise<string> | undefined {
  if (!token) return undefined;
  if (adminHashCache?.token !== token) adminHashCache = { token, hash: hashApiToken(token) };
  return adminHashCache.hash;
}

/** The keyring, in one place, so that a change to loadKeyring touches only this function. */
export async function workerKeyring(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<Keyring> {
  try {
    return await loadKeyring(db, signingKey, now);
  } catch (error) {
    // A revoked key in SIGNING_KEY is the operator's to fix, like a malformed one.
    if (error instanceof SigningKeyRevokedError) {
      throw new WorkerConfigError("revoked-signing-key", "SIGNING_KEY holds a revoked key: put a new key in SIGNING_KEY");
    }
    throw error;
  }
}

export function workerBaseUrl(env: Pick<WorkerEnv, "BASE_URL">, request: Request): string {
  const configured = env.BASE_URL?.trim();
  if (!configured) return new URL(request.url).origin;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new WorkerConfigError("invalid-base-url", "BASE_URL must be an absolute URL such as https://asli.example");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new WorkerConfigError("invalid-base-url", "BASE_URL must be an http(s) URL");
  }
  return url.origin;
}

/** Every configuration check runs before the first query, so a misconfigured worker touches no data. */
export async function workerDeps(env: WorkerEnv, request: Request): Promise<AppDeps> {
  const baseUrl = workerBaseUrl(env, request);
  let invitationTtlHours: number;
  try {
    invitationTtlHours = invitationTtlFromEnv(env.INVITATION_TTL_HOURS);
  } catch {
    throw new WorkerConfigError("invalid-invitation-ttl", "INVITATION_TTL_HOURS must be a number of hours from 1 to 720");
  }
  const signingKeyPromise = workerSigningKey(env.SIGNING_KEY);
  const { db } = openWorkerDatabase(env);
  const signingKey = await signingKeyPromise;
  const now = new Date();
  return {
    db,
    signingKey,
    keyring: await workerKeyring(db, signingKey, now),
    adminTokenHash: await adminTokenHash(env.ADMIN_TOKEN),
    baseUrl,
    clock: () => new Date(),
    webauthn: loadWebAuthnModule,
    invitationTtlHours,
  };
}

/**
 * Cloudflare's coarse guess of the client's country (ISO 3166-1 alpha-2), or undefined.
 * It is the only thing about the client the worker reads; nothing stores it yet (a future
 * scan count may), and the client's IP address is never read at all.
 */
export function coarseCountry(request: Request): string | undefined {
  const country = (request as { cf?: { country?: unknown } }).cf?.country;
  // XX: unknown; T1: Tor exit. Neither says where the scan happened.
  return typeof country === "string" && /^[A-Z]{2}$/.test(country) && country !== "XX" ? country : undefined;
}
