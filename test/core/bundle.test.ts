import { describe, expect, it } from "vitest";
import {
  artisanNames,
  BUNDLE_HEADER_LENGTH,
  encodeArtisans,
  BUNDLE_SIGNING_CONTEXT_V1,
  checkBundleSuccession,
  indexTrustBundle,
  isBundleStale,
  openTrustBundle,
  signTrustBundle,
  TrustBundleError,
  verifyOffline,
  type BundleKey,
  type TrustBundleContent,
} from "../../src/core/bundle.js";
import { concatBytes, fromHex, randomBytes, toBase64url, utf8 } from "../../src/core/bytes.js";
import { signingKeyFromSeed, type SigningKey } from "../../src/core/keys.js";
import { serialFromBytes, type CertificateClaims } from "../../src/core/payload.js";
import { nobleVerify, webCryptoSign, webCryptoVerify } from "../../src/core/signature.js";
import { issueToken, SIGNING_CONTEXT_V1 } from "../../src/core/token.js";

const T0 = 1_772_359_200; // 2026-03-01T10:00:00Z
const keyA = await signingKeyFromSeed(fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
const keyB = await signingKeyFromSeed(fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
const stranger = await signingKeyFromSeed(randomBytes(32));

function bundleKey(key: SigningKey, state: BundleKey["state"], extra: Partial<BundleKey> = {}): BundleKey {
  return { kid: key.kid, x: toBase64url(key.publicKey), state, notBefore: T0 - 86_400, retiredAt: null, revokedAt: null, compromisedAt: null, ...extra };
}

function content(overrides: Partial<TrustBundleContent> = {}): TrustBundleContent {
  return {
    type: "asli-trust-bundle",
    version: 1,
    issuer: "https://asli.example",
    sequence: 3,
    issuedAt: T0,
    staleAfter: T0 + 7 * 86_400,
    keys: [bundleKey(keyA, "active")],
    districts: [[187, "Varanasi"]],
    products: [[103, 187, "Banarasi Silk Saree"]],
    giTags: [[2, "Banaras Brocades and Sarees", "99"]],
    sellers: ["Kashi Handloom Cooperative"],
    artisans: [
      [1, "Shabana Ansari", 0],
      [1, "Rafiq Ahmad", null],
    ],
    suspendedArtisans: [2],
    giWithdrawn: [],
    revoked: [],
    ...overrides,
  };
}

const claims = (overrides: Partial<CertificateClaims> = {}): CertificateClaims => ({
  serial: serialFromBytes(randomBytes(8)),
  issuedAt: T0 - 3600,
  artisanId: 1,
  districtCode: 187,
  productId: 103,
  giTagId: 2,
  ...overrides,
});

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TrustBundleError) return error.code;
    throw error;
  }
  return "opened";
}

describe("trust bundle: envelope and signature", () => {
  it("opens what it signs, with the signer's kid, under both Ed25519 implementations", async () => {
    const bytes = await signTrustBundle(content(), keyA);
    for (const verify of [nobleVerify, webCryptoVerify]) {
      const opened = await openTrustBundle(bytes, verify);
      expect(opened.content).toEqual(content());
      expect(opened.signer.kid).toBe(keyA.kid);
    }
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe("ASLITB");
    expect(bytes[6]).toBe(1);
  });

  it("refuses every single-byte change anywhere in the file", async () => {
    const bytes = await signTrustBundle(content(), keyA);
    // Every byte of the header and signature, and a spread of positions in the body.
    const positions = new Set<number>();
    for (let i = 0; i < BUNDLE_HEADER_LENGTH; i++) positions.add(i);
    for (let i = bytes.length - 64; i < bytes.length; i++) positions.add(i);
    for (let i = BUNDLE_HEADER_LENGTH; i < bytes.length - 64; i += 7) positions.add(i);
    for (const i of positions) {
      const tampered = bytes.slice();
      tampered[i]! ^= 0x01;
      expect(await code(openTrustBundle(tampered)), `byte ${i}`).not.toBe("opened");
    }
  });

  it("names the failure: bad signature, wrong magic, unknown version, truncation", async () => {
    const bytes = await signTrustBundle(content(), keyA);
    const body = bytes.slice();
    body[BUNDLE_HEADER_LENGTH + 5]! ^= 0x40;
    expect(await code(openTrustBundle(body))).toBe("bundle-bad-signature");
    const magic = bytes.slice();
    magic[0] = 0x58;
    expect(await code(openTrustBundle(magic))).toBe("bundle-malformed");
    const version = bytes.slice();
    version[6] = 2;
    expect(await code(openTrustBundle(version))).toBe("bundle-unsupported-version");
    expect(await code(openTrustBundle(bytes.subarray(0, bytes.length - 1)))).toBe("bundle-malformed");
    expect(await code(openTrustBundle(new Uint8Array(10)))).toBe("bundle-malformed");
  });

  it("refuses a bundle re-signed by another key that puts itself in the header (signer must be listed)", async () => {
    const bytes = await signTrustBundle(content(), keyA);
    // Swap in the stranger's public key and signature: the signature checks, the listing does not.
    const signedPart = bytes.slice(0, bytes.length - 64);
    signedPart.set(stranger.publicKey, 7);
    const forged = concatBytes(signedPart, await webCryptoSign(stranger, concatBytes(BUNDLE_SIGNING_CONTEXT_V1, signedPart)));
    expect(await code(openTrustBundle(forged))).toBe("bundle-signer-not-listed");
  });

  it("is not interchangeable with a certificate signature: the contexts differ", async () => {
    expect(BUNDLE_SIGNING_CONTEXT_V1).not.toEqual(SIGNING_CONTEXT_V1);
    const bytes = await signTrustBundle(content(), keyA);
    const signedPart = bytes.slice(0, bytes.length - 64);
    // Signing the same bytes under the certificate context does not make a valid bundle.
    const wrongContext = concatBytes(signedPart, await webCryptoSign(keyA, concatBytes(SIGNING_CONTEXT_V1, signedPart)));
    expect(await code(openTrustBundle(wrongContext))).toBe("bundle-bad-signature");
  });

  it("refuses signed content that breaks its own rules: a kid that is not its key's thumbprint", async () => {
    const wrongKid = content({ keys: [bundleKey(keyA, "active"), { ...bundleKey(keyB, "retired"), kid: keyA.kid.replace(/^./, "A") }] });
    expect(await code(openTrustBundle(await signTrustBundle(wrongKid, keyA)))).toBe("bundle-malformed");
    const badSerial = content({ revoked: [["not-a-serial", "lost", T0]] });
    expect(await code(openTrustBundle(await signTrustBundle(badSerial, keyA)))).toBe("bundle-malformed");
  });

  it("ignores a log member of a version it does not implement, missing or not an integer alike, and refuses one that is no object", async () => {
    for (const log of [{ version: 2, anything: true }, { origin: "asli.example/log" }, { version: "1" }]) {
      const opened = await openTrustBundle(await signTrustBundle(content({ log } as unknown as Partial<TrustBundleContent>), keyA));
      expect(opened.content.log, JSON.stringify(log)).toBeUndefined();
    }
    for (const log of [[1], "log", 1]) {
      expect(await code(openTrustBundle(await signTrustBundle(content({ log } as unknown as Partial<TrustBundleContent>), keyA))), JSON.stringify(log)).toBe("bundle-malformed");
    }
  });

  it("lists artisans by id gaps and a seller table, and refuses lists that break those rules", async () => {
    const list = [
      { id: 40, name: "C", sellerName: "Kashi Handloom" },
      { id: 7, name: "A", sellerName: null },
      { id: 9, name: "B", sellerName: "Bhadohi Carpets" },
    ];
    const encoded = encodeArtisans(list);
    expect(encoded).toEqual({ sellers: ["Bhadohi Carpets", "Kashi Handloom"], artisans: [[7, "A", null], [2, "B", 0], [31, "C", 1]] });
    expect(artisanNames(content(encoded))).toEqual(new Map(list.sort((a, b) => a.id - b.id).map(({ id, ...rest }) => [id, rest])));
    for (const artisans of [[[0, "zero gap", null]], [[1, "no such seller", 5]]] as TrustBundleContent["artisans"][]) {
      expect(await code(openTrustBundle(await signTrustBundle(content({ artisans }), keyA)))).toBe("bundle-malformed");
    }
  });

  it("refuses to sign with a key it does not list, or lists as revoked", async () => {
    await expect(signTrustBundle(content(), keyB)).rejects.toThrow(TypeError);
    await expect(signTrustBundle(content({ keys: [bundleKey(keyA, "revoked", { compromisedAt: T0 })] }), keyA)).rejects.toThrow(TypeError);
  });
});

describe("trust bundle: succession and staleness", () => {
  const open = async (c: TrustBundleContent, key: SigningKey) => openTrustBundle(await signTrustBundle(c, key));

  it("accepts a newer bundle from a key it trusts, and a fresh copy of the same sequence", async () => {
    const held = await open(content(), keyA);
    expect(checkBundleSuccession(held, await open(content({ sequence: 4, issuedAt: T0 + 60 }), keyA))).toEqual({ accept: true, signerChanged: false, unchanged: false });
    expect(checkBundleSuccession(held, await open(content({ issuedAt: T0 + 60 }), keyA))).toEqual({ accept: true, signerChanged: false, unchanged: true });
  });

  it("refuses a rollback to a lower sequence, an older copy, and another issuer", async () => {
    const held = await open(content(), keyA);
    expect(checkBundleSuccession(held, await open(content({ sequence: 2, issuedAt: T0 + 60 }), keyA))).toMatchObject({ accept: false, code: "bundle-rollback" });
    expect(checkBundleSuccession(held, await open(content({ issuedAt: T0 - 60 }), keyA))).toMatchObject({ accept: false, code: "bundle-not-newer" });
    expect(checkBundleSuccession(held, await open(content({ issuer: "https://evil.example", sequence: 9 }), keyA))).toMatchObject({
      accept: false,
      code: "bundle-other-issuer",
    });
  });

  it("after a rotation, accepts the new signer only when the person names its kid", async () => {
    const held = await open(content(), keyA);
    const rotated = content({ sequence: 4, issuedAt: T0 + 60, keys: [bundleKey(keyB, "active"), bundleKey(keyA, "retired", { retiredAt: T0 + 30 })] });
    const next = await open(rotated, keyB);
    expect(checkBundleSuccession(held, next)).toMatchObject({ accept: false, code: "bundle-new-signer" });
    expect(checkBundleSuccession(held, next, keyB.kid)).toEqual({ accept: true, signerChanged: true, unchanged: false });
    // Once held, the rotated bundle trusts B for the updates after it.
    expect(checkBundleSuccession(next, await open({ ...rotated, sequence: 5 }, keyB))).toMatchObject({ accept: true });
  });

  it("is stale after staleAfter, not before", () => {
    expect(isBundleStale(content(), new Date((T0 + 7 * 86_400) * 1000))).toBe(false);
    expect(isBundleStale(content(), new Date((T0 + 7 * 86_400 + 1) * 1000))).toBe(true);
  });
});

describe("verifying offline with a bundle", () => {
  it("says genuine with every name the bundle gives the token's ids", async () => {
    const index = await indexTrustBundle(content());
    const c = claims();
    const verdict = await verifyOffline(await issueToken(c, keyA), index);
    expect(verdict).toEqual({
      status: "genuine",
      certificate: {
        serial: c.serial,
        issuedAt: c.issuedAt,
        kid: keyA.kid,
        keyState: "active",
        artisan: { id: 1, name: "Shabana Ansari", sellerName: "Kashi Handloom Cooperative" },
        district: { code: 187, name: "Varanasi" },
        product: { id: 103, name: "Banarasi Silk Saree" },
        giTag: { id: 2, name: "Banaras Brocades and Sarees", applicationNumber: "99" },
        withdrawnGiClaim: null,
        newerThanBundle: false,
      },
    });
  });

  it("follows the online order: signature, key compromise, revocation, suspension; GI withdrawal only drops the GI", async () => {
    const compromisedAt = T0 - 1800;
    const revokedSerial = serialFromBytes(randomBytes(8));
    const index = await indexTrustBundle(
      content({
        keys: [bundleKey(keyB, "active"), bundleKey(keyA, "revoked", { revokedAt: T0, compromisedAt })],
        revoked: [[revokedSerial, "stolen", T0 - 60]],
        giWithdrawn: [[1, T0 - 100]],
      }),
    );
    const verdict = async (c: CertificateClaims, key = keyA) => verifyOffline(await issueToken(c, key), index);

    expect(await verdict(claims({ issuedAt: compromisedAt }))).toMatchObject({ status: "invalid", reason: "key-compromised", compromisedAt });
    // Before the compromise the revoked key still vouches: and revocation is checked next.
    expect(await verdict(claims({ issuedAt: compromisedAt - 1, serial: revokedSerial }))).toMatchObject({ status: "revoked", reason: "stolen", revokedAt: T0 - 60 });
    expect(await verdict(claims({ issuedAt: compromisedAt - 1, artisanId: 2 }))).toMatchObject({ status: "suspended" });
    const withdrawn = await verdict(claims({ issuedAt: compromisedAt - 1 }));
    expect(withdrawn).toMatchObject({ status: "genuine", certificate: { giTag: null, withdrawnGiClaim: { giTagId: 2, withdrawnAt: T0 - 100 }, product: { name: "Banarasi Silk Saree" } } });
    expect(await verdict(claims(), stranger)).toEqual({ status: "invalid", reason: "unknown-key" });
    expect(await verifyOffline("NOT A TOKEN", index)).toEqual({ status: "invalid", reason: "malformed" });
  });

  it("says which names are missing when a certificate is newer than the bundle", async () => {
    const index = await indexTrustBundle(content());
    const verdict = await verifyOffline(await issueToken(claims({ artisanId: 99, issuedAt: T0 + 600 }), keyA), index);
    expect(verdict).toMatchObject({ status: "genuine", certificate: { artisan: { id: 99, name: null }, newerThanBundle: true } });
  });

  it("has a domain-separated context of its own", () => {
    expect(new TextDecoder().decode(BUNDLE_SIGNING_CONTEXT_V1)).toBe("ASLI-BUNDLE-V1\0");
    expect(utf8("ASLI-BUNDLE-V1\0")).toHaveLength(15);
  });
});
