// docs/certificate-format.md §4.1 inside workerd: its WebCrypto (BoringSSL) by itself, and the
// server's verify path on Workers (the key checked when loaded, then WebCrypto), read out of
// the document. The same vectors run under Node in test/core/ed25519-vectors.test.ts.
import { describe, expect, it } from "vitest";
import doc from "../../docs/certificate-format.md?raw";
import { fromHex } from "../../src/core/bytes.js";
import { verificationKey } from "../../src/core/keys.js";
import { webCryptoVerify } from "../../src/core/signature.js";
import { docBlocks } from "../support/doc-blocks.js";
import { ED25519_EDGE_CASES, rawWebCryptoVerdict } from "../support/ed25519-edge-cases.js";

const edgeCases = ED25519_EDGE_CASES(docBlocks(doc, "docs/certificate-format.md"));

describe("Ed25519 edge cases in workerd", () => {
  it("reads all of them from the document", () => {
    expect(edgeCases.length).toBeGreaterThanOrEqual(9);
  });

  for (const v of edgeCases) {
    it(`${v.name}: workerd's WebCrypto ${v.boringssl}s it; the server's path ${v.asli}s it`, async () => {
      expect(await rawWebCryptoVerdict(v)).toBe(v.boringssl);
      let verdict: "accept" | "reject" = "reject";
      try {
        const key = await verificationKey(fromHex(v.publicKey));
        verdict = (await webCryptoVerify(key, fromHex(v.signature), fromHex(v.message))) ? "accept" : "reject";
      } catch {
        // A key that no Asli verifier trusts.
      }
      expect(verdict).toBe(v.asli);
    });
  }
});
