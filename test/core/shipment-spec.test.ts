// docs/shipment-format.md's worked example, read out of the document: recomputed independently
// (node:crypto's SHA-256 and Ed25519, the hashing rules written in the document) and by
// src/core/shipment.ts, so that neither the code nor the document can drift from the other.
import { createHash, createPublicKey, verify as ed25519Verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { base32Decode } from "../../src/core/base32.js";
import { fromBase64url, fromHex, toBase64url, toHex } from "../../src/core/bytes.js";
import { Keyring, signingKeyFromSeed } from "../../src/core/keys.js";
import { serialFromBytes } from "../../src/core/payload.js";
import { checkItem, manifestFile, sealManifest, tokenDigest, verifyManifest } from "../../src/core/shipment.js";
import { issueToken } from "../../src/core/token.js";
import { docBlocks } from "../support/doc-blocks.js";

const doc = docBlocks(readFileSync(new URL("../../docs/shipment-format.md", import.meta.url), "utf8"), "docs/shipment-format.md");
const lines = (label: string) => doc.text(label).split("\n").map((l) => l.trim());
const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

describe("docs/shipment-format.md worked example", () => {
  it("hashes the items and builds the tree as the document says", () => {
    const tokens = lines("example=tokens");
    const entries = lines("example=entries");
    const leaves = lines("example=leaves");
    expect(tokens).toHaveLength(3);
    tokens.forEach((token, i) => {
      const bytes = Buffer.from(base32Decode(token)!);
      expect(bytes.length).toBe(91);
      expect(entries[i]).toBe(bytes.subarray(5, 13).toString("hex") + sha256(bytes).toString("hex"));
      expect(leaves[i]).toBe(sha256(Buffer.from([0]), Buffer.from(entries[i]!, "hex")).toString("hex"));
    });
    const [l0, l1, l2] = leaves.map((l) => Buffer.from(l, "hex"));
    const one = Buffer.from([1]);
    expect(doc.text("example=root")).toBe(sha256(one, sha256(one, l0!, l1!), l2!).toString("hex"));
  });

  it("signs the header under its own context, as node:crypto's Ed25519 confirms", async () => {
    const header = Buffer.from(doc.text("example=header").replace(/\s+/g, ""), "hex");
    expect(header.subarray(27, 59).toString("hex")).toBe(doc.text("example=root"));
    expect(header.subarray(21, 23).toString("ascii")).toBe("AE");
    const key = await signingKeyFromSeed(fromHex(SEED));
    const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: toBase64url(key.publicKey) }, format: "jwk" });
    const message = Buffer.concat([Buffer.from("ASLI-SHIPMENT-V1\0", "ascii"), header]);
    expect(ed25519Verify(null, message, publicKey, Buffer.from(doc.text("example=signature"), "hex"))).toBe(true);
    expect(ed25519Verify(null, header, publicKey, Buffer.from(doc.text("example=signature"), "hex"))).toBe(false);
  });

  it("is what the implementation produces, and the file verifies with every item", async () => {
    const key = await signingKeyFromSeed(fromHex(SEED));
    const tokens = lines("example=tokens");
    const serials = [1, 2, 3].map((i) => serialFromBytes(fromHex(`010203040506070${i}`)));
    for (const [i, serial] of serials.entries()) {
      expect(await issueToken({ serial, issuedAt: 1772359200, artisanId: 42, districtCode: 187, productId: 103, giTagId: 2 }, key)).toBe(tokens[i]);
    }
    const items = tokens.map((t, i) => ({ certificate: serials[i]!, tokenSha256: tokenDigest(t) }));
    const sealed = await sealManifest({ shipmentId: serialFromBytes(fromHex("0001020304050607")), sealedAt: 1772964000, consigneeCountry: "AE", exporter: "Bhadohi Carpet Exports", reference: "INV-2026-0042", items }, key);
    expect(toHex(sealed.header)).toBe(doc.text("example=header").replace(/\s+/g, ""));
    expect(toHex(sealed.signature)).toBe(doc.text("example=signature"));
    const file = doc.json<ReturnType<typeof manifestFile>>("example=manifest");
    expect(manifestFile({ issuer: file.issuer, url: file.url, kid: key.kid, header: sealed.header, signature: sealed.signature }, sealed.tree, items)).toEqual(file);
    expect(toHex(fromBase64url(file.header))).toBe(toHex(sealed.header));

    const verified = await verifyManifest(doc.text("example=manifest"), new Keyring([key]));
    expect(verified.complete).toBe(true);
    expect(tokens.map((t) => checkItem(verified, t))).toEqual([0, 1, 2].map((index) => ({ belongs: true, index })));
  });
});
