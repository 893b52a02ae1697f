import { Hono } from "hono";
import * as z from "zod";
import { verifyUrl } from "../../core/url.js";
import { certificateListScope, type Principal } from "../../service/access.js";
import { findReadableCertificate, issueCertificate, issueInput } from "../../service/certificates.js";
import { claimCardFor, replaceClaimCode } from "../../service/claims.js";
import { claimCardContent } from "../../pages/console/claim-card.js";
import { pdfHeaders } from "./invitations.js";
import { clearSuspicion } from "../../service/scans.js";
import { listCertificates, type Certificate } from "../../store/certificates.js";
import type { CertificateRecord } from "../../store/verification.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { readJson, readQuery } from "../input.js";
import { requirePublicOrigin } from "../origin.js";
import { decodeCursor, page, pageQuery } from "../paging.js";
import { certificateView } from "../../service/verification.js";
import { isoTime } from "../../core/time.js";
import { text } from "../../service/text.js";

export const certificateListQuery = z
  .object({
    district: z.coerce.number().int().positive().max(0xffff).optional(),
    giTag: z.coerce.number().int().positive().max(0xffff).optional(),
    artisan: z.coerce.number().int().positive().max(0xffff_ffff).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    ...pageQuery,
  })
  .strict();

export const claimCardRequest = z.object({ claimCode: z.string().max(64).describe("the code as issuing answered it") }).strict();

export const clearSuspicionInput = z.object({ note: text(500) }).strict();

const cursorSchema = z.tuple([z.number().int(), z.string().max(20)]);

export function certificateRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const readers = requireRole(deps, "admin", "district", "gi-body", "artisan", "exporter");

  const links = (id: string) => {
    const base = `${new URL(deps.baseUrl).origin}/api/v1/certificates/${id}`;
    return { self: base, qrSvg: `${base}/qr.svg`, qrPng: `${base}/qr.png` };
  };

  const readable = (principal: Principal, id: string) => findReadableCertificate(deps.db, principal, id);

  const answer = (found: CertificateRecord) => {
    const view = certificateView(found, deps.baseUrl);
    return { id: view.id, token: found.certificate.token, verifyUrl: view.verifyUrl, links: links(view.id), certificate: view };
  };

  const summary = (cert: Certificate) => ({
    id: cert.id,
    title: cert.title,
    artisanId: cert.artisanId,
    districtCode: cert.districtCode,
    productId: cert.productId,
    giTagId: cert.giTagId,
    issuedAt: isoTime(cert.issuedAt),
    verifyUrl: verifyUrl(deps.baseUrl, cert.token),
    links: links(cert.id),
  });

  app.post("/api/v1/certificates", requireRole(deps, "admin", "district", "artisan"), requirePublicOrigin(deps), async (c) => {
    const principal = c.get("principal");
    const { claimCode, ...input } = await readJson(c, issueInput);
    const issued = await issueCertificate(deps.db, deps.signingKey, principal, input, deps.clock(), deps.log, { claimCode });
    c.header("location", `/api/v1/certificates/${issued.id}`);
    return c.json({ ...answer(await readable(principal, issued.id)), ...(issued.claimCode ? { claimCode: issued.claimCode } : {}) }, 201);
  });

  // A new first buyer's claim code (shown once), replacing the old one, while nobody has claimed the item.
  app.post("/api/v1/certificates/:id/claim-code", requireRole(deps, "admin", "district", "artisan"), async (c) => {
    const code = await replaceClaimCode(deps.db, c.get("principal"), c.req.param("id"), deps.clock());
    c.header("cache-control", "no-store");
    return c.json({ certificateId: c.req.param("id"), claimCode: code });
  });

  // The printable claim card (A5, English and Hindi) for a code that issuing answered: the code is
  // checked against its hash, so that only the real one is printed. Never stored, never logged.
  app.post("/api/v1/certificates/:id/claim-card.pdf", requireRole(deps, "admin", "district", "artisan"), async (c) => {
    const { claimCode } = await readJson(c, claimCardRequest);
    const card = await claimCardFor(deps.db, c.get("principal"), c.req.param("id"), claimCode);
    const renderers = await deps.loadRenderers();
    const pdf = await renderers.invitationSlipPdf(claimCardContent(card.serial, verifyUrl(deps.baseUrl, card.token), card.code));
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, pdfHeaders(`asli-claim-card-${card.serial}.pdf`));
  });

  // A registry admin clears a false alarm of the copy rules (docs/api.md "Copied tags").
  app.post("/api/v1/certificates/:id/copy-suspicion/clear", requireRole(deps, "admin"), async (c) => {
    const input = await readJson(c, clearSuspicionInput);
    return c.json(await clearSuspicion(deps.db, c.get("principal"), c.req.param("id"), input.note, deps.clock()));
  });

  app.get("/api/v1/certificates", readers, async (c) => {
    const query = readQuery(c, certificateListQuery);
    const filter = certificateListScope(c.get("principal"), { districtCode: query.district, giTagId: query.giTag, artisanId: query.artisan, titleContains: query.q });
    const cursor = decodeCursor(query.cursor, cursorSchema);
    const before = cursor && { issuedAt: cursor[0], id: cursor[1] };
    const rows = filter ? await listCertificates(deps.db, { ...filter, before, limit: query.limit + 1 }) : [];
    return c.json(page(rows, query.limit, summary, (cert) => [cert.issuedAt, cert.id]));
  });

  app.get("/api/v1/certificates/:id", readers, async (c) => c.json(answer(await readable(c.get("principal"), c.req.param("id")))));

  app.get("/api/v1/certificates/:id/qr.svg", readers, async (c) => {
    const { certificate } = await readable(c.get("principal"), c.req.param("id"));
    c.header("cache-control", "private, max-age=86400");
    return c.body((await deps.loadQrImages()).qrSvg(verifyUrl(deps.baseUrl, certificate.token)), 200, { "content-type": "image/svg+xml" });
  });

  app.get("/api/v1/certificates/:id/qr.png", readers, async (c) => {
    const { certificate } = await readable(c.get("principal"), c.req.param("id"));
    c.header("cache-control", "private, max-age=86400");
    return c.body((await deps.loadQrImages()).qrPng(verifyUrl(deps.baseUrl, certificate.token)), 200, { "content-type": "image/png" });
  });
  return app;
}
