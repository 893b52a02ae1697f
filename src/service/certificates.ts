// Issuing a certificate: the claims are checked against the registry, signed, then stored.
import * as z from "zod";
import { text } from "./text.js";
import { ApiError, notFound, unprocessable } from "../core/errors.js";
import { randomBytes } from "../core/bytes.js";
import { isSerial, serialFromBytes, type CertificateClaims } from "../core/payload.js";
import type { SigningKey } from "../core/keys.js";
import { issueToken } from "../core/token.js";
import { findArtisan, type Artisan } from "../store/artisans.js";
import { auditInsert } from "../store/audit.js";
import { insertCertificateQuery, type Certificate } from "../store/certificates.js";
import { findCertificateRecord, type CertificateRecord } from "../store/verification.js";
import { isUniqueViolation, type AsliDatabase } from "../store/database.js";
import { findProduct, type Product } from "../store/registry.js";
import { assertCanIssueFor, canReadCertificate, type Principal } from "./access.js";
import { allocateStatusPositions, isStatusPositionTaken } from "./status-lists.js";
import { insertStatusEntryQuery } from "../store/status-lists.js";
import { unixSeconds } from "../core/time.js";
import type { AppendedEntries, LogAppender } from "./tlog.js";
import { newClaimCode } from "./claims.js";

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A YYYY-MM-DD string that names a day of the calendar (not 2026-02-30). */
export const isCalendarDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const isoDate = z.string().regex(ISO_DATE, "a date as YYYY-MM-DD").refine(isCalendarDate, "not a calendar date");

export const certificateInput = z
  .object({
    artisanId: z.number().int().positive().max(0xffff_ffff),
    title: text(200),
    materials: z.array(text(80)).max(20).default([]),
    madeOn: isoDate.optional(),
    productId: z.number().int().positive().max(0xffff).optional(),
    claimGi: z.boolean().default(true),
  })
  .strict();

export type CertificateInput = z.output<typeof certificateInput>;

/** One item's issuance: its certificate, and whether to make a first buyer's claim code with it (src/service/claims.ts). */
export const issueInput = certificateInput.extend({ claimCode: z.boolean().default(false) }).strict();

/**
 * The rules an item must meet before it is signed, given the registry rows it names (the
 * artisan, and the product when the input gives one): shared by single and batch issuance,
 * which looks the rows up in bulk. Throws the first refusal as an ApiError.
 */
export function assertIssuable(
  actor: Principal,
  input: Pick<CertificateInput, "artisanId" | "productId" | "madeOn">,
  artisan: Artisan | undefined,
  product: Product | undefined,
  now: Date,
): asserts artisan is Artisan {
  if (!artisan) throw unprocessable("unknown-artisan", `no artisan has id ${input.artisanId}`);
  assertCanIssueFor(actor, artisan);
  if (artisan.status !== "active") {
    throw unprocessable("artisan-not-active", `the artisan is ${artisan.status}: certificates are issued for active artisans only`);
  }
  if (input.productId !== undefined) {
    if (!product) throw unprocessable("unknown-product", `no ODOP product has id ${input.productId}`);
    if (product.districtCode !== artisan.districtCode) {
      throw unprocessable("product-outside-district", `${product.name} is not an ODOP product of the artisan's district`);
    }
  }
  if (input.madeOn && Date.parse(`${input.madeOn}T00:00:00Z`) > now.getTime()) {
    throw unprocessable("made-on-in-future", "madeOn is after today");
  }
}

export async function issueCertificate(
  db: AsliDatabase,
  signingKey: SigningKey,
  actor: Principal,
  input: CertificateInput,
  now: Date,
  log: LogAppender,
  options: { claimCode?: boolean } = {},
): Promise<Certificate & { claimCode?: string }> {
  const artisan = await findArtisan(db, input.artisanId);
  const product = input.productId === undefined ? undefined : await findProduct(db, input.productId);
  assertIssuable(actor, input, artisan, product, now);
  const productId = input.productId ?? artisan.productId;

  const issuedAt = unixSeconds(now);
  // Serials are 64 random bits; a collision is retried rather than trusted to never happen.
  // So is a status list position that a concurrent issuance took first.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [statusPosition] = await allocateStatusPositions(db, 1);
    const claims: CertificateClaims = {
      serial: serialFromBytes(randomBytes(8)),
      issuedAt,
      artisanId: artisan.id,
      districtCode: artisan.districtCode,
      productId,
      // A withdrawn GI authorisation is not signed into new tokens: a later confirmation must
      // not bring back a claim that was never valid when the item was certified.
      giTagId: input.claimGi && artisan.giWithdrawnAt === null ? artisan.giTagId : null,
    };
    const token = await issueToken(claims, signingKey);
    const values = {
      id: claims.serial,
      artisanId: claims.artisanId,
      districtCode: claims.districtCode,
      productId: claims.productId,
      giTagId: claims.giTagId,
      title: input.title,
      materials: input.materials,
      madeOn: input.madeOn ?? null,
      issuedAt,
      kid: signingKey.kid,
      token,
    };
    // The code is shown once, in this answer; only its hash is written, with the certificate.
    const claim = options.claimCode ? await newClaimCode(db, claims.serial, now) : undefined;
    let certificate: Certificate | undefined;
    try {
      // The log entry in the same transaction: a certificate exists only if it is in the log.
      [[certificate]] = await db.batch([
        insertCertificateQuery(db, values),
        insertStatusEntryQuery(db, claims.serial, statusPosition!),
        ...log.appendCertificate(claims.serial),
        ...(claim ? [claim.insert] : []),
        auditInsert(db, actor, now, { action: "certificate.issue", subjectType: "certificate", subjectId: claims.serial, after: { ...values, token: undefined, ...(claim ? { claimCode: true } : {}) } }),
      ]);
    } catch (error) {
      // A colliding serial, a status position another writer took, or (never seen, but guarded) a
      // log index another writer took: nothing was written.
      if (!isUniqueViolation(error, "certificates.id") && !isStatusPositionTaken(error) && !isUniqueViolation(error, "log_entries.idx")) throw error;
      continue;
    }
    await publishLog(log, { ids: [claims.serial], tokens: [token] });
    return claim ? { ...certificate!, claimCode: claim.code } : certificate!;
  }
  throw new ApiError(503, "serial-exhausted", "Try again", "could not allocate a unique serial");
}

/**
 * After an append committed: the checkpoint is signed in the issuing request, so the new
 * certificate is provable at once. The certificate exists whatever happens here; should this
 * fail, the next integration (the timer, the cron, the next issuance) takes the entry in.
 */
export async function publishLog(log: LogAppender, appended?: AppendedEntries): Promise<void> {
  try {
    await log.afterAppend(appended);
  } catch (error) {
    console.error(`transparency log integration failed: ${error instanceof Error ? error.name : typeof error}`);
  }
}

/** A certificate the principal may read; anything else, absent or out of scope, is a 404 so that ids elsewhere cannot be probed. */
export async function findReadableCertificate(db: AsliDatabase, principal: Principal, id: string): Promise<CertificateRecord> {
  const found = isSerial(id) ? await findCertificateRecord(db, id) : undefined;
  if (!found || !canReadCertificate(principal, found.certificate)) throw notFound("this certificate");
  return found;
}
