// One verification pipeline for the page and the API: the signature first, then the registry.
import type { TokenFailure } from "../core/token.js";
import { verifyToken } from "../core/token.js";
import { verifyUrl } from "../core/url.js";
import { findCertificateRecord, type CertificateRecord } from "../store/certificates.js";
import type { AppDeps } from "./deps.js";

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

export type InvalidReason = TokenFailure | "not-registered";

export type Verdict =
  | { status: "genuine"; certificate: CertificateView }
  | { status: "invalid"; reason: InvalidReason; message: string };

const MESSAGES: Record<InvalidReason, string> = {
  malformed: "This is not an Asli certificate code.",
  "unsupported-version": "This certificate format is not known to this service.",
  "unknown-key": "This code was not signed by a key this registry has published.",
  "bad-signature": "The signature does not match: the code has been altered or forged.",
  "not-registered": "The signature is valid but the registry holds no such certificate.",
};

export function certificateView(record: CertificateRecord, baseUrl: string): CertificateView {
  const { certificate: cert, artisan, district, product, giTag } = record;
  return {
    id: cert.id,
    title: cert.title,
    materials: cert.materials,
    madeOn: cert.madeOn,
    issuedAt: new Date(cert.issuedAt * 1000).toISOString(),
    kid: cert.kid,
    verifyUrl: verifyUrl(baseUrl, cert.token),
    artisan: { id: artisan.id, name: artisan.name, sellerName: artisan.sellerName },
    district,
    product,
    craft: artisan.craft,
    giTag,
  };
}

export async function verifyCertificate(deps: AppDeps, token: string): Promise<Verdict> {
  const verdict = await verifyToken(token, deps.keyring);
  if (!verdict.valid) return invalid(verdict.reason);

  const { claims } = verdict;
  const record = await findCertificateRecord(deps.db, claims.serial);
  const cert = record?.certificate;
  if (
    !record ||
    cert!.token !== token ||
    cert!.artisanId !== claims.artisanId ||
    cert!.districtCode !== claims.districtCode ||
    cert!.productId !== claims.productId ||
    cert!.giTagId !== claims.giTagId
  ) {
    return invalid("not-registered");
  }
  return { status: "genuine", certificate: certificateView(record, deps.baseUrl) };
}

function invalid(reason: InvalidReason): Verdict {
  return { status: "invalid", reason, message: MESSAGES[reason] };
}

/** HTTP status for a verdict: 200 genuine, 404 signed but unknown, 400 not a certificate at all. */
export function verdictHttpStatus(verdict: Verdict): 200 | 400 | 404 {
  if (verdict.status === "genuine") return 200;
  return verdict.reason === "not-registered" ? 404 : 400;
}
