// Node entry: an embedded libSQL database under .data/, development secrets made on first
// start (the environment overrides both), demo data, and the app on PORT (default 8787).
// `npm start` runs it under node-supervisor.ts, which reports a death by signal.
import { serve } from "@hono/node-server";
import QRCode from "qrcode";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { apiTokenDisplayPrefix, generateApiToken, hashApiToken } from "../core/api-token.js";
import { decodeSeed, encodeSeed, generateSeed, signingKeyFromSeed } from "../core/keys.js";
import { verifyUrl } from "../core/url.js";
import { createApp } from "../http/app.js";
import { ensureDemoData, ensureDemoInvitation, ensureDemoShipment } from "../service/demo.js";
import { shipmentUrl } from "../core/shipment.js";
import { invitationTtlFromEnv, invitationUrl } from "../service/invitations.js";
import { loadKeyring, SigningKeyRevokedError } from "../service/keyring.js";
import { parseWitnessList, transparencyLogFor } from "../service/tlog.js";
import { ensureApiToken, revokeTokenByHash } from "../store/tokens.js";
import { databaseFileIdentity, databaseFilePath, watchDatabaseFiles } from "./database-files.js";
import { openLibsqlDatabase } from "./libsql.js";
import { nodeLazyModules } from "./renderers.js";
import { nodeSpecSource } from "./specs.js";
import { nodeCompressor } from "./compression.js";
import { fileMediaStore } from "./media-files.js";
import { unixSeconds } from "../core/time.js";
import { deleteOldReportPhotos } from "../service/reports.js";
import { startScanBuffer, trustedHeaderCountry } from "../service/scans.js";

const DATA_DIR = ".data";
const port = Number(process.env.PORT ?? 8787);
const baseUrl = process.env.BASE_URL ?? `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL ?? `file:${DATA_DIR}/asli.db`;
const DEV_SIGNING_KEY = "dev-signing-key";
/** Exit status for a configuration the operator must fix (sysexits' EX_CONFIG): a supervisor should not restart. */
const EXIT_CONFIG = 78;

/** A start the service refuses: the message says what to do, and the process exits with EXIT_CONFIG. */
class RefusedStart extends Error {}

/**
 * A new, empty database only where there was never one: every certificate issued so far would
 * verify as not-registered in an empty one. "Never" is the README's first `npm start` (no
 * database, and no development signing key of an earlier start); anywhere else, and always with
 * SIGNING_KEY from the environment (a deployment), only when told: --init-db or ASLI_INIT_DB=1.
 */
function checkDatabaseExists(path: string | undefined): void {
  if (!path || (existsSync(path) && statSync(path).size > 0)) return;
  const told = process.argv.includes("--init-db") || process.env.ASLI_INIT_DB === "1";
  const firstStart = !process.env.SIGNING_KEY && !existsSync(`${DATA_DIR}/${DEV_SIGNING_KEY}`);
  if (told || firstStart) {
    console.log(`creating a new database at ${path}`);
    mkdirSync(dirname(path), { recursive: true });
    return;
  }
  const why = process.env.SIGNING_KEY ? "SIGNING_KEY is set, so this is a deployment" : `${DATA_DIR}/${DEV_SIGNING_KEY} is there from an earlier start`;
  throw new RefusedStart(
    `no database at ${path}, and this is not a first start (${why}). Refusing to create an empty one, in which every certificate issued so far would verify as not-registered. ` +
      `Restore the database from a backup (docs/operations.md), check DATABASE_URL, or start with --init-db (or ASLI_INIT_DB=1) to create a new, empty database.`,
  );
}

/** A development secret kept in .data/ (git-ignored, mode 0600) and reused on later starts. */
function developmentSecret(file: string, make: () => string): { value: string; created: boolean } {
  const path = `${DATA_DIR}/${file}`;
  if (existsSync(path)) return { value: readFileSync(path, "utf8").trim(), created: false };
  mkdirSync(DATA_DIR, { recursive: true });
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { value, created: true };
}

async function main(): Promise<void> {
  const databasePath = databaseFilePath(databaseUrl);
  checkDatabaseExists(databasePath);
  const { client, db } = await openLibsqlDatabase(databaseUrl);
  const opened = databasePath ? await databaseFileIdentity(databasePath) : undefined;
  const now = new Date();

  const seedText = process.env.SIGNING_KEY ?? developmentSecret(DEV_SIGNING_KEY, () => encodeSeed(generateSeed())).value;
  const signingKey = await signingKeyFromSeed(decodeSeed(seedText));
  const keyring = await loadKeyring(db, signingKey, now);

  // The transparency log signs its checkpoints with a key of its own (docs/transparency-log.md).
  const logSeedText = process.env.LOG_SIGNING_KEY ?? developmentSecret("dev-log-signing-key", () => encodeSeed(generateSeed())).value;
  let logSeed: Uint8Array;
  try {
    logSeed = decodeSeed(logSeedText);
  } catch {
    throw new Error("LOG_SIGNING_KEY must be a 32-byte Ed25519 seed in base64url (43 characters): npm run -s keygen");
  }
  const logKey = await signingKeyFromSeed(logSeed);
  if (logKey.kid === signingKey.kid) throw new Error("LOG_SIGNING_KEY must not be the certificate signing key");
  const log = transparencyLogFor({
    db,
    baseUrl,
    origin: process.env.LOG_ORIGIN,
    key: logKey,
    witnesses: parseWitnessList(process.env.LOG_WITNESSES),
    quorum: process.env.LOG_WITNESS_QUORUM === undefined ? undefined : Number(process.env.LOG_WITNESS_QUORUM),
    clock: () => new Date(),
  });

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

  const demo = await ensureDemoData(db, signingKey, now, log);
  // Certificates from before the log, or appended by a process that stopped before it integrated.
  await log.integrate();
  const publish = () => log.integrate().then(() => log.cosign());
  publish().catch(() => console.error("transparency log: asking the witnesses failed"));
  // At least once a minute, whatever the issuing requests did.
  setInterval(() => publish().catch((error: unknown) => console.error(`transparency log: ${error instanceof Error ? error.name : typeof error}`)), 60_000).unref();
  // PNG/PDF tags and label sheets: the fonts, HarfBuzz and pdf-lib load with the first one.
  // The specifications of docs/ at /docs/specs, read from this checkout: no outside network needed.
  // Node compresses its own responses; on Workers, Cloudflare's edge does.
  const invitationTtlHours = invitationTtlFromEnv(process.env.INVITATION_TTL_HOURS);
  // Development only, like the printed admin token: a one-time console link for the demo officer.
  const demoLink = devToken ? invitationUrl(baseUrl, (await ensureDemoInvitation(db, now, invitationTtlHours)).secret) : undefined;
  // Scans are counted in memory and written every second; a country only from a trusted proxy's header.
  const scans = startScanBuffer({ db, clock: () => new Date(), countryOf: trustedHeaderCountry(process.env.TRUSTED_COUNTRY_HEADER) });
  const media = fileMediaStore(`${DATA_DIR}/media`);
  const app = createApp({ db, signingKey, keyring, adminTokenHash, baseUrl, clock: () => new Date(), ...nodeLazyModules, specs: nodeSpecSource(), compressor: nodeCompressor(), log, invitationTtlHours, scans: scans.recorder, media });
  // Photos of reports closed long ago, once an hour and at start (each run until none is left).
  const deletePhotos = () => deleteOldReportPhotos({ db, media }, new Date()).catch((error: unknown) => console.error(`report photos: deleting old ones failed (${error instanceof Error ? error.name : typeof error})`));
  void deletePhotos();
  setInterval(deletePhotos, 60 * 60 * 1000).unref();
  // A demo certificate revoked by hand keeps the demo shipment from being sealed: the service starts all the same.
  const demoShipment = await ensureDemoShipment({ db, signingKey, keyring, baseUrl, clock: () => new Date() }, demo, now).catch(() => undefined);

  // Node's default 16 KiB header limit would answer an over-long verify path with an empty 431;
  // let it reach the app, which answers with a verdict.
  const serverOptions = { maxHeaderSize: 256 * 1024 };
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1", serverOptions }, () => {
    const url = verifyUrl(baseUrl, demo.token);
    console.log(`Asli is listening on ${baseUrl} (database ${databaseUrl})`);
    console.log(`signing key: ${signingKey.kid}${process.env.SIGNING_KEY ? " (from SIGNING_KEY)" : " (development key in .data/)"}`);
    console.log(devToken ? `development admin token: ${devToken}` : "admin token: from ADMIN_TOKEN");
    console.log(`transparency log ${log.origin} at ${log.url}, key ${log.verifierKey}${process.env.LOG_SIGNING_KEY ? "" : " (development key in .data/)"}`);
    console.log(`demo certificate ${demo.certificateId}${demo.created ? " (new)" : ""}: ${url}`);
    if (demoShipment) console.log(`demo shipment ${demoShipment.id}${demoShipment.created ? " (new)" : ""}: ${shipmentUrl(baseUrl, demoShipment.id)}`);
    if (demoLink) console.log(`demo console sign-in link for the Varanasi district officer (works once, ${invitationTtlHours} hours; open it in a browser with passkeys): ${demoLink}`);
    QRCode.toString(url, { type: "terminal", small: true, errorCorrectionLevel: "M" }).then((qr) => console.log(qr));
  });

  const stop = () => server.close(() => void scans.stop().finally(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Forked by node-supervisor.ts: end with it, rather than linger without it.
  if (process.send) process.on("disconnect", stop);

  // Files removed, replaced, emptied or made read-only under the running service: the process
  // would write into a file no one reads again, or die of SIGBUS. It says so and stops using the
  // database (verification goes on from signatures alone: `unconfirmed`; writes and /healthz
  // answer 503) until an operator restores the files and restarts it.
  if (databasePath && opened) {
    watchDatabaseFiles(databasePath, opened, (problem) => {
      console.error(`database fault: ${problem}. The service has stopped using its database: verify answers from signatures alone, writes and /healthz answer 503. Restore the database (docs/operations.md) and restart the service.`);
      client.close();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof RefusedStart || error instanceof SigningKeyRevokedError ? EXIT_CONFIG : 1);
});
