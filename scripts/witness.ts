// `npm run witness`: a transparency-log witness (C2SP tlog-witness), a process of its own with a
// key of its own, for a GI proprietor body or the state's ODOP cell to run (docs/transparency-log.md §8).
// The log POSTs each new checkpoint to /add-checkpoint with a consistency proof from the last
// checkpoint this witness cosigned; the witness checks it (src/core/witness.ts), remembers the
// new checkpoint in its state file, and answers with its cosignature (C2SP tlog-cosignature).
// It refuses a fork (another tree of a size it cosigned, or one that does not extend it) and a
// rollback, for as long as its state file lives: keep the file, back it up, never edit it.
//
//   WITNESS_KEY=<seed> npm run witness -- --name witness.example/w1 --log <log verifier key> --state witness.json
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { cosigner } from "../src/core/checkpoint.js";
import { decodeSeed, signingKeyFromSeed } from "../src/core/keys.js";
import { ed25519NoteVerifier, encodeVerifierKey, parseVerifierKey, SIGNATURE_TYPE } from "../src/core/note.js";
import { addCheckpoint, MAX_ADD_CHECKPOINT_BYTES, type WitnessedLog, type WitnessState } from "../src/core/witness.js";
import { unixSeconds } from "../src/core/time.js";

const USAGE = `Usage:
  WITNESS_KEY=<seed> npm run witness -- --name NAME --log VKEY [--log VKEY …] --state FILE [--port 8790] [--host 127.0.0.1]

A witness for Asli transparency logs (C2SP tlog-witness): POST /add-checkpoint.

  --name NAME     the witness's name, a schema-less URL such as witness.odop-up.example/w1
  --log VKEY      the verifier key of a log to witness (its name is the log's origin); repeat for more logs
  --state FILE    where the witness keeps the latest checkpoint it cosigned of each log (JSON)
  --key-file F    the witness's Ed25519 seed (base64url), instead of WITNESS_KEY
  --port, --host  where to listen (default 127.0.0.1:8790)
  --print-key     print the witness's cosignature verifier key (for the log's LOG_WITNESSES) and exit

Make a key with: npm run -s keygen -- --witness NAME`;

interface StateFile {
  version: 1;
  logs: WitnessState;
}

function readState(path: string): WitnessState {
  if (!existsSync(path)) return {};
  const parsed = JSON.parse(readFileSync(path, "utf8")) as StateFile;
  if (parsed.version !== 1 || typeof parsed.logs !== "object" || parsed.logs === null) throw new Error(`${path} is not a witness state file`);
  return parsed.logs;
}

/** Written to a temporary file and renamed over the old one, so a crash leaves the old state or the new, never half. */
function writeState(path: string, logs: WitnessState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, logs } satisfies StateFile, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      log: { type: "string", multiple: true },
      state: { type: "string" },
      "key-file": { type: "string" },
      port: { type: "string", default: "8790" },
      host: { type: "string", default: "127.0.0.1" },
      "print-key": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seedText = values["key-file"] ? readFileSync(values["key-file"], "utf8") : process.env.WITNESS_KEY;
  if (!values.name || !seedText) throw new Error(`give --name and the key (WITNESS_KEY or --key-file)\n\n${USAGE}`);
  const key = await signingKeyFromSeed(decodeSeed(seedText));
  const signer = cosigner(values.name, key);
  const vkey = encodeVerifierKey({ name: values.name, type: SIGNATURE_TYPE.cosignatureV1, publicKey: key.publicKey });
  if (values["print-key"]) {
    console.log(vkey);
    return;
  }
  if (!values.log?.length || !values.state) throw new Error(`give at least one --log and --state\n\n${USAGE}`);

  const logs: WitnessedLog[] = [];
  for (const text of values.log) {
    const logKey = parseVerifierKey(text);
    if (logKey.type !== SIGNATURE_TYPE.ed25519) throw new Error(`--log ${logKey.name}: not an Ed25519 log key`);
    const verifier = await ed25519NoteVerifier(logKey.name, logKey.publicKey);
    const known = logs.find((l) => l.origin === logKey.name);
    if (known) known.verifiers.push(verifier);
    else logs.push({ origin: logKey.name, verifiers: [verifier] });
  }
  const statePath = values.state;
  let state = readState(statePath);

  // One request at a time: checking against the state and saving the new state must not
  // interleave (tlog-witness: otherwise a slower, older request could roll the state back).
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const app = new Hono();
  app.get("/", (c) => c.text(`Asli transparency log witness ${values.name}\n${vkey}\nwitnessing: ${logs.map((l) => l.origin).join(", ")}\n`));
  // Refused before it is read: a request is a checkpoint and at most 63 hashes, a few KB.
  const limit = bodyLimit({ maxSize: MAX_ADD_CHECKPOINT_BYTES, onError: (c) => c.text("request too large\n", 400) });
  app.post("/add-checkpoint", limit, async (c) => {
    const body = await c.req.text();
    const outcome = await serialized(async () => {
      const result = await addCheckpoint(body, logs, state, signer, unixSeconds(new Date()));
      if (result.status === 200) {
        writeState(statePath, result.state);
        state = result.state;
      }
      return result;
    });
    if (outcome.status === 200) {
      console.error(`cosigned ${outcome.checkpoint.origin} at size ${outcome.checkpoint.size}`);
      return c.body(outcome.body, 200, { "content-type": "text/plain; charset=utf-8" });
    }
    console.error(`refused (${outcome.status}): ${outcome.reason}`);
    return c.body(outcome.body, outcome.status, { "content-type": outcome.contentType });
  });
  app.notFound((c) => c.text("not found\n", 404));

  const server = serve({ fetch: app.fetch, port: Number(values.port), hostname: values.host }, (info) => {
    console.error(`witness ${values.name} listening on http://${values.host}:${info.port}/ for ${logs.map((l) => l.origin).join(", ")}`);
    console.error(`verifier key (for the log's LOG_WITNESSES): ${vkey}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`witness: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
