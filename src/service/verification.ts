// One verification pipeline for the page and the API, in a fixed order: the signature; the
// registry's record of that exact token; the signing key's compromise; the certificate's
// revocation; the artisan's suspension; a copy suspicion the scan counts raised; then the claims,
// with a withdrawn GI claim taken out. The offline verifier (src/core/bundle.ts verifyOffline)
// follows the same order, without the copy rules: they need the online counts.
import type { CertificateRevocationReason } from "../core/bundle.js";
import type { CertificateClaims } from "../core/payload.js";
import type { TokenFailure, TokenVerdict } from "../core/token.js";
import { verifyUrl, type Presented } from "../core/url.js";
import { registryUnavailable } from "../core/errors.js";
import { signedAfterCompromise, type SigningKey } from "../core/keys.js";
import { isoTime } from "../core/time.js";
import { databaseFailure, type AsliDatabase } from "../store/database.js";
import type { LiveKeyring } from "./keyring.js";
import { findVerificationRecord, type CertificateRecord, type CertificateStanding, type VerificationRecord } from "../store/verification.js";
import type { CopyRule, CraftStory } from "../../db/schema.js";

export interface CertificateView {
  id: string;
  title: string;
  materials: string[];
  madeOn: string | null;
  issuedAt: string;
  kid: string;
  /** Absent when the certificate was looked up by its serial: the number alone does not hand out the signed token. */
  verifyUrl?: string;
  /** `photoUrl` as registered; pages show it only from their own origin. */
  artisan: { id: number; name: string; sellerName: string | null; photoUrl: string | null };
  district: { code: number; name: string; division: string };
  product: { id: number; name: string; story: CraftStory } | null;
  craft: string | null;
  /** `authorisedUserNumber`: the artisan's number as an authorised user of this GI, where registered. */
  giTag: { id: number; name: string; applicationNumber: string | null; story: CraftStory; authorisedUserNumber: string | null } | null;
}

/** The GI tag a certificate claimed, and when the GI body withdrew the artisan's authorisation. */
export interface WithdrawnGiClaim {
  giTag: { id: number; name: string; applicationNumber: string | null };
  withdrawnAt: string;
}

/** The claims exactly as signed (ids, unix time), so that a browser can compare them with what it decodes itself. */
export type SignedClaims = CertificateClaims;

export type InvalidReason = TokenFailure | "not-registered" | "key-compromised";

/**
 * How the certificate was presented: absent for a signed token (the QR), `serial` for a lookup
 * by the number printed on the tag, which shows the registry's record but proves nothing about
 * the tag in hand.
 */
export type Lookup = "serial";

interface Known {
  certificate: CertificateView;
  /** Set when the GI claim was removed from `certificate.giTag` because it was withdrawn. */
  withdrawnGiClaim?: WithdrawnGiClaim;
  claims: SignedClaims;
  lookup?: Lookup;
  /** Where the certificate is in the transparency log (docs/transparency-log.md): its entry's index. */
  log?: { index: number };
  /** Its verifications before this one (src/service/scans.ts): this one is counted after the answer. */
  scans: ScanSummary;
  /** Present when it was issued with a first buyer's claim code: when that buyer claimed it, or null. */
  claim?: { claimedAt: string | null };
}

export interface ScanSummary {
  count: number;
  firstAt: string | null;
  lastAt: string | null;
}

/** Why a copy is suspected: the rule (src/service/copy-rules.ts), when it fired, and what it saw. */
export type CopySuspicion = { rule: CopyRule; at: string } & ({ hops: number } | { day: string; count: number; usual: number } | { countries: number });

export type Verdict =
  | ({ status: "genuine" } & Known)
  | ({ status: "revoked"; reason: CertificateRevocationReason; revokedAt: string; message: string } & Known)
  | ({ status: "suspended"; message: string } & Known)
  /** Registered and not revoked, but its scans cannot all come from one item (docs/api.md, "Copied tags"). */
  | ({ status: "suspected-copy"; suspicion: CopySuspicion; message: string } & Known)
  /** The signature is valid but the registry could not be reached to confirm the certificate's standing (HTTP 503). */
  | { status: "unconfirmed"; claims: SignedClaims; key: { kid: string }; message: string }
  | { status: "invalid"; reason: InvalidReason; message: string; compromisedAt?: string; lookup?: Lookup };

const MESSAGES: Record<InvalidReason, string> = {
  malformed: "This is not an Asli certificate code.",
  "unsupported-version": "This certificate format is not known to this service.",
  "unknown-key": "This code was not signed by a key this registry has published.",
  "bad-signature": "The signature does not match: the code has been altered or forged.",
  "not-registered": "The signature is valid but the registry holds no such certificate.",
  "key-compromised": "This code was signed with a key after that key was reported compromised: it cannot be trusted.",
};

export const REVOCATION_MESSAGES: Record<CertificateRevocationReason, string> = {
  lost: "The certificate was revoked: the item was reported lost.",
  stolen: "The certificate was revoked: the item was reported stolen.",
  misissued: "The certificate was revoked: it was issued in error.",
  "item-destroyed": "The certificate was revoked: the item was reported destroyed.",
  superseded: "The certificate was revoked: a new certificate replaces it.",
  other: "The certificate was revoked by the registry.",
};

const NO_SUCH_SERIAL = "The registry holds no certificate with this number.";

const UNCONFIRMED_MESSAGE =
  "The signature is valid, but the registry could not be reached to confirm the certificate's standing (whether it is registered, revoked or suspended). Try again in a few minutes.";

const SUSPENDED_MESSAGE = "The registry has suspended this artisan: their certificates are not vouched for at present.";

export const SUSPICION_MESSAGES: Record<CopyRule, string> = {
  "impossible-travel": "This certificate was checked from different countries less than an hour apart, again and again: one item cannot travel that fast, so copies of its tag are probably in use.",
  burst: "This certificate was checked far more often in one day than one item ever is: copies of its tag are probably in use.",
  "elsewhere-after-claim": "After its first buyer claimed this item, it was checked from several other countries: copies of its tag are probably in use.",
};

export function certificateView(record: CertificateRecord, baseUrl: string): CertificateView {
  const { certificate: cert, artisan, district, product, giTag } = record;
  return {
    id: cert.id,
    title: cert.title,
    materials: cert.materials,
    madeOn: cert.madeOn,
    issuedAt: isoTime(cert.issuedAt),
    kid: cert.kid,
    verifyUrl: verifyUrl(baseUrl, cert.token),
    artisan: { id: artisan.id, name: artisan.name, sellerName: artisan.sellerName, photoUrl: artisan.photoUrl },
    district,
    product,
    craft: artisan.craft,
    giTag: giTag && { ...giTag, authorisedUserNumber: artisan.giAuthorisedUserNumber },
  };
}


/**
 * The certificate as the registry vouches for it today: a GI claim whose authorisation the GI
 * body has withdrawn is taken out of `giTag` (and reported), the rest stands. The verdict and
 * the verifiable credential both show this, so that they never differ.
 */
export function standingView(record: CertificateRecord, standing: CertificateStanding, baseUrl: string): Pick<Known, "certificate" | "withdrawnGiClaim"> {
  const view = certificateView(record, baseUrl);
  if (standing.giWithdrawnAt === null || !view.giTag) return { certificate: view };
  const { id, name, applicationNumber } = view.giTag;
  return { certificate: { ...view, giTag: null }, withdrawnGiClaim: { giTag: { id, name, applicationNumber }, withdrawnAt: isoTime(standing.giWithdrawnAt) } };
}

/** What a verification reads: the registry, the trusted keys, and the origin that verify URLs name. */
export interface VerificationDeps {
  db: AsliDatabase;
  keyring: LiveKeyring;
  signingKey: SigningKey;
  baseUrl: string;
  clock: () => Date;
}

export async function verifyCertificate(deps: VerificationDeps, token: string): Promise<Verdict> {
  const trusted = await deps.keyring.current(deps.db, deps.signingKey, deps.clock());
  // The signature, checked once per token and key (src/service/verified-tokens.ts); the rest of
  // the pipeline reads the registry every time.
  const verdict = await deps.keyring.verifiedTokens.verify(token, trusted);
  if (!verdict.valid) {
    // An instance that has not read the registry's keys since it started knows only its own:
    // another key may have signed this token.
    if (verdict.reason === "unknown-key" && !trusted.complete) throw registryUnavailable();
    return invalid(verdict.reason);
  }

  const { claims } = verdict;
  let found: VerificationRecord | undefined;
  try {
    found = await findVerificationRecord(deps.db, claims.serial);
  } catch (error) {
    const failure = databaseFailure(error);
    if (!failure) throw error;
    // A revocation is never undone, so the key's state as last read still settles a token
    // signed at or after its compromise.
    const key = trusted.keys.find((k) => k.kid === verdict.key.kid);
    if (key && signedAfterCompromise(key, claims.issuedAt)) {
      return { ...invalid("key-compromised"), ...(key.compromisedAt !== null ? { compromisedAt: isoTime(key.compromisedAt) } : {}) };
    }
    console.error(`database ${failure.kind} (${failure.code}) during a verification: answered unconfirmed`);
    return { status: "unconfirmed", claims: { ...claims }, key: { kid: verdict.key.kid }, message: UNCONFIRMED_MESSAGE };
  }
  return judge(deps, token, verdict, found);
}

/**
 * The registry's record for a serial a person typed: the same checks, run on the token the
 * registry holds for it, and marked `lookup: "serial"`. The signed token itself is not handed out
 * (no `verifyUrl`): knowing a number must not yield a QR that verifies.
 */
export async function verifySerial(deps: VerificationDeps, serial: string): Promise<Verdict> {
  // Without the registry there is nothing to look a number up in: a 503, not a verdict.
  const found = await findVerificationRecord(deps.db, serial).catch((error: unknown) => {
    throw databaseFailure(error) ? registryUnavailable() : error;
  });
  if (!found) return { status: "invalid", reason: "not-registered", message: NO_SUCH_SERIAL, lookup: "serial" };
  const token = found.record.certificate.token;
  const trusted = await deps.keyring.current(deps.db, deps.signingKey, deps.clock());
  const verdict = await deps.keyring.verifiedTokens.verify(token, trusted);
  const judged = verdict.valid ? judge(deps, token, verdict, found) : invalid(verdict.reason);
  if (judged.status === "invalid") return { ...judged, lookup: "serial" };
  if (judged.status === "unconfirmed") return judged;
  const { verifyUrl: _token, ...certificate } = judged.certificate;
  return { ...judged, certificate, lookup: "serial" };
}

/** A token or a serial, as the lenient reading of a verify URL presents it (src/core/url.ts). */
export function verifyPresented(deps: VerificationDeps, presented: Presented): Promise<Verdict> {
  return presented.kind === "serial" ? verifySerial(deps, presented.serial) : verifyCertificate(deps, presented.token);
}

function judge(deps: VerificationDeps, token: string, verdict: Extract<TokenVerdict, { valid: true }>, found: VerificationRecord | undefined): Verdict {
  const { claims } = verdict;
  const record = found?.record;
  const standing = found?.standing;
  const cert = record?.certificate;
  if (
    !record ||
    !standing ||
    cert!.token !== token ||
    cert!.kid !== verdict.key.kid ||
    cert!.artisanId !== claims.artisanId ||
    cert!.districtCode !== claims.districtCode ||
    cert!.productId !== claims.productId ||
    cert!.giTagId !== claims.giTagId
  ) {
    return invalid("not-registered");
  }

  // The later of the signed and the recorded issue time: neither can pull a certificate back
  // before the compromise. The same rule as offline (src/core/keys.ts signedAfterCompromise).
  if (signedAfterCompromise({ state: standing.keyState, compromisedAt: standing.compromisedAt }, Math.max(claims.issuedAt, cert!.issuedAt))) {
    return { ...invalid("key-compromised"), ...(standing.compromisedAt !== null ? { compromisedAt: isoTime(standing.compromisedAt) } : {}) };
  }

  const { scans, suspicion, claim } = found!;
  const known: Known = {
    ...standingView(record, standing, deps.baseUrl),
    claims: { ...claims },
    scans: scans ? { count: scans.count, firstAt: isoTime(scans.firstAt), lastAt: isoTime(scans.lastAt) } : { count: 0, firstAt: null, lastAt: null },
  };
  if (found!.logIndex !== null) known.log = { index: found!.logIndex };
  if (claim) known.claim = { claimedAt: claim.claimedAt === null ? null : isoTime(claim.claimedAt) };

  if (standing.revocation) {
    const { reason, revokedAt } = standing.revocation;
    return { status: "revoked", reason, revokedAt: isoTime(revokedAt), message: REVOCATION_MESSAGES[reason], ...known };
  }
  if (standing.artisanStatus === "suspended") return { status: "suspended", message: SUSPENDED_MESSAGE, ...known };
  if (suspicion) {
    const copy = { rule: suspicion.rule, at: isoTime(suspicion.at), ...suspicion.figures } as CopySuspicion;
    return { status: "suspected-copy", suspicion: copy, message: SUSPICION_MESSAGES[suspicion.rule], ...known };
  }
  return { status: "genuine", ...known };
}

function invalid(reason: InvalidReason): Extract<Verdict, { status: "invalid" }> {
  return { status: "invalid", reason, message: MESSAGES[reason] };
}

/**
 * Verdicts on many certificates whose records were read in bulk (a shipment's items, found with
 * findVerificationRecords): the same checks as verifyCertificate, in the same order, with the
 * keys read once and no query per certificate. Each entry's `token` is the one presented (the
 * registry's own for a certificate named by its id); `found` is its record, if any.
 */
export async function verifyRecords(deps: VerificationDeps, entries: readonly { token: string; found: VerificationRecord | undefined }[]): Promise<Verdict[]> {
  const trusted = await deps.keyring.current(deps.db, deps.signingKey, deps.clock());
  const verdicts: Verdict[] = new Array(entries.length);
  // WebCrypto verifies off the main thread: a few hundred at a time keep both cores busy.
  const CONCURRENT = 256;
  for (let start = 0; start < entries.length; start += CONCURRENT) {
    const chunk = entries.slice(start, start + CONCURRENT);
    const checked = await Promise.all(chunk.map((entry) => deps.keyring.verifiedTokens.verify(entry.token, trusted)));
    checked.forEach((verdict, i) => {
      const { token, found } = chunk[i]!;
      if (!verdict.valid) {
        if (verdict.reason === "unknown-key" && !trusted.complete) throw registryUnavailable();
        verdicts[start + i] = invalid(verdict.reason);
      } else verdicts[start + i] = judge(deps, token, verdict, found);
    });
  }
  return verdicts;
}
