import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "../../src/core/base32.js";
import { concatBytes, fromHex, randomBytes } from "../../src/core/bytes.js";
import { Keyring, signingKeyFromSeed } from "../../src/core/keys.js";
import { ISSUE_EPOCH_SECONDS, serialFromBytes, serialToBytes, type CertificateClaims } from "../../src/core/payload.js";
import { qrMatrix } from "../../src/core/qr.js";
import { nobleVerify } from "../../src/core/signature.js";
import { issueToken, issueTokenBytes, TOKEN_V1_BYTES, TOKEN_V1_LENGTH, verifyToken } from "../../src/core/token.js";
import { tokenFromText, verifyUrl } from "../../src/core/url.js";

const key = await signingKeyFromSeed(fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
const keyring = new Keyring([key]);

const claimsArb: fc.Arbitrary<CertificateClaims> = fc.record({
  serial: fc.uint8Array({ minLength: 8, maxLength: 8 }).map(serialFromBytes),
  issuedAt: fc.integer({ min: ISSUE_EPOCH_SECONDS, max: ISSUE_EPOCH_SECONDS + 0xffff_ffff }),
  artisanId: fc.integer({ min: 1, max: 0xffff_ffff }),
  districtCode: fc.integer({ min: 1, max: 0xffff }),
  productId: fc.option(fc.integer({ min: 1, max: 0xffff }), { nil: null }),
  giTagId: fc.option(fc.integer({ min: 1, max: 0xffff }), { nil: null }),
});

describe("certificate token", () => {
  it("round-trips every certificate: what is signed is what verifies", async () => {
    await fc.assert(
      fc.asyncProperty(claimsArb, async (claims) => {
        const token = await issueToken(claims, key);
        expect(token).toHaveLength(TOKEN_V1_LENGTH);
        expect(token).toMatch(/^[A-Z2-7]+$/);
        const verdict = await verifyToken(token, keyring);
        expect(verdict).toEqual({ valid: true, claims, key });
      }),
      { numRuns: 200 },
    );
  });

  it("is the same token when the caller passes the serial's bytes (as a batch does)", async () => {
    await fc.assert(
      fc.asyncProperty(claimsArb, async (claims) => {
        const token = await issueToken(claims, key);
        const issued = await issueTokenBytes(claims, key, serialToBytes(claims.serial));
        expect(issued.token).toBe(token);
        expect(base32Encode(issued.bytes)).toBe(token);
      }),
      { numRuns: 100 },
    );
  });

  it("fails on any single-bit change of the token bytes", async () => {
    const token = await issueToken(
      { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: 42, districtCode: 187, productId: 103, giTagId: 2 },
      key,
    );
    const bytes = base32Decode(token)!;
    expect(bytes).toHaveLength(TOKEN_V1_BYTES);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: TOKEN_V1_BYTES * 8 - 1 }), async (bit) => {
        const flipped = bytes.slice();
        flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
        const verdict = await verifyToken(base32Encode(flipped), keyring);
        expect(verdict.valid).toBe(false);
      }),
      { numRuns: 300 },
    );
    // Every bit, exhaustively: 728 cases are cheap.
    for (let bit = 0; bit < TOKEN_V1_BYTES * 8; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect((await verifyToken(base32Encode(flipped), keyring)).valid).toBe(false);
    }
  });

  it("fails on any single-bit change of the token text", async () => {
    const token = await issueToken(
      { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: 7, districtCode: 118, productId: null, giTagId: null },
      key,
    );
    for (let i = 0; i < token.length; i++) {
      for (let bit = 0; bit < 7; bit++) {
        const changed = token.slice(0, i) + String.fromCharCode(token.charCodeAt(i) ^ (1 << bit)) + token.slice(i + 1);
        expect((await verifyToken(changed, keyring)).valid).toBe(false);
      }
    }
  });

  it("names the reason for each kind of invalid input", async () => {
    const claims: CertificateClaims = { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: 1, districtCode: 187, productId: 103, giTagId: null };
    const token = await issueToken(claims, key);
    const stranger = await signingKeyFromSeed(randomBytes(32));
    expect(await verifyToken(await issueToken(claims, stranger), keyring)).toEqual({ valid: false, reason: "unknown-key" });
    expect(await verifyToken(token.slice(0, -1), keyring)).toEqual({ valid: false, reason: "malformed" });
    expect(await verifyToken(token.toLowerCase(), keyring)).toEqual({ valid: false, reason: "malformed" });
    expect(await verifyToken("hello world", keyring)).toEqual({ valid: false, reason: "malformed" });
    expect(await verifyToken("A".repeat(100_000), keyring)).toEqual({ valid: false, reason: "malformed" });

    const bytes = base32Decode(token)!;
    const v2 = bytes.slice();
    v2[0] = 2;
    expect(await verifyToken(base32Encode(v2), keyring)).toEqual({ valid: false, reason: "unsupported-version" });
    // Same key tag, signature from another key: a forgery that tries to pass as ours.
    const forged = base32Encode(concatBytes(bytes.subarray(0, 27), base32Decode(await issueToken(claims, stranger))!.subarray(27)));
    expect(await verifyToken(forged, keyring)).toEqual({ valid: false, reason: "bad-signature" });
  });

  it("is accepted by the noble reference verifier exactly when WebCrypto accepts it", async () => {
    await fc.assert(
      fc.asyncProperty(claimsArb, fc.integer({ min: -1, max: TOKEN_V1_BYTES * 8 - 1 }), async (claims, bit) => {
        const bytes = base32Decode(await issueToken(claims, key))!;
        if (bit >= 0) bytes[bit >> 3]! ^= 0x80 >> (bit & 7);
        const token = base32Encode(bytes);
        const [web, noble] = await Promise.all([verifyToken(token, keyring), verifyToken(token, keyring, nobleVerify)]);
        expect(noble).toEqual(web);
        expect(web.valid).toBe(bit < 0);
      }),
      { numRuns: 150 },
    );
  });

  it("fits a version 7 QR at level M behind a 16-character host", async () => {
    // The largest value in every field: no certificate makes a longer URL or a denser QR.
    const token = await issueToken(
      { serial: "777777777777Q", issuedAt: ISSUE_EPOCH_SECONDS + 0xffff_ffff, artisanId: 0xffff_ffff, districtCode: 0xffff, productId: 0xffff, giTagId: 0xffff },
      key,
    );
    const url = verifyUrl("https://asli.odop-up.org", token);
    expect(new URL("https://asli.odop-up.org").host).toHaveLength(16);
    expect(url).toMatch(/^HTTPS:\/\/ASLI\.ODOP-UP\.ORG\/V\/[A-Z2-7]{146}$/);
    expect(qrMatrix(url).version).toBeLessThanOrEqual(7);
  });
});

describe("base32", () => {
  it("round-trips any bytes and rejects every non-canonical spelling", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 128 }), (bytes) => {
        const text = base32Encode(bytes);
        expect(base32Decode(text)).toEqual(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/);
      }),
    );
    expect(base32Decode("MZXW6Y")).toBeNull(); // impossible length
    expect(base32Decode("MZXW6YTB")).toEqual(new Uint8Array([0x66, 0x6f, 0x6f, 0x62, 0x61]));
    expect(base32Decode("MZXW6YQ")).toEqual(new Uint8Array([0x66, 0x6f, 0x6f, 0x62]));
    expect(base32Decode("MZXW6YR")).toBeNull(); // non-zero trailing bits would alias MZXW6YQ
    expect(base32Decode("MZXW6YTB=")).toBeNull();
    expect(base32Decode("mzxw6ytb")).toBeNull();
  });

  it("round-trips inputs far longer than a token", () => {
    // Long outputs are built in slices; 2,560 bytes is where the first slice ends.
    for (const length of [2559, 2560, 2561, 10_000]) {
      const bytes = randomBytes(length);
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void base32Decode(text)));
  });
});

describe("verify URL", () => {
  it("is upper case and yields its token back", async () => {
    const token = await issueToken(
      { serial: "AEBAGBAFAYDQQ", issuedAt: 1_772_359_200, artisanId: 42, districtCode: 187, productId: 103, giTagId: 2 },
      key,
    );
    const url = verifyUrl("https://asli.example/ignored/path", token);
    expect(url).toBe(`HTTPS://ASLI.EXAMPLE/V/${token}`);
    expect(tokenFromText(url)).toBe(token);
    expect(tokenFromText(url.toLowerCase().replace(token.toLowerCase(), token))).toBe(token);
    expect(tokenFromText(`  ${token}\n`)).toBe(token);
    expect(tokenFromText("https://evil.example/x/" + token)).toBeNull();
  });
});
