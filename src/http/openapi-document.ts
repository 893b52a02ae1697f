// The API's description as an OpenAPI 3.1 document (/api/v1/openapi.json), built from the
// operations' own zod schemas with zod's JSON Schema converter, and the reference page (/docs)
// rendered from it. Neither is needed by a scan: on Workers this is a module of its own
// (worker-modules/api-reference.js), loaded on the first request for either, so that zod's
// converter (about 22 KiB minified) and the page stay out of the module every request loads.
// zod keeps its metadata registry (.describe(), .meta()) on globalThis, so this module's copy of
// zod reads the descriptions the entry's schemas registered.
import * as z from "zod";
import type { Operation } from "./openapi.js";

export { referencePage } from "./reference-page.js";

const COMMON_ERRORS = ["validation-failed", "malformed-json", "unsupported-media-type", "unsupported-charset", "body-not-utf8", "payload-too-large", "unauthorized", "role-not-allowed"];

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

/**
 * The OpenAPI document of `operations`. `problemSchema` is the entry's own (src/http/api-schemas.ts):
 * on Workers this is a module of its own with its own copy of zod, which must describe the
 * entry's schema objects rather than make its own.
 */
export function openApiDocument(operations: Operation[], serverUrl: string, problemSchema: z.ZodType): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const queryParams = op.query
      ? Object.entries(op.query.shape).map(([name, field]) => ({ name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType, "input") }))
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const alternatives = Object.fromEntries((r.alternativeContentTypes ?? []).map((t) => [t, {}]));
      responses[status] = { description: r.description, ...(r.schema || r.contentType ? { content: { [r.contentType ?? "application/json"]: r.schema ? { schema: jsonSchema(r.schema, "output") } : {}, ...alternatives } } : {}) };
    }
    const codes = [...(op.roles === "public" ? [] : COMMON_ERRORS), ...(op.errors ?? [])];
    if (codes.length) {
      responses["4XX"] = {
        description: `Problem details. Stable codes: ${codes.map((c) => `\`${c}\``).join(", ")}`,
        content: { "application/problem+json": { schema: jsonSchema(problemSchema, "output") } },
      };
    }
    responses["503"] ??= {
      description:
        "The database is busy (`database-busy`) or cannot be read (`service-unavailable`): try again after `Retry-After` seconds. `service-misconfigured`: the operator must fix the service (a revoked `SIGNING_KEY`, on Workers a missing secret or binding).",
      content: { "application/problem+json": { schema: jsonSchema(problemSchema, "output") } },
    };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.description ? { description: op.description } : {}),
      "x-roles": op.roles,
      ...(op.auth === "session" ? { security: [{}, { session: [] }] } : op.roles === "public" ? { security: [] } : {}),
      parameters: [...pathParams, ...queryParams],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                ["application/json", ...(op.bodyTypes ?? [])].map((t) => [t, t === "application/json" ? { schema: jsonSchema(op.body!, "input"), ...(op.example !== undefined ? { example: op.example } : {}) } : {}]),
              ),
            },
          }
        : op.rawBodyTypes
          ? { requestBody: { required: true, content: Object.fromEntries(op.rawBodyTypes.map((t) => [t, {}])) } }
          : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Asli",
      version: "1",
      description: "Signed provenance certificates for handmade goods of Uttar Pradesh's ODOP programme. Token format: docs/certificate-format.md.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (asli_…). Roles: admin, district, gi-body, artisan, exporter." },
        session: { type: "apiKey", in: "cookie", name: "__Host-asli_session", description: "The console's session cookie (asli_session on a http://localhost development server); see docs/console.md." },
      },
    },
    paths,
  };
}

