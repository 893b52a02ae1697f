// A sealed shipment's public page, /s/{id} (the text of a carton's QR is HTTPS://HOST/S/{ID}),
// in the reader's language: the shipment's standing first, then its signed facts, then every
// item with its verdict today, then how to check the signed list offline. It shows the
// consignee's country, never their name, and links each item to its certificate's own page.
// The data is the service's shipmentVerdict, the same that GET /api/v1/shipments/{id}/verify answers.
import type { ShipmentVerdict } from "../service/shipments.js";
import { bdi, esc, fillHtml } from "./html.js";
import type { Locale } from "./i18n/catalog.js";
import type { Language } from "./i18n/languages.js";
import { renderPage } from "./layout.js";
import { SHIPMENT_SCRIPT_PATH } from "./assets/shipment-script.js";
import { card, field, ICONS } from "./verify-page.js";
import { shipmentCredentialLink } from "./credential-link.js";

export interface ShipmentPageInput {
  verdict: ShipmentVerdict;
  locale: Locale;
  /** Where the manifest file is downloaded from. */
  manifestHref: string;
  langHref?: (lang: Language) => string;
}

const TONES = { genuine: "ok", "not-all-genuine": "warn", cancelled: "bad" } as const;
const ITEM_TONES: Record<string, string> = { genuine: "ok", revoked: "bad", suspended: "warn", "suspected-copy": "warn", invalid: "bad", unconfirmed: "info" };

function countryName(code: string, loc: Locale): string {
  try {
    return new Intl.DisplayNames([loc.tag], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function shipmentPage(input: ShipmentPageInput): string {
  const { verdict: v, locale: loc } = input;
  const m = loc.messages.shipment;
  const bad = v.itemCount - v.summary.genuine;
  const status = v.status === "genuine" ? m.status.genuine : v.status === "cancelled" ? m.status.cancelled : m.status.notAllGenuine;
  const lead = fillHtml(status.lead, {
    count: esc(loc.number(v.itemCount)),
    bad: esc(loc.number(bad)),
    date: esc(loc.date(v.status === "cancelled" && v.cancelledAt ? v.cancelledAt : v.sealedAt)),
  });
  const tone = TONES[v.status];
  const head = `<section class="verdict ${tone}" data-status="${v.status}" aria-labelledby="verdict-title">${ICONS[tone]}<div><h1 id="verdict-title">${esc(status.title)}</h1><p>${lead}</p></div></section>`;

  const f = m.fields;
  const facts = card(
    "shipment",
    loc.messages.shipmentFacts.heading,
    `<dl>${field(f.shipment, `<code dir="ltr">${esc(v.id)}</code>`)}${field(f.exporter, bdi(v.exporter))}${field(f.destination, esc(countryName(v.consigneeCountry, loc)))}${field(
      f.reference,
      v.reference ? `<span dir="ltr">${esc(v.reference)}</span>` : null,
    )}${field(f.sealedOn, esc(loc.date(v.sealedAt)))}${field(f.items, esc(loc.number(v.itemCount)))}${field(f.cancelReason, v.cancelReason ? bdi(v.cancelReason) : null)}${field(
      f.key,
      `<code dir="ltr">${esc(v.manifest.kid)}</code>`,
    )}</dl>`,
  );

  const c = m.columns;
  const rows = v.items
    .map((item) => {
      const cert = "certificate" in item ? item.certificate : undefined;
      const label = m.itemStatus[item.status];
      const title = cert ? `<a href="/v/${esc(item.certificateId)}">${bdi(cert.title)}</a>` : `<a href="/v/${esc(item.certificateId)}"><code dir="ltr">${esc(item.certificateId)}</code></a>`;
      // data-label names each cell where the narrow layout stacks a row as a card, without its header row.
      const cell = (column: string, html: string, cls = "") => `<td data-label="${esc(column)}"${cls ? ` class="${cls}"` : ""}>${html}</td>`;
      return `<tr data-item="${item.index}" data-certificate="${esc(item.certificateId)}" data-status="${item.status}">${cell(c.number, esc(loc.number(item.index + 1)), "n")}${cell(
        c.item,
        `${title}<br><code dir="ltr">${esc(item.certificateId)}</code>`,
      )}${cell(c.maker, cert ? bdi(cert.artisan.name) : "")}${cell(c.place, cert ? bdi(cert.district.name) : "")}${cell(c.gi, cert?.giTag ? bdi(cert.giTag.name) : "")}${cell(
        c.verdict,
        esc(label),
        `v ${ITEM_TONES[item.status]}`,
      )}</tr>`;
    })
    .join("");
  const table = card(
    "items",
    m.headings.items,
    `<div class="scroll"><table class="stack"><thead><tr><th scope="col">${esc(c.number)}</th><th scope="col">${esc(c.item)}</th><th scope="col">${esc(c.maker)}</th><th scope="col">${esc(c.place)}</th><th scope="col">${esc(c.gi)}</th><th scope="col">${esc(
      c.verdict,
    )}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
  );
  const k = m.check;
  const t = loc.messages.verify.check;
  // Filled by the script (assets/shipment-client.ts); hidden, with its noscript note, without it.
  const browserCheck = `<div id="browser-check" class="check" data-result="pending" data-manifest="${esc(input.manifestHref)}" data-root="${esc(v.manifest.merkleRoot)}" data-count="${v.itemCount}" hidden aria-live="polite">
<p data-when="running">${esc(k.running)}</p>
<p data-when="pass" hidden>${esc(k.pass)}</p>
<p data-when="fail" hidden>${esc(k.fail)}</p>
<p data-when="unsupported" hidden>${esc(k.unsupported)}</p>
<p data-when="error" hidden>${esc(k.error)}</p>
<details><summary>${esc(t.details)}</summary><p>${fillHtml(t.key, { kid: '<code data-detail dir="ltr"></code>' })}</p></details>
</div>
<noscript><p class="check">${esc(k.noscript)}</p></noscript>`;
  const proof = card(
    "proof",
    m.headings.proof,
    `${browserCheck}<p>${fillHtml(m.proof, { command: `<code dir="ltr">npx asli-verify asli-shipment-${esc(v.id)}.json</code>` })}</p><p><a class="button" href="${esc(input.manifestHref)}" download>${esc(m.download)}</a></p>${v.status === "cancelled" ? "" : shipmentCredentialLink(v.id, loc.messages)}`,
  );
  return renderPage({ locale: loc, title: status.title, main: [head, facts, table, proof].join("\n"), langHref: input.langHref, script: SHIPMENT_SCRIPT_PATH });
}
