// The synchronous SHA-256 that Merkle hashing uses, held to FIPS 180-4 examples and to
// WebCrypto on random inputs of every length around the block boundaries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256, toHex, utf8 } from "../../src/core/bytes.js";
import { sha256Sync } from "../../src/core/sha256.js";

describe("sha256Sync", () => {
  it("gives the FIPS 180-4 example digests", () => {
    expect(toHex(sha256Sync())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(sha256Sync(utf8("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(toHex(sha256Sync(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(toHex(sha256Sync(new Uint8Array(1_000_000).fill(0x61)))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with WebCrypto on any input, however it is split into parts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 4 }), async (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...points, bytes.length].slice(1).map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1]!, end));
        expect(toHex(sha256Sync(...parts))).toBe(toHex(await sha256(bytes)));
      }),
      { numRuns: 300 },
    );
  });
});
