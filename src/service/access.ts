// Who may act on what. Roles say which operations; scopes say on which records. Every check
// here answers 403 with a stable code, so clients can tell "wrong role" from "not yours".
import { ApiError } from "../core/errors.js";

export const ROLES = ["admin", "district", "gi-body", "artisan", "exporter"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  role: Role;
  /** The stored token's id; null for the admin token from the environment. */
  tokenId: number | null;
  districtCode: number | null;
  giTagId: number | null;
  artisanId: number | null;
}

export const outOfScope = (detail: string) => new ApiError(403, "out-of-scope", "Forbidden", detail);

interface ArtisanScope {
  id: number;
  districtCode: number;
  giTagId: number | null;
}

/** Reading an artisan's record: the registry, their district office, their GI body, themselves. */
export function canReadArtisan(p: Principal, a: ArtisanScope): boolean {
  switch (p.role) {
    case "admin":
      return true;
    case "district":
      return p.districtCode === a.districtCode;
    case "gi-body":
      return a.giTagId !== null && p.giTagId === a.giTagId;
    case "artisan":
      return p.artisanId === a.id;
    case "exporter":
      return false;
  }
}

/** Registering, editing, suspending an artisan: the registry and the artisan's district office. */
export function assertCanManageArtisan(p: Principal, a: { districtCode: number }): void {
  if (p.role === "admin") return;
  if (p.role === "district" && p.districtCode === a.districtCode) return;
  throw outOfScope("this artisan is registered in another district");
}

/** Confirming or withdrawing a GI authorisation: the registry and the GI's own body. */
export function assertCanManageGi(p: Principal, giTagId: number | null): void {
  if (p.role === "admin") return;
  if (p.role === "gi-body" && giTagId !== null && p.giTagId === giTagId) return;
  throw outOfScope("this artisan's GI tag belongs to another GI body");
}

/** Issuing a certificate: the registry, the district office, or the artisan when self-issuance is allowed. */
export function assertCanIssueFor(p: Principal, a: ArtisanScope & { maySelfIssue: boolean }): void {
  if (p.role === "admin") return;
  if (p.role === "district" && p.districtCode === a.districtCode) return;
  if (p.role === "artisan" && p.artisanId === a.id) {
    if (a.maySelfIssue) return;
    throw new ApiError(403, "self-issuance-not-allowed", "Forbidden", "the registry has not allowed this artisan to issue their own certificates");
  }
  throw outOfScope("certificates for this artisan are issued by another office");
}

/** Reading a certificate's registry record: the issuers in scope, and exporters, who attach them to shipments. */
export function canReadCertificate(p: Principal, c: { artisanId: number; districtCode: number; giTagId: number | null }): boolean {
  if (p.role === "exporter") return true;
  return canReadArtisan(p, { id: c.artisanId, districtCode: c.districtCode, giTagId: c.giTagId });
}
