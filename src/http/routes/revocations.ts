import { Hono } from "hono";
import type { CertificateRevocation } from "../../store/revocations.js";
import { reinstateCertificate, revocationInput, revokeCertificate } from "../../service/revocations.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { readJson } from "../input.js";
import { isoTime } from "../../core/time.js";

function revocationView(r: CertificateRevocation) {
  return {
    certificateId: r.certificateId,
    revoked: r.reinstatedAt === null,
    reason: r.reason,
    revokedAt: isoTime(r.revokedAt),
    reinstatedAt: r.reinstatedAt === null ? null : isoTime(r.reinstatedAt),
  };
}

/**
 * Revoking a certificate, and reinstating it (undoing the revocation), by its issuers: the
 * registry, the district office, or a self-issuing artisan (scope checks in the service). Audited.
 */
export function revocationRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const issuers = requireRole(deps, "admin", "district", "artisan");

  app.post("/api/v1/certificates/:id/revocation", issuers, async (c) => {
    const input = await readJson(c, revocationInput);
    const revocation = await revokeCertificate(deps.db, c.get("principal"), c.req.param("id"), input, deps.clock());
    return c.json(revocationView(revocation), 201);
  });

  app.delete("/api/v1/certificates/:id/revocation", issuers, async (c) => {
    const revocation = await reinstateCertificate(deps.db, c.get("principal"), c.req.param("id"), deps.clock());
    return c.json(revocationView(revocation));
  });
  return app;
}
