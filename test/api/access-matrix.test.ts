// Every endpoint × every role × own scope / other scope: allowed, or refused with a stable code.
import { makeTestService, runtime, type TestService } from "@harness";
import { beforeAll, describe, expect, it } from "vitest";
import { call, LUCKNOW, VARANASI } from "../support/requests.js";
import { admin, buildRegistry, makeArtisan, makeCertificate, makeToken, unique, type Registry, type RoleName } from "../support/principals.js";

type Outcome = number | [number, string];
type Scope = "own" | "other";
type Request = (s: TestService, r: Registry, scope: Scope) => Promise<[method: string, path: string, body?: unknown]>;

const ROLE = (status = 403): Outcome => [status, "role-not-allowed"];
const SCOPE: Outcome = [403, "out-of-scope"];
const HIDDEN: Outcome = [404, "not-found"];
const both = (o: Outcome): [Outcome, Outcome] => [o, o];
const RENDERED: Outcome = 200;
// Rows outside the caller's scope are refused row by row, before anything is issued.
const BATCH_REFUSED: Outcome = [422, "batch-invalid"];
const HIGHER: Outcome = [403, "revoked-by-higher-authority"];

const target = (r: Registry, scope: Scope) => r[scope];

const ENDPOINTS: { name: string; request: Request; expect: Record<RoleName, [Outcome, Outcome]> }[] = [
  {
    name: "POST /api/v1/artisans",
    request: async (_s, _r, scope) => ["POST", "/api/v1/artisans", { name: unique("New"), districtCode: scope === "own" ? VARANASI : LUCKNOW, craft: "Weaving" }],
    expect: { admin: both(201), district: [201, SCOPE], "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/artisans",
    request: async (_s, _r, scope) => ["GET", `/api/v1/artisans?district=${scope === "own" ? VARANASI : LUCKNOW}`],
    expect: { admin: both(200), district: both(200), "gi-body": both(200), artisan: both(200), exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/artisans/{id}",
    request: async (_s, r, scope) => ["GET", `/api/v1/artisans/${target(r, scope).artisanId}`],
    expect: { admin: both(200), district: [200, HIDDEN], "gi-body": [200, HIDDEN], artisan: [200, HIDDEN], exporter: both(ROLE()) },
  },
  {
    name: "PATCH /api/v1/artisans/{id}",
    request: async (_s, r, scope) => ["PATCH", `/api/v1/artisans/${target(r, scope).artisanId}`, { languages: ["hi", "ur"] }],
    expect: { admin: both(200), district: [200, SCOPE], "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/artisans/{id}/status",
    request: async (s, _r, scope) => ["POST", `/api/v1/artisans/${await makeArtisan(s, scope)}/status`, { status: "suspended", reason: "inspection" }],
    expect: { admin: both(200), district: [200, SCOPE], "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/artisans/{id}/gi-authorisation",
    request: async (s, _r, scope) => ["POST", `/api/v1/artisans/${await makeArtisan(s, scope)}/gi-authorisation`, { action: "withdraw", reason: "lapsed" }],
    expect: { admin: both(200), district: both(ROLE()), "gi-body": [200, SCOPE], artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/certificates",
    request: async (_s, r, scope) => ["POST", "/api/v1/certificates", { artisanId: target(r, scope).artisanId, title: unique("Saree") }],
    expect: { admin: both(201), district: [201, SCOPE], "gi-body": both(ROLE()), artisan: [201, SCOPE], exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/certificates",
    request: async (_s, r, scope) => ["GET", `/api/v1/certificates?artisan=${target(r, scope).artisanId}`],
    expect: { admin: both(200), district: both(200), "gi-body": both(200), artisan: both(200), exporter: both(200) },
  },
  {
    name: "GET /api/v1/certificates/{id}",
    request: async (_s, r, scope) => ["GET", `/api/v1/certificates/${target(r, scope).certificateId}`],
    expect: { admin: both(200), district: [200, HIDDEN], "gi-body": [200, HIDDEN], artisan: [200, HIDDEN], exporter: both(200) },
  },
  {
    name: "GET /api/v1/certificates/{id}/qr.svg",
    request: async (_s, r, scope) => ["GET", `/api/v1/certificates/${target(r, scope).certificateId}/qr.svg`],
    expect: { admin: both(200), district: [200, HIDDEN], "gi-body": [200, HIDDEN], artisan: [200, HIDDEN], exporter: both(200) },
  },
  {
    name: "GET /api/v1/certificates/{id}/qr.png",
    request: async (_s, r, scope) => ["GET", `/api/v1/certificates/${target(r, scope).certificateId}/qr.png`],
    expect: { admin: both(200), district: [200, HIDDEN], "gi-body": [200, HIDDEN], artisan: [200, HIDDEN], exporter: both(200) },
  },
  {
    name: "POST /api/v1/certificates/{id}/revocation",
    request: async (s, r, scope) => ["POST", `/api/v1/certificates/${await makeCertificate(s, target(r, scope).artisanId)}/revocation`, { reason: "lost" }],
    expect: { admin: both(201), district: [201, HIDDEN], "gi-body": both(ROLE()), artisan: [201, HIDDEN], exporter: both(ROLE()) },
  },
  {
    name: "DELETE /api/v1/certificates/{id}/revocation",
    request: async (s, r, scope) => {
      const id = await makeCertificate(s, target(r, scope).artisanId);
      await admin(s, "POST", `/api/v1/certificates/${id}/revocation`, { reason: "misissued" });
      return ["DELETE", `/api/v1/certificates/${id}/revocation`];
    },
    // Revoked by the registry here, so only the registry may reinstate (see the test below).
    expect: { admin: both(200), district: [HIGHER, HIDDEN], "gi-body": both(ROLE()), artisan: [HIGHER, HIDDEN], exporter: both(ROLE()) },
  },
  {
    // Key revocation is the state cell's alone; an unknown kid shows that the admin got past the role check.
    name: "POST /api/v1/keys/{kid}/revocation",
    request: async () => ["POST", "/api/v1/keys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/revocation", { reason: "key-compromise", compromisedAt: "2026-02-01T00:00:00Z" }],
    expect: { admin: both(HIDDEN), district: both(ROLE()), "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/certificates/{id}/tag.svg",
    request: async (_s, r, scope) => ["GET", `/api/v1/certificates/${target(r, scope).certificateId}/tag.svg?size=sticker`],
    expect: { admin: both(200), district: [200, HIDDEN], "gi-body": [200, HIDDEN], artisan: [200, HIDDEN], exporter: both(200) },
  },
  // PNG and PDF tags: the renderers each runtime loads on first use.
  ...(["tag.png", "tag.pdf"] as const).map((file) => ({
    name: `GET /api/v1/certificates/{id}/${file}`,
    request: (async (_s, r, scope) => ["GET", `/api/v1/certificates/${target(r, scope).certificateId}/${file}`]) as Request,
    expect: { admin: both(RENDERED), district: [RENDERED, HIDDEN], "gi-body": [RENDERED, HIDDEN], artisan: [RENDERED, HIDDEN], exporter: both(RENDERED) } as Record<RoleName, [Outcome, Outcome]>,
  })),
  {
    name: "POST /api/v1/batches",
    request: async (_s, r, scope) => ["POST", "/api/v1/batches", { items: [{ artisanId: target(r, scope).artisanId, title: unique("Batch item") }] }],
    expect: { admin: both(201), district: [201, BATCH_REFUSED], "gi-body": both(ROLE()), artisan: [201, BATCH_REFUSED], exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/batches/{id}",
    request: async (s, r, scope) => ["GET", `/api/v1/batches/${(await admin(s, "POST", "/api/v1/batches", { items: [{ artisanId: target(r, scope).artisanId, title: unique("Batch item") }] })).id}`],
    expect: { admin: both(200), district: [200, HIDDEN], "gi-body": [200, HIDDEN], artisan: [200, HIDDEN], exporter: both(200) },
  },
  {
    name: "GET /api/v1/batches/{id}/labels.pdf",
    request: async (s, r, scope) => ["GET", `/api/v1/batches/${(await admin(s, "POST", "/api/v1/batches", { items: [{ artisanId: target(r, scope).artisanId, title: unique("Batch item") }] })).id}/labels.pdf`],
    expect: { admin: both(RENDERED), district: [RENDERED, HIDDEN], "gi-body": [RENDERED, HIDDEN], artisan: [RENDERED, HIDDEN], exporter: both(RENDERED) },
  },
  {
    name: "POST /api/v1/tokens",
    request: async (_s, r, scope) => ["POST", "/api/v1/tokens", { name: unique("t"), role: "artisan", artisanId: target(r, scope).artisanId }],
    expect: { admin: both(201), district: [201, SCOPE], "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/tokens",
    request: async () => ["GET", "/api/v1/tokens?prefix=asli_"],
    expect: { admin: both(200), district: both(200), "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/tokens/{id}/revoke",
    request: async (s, r, scope) => ["POST", `/api/v1/tokens/${(await makeToken(s, { role: "artisan", artisanId: target(r, scope).artisanId })).id}/revoke`],
    expect: { admin: both(200), district: [200, SCOPE], "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/tokens/{id}/rotate",
    request: async (s, r, scope) => ["POST", `/api/v1/tokens/${(await makeToken(s, { role: "artisan", artisanId: target(r, scope).artisanId })).id}/rotate`, {}],
    expect: { admin: both(201), district: [201, SCOPE], "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/gi-tags",
    request: async () => ["POST", "/api/v1/gi-tags", { name: unique("GI"), category: "Handicraft", districtCodes: [VARANASI] }],
    expect: { admin: both(201), district: both(ROLE()), "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "PATCH /api/v1/gi-tags/{id}",
    request: async () => ["PATCH", "/api/v1/gi-tags/2", { addDistrictCodes: [VARANASI] }],
    expect: { admin: both(200), district: both(ROLE()), "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "POST /api/v1/districts/{code}/products",
    request: async (_s, _r, scope) => ["POST", `/api/v1/districts/${scope === "own" ? VARANASI : LUCKNOW}/products`, { name: unique("Product") }],
    expect: { admin: both(201), district: both(ROLE()), "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
  {
    name: "GET /api/v1/audit",
    request: async () => ["GET", "/api/v1/audit"],
    expect: { admin: both(200), district: both(ROLE()), "gi-body": both(ROLE()), artisan: both(ROLE()), exporter: both(ROLE()) },
  },
];

describe(`access matrix: role × endpoint × scope (${runtime})`, () => {
  let service: TestService;
  let registry: Registry;
  beforeAll(async () => {
    service = await makeTestService();
    registry = await buildRegistry(service);
  });

  for (const endpoint of ENDPOINTS) {
    for (const role of Object.keys(endpoint.expect) as RoleName[]) {
      (["own", "other"] as const).forEach((scope, i) => {
        const outcome = endpoint.expect[role][i]!;
        const [status, code] = typeof outcome === "number" ? [outcome, undefined] : outcome;
        it(`${endpoint.name} as ${role}, ${scope} scope → ${status}${code ? ` ${code}` : ""}`, async () => {
          const [method, path, body] = await endpoint.request(service, registry, scope);
          const res = await call(service, method, path, body, registry.tokens[role]);
          expect(res.status, JSON.stringify(res.json)).toBe(status);
          if (code) expect(res.json.code).toBe(code);
        });
      });
    }
  }

  it("keeps listings inside the principal's scope whatever the query asks", async () => {
    for (const role of ["district", "gi-body", "artisan"] as const) {
      const listed = await call(service, "GET", "/api/v1/artisans?limit=200", undefined, registry.tokens[role]);
      expect(listed.json.items.map((a: any) => a.id)).not.toContain(registry.other.artisanId);
      expect(listed.json.items.map((a: any) => a.id)).toContain(registry.own.artisanId);
      const certs = await call(service, "GET", "/api/v1/certificates?limit=200", undefined, registry.tokens[role]);
      expect(certs.json.items.map((c: any) => c.id)).not.toContain(registry.other.certificateId);
      expect(certs.json.items.map((c: any) => c.id)).toContain(registry.own.certificateId);
    }
  });

  it("names each batch row outside the caller's scope, and issues none of the batch", async () => {
    const before = (await call(service, "GET", `/api/v1/certificates?artisan=${registry.own.artisanId}&limit=200`)).json.items.length;
    const res = await call(service, "POST", "/api/v1/batches", { items: [{ artisanId: registry.own.artisanId, title: "Mine" }, { artisanId: registry.other.artisanId, title: "Not mine" }] }, registry.tokens.district);
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: any) => [e.row, e.code])).toEqual([[2, "out-of-scope"]]);
    expect((await call(service, "GET", `/api/v1/certificates?artisan=${registry.own.artisanId}&limit=200`)).json.items.length).toBe(before);
  });

  it("lets an artisan undo only their own revocations, not their district office's", async () => {
    const byOffice = await makeCertificate(service, registry.own.artisanId);
    await call(service, "POST", `/api/v1/certificates/${byOffice}/revocation`, { reason: "stolen" }, registry.tokens.district);
    const refused = await call(service, "DELETE", `/api/v1/certificates/${byOffice}/revocation`, undefined, registry.tokens.artisan);
    expect([refused.status, refused.json.code]).toEqual([403, "revoked-by-higher-authority"]);
    expect((await call(service, "DELETE", `/api/v1/certificates/${byOffice}/revocation`, undefined, registry.tokens.district)).status).toBe(200);

    const bySelf = await makeCertificate(service, registry.own.artisanId);
    await call(service, "POST", `/api/v1/certificates/${bySelf}/revocation`, { reason: "lost" }, registry.tokens.artisan);
    expect((await call(service, "DELETE", `/api/v1/certificates/${bySelf}/revocation`, undefined, registry.tokens.artisan)).status).toBe(200);
  });

  it("refuses self-issuance to an artisan the registry has not allowed, and certificates for inactive artisans", async () => {
    const refused = await call(service, "POST", "/api/v1/certificates", { artisanId: registry.noSelfIssue.artisanId, title: "Mine" }, registry.noSelfIssue.token);
    expect([refused.status, refused.json.code]).toEqual([403, "self-issuance-not-allowed"]);
    const pending = await makeArtisan(service, "own", { status: "pending" });
    const notActive = await call(service, "POST", "/api/v1/certificates", { artisanId: pending, title: "Early" });
    expect([notActive.status, notActive.json.code]).toEqual([422, "artisan-not-active"]);
  });
});
