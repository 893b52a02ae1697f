// docs/credentials.md is a promise to verifiers. Part 1 recomputes its worked example with the
// implementation, reading the values out of the document. Part 2 verifies the example with
// independent verifiers (Digital Bazaar's vc, jose) that know only the document's own DID
// document and Asli context, plus the W3C's VC 2.0 context as every VC library bundles it.
/// <reference path="../../src/credentials/digitalbazaar.d.ts" />
import { readFileSync } from "node:fs";
import { contexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { verifyCredential } from "@digitalbazaar/vc";
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { fromHex, toBase64url } from "../../src/core/bytes.js";
import { signingKeyFromSeed } from "../../src/core/keys.js";
import { asliContextV1 } from "../../src/credentials/contexts/asli-v1.js";
import { certificateCredential } from "../../src/credentials/certificate-credential.js";
import { didDocument } from "../../src/credentials/did-document.js";
import { withDataIntegrityProof } from "../../src/credentials/secure-data-integrity.js";
import { envelopedJwt } from "../../src/credentials/secure-jwt.js";
import { statusListCredential } from "../../src/credentials/status-list-credential.js";
import type { CertificateView } from "../../src/service/verification.js";
import { decodeStatusBits } from "../support/credential-verifiers.js";

const doc = readFileSync(new URL("../../docs/credentials.md", import.meta.url), "utf8");
const format = readFileSync(new URL("../../docs/certificate-format.md", import.meta.url), "utf8");

function exampleBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const m of markdown.matchAll(/^```\w+ example=([a-z0-9-]+)\n([\s\S]*?)\n```$/gm)) {
    if (blocks.has(m[1]!)) throw new Error(`example=${m[1]} appears twice`);
    blocks.set(m[1]!, m[2]!);
  }
  return blocks;
}
const blocks = exampleBlocks(doc);
const block = (name: string) => {
  const text = blocks.get(name);
  if (text === undefined) throw new Error(`docs/credentials.md has no example=${name} block`);
  return text.trim();
};

// The worked example of certificate-format.md §11: the same key and token.
const SEED = exampleBlocks(format).get("private-key")!.trim();
const TOKEN = exampleBlocks(format).get("token")!.trim();
const ORIGIN = "https://asli.example";

async function example() {
  const key = await signingKeyFromSeed(fromHex(SEED));
  const view: CertificateView = {
    id: "AEBAGBAFAYDQQ",
    title: "Katan silk saree with zari buta",
    materials: ["mulberry silk", "zari"],
    madeOn: "2026-02-20",
    issuedAt: "2026-03-01T10:00:00.000Z",
    kid: key.kid,
    verifyUrl: `HTTPS://ASLI.EXAMPLE/V/${TOKEN}`,
    artisan: { id: 42, name: "Abdul Kalam Ansari", sellerName: "Kashi Handloom Cooperative", photoUrl: null },
    district: { code: 187, name: "Varanasi", division: "Varanasi" },
    product: { id: 103, name: "Banarasi Silk Saree", story: {} },
    craft: null,
    giTag: { id: 2, name: "Banaras Brocades and Sarees", applicationNumber: "99", story: {}, authorisedUserNumber: null },
  };
  return { key, credential: certificateCredential(view, { listNumber: 1, listIndex: 94567 }, ORIGIN) };
}

describe("docs/credentials.md worked example, recomputed", () => {
  it("has the credential, its Data Integrity proof and its JWT exactly as the implementation makes them", async () => {
    const { key, credential } = await example();
    expect(JSON.stringify(await withDataIntegrityProof(credential, key, ORIGIN), null, 2)).toBe(block("credential"));
    const jwt = await envelopedJwt(credential, key);
    expect(jwt).toBe(block("jwt"));
    expect(decodeProtectedHeader(jwt)).toEqual(JSON.parse(block("jwt-header")));
  });

  it("has the DID document and the Asli context the service serves for that host and key", async () => {
    const { key } = await example();
    const stored = { kid: key.kid, publicKey: toBase64url(key.publicKey), createdAt: 1_772_359_200, state: "active" as const, retiredAt: null, revokedAt: null, compromisedAt: null, revocationReason: null };
    expect(JSON.stringify(didDocument([stored], ORIGIN), null, 2)).toBe(block("did-document"));
    expect(JSON.stringify(asliContextV1(ORIGIN), null, 2)).toBe(block("asli-context"));
  });

  it("has the status list with exactly bit 94567 set, of 131,072", async () => {
    const documented = JSON.parse(block("status-list"));
    const made = statusListCredential({ purpose: "revocation", listNumber: 1, positions: [94567], encodedList: documented.credentialSubject.encodedList, sequence: 2, since: 1_772_359_260 }, ORIGIN);
    expect(documented).toEqual(made);
    const { length, set } = await decodeStatusBits(documented.credentialSubject.encodedList);
    expect(length).toBe(131_072);
    expect(set).toEqual([94567]);
  });
});

describe("docs/credentials.md worked example, verified from the document alone", () => {
  const didDoc = JSON.parse(block("did-document"));
  const documents = new Map<string, unknown>([...contexts, ["https://asli.example/contexts/asli/v1", JSON.parse(block("asli-context"))], ["did:web:asli.example", didDoc]]);
  for (const m of didDoc.verificationMethod) documents.set(m.id, { "@context": "https://w3id.org/security/multikey/v1", ...m });
  const documentLoader = async (url: string) => {
    if (!documents.has(url)) throw new Error(`the document does not give ${url}`);
    return { contextUrl: null, documentUrl: url, document: documents.get(url) };
  };
  const verifyDi = (credential: object) =>
    verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, checkStatus: async () => ({ verified: true }) });

  it("verifies the Data Integrity form with Digital Bazaar's vc, and refuses it with one field changed", async () => {
    const credential = JSON.parse(block("credential"));
    const result = await verifyDi(credential);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    credential.credentialSubject.geographicalIndication.applicationNumber = "100";
    expect((await verifyDi(credential)).verified).toBe(false);
  });

  it("verifies the vc+jwt form with jose, with the key its kid names in the DID document", async () => {
    const jwt = block("jwt");
    const { kid } = decodeProtectedHeader(jwt);
    const method = didDoc.verificationMethod.find((m: any) => m.id === kid);
    expect(didDoc.assertionMethod).toContain(kid);
    const key = await importJWK(method.publicKeyJwk, "EdDSA");
    const { payload } = await jwtVerify(jwt, key, { typ: "vc+jwt", issuer: "did:web:asli.example" });
    const { proof, ...credential } = JSON.parse(block("credential"));
    expect(proof).toBeDefined();
    expect(payload).toEqual({ ...credential, iss: credential.issuer, jti: credential.id, sub: credential.credentialSubject.id });
    const [header, , signature] = jwt.split(".");
    const changed = Buffer.from(JSON.stringify({ ...decodeJwt(jwt), name: "Something else" })).toString("base64url");
    await expect(jwtVerify([header, changed, signature].join("."), key)).rejects.toThrow(/signature verification failed/);
  });
});
