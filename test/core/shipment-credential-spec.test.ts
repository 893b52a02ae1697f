// docs/credentials.md §11.5, the shipment credential's worked example. Part 1 rebuilds it with the
// implementation from the signed header of docs/shipment-format.md §8 and the test key of
// certificate-format.md §11. Part 2 verifies it with independent verifiers (Digital Bazaar's vc,
// jose) that know only the document's DID document (§8) and shipment context (§11.5), plus the
// W3C's VC 2.0 context as every VC library bundles it; and ties it to §8's signed manifest.
/// <reference path="../../src/credentials/digitalbazaar.d.ts" />
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { contexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { verifyCredential } from "@digitalbazaar/vc";
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { fromHex } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { decodeShipmentHeader } from "../../src/core/shipment.js";
import { asliShipmentContextV1 } from "../../src/credentials/contexts/asli-shipment-v1.js";
import { withDataIntegrityProof } from "../../src/credentials/secure-data-integrity.js";
import { envelopedJwt } from "../../src/credentials/secure-jwt.js";
import { shipmentCredential } from "../../src/credentials/shipment-credential.js";
import { docBlocks } from "../support/doc-blocks.js";

const read = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");
const doc = docBlocks(read("credentials.md"), "docs/credentials.md");
const shipmentDoc = docBlocks(read("shipment-format.md"), "docs/shipment-format.md");
const SEED = docBlocks(read("certificate-format.md"), "docs/certificate-format.md").text("example=private-key");
const ORIGIN = "https://asli.example";
const HEADER = shipmentDoc.text("example=header").replace(/\s+/g, "");
const MANIFEST = shipmentDoc.json<{ header: string; items: { certificate: string; tokenSha256: string }[] }>("example=manifest");

async function example() {
  const key = await signingKeyFromSeed(fromHex(SEED));
  const items = MANIFEST.items.map((item) => item.certificate);
  return { key, credential: shipmentCredential(decodeShipmentHeader(fromHex(HEADER)), items, ORIGIN) };
}

describe("docs/credentials.md §11.5 worked example, recomputed", () => {
  it("has the credential, its Data Integrity proof and its JWT exactly as the implementation makes them", async () => {
    const { key, credential } = await example();
    expect(JSON.stringify(await withDataIntegrityProof(credential, key, ORIGIN), null, 2)).toBe(doc.text("example=shipment-credential"));
    const jwt = await envelopedJwt(credential, key);
    expect(jwt).toBe(doc.text("example=shipment-jwt"));
    expect(decodeProtectedHeader(jwt)).toEqual(doc.json("example=jwt-header"));
  });

  it("has the shipment context the service serves for that host", () => {
    expect(JSON.stringify(asliShipmentContextV1(ORIGIN), null, 2)).toBe(doc.text("example=shipment-context"));
  });

  it("refuses to build a credential whose items do not match the header's count", async () => {
    const header = decodeShipmentHeader(fromHex(HEADER));
    expect(() => shipmentCredential(header, ["AEBAGBAFAYDQC"], ORIGIN)).toThrow(RangeError);
  });
});

describe("docs/credentials.md §11.5 worked example, verified from the documents alone", () => {
  const didDoc = doc.json<any>("example=did-document");
  const documents = new Map<string, unknown>([...contexts, [`${ORIGIN}/contexts/asli/shipment/v1`, doc.json("example=shipment-context")], ["did:web:asli.example", didDoc]]);
  for (const m of didDoc.verificationMethod) documents.set(m.id, { "@context": "https://w3id.org/security/multikey/v1", ...m });
  const documentLoader = async (url: string) => {
    if (!documents.has(url)) throw new Error(`the document does not give ${url}`);
    return { contextUrl: null, documentUrl: url, document: documents.get(url) };
  };
  const verifyDi = (credential: object) => verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, checkStatus: async () => ({ verified: true }) });

  it("verifies the Data Integrity form with Digital Bazaar's vc, and refuses it with an item or the root changed", async () => {
    const credential = doc.json<any>("example=shipment-credential");
    const result = await verifyDi(credential);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    const item = structuredClone(credential);
    item.credentialSubject.itemCredentials[0] = item.credentialSubject.itemCredentials[0].replace("AEBAGBAFAYDQC", "AEBAGBAFAYDQI");
    expect((await verifyDi(item)).verified).toBe(false);
    const root = structuredClone(credential);
    root.credentialSubject.merkleRoot = "0".repeat(64);
    expect((await verifyDi(root)).verified).toBe(false);
  });

  it("verifies the vc+jwt form with jose, with the key its kid names in the DID document", async () => {
    const jwt = doc.text("example=shipment-jwt");
    const { kid } = decodeProtectedHeader(jwt);
    expect(didDoc.assertionMethod).toContain(kid);
    const key = await importJWK(didDoc.verificationMethod.find((m: any) => m.id === kid).publicKeyJwk, "EdDSA");
    const { payload } = await jwtVerify(jwt, key, { typ: "vc+jwt", issuer: "did:web:asli.example" });
    const { proof, ...credential } = doc.json<any>("example=shipment-credential");
    expect(proof).toBeDefined();
    expect(payload).toEqual({ ...credential, iss: credential.issuer, jti: credential.id, sub: credential.credentialSubject.id });
    const [header, , signature] = jwt.split(".");
    const changed = decodeJwt(jwt) as any;
    changed.credentialSubject.merkleRoot = "0".repeat(64);
    await expect(jwtVerify([header, Buffer.from(JSON.stringify(changed)).toString("base64url"), signature].join("."), key)).rejects.toThrow(/signature verification failed/);
  });

  it("says what shipment-format.md §8's signed manifest says, as §11.4 step 2 checks it", () => {
    const subject = doc.json<any>("example=shipment-credential").credentialSubject;
    const header = Buffer.from(MANIFEST.header, "base64url");
    expect(header.toString("hex")).toBe(HEADER);
    // §3: id at bytes 5–12, sealedAt 13–20, country 21–22, count 23–26, root 27–58, then the texts.
    expect(header.subarray(27, 59).toString("hex")).toBe(subject.merkleRoot);
    expect(header.readUInt32BE(23)).toBe(subject.itemCount);
    expect(header.subarray(21, 23).toString("ascii")).toBe(subject.consigneeCountry);
    expect(new Date(Number(header.readBigUInt64BE(13)) * 1000).toISOString().replace(".000Z", "Z")).toBe(subject.sealedAt);
    const exporterLength = header.readUInt16BE(59);
    expect(header.subarray(61, 61 + exporterLength).toString("utf8")).toBe(subject.exporter.name);
    expect(header.subarray(63 + exporterLength).toString("utf8")).toBe(subject.reference);
    expect(subject.itemCredentials).toEqual(MANIFEST.items.map((item) => `${ORIGIN}/api/v1/certificates/${item.certificate}/credential`));
    // And the root is the RFC 6962 tree hash of the items' leaves (§4), recomputed here.
    const sha = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
    const leaves = MANIFEST.items.map((item) => sha(Buffer.from([0]), serialBytes(item.certificate), Buffer.from(item.tokenSha256, "hex")));
    const one = Buffer.from([1]);
    expect(sha(one, sha(one, leaves[0]!, leaves[1]!), leaves[2]!).toString("hex")).toBe(subject.merkleRoot);
  });
});

/** A 13-character serial's 8 bytes (RFC 4648 base32, one unused bit). */
function serialBytes(serial: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0n;
  for (const ch of serial) bits = (bits << 5n) | BigInt(alphabet.indexOf(ch));
  bits >>= 1n;
  return Buffer.from(Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(8 * (7 - i))) & 0xffn)));
}
