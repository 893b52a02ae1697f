// Writes db/migrations/0001_reference_data.sql from db/seed/*.csv. Reference data travels as a
// migration so that libSQL and D1 get the same rows, with the same ids, the same way.
// Ids are positional: products are numbered in file order, GI tags in file order. Once
// shipped, an id is in printed tokens forever: append new rows, never renumber.
import { readFileSync, writeFileSync } from "node:fs";
import { csvRecords } from "./lib/csv.js";

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
writeFileSync("db/migrations/0001_reference_data.sql", header + lines.join("\n--> statement-breakpoint\n") + "\n");
console.log(`districts: ${districtsCsv.length}, products: ${productId}, gi_tags: ${giCsv.length}`);
