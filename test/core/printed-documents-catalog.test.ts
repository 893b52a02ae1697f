// The invitation slip and the claim card are printed by the API (POST /api/v1/invitations/slip.pdf,
// a certificate's claim card), which on Workers runs without the console's module and so without
// English's console strings (messages/en-console.ts). Whatever they print must come from
// messages/en.ts alone: this file imports neither all-catalogs.ts nor the console, as a Workers
// isolate that has served no console page.
import { describe, expect, it } from "vitest";
import { claimCardContent } from "../../src/pages/console/claim-card.js";
import { slipContent } from "../../src/pages/console/slip.js";
import { en } from "../../src/pages/i18n/messages/en.js";
import type { PersonScope } from "../../src/service/access.js";

const names = {
  districts: [{ code: 187, name: "Varanasi" }],
  giTags: [{ id: 2, name: "Banaras Brocades and Sarees" }],
  district: () => "Varanasi",
  giTag: () => "Banaras Brocades and Sarees",
  artisan: () => "Shabnam Bano",
};
const none = { districtCode: null, giTagId: null, artisanId: null };
const SCOPES: PersonScope[] = [
  { ...none, role: "admin" },
  { ...none, role: "district", districtCode: 187 },
  { ...none, role: "gi-body", giTagId: 2 },
  { ...none, role: "artisan", artisanId: 7 },
  { ...none, role: "exporter" },
];

describe("documents the API prints, from the public part of the English catalog alone", () => {
  it("prints the invitation slip of every role", () => {
    for (const scope of SCOPES) {
      const slip = slipContent({ ...scope, name: "Shabnam Bano", expiresAt: "2026-03-04T10:00:00Z" }, "https://asli.example/console/join/x", "https://asli.example/console", names);
      const text = [...slip.heading, ...slip.details.flatMap((d) => [d.label, d.value]), ...slip.steps, ...slip.footer].join("\n");
      expect(text, scope.role).toContain(en.console.slip.heading);
      expect(text, scope.role).not.toMatch(/undefined|\{\w+\}/);
    }
    const district = slipContent({ ...none, role: "district", districtCode: 187, name: "A", expiresAt: "2026-03-04T10:00:00Z" }, "https://asli.example/j", "https://asli.example/console", names);
    expect(district.details[1]!.value).toContain("District office staff, Varanasi");
  });

  it("prints the claim card", () => {
    const card = claimCardContent("ABCDEFGHJKMNP", "https://asli.example/v/x", "ABCD-EFGH");
    expect(card.heading[0]).toBe(en.console.claimCard.heading);
    expect([...card.steps, ...card.footer].join("\n")).not.toMatch(/undefined|\{\w+\}/);
  });
});
