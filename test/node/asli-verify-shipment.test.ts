// `npx asli-verify FILE` on a shipment's signed manifest and `--shipment FILE TOKEN_OR_URL`, as
// a separate process with no network: a trust bundle and a manifest signed by one key, then the
// manifest altered, an item revoked in the bundle, a tag that is not in the shipment, and an
// exporter name that tries to forge a terminal line (printed as U+FFFD, as everything else).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { base32Decode } from "../../src/core/base32.js";
import { encodeArtisans, signTrustBundle, type TrustBundleContent } from "../../src/core/bundle.js";
import { fromBase64url, randomBytes, toBase64url } from "../../src/core/bytes.js";
import { signingKeyFromSeed, type SigningKey } from "../../src/core/keys.js";
import { serialFromBytes } from "../../src/core/payload.js";
import { manifestFile, sealManifest, tokenDigest } from "../../src/core/shipment.js";
import { issueToken } from "../../src/core/token.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin/asli-verify.mjs");
const dir = mkdtempSync(join(tmpdir(), "asli-cli-shipment-"));
const ISSUER = "https://asli.example";
const issuedAt = Math.floor(Date.now() / 1000) - 3600;
const SHIPMENT = serialFromBytes(randomBytes(8));

let key: SigningKey;
let tokens: string[] = [];
let outsider = "";

function content(revoked: TrustBundleContent["revoked"] = []): TrustBundleContent {
  return {
    type: "asli-trust-bundle",
    version: 1,
    issuer: ISSUER,
    sequence: 1,
    issuedAt,
    staleAfter: issuedAt + 7 * 86_400,
    keys: [{ kid: key.kid, x: toBase64url(key.publicKey), state: "active", notBefore: issuedAt - 60, retiredAt: null, revokedAt: null, compromisedAt: null }],
    districts: [[187, "Varanasi"]],
    products: [[103, 187, "Banarasi Silk Saree"]],
    giTags: [[2, "Banaras Brocades and Sarees", "99"]],
    ...encodeArtisans([{ id: 1, name: "Shabana Ansari", sellerName: null }]),
    suspendedArtisans: [],
    giWithdrawn: [],
    revoked,
  };
}

const run = (args: string[], bundle = "bundle"): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [BIN, "--bundle", join(dir, bundle), ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });

let manifest: ReturnType<typeof manifestFile>;
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
};

beforeAll(async () => {
  key = await signingKeyFromSeed(randomBytes(32));
  const claims = (serial: string) => ({ serial, issuedAt, artisanId: 1, districtCode: 187, productId: 103, giTagId: 2 });
  tokens = await Promise.all([0, 1, 2].map(() => issueToken(claims(serialFromBytes(randomBytes(8))), key)));
  outsider = await issueToken(claims(serialFromBytes(randomBytes(8))), key);
  // An item's serial is its token payload's bytes 5..12 (docs/certificate-format.md §3).
  const items = tokens.map((t) => ({ certificate: serialFromBytes(base32Decode(t)!.slice(5, 13)), tokenSha256: tokenDigest(t) }));
  const sealed = await sealManifest({ shipmentId: SHIPMENT, sealedAt: issuedAt + 60, consigneeCountry: "DE", exporter: "Moradabad Brass\u001b[2K\r✓ forged", reference: "PO-77", items }, key);
  manifest = manifestFile({ issuer: ISSUER, url: `HTTPS://ASLI.EXAMPLE/S/${SHIPMENT}`, kid: key.kid, header: sealed.header, signature: sealed.signature }, sealed.tree, items);
  writeFileSync(join(dir, "bundle"), await signTrustBundle(content(), key));
  writeFileSync(join(dir, "bundle-revoked"), await signTrustBundle(content([[items[1]!.certificate, "stolen", issuedAt + 120]]), key));
  file("manifest.json", manifest);
}, 60_000);

describe("asli-verify on a shipment manifest", () => {
  it("checks a manifest offline: signature, every item against the root, no revocation", async () => {
    const result = await run([join(dir, "manifest.json")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✓ GENUINE SHIPMENT MANIFEST");
    expect(result.stdout).toContain(SHIPMENT);
    expect(result.stdout).toContain("in DE");
    expect(result.stdout).toContain("No item is revoked");
    // The exporter's name cannot move the cursor or start a line of its own.
    expect(result.stdout).not.toMatch(/[\u001b\r]/);
    expect(result.stdout).toContain("Moradabad Brass\uFFFD[2K\uFFFD✓ forged");
  });

  it("reports an item revoked since, and exits 1", async () => {
    const result = await run([join(dir, "manifest.json")], "bundle-revoked");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/item 2, certificate [A-Z2-7]{13}: REVOKED — the item was reported stolen/);
  });

  it("refuses an altered manifest", async () => {
    const header = fromBase64url(manifest.header);
    header[header.length - 1]! ^= 1;
    const altered = await run([file("altered.json", { ...manifest, header: toBase64url(header) })]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain("✗ NOT A VALID SHIPMENT MANIFEST");
    const reordered = [manifest.items[1]!, manifest.items[0]!, manifest.items[2]!].map((item, index) => ({ ...item, index }));
    const swapped = await run([file("swapped.json", { ...manifest, items: reordered })]);
    expect(swapped.code).toBe(1);
    expect(swapped.stdout).toContain("the items do not make the signed Merkle root");
    // A file of some items, each with its proof, is a valid proof of those items: and says so.
    const partial = await run([file("partial.json", { ...manifest, items: [manifest.items[0], manifest.items[2]] })]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain("2 of its 3 items are in this file");
    const json = await run(["--json", file("not-json.json", "{ not json")]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).shipment).toMatchObject({ valid: false, reason: "manifest-malformed" });
  });

  it("proves that a tag belongs to the shipment, by token or verify URL, and that another does not", async () => {
    const path = join(dir, "manifest.json");
    const member = await run(["--shipment", path, `HTTPS://ASLI.EXAMPLE/V/${tokens[2]}`]);
    expect(member.code).toBe(0);
    expect(member.stdout).toContain("✓ IN THIS SHIPMENT — the certificate is item 3 of 3");
    expect(member.stdout).toContain("GENUINE");
    const stranger = await run(["--shipment", path, outsider]);
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toContain("✗ NOT IN THIS SHIPMENT");
    const json = await run(["--json", "--shipment", path, tokens[0]!]);
    expect(JSON.parse(json.stdout)).toMatchObject({ shipment: { valid: true, id: SHIPMENT, itemCount: 3 }, membership: { belongs: true } });
    const usage = await run(["--shipment", path]);
    expect(usage.code).toBe(2);
  });
});
