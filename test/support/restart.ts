// A restart of a test service with another SIGNING_KEY over the same database: what a key
// rotation is on Node (new env, restart) and on Workers (new secret, new isolates).
import { fromHex, randomBytes, toHex } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { createApp } from "../../src/http/app.js";
import { loadKeyring } from "../../src/service/keyring.js";
import type { TestService } from "./harness.js";

/** A fresh random seed: tests that share one database (D1 per file) never reuse a key by accident. */
export function randomSeedHex(): string {
  return toHex(randomBytes(32));
}

/** Starts a second service over `service`'s database, with `seedHex` as SIGNING_KEY, at `start`. */
export async function restartWithKey(service: TestService, seedHex: string, start: Date): Promise<TestService> {
  let now = start;
  const signingKey = await signingKeyFromSeed(fromHex(seedHex));
  const keyring = await loadKeyring(service.deps.db, signingKey, start);
  const deps = { ...service.deps, signingKey, keyring, clock: () => now };
  return { app: createApp(deps), deps, adminToken: service.adminToken, setNow: (d) => (now = d) };
}
