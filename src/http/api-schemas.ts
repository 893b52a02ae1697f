// Response shapes, for the OpenAPI description. The API tests check every JSON response they
// receive against these (test/support/requests.ts), so the description cannot drift from the code.
import * as z from "zod";

const isoTime = z.string().describe("RFC 3339 time, UTC");
const nullableIso = isoTime.nullable();

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe("stable machine-readable error code"),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          row: z.number().int().optional().describe("batch input: the row the error is on"),
          code: z.string().optional().describe("batch input: this error's stable code"),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem" });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const artisanSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(["pending", "active", "suspended"]),
    districtCode: z.number().int(),
    productId: z.number().int().nullable(),
    craft: z.string().nullable(),
    giTagId: z.number().int().nullable(),
    giAuthorisedUserNumber: z.string().nullable(),
    giWithdrawnAt: nullableIso,
    gstin: z.string().nullable(),
    udyam: z.string().nullable(),
    seller: z.object({ name: z.string().nullable(), gstin: z.string() }).nullable(),
    photoUrl: z.string().nullable(),
    languages: z.array(z.string()),
    maySelfIssue: z.boolean(),
    monthlyCapacity: z.number().int().nullable().describe("items a month the registry records the artisan can make; published for transparency monitors"),
    createdAt: isoTime,
    updatedAt: nullableIso,
  })
  .strict()
  .meta({ id: "Artisan" });

/** A craft's story by language code of the public pages (en, hi, …): one to three factual sentences. */
export const craftStorySchema = z.record(z.string(), z.string()).describe("the story of the craft by language code; {} when none is recorded").meta({ id: "CraftStory" });

export const certificateViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    materials: z.array(z.string()),
    madeOn: z.string().nullable(),
    issuedAt: isoTime,
    kid: z.string(),
    verifyUrl: z.string().optional().describe("absent when the certificate was looked up by its serial"),
    artisan: z.object({
      id: z.number().int(),
      name: z.string(),
      sellerName: z.string().nullable(),
      photoUrl: z.string().nullable().describe("as registered; the verify page shows it only from its own origin"),
    }),
    district: z.object({ code: z.number().int(), name: z.string(), division: z.string() }),
    product: z.object({ id: z.number().int(), name: z.string(), story: craftStorySchema }).nullable(),
    craft: z.string().nullable(),
    giTag: z
      .object({
        id: z.number().int(),
        name: z.string(),
        applicationNumber: z.string().nullable(),
        story: craftStorySchema,
        authorisedUserNumber: z.string().nullable().describe("the artisan's number as an authorised user of this GI"),
      })
      .nullable(),
  })
  .meta({ id: "CertificateView" });

const links = z.object({ self: z.string(), qrSvg: z.string(), qrPng: z.string() }).catchall(z.string());

export const issuedCertificateSchema = z
  .object({
    id: z.string(),
    token: z.string(),
    verifyUrl: z.string(),
    links,
    certificate: certificateViewSchema,
    claimCode: z.string().optional().describe("issued with claimCode: true: the first buyer's claim code, shown this once"),
  })
  .meta({ id: "IssuedCertificate" });

export const claimCodeSchema = z.object({ certificateId: z.string(), claimCode: z.string().describe("shown this once; stored only as a hash") }).meta({ id: "ClaimCode" });

export const clearedSuspicionSchema = z
  .object({
    certificateId: z.string(),
    cleared: z.object({ rule: z.enum(["impossible-travel", "burst", "elsewhere-after-claim"]), raisedAt: isoTime }).catchall(z.unknown()),
    clearedAt: isoTime,
    note: z.string(),
  })
  .meta({ id: "ClearedSuspicion" });

export const certificateSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artisanId: z.number().int(),
    districtCode: z.number().int(),
    productId: z.number().int().nullable(),
    giTagId: z.number().int().nullable(),
    issuedAt: isoTime,
    verifyUrl: z.string(),
    links,
  })
  .catchall(z.unknown())
  .meta({ id: "CertificateSummary" });

export const verdictSchema = z
  .object({
    status: z.enum(["genuine", "revoked", "suspended", "suspected-copy", "unconfirmed", "invalid"]),
    reason: z.string().optional(),
    message: z.string().optional(),
    certificate: certificateViewSchema.optional(),
    key: z.object({ kid: z.string() }).optional().describe("unconfirmed: the key whose signature checked out"),
    lookup: z.literal("serial").optional().describe("present when the certificate was looked up by the serial printed on its tag: the registry's record, not a check of a signed token"),
    log: z.object({ index: z.number().int().describe("the certificate's entry in the transparency log (docs/transparency-log.md)") }).optional(),
    scans: z
      .object({ count: z.number().int().min(0), firstAt: isoTime.nullable(), lastAt: isoTime.nullable() })
      .optional()
      .describe("a registered certificate's verifications before this one (this one is counted after the answer): docs/api.md \"Scans\""),
    suspicion: z
      .object({ rule: z.enum(["impossible-travel", "burst", "elsewhere-after-claim"]), at: isoTime })
      .catchall(z.unknown())
      .optional()
      .describe("suspected-copy: the copy rule that fired, when, and what it saw (docs/api.md \"Copied tags\")"),
    claim: z
      .object({ claimedAt: isoTime.nullable() })
      .optional()
      .describe("present when the certificate was issued with a first buyer's claim code: when that buyer claimed it, or null"),
  })
  .catchall(z.unknown())
  .meta({
    id: "Verdict",
    description: "genuine, revoked, suspended or suspected-copy carry the certificate; invalid carries a reason; unconfirmed (the registry could not be read) carries the signed claims and the key",
  });

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(["admin", "district", "gi-body", "artisan", "exporter"]),
    prefix: z.string(),
    districtCode: z.number().int().nullable(),
    giTagId: z.number().int().nullable(),
    artisanId: z.number().int().nullable(),
    createdAt: isoTime,
    expiresAt: nullableIso,
    revokedAt: nullableIso,
    active: z.boolean(),
  })
  .strict()
  .meta({ id: "ApiToken" });

export const newTokenSchema = tokenSchema.extend({ token: z.string().describe("the secret: shown once, never again") }).meta({ id: "NewApiToken" });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoTime,
    actor: z.object({ role: z.string(), tokenId: z.number().int().nullable(), personId: z.number().int().optional().describe("the console person who acted") }),
    action: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }),
    before: z.unknown(),
    after: z.unknown(),
  })
  .strict()
  .meta({ id: "AuditEntry" });

const productSchema = z.object({ id: z.number().int(), name: z.string(), story: craftStorySchema });
export const districtListSchema = z.object({
  districts: z.array(z.object({ code: z.number().int(), name: z.string(), division: z.string(), products: z.array(productSchema) })),
});
export const giTagSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    category: z.string(),
    applicationNumber: z.string().nullable(),
    story: craftStorySchema,
    districtCodes: z.array(z.number().int()),
  })
  .meta({ id: "GiTag" });
export const giTagListSchema = z.object({ giTags: z.array(giTagSchema) });
export const productCreatedSchema = z.object({ id: z.number().int(), districtCode: z.number().int(), name: z.string(), story: craftStorySchema }).meta({ id: "Product" });

export const jwksSchema = z.object({
  keys: z.array(z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string() }).catchall(z.unknown())),
});

const ROLE = z.enum(["admin", "district", "gi-body", "artisan", "exporter"]);

export const invitationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: ROLE,
    districtCode: z.number().int().nullable(),
    giTagId: z.number().int().nullable(),
    artisanId: z.number().int().nullable(),
    personId: z.number().int().nullable().describe("set for a new sign-in link of someone who already has access"),
    state: z.enum(["pending", "used", "withdrawn", "expired"]),
    createdAt: isoTime,
    expiresAt: isoTime,
    usedAt: nullableIso,
    withdrawnAt: nullableIso,
  })
  .strict()
  .meta({ id: "Invitation" });

export const newInvitationSchema = invitationSchema
  .extend({
    url: z.string().describe("the one-time sign-in link: shown once, never again"),
    qrSvg: z.string().describe("the link as a QR code, SVG"),
  })
  .meta({ id: "NewInvitation" });

export const personSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: ROLE,
    districtCode: z.number().int().nullable(),
    giTagId: z.number().int().nullable(),
    artisanId: z.number().int().nullable(),
    createdAt: isoTime,
    revokedAt: nullableIso,
    active: z.boolean(),
    passkeys: z.number().int().describe("how many passkeys the person has"),
    lastSignInAt: nullableIso,
  })
  .strict()
  .meta({ id: "Person" });

/** Console endpoints the passkey script calls: WebAuthn options (their shape is the WebAuthn JSON one), and where to go next. */
export const webauthnOptionsSchema = z.object({ challenge: z.string() }).catchall(z.unknown()).meta({ id: "WebAuthnOptions" });
export const consoleRedirectSchema = z.object({ redirect: z.string() }).strict().meta({ id: "ConsoleRedirect" });

/** A report of a suspected fake, as the staff who handle it read it (docs/api.md#reports-of-suspected-fakes). */
export const reportSchema = z
  .object({
    id: z.number().int().describe("the report number the reporter was given"),
    status: z.enum(["new", "investigating", "closed"]),
    certificateId: z.string().nullable().describe("the registered certificate it is about; null for a tag that names none"),
    presentedSerial: z.string().nullable().describe("the number the reporter typed from a tag that names no registered certificate"),
    districtCode: z.number().int().nullable().describe("the certificate's district, whose office handles it; null: the registry's"),
    place: z.string(),
    city: z.string(),
    country: z.string().describe("ISO 3166-1 alpha-2"),
    seller: z.string(),
    price: z.object({ amount: z.string().describe("decimal, e.g. 1500 or 1500.50"), currency: z.string().describe("ISO 4217") }).strict(),
    contact: z.string().nullable().describe("the reporter's email or phone, to tell them the outcome; erased 30 days after closing"),
    note: z.string().nullable(),
    lang: z.string().describe("the language the report was written in"),
    createdAt: isoTime,
    updatedAt: nullableIso,
    closedAt: nullableIso,
    outcome: z.enum(["confirmed-fake", "genuine", "not-confirmed", "referred"]).nullable(),
    message: z.string().nullable().describe("the office's message to the reporter, shown at their private link"),
    photoUrl: z.string().nullable().describe("the reporter's photo (same origin, for those who handle the report only); null: none"),
  })
  .strict()
  .meta({ id: "Report" });
