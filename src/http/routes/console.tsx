/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console at /console: sign-in, enrolment from a sign-in link, home, people, my passkeys,
// sign-out. Thin handlers over the same services as the API, with the signed-in person as the
// Principal. How a page is built (docs/console.md, "For developers"):
//   GET:  app.get(path, signed, async (c) => page(c, <SomePage locale={c.var.locale} session={…} …/>))
//   POST: app.post(path, signed, async (c) => { const form = await formOf(c); const checked = check(schema, body, locale);
//         … call the service; on success redirect (303) to a GET page; on a refusal render the page again with errors })
// The request pipeline (language, headers, same-origin check, session, CSRF) is src/http/console.ts.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import * as z from "zod";
import { ApiError, type ErrorStatus } from "../../core/errors.js";
import { isoTime, unixSeconds } from "../../core/time.js";
import { verifyUrl } from "../../core/url.js";
import { HomePage, type HomeView } from "../../pages/console/home.js";
import { countNewReportsInScope } from "../../service/reports.js";
import { consoleLocale, type ConsoleLocale } from "../../pages/console/locale.js";
import { check, ConsoleRefusal, emptyForm, errorMessage, refusal, refusalOf, type FieldErrors } from "../../pages/console/form-state.js";
import { InvitationCreatedPage, PeoplePage, type PeopleView } from "../../pages/console/people.js";
import { PasskeysPage, RemoveLastPasskeyPage } from "../../pages/console/passkeys.js";
import { EnrolPage, InvitationProblemPage, ProblemPage, SignInPage, type InvitationProblem } from "../../pages/console/sign-in.js";
import { roleText } from "../../pages/console/text.js";
import { artisanListScope, assertCanManagePeople, certificateListScope, invitableRoles, type Principal } from "../../service/access.js";
import {
  assertInvitationUsable,
  createInvitation,
  findInvitationForSecret,
  invitationForSlip,
  invitationInput,
  invitationUrl,
  inviteExistingPerson,
  listInvitationsInScope,
  secretFromInvitationUrl,
  withdrawInvitation,
} from "../../service/invitations.js";
import { addPasskey, addPasskeyOptions, enrol, enrolmentOptions, passkeyView, removePasskey, signIn, signInOptions, type CeremonyDeps } from "../../service/passkeys.js";
import { listPeopleInScope, revokePerson } from "../../service/people.js";
import { scopeNames } from "../../service/scope.js";
import { endSession, type ConsoleSession } from "../../service/sessions.js";
import { enrolmentBody, relyingParty, signInBody } from "../../service/webauthn.js";
import { listArtisans } from "../../store/artisans.js";
import { listCertificates } from "../../store/certificates.js";
import { listPasskeys } from "../../store/passkeys.js";
import type { Invitation } from "../../store/people.js";
import { clearSessionCookie, consoleContext, formOf, setSessionCookie, signedIn, type ConsoleEnv } from "../console.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readJson } from "../input.js";
import { problemResponse } from "../problem.js";
import { invitationSlip, invitationTtlHours, pdfHeaders } from "./invitations.js";
import { registerRecordPages } from "./console-records.js";

type ConsoleContext = Context<ConsoleEnv>;

/** Sends a page: the doctype, then the view. */
export async function page(c: ConsoleContext, view: Child, status: 200 | 422 | ErrorStatus = 200) {
  return c.html(`<!doctype html>${await (view as { toString(): string | Promise<string> }).toString()}`, status);
}

const wantsJson = (c: ConsoleContext) => /json/.test(c.req.header("content-type") ?? "") || /application\/json/.test(c.req.header("accept") ?? "");

/** The console's refusals: problem+json in the reader's language for the script, a page for everyone else. */
export function consoleError(error: Error, c: ConsoleContext) {
  const locale = c.var.locale ?? consoleLocale("en");
  const session = c.var.session ?? null;
  if (!(error instanceof ApiError)) {
    console.error(`unhandled ${error.name} on ${c.req.method} ${c.req.routePath}`);
    error = new ApiError(500, "internal-error", "Internal error", "something went wrong on our side");
  }
  const refused = error as ApiError;
  const message = refused instanceof ConsoleRefusal ? refused.detail! : errorMessage(refused.code, locale);
  if (wantsJson(c)) return problemResponse(c, new ApiError(refused.status, refused.code, refused.title, message, refused.errors));
  // The language links of a refused GET lead back to the same page; of a refused form, to the console.
  const path = c.req.method === "GET" ? c.req.path : "/console";
  if (refused.code.startsWith("invitation-") && c.req.path.startsWith("/console/join/")) {
    return page(c, <InvitationProblemPage locale={locale} problem={refused.code as InvitationProblem} path={path} />, refused.status);
  }
  const p = locale.t.problem;
  const title = refused.status === 404 ? p.notFoundTitle : refused.status >= 500 ? p.errorTitle : p.refusedTitle;
  return page(c, <ProblemPage locale={locale} session={session} title={title} message={message} code={refused.code} path={path} />, refused.status);
}

/** Unknown paths under /console: a page in the reader's language (the app's notFound calls this). */
export function consoleNotFound(c: Context): Promise<Response> {
  return consoleError(new ApiError(404, "not-found", "Not found", "no such page"), c as ConsoleContext) as Promise<Response>;
}


export function consoleRoutes(deps: AppDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.onError(consoleError);
  app.use("/console", consoleContext(deps));
  app.use("/console/*", consoleContext(deps));
  const signed = signedIn(deps);
  const ceremonies: CeremonyDeps = { db: deps.db, webauthn: deps.loadWebAuthn, rp: relyingParty(deps.baseUrl) };
  const now = () => deps.clock();

  // -------------------------------------------------------------------------------------------
  // Signing in and out

  app.get(
    "/console",
    async (c, next) => {
      if (c.var.session) return next();
      const { t } = c.var.locale;
      const notice = c.req.query("signed-out") !== undefined ? t.signIn.signedOut : c.req.query("ended") !== undefined ? t.signIn.sessionEnded : undefined;
      return page(c, <SignInPage locale={c.var.locale} notice={notice} />);
    },
    signed,
    async (c) => page(c, <HomePage locale={c.var.locale} session={c.var.session!} view={await homeView(deps, c.var.session!, c.var.locale)} />),
  );

  app.post("/console/sign-in/options", async (c) => c.json(await signInOptions(ceremonies, now())));

  app.post("/console/sign-in", async (c) => {
    const body = await jsonBody(c, signInBody);
    const { sessionSecret } = await signIn(ceremonies, body.response, now());
    await replaceSession(c, sessionSecret);
    return c.json({ redirect: "/console" });
  });

  app.post("/console/sign-out", signed, async (c) => {
    await endSession(deps.db, c.var.session!, now());
    clearSessionCookie(c, deps);
    return c.redirect("/console?signed-out", 303);
  });

  // -------------------------------------------------------------------------------------------
  // Enrolment from a sign-in link

  app.get("/console/join/:secret", async (c) => {
    const secret = c.req.param("secret");
    const invitation = await findInvitationForSecret(deps.db, secret);
    assertInvitationUsable(invitation, unixSeconds(now()));
    const names = await scopeNames(deps.db, [invitation]);
    const view = {
      name: invitation.name,
      role: roleText(c.var.locale, invitation, names),
      existingPerson: invitation.personId !== null,
      expiresAt: isoTime(invitation.expiresAt),
      secret,
    };
    return page(c, <EnrolPage locale={c.var.locale} session={c.var.session} view={view} />);
  });

  app.post("/console/join/:secret/options", async (c) => c.json(await enrolmentOptions(ceremonies, c.req.param("secret"), now())));

  app.post("/console/join/:secret", async (c) => {
    const body = await jsonBody(c, enrolmentBody);
    const { sessionSecret } = await enrol(ceremonies, c.req.param("secret"), body, now());
    await replaceSession(c, sessionSecret);
    return c.json({ redirect: "/console" });
  });

  // -------------------------------------------------------------------------------------------
  // People

  app.get("/console/people", signed, async (c) => {
    const notice = await peopleNotice(c);
    return page(c, <PeoplePage locale={c.var.locale} session={c.var.session!} view={await peopleView(deps, c.var.session!, c.var.locale)} form={emptyForm()} notice={notice} />);
  });

  app.post("/console/people/invitations", signed, async (c) => {
    const form = await formOf(c);
    const principal = c.var.principal;
    assertCanManagePeople(principal);
    const values = { name: form.text("name"), role: form.text("role"), districtCode: form.text("districtCode"), giTagId: form.text("giTagId"), artisanId: form.text("artisanId") };
    const role = values.role;
    const body: Record<string, unknown> = { name: values.name, role };
    if (role === "district") body.districtCode = principal.role === "district" ? principal.districtCode : form.integer("districtCode");
    if (role === "gi-body") body.giTagId = principal.role === "gi-body" ? principal.giTagId : form.integer("giTagId");
    if (role === "artisan") body.artisanId = form.integer("artisanId");
    const again = async (errors: FieldErrors) =>
      page(c, <PeoplePage locale={c.var.locale} session={c.var.session!} view={await peopleView(deps, c.var.session!, c.var.locale)} form={{ values, errors }} />, 422);

    const checked = check(invitationInput, body, c.var.locale);
    if (!checked.ok) return again(checked.errors);
    const scopeField = role === "district" ? "districtCode" : role === "gi-body" ? "giTagId" : "artisanId";
    try {
      const { secret, record } = await createInvitation(deps.db, principal, checked.value, now(), invitationTtlHours(deps));
      return invitationCreated(c, secret, record);
    } catch (error) {
      return again(
        refusal(error, c.var.locale, {
          "unknown-district": "districtCode",
          "unknown-gi-tag": "giTagId",
          "unknown-artisan": "artisanId",
          "scope-required": scopeField,
          "scope-mismatch": scopeField,
          "out-of-scope": role === "artisan" ? "artisanId" : "role",
        }),
      );
    }
  });

  app.post("/console/people/:id/invitations", signed, async (c) => {
    const { secret, record } = await inviteExistingPerson(deps.db, c.var.principal, pathId(c), now(), invitationTtlHours(deps));
    return invitationCreated(c, secret, record);
  });

  app.post("/console/people/:id/revoke", signed, async (c) => {
    const person = await revokePerson(deps.db, c.var.principal, pathId(c), now());
    return c.redirect(`/console/people?revoked=${person.id}`, 303);
  });

  app.post("/console/invitations/:id/withdraw", signed, async (c) => {
    const invitation = await withdrawInvitation(deps.db, c.var.principal, pathId(c), now());
    return c.redirect(`/console/people?withdrawn=${invitation.id}`, 303);
  });

  app.post("/console/invitations/slip", signed, async (c) => {
    const url = (await formOf(c)).text("url") ?? "";
    const secret = secretFromInvitationUrl(deps.baseUrl, url);
    if (!secret) throw new ApiError(404, "not-found", "Not found", "this is not a sign-in link of this service");
    const invitation = await invitationForSlip(deps.db, c.var.principal, secret, now());
    const pdf = await invitationSlip(deps, invitation, url);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, pdfHeaders(`asli-invitation-${invitation.id}.pdf`));
  });

  /** A sign-in on a browser that holds another session ends that one: one person per browser. */
  async function replaceSession(c: ConsoleContext, secret: string) {
    if (c.var.session) await endSession(deps.db, c.var.session, now());
    setSessionCookie(c, deps, secret);
  }

  async function invitationCreated(c: ConsoleContext, secret: string, record: Invitation) {
    const url = invitationUrl(deps.baseUrl, secret);
    const names = await scopeNames(deps.db, [record]);
    const view = {
      name: record.name,
      role: roleText(c.var.locale, record, names),
      url,
      qr: `data:image/svg+xml,${encodeURIComponent((await deps.loadQrImages()).qrSvg(url))}`,
      expiresAt: isoTime(record.expiresAt),
    };
    return page(c, <InvitationCreatedPage locale={c.var.locale} session={c.var.session!} view={view} />);
  }

  async function peopleNotice(c: ConsoleContext): Promise<string | undefined> {
    const { t, fill } = c.var.locale;
    const revoked = Number(c.req.query("revoked"));
    if (Number.isInteger(revoked) && revoked > 0) {
      const [person] = await listPeopleInScope(deps.db, c.var.principal, { id: revoked, limit: 1 });
      if (person) return fill(t.people.revokedNotice, { name: person.name });
    }
    const withdrawn = Number(c.req.query("withdrawn"));
    if (Number.isInteger(withdrawn) && withdrawn > 0) {
      const [invitation] = await listInvitationsInScope(deps.db, c.var.principal, { before: withdrawn + 1, limit: 1 }, now());
      if (invitation?.id === withdrawn) return fill(t.people.withdrawnNotice, { name: invitation.name });
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // My passkeys

  app.get("/console/passkeys", signed, async (c) => {
    const { t } = c.var.locale;
    const notice = c.req.query("added") !== undefined ? t.passkeys.addedNotice : c.req.query("removed") !== undefined ? t.passkeys.removedNotice : undefined;
    const passkeys = (await listPasskeys(deps.db, c.var.session!.person.id)).map(passkeyView);
    return page(c, <PasskeysPage locale={c.var.locale} session={c.var.session!} passkeys={passkeys} notice={notice} />);
  });

  app.post("/console/passkeys/options", signed, async (c) => c.json(await addPasskeyOptions(ceremonies, c.var.session!.person, now())));

  app.post("/console/passkeys", signed, async (c) => {
    await addPasskey(ceremonies, c.var.session!.person, await jsonBody(c, enrolmentBody), now());
    return c.json({ redirect: "/console/passkeys?added" });
  });

  app.post("/console/passkeys/:id/remove", signed, async (c) => {
    const person = c.var.session!.person;
    const id = decodeURIComponent(c.req.param("id"));
    const confirmed = (await formOf(c)).text("confirm") === "last";
    try {
      await removePasskey(deps.db, person, id, confirmed, now());
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "last-passkey")) throw error;
      const passkey = (await listPasskeys(deps.db, person.id)).find((p) => p.id === id)!;
      return page(c, <RemoveLastPasskeyPage locale={c.var.locale} session={c.var.session!} passkey={passkeyView(passkey)} />);
    }
    return c.redirect("/console/passkeys?removed", 303);
  });

  registerRecordPages(app, deps, signed, page);

  return app;

  /** A JSON body from the passkey script, checked with the service's schema; its field errors in the reader's language. */
  async function jsonBody<T>(c: ConsoleContext, schema: z.ZodType<T>): Promise<T> {
    const raw = await readJson(c, z.unknown());
    const checked = check(schema, (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>, c.var.locale);
    if (!checked.ok) throw refusalOf(checked.errors);
    return checked.value;
  }
}

const pathId = (c: ConsoleContext) => integerParam(c.req.param("id") ?? "", "this record");

type ArtisanFilterScope = { districtCode?: number; giTagId?: number; id?: number; status?: "pending" | "active" | "suspended" };

async function homeView(deps: AppDeps, session: ConsoleSession, locale: ConsoleLocale): Promise<HomeView> {
  const principal: Principal = session.principal;
  const mayApprove = principal.role === "admin" || principal.role === "district";
  const pendingFilter = mayApprove ? artisanListScope<ArtisanFilterScope>(principal, { status: "pending" }) : null;
  const pending = pendingFilter ? await listArtisans(deps.db, { ...pendingFilter, limit: 6 }) : null;
  const recentFilter = certificateListScope(principal, {});
  const recent = recentFilter ? await listCertificates(deps.db, { ...recentFilter, limit: 5 }) : [];
  const names = await scopeNames(deps.db, [principal]);
  const handlesReports = principal.role === "admin" || principal.role === "district";
  const newReports = handlesReports ? await countNewReportsInScope(deps.db, principal) : null;
  return {
    newReports,
    role: roleText(locale, principal, names),
    pending: pending && pending.slice(0, 5).map((a) => ({ id: a.id, name: a.name })),
    pendingMore: (pending?.length ?? 0) > 5,
    recent: recent.map((cert) => ({ id: cert.id, title: cert.title, issuedAt: isoTime(cert.issuedAt), verifyPath: new URL(verifyUrl(deps.baseUrl, cert.token)).pathname })),
  };
}

async function peopleView(deps: AppDeps, session: ConsoleSession, locale: ConsoleLocale): Promise<PeopleView> {
  const principal = session.principal;
  const [people, invitations] = await Promise.all([
    listPeopleInScope(deps.db, principal, { limit: 200 }),
    listInvitationsInScope(deps.db, principal, { state: "pending", limit: 200 }, deps.clock()),
  ]);
  const names = await scopeNames(deps.db, [...people, ...invitations]);
  return {
    roles: invitableRoles(principal),
    scopeFields: principal.role === "admin" ? ["districtCode", "giTagId", "artisanId"] : ["artisanId"],
    districts: names.districts,
    giTags: names.giTags,
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      role: roleText(locale, p, names),
      passkeys: p.passkeyCount,
      lastSignInAt: p.lastSignInAt === null ? null : isoTime(p.lastSignInAt),
      revokedAt: p.revokedAt === null ? null : isoTime(p.revokedAt),
      self: p.id === session.person.id,
    })),
    invitations: invitations.map((i) => ({ id: i.id, name: i.name, role: roleText(locale, i, names), expiresAt: isoTime(i.expiresAt) })),
  };
}
