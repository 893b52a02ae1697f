import { Hono } from "hono";
import * as z from "zod";
import { BUNDLE_MEDIA_TYPE, CERTIFICATE_REVOCATION_REASONS } from "../../core/bundle.js";
import { KEY_STATES } from "../../core/keys.js";
import { BUNDLE_MAX_AGE_SECONDS, currentTrustBundle } from "../../service/bundle.js";
import { keyRevocationInput, revocationInput } from "../../service/revocations.js";
import { VERIFY_SCRIPT_PATH } from "../../pages/assets/verify-script.js";
import type { AppDeps } from "../deps.js";
import type { Operation } from "../openapi.js";

const iso = z.string().meta({ format: "date-time" });

const publishedJwkSchema = z
  .object({
    kty: z.literal("OKP"),
    crv: z.literal("Ed25519"),
    x: z.string(),
    kid: z.string(),
    alg: z.literal("EdDSA"),
    use: z.literal("sig"),
    state: z.enum(KEY_STATES),
    notBefore: iso,
    retiredAt: iso.optional(),
    revokedAt: iso.optional(),
    compromisedAt: iso.optional(),
    revocationReason: z.string().optional(),
  })
  .meta({ id: "PublishedKey", description: "An RFC 8037 JWK with the key's lifecycle (docs/operations.md)" });

const revocationSchema = z
  .object({
    certificateId: z.string(),
    revoked: z.boolean(),
    reason: z.enum(CERTIFICATE_REVOCATION_REASONS),
    revokedAt: iso,
    reinstatedAt: iso.nullable(),
  })
  .meta({ id: "CertificateRevocation" });

/** The trust lifecycle's operations, for the OpenAPI description (src/http/openapi.ts). */
export const TRUST_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/.well-known/asli-trust-bundle",
    summary: "The signed trust bundle for offline verifiers",
    tag: "verify",
    roles: "public",
    description:
      "Keys with their states, the registry names that token ids point to, revoked certificates, suspended artisans and withdrawn GI authorisations, signed by the active key. Binary; format in docs/trust-bundle.md. ETag and If-None-Match supported.",
    responses: { 200: { description: "The bundle", contentType: BUNDLE_MEDIA_TYPE }, 304: { description: "Not modified" } },
    errors: ["bundle-busy"],
  },
  {
    method: "get",
    path: VERIFY_SCRIPT_PATH,
    summary: "The verify page's in-browser signature check",
    tag: "verify",
    roles: "public",
    responses: { 200: { description: "JavaScript module", contentType: "text/javascript" } },
  },
  {
    method: "post",
    path: "/api/v1/keys/{kid}/revocation",
    summary: "Revoke a retired signing key after a compromise",
    tag: "keys",
    roles: ["admin"],
    description:
      "Certificates the key signed at or after compromisedAt then verify as invalid (key-compromised); those before stay genuine. The active key cannot be revoked: rotate first (docs/operations.md). Irreversible; audited.",
    body: keyRevocationInput,
    example: { compromisedAt: "2026-03-01T09:30:00Z", reason: "key-compromise" },
    responses: { 200: { description: "The key as published", schema: publishedJwkSchema } },
    errors: ["key-active", "key-already-revoked", "compromise-in-future", "state-changed"],
  },
  {
    method: "post",
    path: "/api/v1/certificates/{id}/revocation",
    summary: "Revoke a certificate, with a reason",
    tag: "certificates",
    roles: ["admin", "district", "artisan"],
    description:
      "By whoever may issue for the certificate's artisan: the registry, the artisan's district office, or the artisan when allowed to self-issue. The certificate then verifies as revoked, with the reason and date, and is listed in the trust bundle. Audited.",
    body: revocationInput,
    example: { reason: "stolen" },
    responses: { 201: { description: "The revocation", schema: revocationSchema } },
    errors: ["already-revoked", "out-of-scope", "self-issuance-not-allowed"],
  },
  {
    method: "delete",
    path: "/api/v1/certificates/{id}/revocation",
    summary: "Reinstate a revoked certificate",
    tag: "certificates",
    roles: ["admin", "district", "artisan"],
    description: "By the same principals as revocation. Undoes the current revocation (kept in the history); the certificate verifies as genuine again. Audited.",
    responses: { 200: { description: "The revocation, now with reinstatedAt", schema: revocationSchema } },
    errors: ["not-revoked", "revoked-by-higher-authority", "out-of-scope", "self-issuance-not-allowed"],
  },
];

/** Whether an If-None-Match header names `etag`, compared weakly as RFC 9110 §13.1.2 asks. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.trim() === "*" || header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** The signed trust bundle for offline verifiers, at one stable URL (format: docs/trust-bundle.md). */
export function trustRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/.well-known/asli-trust-bundle", async (c) => {
    const { bytes, sequence, contentHash } = await currentTrustBundle(deps);
    // Weak, and from the content alone: copies signed at different times (by two instances, or
    // a day apart) hold the same content and have the same ETag.
    const etag = `W/"${sequence}-${contentHash.slice(0, 16)}"`;
    c.header("cache-control", `public, max-age=${BUNDLE_MAX_AGE_SECONDS}`);
    c.header("etag", etag);
    c.header("x-asli-bundle-sequence", String(sequence));
    if (noneMatch(c.req.header("if-none-match"), etag)) return c.body(null, 304);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": BUNDLE_MEDIA_TYPE });
  });
  return app;
}
