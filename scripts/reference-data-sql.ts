// Wrote db/migrations/0001_reference_data.sql from db/seed/*.csv, once. Reference data travels
// as a migration so that libSQL and D1 get the same rows, with the same ids, the same way.
// Ids are positional, and once shipped an id is in printed tokens forever, so this migration is
// frozen (test/core/reference-data.test.ts pins it): later additions go through the registry
// API (POST /api/v1/gi-tags, POST /api/v1/districts/{code}/products) or a new migration.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { csvRecords } from "./lib/csv.js";

const TARGET = "db/migrations/0001_reference_data.sql";
if (existsSync(TARGET) && !process.argv.includes("--check")) {
  console.error(`${TARGET} is shipped and frozen: its ids are printed in tokens. Add reference data through the API or a new migration.`);
  process.exit(1);
}

const districtsCsv = csvRecords(readFileSync("db/seed/districts.csv", "utf8"));
const giCsv = csvRecords(readFileSync("db/seed/gi_tags.csv", "utf8"));

const q = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`);
const lines: string[] = [];
const codeByName = new Map<string, number>();

for (const d of districtsCsv) {
  const code = Number(d.lgd_code);
  codeByName.set(d.district!, code);
  lines.push(`INSERT INTO districts (code, name, division) VALUES (${q(code)}, ${q(d.district!)}, ${q(d.division!)});`);
}
let productId = 0;
for (const d of districtsCsv) {
  for (const name of d.odop_products!.split(";").map((s) => s.trim()).filter(Boolean)) {
    lines.push(`INSERT INTO products (id, district_code, name) VALUES (${++productId}, ${codeByName.get(d.district!)}, ${q(name)});`);
  }
}
giCsv.forEach((g, i) => {
  const id = i + 1;
  lines.push(`INSERT INTO gi_tags (id, name, category, application_number) VALUES (${id}, ${q(g.gi_name!)}, ${q(g.category!)}, ${q(g.application_number || null)});`);
  for (const name of g.districts!.split(";").map((s) => s.trim())) {
    const code = codeByName.get(name);
    if (code === undefined) throw new Error(`GI tag ${g.gi_name}: unknown district ${name}`);
    lines.push(`INSERT INTO gi_tag_districts (gi_tag_id, district_code) VALUES (${id}, ${code});`);
  }
});

const header = "-- Reference data from db/seed/*.csv, written by scripts/reference-data-sql.ts. Ids are stable: append, never renumber.\n";
const sqlText = header + lines.join("\n--> statement-breakpoint\n") + "\n";
if (process.argv.includes("--check")) {
  // The CSVs may gain rows; what was shipped must still be generated identically from them.
  const ok = readFileSync(TARGET, "utf8") === sqlText;
  console.log(ok ? "db/seed matches the shipped reference migration" : "db/seed no longer generates the shipped reference migration");
  process.exit(ok ? 0 : 1);
}
writeFileSync(TARGET, sqlText);
console.log(`districts: ${districtsCsv.length}, products: ${productId}, gi_tags: ${giCsv.length}`);
