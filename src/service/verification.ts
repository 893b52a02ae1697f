// One verification pipeline for the page and the API, in a fixed order: the signature; the
// registry's record of that exact token; the signing key's compromise; the certificate's
// revocation; the artisan's suspension; then the claims, with a withdrawn GI claim taken out.
// The offline verifier (src/core/bundle.ts verifyOffline) follows the same order.
import type { CertificateRevocationReason } from "../core/bundle.js";
import type { CertificateClaims } from "../core/payload.js";
import type { TokenFailure } from "../core/token.js";
import { verifyToken } from "../core/token.js";
import { verifyUrl } from "../core/url.js";
import type { Keyring } from "../core/keys.js";
import { isoTime } from "../core/time.js";
import type { AsliDatabase } from "../store/database.js";
import { findVerificationRecord, type CertificateRecord } from "../store/verification.js";

export interface CertificateView {
  id: string;
  title: string;
  materials: string[];
  madeOn: string | null;
  issuedAt: string;
  kid: string;
  verifyUrl: string;
  artisan: { id: number; name: string; sellerName: string | null };
  district: { code: number; name: string; division: string };
  product: { id: number; name: string } | null;
  craft: string | null;
  giTag: { id: number; name: string; applicationNumber: string | null } | null;
}

/** The GI tag a certificate claimed, and when the GI body withdrew the artisan's authorisation. */
export interface WithdrawnGiClaim {
  giTag: { id: number; name: string; applicationNumber: string | null };
  withdrawnAt: string;
}

/** The claims exactly as signed (ids, unix time), so that a browser can compare them with what it decodes itself. */
export type SignedClaims = CertificateClaims;

export type InvalidReason = TokenFailure | "not-registered" | "key-compromised";

interface Known {
  certificate: CertificateView;
  /** Set when the GI claim was removed from `certificate.giTag` because it was withdrawn. */
  withdrawnGiClaim?: WithdrawnGiClaim;
  claims: SignedClaims;
  /** Where the certificate is in the transparency log (docs/transparency-log.md): its entry's index. */
  log?: { index: number };
}

export type Verdict =
  | ({ status: "genuine" } & Known)
  | ({ status: "revoked"; reason: CertificateRevocationReason; revokedAt: string; message: string } & Known)
  | ({ status: "suspended"; message: string } & Known)
  | { status: "invalid"; reason: InvalidReason; message: string; compromisedAt?: string };

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

const SUSPENDED_MESSAGE = "The registry has suspended this artisan: their certificates are not vouched for at present.";

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
    artisan: { id: artisan.id, name: artisan.name, sellerName: artisan.sellerName },
    district,
    product,
    craft: artisan.craft,
    giTag,
  };
}


/** What a verification reads: the registry, the trusted keys, and the origin that verify URLs name. */
export interface VerificationDeps {
  db: AsliDatabase;
  keyring: Keyring;
  baseUrl: string;
}

export async function verifyCertificate(deps: VerificationDeps, token: string): Promise<Verdict> {
  const verdict = await verifyToken(token, deps.keyring);
  if (!verdict.valid) return invalid(verdict.reason);

  const { claims } = verdict;
  const found = await findVerificationRecord(deps.db, claims.serial);
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
  // before the compromise.
  if (standing.keyState === "revoked" && standing.compromisedAt !== null && Math.max(claims.issuedAt, cert!.issuedAt) >= standing.compromisedAt) {
    return { ...invalid("key-compromised"), compromisedAt: isoTime(standing.compromisedAt) };
  }

  const view = certificateView(record, deps.baseUrl);
  const known: Known = { certificate: view, claims: { ...claims } };
  if (found!.logIndex !== null) known.log = { index: found!.logIndex };
  if (standing.giWithdrawnAt !== null && view.giTag) {
    known.withdrawnGiClaim = { giTag: view.giTag, withdrawnAt: isoTime(standing.giWithdrawnAt) };
    known.certificate = { ...view, giTag: null };
  }

  if (standing.revocation) {
    const { reason, revokedAt } = standing.revocation;
    return { status: "revoked", reason, revokedAt: isoTime(revokedAt), message: REVOCATION_MESSAGES[reason], ...known };
  }
  if (standing.artisanStatus === "suspended") return { status: "suspended", message: SUSPENDED_MESSAGE, ...known };
  return { status: "genuine", ...known };
}

function invalid(reason: InvalidReason): Extract<Verdict, { status: "invalid" }> {
  return { status: "invalid", reason, message: MESSAGES[reason] };
}
