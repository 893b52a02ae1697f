// `npm run dev:worker`: the Workers entry on workerd (`wrangler dev`) over a local D1, ready
// to use. It (1) creates the git-ignored .dev.vars with a development SIGNING_KEY,
// ADMIN_TOKEN and LOG_SIGNING_KEY if they are missing, (2) applies the migrations to the local D1 with
// `wrangler d1 migrations apply DB --local`, (3) seeds the demo artisan and certificate with
// the same ensureDemoData as the Node entry, writing to that local D1 from Node through
// wrangler's getPlatformProxy() (so the worker itself carries no development-only path), and
// (4) runs `wrangler dev` on 127.0.0.1 until it is stopped, with BASE_URL set to that origin
// (without it the worker refuses to issue). PORT overrides 8787.
// It also prints a one-time console sign-in link for the demo district officer (open it at
// localhost).
import { drizzle } from "drizzle-orm/d1";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { generateApiToken } from "../src/core/api-token.js";
import { decodeSeed, encodeSeed, generateSeed, signingKeyFromSeed } from "../src/core/keys.js";
import { verifyUrl } from "../src/core/url.js";
import { ensureDemoData, ensureDemoInvitation } from "../src/service/demo.js";
import { invitationTtlFromEnv, invitationUrl } from "../src/service/invitations.js";
import { loadKeyring } from "../src/service/keyring.js";
import { transparencyLogFor } from "../src/service/tlog.js";
import { schema, type AsliDatabase } from "../src/store/database.js";
import { ROOT, runWrangler, spawnWrangler, useProjectWranglerEnv } from "./lib/wrangler.js";

const port = Number(process.env.PORT ?? 8787);
const baseUrl = `http://127.0.0.1:${port}`;
const DEV_VARS = join(ROOT, ".dev.vars");

/** Reads .dev.vars, adding whichever development secret it lacks (the file stays mode 0600). */
function ensureDevVars(): Record<string, string> {
  const text = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, "utf8") : "# Local secrets for `npm run dev:worker` (wrangler dev). Git-ignored; never for production.\n";
  const vars: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"?([^"]*)"?\s*$/.exec(line);
    if (match) vars[match[1]!] = match[2]!;
  }
  const missing: Record<string, () => string> = { SIGNING_KEY: () => encodeSeed(generateSeed()), ADMIN_TOKEN: generateApiToken, LOG_SIGNING_KEY: () => encodeSeed(generateSeed()) };
  let added = "";
  for (const [name, make] of Object.entries(missing)) {
    if (vars[name]) continue;
    vars[name] = make();
    added += `${name}=${vars[name]}\n`;
  }
  if (added) {
    writeFileSync(DEV_VARS, `${text.endsWith("\n") ? text : `${text}\n`}${added}`, { mode: 0o600 });
    chmodSync(DEV_VARS, 0o600);
    console.log(`dev:worker: wrote ${Object.keys(missing).filter((n) => added.includes(`${n}=`)).join(" and ")} to .dev.vars`);
  }
  return vars;
}

async function seed(vars: Record<string, string>): Promise<{ token: string; invitation: string }> {
  const { env, dispose } = await getPlatformProxy<{ DB: unknown }>({ configPath: join(ROOT, "wrangler.toml"), persist: true });
  try {
    const db = drizzle(env.DB as never, { schema }) as unknown as AsliDatabase;
    const now = new Date();
    const signingKey = await signingKeyFromSeed(decodeSeed(vars.SIGNING_KEY!));
    // Records (and on a new key, activates) the signing key, as the worker's first request would.
    await loadKeyring(db, signingKey, now);
    const log = transparencyLogFor({ db, baseUrl, key: await signingKeyFromSeed(decodeSeed(vars.LOG_SIGNING_KEY!)), clock: () => new Date() });
    const demo = await ensureDemoData(db, signingKey, now, log);
    console.log(`dev:worker: signing key ${signingKey.kid}; demo certificate ${demo.certificateId}${demo.created ? " (new)" : ""}`);
    const { secret } = await ensureDemoInvitation(db, now, invitationTtlFromEnv(vars.INVITATION_TTL_HOURS));
    return { token: demo.token, invitation: secret };
  } finally {
    await dispose();
  }
}

async function main(): Promise<void> {
  useProjectWranglerEnv();
  const vars = ensureDevVars();

  const migrate = runWrangler(["d1", "migrations", "apply", "DB", "--local"]);
  if (migrate.status !== 0) throw new Error("applying the migrations to the local D1 failed");

  const { token, invitation } = await seed(vars);
  console.log(`dev:worker: verify URL of the demo certificate: ${verifyUrl(baseUrl, token)}`);
  // Passkeys need a domain name, not an IP address: the console is opened at localhost.
  console.log(`dev:worker: demo console sign-in link for the Varanasi district officer (works once): ${invitationUrl(`http://localhost:${port}`, invitation)}`);
  console.log(`dev:worker: admin token (development only, from .dev.vars): ${vars.ADMIN_TOKEN}`);

  // The worker refuses to issue without BASE_URL (printed QR codes keep it): locally, it is this origin.
  const dev = spawnWrangler(["dev", "--ip", "127.0.0.1", "--port", String(port), "--var", `BASE_URL:${baseUrl}`]);
  const stop = (signal: NodeJS.Signals) => dev.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  dev.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(`dev:worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
