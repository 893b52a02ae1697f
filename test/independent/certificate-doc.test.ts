// docs/certificate-format.md, checked with a verifier written from that document alone
// (test/independent/lib/token.ts, lib/ed25519.ts): the worked example (§11), its failure table, the
// serial vectors (§3.1), the Ed25519 edge cases (§4.1) and the key-set entries (§2.4).
import { describe, expect, it } from "vitest";
import { block, hexBlock, jsonBlock, readDoc } from "./lib/doc-blocks";
import { L, asliVerify, littleEndian, opensslVerify, publicKeyFromSeed, signWithSeed } from "./lib/ed25519";
import { base32Decode, base32Encode, sha256 } from "./lib/encoding";
import {
  CERT_CONTEXT, EPOCH_2020, decodeClaims, isValidSerial, keyTagOf, kidOf, thumbprintInput, trustedKey, verdictWithJwkSet,
  verifyToken,
} from "./lib/token";

const doc = readDoc("certificate-format.md");
const text = (name: string) => block(doc, name);

const seed = hexBlock(doc, "private-key");
const publicKey = hexBlock(doc, "public-key");
const jwk = jsonBlock<Record<string, string>>(doc, "jwk");
const token = text("token");
const exampleKeys = () => [trustedKey(jwk.x!, "active")!];

describe("certificate-format.md §11: the worked example", () => {
  it("derives the key, its JWK, thumbprint, kid and key tag", () => {
    expect(Buffer.from(text("signing-key-env"), "base64url")).toEqual(seed);
    expect(publicKeyFromSeed(seed)).toEqual(publicKey);
    expect(jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", x: publicKey.toString("base64url"), alg: "EdDSA", use: "sig" });
    expect(thumbprintInput(jwk.x!)).toBe(text("thumbprint-input"));
    expect(sha256(Buffer.from(text("thumbprint-input")))).toEqual(hexBlock(doc, "thumbprint-sha256"));
    expect(kidOf(jwk.x!)).toBe(text("kid"));
    expect(jwk.kid).toBe(text("kid"));
    expect(keyTagOf(jwk.x!)).toEqual(hexBlock(doc, "key-tag"));
  });

  it("builds the payload, message, signature, token and URL from the claims", () => {
    const claims = jsonBlock<Record<string, string | number>>(doc, "claims");
    const payload = Buffer.alloc(27);
    payload[0] = 1;
    keyTagOf(jwk.x!).copy(payload, 1);
    Buffer.from(claims.serialHex as string, "hex").copy(payload, 5);
    payload.writeUInt32BE(Date.parse(claims.issuedAt as string) / 1000 - EPOCH_2020, 13);
    payload.writeUInt32BE(claims.artisanId as number, 17);
    payload.writeUInt16BE(claims.districtCode as number, 21);
    payload.writeUInt16BE(claims.productId as number, 23);
    payload.writeUInt16BE(claims.giTagId as number, 25);
    expect(payload).toEqual(hexBlock(doc, "payload"));
    expect(base32Encode(payload.subarray(5, 13))).toBe(claims.serial);
    const message = Buffer.concat([CERT_CONTEXT, payload]);
    expect(message).toEqual(hexBlock(doc, "signed-message"));
    const signature = signWithSeed(seed, message);
    expect(signature).toEqual(hexBlock(doc, "signature"));
    const bytes = Buffer.concat([payload, signature]);
    expect(bytes).toEqual(hexBlock(doc, "token-bytes"));
    expect(base32Encode(bytes)).toBe(token);
    expect(token).toHaveLength(146);
    expect(`HTTPS://ASLI.EXAMPLE/V/${token}`).toBe(text("url"));
    expect(text("url")).toHaveLength(157 + "ASLI.EXAMPLE".length);
  });

  it("verifies, and decodes the claims only after the signature", () => {
    const result = verifyToken(token, exampleKeys());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.claims).toMatchObject({
      serial: "AEBAGBAFAYDQQ", issuedAt: 1772359200, artisanId: 42, districtCode: 187, productId: 103, giTagId: 2,
    });
  });

  it("fails as the failure table says", () => {
    const keys = exampleKeys();
    const reason = (t: string) => {
      const r = verifyToken(t, keys);
      return r.ok ? "valid" : r.reason;
    };
    for (let i = 0; i < token.length; i++) {
      if (/[A-Z]/.test(token[i]!)) expect(reason(token.slice(0, i) + token[i]!.toLowerCase() + token.slice(i + 1))).toBe("malformed");
    }
    expect(token.endsWith("4")).toBe(true);
    expect(reason(`${token.slice(0, -1)}5`)).toBe("malformed");
    expect(reason(token.slice(0, -1))).toBe("malformed");
    expect(reason(`${token}A`)).toBe("malformed");
    const bytes = base32Decode(token, 91)!;
    const flipped = (bit: number) => {
      const b = Buffer.from(bytes);
      b[bit >> 3]! ^= 0x80 >> (bit & 7);
      return base32Encode(b);
    };
    for (let bit = 0; bit < 8; bit++) expect(reason(flipped(bit))).toBe("unsupported-version");
    for (let bit = 8; bit < 40; bit++) expect(reason(flipped(bit))).toBe("unknown-key");
    for (let bit = 40; bit < 91 * 8; bit++) expect(reason(flipped(bit))).toBe("bad-signature");
    expect(verifyToken(token, []).ok ? "valid" : "unknown-key").toBe("unknown-key");
    // S + L, still 32 bytes.
    const s = littleEndian(bytes.subarray(59)) + L;
    const sPlusL = Buffer.from(bytes);
    for (let i = 0; i < 32; i++) sPlusL[59 + i] = Number((s >> BigInt(8 * i)) & 0xffn);
    expect(reason(base32Encode(sPlusL))).toBe("bad-signature");
    // R with a small-order component, made by the key holder.
    const torsion = text("token-torsion-r");
    expect(base32Decode(torsion, 91)!.subarray(0, 27)).toEqual(bytes.subarray(0, 27));
    expect(reason(torsion)).toBe("bad-signature");
  });

  it("refuses a correctly signed payload with artisan or district 0 (§3)", () => {
    for (const [offset, size] of [[17, 4], [21, 2]] as const) {
      const payload = Buffer.from(hexBlock(doc, "payload"));
      payload.fill(0, offset, offset + size);
      const t = base32Encode(Buffer.concat([payload, signWithSeed(seed, Buffer.concat([CERT_CONTEXT, payload]))]));
      const r = verifyToken(t, exampleKeys());
      expect(r.ok ? "valid" : r.reason).toBe("malformed");
    }
    const payload = Buffer.from(hexBlock(doc, "payload"));
    payload.fill(0, 23, 27); // no product, no GI: fine
    expect(decodeClaims(payload)).toMatchObject({ productId: null, giTagId: null });
  });
});

describe("certificate-format.md §3.1: valid serials", () => {
  const vectors = jsonBlock<{ valid: { serial: string; hex: string }[]; invalid: { serial: string; why: string }[] }>(doc, "serials");
  it.each(vectors.valid)("valid: $serial", ({ serial, hex }) => {
    expect(isValidSerial(serial)).toBe(true);
    expect(base32Decode(serial, 8)!.toString("hex")).toBe(hex);
    expect(base32Encode(Buffer.from(hex, "hex"))).toBe(serial);
  });
  it.each(vectors.invalid)("invalid: $why ($serial)", ({ serial }) => {
    expect(isValidSerial(serial)).toBe(false);
  });
});

describe("certificate-format.md §4.1: which Ed25519 signatures verify", () => {
  type Vector = { name: string; publicKey: string; message: string; signature: string; asli: string; openssl: string };
  const vectors = jsonBlock<Vector[]>(doc, "ed25519-edge-cases");
  const args = (v: Vector) => [Buffer.from(v.publicKey, "hex"), Buffer.from(v.message, "hex"), Buffer.from(v.signature, "hex")] as const;
  it.each(vectors)("$name: an Asli verifier says $asli", (v) => {
    expect(asliVerify(...args(v)) ? "accept" : "reject").toBe(v.asli);
  });
  it.each(vectors)("$name: node:crypto alone says $openssl (the openssl column)", (v) => {
    expect(opensslVerify(...args(v)) ? "accept" : "reject").toBe(v.openssl);
  });
  it("uses the messages the text names", () => {
    expect(Buffer.from(vectors[0]!.message, "hex").toString("latin1")).toBe("Asli Ed25519 edge case");
    expect(Buffer.from(vectors.find((v) => v.name === "a-order-8")!.message, "hex").toString("latin1")).toBe("Asli Ed25519 edge case 5");
  });
});

describe("certificate-format.md §2.4: reading the key set", () => {
  type Case = { case: string; entry: Record<string, unknown>; verdict: string };
  const cases = jsonBlock<Case[]>(doc, "key-set-entries");
  it.each(cases)("$case: $verdict", ({ entry, verdict }) => {
    const key: Record<string, unknown> = { ...jwk };
    for (const [member, value] of Object.entries(entry)) {
      if (value === null) delete key[member];
      else key[member] = value;
    }
    expect(verdictWithJwkSet(token, { keys: [key] })).toBe(verdict);
  });
});
