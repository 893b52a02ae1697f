// Node entry: an embedded libSQL database under .data/, development secrets made on first
// start (the environment overrides both), demo data, and the app on PORT (default 8787).
import { serve } from "@hono/node-server";
import QRCode from "qrcode";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { apiTokenDisplayPrefix, generateApiToken, hashApiToken } from "../core/api-token.js";
import { decodeSeed, encodeSeed, generateSeed, signingKeyFromSeed } from "../core/keys.js";
import { verifyUrl } from "../core/url.js";
import { createApp } from "../http/app.js";
import { ensureDemoData, ensureDemoInvitation } from "../service/demo.js";
import { invitationTtlFromEnv, invitationUrl } from "../service/invitations.js";
import { loadKeyring } from "../service/keyring.js";
import { ensureApiToken, revokeTokenByHash } from "../store/tokens.js";
import { openLibsqlDatabase } from "./libsql.js";
import { nodeTagRenderers } from "./renderers.js";
import { unixSeconds } from "../core/time.js";

const DATA_DIR = ".data";
const port = Number(process.env.PORT ?? 8787);
const baseUrl = process.env.BASE_URL ?? `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL ?? `file:${DATA_DIR}/asli.db`;

/** A development secret kept in .data/ (git-ignored, mode 0600) and reused on later starts. */
function developmentSecret(file: string, make: () => string): { value: string; created: boolean } {
  const path = `${DATA_DIR}/${file}`;
  if (existsSync(path)) return { value: readFileSync(path, "utf8").trim(), created: false };
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { value, created: true };
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const { db } = await openLibsqlDatabase(databaseUrl);
  const now = new Date();

  const seedText = process.env.SIGNING_KEY ?? developmentSecret("dev-signing-key", () => encodeSeed(generateSeed())).value;
  const signingKey = await signingKeyFromSeed(decodeSeed(seedText));
  const keyring = await loadKeyring(db, signingKey, now);

  let adminTokenHash: string | undefined;
  let devToken: string | undefined;
  if (process.env.ADMIN_TOKEN) {
    adminTokenHash = await hashApiToken(process.env.ADMIN_TOKEN);
    // A development token left from an earlier start must not stay a valid admin credential.
    const devTokenFile = `${DATA_DIR}/dev-admin-token`;
    if (existsSync(devTokenFile)) {
      const devHash = await hashApiToken(readFileSync(devTokenFile, "utf8").trim());
      if (await revokeTokenByHash(db, devHash, now)) console.log("revoked the development admin token: ADMIN_TOKEN is set");
    }
  } else {
    devToken = developmentSecret("dev-admin-token", generateApiToken).value;
    await ensureApiToken(db, {
      name: "development admin",
      role: "admin",
      tokenHash: await hashApiToken(devToken),
      prefix: apiTokenDisplayPrefix(devToken),
      createdAt: unixSeconds(now),
    });
  }

  const demo = await ensureDemoData(db, signingKey, now);
  // PNG/PDF tags and label sheets: Node only (the font and PDF writer stay out of the worker bundle).
  const invitationTtlHours = invitationTtlFromEnv(process.env.INVITATION_TTL_HOURS);
  // Development only, like the printed admin token: a one-time console link for the demo officer.
  const demoLink = devToken ? invitationUrl(baseUrl, (await ensureDemoInvitation(db, now, invitationTtlHours)).secret) : undefined;
  const webauthn = () => import("@simplewebauthn/server");
  const app = createApp({ db, signingKey, keyring, adminTokenHash, baseUrl, clock: () => new Date(), renderers: nodeTagRenderers(), webauthn, invitationTtlHours });

  // Node's default 16 KiB header limit would answer an over-long verify path with an empty 431;
  // let it reach the app, which answers with a verdict.
  const serverOptions = { maxHeaderSize: 256 * 1024 };
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1", serverOptions }, () => {
    const url = verifyUrl(baseUrl, demo.token);
    console.log(`Asli is listening on ${baseUrl} (database ${databaseUrl})`);
    console.log(`signing key: ${signingKey.kid}${process.env.SIGNING_KEY ? " (from SIGNING_KEY)" : " (development key in .data/)"}`);
    console.log(devToken ? `development admin token: ${devToken}` : "admin token: from ADMIN_TOKEN");
    console.log(`demo certificate ${demo.certificateId}${demo.created ? " (new)" : ""}: ${url}`);
    if (demoLink) console.log(`demo console sign-in link for the Varanasi district officer (works once, ${invitationTtlHours} hours; open it in a browser with passkeys): ${demoLink}`);
    QRCode.toString(url, { type: "terminal", small: true, errorCorrectionLevel: "M" }).then((qr) => console.log(qr));
  });

  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
