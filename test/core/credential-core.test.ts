// The pure pieces of the verifiable credentials, against other implementations: did:web names,
// Multikey encoding (Digital Bazaar's ed25519-multikey), Bitstring Status List encoding (Digital
// Bazaar's vc-bitstring-status-list decoder), and the bundled copy of the VC 2.0 context.
/// <reference path="../../src/credentials/digitalbazaar.d.ts" />
import { contexts } from "@digitalbazaar/credentials-context";
import { fromJwk } from "@digitalbazaar/ed25519-multikey";
import { decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromHex, toBase64url } from "../../src/core/bytes.js";
import { base58btc, didWeb, didWebDocumentUrl, ed25519FromMultibase, ed25519Multibase, fromBase58btc } from "../../src/core/did.js";
import { encodeStatusList, STATUS_LIST_LENGTH } from "../../src/core/status-list.js";
import { CREDENTIALS_V2_URL, credentialsV2Context } from "../../src/credentials/contexts/credentials-v2.js";

// RFC 8032 §7.1 TEST 1 public key, the key of docs/certificate-format.md's worked example.
const TEST_KEY = fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

describe("did:web", () => {
  it("names the origin's host, with a port percent-encoded, and resolves to /.well-known/did.json", () => {
    expect(didWeb("https://asli.example")).toBe("did:web:asli.example");
    expect(didWeb("https://ASLI.Example/some/path")).toBe("did:web:asli.example");
    expect(didWeb("http://localhost:8787")).toBe("did:web:localhost%3A8787");
    expect(didWeb("https://asli.example:443")).toBe("did:web:asli.example");
    expect(didWebDocumentUrl("did:web:localhost%3A8787")).toBe("https://localhost:8787/.well-known/did.json");
    expect(() => didWebDocumentUrl("did:key:z6Mk")).toThrow();
  });
});

describe("Multikey", () => {
  it("encodes an Ed25519 key as Digital Bazaar's ed25519-multikey does", async () => {
    const theirs = await fromJwk({ jwk: { kty: "OKP", crv: "Ed25519", x: toBase64url(TEST_KEY) } });
    expect(ed25519Multibase(TEST_KEY)).toBe(theirs.publicKeyMultibase);
    expect(ed25519Multibase(TEST_KEY)).toBe("z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw");
    expect(ed25519FromMultibase(ed25519Multibase(TEST_KEY))).toEqual(TEST_KEY);
  });

  it("round-trips any bytes through base58btc, leading zeros included", () => {
    expect(base58btc(new Uint8Array([0, 0, 1]))).toBe("112");
    expect(base58btc(new TextEncoder().encode("hello world"))).toBe("StV1DL6CwTryKyV");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(fromBase58btc(base58btc(bytes))).toEqual(bytes);
      }),
    );
    expect(() => fromBase58btc("0OIl")).toThrow();
  });
});

describe("Bitstring Status List encoding", () => {
  it("sets exactly the given positions of a 131,072-bit list, as an independent decoder reads it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: STATUS_LIST_LENGTH - 1 }), { maxLength: 40 }), async (positions) => {
        const encoded = await encodeStatusList(positions);
        expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
        const list = await decodeList({ encodedList: encoded });
        expect(list.length).toBe(STATUS_LIST_LENGTH);
        for (const p of positions) expect(list.getStatus(p)).toBe(true);
        for (const p of [0, 1, 7, 8, 65_535, STATUS_LIST_LENGTH - 1]) expect(list.getStatus(p)).toBe(positions.includes(p));
      }),
      { numRuns: 25 },
    );
    await expect(encodeStatusList([STATUS_LIST_LENGTH])).rejects.toThrow(RangeError);
    await expect(encodeStatusList([-1])).rejects.toThrow(RangeError);
  });

  it("compresses an empty list to a few dozen bytes", async () => {
    expect((await encodeStatusList([])).length).toBeLessThan(100);
  });
});

describe("the bundled VC 2.0 context", () => {
  it("is the very document @digitalbazaar/credentials-context holds for that URL", () => {
    expect(credentialsV2Context).toEqual(contexts.get(CREDENTIALS_V2_URL));
  });
});
