// Where certificates sit in the status lists: a random free position each, given at issuance
// (single and batch) or, for a certificate issued before status lists, on the first request for
// its credential; lists fill to half, then the next opens. And signing fetches nothing: the
// JSON-LD contexts come from the copies inside the project. On Workers the tests of this file
// share one D1 database, so they compare with what is there rather than assume it is empty.
import { makeTestService, runtime } from "@harness";
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { certificates, statusListEntries } from "../../db/schema.js";
import { credentialsV2Context } from "../../src/credentials/contexts/credentials-v2.js";
import { certificateCredentialOf } from "../../src/service/credentials.js";
import { allocateStatusPositions, isStatusPositionTaken, STATUS_LIST_CAPACITY } from "../../src/service/status-lists.js";
import { findStatusEntry, newestStatusList } from "../../src/store/status-lists.js";
import { DocumentRefusedError, documentLoader } from "../../src/credentials/document-loader.js";
import { verifyJwt } from "../support/credential-verifiers.js";
import { call, issueCertificate, registerArtisan } from "../support/requests.js";
import { unique } from "../support/principals.js";
import type { TestService } from "../support/harness.js";

async function weaver(service: TestService) {
  return registerArtisan(service, { name: unique("Weaver"), giTagId: 2, giAuthorisedUserNumber: unique("AU") });
}

async function jwtCredential(service: TestService, id: string) {
  const res = await service.app.request(`/api/v1/certificates/${id}/credential`, { headers: { accept: "application/vc+jwt" } });
  expect(res.status).toBe(200);
  return (await verifyJwt((url, init) => Promise.resolve(service.app.request(url, init)), await res.text())).payload as any;
}

describe(`status list positions (${runtime})`, () => {
  it("gives every certificate of a batch its own position, at random rather than in issue order", async () => {
    const service = await makeTestService();
    const artisan = await weaver(service);
    const items = Array.from({ length: 300 }, (_, i) => ({ artisanId: artisan.id, title: `Stole ${i + 1}` }));
    const batch = await service.app.request("/api/v1/batches", {
      method: "POST",
      headers: { authorization: `Bearer ${service.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ items }),
    });
    expect(batch.status).toBe(201);
    const { id: batchId } = (await batch.json()) as { id: string };
    const rows = await service.deps.db
      .select({ row: certificates.batchRow, listNumber: statusListEntries.listNumber, listIndex: statusListEntries.listIndex })
      .from(certificates)
      .innerJoin(statusListEntries, eq(statusListEntries.certificateId, certificates.id))
      .where(eq(certificates.batchId, batchId))
      .orderBy(certificates.batchRow);
    expect(rows).toHaveLength(300);
    const positions = rows.map((r) => `${r.listNumber}:${r.listIndex}`);
    expect(new Set(positions).size).toBe(300);
    const indexes = rows.map((r) => r.listIndex);
    // In issue order, sorted, or evenly spaced, 300 positions would be anything but random.
    expect(indexes).not.toEqual([...indexes].sort((a, b) => a - b));
    const spread = Math.max(...indexes) - Math.min(...indexes);
    expect(spread).toBeGreaterThan(100_000);
    // The credential names the position the batch wrote.
    const first = await service.deps.db.select({ id: certificates.id }).from(certificates).where(eq(certificates.batchId, batchId)).orderBy(certificates.batchRow).limit(1);
    const vc = await jwtCredential(service, first[0]!.id);
    expect(vc.credentialStatus[0]).toMatchObject({ statusListIndex: String(rows[0]!.listIndex), statusListCredential: `https://asli.example/credentials/status/revocation/${rows[0]!.listNumber}` });
  });

  it("gives a certificate issued before status lists its position on the first request, and keeps it", async () => {
    const service = await makeTestService();
    const issued = await issueCertificate(service, (await weaver(service)).id);
    // What a certificate from before this version looks like: no entry.
    await service.deps.db.delete(statusListEntries).where(eq(statusListEntries.certificateId, issued.id));
    expect(await findStatusEntry(service.deps.db, issued.id)).toBeUndefined();

    const first = await jwtCredential(service, issued.id);
    const entry = await findStatusEntry(service.deps.db, issued.id);
    expect(entry).toBeDefined();
    expect(first.credentialStatus[0].statusListIndex).toBe(String(entry!.listIndex));
    expect((await jwtCredential(service, issued.id)).credentialStatus).toEqual(first.credentialStatus);
  });

  it("fills the newest list to its capacity, then opens the next, never reusing a taken position", async () => {
    const service = await makeTestService();
    const artisan = await weaver(service);
    for (let i = 0; i < 3; i++) await issueCertificate(service, artisan.id, { title: `Item ${i}` });
    const { listNumber, used } = await newestStatusList(service.deps.db);
    expect(used).toBeGreaterThanOrEqual(3);
    expect(STATUS_LIST_CAPACITY).toBe(65_536);

    const taken = new Set((await service.deps.db.select().from(statusListEntries).where(eq(statusListEntries.listNumber, listNumber))).map((e) => e.listIndex));
    const positions = await allocateStatusPositions(service.deps.db, 5, used + 2);
    expect(positions.map((p) => p.listNumber)).toEqual([listNumber, listNumber, listNumber + 1, listNumber + 1, listNumber + 1]);
    for (const p of positions.slice(0, 2)) expect(taken.has(p.listIndex)).toBe(false);
    expect(new Set(positions.map((p) => `${p.listNumber}:${p.listIndex}`)).size).toBe(5);
    for (const p of positions) expect(p.listIndex).toBeLessThan(131_072);
  });

  it("refuses a second certificate at a taken position, so that a concurrent issuer allocates again", async () => {
    const service = await makeTestService();
    const artisan = await weaver(service);
    const [a, b] = [await issueCertificate(service, artisan.id), await issueCertificate(service, artisan.id)];
    const taken = (await findStatusEntry(service.deps.db, a.id))!;
    const error = await service.deps.db
      .update(statusListEntries)
      .set({ listNumber: taken.listNumber, listIndex: taken.listIndex })
      .where(eq(statusListEntries.certificateId, b.id))
      .then(() => null, (e: unknown) => e);
    expect(isStatusPositionTaken(error)).toBe(true);
    const rows = await service.deps.db.select().from(statusListEntries).where(inArray(statusListEntries.certificateId, [a.id, b.id]));
    expect(new Set(rows.map((r) => `${r.listNumber}:${r.listIndex}`)).size).toBe(2);
  });
});

describe(`JSON-LD contexts come from inside the project (${runtime})`, () => {
  afterEach(() => vi.restoreAllMocks());

  it("signs without fetching anything, and refuses every URL it does not hold", async () => {
    const service = await makeTestService();
    const issued = await issueCertificate(service, (await weaver(service)).id);
    const fetches: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      fetches.push(String(input instanceof Request ? input.url : input));
      throw new Error("this test allows no network access");
    });

    // Both forms, the certificate's credential and a status list, straight through the app.
    for (const accept of (runtime as string) === "node" ? ["application/vc+jwt", "application/vc"] : ["application/vc+jwt"]) {
      const res = await service.app.request(`/api/v1/certificates/${issued.id}/credential`, { headers: { accept } });
      expect(res.status, accept).toBe(200);
      const list = await service.app.request("/credentials/status/revocation/1", { headers: { accept } });
      expect(list.status, accept).toBe(200);
    }
    expect(fetches).toEqual([]);

    const load = documentLoader("https://asli.example");
    expect((await load("https://www.w3.org/ns/credentials/v2")).document).toEqual(credentialsV2Context);
    expect(((await load("https://asli.example/contexts/asli/v1")).document as any)["@context"]["@protected"]).toBe(true);
    for (const url of ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2", "https://evil.example/contexts/asli/v1", "https://asli.example/contexts/asli/v2", "did:web:asli.example"]) {
      await expect(load(url), url).rejects.toBeInstanceOf(DocumentRefusedError);
    }
    expect(fetches).toEqual([]);
    if ((runtime as string) === "node") {
      // A credential naming a context the service does not hold is not signed: nothing is fetched for it.
      const { withDataIntegrityProof } = await import("../../src/credentials/secure-data-integrity.js");
      const credential = await certificateCredentialOf(service.deps, issued.id);
      credential["@context"] = [...credential["@context"], "https://schema.org/"];
      const error = await withDataIntegrityProof(credential, service.deps.signingKey, service.deps.baseUrl).then(() => null, (e: any) => e);
      // jsonld wraps the loader's refusal: the cause is ours.
      expect(error?.details?.cause).toBeInstanceOf(DocumentRefusedError);
      expect(error.details.cause.url).toBe("https://schema.org/");
    }
    expect(fetches).toEqual([]);
    // Building the credential itself reads only the registry.
    expect((await certificateCredentialOf(service.deps, issued.id)).id).toBe(`https://asli.example/api/v1/certificates/${issued.id}/credential`);
    expect((await call(service, "GET", "/.well-known/did.json", undefined, null)).status).toBe(200);
    expect(fetches).toEqual([]);
  });
});
