// What the Workers entry needs from its environment, built for each request from `env`:
// the database (D1, or Turso when LIBSQL_URL is set), the signing key, the admin token's hash
// and the public origin. Nothing here holds a database client or configuration between
// requests; the module-level state is a cache of key material derived from a secret, and the
// public keys last read from each database (read again once KEYRING_MAX_AGE_SECONDS old).
import type { Client } from "@libsql/client/web";
import { drizzle as drizzleD1 } from "drizzle-orm/d1";
import * as libsqlDriverCore from "drizzle-orm/libsql/driver-core";
import { hashApiToken } from "../core/api-token.js";
import { decodeSeed, signingKeyFromSeed, type SigningKey } from "../core/keys.js";
import type { AppDeps } from "../http/deps.js";
import { invitationTtlFromEnv } from "../service/invitations.js";
import { LiveKeyring, SigningKeyRevokedError } from "../service/keyring.js";
import { parseWitnessList, transparencyLogFor, type TransparencyLog } from "../service/tlog.js";
import { countryCode, ScanBuffer } from "../service/scans.js";
import { schema, type AsliDatabase } from "../store/database.js";
import { r2MediaStore } from "../service/media.js";
import { loadWorkerLibsqlClient, workerLazyModules } from "./worker-renderers.js";

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
  /** Optional: an R2 bucket that keeps the log's full tiles and entry bundles (docs/workers.md). */
  LOG_TILES?: R2Bucket;
  /** Optional: an R2 bucket for uploaded photos (docs/workers.md); without it, uploads answer 501. */
  MEDIA?: R2Bucket;
  /** Optional (docs/transparency-log.md): witnesses, how many must cosign, and an origin other than BASE_URL's host + /log. */
  LOG_WITNESSES?: string;
  LOG_WITNESS_QUORUM?: string;
  LOG_ORIGIN?: string;
};

export type WorkerConfigCode =
  | "missing-database"
  | "invalid-libsql-url"
  | "unsupported-libsql-url"
  | "missing-signing-key"
  | "invalid-signing-key"
  | "revoked-signing-key"
  | "invalid-base-url"
  | "missing-log-signing-key"
  | "invalid-log-signing-key"
  | "invalid-log-witnesses"
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

export type WorkerDatabase = { driver: "d1"; db: AsliDatabase; binding: D1Database } | { driver: "libsql"; db: AsliDatabase; client: Client };

/** Over the binding itself (the primary), or over a D1 session: drizzle calls only `prepare` and `batch`, which a session has too. */
export function d1Database(binding: D1Database | D1DatabaseSession): AsliDatabase {
  return drizzleD1(binding as D1Database, { schema }) as unknown as AsliDatabase;
}

/**
 * Scans: GET and HEAD of the verify page and the verify API. These read through a D1 session
 * (`first-unconstrained`), which a read replica near the buyer may answer; everything else, and
 * every write, goes to the primary (docs/workers.md, "Verify reads and D1 read replicas").
 */
export function readsNearby(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const { pathname } = new URL(request.url);
  return pathname.startsWith("/v/") || pathname.startsWith("/V/") || pathname.startsWith("/api/v1/verify/");
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

// drizzle's libSQL driver over a client made elsewhere: drizzle-orm/libsql/web would import the
// client itself, and so bring it back into the entry. drizzle declares `construct` in its
// JavaScript but not in its types.
const drizzleLibsql = (libsqlDriverCore as unknown as { construct: (client: Client, config: { schema: typeof schema }) => unknown }).construct;

/**
 * Turso when LIBSQL_URL is set, D1 otherwise. The web client speaks Hrana over HTTP for
 * libsql:// and https:// URLs: one fetch per query or batch, no connection opened before the
 * first query and none left behind, which suits a client made per request. WebSocket URLs
 * (wss://) are refused: that client connects as soon as it is made and holds the socket open.
 * The client is a module of its own (worker-modules/libsql-web.js), loaded only here: a D1
 * deployment's isolates never load it.
 */
export async function openWorkerDatabase(env: Pick<WorkerEnv, "DB" | "LIBSQL_URL" | "LIBSQL_AUTH_TOKEN">): Promise<WorkerDatabase> {
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
    const { createClient } = await loadWorkerLibsqlClient();
    let client: Client;
    try {
      client = createClient({ url, authToken: env.LIBSQL_AUTH_TOKEN || undefined });
    } catch {
      // The client's own message may repeat the URL, with a token in its query: not logged.
      throw new WorkerConfigError("invalid-libsql-url", "LIBSQL_URL is not accepted by the libSQL client");
    }
    return { driver: "libsql", client, db: drizzleLibsql(client, { schema }) as unknown as AsliDatabase };
  }
  if (env.DB) return { driver: "d1", db: d1Database(env.DB), binding: env.DB };
  throw new WorkerConfigError("missing-database", "bind a D1 database as DB, or set LIBSQL_URL");
}

// Derived key material, cached by the secret's value. This is neither a client nor
// configuration: the same SIGNING_KEY always derives the same keys, so a cached entry can
// never be stale, and a rotated secret simply misses. It saves an Ed25519 public-key
// derivation and two WebCrypto imports on every request. One entry: a worker has one key.
let signingKeyCache: { seed: string; key: Promise<SigningKey> } | undefined;
let logKeyCache: { seed: string; key: Promise<SigningKey> } | undefined;
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

/** LOG_SIGNING_KEY, the transparency log's own key, derived once per secret value like SIGNING_KEY. */
export function workerLogKey(seedText: string | undefined): Promise<SigningKey> {
  if (!seedText) throw new WorkerConfigError("missing-log-signing-key", "set the LOG_SIGNING_KEY secret (npm run -s keygen)");
  if (logKeyCache?.seed !== seedText) {
    let seed: Uint8Array;
    try {
      seed = decodeSeed(seedText);
    } catch {
      throw new WorkerConfigError("invalid-log-signing-key", "LOG_SIGNING_KEY must be a base64url Ed25519 seed of 43 characters");
    }
    logKeyCache = { seed: seedText, key: signingKeyFromSeed(seed) };
  }
  return logKeyCache.key;
}

/** The transparency log of this deployment: its key, witnesses, origin, and the R2 bucket if bound. */
export async function workerLog(
  env: WorkerEnv,
  db: AsliDatabase,
  baseUrl: string,
  signingKey: SigningKey,
  ctx: Pick<ExecutionContext, "waitUntil"> | undefined,
): Promise<TransparencyLog> {
  const key = await workerLogKey(env.LOG_SIGNING_KEY);
  if (key.kid === signingKey.kid) throw new WorkerConfigError("invalid-log-signing-key", "LOG_SIGNING_KEY must not be the certificate signing key");
  let witnesses;
  try {
    witnesses = parseWitnessList(env.LOG_WITNESSES);
  } catch {
    throw new WorkerConfigError("invalid-log-witnesses", "LOG_WITNESSES: one witness a line, its verifier key and its URL");
  }
  const quorumText = env.LOG_WITNESS_QUORUM?.trim();
  const quorum = quorumText ? Number(quorumText) : undefined;
  if (quorum !== undefined && !(Number.isSafeInteger(quorum) && quorum >= 0 && quorum <= witnesses.length)) {
    throw new WorkerConfigError("invalid-log-witnesses", "LOG_WITNESS_QUORUM is a whole number, at most the number of witnesses");
  }
  return transparencyLogFor({
    db,
    baseUrl,
    origin: env.LOG_ORIGIN?.trim() || undefined,
    key,
    witnesses,
    quorum,
    tileBucket: env.LOG_TILES,
    defer: ctx ? (task) => ctx.waitUntil(task()) : undefined,
    clock: () => new Date(),
  });
}

function adminTokenHash(token: string | undefined): Promise<string> | undefined {
  if (!token) return undefined;
  if (adminHashCache?.token !== token) adminHashCache = { token, hash: hashApiToken(token) };
  return adminHashCache.hash;
}

// The recorded public keys, per database, for every request of this isolate: without it each
// request read them (a query before every verify), and a request that found the database
// unreachable had no keys to check a signature with. A revocation made through this isolate
// reaches its cache at once (the route invalidates it); one made through another isolate, on the
// first request after the cache is KEYRING_MAX_AGE_SECONDS old. Keyed by the D1 binding object,
// or by the Turso URL.
const keyringsByBinding = new WeakMap<object, LiveKeyring>();
const keyringsByUrl = new Map<string, LiveKeyring>();

function cachedKeyring(env: Pick<WorkerEnv, "DB" | "LIBSQL_URL">): LiveKeyring {
  const url = env.LIBSQL_URL?.trim();
  let keyring = url ? keyringsByUrl.get(url) : keyringsByBinding.get(env.DB!);
  if (!keyring) {
    keyring = new LiveKeyring();
    if (url) keyringsByUrl.set(url, keyring);
    else keyringsByBinding.set(env.DB!, keyring);
  }
  return keyring;
}

/**
 * The isolate's keyring for this database, checked for this request's signing key: recorded as
 * active if new, refused if revoked.
 */
export async function workerKeyring(env: Pick<WorkerEnv, "DB" | "LIBSQL_URL">, db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<LiveKeyring> {
  const keyring = cachedKeyring(env);
  try {
    await keyring.current(db, signingKey, now);
    return keyring;
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
export async function workerDeps(env: WorkerEnv, request: Request, ctx?: Pick<ExecutionContext, "waitUntil">): Promise<AppDeps> {
  const baseUrl = workerBaseUrl(env, request);
  let invitationTtlHours: number;
  try {
    invitationTtlHours = invitationTtlFromEnv(env.INVITATION_TTL_HOURS);
  } catch {
    throw new WorkerConfigError("invalid-invitation-ttl", "INVITATION_TTL_HOURS must be a number of hours from 1 to 720");
  }
  const signingKeyPromise = workerSigningKey(env.SIGNING_KEY);
  const logKeyPromise = workerLogKey(env.LOG_SIGNING_KEY);
  const opened = await openWorkerDatabase(env);
  // A scan reads through a D1 session that a nearby read replica may answer; writes, and every
  // other request, go to the primary. Turso has no sessions.
  const db = opened.driver === "d1" && readsNearby(request) ? d1Database(opened.binding.withSession("first-unconstrained")) : opened.db;
  const signingKey = await signingKeyPromise;
  await logKeyPromise;
  // The log appends and integrates: on the primary.
  const log = await workerLog(env, opened.db, baseUrl, signingKey, ctx);
  const now = new Date();
  return {
    db,
    signingKey,
    // Keys are read from the primary (a lagging replica must never decide a rotation); the
    // verify path then finds them fresh and reads no keys through the session.
    keyring: await workerKeyring(env, opened.db, signingKey, now),
    adminTokenHash: await adminTokenHash(env.ADMIN_TOKEN),
    baseUrl,
    // Without BASE_URL, baseUrl is the request's origin: fine for links, not for printed QR codes.
    baseUrlUnset: !env.BASE_URL?.trim(),
    clock: () => new Date(),
    ...workerLazyModules,
    log,
    invitationTtlHours,
    // Written to the primary after the response; the country is Cloudflare's, nothing else of the client.
    scans: new ScanBuffer({ db: opened.db, clock: () => new Date(), countryOf: (r) => countryCode(coarseCountry(r)), defer: ctx ? (write) => ctx.waitUntil(write()) : undefined }),
    media: env.MEDIA ? r2MediaStore(env.MEDIA) : undefined,
  };
}

/**
 * Cloudflare's coarse guess of the client's country (ISO 3166-1 alpha-2), or undefined.
 * It is the only thing about the client the worker reads, and it goes only into the scan counts
 * (src/service/scans.ts); the client's IP address is never read at all.
 */
export function coarseCountry(request: Request): string | undefined {
  const country = (request as { cf?: { country?: unknown } }).cf?.country;
  // XX: unknown; T1: Tor exit. Neither says where the scan happened.
  return typeof country === "string" && /^[A-Z]{2}$/.test(country) && country !== "XX" ? country : undefined;
}
