// The signed trust bundle, built from the registry once per change of its content and stored in
// the database (trust_bundle_cache), where every instance of the service finds it: triggers raise
// a generation number in the same transaction as every write that can change the content, and a
// stored bundle is current while it was built at the current generation (docs/workers.md). The
// content's sequence number grows only when the content changes; the issue time is the time of
// signing, so a verifier can tell a fresh copy of unchanged content from an old one.
import { fromBase64url, sha256, toBase64url, toHex, utf8 } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";
import { encodeArtisans, signTrustBundle, type BundleKey, type TrustBundleContent } from "../core/bundle.js";
import type { SigningKey } from "../core/keys.js";
import { insertBundleVersion, latestBundleVersion, readBundleData, storeBundle, storedBundleBytes, storedBundleState, type StoredBundle } from "../store/bundle.js";
import type { AsliDatabase } from "../store/database.js";
import { unixSeconds } from "../core/time.js";
import type { TransparencyLog } from "./tlog.js";

/** A verifier should warn when its bundle is older than this. */
export const BUNDLE_FRESH_SECONDS = 7 * 86_400;
/**
 * A stored bundle is signed afresh once it is this old, though its content has not changed, so
 * that a copy fetched at any time has at least six of its seven fresh days left.
 */
export const BUNDLE_RESIGN_SECONDS = 86_400;
/** How long HTTP caches may keep a copy (Cache-Control max-age). */
export const BUNDLE_MAX_AGE_SECONDS = 300;

export interface BuiltBundle {
  bytes: Uint8Array;
  content: TrustBundleContent;
  /**
   * What the ETag stands for: SHA-256 (hex) of the content from `keys` on, which the sequence
   * number stands for, together with the log member when there is one (its checkpoint moves
   * with every certificate issued, the sequence does not).
   */
  contentHash: string;
  /** The registry's generation the content was read at; null on a database without the cache row. */
  generation: number | null;
}

/** What the route serves: the file, and what its headers say about it. */
export interface ServedBundle {
  bytes: Uint8Array;
  sequence: number;
  contentHash: string;
}

interface BundleDeps {
  db: AsliDatabase;
  signingKey: SigningKey;
  baseUrl: string;
  clock: () => Date;
  /** The transparency log, whose keys and latest cosigned checkpoint the bundle carries. */
  log?: TransparencyLog;
}

const KEY_ORDER = { active: 0, retired: 1, revoked: 2 } as const;

// The last stored bundle this isolate or process has read, so that repeated requests do not
// fetch its bytes from the database again. Keyed by everything the signed bytes depend on: the
// same content, sequence, issue time, issuer and signer always sign to the same bytes (Ed25519
// and the compressor are deterministic), so an entry can never serve the wrong file, whichever
// database a request names.
let lastRead: { key: string; bytes: Uint8Array } | undefined;

const buildKey = (b: Pick<StoredBundle, "contentHash" | "sequence" | "issuedAt" | "issuer" | "signerKid">) =>
  [b.contentHash, b.sequence, b.issuedAt, b.issuer, b.signerKid].join(" ");

function isCurrent(stored: StoredBundle | undefined, issuer: string, now: number): stored is StoredBundle & { sequence: number; issuedAt: number; contentHash: string } {
  return (
    stored !== undefined &&
    stored.builtGeneration === stored.generation &&
    stored.sequence !== null &&
    stored.issuedAt !== null &&
    stored.contentHash !== null &&
    stored.issuer === issuer &&
    // A copy from the future (a clock set back) is not served, nor one due to be signed afresh.
    stored.issuedAt <= now &&
    now - stored.issuedAt < BUNDLE_RESIGN_SECONDS
  );
}

/** The bundle to serve now: the stored one while it is current, else a new one (stored for the others). */
export async function currentTrustBundle(deps: BundleDeps): Promise<ServedBundle> {
  const now = unixSeconds(deps.clock());
  const issuer = new URL(deps.baseUrl).origin;
  const stored = await storedBundleState(deps.db);
  if (isCurrent(stored, issuer, now)) {
    const key = buildKey(stored);
    if (lastRead?.key === key) return { bytes: lastRead.bytes, sequence: stored.sequence, contentHash: stored.contentHash };
    const text = await storedBundleBytes(deps.db, stored);
    if (text !== null) {
      lastRead = { key, bytes: fromBase64url(text) };
      return { bytes: lastRead.bytes, sequence: stored.sequence, contentHash: stored.contentHash };
    }
    // Replaced between the two reads: build, as if it had not been current.
  }

  const built = await buildTrustBundle(deps.db, deps.signingKey, deps.baseUrl, deps.clock(), deps.log);
  const { content } = built;
  // Only a bundle signed by the content's active key is stored: an instance that still holds a
  // retired key (during a rotation) serves its own copy, and the next current instance stores one.
  const active = content.keys.find((k) => k.state === "active");
  if (built.generation !== null && active?.kid === deps.signingKey.kid) {
    const record = { sequence: content.sequence, contentHash: built.contentHash, issuer: content.issuer, signerKid: deps.signingKey.kid, issuedAt: content.issuedAt };
    try {
      if (await storeBundle(deps.db, { ...record, builtGeneration: built.generation, bundle: toBase64url(built.bytes) })) {
        lastRead = { key: buildKey(record), bytes: built.bytes };
      }
    } catch (error) {
      // D1 refuses a row over 2 MB (docs/workers.md): the bundle is then served unstored.
      console.error(`the trust bundle was not stored: ${error instanceof Error ? error.name : typeof error}`);
    }
  }
  return { bytes: built.bytes, sequence: content.sequence, contentHash: built.contentHash };
}

/** Reads the registry in one snapshot, numbers the content and signs it. */
export async function buildTrustBundle(db: AsliDatabase, signingKey: SigningKey, baseUrl: string, now: Date, log?: TransparencyLog): Promise<BuiltBundle> {
  // A builder whose snapshot is older than content another builder has already numbered reads again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const data = await readBundleData(db);
    const keys: BundleKey[] = data.keyRows
      .map((k) => ({
        kid: k.kid,
        x: k.publicKey,
        state: k.state,
        notBefore: k.createdAt,
        retiredAt: k.retiredAt,
        revokedAt: k.revokedAt,
        compromisedAt: k.compromisedAt,
      }))
      .sort((a, b) => KEY_ORDER[a.state] - KEY_ORDER[b.state]);
    const body = {
      keys,
      districts: data.districtRows.map((d): [number, string] => [d.code, d.name]),
      products: data.productRows.map((p): [number, number, string] => [p.id, p.districtCode, p.name]),
      giTags: data.giRows.map((g): [number, string, string | null] => [g.id, g.name, g.applicationNumber]),
      ...encodeArtisans(data.artisanRows),
      suspendedArtisans: data.suspendedRows.map((a) => a.id),
      giWithdrawn: data.withdrawnRows.map((a): [number, number] => [a.id, a.at!]),
      revoked: data.revokedRows.map((r): TrustBundleContent["revoked"][number] => [r.serial, r.reason, r.revokedAt]),
      monthlyCapacities: data.capacityRows.map((a): [number, number] => [a.id, a.capacity!]),
    };
    const issuedAt = unixSeconds(now);
    const contentHash = toHex(await sha256(utf8(JSON.stringify(body))));
    const sequence = await sequenceFor(db, contentHash, data.generation, issuedAt);
    if (sequence === null) continue;
    // Outside the sequence's content: the log's checkpoint moves with every certificate issued.
    const logMember = log ? await log.bundleExtension() : undefined;
    const content: TrustBundleContent = {
      type: "asli-trust-bundle",
      version: 1,
      issuer: new URL(baseUrl).origin,
      sequence,
      issuedAt,
      staleAfter: issuedAt + BUNDLE_FRESH_SECONDS,
      ...body,
      ...(logMember ? { log: logMember } : {}),
    };
    const servedHash = logMember ? toHex(await sha256(utf8(`${contentHash} ${JSON.stringify(logMember)}`))) : contentHash;
    return { bytes: await signTrustBundle(content, signingKey), content, contentHash: servedHash, generation: data.generation };
  }
  throw busy();
}

/**
 * The content's sequence number: the latest one when the content is unchanged, else the next.
 * Null when this snapshot predates content already numbered, which must not be numbered above it:
 * a bundle missing a revocation must never outrank one that has it (docs/trust-bundle.md §4).
 */
async function sequenceFor(db: AsliDatabase, contentHash: string, generation: number | null, now: number): Promise<number | null> {
  // Two instances may see new content at once: the primary key lets one claim the number, and
  // the other reads it back on its next try.
  for (let attempt = 0; attempt < 3; attempt++) {
    const latest = await latestBundleVersion(db);
    if (latest?.contentHash === contentHash) return latest.sequence;
    if (generation !== null && latest?.generation != null && latest.generation > generation) return null;
    const sequence = (latest?.sequence ?? 0) + 1;
    if (await insertBundleVersion(db, { sequence, contentHash, createdAt: now, generation })) return sequence;
  }
  throw busy();
}

function busy(): ApiError {
  return new ApiError(503, "bundle-busy", "Try again", "the trust bundle is being updated; try again shortly");
}
