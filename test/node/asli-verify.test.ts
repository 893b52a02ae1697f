// The offline verifier as a person runs it: a separate process (`npx asli-verify`), against
// tokens and a QR image from a live Node server on 127.0.0.1, then with that server stopped.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/net.js";
import { base32Decode, base32Encode } from "../../src/core/base32.js";
import { randomBytes, toBase64url } from "../../src/core/bytes.js";
import { decodeSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import { issueToken } from "../../src/core/token.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const BIN = join(ROOT, "bin/asli-verify.mjs");
const ADMIN_TOKEN = "asli_cli_test_admin_token_not_a_secret";

const dir = mkdtempSync(join(tmpdir(), "asli-cli-"));
const bundlePath = join(dir, "trust-bundle");
const seedA = toBase64url(randomBytes(32));
const seedB = toBase64url(randomBytes(32));
const logSeed = toBase64url(randomBytes(32));
let port = 0;
let base = "";
let server: ChildProcess | undefined;

/** Starts src/runtime/node.ts as a person would (npm start), on the test's database and key. */
/** `baseUrl` null: BASE_URL unset, as on the README's first start. */
async function startServer(seed: string, baseUrl: string | null = base): Promise<{ code: number | null; output: string }> {
  // ASLI_INIT_DB: the first start of a deployment (SIGNING_KEY set) creates its database only when told to.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${join(dir, "asli.db")}`, SIGNING_KEY: seed, LOG_SIGNING_KEY: logSeed, ADMIN_TOKEN, ASLI_INIT_DB: "1" };
  if (baseUrl === null) delete env.BASE_URL;
  else env.BASE_URL = baseUrl;
  const child = spawn(process.execPath, [TSX, "src/runtime/node.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within 30 s:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Asli is listening")) {
        clearTimeout(timer);
        server = child;
        resolve({ code: null, output });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.headers.get("content-type")?.includes("json") ? ((await res.json()) as any) : new Uint8Array(await res.arrayBuffer());
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, command: string[] = [process.execPath, BIN]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command[0]!, [...command.slice(1), "--bundle", bundlePath, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let genuine: { id: string; token: string; verifyUrl: string; certificate: { issuedAt: string } };
let stolen: { id: string; token: string };
let qrImage = "";
let issuedAt = 0;

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const started = await startServer(seedA);
  if (started.code !== null) throw new Error(`the server exited: ${started.output}`);
  const artisan = await api("POST", "/api/v1/artisans", {
    name: "Shabana Ansari",
    districtCode: 187,
    productId: 103,
    giTagId: 2,
    giAuthorisedUserNumber: "AU-CLI-1",
    seller: { name: "Kashi Handloom Cooperative", gstin: "09AAACK1234A1Z8" },
  });
  genuine = await api("POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Katan silk saree" });
  stolen = await api("POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Jamdani dupatta" });
  issuedAt = Math.floor(Date.parse(genuine.certificate.issuedAt) / 1000);
  qrImage = join(dir, "tag.png");
  writeFileSync(qrImage, (await api("GET", `/api/v1/certificates/${genuine.id}/qr.png`)) as Uint8Array);
}, 60_000);

afterAll(async () => {
  await stopServer();
});

describe("npx asli-verify, a separate process, offline", () => {
  it("fetches the trust bundle once, trusting the signer on first use", async () => {
    const run = await cli(["--update", "--server", base]);
    expect(run.stderr).toContain("trusting the registry key");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Trust bundle no\. \d+ from http:\/\/127\.0\.0\.1:\d+/);
  });

  it("with the server stopped, says genuine for the token, the verify URL and the QR image, in plain words", async () => {
    await stopServer();
    // Separate processes, side by side (each run starts Node and tsx).
    const inputs = [genuine.token, genuine.verifyUrl, qrImage];
    const [viaNpx, ...runs] = await Promise.all([cli([genuine.token], {}, ["npx", "--no-install", "asli-verify"]), ...inputs.map((input) => cli([input]))]);
    for (const [i, input] of inputs.entries()) {
      const run = runs[i]!;
      expect(run.code, `${input}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain("✓ GENUINE");
      for (const text of [genuine.id, "Shabana Ansari", "sold through Kashi Handloom Cooperative", "Varanasi, Uttar Pradesh (LGD 187)", "Banarasi Silk Saree", "Banaras Brocades and Sarees (GI application no. 99)", "(active)"]) {
        expect(run.stdout).toContain(text);
      }
      expect(run.stderr).toBe("");
    }
    // And through npx, as the README tells people to run it.
    expect(viaNpx.code).toBe(0);
    expect(viaNpx.stdout).toContain("✓ GENUINE");
  });

  it("exits non-zero for a tampered token, a foreign one, and input that is no certificate", async () => {
    const bytes = base32Decode(genuine.token)!;
    bytes[40]! ^= 0x01;
    const stranger = await signingKeyFromSeed(randomBytes(32));
    const foreignToken = await issueToken({ serial: genuine.id, issuedAt, artisanId: 1, districtCode: 187, productId: 103, giTagId: 2 }, stranger);
    const [tampered, json, foreign, notAToken] = await Promise.all([cli([base32Encode(bytes)]), cli(["--json", base32Encode(bytes)]), cli([foreignToken]), cli(["hello"])]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("✗ NOT VALID — the signature does not match");

    expect(JSON.parse(json.stdout).verdict).toEqual({ status: "invalid", reason: "bad-signature" });

    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain("✗ NOT VALID — it was not signed by any key in your trust bundle");

    expect(notAToken.code).toBe(2);
    expect(notAToken.stderr).toContain("neither an Asli certificate token nor a verify URL");
  });

  it("warns on a stale bundle, and refuses it with --max-age", async () => {
    const later = { ASLI_VERIFY_NOW: new Date((issuedAt + 8 * 86_400) * 1000).toISOString() };
    const [stale, strict] = await Promise.all([cli([genuine.token], later), cli(["--max-age", "7", genuine.token], later)]);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain("✓ GENUINE");
    expect(stale.stderr).toContain("the trust bundle is stale (issued 8 days ago)");
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain("more than --max-age 7 days");
  });

  it("after --update, says revoked for a certificate revoked since, with the reason", async () => {
    await startServer(seedA);
    await api("POST", `/api/v1/certificates/${stolen.id}/revocation`, { reason: "stolen" });
    const before = await cli([stolen.token]);
    expect(before.code).toBe(0); // the held bundle predates the revocation
    const update = await cli(["--update", stolen.token]);
    expect(update.code).toBe(1);
    expect(update.stdout).toMatch(/✗ REVOKED — the item was reported stolen \(revoked on \d+ \w+ \d{4}\)/);
    await stopServer();
  });

  it("after a key rotation, refuses the new signer until told its kid; old certificates stay genuine", async () => {
    const started = await startServer(seedB);
    expect(started.code, started.output).toBeNull();
    expect(started.output).toContain("signing key rotated");
    const kidB = (await signingKeyFromSeed(decodeSeed(seedB))).kid;

    const refused = await cli(["--update"]);
    expect(refused.code, refused.stderr).toBe(3);
    expect(refused.stderr).toContain(`signed by key ${kidB}, which the held bundle does not know`);
    expect(refused.stderr).toContain(`--trust-new-signer ${kidB}`);

    const accepted = await cli(["--update", "--trust-new-signer", kidB, genuine.token]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain("(retired)");

    // The old key is revoked with a compromise time at the certificate's issue: it no longer verifies.
    const kidA = (await signingKeyFromSeed(decodeSeed(seedA))).kid;
    await api("POST", `/api/v1/keys/${kidA}/revocation`, { compromisedAt: new Date(issuedAt * 1000).toISOString() });
    const compromised = await cli(["--update", genuine.token]);
    expect(compromised.code).toBe(1);
    expect(compromised.stdout).toContain("✗ NOT VALID — it was signed with a key after that key was reported compromised");
    await stopServer();

    // A server given the revoked key refuses to start.
    const revoked = await startServer(seedA);
    expect(revoked.code).not.toBe(0);
    expect(revoked.output).toContain("which is revoked");
  }, 120_000); // two server starts and four runs of the CLI: over 30 s on a busy machine

  it("takes localhost and 127.0.0.1 for one issuer, and names both origins when a bundle claims another", async () => {
    // The README's first start: no BASE_URL, so the service signs as http://localhost:PORT.
    await stopServer();
    const started = await startServer(seedB, null);
    expect(started.output).toContain(`listening on http://localhost:${port}`);
    const loopback = await cli(["--update", "--server", `http://127.0.0.1:${port}/`, "--bundle", join(dir, "loopback-bundle")]);
    expect(loopback.code, loopback.stderr).toBe(0);
    expect(loopback.stderr).toContain(`from http://localhost:${port} saved`);
    await stopServer();

    await startServer(seedB, "https://asli.example");
    const other = await cli(["--update", "--server", `HTTP://127.0.0.1:${port}`, "--bundle", join(dir, "other-bundle")]);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain(`the service at http://127.0.0.1:${port} signs as issuer https://asli.example, another origin`);
    expect(other.stderr).toContain("run again with --server https://asli.example");
    await stopServer();
  }, 120_000);
});
