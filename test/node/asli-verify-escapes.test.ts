// The offline verifier prints nothing a terminal would run. Names in bundles from before the
// API refused control characters (and a bundle or server that means harm) can hold escape
// sequences, carriage returns and bidirectional controls; `npx asli-verify` prints them as
// U+FFFD, so no value can colour, erase or forge a line. --json keeps the values exact, as
// \u escapes. The CLI runs as a separate process, as in test/node/asli-verify.test.ts.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeArtisans, signTrustBundle, type TrustBundleContent } from "../../src/core/bundle.js";
import { randomBytes, toBase64url } from "../../src/core/bytes.js";
import { signingKeyFromSeed, type SigningKey } from "../../src/core/keys.js";
import { serialFromBytes } from "../../src/core/payload.js";
import { issueToken } from "../../src/core/token.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin/asli-verify.mjs");

const FORGED = "Honest Artisan\u001b[2K\r\u001b[32mGENUINE (forged line)\u001b[0m\u0007";
const SELLER = "Kashi Handloom\u009b31m Cooperative\u202e";
const DISTRICT = "Varanasi\r✓ GENUINE — all good\u2066";
const PRODUCT = "Banarasi Silk Saree\u001b]0;pwned\u0007";
const GI = "Banaras Brocades\n✓ GENUINE";
const APPLICATION = "99\u001b[8m";
const ISSUER = "http://127.0.0.1:1";
// The bundle format refuses an issuer that is not an origin in normal form, so an escape in the
// issuer never loads; the refusal that names it must still print nothing a terminal would run.
const FORGED_ISSUER = "http://127.0.0.1:1\u001b[1A";

/** What a terminal would act on: C0 controls but the line feed, DEL, C1 controls, bidirectional controls. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

const dir = mkdtempSync(join(tmpdir(), "asli-cli-escapes-"));
const bundlePath = join(dir, "trust-bundle");
const forgedIssuerPath = join(dir, "trust-bundle-forged-issuer");
let key: SigningKey;
let token = "";
let server: Server | undefined;
let forgedIssuerBundle: Uint8Array;

function content(issuer: string, issuedAt: number): TrustBundleContent {
  return {
    type: "asli-trust-bundle",
    version: 1,
    issuer,
    sequence: 1,
    issuedAt,
    staleAfter: issuedAt + 7 * 86_400,
    keys: [{ kid: key.kid, x: toBase64url(key.publicKey), state: "active", notBefore: issuedAt - 60, retiredAt: null, revokedAt: null, compromisedAt: null }],
    districts: [[187, DISTRICT]],
    products: [[103, 187, PRODUCT]],
    giTags: [[2, GI, APPLICATION]],
    ...encodeArtisans([{ id: 1, name: FORGED, sellerName: SELLER }]),
    suspendedArtisans: [],
    giWithdrawn: [],
    revoked: [],
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, bundle = bundlePath): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, "--bundle", bundle, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function expectNoTerminalControls(run: Run): void {
  for (const [stream, text] of [["stdout", run.stdout], ["stderr", run.stderr]] as const) {
    const found = TERMINAL_CONTROL.exec(text);
    expect(found && `U+${found[0].codePointAt(0)!.toString(16).padStart(4, "0")} in ${stream}: ${JSON.stringify(text)}`).toBeNull();
  }
}

const issuedAt = Math.floor(Date.now() / 1000) - 3600;

beforeAll(async () => {
  key = await signingKeyFromSeed(randomBytes(32));
  token = await issueToken({ serial: serialFromBytes(randomBytes(8)), issuedAt, artisanId: 1, districtCode: 187, productId: 103, giTagId: 2 }, key);
  writeFileSync(bundlePath, await signTrustBundle(content(ISSUER, issuedAt), key));
  forgedIssuerBundle = await signTrustBundle(content(FORGED_ISSUER, issuedAt), key);
  writeFileSync(forgedIssuerPath, forgedIssuerBundle);
  // A server that hands out the same bundle, for the messages --update prints about it.
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/vnd.asli.trust-bundle" });
    res.end(forgedIssuerBundle);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("asli-verify prints no terminal control from a bundle or a server", () => {
  it("shows the forged name as text, with U+FFFD where the escapes were, on no line of its own", async () => {
    const run = await cli([token]);
    expect(run.code).toBe(0);
    expectNoTerminalControls(run);
    expect(run.stdout).toContain("Honest Artisan\ufffd[2K\ufffd\ufffd[32mGENUINE (forged line)\ufffd[0m\ufffd");
    const lines = run.stdout.split("\n");
    // Only the verdict line itself says GENUINE at the start of a line.
    expect(lines.filter((line) => /^\s*(✓|GENUINE)/.test(line))).toEqual([expect.stringMatching(/^✓ GENUINE — the certificate's signature/)]);
    expect(lines.find((line) => line.startsWith("Trust bundle no. 1 from"))).toMatch(/^Trust bundle no\. 1 from http:\/\/127\.0\.0\.1:1, issued /);
  });

  it("keeps the values exact in --json, as \\u escapes", async () => {
    const run = await cli(["--json", token]);
    expect(run.code).toBe(0);
    expectNoTerminalControls(run);
    const printed = JSON.parse(run.stdout);
    expect(printed.verdict.certificate.artisan).toMatchObject({ name: FORGED, sellerName: SELLER });
    expect(printed.verdict.certificate.district.name).toBe(DISTRICT);
    expect(printed.bundle.issuer).toBe(ISSUER);
  });

  it("prints the bundle summary, the stale warning and the refusals of a forged issuer without them", async () => {
    const summary = await cli([], { ASLI_VERIFY_NOW: new Date((issuedAt + 8 * 86_400) * 1000).toISOString() });
    expect(summary.stderr).toContain("stale");
    expectNoTerminalControls(summary);

    const { port } = server!.address() as { port: number };
    const update = await cli(["--update", "--server", `http://127.0.0.1:${port}`]);
    expect(update.code).toBe(3);
    expect(update.stderr).toContain("http://127.0.0.1:1");
    expectNoTerminalControls(update);

    const stored = await cli([token], {}, forgedIssuerPath);
    expect(stored.code).toBe(3);
    expect(stored.stderr).toContain("is not an http(s) origin in normal form");
    expectNoTerminalControls(stored);
  });
});
