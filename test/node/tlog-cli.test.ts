// The transparency log as its users run it, each a process of its own on 127.0.0.1: the
// service (npm start) with a witness (npm run witness) that cosigns its checkpoints; asli-verify
// checking an inclusion proof offline; asli-monitor following the log, filtering by GI, flagging
// an artisan over their monthly capacity, and catching a tampered tile or bundle served by a
// proxy; the witness refusing a split view and a rollback from a log that signs them.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64, randomBytes, toBase64, toBase64url } from "../../src/core/bytes.js";
import { checkpointText } from "../../src/core/checkpoint.js";
import { decodeSeed, signingKeyFromSeed } from "../../src/core/keys.js";
import { ed25519NoteSigner, encodeVerifierKey, formatNote, signNoteText, SIGNATURE_TYPE } from "../../src/core/note.js";
import { encodeAddCheckpoint } from "../../src/core/witness.js";
import { freePort } from "../support/net.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const ADMIN_TOKEN = "asli_tlog_cli_test_admin_token_not_a_secret";
const dir = mkdtempSync(join(tmpdir(), "asli-tlog-cli-"));
const logSeed = toBase64url(randomBytes(32));
const witnessSeed = toBase64url(randomBytes(32));
const WITNESS_NAME = "witness.odop-cell.example/w1";
const bundlePath = join(dir, "trust-bundle");
const children: ChildProcess[] = [];
let base = "";
let witnessUrl = "";
let logVkey = "";
let proxy: Server | undefined;
let proxyUrl = "";
let tamper: (path: string, body: Uint8Array) => Uint8Array = (_, body) => body;

function start(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [TSX, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start within 40 s:\n${output}`)), 40_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${code}:\n${output}`));
    });
  });
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const monitor = (args: string[]) => run("scripts/asli-monitor.ts", ["--bundle", bundlePath, ...args]);
const verify = (args: string[]) => run("scripts/asli-verify.ts", ["--bundle", bundlePath, ...args]);

async function api(method: string, path: string, body?: unknown, type = "application/json") {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { "content-type": type } : {}) },
    body: body === undefined ? undefined : type === "application/json" ? JSON.stringify(body) : String(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

async function cosignedCheckpoint(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const note = await (await fetch(`${base}/log/checkpoint`)).text();
    if (note.includes(`— ${WITNESS_NAME} `)) return note;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the witness never cosigned");
}

let weaver: { id: string; token: string };
let brassware: { id: string; token: string };

beforeAll(async () => {
  const [port, witnessPort, proxyPort] = [await freePort(), await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  witnessUrl = `http://127.0.0.1:${witnessPort}/`;
  const logKey = await signingKeyFromSeed(decodeSeed(logSeed));
  const origin = `127.0.0.1:${port}/log`;
  logVkey = encodeVerifierKey({ name: origin, type: SIGNATURE_TYPE.ed25519, publicKey: logKey.publicKey });
  const witnessVkey = (await run("scripts/witness.ts", ["--name", WITNESS_NAME, "--print-key"], { WITNESS_KEY: witnessSeed })).stdout.trim();

  await start(["scripts/witness.ts", "--name", WITNESS_NAME, "--log", logVkey, "--state", join(dir, "witness.json"), "--port", String(witnessPort)], { WITNESS_KEY: witnessSeed }, "listening");
  await start(
    ["src/runtime/node.ts"],
    {
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: base,
      DATABASE_URL: `file:${join(dir, "asli.db")}`,
      SIGNING_KEY: toBase64url(randomBytes(32)),
      LOG_SIGNING_KEY: logSeed,
      LOG_WITNESSES: `${witnessVkey} ${witnessUrl}`,
      ADMIN_TOKEN,
      // A deployment's first start (SIGNING_KEY set) creates its database only when told to.
      ASLI_INIT_DB: "1",
    },
    "Asli is listening",
  );

  // A proxy in front of the log that can alter what it serves.
  proxy = createServer(async (req, res) => {
    const upstream = await fetch(`${base}${req.url}`);
    const body = tamper(req.url!, new Uint8Array(await upstream.arrayBuffer()));
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
    res.end(body);
  });
  await new Promise<void>((resolve) => proxy!.listen(proxyPort, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${proxyPort}/log/`;

  const gi = await api("POST", "/api/v1/artisans", { name: "Rehana Begum", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "AU-TLOG-1" });
  const busy = await api("POST", "/api/v1/artisans", { name: "Mohd Salim", districtCode: 171, productId: 81, monthlyCapacity: 2 });
  weaver = await api("POST", "/api/v1/certificates", { artisanId: gi.id, title: "Katan silk saree" });
  brassware = await api("POST", "/api/v1/certificates", { artisanId: busy.id, title: "Brass vase" });
  await api("POST", "/api/v1/batches", `artisan_id,title\n${busy.id},Brass lamp\n${busy.id},Brass plate\n`, "text/csv");
  await cosignedCheckpoint();
  const update = await verify(["--update", "--server", base]);
  if (update.code !== 0) throw new Error(update.stderr);
}, 180_000);

afterAll(async () => {
  proxy?.close();
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
});

describe("the transparency log's command-line tools", () => {
  it("asli-verify checks the inclusion proof offline, against the witnessed log the bundle trusts", async () => {
    const fetched = await verify([weaver.token, "--fetch-proof"]);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stdout).toMatch(/✓ Transparency log: entry \d+ of \d+ in 127\.0\.0\.1:\d+\/log, signed by the log and cosigned by 1 of 1 witness\(es\) \(1 required\)/);

    const proofFile = join(dir, "weaver.tlog-proof");
    writeFileSync(proofFile, await (await fetch(`${base}/api/v1/certificates/${weaver.id}/inclusion`)).text());
    const offline = await verify([weaver.token, "--proof", proofFile, "--json"]);
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout).log).toMatchObject({ included: true, cosignedBy: [WITNESS_NAME] });

    // The same proof for another certificate, or with its index changed, proves nothing.
    const other = await verify([brassware.token, "--proof", proofFile]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("NOT SHOWN TO BE IN THE LOG — the proof is for another entry");
    const text = readFileSync(proofFile, "utf8");
    const index = Number(/\nindex (\d+)\n/.exec(text)![1]);
    writeFileSync(proofFile, text.replace(`\nindex ${index}\n`, `\nindex ${index + 1}\n`));
    const moved = await verify([weaver.token, "--proof", proofFile]);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toContain("✗ Transparency log");
  });

  it("asli-monitor lists every certificate, filters by GI tag, and flags an artisan over their monthly capacity", async () => {
    const state = join(dir, "monitor.json");
    const all = await monitor(["--state", state, "--json"]);
    expect(all.code, all.stderr).toBe(1);
    const report = JSON.parse(all.stdout);
    expect(report.log).toMatchObject({ from: 0, cosignatures: [{ name: WITNESS_NAME }] });
    expect(report.certificates.map((c: { serial: string }) => c.serial)).toEqual(expect.arrayContaining([weaver.id, brassware.id]));
    expect(report.flags).toEqual([expect.objectContaining({ kind: "over-capacity", message: expect.stringContaining("Mohd Salim") })]);

    // Nothing new since: nothing listed, nothing flagged again.
    const again = await monitor(["--state", state]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("0 certificate(s) listed");

    // A GI body's view: a new certificate under its GI, and one that is not.
    const gi = await api("POST", "/api/v1/artisans", { name: "Kalpana Devi", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "AU-TLOG-2" });
    const underGi = await api("POST", "/api/v1/certificates", { artisanId: gi.id, title: "Jangla saree" });
    await api("POST", "/api/v1/certificates", { artisanId: gi.id, title: "Plain saree", claimGi: false });
    const filtered = await monitor(["--state", state, "--gi", "2"]);
    expect(filtered.code, filtered.stderr).toBe(0);
    expect(filtered.stdout).toContain(underGi.id);
    expect(filtered.stdout).toContain("Banaras Brocades and Sarees");
    expect(filtered.stdout).toContain("1 certificate(s) listed (filtered)");
  });

  it("asli-monitor catches a tampered tile and a tampered entry bundle, and keeps its state", async () => {
    const state = join(dir, "monitor-tampered.json");
    for (const target of ["/log/tile/0/", "/log/tile/entries/"]) {
      tamper = (path, body) => {
        if (!path.startsWith(target) || body.length < 40) return body;
        const changed = body.slice();
        changed[body.length - 5]! ^= 0x01;
        return changed;
      };
      const caught = await monitor(["--state", state, "--log", proxyUrl]);
      expect(caught.code, `${target}: ${caught.stdout}`).toBe(3);
      expect(caught.stderr).toMatch(/the log failed a check \(log-(tile-mismatch|inconsistent)\)/);
      expect(() => readFileSync(state)).toThrow();
    }
    tamper = (_, body) => body;
    expect((await monitor(["--state", state, "--log", proxyUrl])).code).toBe(1);
  });

  it("the witness refuses a split view and a rollback, even signed by the log's key, and cosigns nothing", async () => {
    await cosignedCheckpoint();
    const held = JSON.parse(readFileSync(join(dir, "witness.json"), "utf8")).logs as Record<string, { size: number; root: string }>;
    const [origin, { size, root }] = Object.entries(held)[0]!;
    const signer = ed25519NoteSigner(origin, await signingKeyFromSeed(decodeSeed(logSeed)));
    const signed = async (n: number, r: Uint8Array) => {
      const text = checkpointText({ origin, size: n, root: r });
      return formatNote(text, [await signNoteText(text, signer)]);
    };
    const other = fromBase64(root).map((b) => b ^ 0xff);
    const post = (body: string) => fetch(`${witnessUrl}add-checkpoint`, { method: "POST", body });

    const split = await post(encodeAddCheckpoint({ oldSize: size, proof: [], checkpoint: await signed(size, other) }));
    expect(split.status).toBe(409);
    expect(await split.text()).toContain("refusing a fork");
    const rollback = await post(encodeAddCheckpoint({ oldSize: size, proof: [], checkpoint: await signed(size - 1, other) }));
    expect(rollback.status).toBe(400);
    const stale = await post(encodeAddCheckpoint({ oldSize: 0, proof: [], checkpoint: await signed(size + 5, other) }));
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("text/x.tlog.size");
    expect(await stale.text()).toBe(`${size}\n`);
    expect(JSON.parse(readFileSync(join(dir, "witness.json"), "utf8")).logs[origin]).toEqual({ size, root: toBase64(fromBase64(root)) });
  });
});
