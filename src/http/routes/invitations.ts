// Invitations and people, for API clients with a bearer token. The console offers the same
// operations over the same services (routes/console.tsx).
import { Hono } from "hono";
import * as z from "zod";
import { isoTime, unixSeconds } from "../../core/time.js";
import { slipContent } from "../../pages/console/slip.js";
import {
  createInvitation,
  DEFAULT_INVITATION_TTL_HOURS,
  invitationForSlip,
  invitationInput,
  invitationUrl,
  invitationView,
  inviteExistingPerson,
  listInvitationsInScope,
  secretFromInvitationUrl,
  withdrawInvitation,
} from "../../service/invitations.js";
import { listPeopleInScope, personView, revokePerson } from "../../service/people.js";
import { scopeNames } from "../../service/scope.js";
import type { Invitation } from "../../store/people.js";
import { requireRole, type AuthEnv } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { integerParam, readJson, readQuery } from "../input.js";
import type { Operation } from "../openapi.js";
import { decodeCursor, page, pageQuery } from "../paging.js";
import * as s from "../api-schemas.js";
import { ApiError } from "../../core/errors.js";

export const invitationListQuery = z.object({ state: z.enum(["pending", "used", "withdrawn", "expired"]).optional(), ...pageQuery }).strict();
export const peopleListQuery = z.object({ ...pageQuery }).strict();
export const slipRequest = z.object({ url: z.string().max(500).describe("the invitation's sign-in url, as its creation answered") }).strict();

const MANAGERS = ["admin", "district", "gi-body"] as const;

export function invitationTtlHours(deps: AppDeps): number {
  return deps.invitationTtlHours ?? DEFAULT_INVITATION_TTL_HOURS;
}

/** The answer to a new invitation: its record, the one-time link and the link's QR. */
export async function newInvitationAnswer(deps: AppDeps, secret: string, record: Invitation) {
  const url = invitationUrl(deps.baseUrl, secret);
  return { ...invitationView(record, unixSeconds(deps.clock())), url, qrSvg: (await deps.loadQrImages()).qrSvg(url) };
}

/** The printable slip of a pending invitation, by the same renderers as the tags. */
export async function invitationSlip(deps: AppDeps, invitation: Invitation, url: string): Promise<Uint8Array> {
  const renderers = await deps.loadRenderers();
  const content = slipContent({ ...invitation, expiresAt: isoTime(invitation.expiresAt) }, url, `${new URL(deps.baseUrl).origin}/console`, await scopeNames(deps.db, [invitation]));
  return renderers.invitationSlipPdf(content);
}

export function pdfHeaders(name: string) {
  return { "content-type": "application/pdf", "cache-control": "no-store", "content-disposition": `inline; filename="${name}"` };
}

export const INVITATION_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/invitations",
    summary: "Invite a person to the console (one-time sign-in link)",
    tag: "people",
    roles: [...MANAGERS],
    description:
      "Admins invite anyone, admins included; a district office its own district's staff and artisans registered in its district; a GI body its own staff and artisans who hold its GI. The answer holds the sign-in `url` (shown once; stored as a hash) and its QR as SVG. The link works once, within INVITATION_TTL_HOURS (72 by default).",
    body: invitationInput,
    example: { name: "Abdul Kalam Ansari", role: "artisan", artisanId: 1 },
    responses: { 201: json("Created: `url` is the secret link", s.newInvitationSchema) },
    errors: ["out-of-scope", "scope-required", "scope-mismatch", "unknown-district", "unknown-gi-tag", "unknown-artisan"],
  },
  {
    method: "get",
    path: "/api/v1/invitations",
    summary: "List invitations in scope, newest first",
    tag: "people",
    roles: [...MANAGERS],
    query: invitationListQuery,
    responses: { 200: json("A page of invitations (never their links)", s.pageOf(s.invitationSchema)) },
    errors: ["invalid-query", "invalid-cursor"],
  },
  {
    method: "post",
    path: "/api/v1/invitations/{id}/withdraw",
    summary: "Withdraw an invitation that is not used yet",
    tag: "people",
    roles: [...MANAGERS],
    responses: { 200: json("Withdrawn (or already expired or withdrawn)", s.invitationSchema) },
    errors: ["not-found", "out-of-scope", "invitation-used"],
  },
  {
    method: "post",
    path: "/api/v1/invitations/slip.pdf",
    summary: "The printable invitation slip (A5, English and Hindi) of a pending invitation",
    tag: "people",
    roles: [...MANAGERS],
    description: "The body names the invitation by its sign-in `url`, which the service does not keep.",
    body: slipRequest,
    example: { url: "https://asli.example/console/join/abcdefghijklmnopqrstuvwxyz234567" },
    responses: { 200: { description: "The slip", contentType: "application/pdf" } },
    errors: ["not-found", "invitation-used", "invitation-expired", "invitation-withdrawn"],
  },
  {
    method: "get",
    path: "/api/v1/people",
    summary: "List console people in scope, newest first",
    tag: "people",
    roles: [...MANAGERS],
    query: peopleListQuery,
    responses: { 200: json("A page of people", s.pageOf(s.personSchema)) },
    errors: ["invalid-query", "invalid-cursor"],
  },
  {
    method: "post",
    path: "/api/v1/people/{id}/revoke",
    summary: "Revoke a person's console access; their sessions end at once",
    tag: "people",
    roles: [...MANAGERS],
    responses: { 200: json("Revoked", s.personSchema) },
    errors: ["not-found", "out-of-scope", "own-access"],
  },
  {
    method: "post",
    path: "/api/v1/people/{id}/invitations",
    summary: "A new sign-in link for a person who has access (a passkey on a new phone)",
    tag: "people",
    roles: [...MANAGERS],
    responses: { 201: json("Created", s.newInvitationSchema) },
    errors: ["not-found", "out-of-scope", "person-revoked"],
  },
];

function json(description: string, schema: z.ZodType) {
  return { description, schema };
}

export function invitationRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const managers = requireRole(deps, ...MANAGERS);

  app.post("/api/v1/invitations", managers, async (c) => {
    const { secret, record } = await createInvitation(deps.db, c.get("principal"), await readJson(c, invitationInput), deps.clock(), invitationTtlHours(deps));
    c.header("cache-control", "no-store");
    return c.json(await newInvitationAnswer(deps, secret, record), 201);
  });

  app.get("/api/v1/invitations", managers, async (c) => {
    const query = readQuery(c, invitationListQuery);
    const before = decodeCursor(query.cursor, z.number().int());
    const rows = await listInvitationsInScope(deps.db, c.get("principal"), { state: query.state, before, limit: query.limit + 1 }, deps.clock());
    const now = unixSeconds(deps.clock());
    return c.json(page(rows, query.limit, (i) => invitationView(i, now), (i) => i.id));
  });

  app.post("/api/v1/invitations/slip.pdf", managers, async (c) => {
    const { url } = await readJson(c, slipRequest);
    const secret = secretFromInvitationUrl(deps.baseUrl, url);
    if (!secret) throw new ApiError(404, "not-found", "Not found", "this is not a sign-in link of this service");
    const invitation = await invitationForSlip(deps.db, c.get("principal"), secret, deps.clock());
    const pdf = await invitationSlip(deps, invitation, url);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, pdfHeaders(`asli-invitation-${invitation.id}.pdf`));
  });

  app.post("/api/v1/invitations/:id/withdraw", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this invitation");
    return c.json(invitationView(await withdrawInvitation(deps.db, c.get("principal"), id, deps.clock()), unixSeconds(deps.clock())));
  });

  app.get("/api/v1/people", managers, async (c) => {
    const query = readQuery(c, peopleListQuery);
    const before = decodeCursor(query.cursor, z.number().int());
    const rows = await listPeopleInScope(deps.db, c.get("principal"), { before, limit: query.limit + 1 });
    return c.json(page(rows, query.limit, personView, (p) => p.id));
  });

  app.post("/api/v1/people/:id/revoke", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this person");
    return c.json(personView(await revokePerson(deps.db, c.get("principal"), id, deps.clock())));
  });

  app.post("/api/v1/people/:id/invitations", managers, async (c) => {
    const id = integerParam(c.req.param("id"), "this person");
    const { secret, record } = await inviteExistingPerson(deps.db, c.get("principal"), id, deps.clock(), invitationTtlHours(deps));
    c.header("cache-control", "no-store");
    return c.json(await newInvitationAnswer(deps, secret, record), 201);
  });

  return app;
}
