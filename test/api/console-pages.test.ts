// The console's record pages on both runtimes, through the app with a real session (a software
// authenticator enrols the person): a district office registers an artisan, approves them, adds
// their photo, issues a certificate, opens its print links by the session cookie, revokes and
// reinstates it. Every form is checked with the API's schema and a refusal shows beside its
// field, writing nothing; another district's artisans and certificates are absent on every page
// and URL. The browser flow is test/node/console-browser.test.ts.
import { makeTestService, runtime, type TestService } from "@harness";
import { describe, expect, it } from "vitest";
import { ConsoleVisitor, type Answer } from "../support/console.js";
import { includesBytes, samplePhoto } from "../support/images.js";
import { BANARAS_BROCADES, makeArtisan, makeCertificate, unique } from "../support/principals.js";
import { call, VARANASI } from "../support/requests.js";
import { snapshot } from "../support/snapshot.js";

async function districtOffice(service: TestService) {
  const res = await call(service, "POST", "/api/v1/invitations", { name: unique("Clerk"), role: "district", districtCode: VARANASI });
  const visitor = new ConsoleVisitor(service);
  const enrolled = await visitor.enrol((res.json as { url: string }).url);
  if (enrolled.status !== 200) throw new Error(`enrolment failed: ${enrolled.status} ${enrolled.text}`);
  return visitor;
}

/** A multipart form post, as a browser sends a file upload. */
async function upload(visitor: ConsoleVisitor, path: string, file: Uint8Array, type: string, field = "photo", extra: Record<string, string> = {}): Promise<Answer> {
  const form = new FormData();
  form.set("_csrf", await visitor.csrf());
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  form.set(field, new File([file as Uint8Array<ArrayBuffer>], field, { type }));
  const res = await visitor.service.app.request(`${visitor.origin}${path}`, {
    method: "POST",
    headers: { origin: visitor.origin, cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: form,
    redirect: "manual",
  });
  return { res, status: res.status, text: await res.text(), json: null };
}

const location = (answer: Answer) => answer.res.headers.get("location") ?? "";
const errorBeside = (field: string, message: string) => `<p class="error" id="f-${field}-error">${message}</p>`;

describe(`console record pages (${runtime})`, () => {
  it("registers an artisan from the form, refusing bad fields beside them and writing nothing, then approves them and adds a photo", async () => {
    const service = await makeTestService();
    const visitor = await districtOffice(service);

    const list = await visitor.request("GET", "/console/artisans");
    expect(list.status).toBe(200);
    expect(list.text).toContain('action="/console/artisans"');

    const name = unique("Weaver");
    const before = await snapshot(service.deps.db);
    const badGstin = await visitor.post("/console/artisans", { name, districtCode: String(VARANASI), productId: "103", gstin: "09NOTAGSTIN" });
    expect(badGstin.status).toBe(422);
    expect(badGstin.text).toContain(errorBeside("gstin", "This GSTIN&#39;s format or check character is wrong."));
    expect(badGstin.text).toContain(`value="${name}"`);
    const noCraft = await visitor.post("/console/artisans", { name, districtCode: String(VARANASI) });
    expect(noCraft.status).toBe(422);
    expect(noCraft.text).toContain('id="f-productId-error"');
    const giWithoutNumber = await visitor.post("/console/artisans", { name, districtCode: String(VARANASI), productId: "103", giTagId: "2" });
    expect(giWithoutNumber.text).toContain('id="f-giAuthorisedUserNumber-error"');
    visitor.cookies.set("lang", "hi");
    const hindi = await visitor.post("/console/artisans", { name: "", districtCode: String(VARANASI), productId: "103" });
    expect(hindi.text).toContain(errorBeside("name", "यह भरें।"));
    visitor.cookies.set("lang", "en");
    expect(await snapshot(service.deps.db)).toBe(before);

    const registered = await visitor.post("/console/artisans", { name, districtCode: String(VARANASI), productId: "103", status: "pending" });
    expect(registered.status).toBe(303);
    const artisanPath = location(registered).split("?")[0]!;
    expect(artisanPath).toMatch(/^\/console\/artisans\/\d+$/);
    const id = Number(artisanPath.split("/").pop());
    const api = async () => (await call(service, "GET", `/api/v1/artisans/${id}`)).json as { status: string; photoUrl: string | null; name: string };
    expect(await api()).toMatchObject({ name, status: "pending" });
    const home = await visitor.request("GET", "/console");
    expect(home.text).toContain(`data-artisan="${id}"`);

    const noReason = await visitor.post(`${artisanPath}/status`, { status: "active", reason: "" });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain(errorBeside("reason", "Fill this in."));
    expect((await api()).status).toBe("pending");
    const approved = await visitor.post(`${artisanPath}/status`, { status: "active", reason: "documents checked" });
    expect([approved.status, location(approved)]).toEqual([303, `${artisanPath}?changed`]);
    expect((await api()).status).toBe("active");
    const again = await visitor.post(`${artisanPath}/status`, { status: "active", reason: "twice" });
    expect(again.text).toContain("It already has this status.");
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=artisan&subjectId=${id}`);
    expect((audit.json as { items: { action: string }[] }).items.map((i) => i.action)).toEqual(expect.arrayContaining(["artisan.register", "artisan.activate"]));

    const notImage = await upload(visitor, `${artisanPath}/photo`, new TextEncoder().encode("not a photo at all"), "image/jpeg");
    expect(notImage.status).toBe(422);
    expect(notImage.text).toContain(errorBeside("photo", "This file is not a JPEG or PNG photo."));
    expect(await service.deps.media!.list(`artisans/${id}/`)).toEqual([]);
    const photo = samplePhoto(320, 240);
    const uploaded = await upload(visitor, `${artisanPath}/photo`, photo, "image/jpeg");
    expect(uploaded.status).toBe(303);
    const { photoUrl } = await api();
    expect(photoUrl).toMatch(new RegExp(`^/media/artisans/${id}/[0-9a-f]{32}\\.jpg$`));
    const served = new Uint8Array(await (await service.app.request(photoUrl!)).arrayBuffer());
    expect(includesBytes(served, "GPSLatitude")).toBe(false);
    expect((await visitor.request("GET", artisanPath)).text).toContain(`src="${photoUrl}"`);
  });

  it("edits every field of an artisan that the API lets change, each error beside its field, and says which stay fixed", async () => {
    const service = await makeTestService();
    const visitor = await districtOffice(service);
    const registered = await visitor.post("/console/artisans", { name: unique("Weaver"), districtCode: String(VARANASI), productId: "103" });
    const artisanPath = location(registered).split("?")[0]!;
    const id = Number(artisanPath.split("/").pop());
    const api = async () => (await call(service, "GET", `/api/v1/artisans/${id}`)).json;

    const page = await visitor.request("GET", artisanPath);
    for (const field of ["name", "craft", "udyam", "sellerName", "sellerGstin", "languages", "maySelfIssue", "monthlyCapacity"]) expect(page.text).toContain(`name="${field}"`);
    expect(page.text).toContain("Fixed at registration");

    const before = await snapshot(service.deps.db);
    const halfSeller = await visitor.post(`${artisanPath}/edit`, { name: "Sabina Bano", sellerName: "Lucknow Chikan Emporium" });
    expect(halfSeller.status).toBe(422);
    expect(halfSeller.text).toContain(errorBeside("sellerGstin", "Fill this in."));
    expect(halfSeller.text).toContain('value="Lucknow Chikan Emporium"');
    const badCapacity = await visitor.post(`${artisanPath}/edit`, { name: "Sabina Bano", monthlyCapacity: "lots", maySelfIssue: "no" });
    expect(badCapacity.status).toBe(422);
    expect(badCapacity.text).toContain('id="f-monthlyCapacity-error"');
    const badSellerGstin = await visitor.post(`${artisanPath}/edit`, { name: "Sabina Bano", sellerName: "Lucknow Chikan Emporium", sellerGstin: "09AAACK1234A1Z9", maySelfIssue: "no" });
    expect(badSellerGstin.status).toBe(422);
    expect(badSellerGstin.text).toContain('id="f-sellerGstin-error"');
    expect(await snapshot(service.deps.db)).toBe(before);

    const saved = await visitor.post(`${artisanPath}/edit`, {
      name: "Sabina Bano",
      craft: "Zardozi on silk",
      udyam: "",
      sellerName: "Lucknow Chikan Emporium",
      sellerGstin: "09aaack1234a1z8",
      languages: "hi, ur",
      maySelfIssue: "yes",
      monthlyCapacity: "40",
    });
    expect([saved.status, location(saved)]).toEqual([303, `${artisanPath}?changed`]);
    expect(await api()).toMatchObject({
      name: "Sabina Bano",
      craft: "Zardozi on silk",
      seller: { name: "Lucknow Chikan Emporium", gstin: "09AAACK1234A1Z8" },
      languages: ["hi", "ur"],
      maySelfIssue: true,
      monthlyCapacity: 40,
      districtCode: VARANASI,
      productId: 103,
    });
    // The form shows what is stored; emptied fields clear what may be cleared.
    const shown = await visitor.request("GET", artisanPath);
    expect(shown.text).toContain('value="hi, ur"');
    expect(shown.text).toContain('value="40"');
    const cleared = await visitor.post(`${artisanPath}/edit`, { name: "Sabina Bano", craft: "", sellerName: "", sellerGstin: "", languages: "", maySelfIssue: "no", monthlyCapacity: "" });
    expect(cleared.status).toBe(303);
    expect(await api()).toMatchObject({ craft: null, seller: null, languages: [], maySelfIssue: false, monthlyCapacity: null });
    const audit = await call(service, "GET", `/api/v1/audit?subjectType=artisan&subjectId=${id}`);
    expect((audit.json as { items: { action: string }[] }).items.filter((i) => i.action === "artisan.update")).toHaveLength(2);
  });

  it("prints an A4 label sheet for the certificates chosen in the list, within the office's scope", async () => {
    const service = await makeTestService();
    const visitor = await districtOffice(service);
    const artisanId = await makeArtisan(service, "own");
    const [first, second] = [await makeCertificate(service, artisanId), await makeCertificate(service, artisanId)];
    const otherCert = await makeCertificate(service, await makeArtisan(service, "other"));

    const list = await visitor.request("GET", "/console/certificates");
    // A plain GET form of checkboxes: it works with scripts off and changes nothing.
    expect(list.text).toContain('<form method="get" action="/console/certificates/labels.pdf"');
    expect(list.text).toContain(`<input type="checkbox" name="id" value="${first}" id="pick-${first}" aria-label="Print ${first}"/>`);
    expect(list.text).toContain("Label sheet for the chosen certificates (PDF)");

    const none = await visitor.request("GET", "/console/certificates/labels.pdf");
    expect(none.status).toBe(422);
    expect(none.text).toContain("Choose at least one certificate for the label sheet.");
    const tooMany = await visitor.request("GET", `/console/certificates/labels.pdf?${Array.from({ length: 241 }, (_, i) => `id=${first}${i}`).join("&")}`);
    expect(tooMany.status).toBe(422);
    expect(tooMany.text).toContain("Choose at most 240 certificates for one PDF of label sheets.");
    visitor.cookies.set("lang", "hi");
    expect((await visitor.request("GET", "/console/certificates/labels.pdf")).text).toContain("लेबल शीट के लिए कम से कम एक प्रमाणपत्र चुनें।");
    visitor.cookies.set("lang", "en");
    // Another district's certificate is not there for this office, chosen or not.
    expect((await visitor.request("GET", `/console/certificates/labels.pdf?id=${first}&id=${otherCert}`)).status).toBe(404);

    const sheet = await visitor.request("GET", `/console/certificates/labels.pdf?id=${second}&id=${first}&id=${second}`);
    expect(sheet.status).toBe(200);
    expect(sheet.res.headers.get("content-type")).toBe("application/pdf");
    expect(sheet.res.headers.get("cache-control")).toBe("private, no-store");
    expect(sheet.text.startsWith("%PDF-")).toBe(true);
    // Which labels it holds is read QR by QR in test/node/console-label-sheet.test.ts.
  });

  it("issues one certificate, opens its tag by the session cookie, revokes it with a reason and reinstates it", async () => {
    const service = await makeTestService();
    const visitor = await districtOffice(service);
    const artisanId = await makeArtisan(service, "own");

    const form = await visitor.request("GET", `/console/certificates?artisan=${artisanId}`);
    expect(form.text).toMatch(new RegExp(`<option value="${artisanId}" selected="">`));
    const before = await snapshot(service.deps.db);
    const noTitle = await visitor.post("/console/certificates", { artisanId: String(artisanId), title: "", madeOn: "2026-02-30" });
    expect(noTitle.status).toBe(422);
    expect(noTitle.text).toContain(errorBeside("title", "Fill this in."));
    expect(noTitle.text).toContain(errorBeside("madeOn", "This is not valid."));
    expect(await snapshot(service.deps.db)).toBe(before);

    const title = unique("Katan silk saree");
    const issued = await visitor.post("/console/certificates", { artisanId: String(artisanId), title, materials: "silk, zari", madeOn: "2026-02-01", claimGi: "yes" });
    expect(issued.status).toBe(303);
    const certPath = location(issued).split("?")[0]!;
    const id = certPath.split("/").pop()!;
    const record = (await call(service, "GET", `/api/v1/certificates/${id}`)).json as { certificate: { title: string; materials: string[] } };
    expect(record.certificate).toMatchObject({ title, materials: ["silk", "zari"] });

    const detail = await visitor.request("GET", location(issued));
    expect(detail.text).toContain("Certificate issued.");
    for (const size of ["swing", "sticker"]) for (const ext of ["pdf", "png", "svg"]) expect(detail.text).toContain(`href="${certPath}/tag.${ext}?size=${size}"`);
    const svg = await visitor.request("GET", `${certPath}/tag.svg?size=sticker`);
    expect([svg.status, svg.res.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
    const apiSvg = await service.app.request(`/api/v1/certificates/${id}/tag.svg?size=sticker`, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(svg.text).toBe(await apiSvg.text());
    // The PDF and PNG come from the same renderers as the API's, where the runtime has them.
    const pdf = await visitor.request("GET", `${certPath}/tag.pdf?size=swing`);
    const apiPdf = await service.app.request(`/api/v1/certificates/${id}/tag.pdf?size=swing`, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(pdf.status).toBe(apiPdf.status);
    if (pdf.status === 200) expect(pdf.text.startsWith("%PDF-")).toBe(true);

    const noReason = await visitor.post(`${certPath}/revoke`, { reason: "" });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain(errorBeside("reason", "Fill this in."));
    const revoked = await visitor.post(`${certPath}/revoke`, { reason: "lost" });
    expect([revoked.status, location(revoked)]).toEqual([303, `${certPath}?revoked`]);
    const verdict = async () => ((await call(service, "GET", `/api/v1/verify/${(await call(service, "GET", `/api/v1/certificates/${id}`)).json.token}`, undefined, null)).json as { status: string }).status;
    expect(await verdict()).toBe("revoked");
    const revokedPage = await visitor.request("GET", certPath);
    expect(revokedPage.text).toContain('data-revoked="true"');
    expect(revokedPage.text).toContain(": Lost");
    // The heading over the form names the action it offers: Reinstate, not Revoke.
    expect(revokedPage.text).toContain('<h2 id="revoke-title">Reinstate</h2>');
    expect(revokedPage.text).toContain("Reinstate certificate</button>");
    expect(revokedPage.text).not.toContain('<h2 id="revoke-title">Revoke</h2>');
    expect(detail.text).toContain('<h2 id="revoke-title">Revoke</h2>');
    const twice = await visitor.post(`${certPath}/revoke`, { reason: "lost" });
    expect(twice.status).toBe(422);
    expect(twice.text).toContain("This certificate is already revoked.");
    const reinstated = await visitor.post(`${certPath}/reinstate`);
    expect(reinstated.status).toBe(303);
    expect(await verdict()).not.toBe("revoked");

    const listed = await visitor.request("GET", `/console/certificates?q=${encodeURIComponent(title)}`);
    expect(listed.text).toContain(`data-certificate="${id}"`);
  });

  it("shows a district office no other district's artisans or certificates, on any page or URL, and changes none of them", async () => {
    const service = await makeTestService();
    const visitor = await districtOffice(service);
    const other = await makeArtisan(service, "other");
    const otherCert = await makeCertificate(service, other);
    const own = await makeArtisan(service, "own");

    const artisans = await visitor.request("GET", "/console/artisans");
    expect(artisans.text).toContain(`data-artisan="${own}"`);
    expect(artisans.text).not.toContain(`data-artisan="${other}"`);
    const certificates = await visitor.request("GET", "/console/certificates");
    expect(certificates.text).not.toContain(otherCert);
    expect(certificates.text).not.toContain(`<option value="${other}"`);

    const before = await snapshot(service.deps.db);
    for (const path of [`/console/artisans/${other}`, `/console/certificates/${otherCert}`, `/console/certificates/${otherCert}/tag.svg`, `/console/certificates/${otherCert}/tag.pdf`]) {
      expect([path, (await visitor.request("GET", path)).status]).toEqual([path, 404]);
    }
    const posts: [string, Record<string, string>][] = [
      [`/console/artisans/${other}/status`, { status: "suspended", reason: "x" }],
      [`/console/artisans/${other}/edit`, { name: "Renamed" }],
      [`/console/artisans/${other}/photo/remove`, {}],
      [`/console/certificates/${otherCert}/revoke`, { reason: "lost" }],
      [`/console/certificates/${otherCert}/reinstate`, {}],
    ];
    for (const [path, form] of posts) expect([path, (await visitor.post(path, form)).status]).toEqual([path, 404]);
    const registerElsewhere = await visitor.post("/console/artisans", { name: unique("Elsewhere"), districtCode: "162", productId: "70" });
    expect(registerElsewhere.status).toBe(422);
    expect(registerElsewhere.text).toContain(errorBeside("districtCode", "That is outside your scope: your office does not manage it."));
    const issueElsewhere = await visitor.post("/console/certificates", { artisanId: String(other), title: "Chikan kurta" });
    expect(issueElsewhere.text).toContain(errorBeside("artisanId", "That is outside your scope: your office does not manage it."));
    expect(await snapshot(service.deps.db)).toBe(before);

    // The audit trail: this district's artisans and the office's own doings, nothing of Lucknow's.
    const ownCert = await makeCertificate(service, own);
    const audit = await visitor.request("GET", "/console/audit");
    expect(audit.status).toBe(200);
    expect(audit.text).toContain(`href="/console/artisans/${own}"`);
    expect(audit.text).toContain(`href="/console/certificates/${ownCert}"`);
    expect(audit.text).toContain('data-action="session.start"');
    expect(audit.text).not.toContain(`/console/artisans/${other}"`);
    expect(audit.text).not.toContain(otherCert);

    const signedOut = new ConsoleVisitor(service);
    const tag = await signedOut.request("GET", `/console/certificates/${otherCert}/tag.svg`);
    expect([tag.status, tag.res.headers.get("location")]).toEqual([303, "/console"]);
  });

  it("issues a CSV batch only when every row is right, showing each bad row's errors beside it, then links its label sheet", async () => {
    const service = await makeTestService();
    const visitor = await districtOffice(service);
    const artisanId = await makeArtisan(service, "own");
    const other = await makeArtisan(service, "other");

    const form = await visitor.request("GET", "/console/batches");
    expect(form.status).toBe(200);
    const template = await visitor.request("GET", "/console/batches/template.csv");
    expect(template.res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(template.text.split("\r\n")[0]).toBe("artisan_id,title,materials,made_on,product_id,claim_gi,gi_tag_id");

    const header = "artisan_id,title,materials,made_on,product_id,claim_gi,gi_tag_id";
    const good = (title: string) => `${artisanId},${title},silk; zari,2026-01-31,,yes,`;
    const bad = [header, good("Saree one"), `${artisanId},Saree two,silk,2026-02-30,,yes,`, `${other},Kurta,cotton,,,yes,`, good("Saree four")].join("\r\n");
    const key = /name="key" value="([0-9a-f]{32})"/.exec(form.text)![1]!;
    const before = await snapshot(service.deps.db);
    const refused = await upload(visitor, "/console/batches", new TextEncoder().encode(bad), "text/csv", "csv", { key });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('data-refused-rows="2"');
    expect(refused.text).toMatch(/<li data-row="3">[\s\S]*?made_on: This is not valid\.[\s\S]*?<\/li>/);
    expect(refused.text).toMatch(/<li data-row="4">[\s\S]*?That is outside your scope/);
    expect(refused.text).not.toContain('data-row="2"');
    expect(await snapshot(service.deps.db)).toBe(before);

    const fixed = [header, good("Saree one"), good("Saree two"), good("Saree three"), good("Saree four")].join("\r\n");
    const issued = await upload(visitor, "/console/batches", new TextEncoder().encode(fixed), "text/csv", "csv", { key });
    expect(issued.status).toBe(303);
    const batchPath = location(issued).split("?")[0]!;
    expect(batchPath).toMatch(/^\/console\/batches\/B-[A-Z2-7]{13}$/);
    // The same page submitted twice issues the batch once.
    const replayed = await upload(visitor, "/console/batches", new TextEncoder().encode(fixed), "text/csv", "csv", { key });
    expect(location(replayed)).toBe(location(issued));

    const page = await visitor.request("GET", location(issued));
    expect(page.text).toContain("4 certificates issued.");
    expect(page.text).toContain(`href="${batchPath}/labels.pdf"`);
    expect(page.text.match(/data-certificate="/g)).toHaveLength(4);
    const labels = await visitor.request("GET", `${batchPath}/labels.pdf`);
    const apiLabels = await service.app.request(`/api/v1/batches/${batchPath.split("/").pop()}/labels.pdf`, { headers: { authorization: `Bearer ${service.adminToken}` } });
    expect(labels.status).toBe(apiLabels.status);
    if (labels.status === 200) expect(labels.text.startsWith("%PDF-")).toBe(true);
  });

  it("lets the registry make an API token (shown once, stored hashed) and revoke it; others get no token pages", async () => {
    const service = await makeTestService();
    const res = await call(service, "POST", "/api/v1/invitations", { name: unique("Registrar"), role: "admin" });
    const registrar = new ConsoleVisitor(service);
    expect((await registrar.enrol((res.json as { url: string }).url)).status).toBe(200);

    const before = await snapshot(service.deps.db);
    const noScope = await registrar.post("/console/tokens", { name: "Shop", role: "district" });
    expect(noScope.status).toBe(422);
    expect(noScope.text).toContain(errorBeside("districtCode", "This role needs its district, GI tag or artisan."));
    expect(await snapshot(service.deps.db)).toBe(before);

    const made = await registrar.post("/console/tokens", { name: "Varanasi shop", role: "district", districtCode: String(VARANASI), expiresInDays: "30" });
    expect(made.status).toBe(200);
    const secret = /data-token-secret[^>]*>\s*([^<\s]+)/.exec(made.text)![1]!;
    expect((await call(service, "GET", "/api/v1/artisans", undefined, secret)).status).toBe(200);
    expect(await snapshot(service.deps.db)).not.toContain(secret);

    const list = await registrar.request("GET", "/console/tokens");
    const id = /<li data-token="(\d+)" data-active="true"><strong>Varanasi shop/.exec(list.text)![1]!;
    expect(list.text).not.toContain(secret);
    const revoked = await registrar.post(`/console/tokens/${id}/revoke`);
    expect([revoked.status, location(revoked)]).toEqual([303, "/console/tokens?revoked"]);
    expect((await call(service, "GET", "/api/v1/artisans", undefined, secret)).status).toBe(401);

    const office = await districtOffice(service);
    expect((await office.request("GET", "/console/tokens")).status).toBe(403);
    expect((await office.post("/console/tokens", { name: "Mine", role: "exporter" })).status).toBe(403);
  });

  it("lets a GI body withdraw and confirm its own artisans' GI authorisation, with a reason, and nobody else's", async () => {
    const service = await makeTestService();
    const res = await call(service, "POST", "/api/v1/invitations", { name: unique("GI clerk"), role: "gi-body", giTagId: BANARAS_BROCADES });
    const clerk = new ConsoleVisitor(service);
    expect((await clerk.enrol((res.json as { url: string }).url)).status).toBe(200);
    const own = await makeArtisan(service, "own");
    const other = await makeArtisan(service, "other");
    const path = `/console/artisans/${own}`;

    const page = await clerk.request("GET", path);
    expect(page.text).toContain(`action="${path}/gi-authorisation"`);
    expect(page.text).not.toContain(`action="${path}/status"`); // approval is the district office's
    const noReason = await clerk.post(`${path}/gi-authorisation`, { action: "withdraw", reason: "" });
    expect(noReason.text).toContain(errorBeside("reason", "Fill this in."));
    const withdrawn = await clerk.post(`${path}/gi-authorisation`, { action: "withdraw", reason: "membership lapsed" });
    expect(withdrawn.status).toBe(303);
    const api = async () => (await call(service, "GET", `/api/v1/artisans/${own}`)).json as { giWithdrawnAt: string | null };
    expect((await api()).giWithdrawnAt).not.toBeNull();
    expect((await clerk.request("GET", path)).text).toContain("Confirm GI authorisation");
    expect((await clerk.post(`${path}/gi-authorisation`, { action: "confirm", reason: "renewed" })).status).toBe(303);
    expect((await api()).giWithdrawnAt).toBeNull();
    expect((await clerk.post(`${path}/status`, { status: "suspended", reason: "x" })).text).toContain("That is outside your scope");

    expect((await clerk.request("GET", `/console/artisans/${other}`)).status).toBe(404);
    expect((await clerk.post(`/console/artisans/${other}/gi-authorisation`, { action: "withdraw", reason: "x" })).status).toBe(404);
  });
});
