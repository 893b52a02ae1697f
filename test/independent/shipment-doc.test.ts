// docs/shipment-format.md, checked with a verifier written from that document alone
// (test/independent/lib/shipment.ts): the worked example of §8 built up from its tokens, then
// refused in every tampered form. The example key is RFC 8032 TEST 1 (docs/certificate-format.md
// §11), whose seed is published, so the tests can also sign headers that are wrong in one field
// and check that §3's rules, not only the signature, refuse them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { block, hexBlock, jsonBlock, readDoc } from "./lib/doc-blocks";
import { signWithSeed } from "./lib/ed25519";
import { base32Decode, base32Encode, sha256 } from "./lib/encoding";
import {
  SHIPMENT_CONTEXT, auditPath, encodeHeader, entryOf, merkleRoot, parseHeader, proveTag, verifyManifest, type ManifestResult,
} from "./lib/shipment";
import { leafHash, nodeHash } from "./lib/tlog";
import { CERT_CONTEXT, keyTagOf, kidOf, readJwkSet, trustedKey } from "./lib/token";

const doc = readDoc("shipment-format.md");
const certDoc = readDoc("certificate-format.md");
const seed = hexBlock(certDoc, "private-key");
const jwk = jsonBlock<Record<string, string>>(certDoc, "jwk");
const keys = [trustedKey(jwk.x!, "active")!];
const lines = (name: string) => block(doc, name).split("\n").filter((l) => l.trim() !== "");

const tokens = lines("tokens");
const manifestText = block(doc, "manifest");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const manifest = () => JSON.parse(manifestText) as Json;
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const exampleHeader = hexBlock(doc, "header");
const verify = (file: Json | string, k = keys): ManifestResult => verifyManifest(typeof file === "string" ? file : JSON.stringify(file), k);
const refusal = (r: ManifestResult) => (r.ok ? "accepted" : r.error);

/** A manifest signed with the example key over `header` (the tests' own, for wrong fields). */
function signed(header: Buffer, items: Json[] = manifest().items): Json {
  return { ...manifest(), header: b64(header), signature: b64(signWithSeed(seed, Buffer.concat([SHIPMENT_CONTEXT, header]))), items };
}

describe("shipment-format.md §8: the worked example", () => {
  const tokenBytes = tokens.map((t) => base32Decode(t, 91)!);
  const entries = tokenBytes.map((b) => entryOf(b.subarray(5, 13), sha256(b)));
  const leaves = entries.map(leafHash);

  it("derives the entries, leaves and root from the tokens", () => {
    expect(tokens).toHaveLength(3);
    expect(tokenBytes.every((b) => b !== null)).toBe(true);
    expect(tokenBytes.map((b) => b.subarray(5, 13).toString("hex"))).toEqual(["0102030405060701", "0102030405060702", "0102030405060703"]);
    expect(entries.map((e) => e.toString("hex"))).toEqual(lines("entries"));
    expect(leaves.map((l) => l.toString("hex"))).toEqual(lines("leaves"));
    const root = merkleRoot(leaves);
    expect(root).toEqual(hexBlock(doc, "root"));
    expect(root).toEqual(nodeHash(nodeHash(leaves[0]!, leaves[1]!), leaves[2]!));
  });

  it("reads the header's fields as the prose says, and builds the same bytes from them", () => {
    const h = parseHeader(exampleHeader);
    if (typeof h === "string") throw new Error(h);
    expect(h.keyTag).toEqual(keyTagOf(jwk.x!));
    expect(h.keyTag.toString("hex")).toBe("90facafe");
    expect(h.shipmentIdBytes.toString("hex")).toBe("0001020304050607");
    expect(h.shipmentId).toBe("AAAQEAYEAUDAO");
    expect(h.sealedAt).toBe(Date.parse("2026-03-08T10:00:00Z") / 1000);
    expect(h.sealedAt).toBe(1772964000);
    expect(h).toMatchObject({ consigneeCountry: "AE", itemCount: 3, exporter: "Bhadohi Carpet Exports", reference: "INV-2026-0042" });
    expect(h.root).toEqual(hexBlock(doc, "root"));
    expect(encodeHeader(h)).toEqual(exampleHeader);
  });

  it("signs the domain-separated message with the example key", () => {
    expect(SHIPMENT_CONTEXT.toString("hex")).toBe("41534c492d534849504d454e542d563100");
    expect(SHIPMENT_CONTEXT).toHaveLength(17);
    const signature = signWithSeed(seed, Buffer.concat([SHIPMENT_CONTEXT, exampleHeader]));
    expect(signature).toEqual(hexBlock(doc, "signature"));
  });

  it("has the file of §8: header, signature, items and proofs as computed, hints as §6 shows them", () => {
    const m = manifest();
    expect(m).toMatchObject({ type: "asli-shipment-manifest", version: 1, issuer: "https://asli.example" });
    expect(m.kid).toBe(kidOf(jwk.x!));
    expect(m.url).toBe(`HTTPS://ASLI.EXAMPLE/S/${base32Encode(Buffer.from("0001020304050607", "hex"))}`);
    expect(m.header).toBe(b64(exampleHeader));
    expect(m.signature).toBe(b64(hexBlock(doc, "signature")));
    expect(m.items).toEqual(
      tokenBytes.map((b, i) => ({
        index: i,
        certificate: base32Encode(b.subarray(5, 13)),
        tokenSha256: sha256(b).toString("hex"),
        proof: auditPath(i, leaves).map(b64),
      })),
    );
    // The prose under the file.
    expect(m.items[2].proof).toEqual([b64(nodeHash(leaves[0]!, leaves[1]!))]);
    expect(m.items[0].proof).toEqual([b64(leaves[1]!), b64(leaves[2]!)]);
  });

  it("verifies (§7 steps 1–8) with the example key from a JWK Set", () => {
    const result = verifyManifest(Buffer.from(manifestText, "utf8"), readJwkSet({ keys: [jwk] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.complete).toBe(true);
    expect(result.manifest.key.kid).toBe(jwk.kid);
    expect(result.manifest.items.map((i) => i.certificate)).toEqual(["AEBAGBAFAYDQC", "AEBAGBAFAYDQE", "AEBAGBAFAYDQG"]);
  });

  it("proves that each of the three tags belongs, as a token or a verify URL", () => {
    const result = verify(manifest());
    if (!result.ok) throw new Error(result.detail);
    tokens.forEach((t, i) => {
      expect(proveTag(result.manifest, t, keys)).toMatchObject({ belongs: true, item: { index: i } });
      expect(proveTag(result.manifest, `https://asli.example/v/${t.toLowerCase()}`, keys)).toMatchObject({ belongs: true });
    });
  });

  it("tells a tag that was not shipped: another serial, or the same serial in another token", () => {
    const result = verify(manifest());
    if (!result.ok) throw new Error(result.detail);
    const payload = Buffer.from(base32Decode(tokens[0]!, 91)!.subarray(0, 27));
    const reissue = (p: Buffer) => base32Encode(Buffer.concat([p, signWithSeed(seed, Buffer.concat([CERT_CONTEXT, p]))]));
    const sameSerialLater = Buffer.from(payload);
    sameSerialLater.writeUInt32BE(payload.readUInt32BE(13) + 1, 13); // issued a second later
    expect(proveTag(result.manifest, reissue(sameSerialLater), keys)).toEqual({ belongs: false, why: "different-token" });
    const otherSerial = Buffer.from(payload);
    otherSerial[12] = 0x09;
    expect(proveTag(result.manifest, reissue(otherSerial), keys)).toEqual({ belongs: false, why: "not-listed" });
    const forged = base32Decode(tokens[1]!, 91)!;
    forged[90]! ^= 1;
    expect(proveTag(result.manifest, base32Encode(forged), keys)).toEqual({ belongs: false, why: "bad-signature" });
    expect(proveTag(result.manifest, "not a tag", keys)).toEqual({ belongs: false, why: "not-a-token" });
  });

  it("accepts a file of one item (§6, ?certificate=ID), each proof on its own", () => {
    for (const i of [0, 1, 2]) {
      const result = verify({ ...manifest(), items: [manifest().items[i]] });
      expect(result).toMatchObject({ ok: true, manifest: { complete: false } });
    }
    // Two of three, in either order: not complete, so step 7 does not apply; step 8 does.
    expect(verify({ ...manifest(), items: [manifest().items[2], manifest().items[0]] }).ok).toBe(true);
    const wrong = manifest().items[1];
    wrong.proof = manifest().items[0].proof;
    expect(refusal(verify({ ...manifest(), items: [wrong] }))).toBe("bad-proof");
  });

  it("ignores unknown members and the unsigned hints, and a leading U+FEFF", () => {
    const m: Json = { ...manifest(), issuer: "https://elsewhere.example", url: "HTTPS://X/S/AAAAAAAAAAAAA", kid: "nonsense", extra: [1] };
    m.items = m.items.map((i: Json) => ({ ...i, note: "ignored" }));
    expect(verify(m).ok).toBe(true);
    expect(verify(`\ufeff${manifestText}`).ok).toBe(true);
    expect(verifyManifest(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(manifestText)]), keys).ok).toBe(true);
  });
});

describe("shipment-format.md §7: what is refused, at which step", () => {
  it("refuses another type, another version, and what is not a JSON object (step 1)", () => {
    expect(refusal(verify({ ...manifest(), type: "asli-trust-bundle" }))).toBe("malformed");
    expect(refusal(verify({ ...manifest(), version: 2 }))).toBe("unsupported-version");
    expect(refusal(verify({ ...manifest(), version: "1" }))).toBe("malformed");
    expect(refusal(verify("[]"))).toBe("malformed");
    expect(refusal(verify(manifestText.slice(0, -1)))).toBe("malformed"); // truncated
    expect(refusal(verify(`${manifestText}x`))).toBe("malformed"); // trailing bytes
    expect(refusal(verifyManifest(Buffer.concat([Buffer.from(manifestText), Buffer.from([0xff])]), keys))).toBe("malformed");
  });

  it("refuses header and signature that are not canonical base64url, or of the wrong length (step 2)", () => {
    const m = manifest();
    const sig = hexBlock(doc, "signature");
    for (const bad of [
      { signature: `${m.signature}=` },
      { signature: Buffer.from(sig).toString("base64") }, // + and /, padded
      { signature: m.signature.slice(0, -1) + "R" }, // last character's fill bits (…CQ → …CR)
      { signature: b64(sig.subarray(0, 63)) },
      { signature: b64(Buffer.concat([sig, Buffer.from([0])])) },
      { header: `${m.header}=` },
      { header: b64(exampleHeader.subarray(0, 63)) },
      { header: 42 },
    ]) expect(refusal(verify({ ...m, ...bad }))).toBe("malformed");
    const v2 = Buffer.from(exampleHeader);
    v2[0] = 0x02;
    expect(refusal(verify(signed(v2)))).toBe("malformed");
  });

  it("looks keys up by the header's key tag, not by the kid hint (step 3)", () => {
    expect(refusal(verify(manifest(), []))).toBe("unknown-key");
    const test2 = readJwkSet({ keys: [{ kty: "OKP", crv: "Ed25519", x: "PUAXw-hDiVqStwqnTRt-vJyYLM8uxJaMwM1V8Sr0Zgw" }] });
    expect(test2).toHaveLength(1);
    expect(refusal(verify(manifest(), test2))).toBe("unknown-key");
    expect(verify({ ...manifest(), kid: test2[0]!.kid }).ok).toBe(true);
  });

  it("refuses a signature over another context, or over the header without one (step 4)", () => {
    const m = manifest();
    for (const message of [Buffer.concat([CERT_CONTEXT, exampleHeader]), exampleHeader, Buffer.concat([Buffer.from("ASLI-SHIPMENT-V1"), exampleHeader])])
      expect(refusal(verify({ ...m, signature: b64(signWithSeed(seed, message)) }))).toBe("bad-signature");
  });

  it("flipping any bit of the signature or the header is refused", () => {
    const sig = hexBlock(doc, "signature");
    for (let i = 0; i < sig.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const s = Buffer.from(sig);
        s[i]! ^= bit;
        expect(refusal(verify({ ...manifest(), signature: b64(s) }))).toBe("bad-signature");
      }
    }
    for (let i = 0; i < exampleHeader.length; i++) {
      const h = Buffer.from(exampleHeader);
      h[i]! ^= 0x01;
      const expected = i === 0 ? "malformed" : i <= 4 ? "unknown-key" : "bad-signature";
      expect(refusal(verify({ ...manifest(), header: b64(h) })), `header byte ${i}`).toBe(expected);
    }
  });

  it("refuses a signed header that breaks §3 (step 5)", () => {
    const fields = parseHeader(exampleHeader);
    if (typeof fields === "string") throw new Error(fields);
    const raw = (edit: (h: Buffer) => Buffer) => edit(Buffer.from(exampleHeader));
    const cases: [string, Buffer][] = [
      ["a byte after the reference", Buffer.concat([exampleHeader, Buffer.from([0])])],
      ["itemCount 0", raw((h) => (h.writeUInt32BE(0, 23), h))],
      ["a lower-case country", encodeHeader({ ...fields, consigneeCountry: "ae" })],
      ["a country that is a digit", encodeHeader({ ...fields, consigneeCountry: "A1" })],
      ["sealedAt 2^53", raw((h) => (h.writeBigUInt64BE(2n ** 53n, 13), h))],
      ["an empty exporter", encodeHeader({ ...fields, exporter: "" })],
      ["an exporter of 1001 bytes", encodeHeader({ ...fields, exporter: "x".repeat(1001) })],
      ["a reference of 1001 bytes", encodeHeader({ ...fields, reference: "x".repeat(1001) })],
      ["an exporter starting with U+FEFF", encodeHeader({ ...fields, exporter: "\ufeffBhadohi" })],
      ["a reference starting with U+FEFF", encodeHeader({ ...fields, reference: "\ufeffINV" })],
      ["an exporter that is not UTF-8", raw((h) => (h[61] = 0xc3, h))],
      ["a reference that is not UTF-8 (a lone surrogate)", Buffer.concat([exampleHeader.subarray(0, -15), Buffer.from([0x00, 0x03, 0xed, 0xa0, 0x80])])],
      ["a reference length past the end", raw((h) => (h.writeUInt16BE(14, h.length - 15), h))],
      ["no reference length", exampleHeader.subarray(0, -15)],
    ];
    for (const [what, header] of cases) {
      const result = verify(signed(header));
      expect(result, what).toMatchObject({ ok: false, error: "malformed", step: header.length < 64 ? 2 : 5 });
    }
    // The limits themselves are fine (§3): 1000-byte texts, sealedAt 2^53 - 1, no reference.
    for (const ok of [
      encodeHeader({ ...fields, exporter: "x".repeat(1000), reference: "y".repeat(1000) }),
      raw((h) => (h.writeBigUInt64BE(2n ** 53n - 1n, 13), h)),
      encodeHeader({ ...fields, reference: null }),
      encodeHeader({ ...fields, exporter: "भदोही कालीन निर्यात" }),
    ]) expect(verify(signed(ok)).ok).toBe(true);
  });

  it("a header of 64 bytes, the smallest §3 allows, verifies although step 2 says 65 (SHIPMENT-NOTES.md, point 1)", () => {
    const fields = parseHeader(exampleHeader);
    if (typeof fields === "string") throw new Error(fields);
    const shortest = encodeHeader({ ...fields, exporter: "X", reference: null });
    expect(shortest).toHaveLength(64);
    expect(parseHeader(shortest)).toMatchObject({ exporter: "X", reference: null });
    expect(verify(signed(shortest))).toMatchObject({ ok: true, manifest: { header: { exporter: "X", reference: null } } });
    expect(verify(signed(shortest.subarray(0, 63)))).toMatchObject({ ok: false, error: "malformed", step: 2 });
  });

  it("refuses items that break step 6", () => {
    const item = (i: number) => manifest().items[i] as Json;
    const with_ = (changes: Json) => ({ ...item(1), ...changes });
    const cases: [string, unknown][] = [
      ["no items", []],
      ["items not a list", { 0: item(0) }],
      ["more items than itemCount", [item(0), item(1), item(2), { ...item(2), index: 3, certificate: "AEBAGBAFAYDQI" }]],
      ["an item that is not an object", [item(0), "x", item(2)]],
      ["an index out of range", [with_({ index: 3 })]],
      ["a negative index", [with_({ index: -1 })]],
      ["a fractional index", [with_({ index: 0.5 })]],
      ["an index as text", [with_({ index: "1" })]],
      ["no index", [(({ index: _, ...rest }) => rest)(item(1))]],
      ["an invalid serial", [with_({ certificate: "AEBAGBAFAYDQD" })]],
      ["a lower-case serial", [with_({ certificate: "aebagbafaydqe" })]],
      ["upper-case hex", [with_({ tokenSha256: item(1).tokenSha256.toUpperCase() })]],
      ["a short hash", [with_({ tokenSha256: item(1).tokenSha256.slice(2) })]],
      ["a proof that is not a list", [with_({ proof: item(1).proof[0] })]],
      ["a proof hash of 31 bytes", [with_({ proof: [b64(Buffer.alloc(31)), item(1).proof[1]] })]],
      ["a proof hash in padded base64", [with_({ proof: [`${item(1).proof[0]}=`, item(1).proof[1]] })]],
      ["a proof of 65 hashes", [with_({ proof: Array(65).fill(item(1).proof[0]) })]],
      ["an index twice", [item(0), { ...item(1), index: 0 }]],
      ["a certificate twice", [item(0), { ...item(1), certificate: item(0).certificate }]],
    ];
    for (const [what, items] of cases) expect(verify({ ...manifest(), items }), what).toMatchObject({ ok: false, error: "malformed", step: 6 });
  });

  it("refuses a complete file whose items are out of order, or whose leaves do not give the root (step 7)", () => {
    const [a, b, c] = manifest().items as Json[];
    expect(verify({ ...manifest(), items: [b, a, c] })).toMatchObject({ ok: false, error: "malformed", step: 7 });
    // Reordered with the indexes renumbered: the tree changes.
    expect(verify({ ...manifest(), items: [{ ...b, index: 0 }, { ...a, index: 1 }, c] })).toMatchObject({ ok: false, error: "bad-root", step: 7 });
    // A tokenSha256 or certificate changed in any digit: another leaf, so another root.
    for (let i = 0; i < 3; i++) {
      for (let d = 0; d < 64; d++) {
        const items = manifest().items as Json[];
        const h = items[i]!.tokenSha256 as string;
        items[i]!.tokenSha256 = h.slice(0, d) + (h[d] === "0" ? "1" : "0") + h.slice(d + 1);
        expect(verify({ ...manifest(), items }), `item ${i} digit ${d}`).toMatchObject({ ok: false, error: "bad-root" });
      }
    }
    const items = manifest().items as Json[];
    items[1]!.certificate = "AEBAGBAFAYDQI";
    expect(refusal(verify({ ...manifest(), items }))).toBe("bad-root");
  });

  it("refuses any proof changed in any bit, shortened, lengthened or moved (step 8)", () => {
    for (let i = 0; i < 3; i++) {
      const proof = (manifest().items[i].proof as string[]).map((p) => Buffer.from(p, "base64url"));
      const tries: Buffer[][] = [proof.slice(1), proof.slice(0, -1), [...proof, proof[0]!], [...proof].reverse()];
      for (let j = 0; j < proof.length; j++) {
        for (let byte = 0; byte < 32; byte++) {
          const p = proof.map((h) => Buffer.from(h));
          p[j]![byte]! ^= 1 << (byte % 8);
          tries.push(p);
        }
      }
      for (const t of tries) {
        const items = manifest().items as Json[];
        items[i]!.proof = t.map(b64);
        if (t.length === proof.length && t.every((h, k) => h.equals(proof[k]!))) continue; // a reversal of one
        expect(verify({ ...manifest(), items })).toMatchObject({ ok: false, error: "bad-proof", step: 8 });
        expect(verify({ ...manifest(), items: [items[i]] })).toMatchObject({ ok: false, error: "bad-proof", step: 8 });
      }
    }
  });

  it("does not trust a manifest sealed at or after its key's compromise (§2)", () => {
    const entry = (compromisedAt: string | undefined) =>
      readJwkSet({ keys: [{ ...jwk, state: "revoked", ...(compromisedAt ? { compromisedAt } : {}) }] });
    expect(refusal(verify(manifest(), entry("2026-03-08T10:00:00.000Z")))).toBe("key-compromised");
    expect(refusal(verify(manifest(), entry("2026-03-01T00:00:00.000Z")))).toBe("key-compromised");
    expect(refusal(verify(manifest(), entry(undefined)))).toBe("key-compromised");
    expect(verify(manifest(), entry("2026-03-08T10:00:01.000Z")).ok).toBe(true);
    expect(verify(manifest(), readJwkSet({ keys: [{ ...jwk, state: "retired", retiredAt: "2026-01-01T00:00:00.000Z" }] })).ok).toBe(true);
  });
});

describe("properties", () => {
  const original = verify(manifest());
  if (!original.ok) throw new Error(original.detail);
  const signedContent = (r: ManifestResult) => (r.ok ? JSON.stringify({ h: r.manifest.header, i: r.manifest.items }) : null);
  const bytes = Buffer.from(manifestText, "utf8");
  const headerAt = manifestText.indexOf(manifest().header);
  const signatureAt = manifestText.indexOf(manifest().signature);

  it("a file changed in any one byte is refused, or verifies to exactly the signed content (only hints and layout may change)", () => {
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const changed = Buffer.from(bytes);
        changed[at]! ^= xor;
        const result = verifyManifest(changed, keys);
        if (result.ok) expect(signedContent(result)).toBe(signedContent(original));
        const inSigned = (at >= headerAt && at < headerAt + manifest().header.length) || (at >= signatureAt && at < signatureAt + manifest().signature.length);
        if (inSigned) expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("a header or signature changed in any bytes is refused", () => {
    const sig = hexBlock(doc, "signature");
    fc.assert(
      fc.property(fc.boolean(), fc.uniqueArray(fc.nat(200), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 255 }), (inHeader, spots, xor) => {
        const target = Buffer.from(inHeader ? exampleHeader : sig);
        for (const s of spots) target[s % target.length]! ^= xor;
        if (target.equals(inHeader ? exampleHeader : sig)) return; // two flips of one byte
        const m = { ...manifest(), [inHeader ? "header" : "signature"]: b64(target) };
        expect(verify(m).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("shipments of 1 to 70 random items verify, with each item alone; a dropped or swapped item is refused", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uint8Array({ minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 70, selector: (s) => b64(s) }), fc.nat(), (serials, pick) => {
        const items = serials.map((s, i) => {
          const hash = sha256(Buffer.from(s), Buffer.from([i]));
          return { serial: Buffer.from(s), hash, leaf: leafHash(entryOf(s, hash)) };
        });
        const leaves = items.map((i) => i.leaf);
        const fields = parseHeader(exampleHeader) as Exclude<ReturnType<typeof parseHeader>, string>;
        const header = encodeHeader({ ...fields, itemCount: items.length, root: merkleRoot(leaves) });
        const fileItems = items.map((it, i) => ({ index: i, certificate: base32Encode(it.serial), tokenSha256: it.hash.toString("hex"), proof: auditPath(i, leaves).map(b64) }));
        const m = signed(header, fileItems);
        expect(verify(m).ok).toBe(true);
        const k = pick % items.length;
        expect(verify({ ...m, items: [fileItems[k]] }).ok).toBe(true);
        if (items.length > 1) {
          expect(verify({ ...m, items: fileItems.filter((_, i) => i !== k) }).ok).toBe(true); // not complete: each proof stands
          const j = (k + 1) % items.length;
          const swapped = fileItems.map((it, i) => (i === k ? { ...fileItems[j]!, index: k } : i === j ? { ...fileItems[k]!, index: j } : it));
          expect(verify({ ...m, items: swapped }).ok).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
