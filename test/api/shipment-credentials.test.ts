// A sealed shipment as a W3C Verifiable Credential (docs/credentials.md §11), checked by
// verifiers that share no code with the service (test/support/credential-verifiers.ts): jose for
// vc+jwt on both runtimes, Digital Bazaar's vc for the Data Integrity form on Node only (that
// stack cannot load inside vitest-pool-workers: see test/api/credentials.test.ts). The Merkle
// root is recomputed here from the manifest file the shipment's page offers, with RFC 6962 hashing
// written out in this file. On Workers the tests of this file share one D1 database.
import { makeTestService, runtime } from "@harness";
import fc from "fast-check";
import { decodeJwt } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeToken, unique } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { verifyDataIntegrity, verifyJwt, type Fetcher } from "../support/credential-verifiers.js";
import type { TestService } from "../support/harness.js";
import { shipmentCredentialSchema } from "../../src/http/routes/credentials.js";
import { DocumentRefusedError, documentLoader } from "../../src/credentials/document-loader.js";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";

const ORIGIN = "https://asli.example";
const fetcher = (service: TestService): Fetcher => (url, init) => Promise.resolve(service.app.request(url, init));
const credentialPath = (id: string) => `/api/v1/shipments/${id}/credential`;

interface Fixture {
  service: TestService;
  exporter: string;
  exporterName: string;
  artisanId: number;
}

let once: Promise<Fixture> | undefined;
function fixture(): Promise<Fixture> {
  once ??= (async () => {
    const service = await makeTestService();
    const artisan = await registerArtisan(service, { name: unique("Mohd Salim"), giTagId: 2, giAuthorisedUserNumber: unique("AU-VNS-SVC") });
    const exporterName = unique("Bhadohi Carpet Exports");
    const { token } = await makeToken(service, { role: "exporter", name: exporterName });
    return { service, exporter: token, exporterName, artisanId: artisan.id };
  })();
  return once;
}

/** A shipment of `n` new certificates, in the state asked for. */
async function shipment(f: Fixture, state: "open" | "sealed" | "cancelled", n = 3) {
  const created = await call(f.service, "POST", "/api/v1/shipments", { consigneeName: "Al Noor Trading LLC", consigneeCountry: "AE", reference: "INV-2026-0042" }, f.exporter);
  expect(created.status).toBe(201);
  const id: string = created.json.id;
  const certificates = [];
  for (let i = 0; i < n; i++) certificates.push(await issueCertificate(f.service, f.artisanId, { title: `Hand-knotted carpet ${i + 1}` }));
  expect((await call(f.service, "POST", `/api/v1/shipments/${id}/items`, { items: certificates.map((c) => c.id) }, f.exporter)).status).toBe(200);
  if (state !== "open") expect((await call(f.service, "POST", `/api/v1/shipments/${id}/seal`, undefined, f.exporter)).status).toBe(200);
  if (state === "cancelled") expect((await call(f.service, "POST", `/api/v1/shipments/${id}/cancel`, { reason: "order withdrawn" }, f.exporter)).status).toBe(200);
  const view = (await call(f.service, "GET", `/api/v1/shipments/${id}`, undefined, f.exporter)).json;
  return { id, certificates, view };
}

/** One way a credential is secured, with its own independent verifier. */
interface Form {
  name: string;
  accept: string;
  /** The credential as served (without its proof), once the verifier has accepted it. */
  fetch(service: TestService, path: string): Promise<{ text: string; credential: any }>;
  verifies(service: TestService, text: string): Promise<boolean>;
  /** The secured text with the credential changed by `change`. */
  tamper(text: string, change: (credential: any) => void): string;
}

const jwtForm: Form = {
  name: "vc+jwt (jose)",
  accept: "application/vc+jwt",
  async fetch(service, path) {
    const res = await service.app.request(path, { headers: { accept: this.accept } });
    const text = await res.text();
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/vc+jwt"]);
    const { payload } = await verifyJwt(fetcher(service), text);
    const { iss, jti, sub, ...credential } = payload as any;
    expect([iss, jti, sub]).toEqual([credential.issuer, credential.id, credential.credentialSubject.id]);
    return { text, credential };
  },
  async verifies(service, text) {
    return verifyJwt(fetcher(service), text).then(
      () => true,
      (error) => (/signature verification failed/.test(String(error)) ? false : Promise.reject(error)),
    );
  },
  tamper(text, change) {
    const [header, , signature] = text.split(".");
    const changed = decodeJwt(text);
    change(changed);
    return [header, Buffer.from(JSON.stringify(changed)).toString("base64url"), signature].join(".");
  },
};

const dataIntegrityForm: Form = {
  name: "Data Integrity eddsa-rdfc-2022 (Digital Bazaar)",
  accept: "application/vc",
  async fetch(service, path) {
    const res = await service.app.request(path, { headers: { accept: this.accept } });
    const text = await res.text();
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/vc"]);
    const secured = JSON.parse(text);
    // The answer as the OpenAPI description gives it (application/vc is JSON the helpers do not check).
    if (path.startsWith("/api/v1/shipments/")) expect(shipmentCredentialSchema.safeParse(secured).error).toBeUndefined();
    expect(await this.verifies(service, text)).toBe(true);
    const { proof, ...credential } = secured;
    expect(proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofPurpose: "assertionMethod" });
    return { text, credential };
  },
  async verifies(service, text) {
    return (await verifyDataIntegrity(fetcher(service), ORIGIN, JSON.parse(text))).verified;
  },
  tamper(text, change) {
    const changed = JSON.parse(text);
    change(changed);
    return JSON.stringify(changed);
  },
};

const onWorkers = (runtime as string) === "workers";
const FORMS = onWorkers ? [jwtForm] : [jwtForm, dataIntegrityForm];

// RFC 6962 §2.1, written out here: leaf = SHA-256(0x00 || serial bytes || token hash), node = SHA-256(0x01 || left || right).
const sha256 = async (...parts: Uint8Array[]) => {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (joined.set(p, at), (at += p.length));
  return new Uint8Array(await crypto.subtle.digest("SHA-256", joined));
};
async function merkleTreeHash(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 1) return leaves[0]!;
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return sha256(Uint8Array.of(1), await merkleTreeHash(leaves.slice(0, split)), await merkleTreeHash(leaves.slice(split)));
}
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** A 13-character serial's 8 bytes (RFC 4648 base32, the last character's unused bit zero). */
function serialBytes(serial: string): Uint8Array {
  let bits = 0n;
  for (const ch of serial) bits = (bits << 5n) | BigInt(BASE32.indexOf(ch));
  bits >>= 1n;
  return Uint8Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(8 * (7 - i))) & 0xffn));
}
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const fromHexText = (text: string) => Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16)));

describe.each(FORMS)(`a sealed shipment as a verifiable credential, $name (${runtime})`, (form) => {
  it("lists the exporter, the consignee's country, the sealing time, the root and its items' credential ids in manifest order; the verifier accepts it", async () => {
    const f = await fixture();
    const { id, certificates, view } = await shipment(f, "sealed");
    const { text, credential } = await form.fetch(f.service, credentialPath(id));
    expect(credential).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://asli.example/contexts/asli/shipment/v1"],
      id: `https://asli.example/api/v1/shipments/${id}/credential`,
      type: ["VerifiableCredential", "ShipmentCredential"],
      name: "Asli shipment of certified handmade items",
      issuer: "did:web:asli.example",
      validFrom: view.sealedAt.replace(/\.000Z$/, "Z"),
      credentialSubject: {
        id: `HTTPS://ASLI.EXAMPLE/S/${id}`,
        type: "Shipment",
        shipmentId: id,
        exporter: { type: "Exporter", name: f.exporterName },
        consigneeCountry: "AE",
        reference: "INV-2026-0042",
        sealedAt: view.sealedAt.replace(/\.000Z$/, "Z"),
        itemCount: 3,
        merkleRoot: view.manifest.merkleRoot,
        manifest: `https://asli.example/api/v1/shipments/${id}/manifest`,
        itemCredentials: certificates.map((c) => `https://asli.example/api/v1/certificates/${c.id}/credential`),
      },
    });
    // The consignee's name is the exporter's business: never in the credential.
    expect(text).not.toContain("Al Noor");
    expect(JSON.stringify(credential)).not.toContain("Al Noor");
    // Each item id is the `id` of that certificate's own credential, as the certificate endpoint serves it.
    for (const [i, c] of certificates.entries()) {
      expect((await form.fetch(f.service, `/api/v1/certificates/${c.id}/credential`)).credential.id).toBe(credential.credentialSubject.itemCredentials[i]);
    }
  });

  it("is refused by the verifier with an item id, the root, the item order or the country changed", async () => {
    const f = await fixture();
    const { id, certificates } = await shipment(f, "sealed");
    const other = await issueCertificate(f.service, f.artisanId);
    const { text } = await form.fetch(f.service, credentialPath(id));
    const changes: [string, (c: any) => void][] = [
      ["one item id", (c) => (c.credentialSubject.itemCredentials[1] = `https://asli.example/api/v1/certificates/${other.id}/credential`)],
      ["the root", (c) => (c.credentialSubject.merkleRoot = c.credentialSubject.merkleRoot.replace(/^./, (d: string) => (d === "0" ? "1" : "0")))],
      ["the items' order", (c) => c.credentialSubject.itemCredentials.reverse()],
      ["an item dropped", (c) => c.credentialSubject.itemCredentials.pop()],
      ["the consignee's country", (c) => (c.credentialSubject.consigneeCountry = "DE")],
    ];
    for (const [what, change] of changes) expect(await form.verifies(f.service, form.tamper(text, change)), what).toBe(false);
    expect(await form.verifies(f.service, text)).toBe(true);
    expect(certificates).toHaveLength(3);
  });

  it("has the Merkle root of the signed manifest that the shipment's page offers, over the same items", async () => {
    const f = await fixture();
    const { id } = await shipment(f, "sealed", 5);
    const { credential } = await form.fetch(f.service, credentialPath(id));
    const page = await (await f.service.app.request(`/s/${id}`, { headers: { accept: "text/html" } })).text();
    const href = /href="([^"]+\/manifest)" download/.exec(page)?.[1];
    expect(href).toBe(`/api/v1/shipments/${id}/manifest`);
    expect(`${ORIGIN}${href}`).toBe(credential.credentialSubject.manifest);
    const manifest = (await (await f.service.app.request(href!)).json()) as any;
    // The header's root (docs/shipment-format.md §3: bytes 27 to 58), recomputed from the items' leaves.
    const header = Uint8Array.from(atob(manifest.header.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));
    const leaves = await Promise.all(manifest.items.map((item: any) => sha256(Uint8Array.of(0), serialBytes(item.certificate), fromHexText(item.tokenSha256))));
    const root = hex(await merkleTreeHash(leaves));
    expect(hex(header.slice(27, 59))).toBe(root);
    expect(credential.credentialSubject.merkleRoot).toBe(root);
    expect(credential.credentialSubject.itemCredentials).toEqual(manifest.items.map((item: any) => `${ORIGIN}/api/v1/certificates/${item.certificate}/credential`));
    expect(new DataView(header.buffer).getUint32(23)).toBe(credential.credentialSubject.itemCount);
  });

  it("is the same on every request, public, cacheable, with an ETag", async () => {
    const f = await fixture();
    const { id } = await shipment(f, "sealed", 1);
    const first = await f.service.app.request(credentialPath(id), { headers: { accept: form.accept } });
    const second = await f.service.app.request(credentialPath(id.toLowerCase()), { headers: { accept: form.accept } });
    expect(await second.text()).toBe(await first.text());
    for (const [name, value] of [
      ["vary", "accept"],
      ["cache-control", "public, max-age=300"],
      ["access-control-allow-origin", "*"],
    ]) {
      expect(first.headers.get(name!), name).toBe(value);
    }
    const again = await f.service.app.request(credentialPath(id), { headers: { accept: form.accept, "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });
});

describe(`shipment credential requests (${runtime})`, () => {
  afterEach(() => vi.restoreAllMocks());

  it("is 404 not-found for an unknown, malformed or still open shipment, and 410 shipment-cancelled once cancelled", async () => {
    const f = await fixture();
    const open = await shipment(f, "open", 1);
    const cancelled = await shipment(f, "cancelled", 1);
    for (const accept of ["application/vc+jwt", "application/json"]) {
      for (const path of [credentialPath("AAAAAAAAAAAAA"), credentialPath("not-a-shipment"), credentialPath(open.id)]) {
        const res = await f.service.app.request(path, { headers: { accept } });
        expect([res.status, res.headers.get("content-type"), ((await res.json()) as any).code], path).toEqual([404, "application/problem+json", "not-found"]);
      }
      const gone = await f.service.app.request(credentialPath(cancelled.id), { headers: { accept } });
      expect([gone.status, ((await gone.json()) as any).code]).toEqual([410, "shipment-cancelled"]);
    }
    // The same answers through the helper that holds them to the OpenAPI description.
    expect((await call(f.service, "GET", credentialPath(open.id), undefined, null)).json.code).toBe("not-found");
    expect((await call(f.service, "GET", credentialPath(cancelled.id), undefined, null)).json.code).toBe("shipment-cancelled");
    // Even its owner gets no credential of an open shipment.
    expect((await call(f.service, "GET", credentialPath(open.id), undefined, f.exporter)).status).toBe(404);
  });

  it("is linked from the shipment's page in the reader's language while it stands, and not once cancelled", async () => {
    const f = await fixture();
    const sealed = await shipment(f, "sealed", 1);
    const cancelled = await shipment(f, "cancelled", 1);
    const page = async (id: string, lang = "en") => (await f.service.app.request(`/s/${id}?lang=${lang}`, { headers: { accept: "text/html" } })).text();
    const link = `<a href="/api/v1/shipments/${sealed.id}/credential" download="asli-shipment-${sealed.id}-credential.json" type="application/vc">`;
    expect(await page(sealed.id)).toContain(`${link}${CATALOGS.en.credential.download}</a>`);
    expect(await page(sealed.id, "hi")).toContain(`${link}${CATALOGS.hi.credential.download}</a>`);
    expect((await f.service.app.request(`/api/v1/shipments/${sealed.id}/credential`)).status).toBe(200);
    expect(await page(cancelled.id)).not.toContain("/credential");
  });

  it("answers any id and any Accept header with 404 or the credential, never a 5xx", async () => {
    const f = await fixture();
    const { id } = await shipment(f, "sealed", 1);
    const segment = fc.string({ maxLength: 40 }).map(encodeURIComponent).filter((s) => s !== "" && s !== "." && s !== "..");
    await fc.assert(
      fc.asyncProperty(segment, fc.string({ maxLength: 120 }), async (text, accept) => {
        const res = await f.service.app.request(credentialPath(text), { headers: { accept: "application/vc+jwt" } });
        expect(res.status === 404 || (res.status === 200 && text.toUpperCase() === id), text).toBe(true);
        const headers = new Headers();
        try {
          headers.set("accept", accept);
        } catch {
          return; // not a header value a client could send
        }
        if (onWorkers) headers.set("accept", "application/vc+jwt");
        expect((await f.service.app.request(credentialPath(id), { headers })).status, accept).toBe(200);
      }),
      { numRuns: 30 },
    );
  });

  it("serves the shipment context at the URL the credential names, immutable", async () => {
    const f = await fixture();
    const res = await call(f.service, "GET", "/contexts/asli/shipment/v1", undefined, null);
    expect([res.status, res.type, res.res.headers.get("cache-control")]).toEqual([200, "application/ld+json", "public, max-age=31536000, immutable"]);
    expect(res.json["@context"]).toMatchObject({
      "@protected": true,
      ShipmentCredential: "https://asli.example/contexts/asli/shipment/v1#ShipmentCredential",
      itemCredentials: { "@id": "https://asli.example/contexts/asli/shipment/v1#itemCredentials", "@type": "@id", "@container": "@list" },
    });
    // Version 1 of the certificate context is unchanged: no shipment term in it.
    expect(Object.keys((await call(f.service, "GET", "/contexts/asli/v1", undefined, null)).json["@context"])).not.toContain("itemCredentials");
  });

  it("signs without fetching anything, and the loader refuses contexts it does not hold", async () => {
    const f = await fixture();
    const { id } = await shipment(f, "sealed", 2);
    const fetches: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      fetches.push(String(input instanceof Request ? input.url : input));
      throw new Error("this test allows no network access");
    });
    for (const accept of onWorkers ? ["application/vc+jwt"] : ["application/vc+jwt", "application/vc"]) {
      expect((await f.service.app.request(credentialPath(id), { headers: { accept } })).status, accept).toBe(200);
    }
    const load = documentLoader(ORIGIN);
    expect(((await load("https://asli.example/contexts/asli/shipment/v1")).document as any)["@context"].merkleRoot).toBe("https://asli.example/contexts/asli/shipment/v1#merkleRoot");
    for (const url of ["https://asli.example/contexts/asli/shipment/v2", "https://evil.example/contexts/asli/shipment/v1"]) {
      await expect(load(url), url).rejects.toBeInstanceOf(DocumentRefusedError);
    }
    expect(fetches).toEqual([]);
  });
});
