// The page a phone opens from the QR, in the reader's language: the verdict first, then the
// item, its maker, its place and the proof, in that order. It is complete without scripts;
// with them, the buyer's browser also checks the signature itself (assets/verify-script.ts),
// and shows one of the messages this page carries for it.
//
// Table-driven: STATUS_VIEWS has one entry per verdict status (`suspected-copy` is one), and
// SECTIONS lists the page's parts in order. Extension points for later work are marked "Slot:"
// below.
import type { CraftStory } from "../../db/schema.js";
import type { ClaimOutcome } from "../service/claims.js";
import type { CopySuspicion, Verdict } from "../service/verification.js";
import { VERIFY_SCRIPT_PATH } from "./assets/verify-script.js";
import { VERIFY_SCRIPT_VERSION } from "../generated/verify-script-version.js";
import { credentialLink } from "./credential-link.js";
import { bdi, esc, fillHtml, registryName } from "./html.js";
import type { Locale, PublicMessages } from "./i18n/catalog.js";
import type { Language } from "./i18n/languages.js";
import { renderPage, serialForm } from "./layout.js";

export interface VerifyPageInput {
  verdict: Verdict;
  locale: Locale;
  /** The serial that was looked up, when the certificate was presented by its number rather than its QR. */
  serial?: string;
  /** Where the language switcher's links point; by default this address with `?lang=`. */
  langHref?: (lang: Language) => string;
  /** The first buyer's claim form, where the certificate can be claimed: where it posts, and its same-site token (src/http/public-form.ts). */
  claimForm?: { action: string; token: string };
  /** What became of a claim just sent from this page. */
  claimResult?: ClaimResult;
}

/** A claim's outcome as the page tells it; `expired`: the form's origin or token did not check out. */
export type ClaimResult = ClaimOutcome | { kind: "expired" };

type Tone = "ok" | "bad" | "warn" | "info";
type Known = Extract<Verdict, { certificate: unknown }>;

const ICON_PATHS: Record<Tone, string> = {
  ok: "M9 16.5l4.5 4.5L23 11",
  bad: "M11 11l10 10M21 11L11 21",
  warn: "M16 9v9M16 22.5v.5",
  info: "M16 14.5v8M16 9.5v.5",
};
export const ICONS = Object.fromEntries(
  Object.entries(ICON_PATHS).map(([tone, d]) => [
    tone,
    `<svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="15" fill="rgba(255,255,255,.18)"/><path d="${d}" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
  ]),
) as Record<Tone, string>;

const TICK = `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8.5l3 3 7-7" fill="none" stroke="#166534" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg> `;

// A neutral figure where the registry has no photo of the artisan: drawn inline, no request.
const PHOTO_PLACEHOLDER = `<svg width="72" height="72" viewBox="0 0 72 72" aria-hidden="true"><rect width="72" height="72" fill="#ece6da"/><circle cx="36" cy="28" r="12" fill="#c9bea8"/><path d="M13 68c2-14 11-22 23-22s21 8 23 22z" fill="#c9bea8"/></svg>`;

interface Ctx {
  input: VerifyPageInput;
  loc: Locale;
  m: PublicMessages;
}

interface StatusView<V extends Verdict> {
  tone: Tone;
  /** Plain text: the verdict's heading and the page's title. */
  title(v: V, ctx: Ctx): string;
  /** HTML: the sentences under the heading. */
  lead(v: V, ctx: Ctx): string;
}

type StatusViews = { [S in Verdict["status"]]: StatusView<Extract<Verdict, { status: S }>> };

const bySerialNote = (v: { lookup?: string }, { m }: Ctx) => (v.lookup === "serial" ? `<p>${esc(m.verify.bySerial)}</p>` : "");

export const STATUS_VIEWS: StatusViews = {
  genuine: {
    tone: "ok",
    title: (v, { m }) => (v.lookup === "serial" ? m.verify.status.genuineBySerial.title : m.verify.status.genuine.title),
    lead: (v, ctx) => `<p>${esc(v.lookup === "serial" ? ctx.m.verify.status.genuineBySerial.lead : ctx.m.verify.status.genuine.lead)}</p>${bySerialNote(v, ctx)}`,
  },
  revoked: {
    tone: "bad",
    title: (_, { m }) => m.verify.status.revoked.title,
    lead: (v, ctx) =>
      `<p>${fillHtml(ctx.m.verify.status.revoked.lead, { date: esc(ctx.loc.date(v.revokedAt)) })}${ctx.loc.sentenceGap}${esc(ctx.m.verify.revocationReason[v.reason])}</p>` +
      `<p>${esc(ctx.m.verify.revokedAdvice)}</p>${bySerialNote(v, ctx)}`,
  },
  suspended: {
    tone: "warn",
    title: (_, { m }) => m.verify.status.suspended.title,
    lead: (v, ctx) => `<p>${esc(ctx.m.verify.status.suspended.lead)}</p>${bySerialNote(v, ctx)}`,
  },
  unconfirmed: {
    tone: "info",
    title: (_, { m }) => m.verify.status.unconfirmed.title,
    lead: (_, { m }) => `<p>${esc(m.verify.status.unconfirmed.lead)}</p><p><a href="">${esc(m.verify.tryAgain)}</a></p>`,
  },
  "suspected-copy": {
    tone: "warn",
    title: (_, { m }) => m.copy.title,
    lead: (v, ctx) =>
      `<p>${esc(ctx.m.copy.lead)}</p><p>${suspicionText(v.suspicion, ctx)}</p><p>${esc(ctx.m.copy.check)}</p><p><a href="#help">${esc(ctx.m.copy.report)}</a></p>${bySerialNote(v, ctx)}`,
  },
  invalid: {
    tone: "bad",
    title: (v, { m }) => (v.lookup === "serial" && v.reason === "not-registered" ? m.verify.status.notFoundBySerial.title : m.verify.status.invalid.title),
    lead: (v, ctx) => {
      const { m, loc, input } = ctx;
      if (v.lookup === "serial" && v.reason === "not-registered") {
        return `<p>${fillHtml(m.verify.status.notFoundBySerial.lead, { serial: serialText(input.serial ?? "") })}</p><p>${esc(m.verify.notFoundAdvice)}</p>`;
      }
      const reason = fillHtml(m.verify.invalidReason[v.reason], { date: esc(v.compromisedAt ? loc.date(v.compromisedAt) : "") });
      return `<p>${esc(m.verify.status.invalid.lead)}${loc.sentenceGap}${reason}</p><p>${esc(m.verify.invalidAdvice)}</p>`;
    },
  },
};

/** Which rule fired and when, in plain words (docs/api.md, "Copied tags"). */
function suspicionText(s: CopySuspicion, { m, loc }: Ctx): string {
  if ("count" in s) return fillHtml(m.copy.rule.burst, { date: esc(loc.date(s.day)), count: esc(loc.number(s.count)) });
  return fillHtml(m.copy.rule[s.rule as "impossible-travel" | "elsewhere-after-claim"], { date: esc(loc.date(s.at)) });
}

function statusView(v: Verdict): StatusView<Verdict> {
  return STATUS_VIEWS[v.status] as StatusView<Verdict>;
}

const serialText = (serial: string) => `<span class="serial" dir="ltr">${esc(serial)}</span>`;

function verdictSection(v: Verdict, ctx: Ctx): string {
  const view = statusView(v);
  const reason = "reason" in v ? ` data-reason="${esc(v.reason)}"` : "";
  const lookup = "lookup" in v && v.lookup ? ` data-lookup="${v.lookup}"` : "";
  return `<section class="verdict ${view.tone}" data-status="${v.status}"${reason}${lookup} aria-labelledby="verdict-title">${ICONS[view.tone]}<div><h1 id="verdict-title">${esc(view.title(v, ctx))}</h1>${view.lead(v, ctx)}${giWithdrawnFlag(v, ctx)}</div></section>`;
}

/** A withdrawn GI claim is said at the top too, where a green verdict would otherwise hide it. */
function giWithdrawnFlag(v: Verdict, { m, loc }: Ctx): string {
  if (!("withdrawnGiClaim" in v) || !v.withdrawnGiClaim) return "";
  const section = `<a href="#place">${esc(m.verify.headings.place)}</a>`;
  return `<p class="flag">${fillHtml(m.verify.giWithdrawnNote, { gi: registryName(v.withdrawnGiClaim.giTag.name, loc.lang), section })}</p>`;
}

export function card(id: string, heading: string, body: string): string {
  return `<section class="card" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(heading)}</h2>${body}</section>`;
}

export function field(label: string, valueHtml: string | null): string {
  return valueHtml ? `<dt>${esc(label)}</dt><dd>${valueHtml}</dd>` : "";
}

/** The story in the page's language, else in English (marked as English). */
function story(text: CraftStory, loc: Locale): string {
  const own = text[loc.lang];
  if (own) return `<p class="story">${esc(own)}</p>`;
  const english = text.en;
  return english ? `<p class="story" lang="en" dir="ltr">${esc(english)}</p>` : "";
}

/** Only an image from this origin: the page's policy allows no other, and a foreign URL would tell a third party who scans what. */
export function isOwnPath(url: string | null): url is string {
  return typeof url === "string" && url.length <= 512 && /^\/(?![/\\])[^\s\\"'<>]*$/.test(url);
}

function itemSection(v: Verdict, ctx: Ctx): string {
  const { m, loc } = ctx;
  const f = m.verify.fields;
  if (v.status === "unconfirmed") {
    // Only what the signature says: without the registry there are no names.
    const issued = new Date(v.claims.issuedAt * 1000).toISOString();
    return card("item", m.verify.headings.item, `<dl>${field(f.certificate, serialText(v.claims.serial))}${field(f.issuedOn, esc(loc.date(issued)))}</dl>`);
  }
  if (!("certificate" in v)) return "";
  const c = v.certificate;
  const rows =
    field(f.materials, c.materials.length ? esc(loc.list(c.materials)) : null) +
    field(f.madeOn, c.madeOn ? esc(loc.date(c.madeOn)) : null) +
    field(f.issuedOn, esc(loc.date(c.issuedAt))) +
    field(f.certificate, serialText(c.id));
  return card("item", m.verify.headings.item, `<p class="title">${esc(c.title)}</p><dl>${rows}</dl>`);
}

function makerSection(v: Verdict, ctx: Ctx): string {
  if (!("certificate" in v)) return "";
  const { m } = ctx;
  const a = v.certificate.artisan;
  const photo = isOwnPath(a.photoUrl)
    ? `<img src="${esc(a.photoUrl)}" alt="${fillHtml(m.verify.photoAlt, { name: esc(a.name) })}" width="72" height="72" decoding="async">`
    : PHOTO_PLACEHOLDER;
  const seller = a.sellerName ? `<p class="story">${fillHtml(m.verify.soldThrough, { seller: bdi(a.sellerName) })}</p>` : "";
  return card("maker", m.verify.headings.maker, `<div class="maker">${photo}<div><b>${bdi(a.name)}</b>${seller}</div></div>`);
}

function placeSection(v: Verdict, ctx: Ctx): string {
  if (!("certificate" in v)) return "";
  const { m, loc } = ctx;
  const f = m.verify.fields;
  const c = v.certificate;
  const product = c.product
    ? field(f.product, `${registryName(c.product.name, loc.lang)}<p class="story">${esc(m.verify.odopNote)}</p>${story(c.product.story, loc)}`)
    : field(f.craft, c.craft ? bdi(c.craft) : null);
  let gi = "";
  if (c.giTag) {
    const numbers =
      field(f.giApplication, c.giTag.applicationNumber ? `<span dir="ltr">${esc(c.giTag.applicationNumber)}</span>` : null) +
      field(f.giUser, c.giTag.authorisedUserNumber ? `<span dir="ltr">${esc(c.giTag.authorisedUserNumber)}</span>` : null);
    // Where the GI and the ODOP product are one craft, its story is told once.
    const giStory = story(c.giTag.story, loc);
    const told = c.product ? story(c.product.story, loc) : "";
    gi = field(f.giTag, `${registryName(c.giTag.name, loc.lang)}<p class="story">${esc(m.verify.giMeaning)}</p>${giStory === told ? "" : giStory}`) + numbers;
  }
  const withdrawn = v.withdrawnGiClaim
    ? `<p class="note" data-gi-withdrawn="${v.withdrawnGiClaim.giTag.id}">${fillHtml(m.verify.giWithdrawn, { gi: registryName(v.withdrawnGiClaim.giTag.name, loc.lang), date: esc(loc.date(v.withdrawnGiClaim.withdrawnAt)) })}</p>`
    : "";
  const district = field(f.district, fillHtml(m.verify.districtInState, { district: registryName(c.district.name, loc.lang) }));
  return card("place", m.verify.headings.place, `<dl>${district}${product}${gi}</dl>${withdrawn}`);
}

function proofSection(v: Verdict, ctx: Ctx): string {
  const { m } = ctx;
  let office = "";
  if ("certificate" in v) {
    const district = registryName(v.certificate.district.name, ctx.loc.lang);
    office = `<dl>${field(m.verify.fields.office, `${fillHtml(m.verify.officeName, { district })}<p class="story">${fillHtml(m.verify.officeNote, { district })}</p>`)}</dl>`;
  }
  const check = "lookup" in v && v.lookup === "serial" ? "" : browserCheck(v, ctx);
  const credential = "certificate" in v ? credentialLink(v.certificate.id, m) : "";
  if (!office && !check) return "";
  return card("proof", m.verify.headings.proof, office + ("scans" in v ? scansLine(v, ctx) : "") + check + credential);
}

/** How often the certificate was checked before this check (src/service/scans.ts). */
function scansLine(v: Known, { m, loc }: Ctx): string {
  const { count, firstAt } = v.scans;
  const text =
    count === 0 || firstAt === null
      ? esc(m.scans.first)
      : fillHtml(count === 1 ? m.scans.once : m.scans.many, { count: esc(loc.number(count)), date: esc(loc.date(firstAt)) });
  return `<p class="scans" data-scans="${count}">${text}</p>`;
}

const CLAIMABLE = new Set<Verdict["status"]>(["genuine", "suspected-copy"]);

/** The first buyer's claim: when it was made, or the form to make it, with the outcome of a try just made. */
function claimSection(v: Verdict, ctx: Ctx): string {
  if (!("certificate" in v) || !v.claim) return "";
  const { m, loc, input } = ctx;
  const c = m.claim;
  const result = input.claimResult;
  if (v.claim.claimedAt !== null) {
    const done = result?.kind === "claimed" ? `<p role="status">${esc(c.done)}</p>` : "";
    const already = result?.kind === "already-claimed" ? `<p class="error" role="alert">${fillHtml(c.already, { date: esc(loc.date(v.claim.claimedAt)) })}</p>` : "";
    const advice = done ? "" : `<p>${esc(c.claimedAdvice)}</p>`;
    return card("claim", c.heading, `<p data-claimed="${esc(v.claim.claimedAt)}">${fillHtml(c.claimedOn, { date: esc(loc.date(v.claim.claimedAt)) })}</p>${done}${already}${advice}`);
  }
  if (!CLAIMABLE.has(v.status) || !input.claimForm) return "";
  let problem = "";
  if (result && result.kind !== "claimed") {
    const text =
      result.kind === "wrong-code"
        ? fillHtml(c.wrong, { count: esc(loc.number(result.triesLeft)) })
        : result.kind === "rate-limited"
          ? fillHtml(c.limited, { minutes: esc(loc.number(Math.ceil(result.retryAfterSeconds / 60))) })
          : result.kind === "already-claimed"
            ? fillHtml(c.already, { date: esc(loc.date(new Date(result.claimedAt * 1000).toISOString())) })
            : esc(result.kind === "malformed" ? c.malformed : result.kind === "expired" ? c.expired : c.noCode);
    problem = `<p class="error" id="claim-error" role="alert">${text}</p>`;
  }
  const describedBy = problem ? "claim-error claim-hint" : "claim-hint";
  const { action, token } = input.claimForm;
  return card(
    "claim",
    c.heading,
    `<p>${esc(c.lead)}</p>${problem}
<form method="post" action="${esc(action)}"><input type="hidden" name="_form" value="${esc(token)}">
<label for="claim-code">${esc(c.label)}</label>
<p class="hint" id="claim-hint">${esc(c.hint)}</p>
<div class="row"><input id="claim-code" name="code" maxlength="24" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" aria-describedby="${describedBy}"${problem ? ' aria-invalid="true"' : ""}><button type="submit">${esc(c.button)}</button></div>
</form>`,
  );
}

function helpSection(v: Verdict, ctx: Ctx): string {
  const { m } = ctx;
  // The registry was out of reach, not the item in doubt: the page asks to try again instead.
  if (v.status === "unconfirmed") return "";
  const text =
    "certificate" in v
      ? fillHtml(m.verify.help.body, { district: registryName(v.certificate.district.name, ctx.loc.lang), serial: serialText(v.certificate.id) })
      : esc(m.verify.help.generic);
  const retry = v.status === "invalid" && v.lookup === "serial" ? serialForm(ctx.loc, { typed: ctx.input.serial, heading: false }) : "";
  // The report form is a page of its own (src/pages/report-page.ts), about this certificate or
  // this typed number: it would weigh more than the rest of this page, which every scan loads.
  const about = "certificate" in v ? v.certificate.id : v.status === "invalid" && v.lookup === "serial" ? ctx.input.serial : undefined;
  const report = `<p><a class="button" href="/report${about ? `?serial=${encodeURIComponent(about)}` : ""}">${esc(m.report.open)}</a></p>`;
  return retry + card("help", m.verify.headings.help, `<p>${text}</p>${report}`);
}

/** The page's parts, in order: verdict, item, maker, place, proof, the first buyer's claim, help. */
export const SECTIONS: ((v: Verdict, ctx: Ctx) => string)[] = [verdictSection, itemSection, makerSection, placeSection, proofSection, claimSection, helpSection];

/**
 * Filled in by the script; hidden (and so absent for a reader) when scripts are off. The data
 * attributes are the signed ids that this server says it verified: the browser compares them
 * with the ones it decodes from the token itself. For any verdict but genuine, a passing check
 * says only that the registry signed the code: never a tick there. An invalid verdict vouches for
 * no ids: there a good signature (a token the registry never issued) is `signed`, said as such.
 */
function browserCheck(v: Verdict, { m }: Ctx): string {
  const c = m.verify.check;
  const ids =
    v.status === "invalid"
      ? ""
      : ` data-serial="${v.claims.serial}" data-issued="${v.claims.issuedAt}" data-artisan="${v.claims.artisanId}" data-district="${v.claims.districtCode}" data-product="${v.claims.productId ?? ""}" data-gi="${v.claims.giTagId ?? ""}"`;
  const pass = v.status === "genuine" ? TICK + esc(c.pass) : esc(c.passNotGenuine);
  return `<div id="browser-check" class="check" data-result="pending" hidden${ids}>
<p data-when="running">${esc(c.running)}</p>
<p data-when="pass" hidden>${pass}</p>
<p data-when="fail" hidden>${esc(c.fail)}</p>${v.status === "invalid" ? `\n<p data-when="signed" hidden>${esc(v.reason === "not-registered" ? c.signedNotIssued : c.passNotGenuine)}</p>` : ""}
<p data-when="unsupported" hidden>${esc(c.unsupported)}</p>
<p data-when="error" hidden>${esc(c.error)}</p>
<details data-tech hidden><summary>${esc(c.details)}</summary><p>${fillHtml(c.key, { kid: '<code data-kid dir="ltr"></code>' })}</p></details>
</div>
<noscript><p class="check">${esc(c.noscript)}</p></noscript>`;
}

const SCRIPT = `${VERIFY_SCRIPT_PATH}?v=${VERIFY_SCRIPT_VERSION}`;

export function verifyPage(input: VerifyPageInput): string {
  const { verdict, locale } = input;
  const ctx: Ctx = { input, loc: locale, m: locale.messages };
  const main = SECTIONS.map((section) => section(verdict, ctx)).filter(Boolean).join("\n");
  const script = "lookup" in verdict && verdict.lookup === "serial" ? undefined : SCRIPT;
  return renderPage({ locale, title: statusView(verdict).title(verdict, ctx), main, langHref: input.langHref, script });
}
