// Batch issuance: up to 10,000 certificates from one CSV or JSON body. The order is fixed:
// read and decode the body, parse it, check every row (shape, then the registry, looked up in
// bulk) and report every error with its row number; only a batch with no error is signed and
// written, in one db.batch with its audit entry, so either all certificates exist or none.
// An Idempotency-Key makes a retry return the batch it already created.
import * as z from "zod";
import { acceptedText, FORMULA_START } from "./text.js";
import { concatBytes, randomBytes, sha256, toHex, utf8 } from "../core/bytes.js";
import { decodeUtf8, findInvalidUtf8, parseCsv, type CsvRecord } from "../core/csv.js";
import { ApiError, type FieldError } from "../core/errors.js";
import type { SigningKey } from "../core/keys.js";
import { forEachConcurrently } from "../core/concurrency.js";
import { serialFromBytes, type CertificateClaims } from "../core/payload.js";
import { issueTokenBytes } from "../core/token.js";
import { auditInsert } from "../store/audit.js";
import { encodeCertificateRow, findArtisansByIds, findBatchByIdempotencyKey, insertBatchStatements, type Batch } from "../store/batches.js";
import type { NewCertificate } from "../store/certificates.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import { listGiTags, type GiTag, type Product } from "../store/registry.js";
import { products as productsTable } from "../../db/schema.js";
import type { Principal } from "./access.js";
import { assertIssuable, certificateInput, isCalendarDate, ISO_DATE, publishLog } from "./certificates.js";
import { allocateStatusPositions, isStatusPositionTaken } from "./status-lists.js";
import { insertStatusEntryStatements } from "../store/status-lists.js";
import type { LogAppender } from "./tlog.js";
import { unixSeconds } from "../core/time.js";

export const MAX_BATCH_ITEMS = 10_000;
/** 10,000 rows of generous titles fit in well under this; it bounds what a body can cost. */
export const MAX_BATCH_BODY_BYTES = 8 * 1024 * 1024;

/** CSV columns, in the order the docs show them; only the first two are required. */
export const CSV_COLUMNS = ["artisan_id", "title", "materials", "made_on", "product_id", "claim_gi", "gi_tag_id"] as const;
const REQUIRED_COLUMNS: readonly string[] = ["artisan_id", "title"];
type CsvColumn = (typeof CSV_COLUMNS)[number];
const FIELD_OF_COLUMN: Record<CsvColumn, string> = {
  artisan_id: "artisanId",
  title: "title",
  materials: "materials",
  made_on: "madeOn",
  product_id: "productId",
  claim_gi: "claimGi",
  gi_tag_id: "giTagId",
};
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([c, f]) => [f, c])) as Record<string, CsvColumn>;

/**
 * A batch item is a single-issuance input plus an optional giTagId: the GI the sheet says the
 * item carries, checked against the artisan's authorisation and the GI's registered region,
 * which catches a wrong GI in a spreadsheet before anything is signed.
 */
export const batchItemInput = certificateInput.extend({ giTagId: z.number().int().positive().max(0xffff).optional() }).strict();
export type BatchItemInput = z.output<typeof batchItemInput>;

const jsonBody = z.object({ items: z.array(z.unknown()) }).strict();

export type BatchSource = "csv" | "json";

export interface BatchRequest {
  source: BatchSource;
  body: Uint8Array;
  /** The Idempotency-Key header, already checked for form. */
  idempotencyKey?: string;
}

export interface BatchItem {
  /** The row the item came from: the CSV file's own row (the header is row 1), or the position in `items` from 1. */
  row: number;
  input: BatchItemInput;
}

export interface IssuedBatch {
  batch: Batch;
  /** False when an Idempotency-Key matched a batch issued earlier. */
  created: boolean;
  /** The certificates just issued, in input order; absent on a replay (read them from the store). */
  certificates?: { id: string; token: string; row: number }[];
}

const rowError = (row: number, path: string, code: string, message: string): FieldError => ({ row, path, code, message });


function batchInvalid(errors: FieldError[]): ApiError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new ApiError(422, "batch-invalid", "Batch refused", `${errors.length} error(s) in ${rows} row(s); nothing was issued`, errors);
}

function tooManyItems(row: number): ApiError {
  return new ApiError(413, "batch-too-large", "Batch too large", `a batch holds at most ${MAX_BATCH_ITEMS} items; nothing was issued`, [
    rowError(row, "(row)", "batch-too-large", `row ${row} is item ${MAX_BATCH_ITEMS + 1}, past the limit`),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Reading the body

/** Items whose shape is right, and an error for every row whose shape is not. */
export interface ReadItems {
  items: BatchItem[];
  errors: FieldError[];
}

/** Reads the body; a structural fault (encoding, syntax, header, size) throws at once. */
export function readBatchItems(source: BatchSource, body: Uint8Array): ReadItems {
  const read = source === "csv" ? readCsv(body) : readJson(body);
  if (read.items.length === 0 && read.errors.length === 0) throw new ApiError(422, "batch-empty", "Empty batch", "the batch has no items");
  return read;
}

function readCsv(body: Uint8Array): ReadItems {
  // One header row, at most MAX_BATCH_ITEMS data rows, and one more so that 10,001 is seen as such.
  const maxRecords = MAX_BATCH_ITEMS + 2;
  const text = decodeUtf8(body);
  if (text === null) {
    const found = findInvalidUtf8(body, { maxRecords });
    const lenient = new TextDecoder().decode(body);
    const header = parseCsv(lenient.slice(0, lenient.indexOf("\n") + 1 || undefined), { maxRecords: 1 });
    const names = header.ok ? (header.records[0]?.fields.map((f) => f.trim().toLowerCase()) ?? []) : [];
    const errors = Array.isArray(found)
      ? found.map((f) => rowError(f.row, names[f.field] ?? `column ${f.field + 1}`, "not-utf8", "this cell is not UTF-8 text: save the file as CSV UTF-8"))
      : [rowError(found.row, "(row)", "not-utf8", "the file is not UTF-8 text: save it as CSV UTF-8")];
    throw new ApiError(400, "csv-not-utf8", "Not UTF-8", "the CSV file is not UTF-8; nothing was issued", errors);
  }
  const parsed = parseCsv(text, { maxRecords });
  if (!parsed.ok) {
    if (parsed.error.code === "csv-too-many-rows") throw tooManyItems(parsed.error.row);
    throw new ApiError(400, "csv-syntax", "Malformed CSV", `${parsed.error.message} (row ${parsed.error.row}); nothing was issued`, [
      rowError(parsed.error.row, "(row)", parsed.error.code, parsed.error.message),
    ]);
  }
  const [header, ...records] = parsed.records;
  if (!header) return { items: [], errors: [] };
  const columns = readHeader(header);
  if (records.length > MAX_BATCH_ITEMS) throw tooManyItems(records[MAX_BATCH_ITEMS]!.row);

  const items: BatchItem[] = [];
  const errors: FieldError[] = [];
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      errors.push(rowError(record.row, "(row)", "csv-field-count", `${record.fields.length} fields where the header has ${columns.length}`));
      continue;
    }
    const item = csvItem(record, columns, errors);
    if (item) items.push(item);
  }
  return { items, errors };
}

function readHeader(header: CsvRecord): CsvColumn[] {
  const errors: FieldError[] = [];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  names.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push(rowError(header.row, header.fields[i]!, "csv-unknown-column", `unknown column "${header.fields[i]}"; columns are ${CSV_COLUMNS.join(", ")}`));
    } else if (names.indexOf(name) !== i) {
      errors.push(rowError(header.row, name, "csv-duplicate-column", `column ${name} appears twice`));
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) errors.push(rowError(header.row, required, "csv-missing-column", `the header has no ${required} column`));
  }
  if (errors.length) {
    throw new ApiError(400, "csv-header-invalid", "Invalid CSV header", `the first row must name the columns (${CSV_COLUMNS.join(", ")}); nothing was issued`, errors);
  }
  return names as CsvColumn[];
}

const INTEGER = /^\s*([1-9][0-9]{0,9})\s*$/;

function csvItem(record: CsvRecord, columns: readonly CsvColumn[], errors: FieldError[]): BatchItem | null {
  const before = errors.length;
  const value: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = record.fields[i]!;
    if (FORMULA_START.test(cell)) {
      errors.push(rowError(record.row, column, "formula-injection", "a cell may not start with = + - @ or a tab: spreadsheets would run it as a formula"));
      return;
    }
    const field = FIELD_OF_COLUMN[column];
    const blank = cell.trim() === "";
    switch (column) {
      case "artisan_id":
      case "product_id":
      case "gi_tag_id": {
        if (blank) {
          if (column === "artisan_id") errors.push(rowError(record.row, column, "required", "artisan_id is required"));
          return;
        }
        const match = INTEGER.exec(cell);
        if (!match) errors.push(rowError(record.row, column, "invalid-value", "a whole number, like 42"));
        else value[field] = Number(match[1]);
        return;
      }
      case "materials":
        value[field] = cell.split(";").map((m) => m.trim()).filter(Boolean);
        return;
      case "made_on":
        if (!blank) value[field] = cell.trim();
        return;
      case "claim_gi": {
        const v = cell.trim().toLowerCase();
        if (blank) return;
        if (["yes", "true", "1"].includes(v)) value[field] = true;
        else if (["no", "false", "0"].includes(v)) value[field] = false;
        else errors.push(rowError(record.row, column, "invalid-value", "yes or no"));
        return;
      }
      case "title":
        value[field] = cell;
        return;
    }
  });
  if (errors.length > before) return null;
  return checkShape(record.row, value, errors, (path) => COLUMN_OF_FIELD[path] ?? path);
}

function readJson(body: Uint8Array): ReadItems {
  const text = decodeUtf8(body);
  if (text === null) throw new ApiError(400, "body-not-utf8", "Not UTF-8", "the JSON body is not UTF-8 text");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "malformed-json", "Malformed JSON", "the body is not valid JSON");
  }
  const shape = jsonBody.safeParse(value);
  if (!shape.success) {
    throw new ApiError(400, "validation-failed", "Validation failed", 'the body is {"items": [...]}', [{ path: "items", message: "an array of items" }]);
  }
  if (shape.data.items.length > MAX_BATCH_ITEMS) throw tooManyItems(MAX_BATCH_ITEMS + 1);
  const errors: FieldError[] = [];
  const items: BatchItem[] = [];
  shape.data.items.forEach((raw, i) => {
    const row = i + 1;
    if (raw && typeof raw === "object") {
      const strings = [(raw as { title?: unknown }).title, ...(Array.isArray((raw as { materials?: unknown }).materials) ? (raw as { materials: unknown[] }).materials : [])];
      if (strings.some((s) => typeof s === "string" && FORMULA_START.test(s))) {
        errors.push(rowError(row, "title", "formula-injection", "text may not start with = + - @ or a tab: spreadsheets would run it as a formula"));
        return;
      }
    }
    const item = checkShape(row, raw, errors, (path) => path);
    if (item) items.push(item);
  });
  return { items, errors };
}

const ITEM_FIELDS = new Set(Object.keys(batchItemInput.shape));
// A sheet's rows mostly share a few dates, and the calendar check (two Dates and an ISO string)
// was the largest part of acceptedItem's time: each distinct YYYY-MM-DD is checked once.
const calendarDates = new Map<string, boolean>();
function isKnownCalendarDate(s: string): boolean {
  let known = calendarDates.get(s);
  if (known === undefined) {
    if (calendarDates.size >= 4096) calendarDates.clear();
    calendarDates.set(s, (known = isCalendarDate(s)));
  }
  return known;
}
const isWhole = (v: unknown, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= max;

/**
 * batchItemInput's output for a row that it accepts, found without zod; null for a row it might
 * refuse, which then goes through batchItemInput itself, so that every refusal keeps zod's
 * words. For 10,000 rows zod cost about 80 ms and this a few; test/core/batch-rows.test.ts holds
 * the two to the same answers.
 */
export function acceptedItem(value: unknown): BatchItemInput | null {
  if (typeof value !== "object" || value === null) return null;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const v = value as Record<string, unknown>;
  for (const key in v) if (!ITEM_FIELDS.has(key)) return null;
  if (!isWhole(v.artisanId, 0xffff_ffff)) return null;
  const title = acceptedText(v.title, 200);
  if (title === null) return null;
  let materials: string[] = [];
  if (v.materials !== undefined) {
    if (!Array.isArray(v.materials) || v.materials.length > 20) return null;
    materials = new Array(v.materials.length);
    for (let i = 0; i < v.materials.length; i++) {
      const material = acceptedText(v.materials[i], 80);
      if (material === null) return null;
      materials[i] = material;
    }
  }
  if (v.madeOn !== undefined && !(typeof v.madeOn === "string" && ISO_DATE.test(v.madeOn) && isKnownCalendarDate(v.madeOn))) return null;
  if (v.productId !== undefined && !isWhole(v.productId, 0xffff)) return null;
  if (v.claimGi !== undefined && typeof v.claimGi !== "boolean") return null;
  if (v.giTagId !== undefined && !isWhole(v.giTagId, 0xffff)) return null;
  const item: BatchItemInput = { artisanId: v.artisanId, title, materials, claimGi: v.claimGi ?? true };
  if (v.madeOn !== undefined) item.madeOn = v.madeOn as string;
  if (v.productId !== undefined) item.productId = v.productId as number;
  if (v.giTagId !== undefined) item.giTagId = v.giTagId as number;
  return item;
}

function checkShape(row: number, value: unknown, errors: FieldError[], name: (field: string) => string): BatchItem | null {
  const accepted = acceptedItem(value);
  if (accepted) return { row, input: accepted };
  const result = batchItemInput.safeParse(value);
  if (result.success) return { row, input: result.data };
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "(row)";
    errors.push(rowError(row, name(field) + issue.path.slice(1).map((p) => `.${String(p)}`).join(""), "invalid-value", issue.message));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checking rows against the registry

interface Registry {
  products: Map<number, Product>;
  giTags: Map<number, GiTag>;
}

async function loadRegistry(db: AsliDatabase): Promise<Registry> {
  const [productRows, tags] = await Promise.all([db.select().from(productsTable), listGiTags(db)]);
  return { products: new Map(productRows.map((p) => [p.id, p])), giTags: new Map(tags.map((t) => [t.id, t])) };
}

/** Every refusal of every row, from the same rules as single issuance plus the GI column's. */
export async function checkBatchItems(db: AsliDatabase, actor: Principal, items: readonly BatchItem[], now: Date, source: BatchSource, errors: FieldError[]) {
  const [artisans, registry] = await Promise.all([findArtisansByIds(db, [...new Set(items.map((i) => i.input.artisanId))]), loadRegistry(db)]);
  const column = (field: string) => (source === "csv" ? (COLUMN_OF_FIELD[field] ?? field) : field);
  const checked = items.map((item) => {
    const { input } = item;
    const artisan = artisans.get(input.artisanId);
    const product = input.productId === undefined ? undefined : registry.products.get(input.productId);
    try {
      assertIssuable(actor, input, artisan, product, now);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const field = error.code.includes("product") ? "productId" : error.code.includes("made-on") ? "madeOn" : "artisanId";
      errors.push(rowError(item.row, column(field), error.code, error.detail ?? error.title));
      return null;
    }
    if (input.giTagId !== undefined) {
      const gi = registry.giTags.get(input.giTagId);
      const at = column("giTagId");
      if (!gi) errors.push(rowError(item.row, at, "unknown-gi-tag", `no GI tag has id ${input.giTagId}`));
      else if (!gi.districtCodes.includes(artisan.districtCode)) {
        errors.push(rowError(item.row, at, "gi-region-mismatch", `the GI tag ${gi.name} is not registered for the artisan's district`));
      } else if (artisan.giTagId !== gi.id) {
        errors.push(rowError(item.row, at, "gi-not-authorised", `the artisan is not an authorised user of ${gi.name}`));
      } else if (!input.claimGi) {
        errors.push(rowError(item.row, at, "gi-claim-conflict", "gi_tag_id is given but claim_gi says no"));
      }
    }
    return { item, artisan };
  });
  return checked.filter((c) => c !== null);
}

// ---------------------------------------------------------------------------------------------
// Issuing

export function idempotencyScope(actor: Principal, key: string): string {
  return `${actor.role}:${actor.personId !== undefined ? `person-${actor.personId}` : (actor.tokenId ?? "env")}:${key}`;
}

async function requestHash(source: BatchSource, body: Uint8Array): Promise<string> {
  return toHex(await sha256(concatBytes(utf8(`${source}\n`), body)));
}

/** Batch ids: "B-" and 8 random bytes in base32, the same alphabet as serials. */
export function newBatchId(): string {
  return `B-${serialFromBytes(randomBytes(8))}`;
}

/** How many signatures are in flight at once: enough to keep WebCrypto's thread pool busy. */
export const SIGNING_CONCURRENCY = 64;

export async function issueBatch(
  db: AsliDatabase,
  signingKey: SigningKey,
  actor: Principal,
  request: BatchRequest,
  now: Date,
  log: LogAppender,
): Promise<IssuedBatch> {
  const hash = await requestHash(request.source, request.body);
  const key = request.idempotencyKey === undefined ? null : idempotencyScope(actor, request.idempotencyKey);
  if (key) {
    const earlier = await replay(db, key, hash);
    if (earlier) return earlier;
  }

  const { items, errors } = readBatchItems(request.source, request.body);
  const checked = await checkBatchItems(db, actor, items, now, request.source, errors);
  if (errors.length) throw batchInvalid(errors.sort((a, b) => a.row! - b.row!));
  const issuedAt = unixSeconds(now);

  for (let attempt = 0; attempt < 3; attempt++) {
    const batch: Batch = {
      id: newBatchId(),
      itemCount: checked.length,
      source: request.source,
      idempotencyKey: key,
      requestHash: hash,
      actorRole: actor.role,
      actorTokenId: actor.tokenId,
      createdAt: issuedAt,
    };
    const { rows, encoded, leafHashes } = await signRows(checked, signingKey, batch.id, issuedAt, log);
    const statements = insertBatchStatements(db, batch, { issuedAt, kid: signingKey.kid, batchId: batch.id }, encoded);
    statements.push(...insertStatusEntryStatements(db, rows.map((r) => r.id), await allocateStatusPositions(db, rows.length)));
    // Into the log in the same transaction, in the batch's row order.
    const ids = rows.map((r) => r.id);
    statements.push(...log.appendBatch(ids));
    statements.push(
      auditInsert(db, actor, now, {
        action: "batch.issue",
        subjectType: "batch",
        subjectId: batch.id,
        after: { itemCount: batch.itemCount, source: batch.source, idempotencyKey: request.idempotencyKey ?? null, firstCertificate: rows[0]!.id, lastCertificate: rows.at(-1)!.id },
      }),
    );
    try {
      await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
    } catch (error) {
      // The same key committed by a concurrent request first: nothing of ours was written.
      if (key && isUniqueViolation(error, "batches.idempotency_key")) {
        const earlier = await replay(db, key, hash);
        if (earlier) return earlier;
      }
      // 64-bit serials (or batch ids) collide with vanishing odds, a concurrent issuance may take
      // a status list position first, and a log index is guarded though no other writer can take
      // it inside this transaction; then the whole batch is re-signed.
      if (!isUniqueViolation(error, "certificates.id") && !isUniqueViolation(error, "batches.id") && !isStatusPositionTaken(error) && !isUniqueViolation(error, "log_entries.idx")) throw error;
      continue;
    }
    // The checkpoint follows at once after a batch.
    await publishLog(log, { ids, tokens: rows.map((r) => r.token), leafHashes });
    return { batch, created: true, certificates: rows.map((r) => ({ id: r.id, token: r.token, row: r.batchRow! })) };
  }
  throw new ApiError(503, "serial-exhausted", "Try again", "could not allocate unique serials");
}

async function replay(db: AsliDatabase, key: string, hash: string): Promise<IssuedBatch | null> {
  const earlier = await findBatchByIdempotencyKey(db, key);
  if (!earlier) return null;
  if (earlier.requestHash !== hash) {
    throw new ApiError(422, "idempotency-key-reused", "Idempotency key reused", "this Idempotency-Key was used for a different request body");
  }
  return { batch: earlier, created: false };
}

async function signRows(
  checked: readonly { item: BatchItem; artisan: { id: number; districtCode: number; productId: number | null; giTagId: number | null; giWithdrawnAt: number | null } }[],
  signingKey: SigningKey,
  batchId: string,
  issuedAt: number,
  log: LogAppender,
): Promise<{ rows: (NewCertificate & { token: string })[]; encoded: string[]; leafHashes: Uint8Array[] | undefined }> {
  const serials = new Set<string>();
  const rows: (NewCertificate & { token: string })[] = new Array(checked.length);
  const encoded: string[] = new Array(checked.length);
  // The log's leaf hashes, computed as each signature arrives while the others are computed.
  let leafHashes: Uint8Array[] | undefined = new Array(checked.length);
  // One call to the CSPRNG for all serials: 10,000 small calls cost more than the hashing.
  const random = new Uint8Array(8 * checked.length);
  // getRandomValues fills at most 65,536 bytes a call.
  for (let i = 0; i < random.length; i += 65_536) crypto.getRandomValues(random.subarray(i, i + 65_536));
  await forEachConcurrently(checked.length, SIGNING_CONCURRENCY, async (i) => {
    const { item, artisan } = checked[i]!;
    let serialBytes: Uint8Array = random.subarray(8 * i, 8 * i + 8);
    let serial = serialFromBytes(serialBytes);
    while (serials.has(serial)) serial = serialFromBytes((serialBytes = randomBytes(8)));
    serials.add(serial);
    const claims: CertificateClaims = {
      serial,
      issuedAt,
      artisanId: artisan.id,
      districtCode: artisan.districtCode,
      productId: item.input.productId ?? artisan.productId,
      giTagId: item.input.claimGi && artisan.giWithdrawnAt === null ? artisan.giTagId : null,
    };
    const { token, bytes } = await issueTokenBytes(claims, signingKey, serialBytes);
    const leaf = leafHashes && log.entryLeafHash(bytes);
    if (leaf) leafHashes![i] = leaf;
    else leafHashes = undefined;
    rows[i] = {
      id: serial,
      artisanId: claims.artisanId,
      districtCode: claims.districtCode,
      productId: claims.productId,
      giTagId: claims.giTagId,
      title: item.input.title,
      materials: item.input.materials,
      madeOn: item.input.madeOn ?? null,
      issuedAt,
      kid: signingKey.kid,
      token,
      batchId,
      batchRow: item.row,
    };
    encoded[i] = encodeCertificateRow(rows[i]!);
  });
  return { rows, encoded, leafHashes };
}

