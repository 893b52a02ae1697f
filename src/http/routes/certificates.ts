import { Hono } from "hono";
import { notFound } from "../../core/errors.js";
import { isSerial } from "../../core/payload.js";
import { qrPng, qrSvg } from "../../core/qr.js";
import { verifyUrl } from "../../core/url.js";
import { certificateInput, issueCertificate } from "../../service/certificates.js";
import { findCertificateRecord, type CertificateRecord } from "../../store/certificates.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { readJson } from "../input.js";
import { certificateView } from "../verification.js";

export function certificateRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use("/api/v1/certificates", requireRole(deps, "admin"));
  app.use("/api/v1/certificates/*", requireRole(deps, "admin"));

  const links = (id: string) => {
    const base = `${new URL(deps.baseUrl).origin}/api/v1/certificates/${id}`;
    return { self: base, qrSvg: `${base}/qr.svg`, qrPng: `${base}/qr.png` };
  };

  async function record(id: string): Promise<CertificateRecord> {
    const found = isSerial(id) ? await findCertificateRecord(deps.db, id) : undefined;
    if (!found) throw notFound("this certificate");
    return found;
  }

  const answer = (found: CertificateRecord) => {
    const view = certificateView(found, deps.baseUrl);
    return { id: view.id, token: found.certificate.token, verifyUrl: view.verifyUrl, links: links(view.id), certificate: view };
  };

  app.post("/api/v1/certificates", async (c) => {
    const issued = await issueCertificate(deps.db, deps.signingKey, await readJson(c, certificateInput), deps.clock());
    c.header("location", `/api/v1/certificates/${issued.id}`);
    return c.json(answer(await record(issued.id)), 201);
  });

  app.get("/api/v1/certificates/:id", async (c) => c.json(answer(await record(c.req.param("id")))));

  app.get("/api/v1/certificates/:id/qr.svg", async (c) => {
    const { certificate } = await record(c.req.param("id"));
    c.header("cache-control", "private, max-age=86400");
    return c.body(qrSvg(verifyUrl(deps.baseUrl, certificate.token)), 200, { "content-type": "image/svg+xml" });
  });

  app.get("/api/v1/certificates/:id/qr.png", async (c) => {
    const { certificate } = await record(c.req.param("id"));
    c.header("cache-control", "private, max-age=86400");
    return c.body(qrPng(verifyUrl(deps.baseUrl, certificate.token)), 200, { "content-type": "image/png" });
  });
  return app;
}
