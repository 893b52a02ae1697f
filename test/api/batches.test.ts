import { makeTestService, runtime, type TestService } from "@harness";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { call, registerArtisan, VARANASI } from "../support/requests.js";
import { makeArtisan, makeToken } from "../support/principals.js";
import { snapshot } from "../support/snapshot.js";

const HEADER = "artisan_id,title,materials,made_on,product_id,claim_gi,gi_tag_id";

async function post(service: TestService, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) {
  const res = await service.app.request("/api/v1/batches", {
    method: "POST",
    headers: { authorization: `Bearer ${service.adminToken}`, "content-type": type, ...headers },
    body: body as BodyInit,
  });
  const json = (await res.json()) as any;
  return { status: res.status, json, res };
}

const csv = (...lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";

// Unique per call: on Workers every test in a file shares one D1 database.
let weavers = 0;
async function weaver(service: TestService, n = 1) {
  return registerArtisan(service, { giTagId: 2, giAuthorisedUserNumber: `AU-VNS-B${n}-${++weavers}` });
}

describe(`batch issuance (${runtime})`, () => {
  it("issues every row of a CSV, each certificate genuine, with its row number", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const { status, json, res } = await post(
      service,
      csv(`${a.id},Katan silk saree,silk; zari,2026-02-20,,,2`, `${a.id},"Jangla saree, red",silk,,103,no,`, `${a.id},Stole,,,,,`),
      "text/csv; charset=utf-8",
    );
    expect(status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/batches/${json.id}`);
    expect(json).toMatchObject({ itemCount: 3, source: "csv", links: { labels: `https://asli.example/api/v1/batches/${json.id}/labels.pdf` } });
    expect(json.id).toMatch(/^B-[A-Z2-7]{13}$/);
    expect(json.certificates.map((c: any) => c.row)).toEqual([2, 3, 4]);
    expect(json.verifyUrlPrefix).toBe("HTTPS://ASLI.EXAMPLE/V/");

    const verdicts = await Promise.all(json.certificates.map((c: any) => call(service, "GET", `/api/v1/verify/${c.token}`, undefined, null)));
    expect(verdicts.map((v) => v.json.status)).toEqual(["genuine", "genuine", "genuine"]);
    expect(verdicts[0]!.json.certificate).toMatchObject({ title: "Katan silk saree", materials: ["silk", "zari"], madeOn: "2026-02-20", giTag: { id: 2 } });
    expect(verdicts[1]!.json.certificate).toMatchObject({ title: "Jangla saree, red", giTag: null, product: { id: 103 } });

    const again = await call(service, "GET", `/api/v1/batches/${json.id}`);
    expect(again.status).toBe(200);
    expect(again.json.certificates).toEqual(json.certificates);
  });

  it("stores each certificate exactly as single issuance stores the same item, column by column, type and value", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const item = { artisanId: a.id, title: "Katan saree, \"red\" \\ ज़री", materials: ["silk", "zari ज़री"], madeOn: "2026-02-20", productId: 103, claimGi: true };
    const single = await call(service, "POST", "/api/v1/certificates", item);
    expect(single.status).toBe(201);
    const batch = await call(service, "POST", "/api/v1/batches", { items: [{ ...item, giTagId: 2 }, { artisanId: a.id, title: "Stole", claimGi: false }] });
    expect(batch.status).toBe(201);
    const columns = ["artisan_id", "district_code", "product_id", "gi_tag_id", "title", "materials", "made_on", "issued_at", "kid", "token", "batch_id", "batch_row"];
    const read = async (id: string) => {
      const [row] = await service.deps.db.all<Record<string, unknown>>(
        sql.raw(`SELECT ${columns.map((c) => `typeof(${c}) AS "${c}:type", quote(${c}) AS "${c}"`).join(", ")} FROM certificates WHERE id = '${id}'`),
      );
      return row!;
    };
    const [one, fromBatch, plain] = await Promise.all([read(single.json.id), read(batch.json.certificates[0].id), read(batch.json.certificates[1].id)]);
    for (const c of ["artisan_id", "district_code", "product_id", "gi_tag_id", "title", "materials", "made_on", "kid"]) {
      expect([c, fromBatch[`${c}:type`], fromBatch[c]]).toEqual([c, one[`${c}:type`], one[c]]);
    }
    expect(fromBatch).toMatchObject({ "issued_at:type": "integer", "token:type": "text", "batch_id:type": "text", "batch_row:type": "integer", batch_row: "1" });
    expect(fromBatch.batch_id).toBe(`'${batch.json.id}'`);
    expect(fromBatch.token).toBe(`'${batch.json.certificates[0].token}'`);
    expect(Number(fromBatch.issued_at)).toBe(Date.parse(batch.json.createdAt) / 1000);
    expect(plain).toMatchObject({ materials: "'[]'", "made_on:type": "null", "product_id:type": "integer", "gi_tag_id:type": "null", batch_row: "2" });
  });

  it("writes a batch larger than one insert statement holds, every row in order", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const rows = Array.from({ length: 2_500 }, (_, i) => `${a.id},"Bowl ${i + 1}, brass",brass; lacquer,2026-02-0${1 + (i % 9)},,,`);
    const { status, json } = await post(service, csv(...rows), "text/csv");
    expect(status).toBe(201);
    expect(json.itemCount).toBe(2_500);
    const stored = await call(service, "GET", `/api/v1/batches/${json.id}`);
    expect(stored.json.certificates.map((c: any) => c.row)).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 2));
    const last = await call(service, "GET", `/api/v1/verify/${stored.json.certificates.at(-1).token}`, undefined, null);
    expect(last.json.certificate).toMatchObject({ title: "Bowl 2500, brass", materials: ["brass", "lacquer"], madeOn: "2026-02-07" });
  });

  it("lets a district office issue for its artisans only, and read only batches wholly in its scope", async () => {
    const service = await makeTestService();
    const own = await makeArtisan(service, "own");
    const other = await makeArtisan(service, "other");
    const varanasi = await makeToken(service, { role: "district", districtCode: VARANASI });
    const as = (token: string) => ({ ...service, adminToken: token });

    const refused = await post(as(varanasi.token), csv(`${own},Saree,,,,,`, `${other},Chikan kurta,,,,,`), "text/csv");
    expect([refused.status, refused.json.errors.map((e: any) => [e.row, e.code])]).toEqual([422, [[3, "out-of-scope"]]]);

    const mine = await post(as(varanasi.token), csv(`${own},Saree,,,,,`), "text/csv");
    expect(mine.status).toBe(201);
    const mixed = await post(service, csv(`${own},Saree,,,,,`, `${other},Chikan kurta,,,,,`), "text/csv");
    expect(mixed.status).toBe(201);
    expect((await call(service, "GET", `/api/v1/batches/${mine.json.id}`, undefined, varanasi.token)).status).toBe(200);
    expect((await call(service, "GET", `/api/v1/batches/${mixed.json.id}`, undefined, varanasi.token)).status).toBe(404);
    expect((await call(service, "GET", `/api/v1/batches/${mixed.json.id}/labels.pdf`, undefined, varanasi.token)).status).toBe(404);
  });

  it("issues JSON items the same way", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const { status, json } = await post(
      service,
      JSON.stringify({ items: [{ artisanId: a.id, title: "Saree" }, { artisanId: a.id, title: "Dupatta", claimGi: false }] }),
      "application/json",
    );
    expect(status).toBe(201);
    expect(json).toMatchObject({ itemCount: 2, source: "json" });
    expect(json.certificates.map((c: any) => c.row)).toEqual([1, 2]);
  });

  it("returns the same batch for a retried Idempotency-Key, and refuses the key with another body", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const body = csv(`${a.id},Saree,,,,,`, `${a.id},Stole,,,,,`);
    const first = await post(service, body, "text/csv", { "idempotency-key": "order-4711" });
    const before = await snapshot(service.deps.db);
    const retry = await post(service, body, "text/csv", { "idempotency-key": "order-4711" });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.res.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect(await snapshot(service.deps.db)).toBe(before);

    const other = await post(service, csv(`${a.id},Other,,,,,`), "text/csv", { "idempotency-key": "order-4711" });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe("idempotency-key-reused");
    const bad = await post(service, body, "text/csv", { "idempotency-key": "has space" });
    expect(bad.json.code).toBe("invalid-idempotency-key");
    expect(await snapshot(service.deps.db)).toBe(before);

    // Two requests with one key at the same time: one batch, both answers name it.
    const racing = csv(`${a.id},Racing saree,,,,,`);
    const [x, y] = await Promise.all([post(service, racing, "text/csv", { "idempotency-key": "race-1" }), post(service, racing, "text/csv", { "idempotency-key": "race-1" })]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.json.id).toBe(y.json.id);

    // Without a key, the same body is a new batch.
    const fresh = await post(service, body, "text/csv");
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(first.json.id);
  });

  it("reports every bad row by number with a stable code, and writes nothing (all or nothing)", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const before = await snapshot(service.deps.db);
    const { status, json } = await post(
      service,
      csv(
        `${a.id},Good row,,,,,`,
        `999999,Unknown artisan,,,,,`,
        `${a.id},Chikan on a Banarasi,,,,,3`,
        `${a.id},"=HYPERLINK(""http://evil.example"",""click"")",,,,,`,
        `${a.id},Future,,2999-01-01,,,`,
        `${a.id},Bad number,,,abc,,`,
        `${a.id},Too few`,
        `${a.id},Wrong product,,,1,,`,
      ),
      "text/csv",
    );
    expect(status).toBe(422);
    expect(json.code).toBe("batch-invalid");
    expect(json.errors.map((e: any) => [e.row, e.path, e.code])).toEqual([
      [3, "artisan_id", "unknown-artisan"],
      [4, "gi_tag_id", "gi-region-mismatch"],
      [5, "title", "formula-injection"],
      [6, "made_on", "made-on-in-future"],
      [7, "product_id", "invalid-value"],
      [8, "(row)", "csv-field-count"],
      [9, "product_id", "product-outside-district"],
    ]);
    expect(await snapshot(service.deps.db)).toBe(before);

    // With the syntax fixed, the registry checks report their rows, still writing nothing.
    const second = await post(
      service,
      csv(`${a.id},Good row,,,,,`, `999999,Unknown artisan,,,,,`, `${a.id},Chikan on a Banarasi,,,,,3`, `${a.id},Future,,2999-01-01,,,`, `${a.id},Wrong product,,,1,,`),
      "text/csv",
    );
    expect(second.status).toBe(422);
    expect(second.json.errors.map((e: any) => [e.row, e.path, e.code])).toEqual([
      [3, "artisan_id", "unknown-artisan"],
      [4, "gi_tag_id", "gi-region-mismatch"],
      [5, "made_on", "made-on-in-future"],
      [6, "product_id", "product-outside-district"],
    ]);
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("refuses a wrong header, naming the columns", async () => {
    const service = await makeTestService();
    const before = await snapshot(service.deps.db);
    const { status, json } = await post(service, "artisan,title,colour\r\n1,Saree,red\r\n", "text/csv");
    expect(status).toBe(400);
    expect(json.code).toBe("csv-header-invalid");
    expect(json.errors.map((e: any) => [e.row, e.path, e.code])).toEqual([
      [1, "artisan", "csv-unknown-column"],
      [1, "colour", "csv-unknown-column"],
      [1, "artisan_id", "csv-missing-column"],
    ]);
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("refuses 10,001 rows, CSV or JSON, with the first row past the limit", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const before = await snapshot(service.deps.db);
    const rows = Array.from({ length: 10_001 }, (_, i) => `${a.id},Item ${i + 1},,,,,`);
    const { status, json } = await post(service, csv(...rows), "text/csv");
    expect(status).toBe(413);
    expect(json.code).toBe("batch-too-large");
    expect(json.errors).toEqual([expect.objectContaining({ row: 10_002, code: "batch-too-large" })]);
    const asJson = await post(service, JSON.stringify({ items: rows.map((_, i) => ({ artisanId: a.id, title: `Item ${i}` })) }), "application/json");
    expect(asJson.status).toBe(413);
    expect(asJson.json.errors[0].row).toBe(10_001);
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("refuses a CSV that is not UTF-8, naming the row and column of each bad cell", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const before = await snapshot(service.deps.db);
    const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const { status, json } = await post(service, latin1(csv(`${a.id},Saree,,,,,`, `${a.id},Caf\xe9 chikan,,,,,`, `${a.id},Stole,r\xe9sham,,,,`)), "text/csv");
    expect(status).toBe(400);
    expect(json.code).toBe("csv-not-utf8");
    expect(json.errors.map((e: any) => [e.row, e.path, e.code])).toEqual([
      [3, "title", "not-utf8"],
      [4, "materials", "not-utf8"],
    ]);
    expect(await snapshot(service.deps.db)).toBe(before);
  });

  it("refuses formula cells in JSON too, and other media types and malformed bodies with 4xx codes", async () => {
    const service = await makeTestService();
    const a = await weaver(service);
    const before = await snapshot(service.deps.db);
    const formula = await post(service, JSON.stringify({ items: [{ artisanId: a.id, title: "@SUM(A1)" }] }), "application/json");
    expect([formula.status, formula.json.code, formula.json.errors[0].row, formula.json.errors[0].code]).toEqual([422, "batch-invalid", 1, "formula-injection"]);
    expect((await post(service, "x", "text/plain")).json.code).toBe("unsupported-media-type");
    expect((await post(service, csv(`${a.id},Saree,,,,,`), "text/csv; charset=iso-8859-1")).json.code).toBe("unsupported-charset");
    expect((await post(service, "{", "application/json")).json.code).toBe("malformed-json");
    const huge = await post(service, `${HEADER}\r\n${"x".repeat(8 * 1024 * 1024)}`, "text/csv");
    expect([huge.status, huge.json.code]).toEqual([413, "payload-too-large"]);
    expect((await post(service, HEADER + "\r\n", "text/csv")).json.code).toBe("batch-empty");
    expect((await post(service, `${HEADER}\r\n1,"Saree\r\n`, "text/csv")).json).toMatchObject({ code: "csv-syntax", errors: [{ row: 2, code: "csv-unterminated-quote" }] });
    expect(await snapshot(service.deps.db)).toBe(before);
  });
});
