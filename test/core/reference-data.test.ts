// Reference ids (LGD district codes, ODOP product ids, GI tag ids) are printed in tokens forever:
// the migration that ships them must never change.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const shipped = readFileSync(new URL("../../db/migrations/0001_reference_data.sql", import.meta.url));

describe("shipped reference data", () => {
  it("is byte for byte the migration that first shipped", () => {
    expect(createHash("sha256").update(shipped).digest("hex")).toBe("f9123af0b28a5baceee1cb320904bcece9287d8b7673e4ab561f09d496f958df");
  });

  it("keeps the ids that tests and printed tokens rely on", () => {
    const text = shipped.toString("utf8");
    expect(text).toContain("INSERT INTO districts (code, name, division) VALUES (187, 'Varanasi', 'Varanasi');");
    expect(text).toContain("INSERT INTO products (id, district_code, name) VALUES (103, 187, 'Banarasi Silk Saree');");
    expect(text).toContain("INSERT INTO gi_tags (id, name, category, application_number) VALUES (2, 'Banaras Brocades and Sarees', 'Handloom', '99');");
  });
});
