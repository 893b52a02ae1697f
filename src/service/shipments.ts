// Exporters' shipments (docs/api.md, Shipments): an exporter creates one, adds certified items
// (by id, verify URL, token, a CSV of them, or a whole batch: only certificates that verify
// genuine, each in at most one shipment that is not cancelled), removes some, and seals it:
// the items are judged again, a manifest over them is signed (src/core/shipment.ts), and from
// then on nothing of the shipment changes but a cancellation. Each change is one db.batch with
// its audit entry, conditional on the state it starts from.
//
// Who: a shipment belongs to the exporter principal that created it, an API token (its whole
// rotation chain) or a console person; exporters see and change their own only (others' read as
// 404), admins read every shipment and may cancel any. The public sees a shipment once sealed.
import * as z from "zod";
import { decodeUtf8, parseCsv } from "../core/csv.js";
import { ApiError, notFound, stateChanged, unprocessable, type FieldError } from "../core/errors.js";
import { countryLanguage, isAssignedCountry } from "../core/countries.js";
import { base32Decode } from "../core/base32.js";
import { fromBase64url, fromHex, randomBytes, toBase64url, toHex } from "../core/bytes.js";
import { serialFromBytes } from "../core/payload.js";
import { itemTree, manifestFile, sealManifest, shipmentUrl, tokenDigest, type ManifestFile, type ManifestItem } from "../core/shipment.js";
import { serialFromText, tokenFromText, TOKEN_TEXT_LENGTH, verifyUrl, type Presented } from "../core/url.js";
import { fill, locale, type Locale } from "../pages/i18n/catalog.js";
import type { ProvenanceContent } from "../render/provenance.js";
import { isoTime, unixSeconds } from "../core/time.js";
import { isLanguage, PUBLIC_LANGUAGES, type Language } from "../pages/i18n/languages.js";
import { auditInsert, auditInsertIf } from "../store/audit.js";
import { listBatchCertificates } from "../store/batches.js";
import { isNotNullViolation, isUniqueViolation, type AsliDatabase } from "../store/database.js";
import {
  addItemsStatements,
  cancelQuery,
  certificatesInShipments,
  findShipment,
  insertShipmentQuery,
  itemOfShipment,
  itemsChangedQuery,
  listShipmentItems,
  listShipments,
  openWithinLimit,
  personName,
  releaseItemsQuery,
  removeItemQuery,
  sealQuery,
  tokenLineageRoot,
  type Shipment,
  type ShipmentItemRow,
  type ShipmentOwnerFilter,
  type ShipmentState,
} from "../store/shipments.js";
import { findVerificationRecords, findVerificationRecordsWhere, type VerificationRecord } from "../store/verification.js";
import { sql } from "drizzle-orm";
import { certificates, shipments } from "../../db/schema.js";
import type { Principal } from "./access.js";
import { text } from "./text.js";
import { verifyRecords, type CertificateView, type Verdict, type VerificationDeps } from "./verification.js";

export const MAX_SHIPMENT_ITEMS = 10_000;
/** 10,000 verify URLs of about 170 characters, with a CSV's other columns: well under this. */
export const MAX_ITEMS_BODY_BYTES = 4 * 1024 * 1024;
const SHIPMENT_ID = /^[A-Z2-7]{13}$/;

const countryCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isAssignedCountry, "an ISO 3166-1 alpha-2 country code, such as AE or DE");

export const shipmentInput = z
  .object({
    consigneeName: text(200),
    consigneeCountry: countryCode,
    /** The exporter's invoice or order number: signed into the manifest, shown publicly. */
    reference: text(64).optional(),
    /** For the exporter's own use; never published. */
    note: text(500).optional(),
    /** The provenance document's language besides English; by default the consignee country's. */
    documentLanguage: z.enum(PUBLIC_LANGUAGES as [Language, ...Language[]]).optional(),
  })
  .strict();
export type ShipmentInput = z.output<typeof shipmentInput>;

export const cancelInput = z.object({ reason: text(200).optional() }).strict();

/** `{"items": [...]}`: ids, verify URLs or tokens; or `{"batchId": "B-…"}`: every certificate of a batch. */
export const addItemsJson = z.union([
  z.object({ items: z.array(z.string().max(400)).min(1).max(MAX_SHIPMENT_ITEMS) }).strict(),
  z.object({ batchId: z.string().regex(/^B-[A-Z2-7]{13}$/, "a batch id: B- and 13 base32 characters") }).strict(),
]);

// ---------------------------------------------------------------------------------------------
// Who owns what

export interface ShipmentOwner {
  tokenId: number | null;
  personId: number | null;
  /** The registry's name for the exporter: the token's name or the person's. */
  name: string;
}

const notExporter = (p: Principal) => new ApiError(403, "role-not-allowed", "Forbidden", `the ${p.role} role does not make shipments: exporters do`);

/** The exporter identity a principal acts as: a person, or the first token of its rotation chain. */
export async function exporterOf(db: AsliDatabase, p: Principal): Promise<ShipmentOwner> {
  if (p.role !== "exporter") throw notExporter(p);
  if (p.personId !== undefined) {
    const name = await personName(db, p.personId);
    if (name !== undefined) return { tokenId: null, personId: p.personId, name };
  } else if (p.tokenId !== null) {
    const root = await tokenLineageRoot(db, p.tokenId);
    if (root) return { tokenId: root.id, personId: null, name: root.name };
  }
  throw notExporter(p);
}

/** Which shipments the principal sees: an exporter its own, an admin all; other roles none. */
export async function shipmentScope(db: AsliDatabase, p: Principal): Promise<ShipmentOwnerFilter> {
  if (p.role === "admin") return { kind: "all" };
  const owner = await exporterOf(db, p);
  return owner.personId !== null ? { kind: "person", personId: owner.personId } : { kind: "token", tokenId: owner.tokenId! };
}

function inScope(scope: ShipmentOwnerFilter, s: Shipment): boolean {
  if (scope.kind === "all") return true;
  return scope.kind === "person" ? s.ownerPersonId === scope.personId : s.ownerTokenId === scope.tokenId;
}

/** The shipment, if the principal may see it; 404 otherwise, exactly as for an id that does not exist. */
export async function readShipment(db: AsliDatabase, p: Principal, id: string): Promise<Shipment> {
  const scope = await shipmentScope(db, p);
  const shipment = SHIPMENT_ID.test(id) ? await findShipment(db, id) : undefined;
  if (!shipment || !inScope(scope, shipment)) throw notFound("this shipment");
  return shipment;
}

/** Adding, removing and sealing: the exporter that owns the shipment, and only while it is open. */
async function ownOpenShipment(db: AsliDatabase, p: Principal, id: string): Promise<Shipment> {
  if (p.role !== "exporter") throw notExporter(p);
  const shipment = await readShipment(db, p, id);
  assertState(shipment, "open");
  return shipment;
}

function assertState(s: Shipment, wanted: ShipmentState): void {
  if (s.state === wanted) return;
  if (s.state === "sealed") throw new ApiError(409, "shipment-sealed", "Conflict", "this shipment is sealed: its items can no longer change");
  if (s.state === "cancelled") throw new ApiError(409, "shipment-cancelled", "Conflict", "this shipment was cancelled");
  throw new ApiError(409, "shipment-not-sealed", "Conflict", "this shipment is not sealed yet");
}

// ---------------------------------------------------------------------------------------------
// Create, list

export async function createShipment(db: AsliDatabase, p: Principal, input: ShipmentInput, now: Date): Promise<Shipment> {
  const owner = await exporterOf(db, p);
  const at = unixSeconds(now);
  for (let attempt = 0; ; attempt++) {
    const id = serialFromBytes(randomBytes(8));
    const values = {
      id,
      ownerTokenId: owner.tokenId,
      ownerPersonId: owner.personId,
      exporterName: owner.name,
      consigneeName: input.consigneeName,
      consigneeCountry: input.consigneeCountry,
      reference: input.reference ?? null,
      note: input.note ?? null,
      documentLanguage: input.documentLanguage ?? countryLanguage(input.consigneeCountry),
      createdAt: at,
      updatedAt: at,
    };
    try {
      const [[shipment]] = await db.batch([
        insertShipmentQuery(db, values),
        // The consignee's name is the exporter's business: the entry records the country only.
        auditInsert(db, p, now, { action: "shipment.create", subjectType: "shipment", subjectId: id, after: { consigneeCountry: values.consigneeCountry, reference: values.reference, exporter: owner.name } }),
      ] as const);
      return shipment!;
    } catch (error) {
      // 64 random bits: a collision is practically impossible, but one must not become a 500.
      if (attempt < 2 && isUniqueViolation(error, "shipments.id")) continue;
      throw error;
    }
  }
}

export async function listShipmentsFor(db: AsliDatabase, p: Principal, filter: { state?: ShipmentState; before?: { createdAt: number; id: string }; limit: number }) {
  return listShipments(db, { owner: await shipmentScope(db, p), ...filter });
}

// ---------------------------------------------------------------------------------------------
// Adding items

export type ItemsSource = { kind: "json"; body: Uint8Array } | { kind: "csv"; body: Uint8Array };

/** An item as presented: its row (a CSV's own row, the position in `items` from 1, a batch's row) and what it named. */
interface PresentedItem {
  row: number;
  text: string;
  presented: Presented;
}

export interface AddedItems {
  shipment: Shipment;
  added: number;
  alreadyIn: number;
  items: { row: number; certificate: string; result: "added" | "already-in" }[];
}

const rowError = (row: number, code: string, message: string, path = "certificate"): FieldError => ({ row, path, code, message });

function itemsRefused(errors: FieldError[]): ApiError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new ApiError(422, "items-refused", "Items refused", `${rows} item(s) cannot be added; nothing was added`, errors);
}

/**
 * What an item's text names: a certificate id as a person types it, a token, or a verify URL
 * whose last segment is a token or an id (the provenance document's item QR codes carry ids).
 */
export function presentedItem(text: string): Presented | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 400) return null;
  const serial = serialFromText(trimmed);
  if (serial) return { kind: "serial", serial };
  const token = tokenFromText(trimmed);
  if (!token) return null;
  if (token.length === TOKEN_TEXT_LENGTH) return { kind: "token", token };
  const inUrl = serialFromText(token);
  return inUrl ? { kind: "serial", serial: inUrl } : null;
}

const certificateColumn = (name: string) => ["certificate", "certificate_id", "certificate id"].includes(name.trim().toLowerCase());

/** The items of the body; every row that names nothing readable is an error, reported together. */
export function readItems(source: ItemsSource): { items: PresentedItem[]; errors: FieldError[]; batchId?: string } {
  const text = decodeUtf8(source.body);
  if (text === null) throw new ApiError(400, source.kind === "csv" ? "csv-not-utf8" : "body-not-utf8", "Not UTF-8", "the body is not UTF-8 text: save the file as CSV UTF-8");
  const items: PresentedItem[] = [];
  const errors: FieldError[] = [];
  const take = (row: number, value: string) => {
    const presented = presentedItem(value);
    if (presented) items.push({ row, text: value.trim(), presented });
    else errors.push(rowError(row, value.trim() === "" ? "required" : "unreadable", value.trim() === "" ? "no certificate on this row" : "neither a certificate id, nor a verify URL, nor a token"));
  };
  if (source.kind === "json") {
    let value: unknown;
    try {
      value = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
    } catch {
      throw new ApiError(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
    }
    if (value && typeof value === "object" && Array.isArray((value as { items?: unknown }).items) && (value as { items: unknown[] }).items.length > MAX_SHIPMENT_ITEMS) throw tooMany(MAX_SHIPMENT_ITEMS + 1);
    const parsed = addItemsJson.safeParse(value);
    if (!parsed.success) {
      throw new ApiError(400, "validation-failed", "Validation failed", 'the body is {"items": ["<id, verify URL or token>", …]} or {"batchId": "B-…"}', parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })));
    }
    if ("batchId" in parsed.data) return { items, errors, batchId: parsed.data.batchId };
    parsed.data.items.forEach((value, i) => take(i + 1, value));
    return { items, errors };
  }
  // One header row and at most MAX_SHIPMENT_ITEMS rows of items; one more so that 10,001 is seen as such.
  const csv = parseCsv(text, { maxRecords: MAX_SHIPMENT_ITEMS + 2 });
  if (!csv.ok) {
    if (csv.error.code === "csv-too-many-rows") throw tooMany(csv.error.row);
    throw new ApiError(400, "csv-syntax", "Malformed CSV", `${csv.error.message} (row ${csv.error.row}); nothing was added`, [rowError(csv.error.row, csv.error.code, csv.error.message, "(row)")]);
  }
  const [header, ...records] = csv.records;
  const column = header ? header.fields.findIndex(certificateColumn) : -1;
  if (!header || column < 0 || header.fields.filter(certificateColumn).length > 1) {
    throw new ApiError(400, "csv-header-invalid", "Invalid CSV header", "the first row names the columns, one of them `certificate` (the certificate id, verify URL or token); other columns are ignored", [
      rowError(header?.row ?? 1, header && column >= 0 ? "csv-duplicate-column" : "csv-missing-column", "the header needs exactly one certificate column", "(row)"),
    ]);
  }
  if (records.length > MAX_SHIPMENT_ITEMS) throw tooMany(records[MAX_SHIPMENT_ITEMS]!.row);
  for (const record of records) take(record.row, record.fields[column] ?? "");
  if (items.length === 0 && errors.length === 0) throw new ApiError(422, "items-empty", "No items", "the file lists no certificate");
  return { items, errors };
}

function tooMany(row: number): ApiError {
  return new ApiError(413, "shipment-too-large", "Too many items", `a shipment holds at most ${MAX_SHIPMENT_ITEMS} items; nothing was added`, [rowError(row, "shipment-too-large", `row ${row} is past the limit`, "(row)")]);
}

const REFUSAL_WORDS: Record<string, (v: Verdict) => string> = {
  revoked: (v) => `the certificate was revoked${v.status === "revoked" ? ` on ${v.revokedAt.slice(0, 10)} (${v.reason})` : ""}: it no longer shows the item is genuine`,
  suspended: () => "the registry has suspended the artisan: their certificates are not vouched for at present",
};

/** Why a verdict keeps an item out of a shipment, as a row error; null for a genuine certificate. */
function refusalOf(row: number, v: Verdict): FieldError | null {
  switch (v.status) {
    case "genuine":
      return null;
    case "revoked":
    case "suspended":
      return rowError(row, v.status, REFUSAL_WORDS[v.status]!(v));
    case "invalid":
      return v.reason === "not-registered" ? rowError(row, "not-registered", v.message) : rowError(row, "invalid", `${v.message} (${v.reason})`);
    case "unconfirmed":
      return rowError(row, "unconfirmed", v.message);
    case "suspected-copy":
      return rowError(row, "suspected-copy", `${v.message}: a registry admin must clear the suspicion before it can be shipped`);
  }
}

/**
 * Adds items to an open shipment of the principal's. Every item is read and judged first (one
 * bulk read of the registry, the verify pipeline per item); if any is refused, every refusal is
 * answered by row (422 items-refused) and nothing is written. Items already in the shipment are
 * reported and skipped, so a retry adds nothing twice.
 */
export async function addItems(deps: VerificationDeps, p: Principal, id: string, source: ItemsSource): Promise<AddedItems> {
  const { db } = deps;
  const shipment = await ownOpenShipment(db, p, id);
  const read = readItems(source);
  let presentedItems = read.items;
  if (read.batchId) presentedItems = await batchItems(db, read.batchId);
  const errors = [...read.errors];

  const wanted = [...new Set(presentedItems.map((i) => (i.presented.kind === "serial" ? i.presented.serial : serialOfToken(i.presented.token))).filter((s): s is string => s !== null))];
  const [records, elsewhere, current] = await Promise.all([findVerificationRecords(db, wanted), certificatesInShipments(db, wanted), listShipmentItems(db, shipment.id)]);
  const inThis = new Set(current.map((item) => item.certificateId));

  const judged = await verifyRecords(
    deps,
    presentedItems.map((item) => {
      const serial = item.presented.kind === "serial" ? item.presented.serial : serialOfToken(item.presented.token);
      const found = serial ? records.get(serial) : undefined;
      const token = item.presented.kind === "token" ? item.presented.token : (found?.record.certificate.token ?? "");
      return { token, found };
    }),
  );

  const toAdd: { certificateId: string; tokenSha256: string; row: number }[] = [];
  const results: AddedItems["items"] = [];
  const seen = new Set<string>();
  presentedItems.forEach((item, i) => {
    const verdict = judged[i]!;
    if (item.presented.kind === "serial" && !records.has(item.presented.serial)) {
      errors.push(rowError(item.row, "not-registered", `the registry holds no certificate ${item.presented.serial}`));
      return;
    }
    const refused = refusalOf(item.row, verdict);
    if (refused) return void errors.push(refused);
    const certificate = (verdict as Extract<Verdict, { certificate: CertificateView }>).certificate;
    if (inThis.has(certificate.id) || seen.has(certificate.id)) {
      results.push({ row: item.row, certificate: certificate.id, result: "already-in" });
      return;
    }
    const other = elsewhere.get(certificate.id);
    if (other && other !== shipment.id) {
      errors.push(rowError(item.row, "in-another-shipment", `certificate ${certificate.id} is in another shipment that is not cancelled`));
      return;
    }
    seen.add(certificate.id);
    const token = records.get(certificate.id)!.record.certificate.token;
    toAdd.push({ certificateId: certificate.id, tokenSha256: toHex(tokenDigest(token)), row: item.row });
    results.push({ row: item.row, certificate: certificate.id, result: "added" });
  });
  if (errors.length > 0) throw itemsRefused(errors.sort((a, b) => a.row! - b.row!));
  if (current.length + toAdd.length > MAX_SHIPMENT_ITEMS) {
    throw new ApiError(422, "shipment-full", "Shipment full", `the shipment holds ${current.length} items; ${toAdd.length} more would pass ${MAX_SHIPMENT_ITEMS}; nothing was added`);
  }
  if (toAdd.length === 0) return { shipment, added: 0, alreadyIn: results.length, items: results };

  const at = unixSeconds(deps.clock());
  let changed: Shipment[];
  try {
    const written = await db.batch([
      ...addItemsStatements(db, shipment.id, toAdd, at),
      itemsChangedQuery(db, shipment.id, at),
      // Written only if the shipment was open and stays within the limit; otherwise its NULL
      // subject fails the batch, and nothing of it is written.
      auditInsert(db, p, deps.clock(), {
        action: "shipment.add-items",
        subjectType: "shipment",
        subjectId: openWithinLimit(shipment.id, MAX_SHIPMENT_ITEMS),
        after: { added: toAdd.length, certificates: toAdd.length <= 100 ? toAdd.map((i) => i.certificateId) : undefined },
      }),
    ] as unknown as Parameters<typeof db.batch>[0]);
    changed = written[written.length - 2] as Shipment[];
  } catch (error) {
    if (isNotNullViolation(error, "audit_log.subject_id")) throw await changedUnderUs(db, shipment.id);
    // Another request added one of these certificates to a shipment meanwhile.
    if (isUniqueViolation(error)) throw stateChanged();
    throw error;
  }
  return { shipment: changed[0]!, added: toAdd.length, alreadyIn: results.length - toAdd.length, items: results };
}

/** Where to look a presented token up: its serial, bytes 5–12 of its payload. The verify pipeline judges the token itself. */
function serialOfToken(token: string): string | null {
  const bytes = token.length === TOKEN_TEXT_LENGTH ? base32Decode(token) : null;
  return bytes ? serialFromBytes(bytes.slice(5, 13)) : null;
}

async function batchItems(db: AsliDatabase, batchId: string): Promise<PresentedItem[]> {
  const rows = await listBatchCertificates(db, batchId);
  if (rows.length === 0) throw unprocessable("unknown-batch", `no batch has id ${batchId}`);
  return rows.map((r, i) => ({ row: r.row ?? i + 1, text: r.id, presented: { kind: "serial", serial: r.id } }));
}

/** Why a conditional change found nothing to change: the shipment's state now, or the limit. */
async function changedUnderUs(db: AsliDatabase, id: string): Promise<ApiError> {
  const now = await findShipment(db, id);
  if (now && now.state !== "open") {
    try {
      assertState(now, "open");
    } catch (error) {
      return error as ApiError;
    }
  }
  if (now && now.itemCount > MAX_SHIPMENT_ITEMS) return new ApiError(422, "shipment-full", "Shipment full", `a shipment holds at most ${MAX_SHIPMENT_ITEMS} items; nothing was added`);
  return stateChanged();
}

export async function removeItem(db: AsliDatabase, p: Principal, id: string, certificateId: string, now: Date): Promise<Shipment> {
  const shipment = await ownOpenShipment(db, p, id);
  const at = unixSeconds(now);
  try {
    const [, , changed] = await db.batch([
      removeItemQuery(db, shipment.id, certificateId),
      // Its subject is NULL, failing the whole batch, unless the delete just removed the item of an open shipment.
      auditInsert(db, p, now, {
        action: "shipment.remove-item",
        subjectType: "shipment",
        subjectId: sql`(SELECT ${shipments.id} FROM ${shipments} WHERE ${shipments.id} = ${shipment.id} AND ${shipments.state} = 'open' AND changes() = 1)`,
        before: { certificate: certificateId },
      }),
      itemsChangedQuery(db, shipment.id, at),
    ] as const);
    return changed[0]!;
  } catch (error) {
    if (!isNotNullViolation(error, "audit_log.subject_id")) throw error;
    const now = await findShipment(db, shipment.id);
    if (now?.state === "open") throw notFound("this item");
    throw await changedUnderUs(db, shipment.id);
  }
}

// ---------------------------------------------------------------------------------------------
// Sealing and cancelling

/**
 * Judges every item again (a certificate revoked since it was added keeps the shipment from being
 * sealed: 409 items-not-genuine, by item), builds the Merkle tree, signs the manifest, and seals
 * the shipment, if it is still open with exactly the items read.
 */
export async function sealShipment(deps: VerificationDeps, p: Principal, id: string): Promise<Shipment> {
  const { db } = deps;
  const shipment = await ownOpenShipment(db, p, id);
  const { items, verdicts } = await judgedItems(deps, shipment.id);
  if (items.length === 0) throw unprocessable("shipment-empty", "a shipment needs at least one item to be sealed");
  const errors = verdicts.flatMap((v, i) => {
    const refused = refusalOf(i + 1, v);
    return refused ? [{ ...refused, path: items[i]!.certificateId }] : [];
  });
  if (errors.length > 0) {
    throw new ApiError(409, "items-not-genuine", "Items no longer genuine", `${errors.length} item(s) no longer verify as genuine: remove them, then seal; nothing was sealed`, errors);
  }
  const now = deps.clock();
  const sealedAt = unixSeconds(now);
  const manifestItems = items.map((item) => ({ certificate: item.certificateId, tokenSha256: fromHex(item.tokenSha256) }));
  const sealed = await sealManifest(
    { shipmentId: shipment.id, sealedAt, consigneeCountry: shipment.consigneeCountry, exporter: shipment.exporterName, reference: shipment.reference, items: manifestItems },
    deps.signingKey,
  );
  const values = {
    sealedAt,
    manifestHeader: toBase64url(sealed.header),
    manifestSignature: toBase64url(sealed.signature),
    manifestKid: deps.signingKey.kid,
    merkleRoot: toHex(sealed.tree.root()),
  };
  const [[done]] = await db.batch([
    sealQuery(db, shipment.id, shipment.version, values),
    auditInsertIf(db, p, now, { action: "shipment.seal", subjectType: "shipment", subjectId: shipment.id, before: { state: "open" }, after: { state: "sealed", itemCount: items.length, merkleRoot: values.merkleRoot, kid: values.manifestKid } }),
  ] as const);
  if (!done) throw await changedUnderUs(db, shipment.id);
  return done;
}

/** Cancels an open or sealed shipment: its owner, or an admin. Recorded, shown on its page; the certificates are free for another shipment. */
export async function cancelShipment(db: AsliDatabase, p: Principal, id: string, reason: string | undefined, now: Date): Promise<Shipment> {
  if (p.role !== "exporter" && p.role !== "admin") throw notExporter(p);
  const shipment = await readShipment(db, p, id);
  if (shipment.state === "cancelled") assertState(shipment, "open");
  const at = unixSeconds(now);
  const [[cancelled]] = await db.batch([
    cancelQuery(db, shipment.id, shipment.state, at, reason ?? null),
    auditInsertIf(db, p, now, { action: "shipment.cancel", subjectType: "shipment", subjectId: shipment.id, before: { state: shipment.state }, after: { state: "cancelled", reason: reason ?? null } }),
    releaseItemsQuery(db, shipment.id),
  ] as const);
  // Sealed or cancelled by another request meanwhile: read it again, and cancel that if still wanted.
  if (!cancelled) throw stateChanged();
  return cancelled;
}

// ---------------------------------------------------------------------------------------------
// Reading a shipment's items with their verdicts

export interface JudgedItems {
  items: ShipmentItemRow[];
  records: Map<string, VerificationRecord>;
  verdicts: Verdict[];
}

/** Every item with its live verdict: one query for the records, the verify pipeline for each. */
export async function judgedItems(deps: VerificationDeps, shipmentId: string): Promise<JudgedItems> {
  const [items, records] = await Promise.all([listShipmentItems(deps.db, shipmentId), findVerificationRecordsWhere(deps.db, itemOfShipment(certificates.id, shipmentId))]);
  const verdicts = await verifyRecords(
    deps,
    items.map((item) => {
      const found = records.get(item.certificateId);
      return { token: found?.record.certificate.token ?? "", found };
    }),
  );
  return { items, records, verdicts };
}

/** The manifest's items in order, as the seal signed them. */
export function manifestItems(items: readonly ShipmentItemRow[]): ManifestItem[] {
  return items.map((item) => ({ certificate: item.certificateId, tokenSha256: fromHex(item.tokenSha256) }));
}

/** A sealed (or later cancelled) shipment, for the public: 404 while it is open, as for an id that does not exist. */
export async function publishedShipment(db: AsliDatabase, id: string): Promise<Shipment & { manifestHeader: string; manifestSignature: string; manifestKid: string; merkleRoot: string; sealedAt: number }> {
  const shipment = SHIPMENT_ID.test(id) ? await findShipment(db, id) : undefined;
  if (!shipment || shipment.manifestHeader === null || shipment.manifestSignature === null || shipment.manifestKid === null || shipment.merkleRoot === null || shipment.sealedAt === null) {
    throw notFound("this shipment");
  }
  return shipment as Shipment & { manifestHeader: string; manifestSignature: string; manifestKid: string; merkleRoot: string; sealedAt: number };
}

/**
 * The manifest file of a published shipment (docs/shipment-format.md §5): every item with its
 * proof, or only the item of `certificateId` (404 if it is not one).
 */
export async function manifestOf(db: AsliDatabase, baseUrl: string, id: string, certificateId?: string): Promise<ManifestFile> {
  const shipment = await publishedShipment(db, id);
  const items = manifestItems(await listShipmentItems(db, shipment.id));
  const tree = itemTree(items);
  let indexes: number[] | undefined;
  if (certificateId !== undefined) {
    const index = items.findIndex((item) => item.certificate === certificateId);
    if (index < 0) throw notFound("this item");
    indexes = [index];
  }
  return manifestFile(
    {
      issuer: new URL(baseUrl).origin,
      url: shipmentUrl(baseUrl, shipment.id),
      kid: shipment.manifestKid,
      header: fromBase64url(shipment.manifestHeader),
      signature: fromBase64url(shipment.manifestSignature),
    },
    tree,
    items,
    indexes,
  );
}

/** A shipment as its owner (and the registry) sees it. */
export function shipmentView(s: Shipment, baseUrl: string, items?: readonly ShipmentItemRow[]) {
  const origin = new URL(baseUrl).origin;
  const self = `${origin}/api/v1/shipments/${s.id}`;
  return {
    id: s.id,
    state: s.state,
    url: shipmentUrl(baseUrl, s.id),
    exporter: s.exporterName,
    consignee: { name: s.consigneeName, country: s.consigneeCountry },
    reference: s.reference,
    note: s.note,
    documentLanguage: isLanguage(s.documentLanguage) ? s.documentLanguage : "en",
    itemCount: s.itemCount,
    createdAt: isoTime(s.createdAt),
    updatedAt: isoTime(s.updatedAt),
    sealedAt: s.sealedAt === null ? null : isoTime(s.sealedAt),
    cancelledAt: s.cancelledAt === null ? null : isoTime(s.cancelledAt),
    cancelReason: s.cancelReason,
    manifest: s.manifestHeader === null ? null : { version: 1 as const, kid: s.manifestKid!, merkleRoot: s.merkleRoot!, header: s.manifestHeader, signature: s.manifestSignature! },
    links: {
      self,
      items: `${self}/items`,
      page: `${origin}/s/${s.id}`,
      verify: `${self}/verify`,
      manifest: `${self}/manifest`,
      document: `${self}/document.pdf`,
      labels: `${self}/labels.pdf`,
    },
    ...(items ? { items: items.map((item) => ({ certificate: item.certificateId, addedAt: isoTime(item.addedAt) })) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The public verdict: the page /s/{id} and GET /api/v1/shipments/{id}/verify

/** An item as the public sees it: its verdict today, without the signed token (no verifyUrl), so that the page cannot be used to print tags. */
export type PublicItemVerdict = { index: number; certificateId: string; tokenSha256: string } & (
  | Exclude<Verdict, { certificate: CertificateView }>
  | (Omit<Extract<Verdict, { certificate: CertificateView }>, "certificate"> & { certificate: Omit<CertificateView, "verifyUrl"> })
);

export type ShipmentStatus = "genuine" | "not-all-genuine" | "cancelled";

export interface ShipmentVerdict {
  id: string;
  url: string;
  /** genuine: sealed, every item genuine today; not-all-genuine: sealed, some item revoked, suspended or invalid since; cancelled. */
  status: ShipmentStatus;
  exporter: string;
  consigneeCountry: string;
  reference: string | null;
  sealedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  itemCount: number;
  summary: Record<"genuine" | "revoked" | "suspended" | "suspected-copy" | "invalid", number>;
  manifest: { version: 1; kid: string; merkleRoot: string; header: string; signature: string };
  items: PublicItemVerdict[];
}

export async function shipmentVerdict(deps: VerificationDeps, id: string): Promise<ShipmentVerdict> {
  const shipment = await publishedShipment(deps.db, id);
  const { items, verdicts } = await judgedItems(deps, shipment.id);
  const summary = { genuine: 0, revoked: 0, suspended: 0, "suspected-copy": 0, invalid: 0 };
  const judged = items.map((item, index): PublicItemVerdict => {
    const verdict = verdicts[index]!;
    summary[verdict.status === "unconfirmed" ? "invalid" : verdict.status]++;
    const base = { index, certificateId: item.certificateId, tokenSha256: item.tokenSha256 };
    if (!("certificate" in verdict)) return { ...base, ...verdict };
    const { verifyUrl: _token, ...certificate } = verdict.certificate;
    return { ...base, ...verdict, certificate };
  });
  const status: ShipmentStatus = shipment.state === "cancelled" ? "cancelled" : summary.genuine === items.length ? "genuine" : "not-all-genuine";
  return {
    id: shipment.id,
    url: shipmentUrl(deps.baseUrl, shipment.id),
    status,
    exporter: shipment.exporterName,
    consigneeCountry: shipment.consigneeCountry,
    reference: shipment.reference,
    sealedAt: isoTime(shipment.sealedAt),
    cancelledAt: shipment.cancelledAt === null ? null : isoTime(shipment.cancelledAt),
    cancelReason: shipment.cancelReason,
    itemCount: items.length,
    summary,
    manifest: { version: 1, kid: shipment.manifestKid, merkleRoot: shipment.merkleRoot, header: shipment.manifestHeader, signature: shipment.manifestSignature },
    items: judged,
  };
}

/**
 * The facts of a sealed shipment that other forms of it are made from (the provenance document;
 * later a verifiable credential listing its items' credential ids and the manifest's root): the
 * shipment as signed, and its items in manifest order with their registry records.
 */
export async function sealedShipmentFacts(deps: VerificationDeps, p: Principal, id: string) {
  const shipment = await readShipment(deps.db, p, id);
  if (shipment.state !== "sealed") assertState(shipment, "sealed");
  const { items, records, verdicts } = await judgedItems(deps, shipment.id);
  return { shipment: shipment as Shipment & { sealedAt: number; merkleRoot: string; manifestKid: string }, items: items.map((item, i) => ({ item, record: records.get(item.certificateId), verdict: verdicts[i]! })) };
}

/** What a sealed shipment's carton labels print (src/render/carton.ts): its owner's or an admin's, once sealed. */
export async function cartonLabelOf(db: AsliDatabase, p: Principal, id: string, baseUrl: string) {
  const shipment = await readShipment(db, p, id);
  if (shipment.state !== "sealed") assertState(shipment, "sealed");
  let destination = shipment.consigneeCountry;
  try {
    destination = new Intl.DisplayNames(["en"], { type: "region" }).of(shipment.consigneeCountry) ?? destination;
  } catch {
    // The code itself, where the runtime has no region names.
  }
  return { url: shipmentUrl(baseUrl, shipment.id), shipmentId: shipment.id, exporter: shipment.exporterName, destination, reference: shipment.reference, itemCount: shipment.itemCount };
}

/**
 * Languages whose script the document's fonts set: Latin and Devanagari (Noto Sans Devanagari),
 * Arabic and Urdu (Noto Naskh Arabic, right to left). Japanese and Chinese get English alone:
 * a CJK font is several megabytes, over the Workers renderers' budget (docs/shipment-format.md).
 */
const DOCUMENT_LANGUAGES: readonly Language[] = ["en", "hi", "fr", "de", "es", "ar", "ur"];

/**
 * The provenance document of a sealed shipment (src/render/provenance.ts), for its exporter or
 * an admin: its words from the catalogs, in English and the shipment's document language.
 */
export async function provenanceDocument(deps: VerificationDeps, p: Principal, id: string): Promise<ProvenanceContent> {
  const { shipment, items } = await sealedShipmentFacts(deps, p, id);
  const second = isLanguage(shipment.documentLanguage) && DOCUMENT_LANGUAGES.includes(shipment.documentLanguage) && shipment.documentLanguage !== "en" ? locale(shipment.documentLanguage) : null;
  const en = locale("en");
  const both = (pick: (m: Locale["messages"]) => string) => (second ? `${pick(en.messages)} · ${pick(second.messages)}` : pick(en.messages));
  const country = (l: Locale) => {
    try {
      return new Intl.DisplayNames([l.tag], { type: "region" }).of(shipment.consigneeCountry) ?? shipment.consigneeCountry;
    } catch {
      return shipment.consigneeCountry;
    }
  };
  const sealed = isoTime(shipment.sealedAt);
  // On a right-to-left page the reader's words come first and the English ones start with a
  // letter ("March 1, 2026"): a digit after Latin letters would join the English run (UAX #9 W7)
  // and pull the local date's day number into it.
  const rtl = second?.dir === "rtl";
  const englishDate = rtl ? new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(sealed)) : en.date(sealed);
  const consignee = !second ? `${shipment.consigneeName}, ${country(en)}` : rtl ? `${shipment.consigneeName}، ${country(second)} · ${country(en)}` : `${shipment.consigneeName}, ${country(en)} · ${country(second)}`;
  const facts = [
    { label: both((m) => m.shipment.fields.shipment), value: shipment.id },
    { label: both((m) => m.shipment.fields.exporter), value: shipment.exporterName },
    { label: both((m) => m.shipment.document.consignee), value: consignee },
    ...(shipment.reference ? [{ label: both((m) => m.shipment.fields.reference), value: shipment.reference }] : []),
    { label: both((m) => m.shipment.fields.sealedOn), value: !second ? englishDate : rtl ? `${second.date(sealed)} · ${englishDate}` : `${englishDate} · ${second.date(sealed)}` },
    { label: both((m) => m.shipment.fields.items), value: String(shipment.itemCount) },
  ];
  return {
    shipmentId: shipment.id,
    direction: second?.dir ?? "ltr",
    url: shipmentUrl(deps.baseUrl, shipment.id),
    title: [en.messages.shipment.document.title, ...(second ? [second.messages.shipment.document.title] : [])],
    facts,
    statement: [en.messages.shipment.document.statement, ...(second ? [second.messages.shipment.document.statement] : [])],
    labels: {
      certificate: both((m) => m.verify.fields.certificate),
      maker: both((m) => m.shipment.columns.maker),
      district: both((m) => m.verify.fields.district),
      product: both((m) => m.verify.fields.product),
      gi: both((m) => m.verify.fields.giTag),
    },
    pageLabel: (page, pages) => both((m) => fill(m.shipment.document.page, { page, pages })),
    items: items.map(({ item, record }) => ({
      // The certificate's id, not its token: the document must not let anyone print its tags.
      verifyUrl: verifyUrl(deps.baseUrl, item.certificateId),
      certificate: item.certificateId,
      title: record?.record.certificate.title ?? item.certificateId,
      artisan: record?.record.artisan.name ?? "—",
      district: record?.record.district.name ?? "—",
      product: record?.record.product?.name ?? record?.record.artisan.craft ?? null,
      gi: record?.record.giTag ? `${record.record.giTag.name}${record.record.giTag.applicationNumber ? ` (${both((m) => m.verify.fields.giApplication)} ${record.record.giTag.applicationNumber})` : ""}` : null,
    })),
  };
}
