// Request helpers for API tests: JSON in, JSON out, through app.request (no network). Every
// JSON answer is checked against the OpenAPI description, so the description cannot drift.
import { expect } from "vitest";
import { API_OPERATIONS } from "../../src/http/app.js";
import { problemSchema } from "../../src/http/api-schemas.js";
import { SERVICE_ERRORS, findOperation } from "../../src/http/openapi.js";
import type { TestService } from "./harness.js";

/** Codes any operation may answer with, besides those it lists. */
const GENERIC_CODES = ["validation-failed", "malformed-json", "unsupported-media-type", "payload-too-large", "unauthorized", "role-not-allowed", "not-found", "invalid-query", "invalid-cursor", "bad-request", "unsupported-charset", "method-not-allowed", "body-not-utf8"];

export function checkAgainstDescription(method: string, path: string, status: number, type: string, json: unknown): void {
  const op = findOperation(API_OPERATIONS, method, new URL(path, "http://x").pathname);
  if (!op) return;
  if (type.startsWith("application/problem+json")) {
    const problem = problemSchema.parse(json);
    expect([...GENERIC_CODES, ...SERVICE_ERRORS, ...(op.errors ?? [])], `${method} ${path}: undocumented problem code`).toContain(problem.code);
    return;
  }
  const documented = op.responses[status];
  expect(documented, `${method} ${path}: status ${status} is not documented`).toBeDefined();
  if (documented!.schema && type.includes("json")) {
    const result = documented!.schema.safeParse(json);
    expect(result.success, `${method} ${path} ${status} does not match its description: ${result.error?.message}`).toBe(true);
  }
}

export async function call(service: TestService, method: string, path: string, body?: unknown, token: string | null = service.adminToken) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await service.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = res.headers.get("content-type") ?? "";
  const json = type.includes("json") ? ((await res.json()) as any) : null;
  checkAgainstDescription(method, path, res.status, type, json);
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
