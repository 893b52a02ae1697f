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
  /** The console person signed in with a passkey; absent for API tokens and the system. */
  personId?: number;
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

/**
 * Listings narrowed to the principal's scope, shared by the API and the console: the filter to
 * apply, or null when the request names another scope (an empty page, not an error).
 */
export function artisanListScope<F extends { districtCode?: number; giTagId?: number; id?: number }>(p: Principal, requested: F): F | null {
  if (p.role === "district") {
    if (requested.districtCode !== undefined && requested.districtCode !== p.districtCode) return null;
    return { ...requested, districtCode: p.districtCode! };
  }
  if (p.role === "artisan") return { ...requested, id: p.artisanId! };
  if (p.role === "gi-body") {
    if (requested.giTagId !== undefined && requested.giTagId !== p.giTagId) return null;
    return { ...requested, giTagId: p.giTagId! };
  }
  return requested;
}

export function certificateListScope<F extends { districtCode?: number; giTagId?: number; artisanId?: number }>(p: Principal, requested: F): F | null {
  const pin = <K extends "districtCode" | "giTagId" | "artisanId">(key: K, value: number) =>
    requested[key] !== undefined && requested[key] !== value ? null : { ...requested, [key]: value };
  switch (p.role) {
    case "district":
      return pin("districtCode", p.districtCode!);
    case "gi-body":
      return pin("giTagId", p.giTagId!);
    case "artisan":
      return pin("artisanId", p.artisanId!);
    default:
      return requested;
  }
}

/** The role and scope a console person holds (or an invitation will give): the same fields a token has. */
export interface PersonScope {
  role: Role;
  districtCode: number | null;
  giTagId: number | null;
  artisanId: number | null;
}

/** The artisan record behind an artisan scope: which district and GI it belongs to. */
export type ScopeArtisan = { districtCode: number; giTagId: number | null } | null;

/**
 * Who may invite whom, and manage (list, withdraw, revoke) them afterwards: the registry anyone;
 * a district office its own district's staff and the artisans registered in its district; a GI
 * body its own staff and the artisans who hold its GI. The same rule serves both, so an office
 * manages exactly the people it could have invited.
 */
export function canManagePerson(p: Principal, target: PersonScope, artisan: ScopeArtisan): boolean {
  switch (p.role) {
    case "admin":
      return true;
    case "district":
      if (target.role === "district") return target.districtCode === p.districtCode;
      return target.role === "artisan" && artisan !== null && artisan.districtCode === p.districtCode;
    case "gi-body":
      if (target.role === "gi-body") return target.giTagId === p.giTagId;
      return target.role === "artisan" && artisan !== null && artisan.giTagId !== null && artisan.giTagId === p.giTagId;
    default:
      return false;
  }
}

/** The roles a principal may invite people into (its own scope is implied for district and GI staff). */
export function invitableRoles(p: Principal): Role[] {
  switch (p.role) {
    case "admin":
      return [...ROLES];
    case "district":
      return ["district", "artisan"];
    case "gi-body":
      return ["gi-body", "artisan"];
    default:
      return [];
  }
}

export function assertCanManagePeople(p: Principal): void {
  if (invitableRoles(p).length === 0) throw new ApiError(403, "role-not-allowed", "Forbidden", `the ${p.role} role may not invite or manage people`);
}

export function assertCanManagePerson(p: Principal, target: PersonScope, artisan: ScopeArtisan): void {
  assertCanManagePeople(p);
  if (!canManagePerson(p, target, artisan)) {
    throw outOfScope(
      p.role === "district"
        ? "a district office invites and manages its own district's staff and the artisans registered in its district"
        : "a GI body invites and manages its own staff and the artisans who hold its GI tag",
    );
  }
}

/** Which people and invitations a listing shows the principal. */
export type PeopleScope = { kind: "all" } | { kind: "district"; districtCode: number } | { kind: "gi-body"; giTagId: number };

export function peopleScope(p: Principal): PeopleScope {
  assertCanManagePeople(p);
  if (p.role === "district") return { kind: "district", districtCode: p.districtCode! };
  if (p.role === "gi-body") return { kind: "gi-body", giTagId: p.giTagId! };
  return { kind: "all" };
}

/** Which reports of suspected fakes a principal reads and handles. */
export type ReportAccess = { kind: "all" } | { kind: "district"; districtCode: number };

/**
 * Reports of suspected fakes: the registry handles all of them (those about a tag that names no
 * certificate only it), a district office those about its own district's certificates. Nobody
 * else reads them: they hold what buyers typed, a contact among it.
 */
export function reportAccess(p: Principal): ReportAccess {
  if (p.role === "admin") return { kind: "all" };
  if (p.role === "district") return { kind: "district", districtCode: p.districtCode! };
  throw new ApiError(403, "role-not-allowed", "Forbidden", `the ${p.role} role does not handle reports of suspected fakes`);
}

export function canHandleReport(p: Principal, report: { districtCode: number | null }): boolean {
  if (p.role === "admin") return true;
  return p.role === "district" && report.districtCode !== null && report.districtCode === p.districtCode;
}
