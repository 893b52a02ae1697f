// loadKeyring reads the keys where it is told (on Workers, a scan's D1 session, which a lagging
// read replica may answer) but decides any write on the primary. Two libSQL files stand in for
// the primary and a replica that has not caught up: nothing here is mocked.
import { describe, expect, it } from "vitest";
import { fromHex } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { listStoredKeys } from "../../src/store/keys.js";
import { loadKeyring } from "../../src/service/keyring.js";
import { makeTestService } from "../support/harness.node.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import { TEST_START } from "../support/harness.js";

const later = (seconds: number) => new Date(TEST_START.getTime() + seconds * 1000);

describe("loadKeyring with a reader that lags", () => {
  it("never undoes a rotation because a replica has not seen it", async () => {
    const first = await makeTestService(randomSeedHex());
    const rotated = await restartWithKey(first, randomSeedHex(), later(60));
    const lagging = await makeTestService(randomSeedHex()); // a replica from before either key, as far as keys go
    const before = await listStoredKeys(first.deps.db);

    // An isolate still holding the first key answers a scan through the lagging replica.
    const keyring = await loadKeyring(first.deps.db, first.deps.signingKey, later(120), lagging.deps.db);
    expect(await listStoredKeys(first.deps.db)).toEqual(before);
    expect(before.find((k) => k.kid === rotated.deps.signingKey.kid)?.state).toBe("active");
    expect(keyring.keys().map((k) => k.kid)).toContain(first.deps.signingKey.kid);
  });

  it("records a new key on the primary, not on the reader, when the replica does not know it yet", async () => {
    const service = await makeTestService(randomSeedHex());
    const lagging = await makeTestService(randomSeedHex());
    const key = await signingKeyFromSeed(fromHex(randomSeedHex()));
    await loadKeyring(service.deps.db, key, later(60), lagging.deps.db);
    const after = await listStoredKeys(service.deps.db);
    expect(after.find((k) => k.kid === key.kid)?.state).toBe("active");
    expect(after.find((k) => k.kid === service.deps.signingKey.kid)?.state).toBe("retired");
    expect((await listStoredKeys(lagging.deps.db)).map((k) => k.kid)).not.toContain(key.kid);
  });
});
