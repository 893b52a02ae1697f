// Certificates as W3C Verifiable Credentials, checked by verifiers that share no code with the
// service (test/support/credential-verifiers.ts): jose for vc+jwt on both runtimes; Digital
// Bazaar's vc and vc-bitstring-status-list for the Data Integrity form on Node, since that stack
// cannot load inside vitest-pool-workers (the real worker bundle serves it: see
// test/node/worker-credentials.test.ts). On Workers every test in this file shares one D1
// database: nothing assumes it is empty.
import { makeTestService, runtime } from "@harness";
import fc from "fast-check";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { admin, unique } from "../support/principals.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { randomSeedHex, restartWithKey } from "../support/restart.js";
import {
  decodeStatusBits,
  statusOfDataIntegrity,
  statusOfJwt,
  verifyDataIntegrity,
  verifyJwt,
  type Fetched,
  type Fetcher,
} from "../support/credential-verifiers.js";
import { TEST_START, type TestService } from "../support/harness.js";
import { certificateCredentialSchema, didDocumentSchema, statusListCredentialSchema } from "../../src/http/routes/credentials.js";
import { CATALOGS } from "../../src/pages/i18n/all-catalogs.js";

const HOUR = 3_600_000;
const at = (ms: number) => new Date(TEST_START.getTime() + ms);
const ORIGIN = "https://asli.example";

const fetcher = (service: TestService): Fetcher => (url, init) => Promise.resolve(service.app.request(url, init));

async function get(service: TestService, path: string, accept: string) {
  const res = await service.app.request(path, { headers: { accept } });
  return { res, text: await res.text() };
}

/** One way a credential is secured, with its own independent verifier. */
interface Form {
  name: string;
  accept: string;
  /** The credential and its secured text, as served; the verifier has accepted it. */
  fetch(service: TestService, path: string): Promise<{ text: string; credential: any }>;
  verifies(service: TestService, text: string): Promise<boolean>;
  /** The secured text with one field of the credential changed. */
  tamper(text: string): string;
  status(service: TestService, credential: any): Promise<Record<string, boolean>>;
}

const jwtForm: Form = {
  name: "vc+jwt (jose)",
  accept: "application/vc+jwt",
  async fetch(service, path) {
    const { res, text } = await get(service, path, this.accept);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc+jwt");
    const { payload } = await verifyJwt(fetcher(service), text);
    const { iss, jti, sub, ...credential } = payload as any;
    // The registered claims only repeat the credential's own members.
    expect([iss, jti, sub]).toEqual([credential.issuer, credential.id, credential.credentialSubject.id]);
    return { text, credential };
  },
  async verifies(service, text) {
    return verifyJwt(fetcher(service), text).then(
      () => true,
      // Refused: the signature, or a key that the issuer's DID document does not list (any more).
      (error) => (/signature verification failed|not an assertion method/.test(String(error)) ? false : Promise.reject(error)),
    );
  },
  tamper(text) {
    const [header, , signature] = text.split(".");
    const changed = decodeJwt(text) as any;
    changed.credentialSubject.manufacturer.district.lgdCode = 162;
    return [header, Buffer.from(JSON.stringify(changed)).toString("base64url"), signature].join(".");
  },
  status: (service, credential) => statusOfJwt(fetcher(service), credential),
};

const dataIntegrityForm: Form = {
  name: "Data Integrity eddsa-rdfc-2022 (Digital Bazaar)",
  accept: "application/vc",
  async fetch(service, path) {
    const { res, text } = await get(service, path, this.accept);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc");
    expect(await this.verifies(service, text)).toBe(true);
    const { proof, ...credential } = JSON.parse(text);
    expect(proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofPurpose: "assertionMethod" });
    return { text, credential };
  },
  async verifies(service, text) {
    const result = await verifyDataIntegrity(fetcher(service), ORIGIN, JSON.parse(text));
    return result.verified;
  },
  tamper(text) {
    const changed = JSON.parse(text);
    changed.credentialSubject.manufacturer.district.lgdCode = 162;
    return JSON.stringify(changed);
  },
  status: (service, credential) => statusOfDataIntegrity(fetcher(service), ORIGIN, credential),
};

/** The JSON-LD stack loads on Node here; in workerd only through wrangler's bundle (see the header). */
const onWorkers = (runtime as string) === "workers";
const FORMS = onWorkers ? [jwtForm] : [jwtForm, dataIntegrityForm];

const credentialPath = (id: string) => `/api/v1/certificates/${id}/credential`;

async function setup(service?: TestService) {
  service ??= await makeTestService();
  const artisan = await registerArtisan(service, {
    name: unique("Rukhsana Bano"),
    giTagId: 2,
    giAuthorisedUserNumber: unique("AU"),
    seller: { name: "Kashi Handloom Cooperative", gstin: "09AAACK1234A1Z8" },
  });
  const issued = await issueCertificate(service, artisan.id);
  return { service, artisan, issued };
}

describe.each(FORMS)(`a certificate as a verifiable credential, $name (${runtime})`, (form) => {
  it("says what the certificate says, issued by the service's did:web, and the verifier accepts it", async () => {
    const { service, artisan, issued } = await setup();
    const { credential } = await form.fetch(service, credentialPath(issued.id));
    const gi = (await call(service, "GET", "/api/v1/gi-tags", undefined, null)).json.giTags.find((g: any) => g.id === 2);
    expect(credential).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://asli.example/contexts/asli/v1"],
      id: `https://asli.example/api/v1/certificates/${issued.id}/credential`,
      type: ["VerifiableCredential", "CertificateCredential"],
      name: "Asli certificate of a handmade item",
      issuer: "did:web:asli.example",
      validFrom: "2026-03-01T10:00:00Z",
      credentialSubject: {
        id: issued.verifyUrl,
        type: "HandmadeItem",
        name: "Katan silk saree",
        serialNumber: issued.id,
        material: ["silk", "zari"],
        productionDate: "2026-02-20",
        odopProduct: { type: "OdopProduct", registryId: 103, name: "Banarasi Silk Saree" },
        geographicalIndication: {
          type: "GeographicalIndication",
          registryId: 2,
          name: "Banaras Brocades and Sarees",
          // The GI tag's registry application number, where the registry has one.
          ...(gi.applicationNumber ? { applicationNumber: gi.applicationNumber } : {}),
        },
        manufacturer: {
          type: "Artisan",
          registryId: artisan.id,
          name: issued.certificate.artisan.name,
          seller: "Kashi Handloom Cooperative",
          district: { type: "District", lgdCode: 187, name: "Varanasi", division: "Varanasi", addressRegion: "Uttar Pradesh", addressCountry: "IN" },
        },
      },
      credentialStatus: ["revocation", "suspension"].map((purpose) => ({
        id: expect.stringMatching(new RegExp(`^https://asli\\.example/credentials/status/${purpose}/\\d+#\\d+$`)),
        type: "BitstringStatusListEntry",
        statusPurpose: purpose,
        statusListIndex: expect.stringMatching(/^\d+$/),
        statusListCredential: expect.stringMatching(new RegExp(`^https://asli\\.example/credentials/status/${purpose}/\\d+$`)),
      })),
    });
    const [revocation, suspension] = credential.credentialStatus;
    expect(revocation.statusListIndex).toBe(suspension.statusListIndex);
    expect(Number(revocation.statusListIndex)).toBeLessThan(131_072);
    expect(revocation.id).toBe(`${revocation.statusListCredential}#${revocation.statusListIndex}`);
  });

  it("is refused by the verifier with one field changed", async () => {
    const { service, issued } = await setup();
    const { text } = await form.fetch(service, credentialPath(issued.id));
    expect(await form.verifies(service, form.tamper(text))).toBe(false);
    expect(await form.verifies(service, text)).toBe(true);
  });

  it("is the same on every request, with an ETag, and public and cacheable", async () => {
    const { service, issued } = await setup();
    const first = await get(service, credentialPath(issued.id), form.accept);
    service.setNow(at(HOUR));
    const second = await get(service, credentialPath(issued.id), form.accept);
    expect(second.text).toBe(first.text);
    for (const [name, value] of [
      ["vary", "accept"],
      ["cache-control", "public, max-age=300"],
      ["access-control-allow-origin", "*"],
    ]) {
      expect(first.res.headers.get(name!), name).toBe(value);
    }
    const etag = first.res.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await service.app.request(credentialPath(issued.id), { headers: { accept: form.accept, "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("leaves out a GI claim that the GI body has withdrawn, as the verdict does", async () => {
    const { service, artisan, issued } = await setup();
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/gi-authorisation`, { action: "withdraw", reason: "not a member any more" });
    const { credential } = await form.fetch(service, credentialPath(issued.id));
    expect(credential.credentialSubject.geographicalIndication).toBeUndefined();
    expect(credential.credentialSubject.odopProduct).toMatchObject({ registryId: 103 });
    expect((await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null)).json.certificate.giTag).toBeNull();
  });

  it("flips the revocation bit when the certificate is revoked, and back when it is reinstated", async () => {
    const { service, issued } = await setup();
    const held = await form.fetch(service, credentialPath(issued.id));
    expect(await form.status(service, held.credential)).toEqual({ revocation: false, suspension: false });

    service.setNow(at(HOUR));
    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "stolen" });
    // The copy already held still verifies as signed; its status says revoked.
    expect(await form.verifies(service, held.text)).toBe(true);
    expect(await form.status(service, held.credential)).toEqual({ revocation: true, suspension: false });
    // A revoked certificate's credential is still served, with the same status entries.
    expect((await form.fetch(service, credentialPath(issued.id))).credential.credentialStatus).toEqual(held.credential.credentialStatus);

    service.setNow(at(2 * HOUR));
    await call(service, "DELETE", `/api/v1/certificates/${issued.id}/revocation`);
    expect(await form.status(service, held.credential)).toEqual({ revocation: false, suspension: false });
  });

  it("sets the suspension bit of every certificate of a suspended artisan, and clears it on reinstatement", async () => {
    const { service, artisan, issued } = await setup();
    const second = await issueCertificate(service, artisan.id, { title: "Jangla saree" });
    const { issued: bystander } = await setup(service);
    const held = await Promise.all([issued, second, bystander].map(async (c) => (await form.fetch(service, credentialPath(c.id))).credential));

    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "suspended", reason: "under inquiry" });
    expect(await Promise.all(held.map((c) => form.status(service, c)))).toEqual([
      { revocation: false, suspension: true },
      { revocation: false, suspension: true },
      { revocation: false, suspension: false },
    ]);
    await admin(service, "POST", `/api/v1/artisans/${artisan.id}/status`, { status: "active", reason: "inquiry closed" });
    expect(await Promise.all(held.map((c) => form.status(service, c)))).toEqual(new Array(3).fill({ revocation: false, suspension: false }));
  });

  it("sets the revocation bit of the certificates a compromised key signed after its compromise, and only those", async () => {
    const a = await makeTestService(randomSeedHex());
    const { issued: before } = await setup(a);
    a.setNow(at(5 * HOUR));
    const { issued: after } = await setup(a);
    const b = await restartWithKey(a, randomSeedHex(), at(10 * HOUR));
    const [heldBefore, heldAfter] = [(await form.fetch(b, credentialPath(before.id))).credential, (await form.fetch(b, credentialPath(after.id))).credential];
    await admin(b, "POST", `/api/v1/keys/${encodeURIComponent(a.deps.signingKey.kid)}/revocation`, { compromisedAt: at(4 * HOUR).toISOString() });
    expect(await form.status(b, heldBefore)).toEqual({ revocation: false, suspension: false });
    expect(await form.status(b, heldAfter)).toEqual({ revocation: true, suspension: false });
    expect((await call(b, "GET", `/api/v1/verify/${after.token}`, undefined, null)).json.reason).toBe("key-compromised");
  });

  it("agrees with the verify endpoint for every certificate, whatever its standing", async () => {
    const service = await makeTestService();
    const [genuine, revoked, suspended, both] = await Promise.all([0, 1, 2, 3].map(() => setup(service)));
    await admin(service, "POST", `/api/v1/certificates/${revoked!.issued.id}/revocation`, { reason: "lost" });
    await admin(service, "POST", `/api/v1/artisans/${suspended!.artisan.id}/status`, { status: "suspended", reason: "inquiry" });
    await admin(service, "POST", `/api/v1/certificates/${both!.issued.id}/revocation`, { reason: "misissued" });
    await admin(service, "POST", `/api/v1/artisans/${both!.artisan.id}/status`, { status: "suspended", reason: "inquiry" });
    const expected: [typeof genuine, string, Record<string, boolean>][] = [
      [genuine, "genuine", { revocation: false, suspension: false }],
      [revoked, "revoked", { revocation: true, suspension: false }],
      [suspended, "suspended", { revocation: false, suspension: true }],
      // The verdict names the item's own state first; the lists carry every state that holds.
      [both, "revoked", { revocation: true, suspension: true }],
    ];
    for (const [{ issued } = {} as never, verdict, bits] of expected) {
      expect((await call(service, "GET", `/api/v1/verify/${issued.token}`, undefined, null)).json.status).toBe(verdict);
      expect(await form.status(service, (await form.fetch(service, credentialPath(issued.id))).credential), verdict).toEqual(bits);
    }
  });

  it("serves each status list as a signed BitstringStatusListCredential of 131,072 entries, cacheable", async () => {
    const { service, issued } = await setup();
    const { credential } = await form.fetch(service, credentialPath(issued.id));
    const url: string = credential.credentialStatus[0].statusListCredential;
    const { res } = await get(service, url, form.accept);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const { credential: list } = await form.fetch(service, url);
    expect(statusListCredentialSchema.omit({ proof: true }).safeParse(list).success).toBe(true);
    expect(list).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: url,
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: "did:web:asli.example",
      credentialSubject: { id: `${url}#list`, type: "BitstringStatusList", statusPurpose: "revocation", ttl: 300_000 },
    });
    expect((await decodeStatusBits(list.credentialSubject.encodedList)).length).toBe(131_072);

    // Unchanged content: the same signed list, and the same validFrom, however often it is read.
    service.setNow(at(3 * HOUR));
    expect((await form.fetch(service, url)).text).toBe((await form.fetch(service, url)).text);
    expect((await form.fetch(service, url)).credential.validFrom).toBe(list.validFrom);
  });
});

describe(`credential and status list requests (${runtime})`, () => {
  it("chooses the form by Accept: Data Integrity JSON by default, vc+jwt when asked", async () => {
    const { service, issued } = await setup();
    const types: [string, string][] = [
      ["application/vc+jwt", "application/vc+jwt"],
      ["application/vc;q=0.5, application/vc+jwt", "application/vc+jwt"],
      // docs/credentials.md §2.2: q first, then specificity, then the header's order; q=0 is dropped.
      ["application/vc+jwt, application/vc;q=0.5", "application/vc+jwt"],
      ["application/vc+jwt;q=0, */*", "application/vc"],
      ["*/*, application/vc+jwt;q=1", "application/vc+jwt"],
      ...(onWorkers
        ? []
        : ([
            ["", "application/vc"],
            ["*/*", "application/vc"],
            ["text/html,application/xhtml+xml,*/*;q=0.8", "application/vc"],
            ["application/vc+ld+json", "application/vc+ld+json"],
            ["application/ld+json", "application/ld+json"],
            ["application/json", "application/json"],
            ["application/*", "application/vc"],
            ["text/html", "application/vc"],
            ["application/vc, application/vc+jwt", "application/vc"],
          ] as [string, string][])),
    ];
    for (const [accept, type] of types) {
      const res = await service.app.request(credentialPath(issued.id), accept ? { headers: { accept } } : {});
      expect(res.status, accept).toBe(200);
      expect(res.headers.get("content-type"), accept).toBe(type);
      if (type !== "application/vc+jwt") expect(certificateCredentialSchema.safeParse(await res.json()).success).toBe(true);
    }
  });

  it("answers 404 not-found for an unknown or malformed certificate id, and for a status list that does not exist", async () => {
    const service = await makeTestService();
    for (const id of ["AAAAAAAAAAAAA", "not-a-serial", "aebagbafaydqq", "A".repeat(300)]) {
      const res = await call(service, "GET", credentialPath(id), undefined, null);
      expect([res.status, res.type, res.json?.code], id).toEqual([404, "application/problem+json", "not-found"]);
    }
    for (const path of ["/credentials/status/expiry/1", "/credentials/status/revocation/0", "/credentials/status/revocation/999999", "/credentials/status/revocation/one", "/credentials/status/revocation/01"]) {
      const res = await call(service, "GET", path, undefined, null);
      expect([res.status, res.json?.code], path).toEqual([404, "not-found"]);
    }
  });

  it("is linked from the verify page, in the reader's language from the message catalogs", async () => {
    const { service, issued } = await setup();
    const page = await (await service.app.request(`/V/${issued.token}`)).text();
    expect(page).toContain(`<a href="/api/v1/certificates/${issued.id}/credential" download="asli-${issued.id}.json" type="application/vc">${CATALOGS.en.credential.download}</a>`);
    const hindi = await (await service.app.request(`/V/${issued.token}?lang=hi`)).text();
    expect(hindi).toContain(`type="application/vc">${CATALOGS.hi.credential.download}</a>`);
    await admin(service, "POST", `/api/v1/certificates/${issued.id}/revocation`, { reason: "lost" });
    // Still linked once revoked: the credential is served, and its status says revoked.
    expect(await (await service.app.request(`/V/${issued.token}`)).text()).toContain(`/api/v1/certificates/${issued.id}/credential`);
    const invalid = await (await service.app.request(`/V/${"A".repeat(146)}`)).text();
    expect(invalid).toContain('data-status="invalid"');
    expect(invalid).not.toContain("/credential");
  });

  it("answers any id, list path or Accept header with 200 or 404, never a 5xx", async () => {
    const { service, issued } = await setup();
    const segment = fc.string({ maxLength: 40 }).map(encodeURIComponent).filter((s) => s !== "" && s !== "." && s !== "..");
    await fc.assert(
      fc.asyncProperty(segment, segment, fc.string({ maxLength: 200 }), async (a, b, accept) => {
        expect((await service.app.request(`/api/v1/certificates/${a}/credential`, { headers: { accept: "application/vc+jwt" } })).status).toBe(404);
        for (const path of [`/credentials/status/${a}/${b}`, `/credentials/status/revocation/${a}`]) {
          expect([200, 404], path).toContain((await service.app.request(path, { headers: { accept: "application/vc+jwt" } })).status);
        }
        // Any Accept header still gets the credential, in one of the two forms (the Data
        // Integrity one only where the JSON-LD stack loads: see the header of this file).
        if (onWorkers) return;
        const headers = new Headers();
        try {
          headers.set("accept", accept);
        } catch {
          return; // not a header value a client could send
        }
        const res = await service.app.request(credentialPath(issued.id), { headers });
        expect(res.status, accept).toBe(200);
      }),
      { numRuns: 40 },
    );
  });

  it("serves the Asli JSON-LD context at the URL credentials name, immutable", async () => {
    const service = await makeTestService();
    const res = await call(service, "GET", "/contexts/asli/v1", undefined, null);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/ld+json");
    expect(res.res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.json["@context"]).toMatchObject({ "@protected": true, HandmadeItem: "https://asli.example/contexts/asli/v1#HandmadeItem", material: "https://schema.org/material" });
  });
});

describe(`the issuer's DID document (${runtime})`, () => {
  it("lists active and retired keys as Multikey and JsonWebKey assertion methods, and leaves out revoked ones", async () => {
    const a = await makeTestService(randomSeedHex());
    const { issued } = await setup(a);
    const held = await Promise.all(FORMS.map((form) => form.fetch(a, credentialPath(issued.id))));
    const b = await restartWithKey(a, randomSeedHex(), at(HOUR));
    const c = await restartWithKey(b, randomSeedHex(), at(2 * HOUR));

    const res = await call(c, "GET", "/.well-known/did.json", undefined, null);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/did+ld+json");
    expect(res.res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.res.headers.get("access-control-allow-origin")).toBe("*");
    const doc = didDocumentSchema.parse(res.json);
    expect(doc.id).toBe("did:web:asli.example");
    expect(doc["@context"][0]).toBe("https://www.w3.org/ns/did/v1");
    const jwks = (await call(c, "GET", "/.well-known/jwks.json", undefined, null)).json.keys as any[];
    for (const service of [a, b, c]) {
      const { kid } = service.deps.signingKey;
      const { x } = jwks.find((k) => k.kid === kid);
      expect(doc.verificationMethod).toContainEqual({ id: `did:web:asli.example#${kid}`, type: "JsonWebKey", controller: doc.id, publicKeyJwk: { kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA" } });
      expect(doc.verificationMethod).toContainEqual({ id: `did:web:asli.example#${kid}-multikey`, type: "Multikey", controller: doc.id, publicKeyMultibase: expect.stringMatching(/^z6Mk/) });
      expect(doc.assertionMethod).toEqual(expect.arrayContaining([`did:web:asli.example#${kid}`, `did:web:asli.example#${kid}-multikey`]));
    }

    // Credentials signed before the rotations still verify; once their key is revoked, they do not,
    // and the registry signs them again with its active key on request.
    for (const [i, form] of FORMS.entries()) expect(await form.verifies(c, held[i]!.text), form.name).toBe(true);
    await admin(c, "POST", `/api/v1/keys/${encodeURIComponent(a.deps.signingKey.kid)}/revocation`, { compromisedAt: at(-HOUR).toISOString() });
    const after = didDocumentSchema.parse((await call(c, "GET", "/.well-known/did.json", undefined, null)).json);
    expect(after.verificationMethod.filter((m) => m.id.includes(a.deps.signingKey.kid))).toEqual([]);
    for (const [i, form] of FORMS.entries()) {
      expect(await form.verifies(c, held[i]!.text), form.name).toBe(false);
      await form.fetch(c, credentialPath(issued.id));
    }
  });
});
