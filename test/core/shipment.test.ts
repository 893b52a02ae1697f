// src/core/shipment.ts: the signed shipment manifest (docs/shipment-format.md). The Merkle tree
// is merkle.ts's, tested against the RFC 6962 / RFC 9162 vectors in merkle.test.ts; here the
// same reference vectors pass through the manifest's own tree and proof check, and then the
// manifest's header, its domain-separated signature, and the file parser under fast-check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Decode } from "../../src/core/base32.js";
import { BUNDLE_SIGNING_CONTEXT_V1 } from "../../src/core/bundle.js";
import { concatBytes, fromBase64url, fromHex, randomBytes, toBase64url, toHex } from "../../src/core/bytes.js";
import { Keyring, signingKeyFromSeed } from "../../src/core/keys.js";
import { leafHash, MerkleTree, rootFromInclusionProof, verifyInclusion } from "../../src/core/merkle.js";
import { serialFromBytes, type CertificateClaims } from "../../src/core/payload.js";
import { sha256Sync } from "../../src/core/sha256.js";
import {
  checkItem,
  decodeShipmentHeader,
  encodeShipmentHeader,
  itemEntry,
  itemTree,
  ManifestError,
  manifestFile,
  sealManifest,
  SHIPMENT_SIGNING_CONTEXT_V1,
  shipmentIdFromUrl,
  shipmentSignedMessage,
  shipmentUrl,
  tokenDigest,
  verifyManifest,
  type ManifestItem,
} from "../../src/core/shipment.js";
import { nobleVerify, webCryptoSign } from "../../src/core/signature.js";
import { issueToken, SIGNING_CONTEXT_V1, verifyToken } from "../../src/core/token.js";

const T0 = 1_772_359_200; // 2026-03-01T10:00:00Z
const key = await signingKeyFromSeed(fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
const stranger = await signingKeyFromSeed(fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
const keyring = new Keyring([key]);

const claims = (serial: string): CertificateClaims => ({ serial, issuedAt: T0 - 3600, artisanId: 1, districtCode: 187, productId: 103, giTagId: 2 });

async function certifiedItems(n: number): Promise<{ tokens: string[]; items: ManifestItem[] }> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) tokens.push(await issueToken(claims(serialFromBytes(randomBytes(8))), key));
  return { tokens, items: tokens.map((t) => ({ certificate: serialOf(t), tokenSha256: tokenDigest(t) })) };
}

async function serialOfAsync(token: string): Promise<string> {
  const verdict = await verifyToken(token, keyring);
  if (!verdict.valid) throw new Error("test token does not verify");
  return verdict.claims.serial;
}
// A token's serial is bytes 5..12 of its payload (docs/certificate-format.md); checked against the verifier below.
const base32 = (t: string) => base32Decode(t)!;
const serialOf = (token: string) => serialFromBytes(base32(token).slice(5, 13));

const SHIPMENT_ID = "AAAQEAYEAUDAO"; // bytes 00 01 02 03 04 05 06 07

async function sealedFile(n: number, overrides: { reference?: string | null } = {}) {
  const { tokens, items } = await certifiedItems(n);
  const sealed = await sealManifest({ shipmentId: SHIPMENT_ID, sealedAt: T0, consigneeCountry: "AE", exporter: "Bhadohi Carpet Exports", reference: "reference" in overrides ? overrides.reference! : "INV-2026-0042", items }, key);
  const file = manifestFile({ issuer: "https://asli.example", url: "HTTPS://ASLI.EXAMPLE/S/" + SHIPMENT_ID, kid: key.kid, header: sealed.header, signature: sealed.signature }, sealed.tree, items);
  return { tokens, items, sealed, file };
}

// transparency-dev/merkle proof/verify_test.go (RFC 6962 §2.1 hashing; the RFC 9162 §2.1.3 proofs).
const LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(fromHex);
const ROOT_8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
const PROOF_LEAF_1_OF_8 = ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"];

describe("the manifest's Merkle tree is RFC 6962's", () => {
  it("gives the reference root and proofs for the reference leaves", () => {
    const tree = new MerkleTree(LEAVES.map(leafHash));
    expect(toHex(tree.root())).toBe(ROOT_8);
    expect(tree.inclusionProof(0).map(toHex)).toEqual(PROOF_LEAF_1_OF_8);
    expect(verifyInclusion(0, 8, leafHash(LEAVES[0]!), PROOF_LEAF_1_OF_8.map(fromHex), fromHex(ROOT_8))).toBe(true);
  });

  it("hashes an item as a leaf of its 40-byte entry: serial bytes, then the token's SHA-256", async () => {
    const { tokens, items } = await certifiedItems(3);
    for (const [i, item] of items.entries()) {
      expect(item.certificate).toBe(await serialOfAsync(tokens[i]!));
      const entry = itemEntry(item.certificate, item.tokenSha256);
      expect(entry.length).toBe(40);
      expect(toHex(entry)).toBe(toHex(base32(tokens[i]!).slice(5, 13)) + toHex(sha256Sync(base32(tokens[i]!))));
      expect(toHex(leafHash(entry))).toBe(toHex(sha256Sync(concatBytes(new Uint8Array([0]), entry))));
    }
    const tree = itemTree(items);
    expect(toHex(tree.root())).toBe(toHex(new MerkleTree(items.map((i) => leafHash(itemEntry(i.certificate, i.tokenSha256)))).root()));
  });

  it("gives every item of every size up to 40 a proof that leads to the root, and only there", async () => {
    const { items } = await certifiedItems(40);
    for (let n = 1; n <= 40; n++) {
      const tree = itemTree(items.slice(0, n));
      for (let i = 0; i < n; i++) {
        const leaf = leafHash(itemEntry(items[i]!.certificate, items[i]!.tokenSha256));
        const proof = tree.inclusionProof(i);
        expect(toHex(rootFromInclusionProof(i, n, leaf, proof)!)).toBe(toHex(tree.root()));
        if (n > 1) expect(verifyInclusion((i + 1) % n, n, leaf, proof, tree.root())).toBe(false);
      }
    }
  });
});

describe("the header and its signature", () => {
  it("round-trips every field", async () => {
    const { sealed } = await sealedFile(3);
    const header = decodeShipmentHeader(sealed.header);
    expect(header).toMatchObject({ version: 1, shipmentId: SHIPMENT_ID, sealedAt: T0, consigneeCountry: "AE", itemCount: 3, exporter: "Bhadohi Carpet Exports", reference: "INV-2026-0042" });
    expect(toHex(header.keyTag)).toBe(toHex(key.keyTag));
    expect(toHex(header.root)).toBe(toHex(sealed.tree.root()));
    const { sealed: noReference } = await sealedFile(1, { reference: null });
    expect(decodeShipmentHeader(noReference.header).reference).toBeNull();
  });

  it("signs a context of its own, which no certificate or bundle shares", async () => {
    expect(new TextDecoder().decode(SHIPMENT_SIGNING_CONTEXT_V1)).toBe("ASLI-SHIPMENT-V1\0");
    for (const other of [SIGNING_CONTEXT_V1, BUNDLE_SIGNING_CONTEXT_V1]) {
      const n = Math.min(other.length, SHIPMENT_SIGNING_CONTEXT_V1.length);
      // Neither context is a prefix of the other, so no message of one kind is a message of another.
      expect(toHex(other.slice(0, n))).not.toBe(toHex(SHIPMENT_SIGNING_CONTEXT_V1.slice(0, n)));
    }
    const { sealed } = await sealedFile(2);
    expect(await nobleVerify(key, sealed.signature, shipmentSignedMessage(sealed.header))).toBe(true);
    expect(await nobleVerify(key, sealed.signature, concatBytes(SIGNING_CONTEXT_V1, sealed.header))).toBe(false);
    expect(await nobleVerify(key, sealed.signature, concatBytes(BUNDLE_SIGNING_CONTEXT_V1, sealed.header))).toBe(false);
    expect(await nobleVerify(key, sealed.signature, sealed.header)).toBe(false);
  });

  it("refuses headers out of bounds", () => {
    const base = { keyTag: key.keyTag, shipmentId: SHIPMENT_ID, sealedAt: T0, consigneeCountry: "AE", itemCount: 1, root: new Uint8Array(32), exporter: "X", reference: null };
    expect(() => encodeShipmentHeader({ ...base, consigneeCountry: "ae" })).toThrow();
    expect(() => encodeShipmentHeader({ ...base, itemCount: 0 })).toThrow();
    expect(() => encodeShipmentHeader({ ...base, exporter: "" })).toThrow();
    expect(() => encodeShipmentHeader({ ...base, root: new Uint8Array(31) })).toThrow();
    const good = encodeShipmentHeader(base);
    expect(() => decodeShipmentHeader(concatBytes(good, new Uint8Array([0])))).toThrow();
    expect(() => decodeShipmentHeader(good.slice(0, good.length - 1))).toThrow();
  });
});

describe("verifying a manifest file", () => {
  it("accepts a sealed manifest, complete, with every item", async () => {
    const { file, items, tokens } = await sealedFile(7);
    const verified = await verifyManifest(JSON.stringify(file), keyring);
    expect(verified.complete).toBe(true);
    expect(verified.items.map((i) => i.certificate)).toEqual(items.map((i) => i.certificate));
    expect(verified.key.kid).toBe(key.kid);
    expect(checkItem(verified, tokens[4]!)).toEqual({ belongs: true, index: 4 });
    const outsider = await issueToken(claims(serialFromBytes(randomBytes(8))), key);
    expect(checkItem(verified, outsider)).toMatchObject({ belongs: false, reason: "not-listed" });
    // Another token with the same serial (a reprint signed anew) is not the one shipped.
    const twin = await issueToken({ ...claims(items[2]!.certificate), productId: 104 }, key);
    expect(checkItem(verified, twin)).toMatchObject({ belongs: false, reason: "token-differs" });
    expect(checkItem(verified, "NOT-A-TOKEN")).toMatchObject({ belongs: false, reason: "not-a-token" });
  });

  it("accepts a file of one item with its proof, and refuses the item moved or its proof cut", async () => {
    const { sealed, items, tokens } = await sealedFile(5);
    const one = manifestFile({ issuer: "https://asli.example", url: "u", kid: key.kid, header: sealed.header, signature: sealed.signature }, sealed.tree, items, [3]);
    const verified = await verifyManifest(JSON.stringify(one), keyring);
    expect(verified.complete).toBe(false);
    expect(checkItem(verified, tokens[3]!)).toEqual({ belongs: true, index: 3 });
    await expect(verifyManifest(JSON.stringify({ ...one, items: [{ ...one.items[0], index: 2 }] }), keyring)).rejects.toMatchObject({ code: "proof-invalid" });
    await expect(verifyManifest(JSON.stringify({ ...one, items: [{ ...one.items[0], proof: one.items[0]!.proof.slice(1) }] }), keyring)).rejects.toMatchObject({ code: "proof-invalid" });
  });

  it("refuses a file signed by an untrusted key, a changed header, and items that do not make the root", async () => {
    const { file, sealed } = await sealedFile(4);
    await expect(verifyManifest(JSON.stringify(file), new Keyring([stranger]))).rejects.toMatchObject({ code: "unknown-key" });
    const changed = sealed.header.slice();
    changed[changed.length - 1]! ^= 1;
    await expect(verifyManifest(JSON.stringify({ ...file, header: toBase64url(changed) }), keyring)).rejects.toMatchObject({ code: "bad-signature" });
    const forged = await webCryptoSign(stranger, shipmentSignedMessage(sealed.header));
    await expect(verifyManifest(JSON.stringify({ ...file, signature: toBase64url(forged) }), keyring)).rejects.toMatchObject({ code: "bad-signature" });
    const swapped = [file.items[1]!, file.items[0]!, ...file.items.slice(2)];
    await expect(verifyManifest(JSON.stringify({ ...file, items: swapped }), keyring)).rejects.toBeInstanceOf(ManifestError);
    const renumbered = swapped.map((item, index) => ({ ...item, index }));
    await expect(verifyManifest(JSON.stringify({ ...file, items: renumbered }), keyring)).rejects.toMatchObject({ code: "root-mismatch" });
    await expect(verifyManifest(JSON.stringify({ ...file, items: [...file.items, file.items[0]] }), keyring)).rejects.toMatchObject({ code: "count-mismatch" });
    await expect(verifyManifest(JSON.stringify({ ...file, items: [file.items[0], file.items[0]] }), keyring)).rejects.toMatchObject({ code: "duplicate-item" });
    await expect(verifyManifest(JSON.stringify({ ...file, version: 2 }), keyring)).rejects.toMatchObject({ code: "unsupported-version" });
  });

  // Property tests of the parser of outside input: whatever the file, the answer is a verified
  // manifest or a ManifestError, never another exception; and no change of the signed parts passes.
  it("answers any JSON value with a ManifestError, never another exception", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await expect(verifyManifest(JSON.stringify(value), keyring)).rejects.toBeInstanceOf(ManifestError);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        await expect(verifyManifest(text, keyring)).rejects.toBeInstanceOf(ManifestError);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses every file whose fields are replaced by arbitrary values, with a ManifestError", async () => {
    const { file } = await sealedFile(3);
    const fields = ["type", "version", "header", "signature", "items"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue(), async (field, value) => {
        fc.pre(JSON.stringify(value) !== JSON.stringify(file[field]));
        await expect(verifyManifest(JSON.stringify({ ...file, [field]: value }), keyring)).rejects.toBeInstanceOf(ManifestError);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every file in which one byte of the header, signature, an item or a proof hash is changed", async () => {
    const { file } = await sealedFile(6);
    const text = JSON.stringify(file);
    await expect(verifyManifest(text, keyring)).resolves.toBeDefined();
    const header = fromBase64url(file.header);
    const signature = fromBase64url(file.signature);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom("header", "signature", "token", "proof", "certificate"), async (at, flip, part) => {
        const copy = structuredClone(file);
        if (part === "header" || part === "signature") {
          const bytes = (part === "header" ? header : signature).slice();
          bytes[at % bytes.length]! ^= flip;
          copy[part] = toBase64url(bytes);
        } else {
          const item = copy.items[at % copy.items.length]!;
          if (part === "token") {
            const digest = fromHex(item.tokenSha256);
            digest[at % 32]! ^= flip;
            item.tokenSha256 = toHex(digest);
          } else if (part === "proof") {
            const hash = fromBase64url(item.proof[at % item.proof.length]!);
            hash[at % 32]! ^= flip;
            item.proof[at % item.proof.length] = toBase64url(hash);
          } else {
            item.certificate = serialFromBytes(randomBytes(8));
          }
        }
        await expect(verifyManifest(JSON.stringify(copy), keyring)).rejects.toBeInstanceOf(ManifestError);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the shipment URL", () => {
  it("is upper case for the QR's alphanumeric mode, and reads back in any case", () => {
    const url = shipmentUrl("https://asli.example/", SHIPMENT_ID);
    expect(url).toBe(`HTTPS://ASLI.EXAMPLE/S/${SHIPMENT_ID}`);
    expect(url).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(shipmentIdFromUrl(url)).toBe(SHIPMENT_ID);
    expect(shipmentIdFromUrl(`https://asli.example/s/${SHIPMENT_ID.toLowerCase()}?x=1`)).toBe(SHIPMENT_ID);
    expect(shipmentIdFromUrl("https://asli.example/v/" + SHIPMENT_ID)).toBeNull();
    expect(shipmentIdFromUrl("https://asli.example/s/AAAA")).toBeNull();
  });
});
