// Builds a TestService over any drizzle database; the per-runtime harnesses supply the database.
import { generateApiToken, hashApiToken } from "../../src/core/api-token.js";
import { fromHex } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { createApp } from "../../src/http/app.js";
import { loadKeyring } from "../../src/service/keyring.js";
import type { TagRenderers } from "../../src/render/types.js";
import type { AsliDatabase } from "../../src/store/database.js";
import { TEST_SEED_HEX, TEST_START, type TestService } from "./harness.js";

/** `renderers`: the PNG/PDF tag renderers, which only the Node harness supplies. */
export async function buildTestService(db: AsliDatabase, seedHex = TEST_SEED_HEX, renderers?: TagRenderers): Promise<TestService> {
  let now = TEST_START;
  const signingKey = await signingKeyFromSeed(fromHex(seedHex));
  const keyring = await loadKeyring(db, signingKey, now);
  const adminToken = generateApiToken();
  const deps = {
    db,
    signingKey,
    keyring,
    adminTokenHash: await hashApiToken(adminToken),
    baseUrl: "https://asli.example",
    clock: () => now,
    renderers,
    // Both test runtimes import the package itself; only the worker bundle loads it as a separate module.
    webauthn: () => import("@simplewebauthn/server"),
  };
  return { app: createApp(deps), deps, adminToken, setNow: (d) => (now = d) };
}
