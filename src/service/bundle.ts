// Building the signed trust bundle from the registry. The content's sequence number grows only
// when the content changes; the issue time is the time of signing, so a verifier can tell a
// fresh copy of unchanged content from an old one.
import { sha256, toHex, utf8 } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";
import { encodeArtisans, signTrustBundle, type BundleKey, type TrustBundleContent } from "../core/bundle.js";
import type { SigningKey } from "../core/keys.js";
import { insertBundleVersion, latestBundleVersion, readBundleData } from "../store/bundle.js";
import type { AsliDatabase } from "../store/database.js";
import { unixSeconds } from "../core/time.js";
import type { TransparencyLog } from "./tlog.js";

/** A verifier should warn when its bundle is older than this. */
export const BUNDLE_FRESH_SECONDS = 7 * 86_400;
/** How long one process reuses a signed bundle before reading the registry again. */
export const BUNDLE_REUSE_SECONDS = 60;

export interface BuiltBundle {
  bytes: Uint8Array;
  content: TrustBundleContent;
}

interface BundleDeps {
  db: AsliDatabase;
  signingKey: SigningKey;
  baseUrl: string;
  clock: () => Date;
  log?: TransparencyLog;
}

const KEY_ORDER = { active: 0, retired: 1, revoked: 2 } as const;

// Per database object: on Node that is the process's one database; the Workers entry builds
// one per request, so there each request builds afresh and HTTP caching does the reuse.
const reuse = new WeakMap<AsliDatabase, { at: number; kid: string; bundle: BuiltBundle }>();

/** Called by the writes this module knows of, so that their effect is visible at once. */
export function invalidateTrustBundle(db: AsliDatabase): void {
  reuse.delete(db);
}

export async function currentTrustBundle(deps: BundleDeps): Promise<BuiltBundle> {
  const now = unixSeconds(deps.clock());
  const held = reuse.get(deps.db);
  if (held && held.kid === deps.signingKey.kid && now >= held.at && now - held.at < BUNDLE_REUSE_SECONDS) return held.bundle;
  const bundle = await buildTrustBundle(deps.db, deps.signingKey, deps.baseUrl, deps.clock(), deps.log);
  reuse.set(deps.db, { at: now, kid: deps.signingKey.kid, bundle });
  return bundle;
}

export async function buildTrustBundle(db: AsliDatabase, signingKey: SigningKey, baseUrl: string, now: Date, log?: TransparencyLog): Promise<BuiltBundle> {
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
  const sequence = await sequenceFor(db, toHex(await sha256(utf8(JSON.stringify(body)))), issuedAt);
  const content: TrustBundleContent = {
    type: "asli-trust-bundle",
    version: 1,
    issuer: new URL(baseUrl).origin,
    sequence,
    issuedAt,
    staleAfter: issuedAt + BUNDLE_FRESH_SECONDS,
    ...body,
    // Outside the content hash: the log's checkpoint moves with every certificate issued.
    ...(log ? { log: await log.bundleExtension() } : {}),
  };
  return { bytes: await signTrustBundle(content, signingKey), content };
}

async function sequenceFor(db: AsliDatabase, contentHash: string, now: number): Promise<number> {
  // Two instances may see new content at once: the primary key lets one claim the number, and
  // the other reads it back on its next try.
  for (let attempt = 0; attempt < 3; attempt++) {
    const latest = await latestBundleVersion(db);
    if (latest?.contentHash === contentHash) return latest.sequence;
    const sequence = (latest?.sequence ?? 0) + 1;
    if (await insertBundleVersion(db, { sequence, contentHash, createdAt: now })) return sequence;
  }
  throw new ApiError(503, "bundle-busy", "Try again", "the trust bundle is being updated; try again shortly");
}
