// One schema for libSQL and D1 (drizzle's SQLite dialect). Times are unix seconds.
import { sql } from "drizzle-orm";
import { customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Bytes as a BLOB, the same on libSQL and D1: written as a Uint8Array, read back from whatever
 * the driver gives (ArrayBuffer, a typed array, or D1's array of numbers). drizzle's own blob
 * column needs Node's Buffer, which Workers do not have.
 */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array | ArrayBuffer | number[] }>({
  dataType: () => "blob",
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer | number[])),
});

/** Text by language code of the public pages (src/pages/i18n/languages.ts); English and Hindi at least where known. */
export type CraftStory = Partial<Record<string, string>>;

export const districts = sqliteTable("districts", {
  /** LGD (Local Government Directory) district code. */
  code: integer("code").primaryKey(),
  name: text("name").notNull().unique(),
  division: text("division").notNull(),
});

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey(),
    districtCode: integer("district_code").notNull().references(() => districts.code),
    name: text("name").notNull(),
    /** The story of the craft for buyers: one to three factual sentences per language code ("en", "hi", …). */
    story: text("story", { mode: "json" }).$type<CraftStory>().notNull().default(sql`'{}'`),
  },
  (t) => [uniqueIndex("products_district_name").on(t.districtCode, t.name)],
);

export const giTags = sqliteTable("gi_tags", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  category: text("category").notNull(),
  /** GI Registry application number; null where no official source was found. */
  applicationNumber: text("application_number"),
  /** What the GI's goods are, for buyers: one to three factual sentences per language code. */
  story: text("story", { mode: "json" }).$type<CraftStory>().notNull().default(sql`'{}'`),
});

export const giTagDistricts = sqliteTable(
  "gi_tag_districts",
  {
    giTagId: integer("gi_tag_id").notNull().references(() => giTags.id),
    districtCode: integer("district_code").notNull().references(() => districts.code),
  },
  (t) => [primaryKey({ columns: [t.giTagId, t.districtCode] })],
);

/** Public halves only: the private key never leaves the environment. */
export const signingKeys = sqliteTable(
  "signing_keys",
  {
    kid: text("kid").primaryKey(),
    publicKey: text("public_key").notNull(),
    /** When the service first signed with it: the start of its validity. */
    createdAt: integer("created_at").notNull(),
    /** Exactly one key is `active` (it signs); `retired` keys still verify; `revoked` ones verify only before compromisedAt. */
    state: text("state", { enum: ["active", "retired", "revoked"] }).notNull().default("retired"),
    retiredAt: integer("retired_at"),
    revokedAt: integer("revoked_at"),
    /** Certificates this key signed at or after this time verify as invalid (`key-compromised`). */
    compromisedAt: integer("compromised_at"),
    revocationReason: text("revocation_reason"),
  },
  (t) => [uniqueIndex("signing_keys_one_active").on(t.state).where(sql`state = 'active'`)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "district", "gi-body", "artisan", "exporter"] }).notNull(),
    /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
    /** The scope a role acts in: a district office's district, a GI body's tag, an artisan. */
    districtCode: integer("district_code").references(() => districts.code),
    giTagId: integer("gi_tag_id").references(() => giTags.id),
    artisanId: integer("artisan_id"),
    expiresAt: integer("expires_at"),
    createdByTokenId: integer("created_by_token_id"),
    /** The token this one was rotated from. Unique: a token is rotated at most once, even by concurrent requests. */
    replacesTokenId: integer("replaces_token_id"),
  },
  (t) => [index("api_tokens_prefix").on(t.prefix), uniqueIndex("api_tokens_one_successor").on(t.replacesTokenId)],
);

export const artisans = sqliteTable(
  "artisans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    districtCode: integer("district_code").notNull().references(() => districts.code),
    productId: integer("product_id").references(() => products.id),
    craft: text("craft"),
    giTagId: integer("gi_tag_id").references(() => giTags.id),
    giAuthorisedUserNumber: text("gi_authorised_user_number"),
    gstin: text("gstin").unique(),
    udyam: text("udyam"),
    sellerGstin: text("seller_gstin"),
    sellerName: text("seller_name"),
    createdAt: integer("created_at").notNull(),
    /** Certificates of a suspended artisan verify as `suspended`; pending artisans cannot be certified yet. */
    status: text("status", { enum: ["pending", "active", "suspended"] }).notNull().default("active"),
    /** Set when the GI body withdraws the artisan's right to use the GI tag: the GI claim then stops verifying. */
    giWithdrawnAt: integer("gi_withdrawn_at"),
    photoUrl: text("photo_url"),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Whether the registry lets this artisan issue certificates for their own items. */
    maySelfIssue: integer("may_self_issue", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at"),
    /** How many items the artisan can make in a month, as the registry records it; transparency monitors flag months above it. */
    monthlyCapacity: integer("monthly_capacity"),
  },
  (t) => [
    uniqueIndex("artisans_gi_authorised_user").on(t.giTagId, t.giAuthorisedUserNumber),
    index("artisans_district").on(t.districtCode),
    index("artisans_gi_tag").on(t.giTagId),
    // The suspension status lists read the suspended artisans, a handful among lakhs.
    index("artisans_suspended").on(t.status).where(sql`status = 'suspended'`),
  ],
);

export const certificates = sqliteTable(
  "certificates",
  {
    /** The serial from the token, base32. */
    id: text("id").primaryKey(),
    artisanId: integer("artisan_id").notNull().references(() => artisans.id),
    districtCode: integer("district_code").notNull().references(() => districts.code),
    productId: integer("product_id").references(() => products.id),
    giTagId: integer("gi_tag_id").references(() => giTags.id),
    title: text("title").notNull(),
    materials: text("materials", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    madeOn: text("made_on"),
    issuedAt: integer("issued_at").notNull(),
    kid: text("kid").notNull().references(() => signingKeys.kid),
    /** Not indexed: the token embeds the serial, so the primary key already makes it unique. */
    token: text("token").notNull(),
    /** The batch that issued it, if any, and its row in that batch's input (labels print in this order). */
    batchId: text("batch_id").references(() => batches.id),
    batchRow: integer("batch_row"),
  },
  (t) => [
    index("certificates_artisan").on(t.artisanId),
    index("certificates_district").on(t.districtCode, t.issuedAt),
    index("certificates_issued").on(t.issuedAt, t.id),
    uniqueIndex("certificates_batch_row").on(t.batchId, t.batchRow),
    // The status lists find the certificates a compromised key signed after its compromise.
    index("certificates_kid").on(t.kid, t.issuedAt),
  ],
);

/**
 * Append-only record of every change: written in the same batch as the change it describes.
 * No route updates or deletes it.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorRole: text("actor_role").notNull(),
    actorTokenId: integer("actor_token_id"),
    /** The console person who acted (signed in with a passkey); null for API tokens and the system. */
    actorPersonId: integer("actor_person_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_subject").on(t.subjectType, t.subjectId), index("audit_at").on(t.at)],
);

/**
 * Revocations of certificates. Reinstating sets reinstatedAt rather than deleting, so the history
 * stays; at most one revocation per certificate is current (reinstatedAt null).
 */
export const certificateRevocations = sqliteTable(
  "certificate_revocations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    certificateId: text("certificate_id").notNull().references(() => certificates.id),
    reason: text("reason", { enum: ["lost", "stolen", "misissued", "item-destroyed", "superseded", "other"] }).notNull(),
    revokedAt: integer("revoked_at").notNull(),
    reinstatedAt: integer("reinstated_at"),
    /** Who revoked: a revocation is undone only by the same role or one above it. */
    revokedByRole: text("revoked_by_role", { enum: ["admin", "district", "gi-body", "artisan", "exporter"] }),
  },
  (t) => [uniqueIndex("certificate_revocations_current").on(t.certificateId).where(sql`reinstated_at IS NULL`)],
);

/**
 * One row per version of the trust bundle's content: the sequence number a bundle carries grows
 * only when the content (keys, registry names, revocations, suspensions) changes.
 */
export const trustBundleVersions = sqliteTable("trust_bundle_versions", {
  sequence: integer("sequence").primaryKey(),
  /** SHA-256 (hex) of the content, without sequence and times. */
  contentHash: text("content_hash").notNull(),
  createdAt: integer("created_at").notNull(),
  /**
   * `trustBundleCache.generation` of the registry state the content was read from (null before
   * it existed): a builder that read an older state never numbers it above a newer one.
   */
  generation: integer("generation"),
});

/**
 * The signed trust bundle as last built, one row (id 1). `generation` is raised by triggers, in the
 * same transaction as every write that can change the bundle's content (migration
 * trust_bundle_triggers; a migration that rebuilds one of those tables must create its triggers
 * again). The stored bundle is current while `builtGeneration` equals `generation`: it is built
 * once per change and shared by every instance on this database (docs/workers.md).
 */
export const trustBundleCache = sqliteTable("trust_bundle_cache", {
  id: integer("id").primaryKey(),
  generation: integer("generation").notNull().default(1),
  builtGeneration: integer("built_generation"),
  sequence: integer("sequence"),
  /** SHA-256 (hex) of the content from `keys` on, as in trustBundleVersions. */
  contentHash: text("content_hash"),
  issuer: text("issuer"),
  signerKid: text("signer_kid"),
  issuedAt: integer("issued_at"),
  /** The signed file in base64url: D1 answers a BLOB as an array of numbers, four times the size. */
  bundle: text("bundle"),
});

/**
 * Batch issuance: one row per batch, written in the same db.batch as all its certificates.
 * A retried request with the same Idempotency-Key (per actor) finds this row instead of
 * issuing again; requestHash tells a true retry from a different body under a reused key.
 */
export const batches = sqliteTable("batches", {
  id: text("id").primaryKey(),
  itemCount: integer("item_count").notNull(),
  source: text("source", { enum: ["csv", "json"] }).notNull(),
  /** `role:tokenId:key` (tokenId "env" for the environment's admin token, "person-N" for console person N); null when the request sent no key. */
  idempotencyKey: text("idempotency_key").unique(),
  /** SHA-256 (hex) of the media type and the body bytes. */
  requestHash: text("request_hash").notNull(),
  actorRole: text("actor_role").notNull(),
  actorTokenId: integer("actor_token_id"),
  createdAt: integer("created_at").notNull(),
});

/**
 * Each certificate's position in the Bitstring Status Lists of its verifiable credential
 * (docs/credentials.md): list `listNumber`, bit `listIndex`, the same position in the
 * revocation list and in the suspension list of that number. Positions are drawn at random
 * among the free ones, at issuance (single and batch) or, for certificates issued before
 * credentials existed, on the first request for their credential. The bits themselves are
 * never stored: they are derived from the revocations, the artisans' status and the keys.
 */
export const statusListEntries = sqliteTable(
  "status_list_entries",
  {
    certificateId: text("certificate_id").primaryKey().references(() => certificates.id),
    listNumber: integer("list_number").notNull(),
    listIndex: integer("list_index").notNull(),
  },
  (t) => [uniqueIndex("status_list_entries_position").on(t.listNumber, t.listIndex)],
);

/**
 * One row per version of a status list's content, as trust_bundle_versions is for the bundle:
 * a list's `validFrom` is the time its current content was first published, so that a verifier
 * can tell how fresh its copy is, and a signed list is reused for as long as its content stands.
 */
export const statusListVersions = sqliteTable(
  "status_list_versions",
  {
    purpose: text("purpose", { enum: ["revocation", "suspension"] }).notNull(),
    listNumber: integer("list_number").notNull(),
    sequence: integer("sequence").notNull(),
    /** SHA-256 (hex) of the set positions. */
    contentHash: text("content_hash").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.listNumber, t.sequence] })],
);

/**
 * The transparency log (docs/transparency-log.md): one row per entry, in log order. The entry
 * is the certificate's token, read through the reference; nothing else about the certificate
 * is in the log. Rows are appended in the same db.batch as the certificate, with the next
 * index computed inside that batch, so two writers never claim one index (the primary key is
 * the guard). Never updated or deleted.
 */
export const logEntries = sqliteTable("log_entries", {
  idx: integer("idx").primaryKey(),
  certificateId: text("certificate_id")
    .notNull()
    .unique()
    .references(() => certificates.id),
});

/**
 * The log's tiles (C2SP tlog-tiles): 256 hashes when full, fewer while the tile is the rightmost
 * of its level. A tile only ever grows, and a partial tile of width W is the first W hashes of
 * the tile, so one row serves every width. Written only with a checkpoint, in its batch.
 */
export const logTiles = sqliteTable(
  "log_tiles",
  {
    level: integer("level").notNull(),
    idx: integer("idx").notNull(),
    width: integer("width").notNull(),
    /** The hashes, concatenated: 32 bytes each. */
    hashes: bytes("hashes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

/**
 * Signed checkpoints, one per tree size. Each names the size it extends (`previousSize`, -1 for
 * the first): two writers that integrate from the same state collide on that unique column, so
 * the log's history is one chain and never forks.
 */
export const logCheckpoints = sqliteTable("log_checkpoints", {
  size: integer("size").primaryKey(),
  previousSize: integer("previous_size").notNull().unique(),
  /** Root hash, base64. */
  rootHash: text("root_hash").notNull(),
  /** The signed note: checkpoint text, blank line, the log's signature line. */
  note: text("note").notNull(),
  createdAt: integer("created_at").notNull(),
  /** How many witnesses have cosigned it (the rows of log_cosignatures). */
  cosignatureCount: integer("cosignature_count").notNull().default(0),
});

/** Witness cosignatures (C2SP tlog-cosignature) of a checkpoint, one per witness, as their note lines. */
export const logCosignatures = sqliteTable(
  "log_cosignatures",
  {
    size: integer("size")
      .notNull()
      .references(() => logCheckpoints.size),
    witness: text("witness").notNull(),
    line: text("line").notNull(),
    cosignedAt: integer("cosigned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.size, t.witness] }), index("log_cosignatures_witness").on(t.witness, t.size)],
);

const ROLE_ENUM = ["admin", "district", "gi-body", "artisan", "exporter"] as const;

/**
 * People who sign in to the console with a passkey. A person holds one role and scope, exactly
 * as an API token does (districtCode for district staff, giTagId for GI body staff, artisanId
 * for an artisan), fixed by the invitation that created them.
 */
export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    role: text("role", { enum: ROLE_ENUM }).notNull(),
    districtCode: integer("district_code").references(() => districts.code),
    giTagId: integer("gi_tag_id").references(() => giTags.id),
    artisanId: integer("artisan_id").references(() => artisans.id),
    /** The WebAuthn user handle (base64url of 16 random bytes): what a passkey names its account by; no personal data. */
    userHandle: text("user_handle").notNull().unique(),
    /** The invitation that created this person: unique, so a sign-in link can create one person at most. */
    invitationId: integer("invitation_id").notNull().unique(),
    createdAt: integer("created_at").notNull(),
    /** Access revoked: no sign-in, every session ended. */
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("people_district").on(t.districtCode), index("people_gi_tag").on(t.giTagId), index("people_artisan").on(t.artisanId)],
);

/**
 * One-time sign-in links. The secret in the link is stored only as its SHA-256. An invitation
 * either creates a person (personId null until used) or adds a passkey to an existing person
 * (personId set when it is made: a new device, a lost phone).
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    secretHash: text("secret_hash").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLE_ENUM }).notNull(),
    districtCode: integer("district_code").references(() => districts.code),
    giTagId: integer("gi_tag_id").references(() => giTags.id),
    artisanId: integer("artisan_id").references(() => artisans.id),
    /** The user handle the passkey will carry: the existing person's, or the new person's to be. */
    userHandle: text("user_handle").notNull(),
    personId: integer("person_id"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    withdrawnAt: integer("withdrawn_at"),
    createdByRole: text("created_by_role").notNull(),
    createdByTokenId: integer("created_by_token_id"),
    createdByPersonId: integer("created_by_person_id"),
  },
  (t) => [index("invitations_district").on(t.districtCode), index("invitations_gi_tag").on(t.giTagId), index("invitations_person").on(t.personId)],
);

/** Passkeys (WebAuthn credentials), per person. */
export const passkeys = sqliteTable(
  "passkeys",
  {
    /** The credential id, base64url. */
    id: text("id").primaryKey(),
    personId: integer("person_id").notNull().references(() => people.id),
    /** COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull(),
    transports: text("transports", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Whether the authenticator says the credential is synced (a multi-device passkey). */
    backedUp: integer("backed_up", { mode: "boolean" }).notNull().default(false),
    /** The name the person gave the device, if any. */
    label: text("label"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    /** The invitation it was created from, if any: unique, so a link adds one passkey at most. */
    invitationId: integer("invitation_id").unique(),
  },
  (t) => [index("passkeys_person").on(t.personId)],
);

/**
 * Console sessions: the cookie holds a random secret, this table its SHA-256. A session ends at
 * sign-out, at its absolute expiry, after 12 hours idle, or when its person's access is revoked.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    secretHash: text("secret_hash").notNull().unique(),
    personId: integer("person_id").notNull().references(() => people.id),
    createdAt: integer("created_at").notNull(),
    /** Last request seen, written at most every few minutes: the idle clock. */
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    endedAt: integer("ended_at"),
  },
  (t) => [index("sessions_person").on(t.personId)],
);

/** WebAuthn challenges: issued by the server, used once, within minutes. */
export const webauthnChallenges = sqliteTable(
  "webauthn_challenges",
  {
    /** The challenge, base64url, as the browser echoes it in clientDataJSON. */
    challenge: text("challenge").primaryKey(),
    purpose: text("purpose", { enum: ["register", "authenticate"] }).notNull(),
    /** Registration from a sign-in link. */
    invitationId: integer("invitation_id"),
    /** Registration of another passkey from a signed-in session. */
    personId: integer("person_id"),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("webauthn_challenges_expiry").on(t.expiresAt)],
);

/**
 * Exporters' shipments (docs/api.md, Shipments; docs/shipment-format.md). A shipment belongs to
 * the exporter principal that created it: an API token (the first token of its rotation chain,
 * so that a rotated token keeps its shipments) or a console person. `open` while items are
 * added and removed; `sealed` once its manifest is signed, after which nothing of it changes
 * but a cancellation; `cancelled` for good. Every state change is conditional on the state it
 * starts from, and `version` grows with every change of the items, so that a seal signs exactly
 * the items it read.
 */
export const shipments = sqliteTable(
  "shipments",
  {
    /** 8 random bytes in base32 (13 characters), as certificate serials: the id in HTTPS://HOST/S/{id}. */
    id: text("id").primaryKey(),
    state: text("state", { enum: ["open", "sealed", "cancelled"] }).notNull().default("open"),
    ownerTokenId: integer("owner_token_id"),
    ownerPersonId: integer("owner_person_id"),
    /** The exporter as the registry names it (the token's or the person's name) when the shipment was created: signed into the manifest. */
    exporterName: text("exporter_name").notNull(),
    consigneeName: text("consignee_name").notNull(),
    /** ISO 3166-1 alpha-2. Public; the consignee's name is not. */
    consigneeCountry: text("consignee_country").notNull(),
    /** The exporter's invoice or order number, signed into the manifest. */
    reference: text("reference"),
    note: text("note"),
    /** The second language of the provenance document (src/pages/i18n/languages.ts), chosen or derived from the country. */
    documentLanguage: text("document_language").notNull(),
    itemCount: integer("item_count").notNull().default(0),
    version: integer("version").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    sealedAt: integer("sealed_at"),
    /** The signed manifest: header and signature in base64url, the signing key's kid, the Merkle root in hex. */
    manifestHeader: text("manifest_header"),
    manifestSignature: text("manifest_signature"),
    manifestKid: text("manifest_kid"),
    merkleRoot: text("merkle_root"),
    cancelledAt: integer("cancelled_at"),
    cancelReason: text("cancel_reason"),
  },
  (t) => [index("shipments_owner_token").on(t.ownerTokenId, t.createdAt), index("shipments_owner_person").on(t.ownerPersonId, t.createdAt), index("shipments_created").on(t.createdAt)],
);

/**
 * The items of a shipment, in the order they were added (`position`; removals leave gaps, the
 * manifest numbers the items 0…n-1 in this order). `tokenSha256` is the SHA-256 of the
 * certificate's token bytes, the leaf's second half. A certificate is in at most one shipment
 * that is not cancelled: `released` is set for every item when its shipment is cancelled, and
 * the partial unique index holds the rest.
 */
export const shipmentItems = sqliteTable(
  "shipment_items",
  {
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.id),
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    position: integer("position").notNull(),
    tokenSha256: text("token_sha256").notNull(),
    addedAt: integer("added_at").notNull(),
    released: integer("released", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.certificateId] }),
    uniqueIndex("shipment_items_position").on(t.shipmentId, t.position),
    uniqueIndex("shipment_items_one_shipment").on(t.certificateId).where(sql`released = 0`),
  ],
);
/** The copy rules (src/service/copy-rules.ts; docs/api.md "Copied tags"), by the name a verdict gives them. */
export const COPY_RULES = ["impossible-travel", "burst", "elsewhere-after-claim"] as const;
export type CopyRule = (typeof COPY_RULES)[number];

/** What a copy rule saw when it fired: the figures the verdict explains it with. */
export type SuspicionFigures = { hops: number } | { day: string; count: number; usual: number } | { countries: number };

/**
 * Per certificate: the summary of its verifications and the state of the copy rules, one row,
 * which the verify query joins (src/service/scans.ts). Neither this table nor scan_days says
 * who scanned: no IP address, no user agent, no client identifier; a country is an ISO 3166-1
 * alpha-2 code, the coarsest place the runtime knows.
 */
export const certificateScans = sqliteTable("certificate_scans", {
  certificateId: text("certificate_id")
    .primaryKey()
    .references(() => certificates.id),
  count: integer("count").notNull(),
  firstAt: integer("first_at").notNull(),
  lastAt: integer("last_at").notNull(),
  /** The UTC day (YYYY-MM-DD) of the latest scan, and the scans on that day: the burst rule's figure. */
  day: text("day").notNull(),
  dayCount: integer("day_count").notNull(),
  /** The latest scan that came with a country: the travel rule compares the next one with it. */
  lastCountry: text("last_country"),
  lastCountryAt: integer("last_country_at"),
  /** Changes of country faster than travel allows, counted since `hopsSince`. */
  hops: integer("hops").notNull().default(0),
  hopsSince: integer("hops_since"),
  /** Countries other than the claim's seen since the first buyer's claim, comma-separated. */
  countriesAfterClaim: text("countries_after_claim").notNull().default(""),
  /** The rule that fired, when, and what it saw; null while none has, or since a false alarm was cleared. */
  suspicionRule: text("suspicion_rule", { enum: COPY_RULES }),
  suspicionAt: integer("suspicion_at"),
  suspicionFigures: text("suspicion_figures", { mode: "json" }).$type<SuspicionFigures>(),
  /** When a false alarm was last cleared: the rules weigh only what came after it. */
  clearedAt: integer("cleared_at"),
});

/** Verifications per certificate, per UTC day and per country ("" where the runtime knows none); kept 400 days. */
export const scanDays = sqliteTable(
  "scan_days",
  {
    certificateId: text("certificate_id")
      .notNull()
      .references(() => certificates.id),
    day: text("day").notNull(),
    country: text("country").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.day, t.country] }), index("scan_days_day").on(t.day)],
);

/**
 * First buyers' claim codes, one per certificate issued with one. The code itself is shown once
 * and stored only as a hash. Tries are counted per certificate, never per sender.
 */
export const certificateClaims = sqliteTable("certificate_claims", {
  certificateId: text("certificate_id")
    .primaryKey()
    .references(() => certificates.id),
  /** SHA-256 (hex) of the code with the certificate's id (src/service/claims.ts). */
  codeHash: text("code_hash").notNull(),
  createdAt: integer("created_at").notNull(),
  claimedAt: integer("claimed_at"),
  /** The coarse country of the claim, when known: later scans from other countries feed the copy rules. */
  claimCountry: text("claim_country"),
  /** Tries since `triesSince` (the rate limit's window), right or wrong. */
  tries: integer("tries").notNull().default(0),
  triesSince: integer("tries_since"),
});
/** Where a report of a suspected fake stands: staff move it from new to investigating to closed. */
export const REPORT_STATUSES = ["new", "investigating", "closed"] as const;
/** What the office found, told to the reporter in their language when it closes a report. */
export const REPORT_OUTCOMES = ["confirmed-fake", "genuine", "not-confirmed", "referred"] as const;

/**
 * Reports of suspected fakes, sent by buyers through the public form. Nothing about the sender's
 * device or connection is kept (no IP address, user agent or client id): only what they typed.
 * `contact` is for telling them the outcome, shown only to the staff in scope, and erased 30 days
 * after the report is closed. The reporter's private status link holds a secret of which this
 * table keeps the SHA-256 only.
 */
export const reports = sqliteTable(
  "reports",
  {
    /** The report number the reporter is given. */
    id: integer("id").primaryKey({ autoIncrement: true }),
    secretHash: text("secret_hash").notNull().unique(),
    /** The registered certificate the report is about; null for a tag that names none. */
    certificateId: text("certificate_id").references(() => certificates.id),
    /** The number the reporter typed from a tag that names no registered certificate, if any. */
    presentedSerial: text("presented_serial"),
    /** The certificate's district: whose office handles the report. Null: the registry's (admins). */
    districtCode: integer("district_code").references(() => districts.code),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("new"),
    place: text("place").notNull(),
    city: text("city").notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text("country").notNull(),
    seller: text("seller").notNull(),
    /** A decimal number as text ("1500", "1500.50"), in `priceCurrency`. */
    priceAmount: text("price_amount").notNull(),
    /** ISO 4217. */
    priceCurrency: text("price_currency").notNull(),
    contact: text("contact"),
    note: text("note"),
    /** The language the report was written in: the one to answer in. */
    lang: text("lang").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at"),
    closedAt: integer("closed_at"),
    outcome: text("outcome", { enum: REPORT_OUTCOMES }),
    /** The office's message to the reporter, set with the latest status change. */
    message: text("message"),
    /** The reporter's photo, re-encoded without metadata (src/service/media.ts key `reports/…`); shown only to those who handle the report. */
    photoKey: text("photo_key"),
  },
  (t) => [
    index("reports_district_status").on(t.districtCode, t.status),
    index("reports_status").on(t.status),
    index("reports_certificate").on(t.certificateId),
  ],
);

/** Report form tickets that have been used (src/core/form-token.ts): each works once. Kept until the ticket would have expired anyway. */
export const reportFormUses = sqliteTable(
  "report_form_uses",
  {
    nonce: text("nonce").primaryKey(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("report_form_uses_expiry").on(t.expiresAt)],
);

/**
 * How many reports arrived per clock hour, per bucket ("all", "certificate:<serial>", "none"):
 * the rate limits count these, never who sent what. Rows older than a day are deleted.
 */
export const reportCounts = sqliteTable(
  "report_counts",
  {
    bucket: text("bucket").notNull(),
    /** Unix seconds divided by 3600, rounded down. */
    hour: integer("hour").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.hour] }), index("report_counts_hour").on(t.hour)],
);
