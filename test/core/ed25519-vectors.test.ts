// RFC 8032 §7.1 test vectors: WebCrypto (the hot path) and @noble/ed25519 (the strict
// reference) must produce and accept exactly the same bytes. Then the edge cases of
// docs/certificate-format.md §4.1, read out of the document: what Node's WebCrypto (OpenSSL) and
// noble do by themselves, and that Asli's two verifiers both give the document's answer.
import * as ed from "@noble/ed25519";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/core/bytes.js";
import { isPrimeOrderPublicKey, signingKeyFromSeed, verificationKey } from "../../src/core/keys.js";
import { docBlocks } from "../support/doc-blocks.js";
import { ED25519_EDGE_CASES, type Ed25519EdgeCase, rawWebCryptoVerdict } from "../support/ed25519-edge-cases.js";
import { nobleVerify, webCryptoSign, webCryptoVerify } from "../../src/core/signature.js";

const VECTORS = [
  {
    name: "TEST 1",
    secret: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    public: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    message: "",
    signature:
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
  },
  {
    name: "TEST 2",
    secret: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    public: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    message: "72",
    signature:
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
  },
  {
    name: "TEST 3",
    secret: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
    public: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    message: "af82",
    signature:
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
  },
  {
    name: "TEST SHA(abc)",
    secret: "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
    public: "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
    message:
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    signature:
      "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
  },
];

describe("RFC 8032 §7.1 vectors", () => {
  for (const v of VECTORS) {
    it(`${v.name}: both implementations derive, sign and verify identically`, async () => {
      const seed = fromHex(v.secret);
      const message = fromHex(v.message);
      const key = await signingKeyFromSeed(seed);

      expect(toHex(key.publicKey)).toBe(v.public);
      expect(toHex(await ed.getPublicKeyAsync(seed))).toBe(v.public);
      expect(toHex(await webCryptoSign(key, message))).toBe(v.signature);
      expect(toHex(await ed.signAsync(message, seed))).toBe(v.signature);

      const signature = fromHex(v.signature);
      expect(await webCryptoVerify(key, signature, message)).toBe(true);
      expect(await nobleVerify(key, signature, message)).toBe(true);

      const tampered = signature.slice();
      tampered[0]! ^= 1;
      expect(await webCryptoVerify(key, tampered, message)).toBe(false);
      expect(await nobleVerify(key, tampered, message)).toBe(false);
    });
  }

  it("both reject a signature whose S is not reduced (malleability), as RFC 8032 requires", async () => {
    const v = VECTORS[0]!;
    const key = await signingKeyFromSeed(fromHex(v.secret));
    const signature = fromHex(v.signature);
    // S + L, where L is the order of the base point: the same point equation, a different encoding.
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
    s += L;
    const malleated = signature.slice();
    for (let i = 32; i < 64; i++) {
      malleated[i] = Number(s & 0xffn);
      s >>= 8n;
    }
    expect(await nobleVerify(key, malleated, new Uint8Array())).toBe(false);
    expect(await webCryptoVerify(key, malleated, new Uint8Array())).toBe(false);
  });
});

const edgeCases = ED25519_EDGE_CASES(docBlocks(readFileSync(new URL("../../docs/certificate-format.md", import.meta.url), "utf8"), "docs/certificate-format.md"));

async function nobleAlone(v: Ed25519EdgeCase, zip215: boolean): Promise<"accept" | "reject"> {
  try {
    return (await ed.verifyAsync(fromHex(v.signature), fromHex(v.message), fromHex(v.publicKey), { zip215 })) ? "accept" : "reject";
  } catch {
    return "reject";
  }
}

/** Asli's verifiers: the key is refused when it is loaded (rule 1), then the signature is checked. */
async function asli(v: Ed25519EdgeCase, verify: typeof webCryptoVerify): Promise<"accept" | "reject"> {
  let key;
  try {
    key = await verificationKey(fromHex(v.publicKey));
  } catch {
    return "reject";
  }
  return (await verify(key, fromHex(v.signature), fromHex(v.message))) ? "accept" : "reject";
}

describe("docs/certificate-format.md §4.1 edge cases", () => {
  it("covers every rule: small-order, mixed-order and non-canonical keys, R and S", () => {
    expect(edgeCases.map((v) => v.name)).toEqual(expect.arrayContaining(["valid", "s-plus-l", "r-identity", "r-non-canonical", "r-torsion", "a-order-8", "a-identity", "a-non-canonical", "a-mixed-order"]));
  });

  for (const v of edgeCases) {
    it(`${v.name}: Asli ${v.asli}s it with WebCrypto and with the reference alike`, async () => {
      expect(await asli(v, webCryptoVerify)).toBe(v.asli);
      expect(await asli(v, nobleVerify)).toBe(v.asli);
    });

    it(`${v.name}: Node's WebCrypto (OpenSSL ${process.versions.openssl}) ${v.openssl}s it, noble strict ${v.noble}s, ZIP 215 ${v.zip215}s`, async () => {
      expect(await rawWebCryptoVerdict(v)).toBe(v.openssl);
      expect(await nobleAlone(v, false)).toBe(v.noble);
      expect(await nobleAlone(v, true)).toBe(v.zip215);
    });
  }

  it("is made as the document says", () => {
    const byName = new Map(edgeCases.map((v) => [v.name, v]));
    const point = (hex: string, zip215 = false) => ed.Point.fromBytes(fromHex(hex), zip215);
    const T = point(byName.get("a-order-8")!.publicKey);
    expect(T.multiply(8n, false).is0() && !T.multiply(4n, false).is0()).toBe(true);
    expect(point(byName.get("a-identity")!.publicKey).is0()).toBe(true);
    for (const name of ["a-non-canonical", "a-negative-zero"]) {
      expect(() => point(byName.get(name)!.publicKey), name).toThrow();
      expect(point(byName.get(name)!.publicKey, true).is0(), name).toBe(true);
    }
    const mixed = point(byName.get("a-mixed-order")!.publicKey);
    expect(mixed.isTorsionFree() || mixed.isSmallOrder()).toBe(false);
    expect(mixed.subtract(T).equals(point(byName.get("valid")!.publicKey))).toBe(true);
    const r = (name: string, zip215 = false) => point(byName.get(name)!.signature.slice(0, 64), zip215);
    expect(r("r-identity").is0()).toBe(true);
    expect(r("r-non-canonical", true).is0()).toBe(true);
    expect(r("r-torsion").isTorsionFree()).toBe(false);
    for (const v of edgeCases) expect(isPrimeOrderPublicKey(fromHex(v.publicKey)), v.name).toBe(v.name === "valid" || !v.name.startsWith("a-"));
  });
});
