// npm run issue-batch -- items.csv [--url URL] [--token TOKEN] [--key KEY] [--out FILE.pdf]
//
// Issues a batch of certificates from a CSV file against a running Asli server, then saves the
// batch's A4 label sheet. The server and token come from --url/--token or ASLI_URL/ASLI_TOKEN.
// The Idempotency-Key defaults to a digest of the file, so running the same file twice (after
// a lost connection, say) returns the batch already issued instead of issuing it again.
// Progress goes to stderr; the last line on stdout is the saved file's path.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { basename } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    token: { type: "string" },
    key: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

const USAGE = "usage: npm run issue-batch -- items.csv [--url http://127.0.0.1:8787] [--token TOKEN] [--key IDEMPOTENCY-KEY] [--out labels.pdf]";

// ---------------------------------------------------------------------------------------------
// Progress on stderr: a bar on a terminal, one line per phase otherwise (CI logs, pipes).

const tty = process.stderr.isTTY === true;
let lastDraw = 0;

function bar(phase: string, done: number, total: number | null, force = false): void {
  const now = Date.now();
  if (!tty || (!force && now - lastDraw < 80)) return;
  lastDraw = now;
  const width = 30;
  const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  const text =
    total && total > 0
      ? `[${"#".repeat(Math.round((done / total) * width)).padEnd(width, ".")}] ${String(Math.floor((done / total) * 100)).padStart(3)}% ${phase} ${size(done)} of ${size(total)}`
      : `[${".".repeat(width).split("").map((c, i) => (i === Math.floor(now / 100) % width ? "#" : c)).join("")}] ${phase} ${size(done)}`;
  process.stderr.write(`\r${text.padEnd(78)}`);
}

function phaseDone(message: string): void {
  process.stderr.write(tty ? `\r${message.padEnd(78)}\n` : `${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// HTTP with progress in both directions (fetch reports neither).

interface Reply {
  status: number;
  type: string;
  body: Buffer;
}

function send(method: "GET" | "POST", url: URL, headers: Record<string, string>, body: Uint8Array | null, phases: { up?: string; wait?: string; down: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method,
      headers: { ...headers, ...(body ? { "content-length": String(body.length) } : {}) },
      timeout: 15 * 60 * 1000,
    });
    let waiting: NodeJS.Timeout | undefined;
    let answered = false;
    const started = Date.now();
    request.on("timeout", () => request.destroy(new Error("the server did not answer within 15 minutes")));
    request.on("error", (error) => {
      clearInterval(waiting);
      reject(error);
    });
    request.on("response", (response: IncomingMessage) => {
      answered = true;
      clearInterval(waiting);
      if (phases.wait) phaseDone(`${phases.wait}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const total = Number(response.headers["content-length"] ?? 0) || null;
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        bar(phases.down, received, total);
      });
      response.on("end", () => {
        bar(phases.down, received, total ?? received, true);
        phaseDone(`${phases.down}: ${received} bytes`);
        resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks) });
      });
      response.on("error", reject);
    });

    if (!body) {
      request.end();
      return;
    }
    // The body in slices, so that the bar follows what the socket has taken.
    const slice = 64 * 1024;
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const part = body.subarray(offset, offset + slice);
        offset += part.length;
        bar(phases.up!, offset, body.length);
        if (!request.write(part)) {
          request.once("drain", pump);
          return;
        }
      }
      bar(phases.up!, body.length, body.length, true);
      phaseDone(`${phases.up}: ${body.length} bytes sent`);
      request.end();
      // Until the first byte of the answer: the server checks every row, signs and writes.
      if (phases.wait && !answered) waiting = setInterval(() => bar(`${phases.wait} (${((Date.now() - started) / 1000).toFixed(0)} s)`, 0, null), 100);
    };
    pump();
  });
}

// ---------------------------------------------------------------------------------------------

interface Problem {
  code: string;
  title: string;
  detail?: string;
  errors?: { row?: number; path: string; code?: string; message: string }[];
}

function explain(reply: Reply): string {
  if (!reply.type.includes("json")) return `HTTP ${reply.status}`;
  const problem = JSON.parse(reply.body.toString("utf8")) as Problem;
  const lines = [`HTTP ${reply.status} ${problem.code}: ${problem.detail ?? problem.title}`];
  for (const e of problem.errors ?? []) lines.push(`  ${e.row !== undefined ? `row ${e.row}` : "-"}  ${e.path}  ${e.code ?? ""}  ${e.message}`);
  return lines.join("\n");
}

async function main(): Promise<number> {
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  const base = new URL(values.url ?? process.env.ASLI_URL ?? "http://127.0.0.1:8787");
  const token = values.token ?? process.env.ASLI_TOKEN;
  if (!token) {
    process.stderr.write("no API token: pass --token or set ASLI_TOKEN (the development token is in .data/dev-admin-token)\n");
    return 2;
  }
  const csv = readFileSync(file);
  const key = values.key ?? `csv-sha256-${createHash("sha256").update(csv).digest("hex").slice(0, 40)}`;
  const auth = { authorization: `Bearer ${token}` };

  process.stderr.write(`issuing ${basename(file)} (${csv.length} bytes) on ${base.origin}, Idempotency-Key ${key}\n`);
  const issued = await send("POST", new URL("/api/v1/batches", base), { ...auth, "content-type": "text/csv; charset=utf-8", "idempotency-key": key }, csv, {
    up: "uploading",
    wait: "checking, signing and storing",
    down: "receiving the batch",
  });
  if (issued.status !== 201 && issued.status !== 200) {
    process.stderr.write(`${explain(issued)}\nnothing was issued\n`);
    return 1;
  }
  const batch = JSON.parse(issued.body.toString("utf8")) as { id: string; itemCount: number };
  process.stderr.write(`batch ${batch.id}: ${batch.itemCount} certificates${issued.status === 200 ? " (issued earlier with this key; nothing new issued)" : ""}\n`);

  const labels = await send("GET", new URL(`/api/v1/batches/${batch.id}/labels.pdf`, base), auth, null, { down: "downloading the label sheet" });
  if (labels.status !== 200) {
    process.stderr.write(`${explain(labels)}\nthe batch is issued (${batch.id}); fetch its labels again later\n`);
    return 1;
  }
  const out = values.out ?? `${basename(file).replace(/\.csv$/i, "")}-${batch.id}-labels.pdf`;
  writeFileSync(out, labels.body);
  process.stdout.write(`${out}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`\nissue-batch: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
