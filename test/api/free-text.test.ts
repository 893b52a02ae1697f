// Free text refuses characters that hide, reorder or break it: C0 and C1 controls (newlines
// too), DEL, bidirectional controls, invisible format characters, lone surrogates and
// noncharacters; in every free-text field of every service, batch rows included, with a 400
// and a field error, writing nothing. What it accepts is stored exactly (trimmed), and every
// tag format draws it: tag.svg is well-formed XML, tag.png and tag.pdf render (Node).
import { makeTestService, runtime } from "@harness";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import type { TestService } from "../support/harness.js";
import { unique } from "../support/principals.js";
import { call, VARANASI } from "../support/requests.js";
import { xmlWellFormednessError } from "../support/xml.js";

const BANARAS_BROCADES = 2;

const REFUSED: [string, string][] = [
  ["NUL", "\u0000"],
  ["BEL", "\u0007"],
  ["ESC", "\u001b[32m"],
  ["a line feed", "\n"],
  ["a carriage return", "\r"],
  ["a tab", "\t"],
  ["DEL", "\u007f"],
  ["NEL (C1)", "\u0085"],
  ["CSI (C1)", "\u009b"],
  ["RIGHT-TO-LEFT OVERRIDE", "\u202e"],
  ["LEFT-TO-RIGHT EMBEDDING", "\u202a"],
  ["LEFT-TO-RIGHT ISOLATE", "\u2066"],
  ["POP DIRECTIONAL ISOLATE", "\u2069"],
  ["RIGHT-TO-LEFT MARK", "\u200f"],
  ["ZERO WIDTH SPACE", "\u200b"],
  ["WORD JOINER", "\u2060"],
  ["SOFT HYPHEN", "\u00ad"],
  ["ZERO WIDTH NO-BREAK SPACE", "\ufeff"],
  ["a tag character", "\u{e0041}"],
  ["LINE SEPARATOR", "\u2028"],
  ["a lone high surrogate", "\ud800"],
  ["a lone low surrogate", "\udc00"],
  ["U+FFFE", "\ufffe"],
  ["U+FFFF", "\uffff"],
  ["U+10FFFF", "\u{10ffff}"],
  ["HANGUL FILLER", "\u3164"],
];

/** Accepted as given: Devanagari with its joiners, Urdu, an emoji sequence, a combining accent. */
const ACCEPTED = ["मो. सलीम अंसारी", "उत्‌पाद", "क्‍ष", "رخسانہ بانو", "👨‍👩‍👧 family", "Jose\u0301", "Lucknow Chikan Emporium & Sons <1>"];

interface Field {
  name: string;
  /** The path of the field error. */
  path: string;
  send(service: TestService, text: string, ids: Ids): Promise<{ status: number; json: any }>;
}

interface Ids {
  artisanId: number;
}

const artisanBody = (extra: Record<string, unknown>) => ({ name: unique("Text Weaver"), districtCode: VARANASI, productId: 103, ...extra });

async function batchCsv(service: TestService, body: string) {
  const res = await service.app.request("/api/v1/batches", { method: "POST", headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "text/csv" }, body });
  return { status: res.status, json: (await res.json()) as any };
}

const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

const FIELDS: Field[] = [
  { name: "artisan name", path: "name", send: (s, t) => call(s, "POST", "/api/v1/artisans", artisanBody({ name: t })) },
  { name: "craft", path: "craft", send: (s, t) => call(s, "POST", "/api/v1/artisans", artisanBody({ productId: undefined, craft: t })) },
  { name: "seller name", path: "seller.name", send: (s, t) => call(s, "POST", "/api/v1/artisans", artisanBody({ seller: { name: t, gstin: "09AAACK1234A1Z8" } })) },
  { name: "photo URL", path: "photoUrl", send: (s, t) => call(s, "POST", "/api/v1/artisans", artisanBody({ photoUrl: `https://photos.example/a${t}b.jpg` })) },
  { name: "edited artisan name", path: "name", send: (s, t, ids) => call(s, "PATCH", `/api/v1/artisans/${ids.artisanId}`, { name: t }) },
  { name: "edited craft", path: "craft", send: (s, t, ids) => call(s, "PATCH", `/api/v1/artisans/${ids.artisanId}`, { craft: t }) },
  { name: "suspension reason", path: "reason", send: (s, t, ids) => call(s, "POST", `/api/v1/artisans/${ids.artisanId}/status`, { status: "suspended", reason: t }) },
  { name: "GI withdrawal reason", path: "reason", send: (s, t, ids) => call(s, "POST", `/api/v1/artisans/${ids.artisanId}/gi-authorisation`, { action: "withdraw", reason: t }) },
  { name: "certificate title", path: "title", send: (s, t, ids) => call(s, "POST", "/api/v1/certificates", { artisanId: ids.artisanId, title: t }) },
  { name: "material", path: "materials.0", send: (s, t, ids) => call(s, "POST", "/api/v1/certificates", { artisanId: ids.artisanId, title: "Saree", materials: [t] }) },
  { name: "token name", path: "name", send: (s, t) => call(s, "POST", "/api/v1/tokens", { name: t, role: "exporter" }) },
  { name: "GI tag name", path: "name", send: (s, t) => call(s, "POST", "/api/v1/gi-tags", { name: t, category: "Handicraft", districtCodes: [VARANASI] }) },
  { name: "product name", path: "name", send: (s, t) => call(s, "POST", `/api/v1/districts/${VARANASI}/products`, { name: t }) },
  { name: "batch CSV title", path: "title", send: (s, t, ids) => batchCsv(s, `artisan_id,title\n${ids.artisanId},${csvCell(`Saree ${t}`)}\n`) },
  { name: "batch CSV material", path: "materials.0", send: (s, t, ids) => batchCsv(s, `artisan_id,title,materials\n${ids.artisanId},Saree,${csvCell(`silk ${t}`)}\n`) },
  { name: "batch JSON title", path: "title", send: (s, t, ids) => call(s, "POST", "/api/v1/batches", { items: [{ artisanId: ids.artisanId, title: `Saree ${t}` }] }) },
];

async function writes(service: TestService): Promise<number> {
  return service.deps.db.$count(auditLog);
}

describe(`free text refuses control, bidirectional and invisible characters (${runtime})`, () => {
  for (const field of FIELDS) {
    it(`refuses them in the ${field.name} with a field error, writing nothing`, async () => {
      const service = await makeTestService();
      const ids = { artisanId: (await call(service, "POST", "/api/v1/artisans", artisanBody({ giTagId: BANARAS_BROCADES, giAuthorisedUserNumber: unique("AU") }))).json.id };
      const before = await writes(service);
      const batch = field.name.startsWith("batch");
      for (const [what, ch] of REFUSED) {
        // A CSV body is bytes: UTF-8 cannot carry a lone surrogate (it arrives as U+FFFD).
        if (field.name.startsWith("batch CSV") && /^[\ud800-\udfff]$/u.test(ch)) continue;
        const { status, json } = await field.send(service, `Honest${ch}Artisan`, ids);
        expect([status, json.code], what).toEqual(batch ? [422, "batch-invalid"] : [400, "validation-failed"]);
        const error = json.errors.find((e: { path: string }) => e.path === field.path);
        expect(error, `${what}: ${JSON.stringify(json.errors)}`).toBeDefined();
        expect(error.message, what).toMatch(/U\+[0-9A-F]{4,6}/);
        if (batch) expect(error.row, what).toBeGreaterThanOrEqual(1);
      }
      expect(await writes(service), "nothing was written").toBe(before);
    });
  }

  it("refuses them before trimming: a leading NUL or a trailing byte-order mark is not trimmed away", async () => {
    const service = await makeTestService();
    for (const name of ["\u0000Weaver", "Weaver\ufeff", "\u2028Weaver"]) {
      const { status, json } = await call(service, "POST", "/api/v1/artisans", artisanBody({ name }));
      expect([status, json.code], JSON.stringify(name)).toEqual([400, "validation-failed"]);
    }
  });

  it("accepts Devanagari with its joiners, Urdu and emoji, and stores them exactly", async () => {
    const service = await makeTestService();
    for (const text of ACCEPTED) {
      const registered = await call(service, "POST", "/api/v1/artisans", artisanBody({ name: text, productId: undefined, craft: text, seller: { name: text, gstin: "09AAACK1234A1Z8" } }));
      expect(registered.status, text).toBe(201);
      const read = await call(service, "GET", `/api/v1/artisans/${registered.json.id}`);
      expect([read.json.name, read.json.craft, read.json.seller.name]).toEqual([text, text, text]);
    }
  });
});

/** Any UTF-16 text: code points of every plane, raw code units (lone surrogates, controls), and a mix with the usual suspects. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 24 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 16 }).map((units) => String.fromCharCode(...units)),
  fc
    .array(fc.constantFrom("Zari", " ", "उत्‌पाद", "क्‍ष", "رخسانہ", "\u0000", "\u0007", "\u001b[2K", "\r", "\u0085", "\u202e", "\u2066", "\ufffe", "\ud800", "&", "<", "]]>", "\"'"), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join("")),
);

describe(`any text the API accepts prints on every tag format (${runtime})`, () => {
  it("draws tag.svg as well-formed XML (and tag.png, tag.pdf where the runtime renders them) for any craft, product or GI name it accepts", async () => {
    const service = await makeTestService();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom("craft", "product", "gi"), async (text, where) => {
        const before = await writes(service);
        let artisan: Record<string, unknown>;
        let sent;
        if (where === "craft") {
          sent = await call(service, "POST", "/api/v1/artisans", artisanBody({ productId: undefined, craft: text }));
          artisan = sent.json;
        } else if (where === "product") {
          sent = await call(service, "POST", `/api/v1/districts/${VARANASI}/products`, { name: text });
          artisan = sent.status === 201 ? (await call(service, "POST", "/api/v1/artisans", artisanBody({ productId: sent.json.id }))).json : {};
        } else {
          sent = await call(service, "POST", "/api/v1/gi-tags", { name: text, category: "Handicraft", districtCodes: [VARANASI] });
          artisan = sent.status === 201 ? (await call(service, "POST", "/api/v1/artisans", artisanBody({ giTagId: sent.json.id, giAuthorisedUserNumber: unique("AU") }))).json : {};
        }
        if (sent.status !== 201) {
          // Refused (or, for a name the registry already holds, a conflict): nothing written.
          expect([400, 409], JSON.stringify(sent.json)).toContain(sent.status);
          expect(await writes(service)).toBe(before);
          return;
        }
        accepted++;
        if (where === "craft") expect(artisan.craft).toBe(text.trim());
        if (where !== "craft") expect(sent.json.name).toBe(text.trim());
        const certificate = await call(service, "POST", "/api/v1/certificates", { artisanId: artisan.id, title: "Saree" });
        expect(certificate.status).toBe(201);
        for (const size of ["swing", "sticker"]) {
          const res = await service.app.request(`/api/v1/certificates/${certificate.json.id}/tag.svg?size=${size}`, { headers: { authorization: `Bearer ${service.adminToken}` } });
          expect(res.status).toBe(200);
          const svg = await res.text();
          expect(xmlWellFormednessError(svg), svg).toBeNull();
          // PNG and PDF are the same code on both runtimes; drawn here on Node, where they are quick.
          if ((runtime as string) === "node") {
            for (const ext of ["png", "pdf"]) {
              const other = await service.app.request(`/api/v1/certificates/${certificate.json.id}/tag.${ext}?size=${size}`, { headers: { authorization: `Bearer ${service.adminToken}` } });
              expect(other.status, `tag.${ext}`).toBe(200);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(accepted, "some of the generated text is accepted").toBeGreaterThan(5);
  }, 120_000);
});
