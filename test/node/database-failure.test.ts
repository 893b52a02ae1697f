// Which libSQL errors are the database's fault (a 503 to retry) and which are bugs (a 500), on
// errors the real driver throws: src/store/database.ts databaseFailure, docs/operations.md §10.
import Database from "libsql";
import { closeSync, mkdtempSync, openSync, statSync, truncateSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { openLibsqlDatabase } from "../../src/runtime/libsql.js";
import { databaseFailure, probeDatabase } from "../../src/store/database.js";

async function failure(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return databaseFailure(error) ?? "bug";
  }
  throw new Error("expected the call to fail");
}

const freshPath = () => join(mkdtempSync(join(tmpdir(), "asli-failure-")), "asli.db");

describe("database failures on libSQL", () => {
  it("counts query mistakes as bugs, and a missing table as a database emptied under the service", async () => {
    const { client } = await openLibsqlDatabase(`file:${freshPath()}`);
    await client.execute("CREATE TABLE t (x UNIQUE)");
    await client.execute("INSERT INTO t VALUES (1)");
    expect(await failure(() => client.execute("INSERT INTO t VALUES (1)"))).toBe("bug");
    expect(await failure(() => client.execute("SELEC 1"))).toBe("bug");
    expect(await failure(() => client.execute("SELECT nope FROM t"))).toBe("bug");
    expect(await failure(() => client.execute("SELECT * FROM gone"))).toEqual({ kind: "unavailable", code: "SQLITE_ERROR (no such table)" });
  });

  it("counts a closed client, a file that is no database and a corrupt one as unavailable, through drizzle's wrapping too", async () => {
    const closed = await openLibsqlDatabase(`file:${freshPath()}`);
    closed.client.close();
    expect(await failure(() => probeDatabase(closed.db))).toEqual({ kind: "unavailable", code: "CLIENT_CLOSED" });

    const overwritten = freshPath();
    const first = await openLibsqlDatabase(`file:${overwritten}`);
    await first.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    first.client.close();
    const fd = openSync(overwritten, "r+");
    writeSync(fd, randomBytes(statSync(overwritten).size), 0, undefined, 0);
    closeSync(fd);
    const garbage = new Database(overwritten);
    expect(await failure(async () => garbage.prepare("SELECT * FROM signing_keys").all())).toMatchObject({ kind: "unavailable", code: "SQLITE_NOTADB" });

    const halved = freshPath();
    const second = await openLibsqlDatabase(`file:${halved}`);
    await second.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    second.client.close();
    truncateSync(halved, Math.floor(statSync(halved).size / 2));
    const corrupt = new Database(halved);
    expect(await failure(async () => corrupt.prepare("SELECT count(*) FROM audit_log").all())).toMatchObject({ kind: "unavailable", code: expect.stringMatching(/^SQLITE_CORRUPT/) });
  });

  it("counts another connection's write lock, held past the wait, as busy", async () => {
    const path = freshPath();
    const { client } = await openLibsqlDatabase(`file:${path}`, { busyWaitMs: 100 });
    await client.execute("CREATE TABLE t (x)");
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    try {
      expect(await failure(() => client.batch([{ sql: "INSERT INTO t VALUES (1)", args: [] }]))).toEqual({ kind: "busy", code: "SQLITE_BUSY" });
    } finally {
      holder.exec("ROLLBACK");
    }
  });
});
