// Builds a TestService over any drizzle database; the per-runtime harnesses supply the database.
import { generateApiToken, hashApiToken } from "../../src/core/api-token.js";
import { fromHex } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { createApp } from "../../src/http/app.js";
import { loadKeyring } from "../../src/service/keyring.js";
import type { AppDeps, LazyModules } from "../../src/http/deps.js";
import { transparencyLogFor } from "../../src/service/tlog.js";
import { ScanBuffer, trustedHeaderCountry } from "../../src/service/scans.js";
import type { AsliDatabase } from "../../src/store/database.js";
import { TEST_LOG_SEED_HEX, TEST_SEED_HEX, TEST_START, type TestService } from "./harness.js";

/** `modules`: the runtime's loaders of the heavy modules (each harness passes its own); `runtimeDeps`: what else a runtime's entry supplies (Node's compressor). */
export async function buildTestService(db: AsliDatabase, seedHex = TEST_SEED_HEX, modules: LazyModules, runtimeDeps: Partial<AppDeps> = {}): Promise<TestService> {
  let now = TEST_START;
  const signingKey = await signingKeyFromSeed(fromHex(seedHex));
  const keyring = await loadKeyring(db, signingKey, now);
  const adminToken = generateApiToken();
  const clock = () => now;
  const baseUrl = "https://asli.example";
  const log = transparencyLogFor({ db, baseUrl, key: await signingKeyFromSeed(fromHex(TEST_LOG_SEED_HEX)), clock });
  const deps = {
    db,
    signingKey,
    keyring,
    adminTokenHash: await hashApiToken(adminToken),
    baseUrl,
    clock,
    log,
    // Scans wait for deps.scans.flush(); tests set a country through the header a trusted proxy would.
    scans: new ScanBuffer({ db, clock, countryOf: trustedHeaderCountry("cf-ipcountry") }),
    ...modules,
    ...runtimeDeps,
  };
  return { app: createApp(deps), deps, adminToken, setNow: (d) => (now = d) };
}
