import { makeTestService, runtime } from "@harness";
import { describe, expect, it } from "vitest";
import { call } from "../support/requests.js";
import { makeToken, unique } from "../support/principals.js";

describe(`reference data management (${runtime})`, () => {
  it("adds a GI tag for its districts, which then admits artisans there and only there", async () => {
    const service = await makeTestService();
    const name = unique("Mau Saree");
    const created = await call(service, "POST", "/api/v1/gi-tags", { name, category: "Handloom", applicationNumber: "645", districtCodes: [168] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name, applicationNumber: "645", districtCodes: [168] });
    const listed = await call(service, "GET", "/api/v1/gi-tags", undefined, null);
    expect(listed.json.giTags.map((g: any) => g.name)).toContain(name);

    const base = { name: "Weaver", productId: undefined, craft: "Saree weaving", giTagId: created.json.id };
    expect((await call(service, "POST", "/api/v1/artisans", { ...base, districtCode: 168, giAuthorisedUserNumber: unique("AU") })).status).toBe(201);
    const outside = await call(service, "POST", "/api/v1/artisans", { ...base, districtCode: 187, giAuthorisedUserNumber: unique("AU") });
    expect(outside.json.code).toBe("gi-region-mismatch");

    const widened = await call(service, "PATCH", `/api/v1/gi-tags/${created.json.id}`, { addDistrictCodes: [187] });
    expect(widened.json.districtCodes.sort()).toEqual([168, 187]);
    expect((await call(service, "POST", "/api/v1/artisans", { ...base, districtCode: 187, giAuthorisedUserNumber: unique("AU") })).status).toBe(201);

    const audit = await call(service, "GET", `/api/v1/audit?subjectType=gi-tag&subjectId=${created.json.id}`);
    expect(audit.json.items.map((e: any) => e.action)).toEqual(["gi-tag.change", "gi-tag.add"]);
  });

  it("fills a missing GI application number once, and never overwrites one", async () => {
    const service = await makeTestService();
    const lucknowChikan = 3;
    const filled = await call(service, "PATCH", `/api/v1/gi-tags/${lucknowChikan}`, { applicationNumber: "31" });
    expect(filled.json.applicationNumber).toBe("31");
    const overwrite = await call(service, "PATCH", `/api/v1/gi-tags/${lucknowChikan}`, { applicationNumber: "32" });
    expect([overwrite.status, overwrite.json.code]).toEqual([409, "application-number-set"]);
    // Once recorded it is fixed, so giving it again is refused too (rather than answered by
    // whichever of two concurrent requests reads first).
    const again = await call(service, "PATCH", `/api/v1/gi-tags/${lucknowChikan}`, { applicationNumber: "31" });
    expect([again.status, again.json.code]).toEqual([409, "application-number-set"]);
  });

  it("adds an ODOP product to a district, refuses duplicates, and is the admin's alone", async () => {
    const service = await makeTestService();
    const name = unique("Carpet");
    const added = await call(service, "POST", "/api/v1/districts/187/products", { name });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ districtCode: 187, name });
    const dup = await call(service, "POST", "/api/v1/districts/187/products", { name });
    expect([dup.status, dup.json.code]).toEqual([409, "duplicate-product"]);
    const district = await makeToken(service, { role: "district", districtCode: 187 });
    const refused = await call(service, "POST", "/api/v1/districts/187/products", { name: unique("x") }, district.token);
    expect([refused.status, refused.json.code]).toEqual([403, "role-not-allowed"]);
    const unknown = await call(service, "POST", "/api/v1/gi-tags", { name: unique("x"), category: "Food", districtCodes: [1] });
    expect([unknown.status, unknown.json.code]).toEqual([422, "unknown-district"]);
  });
});
