// docs/trust-bundle.md is a promise to offline verifiers, as docs/certificate-format.md is to
// verifiers of tokens. This test reads its example content and its vectors out of the document:
// each changed bundle is written by a writer made from the document's sections 2 and 3 (node:zlib,
// noble), not by the service's, and opened and used by the reference (src/core/bundle.ts).
import * as ed from "@noble/ed25519";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { indexTrustBundle, issuerOrigin, openTrustBundle, sameIssuer, TrustBundleError, verifyOffline } from "../../src/core/bundle.js";
import { nobleVerify, webCryptoVerify } from "../../src/core/signature.js";
import { docBlocks } from "../support/doc-blocks.js";

const read = (name: string) => docBlocks(readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8"), `docs/${name}`);
const doc = read("trust-bundle.md");
const token = read("certificate-format.md").text("example=token");

// RFC 8032 §7.1 TEST 1 (the example's key) and TEST 2: published test keys.
const SEEDS: Record<string, string> = {
  example: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
  "TEST 2": "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
};

type Path = (string | number)[];
interface Change {
  case: string;
  set?: [Path, unknown][];
  append?: [Path, unknown][];
  signer?: string;
}

function changed(change: Change): Record<string, unknown> {
  const content = structuredClone(doc.json<Record<string, unknown>>("example=content"));
  const at = (path: Path) => path.reduce<any>((node, step) => node[step], content);
  for (const [path, value] of change.set ?? []) {
    const parent = at(path.slice(0, -1));
    if (value === null && !Array.isArray(parent)) delete parent[path.at(-1)!];
    else parent[path.at(-1)!] = value;
  }
  for (const [path, value] of change.append ?? []) at(path).push(value);
  return content;
}

/** Sections 2 and 3: magic, version, signer key, body length, gzip body, Ed25519 over the context and all that. */
async function writeBundle(content: unknown, signer = "example"): Promise<Uint8Array> {
  const seed = Buffer.from(SEEDS[signer]!, "hex");
  const body = gzipSync(JSON.stringify(content));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const signed = Buffer.concat([Buffer.from("ASLITB"), Buffer.from([1]), await ed.getPublicKeyAsync(seed), length, body]);
  const signature = await ed.signAsync(Buffer.concat([Buffer.from("ASLI-BUNDLE-V1\0"), signed]), seed);
  return Buffer.concat([signed, signature]);
}

async function openCode(bytes: Uint8Array): Promise<string> {
  try {
    await openTrustBundle(bytes);
    return "opened";
  } catch (error) {
    if (error instanceof TrustBundleError) return error.code;
    throw error;
  }
}

describe("docs/trust-bundle.md §5: the rules for opening a bundle", () => {
  const cases = doc.json<(Change & { expect: string })[]>("vector=bundle-content");

  it("opens the example content, signed by its key, as the document shows it", async () => {
    const opened = await openTrustBundle(await writeBundle(changed({ case: "as is" })));
    expect(opened.content).toEqual(doc.json("example=content"));
    expect(opened.signer.kid).toBe("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
  });

  for (const c of cases) {
    it(`${c.case}: ${c.expect}`, async () => {
      expect(await openCode(await writeBundle(changed(c), c.signer))).toBe(c.expect);
    });
  }
});

describe("docs/trust-bundle.md §5 step 2: the signer's key", () => {
  it("refuses a bundle whose header names the identity point, for which WebCrypto verifies anything", async () => {
    // R = the identity, S = 0: under the identity key the cofactorless equation holds for every message.
    const identity = Buffer.from("0100000000000000000000000000000000000000000000000000000000000000", "hex");
    const kid = createHash("sha256").update(`{"crv":"Ed25519","kty":"OKP","x":"${identity.toString("base64url")}"}`).digest("base64url");
    const content = changed({ case: "forged", set: [[["keys", 0, "kid"], kid], [["keys", 0, "x"], identity.toString("base64url")]] });
    const body = gzipSync(JSON.stringify(content));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const forged = Buffer.concat([Buffer.from("ASLITB"), Buffer.from([1]), identity, length, body, identity, Buffer.alloc(32)]);
    for (const verify of [webCryptoVerify, nobleVerify]) {
      await expect(openTrustBundle(forged, verify)).rejects.toMatchObject({ code: "bundle-bad-signature" });
    }
  });
});

describe("docs/trust-bundle.md §6.1: the issuer's origin", () => {
  const cases = doc.json<{ given: string; issuer: string; same: boolean }[]>("vector=issuer-origins");

  for (const c of cases) {
    it(`${c.given} ${c.same ? "is" : "is not"} the issuer ${c.issuer}`, () => {
      expect(issuerOrigin(c.issuer)).toBe(c.issuer); // every issuer in the table is in normal form
      expect(sameIssuer(c.given, c.issuer)).toBe(c.same);
      expect(sameIssuer(c.issuer, c.given)).toBe(c.same);
    });
  }
});

describe("docs/trust-bundle.md §7: verifying the token spec's example offline", () => {
  const cases = doc.json<(Change & { expect: { status: string; reason?: string; giTag?: number | null } })[]>("vector=offline-verdicts");

  for (const c of cases) {
    it(`${c.case}: ${c.expect.status}${c.expect.reason ? ` (${c.expect.reason})` : ""}`, async () => {
      const { content } = await openTrustBundle(await writeBundle(changed(c), c.signer));
      const verdict = await verifyOffline(token, await indexTrustBundle(content));
      expect(verdict.status).toBe(c.expect.status);
      if (verdict.status === "invalid") {
        expect(verdict.reason).toBe(c.expect.reason);
        return;
      }
      expect(verdict.certificate.giTag?.id ?? null).toBe(c.expect.giTag);
      expect(verdict.certificate.withdrawnGiClaim !== null).toBe(c.expect.giTag === null);
      expect(verdict.certificate.artisan).toEqual({ id: 42, name: "Ramesh Kumar", sellerName: "Kashi Handloom Cooperative" });
    });
  }
});
