// W3C Verifiable Credentials (docs/credentials.md): a certificate's credential, a sealed
// shipment's credential (§11), the status lists
// that carry its revocation and suspension, the DID document of the issuer's did:web, and the
// Asli JSON-LD context. All public: they are what an independent verifier fetches.
import { Hono, type Context } from "hono";
import { accepts } from "hono/accepts";
import * as z from "zod";
import { sha256, toBase64url, utf8 } from "../../core/bytes.js";
import { STATUS_PURPOSES } from "../../core/status-list.js";
import type { Credential } from "../../credentials/certificate-credential.js";
import { ASLI_CONTEXT_PATH, asliContextV1 } from "../../credentials/contexts/asli-v1.js";
import { ASLI_SHIPMENT_CONTEXT_PATH, asliShipmentContextV1 } from "../../credentials/contexts/asli-shipment-v1.js";
import { STATUS_LIST_TTL_SECONDS } from "../../credentials/status-list-credential.js";
import { DID_DOCUMENT_PATH } from "../../credentials/urls.js";
import { certificateCredentialOf, didDocumentOf, shipmentCredentialOf, statusListCredentialOf } from "../../service/credentials.js";
import type { AppDeps } from "../deps.js";
import type { Operation } from "../openapi.js";

export const JWT_MEDIA_TYPE = "application/vc+jwt";
/** The Data Integrity form's media types: VC 2.0's own first, then the older names clients still send. */
export const CREDENTIAL_JSON_TYPES = ["application/vc", "application/vc+ld+json", "application/ld+json", "application/json"] as const;

/** How long a copy of a credential or of the DID document may be reused: a key rotation or a renamed artisan shows within minutes. */
const REUSE_SECONDS = 300;

// Signing code, loaded by the first request that needs it (the JSON-LD stack is about 55 KiB
// gzipped, jose's signing half about 5 KiB), so that the scan path never parses it.
// Both come through deps (loadDataIntegrity, loadJwt): wrangler would inline an import() here.

/** Which form the request asks for; without a preference, the Data Integrity form as application/vc. */
export function credentialMediaType(c: Context): string {
  // JSON first: a wildcard such as application/* gets the default form, not the JWT.
  return accepts(c, { header: "Accept", supports: [...CREDENTIAL_JSON_TYPES, JWT_MEDIA_TYPE], default: CREDENTIAL_JSON_TYPES[0] });
}

async function securedResponse(c: Context, deps: AppDeps, credential: Credential, maxAge: number): Promise<Response> {
  const type = credentialMediaType(c);
  const body =
    type === JWT_MEDIA_TYPE
      ? await (await deps.loadJwt()).envelopedJwt(credential, deps.signingKey)
      : JSON.stringify(await (await deps.loadDataIntegrity()).withDataIntegrityProof(credential, deps.signingKey, deps.baseUrl));
  // Both forms are deterministic, so the body's digest names it across requests and instances.
  const etag = `"${toBase64url(await sha256(utf8(body))).slice(0, 27)}"`;
  const headers = { "cache-control": `public, max-age=${maxAge}`, vary: "accept", etag };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "content-type": type });
}

export function credentialRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/api/v1/certificates/:id/credential", async (c) => securedResponse(c, deps, await certificateCredentialOf(deps, c.req.param("id")), REUSE_SECONDS));

  app.get("/api/v1/shipments/:id/credential", async (c) => securedResponse(c, deps, await shipmentCredentialOf(deps, c.req.param("id").toUpperCase()), REUSE_SECONDS));

  app.get("/credentials/status/:purpose/:list", async (c) => {
    const { credential } = await statusListCredentialOf(deps, c.req.param("purpose"), c.req.param("list"));
    return securedResponse(c, deps, credential, STATUS_LIST_TTL_SECONDS);
  });

  app.get(DID_DOCUMENT_PATH, async (c) => {
    c.header("cache-control", `public, max-age=${REUSE_SECONDS}`);
    return c.body(JSON.stringify(await didDocumentOf(deps)), 200, { "content-type": "application/did+ld+json" });
  });

  // Version 1 never changes (a new meaning gets /v2): cached for a year.
  app.get(ASLI_CONTEXT_PATH, (c) => {
    c.header("cache-control", "public, max-age=31536000, immutable");
    return c.body(JSON.stringify(asliContextV1(new URL(deps.baseUrl).origin)), 200, { "content-type": "application/ld+json" });
  });
  app.get(ASLI_SHIPMENT_CONTEXT_PATH, (c) => {
    c.header("cache-control", "public, max-age=31536000, immutable");
    return c.body(JSON.stringify(asliShipmentContextV1(new URL(deps.baseUrl).origin)), 200, { "content-type": "application/ld+json" });
  });
  return app;
}

const iso = z.string().meta({ format: "date-time" });

const statusEntrySchema = z.object({
  id: z.string(),
  type: z.literal("BitstringStatusListEntry"),
  statusPurpose: z.enum(STATUS_PURPOSES),
  statusListIndex: z.string().regex(/^\d+$/),
  statusListCredential: z.string(),
});

const proofSchema = z.object({
  type: z.literal("DataIntegrityProof"),
  cryptosuite: z.literal("eddsa-rdfc-2022"),
  verificationMethod: z.string(),
  proofPurpose: z.literal("assertionMethod"),
  proofValue: z.string(),
});

const namedEntry = z.object({ type: z.string(), registryId: z.number().int(), name: z.string() });

export const certificateCredentialSchema = z
  .object({
    "@context": z.array(z.string()),
    id: z.string(),
    type: z.tuple([z.literal("VerifiableCredential"), z.literal("CertificateCredential")]),
    name: z.string(),
    issuer: z.string().describe("the service's did:web"),
    validFrom: iso.describe("the certificate's issue time"),
    credentialSubject: z.object({
      id: z.string().describe("the verify URL printed in the item's QR"),
      type: z.literal("HandmadeItem"),
      name: z.string(),
      serialNumber: z.string(),
      material: z.array(z.string()).optional(),
      productionDate: z.string().optional(),
      odopProduct: namedEntry.optional(),
      craft: z.string().optional(),
      geographicalIndication: namedEntry.extend({ applicationNumber: z.string().optional() }).optional(),
      manufacturer: namedEntry.extend({
        seller: z.string().optional(),
        district: z.object({ type: z.literal("District"), lgdCode: z.number().int(), name: z.string(), division: z.string(), addressRegion: z.string(), addressCountry: z.string() }),
      }),
    }),
    credentialStatus: z.array(statusEntrySchema),
    proof: proofSchema,
  })
  .meta({ id: "CertificateCredential", description: "A certificate as a W3C VC 2.0 credential with an eddsa-rdfc-2022 Data Integrity proof (docs/credentials.md)" });

export const shipmentCredentialSchema = z
  .object({
    "@context": z.array(z.string()),
    id: z.string(),
    type: z.tuple([z.literal("VerifiableCredential"), z.literal("ShipmentCredential")]),
    name: z.string(),
    issuer: z.string().describe("the service's did:web"),
    validFrom: iso.describe("when the shipment was sealed"),
    credentialSubject: z.object({
      id: z.string().describe("the shipment's URL, HTTPS://HOST/S/{ID}, as in its QR"),
      type: z.literal("Shipment"),
      shipmentId: z.string(),
      exporter: z.object({ type: z.literal("Exporter"), name: z.string() }),
      consigneeCountry: z.string().describe("ISO 3166-1 alpha-2; the consignee's name is never in the credential"),
      reference: z.string().optional(),
      sealedAt: iso,
      itemCount: z.number().int(),
      merkleRoot: z.string().regex(/^[0-9a-f]{64}$/).describe("the manifest's RFC 6962 root, 64 lower-case hex digits"),
      manifest: z.string().describe("the signed manifest file's URL"),
      itemCredentials: z.array(z.string()).describe("each item's certificate credential id, in manifest order"),
    }),
    proof: proofSchema,
  })
  .meta({ id: "ShipmentCredential", description: "A sealed shipment as a W3C VC 2.0 credential with an eddsa-rdfc-2022 Data Integrity proof (docs/credentials.md §11)" });

export const statusListCredentialSchema = z
  .object({
    "@context": z.array(z.string()),
    id: z.string(),
    type: z.tuple([z.literal("VerifiableCredential"), z.literal("BitstringStatusListCredential")]),
    issuer: z.string(),
    validFrom: iso.describe("when the list's current content was first published"),
    credentialSubject: z.object({
      id: z.string(),
      type: z.literal("BitstringStatusList"),
      statusPurpose: z.enum(STATUS_PURPOSES),
      encodedList: z.string().describe("multibase base64url of the GZIP-compressed bitstring of 131,072 bits"),
      ttl: z.number().int(),
    }),
    proof: proofSchema,
  })
  .meta({ id: "BitstringStatusListCredential" });

const verificationMethodSchema = z.object({
  id: z.string(),
  type: z.enum(["Multikey", "JsonWebKey"]),
  controller: z.string(),
  publicKeyMultibase: z.string().optional(),
  publicKeyJwk: z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string(), alg: z.literal("EdDSA") }).optional(),
});

export const didDocumentSchema = z
  .object({ "@context": z.array(z.string()), id: z.string(), verificationMethod: z.array(verificationMethodSchema), assertionMethod: z.array(z.string()) })
  .meta({ id: "DidDocument" });

const credentialResponse = (description: string, schema: z.ZodType) => ({
  description,
  schema,
  contentType: CREDENTIAL_JSON_TYPES[0],
  alternativeContentTypes: [...CREDENTIAL_JSON_TYPES.slice(1), JWT_MEDIA_TYPE],
});

/** The credential operations, for the OpenAPI description (src/http/openapi.ts). */
export const CREDENTIAL_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/certificates/{id}/credential",
    summary: "The certificate as a W3C Verifiable Credential",
    tag: "credentials",
    roles: "public",
    description:
      "Any certificate the registry holds, revoked or suspended ones included (their status list bits say so). `Accept: application/vc` (or `application/vc+ld+json`, `application/ld+json`, `application/json`; the default) gives the credential with an eddsa-rdfc-2022 Data Integrity proof; `Accept: application/vc+jwt` gives it as a JWT (VC-JOSE-COSE), the credential as its payload. Cache-Control public, 5 minutes; ETag. docs/credentials.md.",
    responses: { 200: credentialResponse("The credential", certificateCredentialSchema), 304: { description: "Not modified" } },
    errors: ["not-found", "status-list-busy"],
  },
  {
    method: "get",
    path: "/api/v1/shipments/{id}/credential",
    summary: "A sealed shipment as a W3C Verifiable Credential: its items' credential ids and the manifest's Merkle root",
    tag: "credentials",
    roles: "public",
    description:
      "The signed manifest's header restated (exporter, the consignee's country, reference, sealing time, item count, Merkle root in hex) with every item's certificate credential id in manifest order. Same media types and signing as the certificate credential. 404 `not-found` for an unknown shipment or one still open (as on its page); 410 `shipment-cancelled` once cancelled. Cache-Control public, 5 minutes; ETag. docs/credentials.md §11.",
    responses: { 200: credentialResponse("The credential", shipmentCredentialSchema), 304: { description: "Not modified" } },
    errors: ["not-found", "shipment-cancelled"],
  },
  {
    method: "get",
    path: "/credentials/status/{purpose}/{list}",
    summary: "A Bitstring Status List (revocation or suspension)",
    tag: "credentials",
    roles: "public",
    description:
      "`purpose` is `revocation` or `suspension`; `list` the list number in a credential's `statusListCredential`. 131,072 entries, derived from the registry at each request and signed again only when they change. Same media types as the credential. Cache-Control public, 5 minutes (the list's `ttl`); ETag.",
    responses: { 200: credentialResponse("The status list credential", statusListCredentialSchema), 304: { description: "Not modified" } },
    errors: ["not-found", "status-list-busy"],
  },
  {
    method: "get",
    path: DID_DOCUMENT_PATH,
    summary: "DID document of the issuer's did:web",
    tag: "credentials",
    roles: "public",
    description: "Every key that signs credentials or signed them before a rotation, as a Multikey and as a JsonWebKey verification method, all in assertionMethod; revoked keys are left out. Cache-Control public, 5 minutes.",
    responses: { 200: { description: "DID document", schema: didDocumentSchema, contentType: "application/did+ld+json" } },
  },
  {
    method: "get",
    path: ASLI_CONTEXT_PATH,
    summary: "The JSON-LD context of Asli's terms, version 1",
    tag: "credentials",
    roles: "public",
    description: "Immutable; cached for a year.",
    responses: { 200: { description: "JSON-LD context", schema: z.object({ "@context": z.record(z.string(), z.unknown()) }), contentType: "application/ld+json" } },
  },
  {
    method: "get",
    path: ASLI_SHIPMENT_CONTEXT_PATH,
    summary: "The JSON-LD context of the shipment credential's terms, version 1",
    tag: "credentials",
    roles: "public",
    description: "Immutable; cached for a year.",
    responses: { 200: { description: "JSON-LD context", schema: z.object({ "@context": z.record(z.string(), z.unknown()) }), contentType: "application/ld+json" } },
  },
];
