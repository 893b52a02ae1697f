// A registry with one principal of every role, each with an "own" and an "other" scope.
import type { TestService } from "./harness.js";
import { call, LUCKNOW, VARANASI } from "./requests.js";

export const BANARAS_BROCADES = 2; // Varanasi and neighbours
export const LUCKNOW_CHIKAN = 3; // Lucknow only

export type RoleName = "admin" | "district" | "gi-body" | "artisan" | "exporter";

export interface Registry {
  tokens: Record<RoleName, string>;
  /** In the district, GI and artisan scopes of the principals above. */
  own: { artisanId: number; certificateId: string; tokenId: number };
  /** In nobody's scope but the admin's. */
  other: { artisanId: number; certificateId: string; tokenId: number };
  /** An artisan whom the registry has not allowed to self-issue, with their token. */
  noSelfIssue: { artisanId: number; token: string };
}

let counter = 0;
/** Unique per call, so that tests sharing one database (D1 per file) never collide. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++counter}`;
}

export async function admin<T = any>(service: TestService, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call(service, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as T;
}

export async function makeArtisan(service: TestService, scope: "own" | "other", extra: Record<string, unknown> = {}): Promise<number> {
  const body =
    scope === "own"
      ? { name: unique("Own weaver"), districtCode: VARANASI, productId: 103, giTagId: BANARAS_BROCADES, giAuthorisedUserNumber: unique("AU") }
      : { name: unique("Other embroiderer"), districtCode: LUCKNOW, productId: 70, giTagId: LUCKNOW_CHIKAN, giAuthorisedUserNumber: unique("AU") };
  return (await admin(service, "POST", "/api/v1/artisans", { ...body, ...extra })).id;
}

export async function makeCertificate(service: TestService, artisanId: number): Promise<string> {
  return (await admin(service, "POST", "/api/v1/certificates", { artisanId, title: unique("Item"), madeOn: "2026-02-01" })).id;
}

export async function makeToken(service: TestService, body: Record<string, unknown>): Promise<{ id: number; token: string }> {
  return admin(service, "POST", "/api/v1/tokens", { name: unique("token"), ...body });
}

export async function buildRegistry(service: TestService): Promise<Registry> {
  const ownArtisan = await makeArtisan(service, "own", { maySelfIssue: true });
  const otherArtisan = await makeArtisan(service, "other", { maySelfIssue: true });
  const noSelf = await makeArtisan(service, "own");
  const district = await makeToken(service, { role: "district", districtCode: VARANASI });
  const giBody = await makeToken(service, { role: "gi-body", giTagId: BANARAS_BROCADES });
  const artisan = await makeToken(service, { role: "artisan", artisanId: ownArtisan });
  const exporter = await makeToken(service, { role: "exporter" });
  const noSelfToken = await makeToken(service, { role: "artisan", artisanId: noSelf });
  const otherArtisanToken = await makeToken(service, { role: "artisan", artisanId: otherArtisan });
  return {
    tokens: { admin: service.adminToken, district: district.token, "gi-body": giBody.token, artisan: artisan.token, exporter: exporter.token },
    own: { artisanId: ownArtisan, certificateId: await makeCertificate(service, ownArtisan), tokenId: (await makeToken(service, { role: "artisan", artisanId: ownArtisan })).id },
    other: { artisanId: otherArtisan, certificateId: await makeCertificate(service, otherArtisan), tokenId: otherArtisanToken.id },
    noSelfIssue: { artisanId: noSelf, token: noSelfToken.token },
  };
}
