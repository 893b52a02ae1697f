// docs/credentials.md §8, checked with a verifier written from §2–§5 alone (lib/credentials.ts):
// the DID document's keys, the Data Integrity proof (eddsa-rdfc-2022, our own hashing and Ed25519
// over jsonld's RDFC-1.0), the vc+jwt (jose for the JWS), and the status list's bits.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  base58btcEncode, canonize, decodeStatusList, didWebOf, documentLoader, issuerKeys, setBits, statusBit, statusEntries, verifyDataIntegrity,
  verifyVcJwt, type Json,
} from "./lib/credentials";
import { signWithSeed } from "./lib/ed25519";
import { block, hexBlock, jsonBlock, readDoc } from "./lib/doc-blocks";

const doc = readDoc("credentials.md");
const cert = readDoc("certificate-format.md");
const ORIGIN = "https://asli.example";
const DID = "did:web:asli.example";
const credential = jsonBlock<Json>(doc, "credential");
const didDocument = jsonBlock<Json>(doc, "did-document");
const asliContext = jsonBlock<Json>(doc, "asli-context");
const statusList = jsonBlock<Json>(doc, "status-list");
const jwt = block(doc, "jwt").trim();
const loader = documentLoader({ [`${ORIGIN}/contexts/asli/v1`]: asliContext });
const keys = issuerKeys(didDocument, DID);
const clone = (o: Json): Json => JSON.parse(JSON.stringify(o));

describe("credentials.md §4 and §8: the DID document", () => {
  it("names the worked example's key (certificate-format.md §11) twice, as §4's table says", () => {
    expect(keys).toHaveLength(1);
    expect(keys[0]!.publicKey.toString("hex")).toBe(hexBlock(cert, "public-key").toString("hex"));
    expect(keys[0]!.kid).toBe(block(cert, "kid").trim());
    expect(keys[0]!.kid).toBe("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"); // as §8's prose says
  });

  it("makes did:web as §4 says, a port's colon percent-encoded", () => {
    expect(didWebOf(ORIGIN)).toBe(DID);
    expect(didWebOf("http://localhost:8787")).toBe("did:web:localhost%3A8787");
    expect(didWebOf("https://Asli.Example/some/path")).toBe(DID); // only the origin counts
  });

  it("refuses a DID document whose Multikey and JWK disagree", () => {
    const bad = clone(didDocument);
    bad.verificationMethod[1].publicKeyJwk.x = "A".repeat(42) + "A";
    expect(() => issuerKeys(bad, DID)).toThrow();
    const notAsserted = clone(didDocument);
    notAsserted.assertionMethod.pop();
    expect(() => issuerKeys(notAsserted, DID)).toThrow();
  });
});

describe("credentials.md §2 and §8: the credential", () => {
  it("says what §2.1 says, about the token of certificate-format.md §11", () => {
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", `${ORIGIN}/contexts/asli/v1`]);
    expect(credential.id).toBe(`${ORIGIN}/api/v1/certificates/AEBAGBAFAYDQQ/credential`);
    expect(credential.type).toEqual(["VerifiableCredential", "CertificateCredential"]);
    expect(credential.issuer).toBe(DID);
    expect(credential.credentialSubject.id).toBe(block(cert, "url").trim());
    expect(credential.credentialSubject.serialNumber).toBe(jsonBlock<Json>(cert, "claims").serial);
    expect(credential.validFrom).toBe("2026-03-01T10:00:00Z");
    expect(statusEntries(credential, ORIGIN)).toEqual({ list: 1, index: 94567 });
  });

  it("carries a Data Integrity proof that our eddsa-rdfc-2022 verifier accepts", async () => {
    const result = await verifyDataIntegrity(credential, keys, loader);
    expect(result).toEqual({ ok: true, key: keys[0] });
  });

  it("is the proof our own signer makes with the TEST 1 seed: deterministic, as §2.2 says", async () => {
    // Sign the two hashes ourselves; Ed25519 is deterministic, so the proofValue must be the doc's.
    const { proof, ...unsecured } = credential;
    const { proofValue, ...options } = proof;
    const canon = (d: Json) => canonize(d, loader);
    const h = (t: string) => createHash("sha256").update(t).digest();
    const message = Buffer.concat([h(await canon({ "@context": unsecured["@context"], ...options })), h(await canon(unsecured))]);
    expect(`z${base58btcEncode(signWithSeed(hexBlock(cert, "private-key"), message))}`).toBe(proofValue);
  });

  it.each([
    ["the title", (c: Json) => (c.credentialSubject.name += " ")],
    ["the artisan", (c: Json) => (c.credentialSubject.manufacturer.registryId = 43)],
    ["a status index", (c: Json) => (c.credentialStatus[1].statusListIndex = "94568")],
    ["the issue time", (c: Json) => (c.validFrom = "2026-03-01T10:00:01Z")],
    ["the proof's purpose", (c: Json) => (c.proof.proofPurpose = "authentication")],
    ["one signature byte", (c: Json) => (c.proof.proofValue = c.proof.proofValue.slice(0, -2) + (c.proof.proofValue.endsWith("tt") ? "tu" : "tt"))],
    ["an undefined term (refused, not dropped)", (c: Json) => (c.credentialSubject.colour = "red")],
  ])("refuses the Data Integrity form with %s changed", async (_, change) => {
    const tampered = clone(credential);
    change(tampered);
    expect((await verifyDataIntegrity(tampered, keys, loader)).ok).toBe(false);
  });

  it("refuses a proof by a key the DID document does not list", async () => {
    const tampered = clone(credential);
    tampered.proof.verificationMethod = `${DID}#${"A".repeat(43)}-multikey`;
    expect((await verifyDataIntegrity(tampered, keys, loader)).ok).toBe(false);
  });

  it("canonicalizes against the Asli context of §8 only: a loader with another context fails", async () => {
    const other = clone(asliContext);
    other["@context"].registryId = `${ORIGIN}/contexts/asli/v1#otherId`;
    const otherLoader = documentLoader({ [`${ORIGIN}/contexts/asli/v1`]: other });
    expect((await verifyDataIntegrity(credential, keys, otherLoader)).ok).toBe(false);
  });
});

describe("credentials.md §2.4 and §8: the vc+jwt", () => {
  it("has the protected header of §8 and verifies with jose against the DID document's JWK", async () => {
    const header = JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString("utf8"));
    expect(header).toEqual(jsonBlock(doc, "jwt-header"));
    const result = await verifyVcJwt(jwt, keys);
    if (!result.ok) throw new Error(result.why);
    const { proof: _proof, ...unsecured } = credential;
    expect(result.credential).toEqual(unsecured); // the same credential, without proof
  });

  it("refuses it with one payload byte or one signature byte changed, or under another kid", async () => {
    const [h, p, s] = jwt.split(".") as [string, string, string];
    const payload = Buffer.from(p, "base64url");
    payload[payload.indexOf("Katan")] = "k".charCodeAt(0);
    expect((await verifyVcJwt(`${h}.${payload.toString("base64url")}.${s}`, keys)).ok).toBe(false);
    const sig = Buffer.from(s, "base64url");
    sig[10]! ^= 1;
    expect((await verifyVcJwt(`${h}.${p}.${sig.toString("base64url")}`, keys)).ok).toBe(false);
    const otherKid = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(h, "base64url").toString()), kid: `${DID}#x` })).toString("base64url");
    expect((await verifyVcJwt(`${otherKid}.${p}.${s}`, keys)).ok).toBe(false);
  });
});

describe("credentials.md §5 and §8: the status list", () => {
  it("has 131,072 bits with only bit 94567 set, most significant bit first", () => {
    expect(statusList.credentialSubject).toMatchObject({ id: `${ORIGIN}/credentials/status/revocation/1#list`, type: "BitstringStatusList", statusPurpose: "revocation", ttl: 300000 });
    expect(statusList.issuer).toBe(credential.issuer);
    const bits = decodeStatusList(statusList.credentialSubject.encodedList);
    expect(setBits(bits)).toEqual([94567]);
    expect(bits[Math.floor(94567 / 8)]).toBe(1 << (7 - (94567 % 8)));
    expect(statusBit(bits, 94567)).toBe(1);
  });

  it("refuses an encodedList without the multibase prefix or of another length", async () => {
    expect(() => decodeStatusList(statusList.credentialSubject.encodedList.slice(1))).toThrow();
    const { gzipSync } = await import("node:zlib");
    expect(() => decodeStatusList(`u${gzipSync(Buffer.alloc(1024)).toString("base64url")}`)).toThrow();
  });
});

describe("credentials.md §11: the shipment credential of §11.5", () => {
  const shipment = jsonBlock<Json>(doc, "shipment-credential");
  const shipmentJwt = block(doc, "shipment-jwt").trim();
  const shipmentLoader = documentLoader({ [`${ORIGIN}/contexts/asli/shipment/v1`]: jsonBlock<Json>(doc, "shipment-context") });
  const manifest = jsonBlock<Json>(readDoc("shipment-format.md"), "manifest");

  it("carries a Data Integrity proof that our verifier accepts, and the same credential as vc+jwt", async () => {
    expect(shipment.type).toEqual(["VerifiableCredential", "ShipmentCredential"]);
    expect(await verifyDataIntegrity(shipment, keys, shipmentLoader)).toEqual({ ok: true, key: keys[0] });
    const result = await verifyVcJwt(shipmentJwt, keys);
    if (!result.ok) throw new Error(result.why);
    const { proof: _proof, ...unsecured } = shipment;
    expect(result.credential).toEqual(unsecured);
  });

  it.each([
    ["two items swapped (the list is ordered)", (c: Json) => c.credentialSubject.itemCredentials.reverse()],
    ["the root", (c: Json) => (c.credentialSubject.merkleRoot = "f".repeat(64))],
    ["the item count", (c: Json) => (c.credentialSubject.itemCount = 4)],
  ])("refuses the Data Integrity form with %s changed", async (_, change) => {
    const tampered = clone(shipment);
    change(tampered);
    expect((await verifyDataIntegrity(tampered, keys, shipmentLoader)).ok).toBe(false);
  });

  it("restates the signed header of shipment-format.md §8 and lists its items, as §11.2 and §11.4 say", () => {
    const header = Buffer.from(manifest.header, "base64url");
    const subject = shipment.credentialSubject;
    expect(subject.id).toBe(manifest.url);
    expect(header.subarray(27, 59).toString("hex")).toBe(subject.merkleRoot);
    expect(header.readUInt32BE(23)).toBe(subject.itemCount);
    expect(header.subarray(21, 23).toString("ascii")).toBe(subject.consigneeCountry);
    expect(Number(header.readBigUInt64BE(13))).toBe(Date.parse(subject.sealedAt) / 1000);
    expect(shipment.validFrom).toBe(subject.sealedAt);
    expect(subject.itemCredentials).toEqual(manifest.items.map((i: Json) => `${ORIGIN}/api/v1/certificates/${i.certificate}/credential`));
  });
});
