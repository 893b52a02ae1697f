// Request helpers for API tests: JSON in, JSON out, through app.request (no network).
import type { TestService } from "./harness.js";

export async function call(service: TestService, method: string, path: string, body?: unknown, token: string | null = service.adminToken) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await service.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get("content-type") ?? "";
  const json = type.includes("json") ? ((await res.json()) as any) : null;
  return { res, status: res.status, json, type };
}

export const VARANASI = 187;
export const LUCKNOW = 162;

/** Registers an artisan; GSTINs and GI numbers must be unique per test database. */
export async function registerArtisan(service: TestService, overrides: Record<string, unknown> = {}) {
  const { status, json } = await call(service, "POST", "/api/v1/artisans", {
    name: "Test Weaver",
    districtCode: VARANASI,
    productId: 103,
    ...overrides,
  });
  if (status !== 201) throw new Error(`registering an artisan failed: ${status} ${JSON.stringify(json)}`);
  return json as { id: number };
}

export async function issueCertificate(service: TestService, artisanId: number, overrides: Record<string, unknown> = {}) {
  const { status, json } = await call(service, "POST", "/api/v1/certificates", {
    artisanId,
    title: "Katan silk saree",
    materials: ["silk", "zari"],
    madeOn: "2026-02-20",
    ...overrides,
  });
  if (status !== 201) throw new Error(`issuing a certificate failed: ${status} ${JSON.stringify(json)}`);
  return json as { id: string; token: string; verifyUrl: string; links: { qrSvg: string; qrPng: string }; certificate: any };
}
