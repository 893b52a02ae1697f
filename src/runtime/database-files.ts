// The files of a libSQL database on Node (the database, its -wal and its -shm) as the operating
// system sees them: whether they are still there, still the same files and still writable. A
// process whose database files are removed, replaced, truncated or made read-only under it
// either writes into a file no one will read again, or dies of SIGBUS when it next touches the
// memory-mapped WAL index (-shm). Only node:fs here: the Node supervisor reads it too.
import { constants } from "node:fs";
import { access, open, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The file behind a `file:` libSQL URL (`file:.data/asli.db`, `file:///var/lib/asli/asli.db`); undefined for `:memory:`. */
export function databaseFilePath(url: string): string | undefined {
  if (url === ":memory:" || url === "file::memory:" || url.startsWith("file::memory:?")) return undefined;
  if (!url.startsWith("file:")) return undefined;
  const rest = url.slice("file:".length).split("?")[0]!;
  return rest.startsWith("//") ? fileURLToPath(`file:${rest}`) : decodeURIComponent(rest);
}

const HEADER = "SQLite format 3\0";

export interface DatabaseFileIdentity {
  dev: number;
  ino: number;
}

export async function databaseFileIdentity(path: string): Promise<DatabaseFileIdentity> {
  const { dev, ino } = await stat(path);
  return { dev, ino };
}

const WRITE_ERRORS: Record<string, string> = {
  EROFS: "its file system is mounted read-only",
  EPERM: "it is immutable or append-only (chattr +i / +a)",
  EACCES: "its permissions no longer let this process write it",
};

/**
 * What is wrong with the database's files, in words for the log, or undefined if nothing is.
 * `opened`: the identity of the database file when the service opened it, to tell a file
 * replaced under the service from the one it has open.
 */
export async function databaseFileProblem(path: string, opened?: DatabaseFileIdentity): Promise<string | undefined> {
  let size: number;
  try {
    const info = await stat(path);
    if (opened && (info.dev !== opened.dev || info.ino !== opened.ino)) {
      return `${path} was replaced by another file while the service had it open`;
    }
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return `${path} was removed while the service had it open`;
    throw error;
  }
  if (size === 0) return `${path} was emptied (truncated to 0 bytes) while the service had it open`;
  const header = Buffer.alloc(HEADER.length);
  const file = await open(path, "r");
  try {
    await file.read(header, 0, HEADER.length, 0);
  } finally {
    await file.close();
  }
  if (header.toString("latin1") !== HEADER) return `${path} is no longer a SQLite database: its header was overwritten`;

  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      await access(file, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      // In WAL mode both exist while any connection is open, and ours are.
      if (code === "ENOENT") {
        if (file === path || opened) return `${file} was removed while the service had the database open`;
        continue;
      }
      return `${file} is not writable (${code}: ${WRITE_ERRORS[code] ?? "the operating system refuses writes"})`;
    }
  }
  const shm = await stat(`${path}-shm`).catch(() => undefined);
  if (shm?.size === 0) return `${path}-shm (the WAL index) was truncated to 0 bytes while the service had it mapped`;
  return undefined;
}

/**
 * Checks the files every `intervalMs` and calls `onProblem` once, with the first problem found;
 * then stops. Returns a function that stops it earlier. The timer never keeps the process alive.
 */
export function watchDatabaseFiles(path: string, opened: DatabaseFileIdentity, onProblem: (problem: string) => void, intervalMs = 1000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let problem: string | undefined;
    try {
      problem = await databaseFileProblem(path, opened);
    } catch (error) {
      problem = `${path} cannot be checked (${(error as NodeJS.ErrnoException).code ?? (error as Error).name})`;
    }
    if (stopped) return;
    if (problem) {
      stopped = true;
      onProblem(problem);
      return;
    }
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
