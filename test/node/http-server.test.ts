// The Node server over real HTTP. Bodies are limited while they stream: a client that sends
// 300 MB with Transfer-Encoding: chunked gets 413 as soon as the limit is passed, and the
// server never holds the body. And what the app answers reaches the client as it is through
// @hono/node-server: 405 with Allow, the Bearer scheme in any case. The server is `npm start`
// in a child process (node with tsx's loader, so that its pid is the server's own), and its
// resident memory is read from /proc/<pid>/status.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/net.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const ADMIN_TOKEN = "asli_body_limit_test_admin_token_not_a_secret";
const MB = 1024 * 1024;

let server: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), "asli-body-limit-"));
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, "src/runtime/node.ts")], {
    cwd,
    // A first start in an empty folder: the service creates its database and development key.
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", BASE_URL: `http://127.0.0.1:${port}`, ADMIN_TOKEN, ASLI_INIT_DB: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Asli is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  server = child;
}, 40_000);

afterAll(async () => {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.removeAllListeners("exit");
    running.on("exit", () => resolve());
    running.kill("SIGTERM");
  });
});

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/**
 * The server's peak resident memory from now until `stop()`, in bytes. The kernel's own peak
 * (VmHWM) is reset to the present size where the kernel allows it (clear_refs 5), and the size
 * is also sampled every 5 ms, so the peak is seen either way.
 */
function watchMemory(pid: number) {
  const clearRefs = `/proc/${pid}/clear_refs`;
  let kernelPeak = existsSync(clearRefs);
  try {
    if (kernelPeak) writeFileSync(clearRefs, "5");
  } catch {
    kernelPeak = false;
  }
  const start = statusField(pid, "VmRSS");
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, statusField(pid, "VmRSS"))), 5);
  return {
    start,
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, statusField(pid, "VmRSS"), kernelPeak ? statusField(pid, "VmHWM") : 0);
      return peak - start;
    },
  };
}

/**
 * POSTs up to `total` bytes with Transfer-Encoding: chunked, 1 MiB at a time, honouring
 * back-pressure, and stops sending once the server answers. Resolves with the answer and how
 * much was sent before it came.
 */
function streamBody(path: string, contentType: string, total: number): Promise<{ status: number; body: any; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: "127.0.0.1",
      port,
      path,
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": contentType, "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null, sent });
      });
    });
    // Once the server has answered it may close the connection while a chunk is in flight.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("request bodies are limited while they stream (Node, real HTTP)", () => {
  const cases: [string, string, string][] = [
    ["a JSON body", "/api/v1/certificates", "application/json"],
    ["a batch body", "/api/v1/batches", "text/csv"],
  ];
  for (const [what, path, type] of cases) {
    it(`answers 413 to ${what} of 300 MB sent chunked, and the server grows by less than 50 MB`, async () => {
      const memory = watchMemory(server!.pid!);
      const answer = await streamBody(path, type, 300 * MB);
      const growth = memory.stop();
      expect([answer.status, answer.body?.code]).toEqual([413, "payload-too-large"]);
      expect(growth, `RSS grew by ${(growth / MB).toFixed(1)} MB from ${(memory.start / MB).toFixed(0)} MB`).toBeLessThan(50 * MB);
      expect(answer.sent, "the answer came before the whole body was sent").toBeLessThan(300 * MB);
    }, 60_000);
  }

  it("still serves requests on the same server afterwards", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });
});

/** One request written by hand on a fresh connection, so that nothing normalises it on the way. */
function raw(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Written, not ended: the server closes the connection after its answer (Connection: close).
    const socket = connect(port, "127.0.0.1", () => socket.write(`${lines.join("\r\n")}\r\n\r\n`));
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("protocol points over real HTTP (Node)", () => {
  it("answers a method the path does not take with 405 and Allow, TRACE included", async () => {
    for (const method of ["PROPFIND", "TRACE", "PUT"]) {
      const answer = await raw([`${method} /api/v1/districts HTTP/1.1`, "Host: 127.0.0.1", "Connection: close"]);
      expect(answer, method).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer.toLowerCase(), method).toContain("\r\nallow: get, head, options\r\n");
    }
  });

  it("takes the Bearer scheme in any case and blanks after the token", async () => {
    for (const authorization of [`bearer ${ADMIN_TOKEN}`, `BEARER  ${ADMIN_TOKEN}  `, `Bearer ${ADMIN_TOKEN}\t`]) {
      const answer = await raw(["GET /api/v1/audit?limit=1 HTTP/1.1", "Host: 127.0.0.1", `Authorization: ${authorization}`, "Connection: close"]);
      expect(answer, JSON.stringify(authorization)).toMatch(/^HTTP\/1\.1 200 /);
    }
  });
});
