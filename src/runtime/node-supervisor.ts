// `npm start`: runs the Node service (node.ts) as a child process and watches it end. A process
// cannot report its own death by a signal: when its database files are truncated, or made
// read-only or immutable, under it, SQLite's memory-mapped WAL index (the -shm file) kills it
// with SIGBUS before any JavaScript can run. Here it gets an error line that names the cause and a
// non-zero exit status, for a person at the terminal and for systemd alike. Restarting is left
// to the supervisor above (systemd's Restart=on-failure: docs/operations.md). Light on purpose:
// node: modules only, no database client.
import { fork } from "node:child_process";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { databaseFilePath, databaseFileProblem } from "./database-files.js";

const databaseUrl = process.env.DATABASE_URL ?? "file:.data/asli.db";
const server = fork(fileURLToPath(new URL("./node.ts", import.meta.url)), process.argv.slice(2), {
  // The same loader (tsx) and flags this process runs with.
  execArgv: process.execArgv,
  stdio: ["inherit", "inherit", "inherit", "ipc"],
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}

server.on("exit", (code, signal) => {
  if (code !== null) process.exit(code);
  if (stopping && (signal === "SIGINT" || signal === "SIGTERM")) process.exit(0);
  void explain(signal!).finally(() => process.exit(128 + (constants.signals[signal!] ?? 0)));
});

async function explain(signal: NodeJS.Signals): Promise<void> {
  const path = databaseFilePath(databaseUrl);
  if (signal !== "SIGBUS" || !path) {
    console.error(`asli: the service was killed by ${signal}`);
    return;
  }
  let problem: string | undefined;
  try {
    problem = await databaseFileProblem(path);
  } catch {
    // Nothing more to say than the general cause below.
  }
  console.error(
    `asli: the service was killed by SIGBUS: ${problem ?? `its database files (${path}, -wal, -shm) were most likely truncated, or made read-only or immutable, under it`}. ` +
      `SQLite maps the WAL index (${path}-shm) into memory, and that is what such a change breaks. Check the files, restore them from a backup if need be (docs/operations.md), and start the service again.`,
  );
}
