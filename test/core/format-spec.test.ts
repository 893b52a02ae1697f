// docs/certificate-format.md is a promise to independent verifiers. Part 1 recomputes every value
// of its worked example with src/core, reading the values out of the document, so the two cannot
// drift apart. Part 2 is a verifier written from the document alone (node:crypto and a
// hand-written base32 decoder, nothing from src/core) that must accept the example and reject
// its altered copies, for the same reasons the core gives.
import { createHash, createPublicKey, verify as ed25519Verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { docBlocks } from "../support/doc-blocks.js";
import * as ed from "@noble/ed25519";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Decode } from "../../src/core/base32.js";
import { fromHex, sha256, toBase64url, toHex, utf8 } from "../../src/core/bytes.js";
import { decodeSeed, Keyring, keyIdentity, publicJwk, signedAfterCompromise, signingKeyFromSeed, verificationKeyFromJwk, type KeyState } from "../../src/core/keys.js";
import { encodePayloadV1, isSerial, serialFromBytes, serialToBytes, type CertificateClaims } from "../../src/core/payload.js";
import { qrMatrix } from "../../src/core/qr.js";
import { nobleVerify, webCryptoVerify } from "../../src/core/signature.js";
import { issueToken, SIGNING_CONTEXT_V1, signedMessageV1, verifyToken } from "../../src/core/token.js";
import { verifyUrl } from "../../src/core/url.js";

const doc = docBlocks(readFileSync(new URL("../../docs/certificate-format.md", import.meta.url), "utf8"), "docs/certificate-format.md");

const block = (name: string) => doc.text(`example=${name}`);
function hexBlock(name: string): string {
  const hex = block(name).replace(/\s+/g, "");
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) throw new Error(`example=${name} is not lower-case hex`);
  return hex;
}

interface DocClaims {
  serialHex: string;
  serial: string;
  issuedAt: string;
  artisanId: number;
  districtCode: number;
  productId: number | null;
  giTagId: number | null;
}
const docClaims = JSON.parse(block("claims")) as DocClaims;
const docJwk = JSON.parse(block("jwk")) as JsonWebKey & { kid: string };
const docToken = block("token");

function coreClaims(c: DocClaims): CertificateClaims {
  return {
    serial: c.serial,
    issuedAt: Date.parse(c.issuedAt) / 1000,
    artisanId: c.artisanId,
    districtCode: c.districtCode,
    productId: c.productId,
    giTagId: c.giTagId,
  };
}

describe("docs/certificate-format.md worked example, recomputed by src/core", () => {
  it("labels every value the example promises", () => {
    expect(doc.labels().filter((l) => l.startsWith("example=")).sort()).toEqual(
      [
        "claims", "jwk", "key-tag", "kid", "payload", "private-key", "public-key", "qr-version", "signature",
        "signed-message", "signing-key-env", "thumbprint-input", "thumbprint-sha256", "token", "token-bytes", "token-torsion-r", "url",
      ].map((name) => `example=${name}`).sort(),
    );
  });

  it("derives the public key, JWK, kid and key tag from the private key", async () => {
    const seed = fromHex(hexBlock("private-key"));
    expect(decodeSeed(block("signing-key-env"))).toEqual(seed);
    const key = await signingKeyFromSeed(seed);

    expect(toHex(key.publicKey)).toBe(hexBlock("public-key"));
    expect(publicJwk(key)).toEqual(docJwk);
    expect(block("thumbprint-input")).toBe(`{"crv":"Ed25519","kty":"OKP","x":"${toBase64url(key.publicKey)}"}`);

    const digest = await sha256(utf8(block("thumbprint-input")));
    expect(toHex(digest)).toBe(hexBlock("thumbprint-sha256"));
    expect(toBase64url(digest)).toBe(block("kid"));
    expect(key.kid).toBe(block("kid"));
    expect(toHex(key.keyTag)).toBe(hexBlock("key-tag"));
    expect(hexBlock("key-tag")).toBe(hexBlock("thumbprint-sha256").slice(0, 8));
    expect(await keyIdentity(key.publicKey)).toEqual({ kid: key.kid, keyTag: key.keyTag });
  });

  it("encodes the claims into the payload, field by field", async () => {
    const key = await signingKeyFromSeed(fromHex(hexBlock("private-key")));
    expect(serialFromBytes(fromHex(docClaims.serialHex))).toBe(docClaims.serial);

    const payload = toHex(encodePayloadV1(coreClaims(docClaims), key.keyTag));
    expect(payload).toBe(hexBlock("payload"));

    // The groups in the block are the fields of the layout table, in order.
    const fields = block("payload").split(/\s+/);
    expect(fields.map((f) => f.length / 2)).toEqual([1, 4, 8, 4, 4, 2, 2, 2]);
    const [version, tag, serial, issued, artisan, district, product, gi] = fields.map((f) => parseInt(f, 16));
    expect(version).toBe(1);
    expect(fields[1]).toBe(hexBlock("key-tag"));
    expect(fields[2]).toBe(docClaims.serialHex);
    expect(tag).toBe(parseInt(hexBlock("key-tag"), 16));
    expect(serial).toBe(parseInt(docClaims.serialHex, 16));
    expect(issued! + 1_577_836_800).toBe(Date.parse(docClaims.issuedAt) / 1000);
    expect(Date.parse("2020-01-01T00:00:00Z") / 1000).toBe(1_577_836_800);
    expect([artisan, district, product, gi]).toEqual([docClaims.artisanId, docClaims.districtCode, docClaims.productId ?? 0, docClaims.giTagId ?? 0]);
  });

  it("signs context || payload with plain Ed25519 and encodes payload || signature in base32", async () => {
    const seed = fromHex(hexBlock("private-key"));
    const key = await signingKeyFromSeed(seed);
    const payload = encodePayloadV1(coreClaims(docClaims), key.keyTag);
    const message = signedMessageV1(payload);

    const [contextLine] = block("signed-message").split("\n");
    expect(contextLine).toBe(toHex(SIGNING_CONTEXT_V1));
    expect(Buffer.from(contextLine!, "hex").toString("latin1")).toBe("ASLI-CERT-V1\0");
    expect(toHex(message)).toBe(hexBlock("signed-message"));
    expect(message.length).toBe(40);

    // The signature is the RFC 8032 one over the message: noble and WebCrypto give it alike.
    expect(toHex(await ed.signAsync(message, seed))).toBe(hexBlock("signature"));
    const token = await issueToken(coreClaims(docClaims), key);
    expect(token).toBe(docToken);
    expect(token).toHaveLength(146);
    expect(toHex(base32Decode(token)!)).toBe(hexBlock("token-bytes"));
    expect(hexBlock("token-bytes")).toBe(hexBlock("payload") + hexBlock("signature"));
  });

  it("puts the token in the upper-case verify URL, a version-7 QR at level M", async () => {
    const url = verifyUrl("https://asli.example", docToken);
    expect(url).toBe(block("url"));
    expect(url).toMatch(/^[0-9A-Z $%*+\-./:]+$/); // QR alphanumeric mode only
    const qr = qrMatrix(url);
    expect(qr.version).toBe(Number(block("qr-version")));
    expect(qr.size).toBe(17 + 4 * qr.version);
    // The document's bound: any host of up to 21 characters stays at version 7.
    expect(qrMatrix(`HTTPS://${"A".repeat(21)}/V/${docToken}`).version).toBe(7);
  });

  it("verifies with the published JWK under both Ed25519 implementations, yielding the claims", async () => {
    const keyring = new Keyring([await verificationKeyFromJwk(docJwk)]);
    for (const verify of [webCryptoVerify, nobleVerify]) {
      const verdict = await verifyToken(docToken, keyring, verify);
      expect(verdict.valid).toBe(true);
      if (verdict.valid) {
        expect(verdict.claims).toEqual(coreClaims(docClaims));
        expect(verdict.key.kid).toBe(docJwk.kid);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// An independent verifier, from the document alone.

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function specBase32Decode(text: string): Uint8Array | null {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const value = BASE32_ALPHABET.indexOf(ch);
    if (ch.length !== 1 || value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? Uint8Array.from(out) : null; // the fill bits must be zero
}

function specBase32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? out + BASE32_ALPHABET[(buffer << (5 - bits)) & 31] : out;
}

type SpecJwk = JsonWebKey & { kid?: string; state?: string; compromisedAt?: string };

type SpecVerdict =
  | { valid: true; kid: string | undefined; claims: { serialHex: string; issuedAt: number; artisanId: number; districtCode: number; productId: number | null; giTagId: number | null } }
  | { valid: false; reason: "malformed" | "unsupported-version" | "unknown-key" | "bad-signature" | "key-compromised" };

const specThumbprint = (x: string) => createHash("sha256").update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`, "utf8").digest();

/** Section 4.1 rule 1, with noble's curve arithmetic (not Asli's code): canonical, of prime order. */
function specPrimeOrder(publicKey: Uint8Array): boolean {
  try {
    const point = ed.Point.fromBytes(publicKey, false);
    return !point.is0() && point.isTorsionFree();
  } catch {
    return false;
  }
}

/** Section 2.4 rule 1: the entries that are trusted keys. */
function specTrusted(k: SpecJwk): boolean {
  if (k.kty !== "OKP" || k.crv !== "Ed25519" || typeof k.x !== "string") return false;
  if (!/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(k.x)) return false;
  if (!specPrimeOrder(Buffer.from(k.x, "base64url"))) return false;
  if (k.kid !== undefined && k.kid !== specThumbprint(k.x).toString("base64url")) return false;
  return k.state === undefined || ["active", "retired", "revoked"].includes(k.state);
}

function specVerify(token: string, jwks: { keys: SpecJwk[] }): SpecVerdict {
  if (token.length !== 146) return { valid: false, reason: "malformed" };
  const decoded = specBase32Decode(token);
  if (!decoded || decoded.length !== 91) return { valid: false, reason: "malformed" };
  const bytes = Buffer.from(decoded);
  if (bytes[0] !== 0x01) return { valid: false, reason: "unsupported-version" };

  const tag = bytes.subarray(1, 5);
  const candidates = jwks.keys.filter((k) => specTrusted(k) && specThumbprint(k.x!).subarray(0, 4).equals(tag));
  if (candidates.length === 0) return { valid: false, reason: "unknown-key" };

  const message = Buffer.concat([Buffer.from("ASLI-CERT-V1\0", "ascii"), bytes.subarray(0, 27)]);
  const signature = bytes.subarray(27, 91);
  const signer = candidates.find((k) => {
    try {
      const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x }, format: "jwk" });
      return ed25519Verify(null, message, publicKey, signature);
    } catch {
      return false;
    }
  });
  if (!signer) return { valid: false, reason: "bad-signature" };

  const artisanId = bytes.readUInt32BE(17);
  const districtCode = bytes.readUInt16BE(21);
  if (artisanId === 0 || districtCode === 0) return { valid: false, reason: "malformed" };
  const productId = bytes.readUInt16BE(23);
  const giTagId = bytes.readUInt16BE(25);
  const issuedAt = Date.parse("2020-01-01T00:00:00Z") / 1000 + bytes.readUInt32BE(13);
  // Section 2.4 rule 2; notBefore and retiredAt play no part (rule 3).
  if (signer.state === "revoked" && (signer.compromisedAt === undefined || issuedAt >= Date.parse(signer.compromisedAt) / 1000)) {
    return { valid: false, reason: "key-compromised" };
  }
  return {
    valid: true,
    kid: signer.kid,
    claims: {
      serialHex: bytes.subarray(5, 13).toString("hex"),
      issuedAt,
      artisanId,
      districtCode,
      productId: productId === 0 ? null : productId,
      giTagId: giTagId === 0 ? null : giTagId,
    },
  };
}

/** The reason the core gives, for comparison: both verifiers must say the same. */
async function coreReason(token: string, keyring: Keyring): Promise<string> {
  const verdict = await verifyToken(token, keyring);
  return verdict.valid ? "valid" : verdict.reason;
}

describe("an independent verifier written from docs/certificate-format.md", () => {
  const jwks = { keys: [docJwk] };
  const docKeyring = () => verificationKeyFromJwk(docJwk).then((k) => new Keyring([k]));
  const tokenBytes = () => specBase32Decode(docToken)!;

  it("accepts the worked example and reads the documented claims", () => {
    const verdict = specVerify(docToken, jwks);
    expect(verdict).toEqual({
      valid: true,
      kid: block("kid"),
      claims: {
        serialHex: docClaims.serialHex,
        issuedAt: Date.parse(docClaims.issuedAt) / 1000,
        artisanId: docClaims.artisanId,
        districtCode: docClaims.districtCode,
        productId: docClaims.productId,
        giTagId: docClaims.giTagId,
      },
    });
    // The token as a scanner reads it, out of the verify URL.
    const fromUrl = /^HTTPS:\/\/[^/]+\/V\/([A-Z2-7]+)$/.exec(block("url"))![1]!;
    expect(specVerify(fromUrl, jwks).valid).toBe(true);
    expect(specBase32Encode(tokenBytes())).toBe(docToken);
  });

  it("rejects every single-bit change of the token bytes, for the reason the core gives", async () => {
    const keyring = await docKeyring();
    const reasons = new Map<string, number>();
    const original = tokenBytes();
    for (let bit = 0; bit < original.length * 8; bit++) {
      const altered = original.slice();
      altered[bit >> 3]! ^= 0x80 >> (bit & 7);
      const token = specBase32Encode(altered);
      const verdict = specVerify(token, jwks);
      expect(verdict.valid).toBe(false);
      const reason = verdict.valid ? "valid" : verdict.reason;
      const byte = bit >> 3;
      expect(reason).toBe(byte === 0 ? "unsupported-version" : byte < 5 ? "unknown-key" : "bad-signature");
      expect(await coreReason(token, keyring)).toBe(reason);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    expect(Object.fromEntries(reasons)).toEqual({ "unsupported-version": 8, "unknown-key": 32, "bad-signature": 688 });
  });

  it("rejects the other documented failures alike", async () => {
    const keyring = await docKeyring();
    const last = docToken.length - 1;
    const cases: [string, string, string][] = [
      ["a lower-case character", docToken.slice(0, 10) + docToken[10]!.toLowerCase() + docToken.slice(11), "malformed"],
      ["non-zero fill bits", docToken.slice(0, last) + "5", "malformed"],
      ["one character short", docToken.slice(0, last), "malformed"],
      ["one character more", docToken + "A", "malformed"],
      ["base32 padding", docToken.slice(0, last) + "=", "malformed"],
    ];
    // S + L: the same signature, not reduced modulo the group order.
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    const bytes = tokenBytes();
    const s = BigInt("0x" + Buffer.from(bytes.subarray(59, 91)).reverse().toString("hex"));
    const sPlusL = Buffer.from((s + L).toString(16).padStart(64, "0"), "hex").reverse();
    const malleated = bytes.slice();
    malleated.set(sPlusL, 59);
    cases.push(["S + L", specBase32Encode(malleated), "bad-signature"]);

    for (const [what, token, reason] of cases) {
      const verdict = specVerify(token, jwks);
      expect(verdict.valid ? "valid" : verdict.reason, what).toBe(reason);
      expect(await coreReason(token, keyring), what).toBe(reason);
    }
    expect(await verifyToken(specBase32Encode(malleated), keyring, nobleVerify)).toEqual({ valid: false, reason: "bad-signature" });

    // A key set without the signing key (RFC 8032 §7.1 TEST 2's public key instead).
    const other = { kty: "OKP", crv: "Ed25519", x: toBase64url(fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")) };
    expect(specVerify(docToken, { keys: [other] })).toEqual({ valid: false, reason: "unknown-key" });
    expect(await coreReason(docToken, new Keyring([await verificationKeyFromJwk(other)]))).toBe("unknown-key");
  });

  it("rejects a correctly signed payload with artisan 0 only after the signature checks out", async () => {
    const seed = fromHex(hexBlock("private-key"));
    const payload = fromHex(hexBlock("payload"));
    payload.set([0, 0, 0, 0], 17);
    const signature = await ed.signAsync(signedMessageV1(payload), seed);
    const token = specBase32Encode(Uint8Array.from([...payload, ...signature]));
    expect(specVerify(token, jwks)).toEqual({ valid: false, reason: "malformed" });
    expect(await coreReason(token, await docKeyring())).toBe("malformed");
  });
});

// ---------------------------------------------------------------------------------------------
// The answers of sections 2.4, 3.1 and 4.1, as vectors in the document.

/** The reference's reading of a key set (src/core): entries it refuses are skipped; then the token; then the key's revocation. */
async function coreKeySetVerdict(token: string, jwks: { keys: SpecJwk[] }): Promise<string> {
  const trusted = new Map<string, SpecJwk>();
  for (const entry of jwks.keys) {
    try {
      trusted.set((await verificationKeyFromJwk(entry)).kid, entry);
    } catch {
      // Not a trusted key: as if it were not published.
    }
  }
  const keys = await Promise.all([...trusted.values()].map((entry) => verificationKeyFromJwk(entry)));
  const verdict = await verifyToken(token, new Keyring(keys));
  if (!verdict.valid) return verdict.reason;
  const entry = trusted.get(verdict.key.kid)!;
  const standing = { state: (entry.state ?? "active") as KeyState, compromisedAt: entry.compromisedAt === undefined ? null : Date.parse(entry.compromisedAt) / 1000 };
  return signedAfterCompromise(standing, verdict.claims.issuedAt) ? "key-compromised" : "valid";
}

describe("section 2.4: reading the key set", () => {
  const cases = doc.json<{ case: string; entry: Record<string, unknown>; verdict: string }[]>("vector=key-set-entries");

  it("has cases for every verdict a key's entry can lead to", () => {
    expect(new Set(cases.map((c) => c.verdict))).toEqual(new Set(["valid", "key-compromised", "unknown-key"]));
  });

  for (const c of cases) {
    it(`${c.case}: ${c.verdict}`, async () => {
      const entry: Record<string, unknown> = { ...docJwk, ...c.entry };
      for (const [name, value] of Object.entries(entry)) if (value === null) delete entry[name];
      const jwks = { keys: [entry as SpecJwk] };
      const spec = specVerify(docToken, jwks);
      expect(spec.valid ? "valid" : spec.reason).toBe(c.verdict);
      expect(await coreKeySetVerdict(docToken, jwks)).toBe(c.verdict);
    });
  }

  it("skips an untrusted entry without hiding a trusted one beside it", async () => {
    const jwks = { keys: [{ ...docJwk, state: "suspended" }, docJwk] as SpecJwk[] };
    expect(specVerify(docToken, jwks).valid).toBe(true);
    expect(await coreKeySetVerdict(docToken, jwks)).toBe("valid");
  });
});

describe("section 3.1: what a valid serial is", () => {
  const vectors = doc.json<{ valid: { serial: string; hex: string }[]; invalid: { serial: string; why: string }[] }>("vector=serials");
  // A decoder written from the section: 13 characters of the alphabet, zero fill bit, 8 bytes.
  const specSerial = (text: string) => (text.length === 13 ? specBase32Decode(text) : null);

  it("accepts each valid serial, with the bytes it stands for and no other text for them", () => {
    expect(vectors.valid.map((v) => v.serial)).toContain(docClaims.serial);
    for (const v of vectors.valid) {
      expect(isSerial(v.serial), v.serial).toBe(true);
      expect(toHex(serialToBytes(v.serial))).toBe(v.hex);
      expect(serialFromBytes(fromHex(v.hex))).toBe(v.serial);
      expect(Buffer.from(specSerial(v.serial)!).toString("hex")).toBe(v.hex);
    }
  });

  for (const v of vectors.invalid) {
    it(`refuses ${JSON.stringify(v.serial)}: ${v.why}`, () => {
      expect(isSerial(v.serial)).toBe(false);
      expect(specSerial(v.serial)).toBeNull();
    });
  }

  it("gives every 8 bytes exactly one serial, with a last character from the section's list", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const serial = serialFromBytes(bytes);
        expect(serial).toMatch(/^[A-Z2-7]{12}[ACEGIKMOQSUWY246]$/);
        expect(serialToBytes(serial)).toEqual(bytes);
      }),
    );
  });

  it("agrees with the decoder from the section on any string", () => {
    const nearSerial = fc.stringMatching(/^[A-Z2-7a-z0-9=\s]{11,15}$/);
    fc.assert(fc.property(fc.oneof(nearSerial, fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 14 })), (text) => {
      expect(isSerial(text)).toBe(specSerial(text) !== null);
    }));
  });
});

describe("section 11: the token signed with a small-order component in R", () => {
  const token = block("token-torsion-r");

  it("carries the example payload and a signature that only a cofactored verifier accepts", async () => {
    const bytes = base32Decode(token)!;
    expect(toHex(bytes.subarray(0, 27))).toBe(hexBlock("payload"));
    const message = signedMessageV1(bytes.subarray(0, 27));
    const publicKey = fromHex(hexBlock("public-key"));
    expect(await ed.verifyAsync(bytes.subarray(27), message, publicKey)).toBe(true); // ZIP 215, cofactored
    expect(await ed.verifyAsync(bytes.subarray(27), message, publicKey, { zip215: false })).toBe(true); // noble strict is cofactored too
  });

  it("is bad-signature for the reference under both implementations and for the verifier from the document", async () => {
    const keyring = new Keyring([await verificationKeyFromJwk(docJwk)]);
    for (const verify of [webCryptoVerify, nobleVerify]) expect(await verifyToken(token, keyring, verify)).toEqual({ valid: false, reason: "bad-signature" });
    expect(specVerify(token, { keys: [docJwk] })).toEqual({ valid: false, reason: "bad-signature" });
  });
});
