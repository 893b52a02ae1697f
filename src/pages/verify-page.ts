// The page a phone opens from the QR: small, mobile-first, English and Hindi. It is complete
// without scripts; with them, the buyer's browser also checks the signature itself
// (assets/verify-script.ts) and says so in the section that is hidden until then.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { CertificateRevocationReason } from "../core/bundle.js";
import { isoTime } from "../core/time.js";
import type { SignedClaims, Verdict } from "../service/verification.js";
import { VERIFY_SCRIPT_PATH, VERIFY_SCRIPT_VERSION } from "./assets/verify-script.js";
import { CATALOGS } from "./i18n/catalog.js";

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Noto Sans","Noto Sans Devanagari",sans-serif;background:#f6f4ef;color:#1d1b16}
main{max-width:34rem;margin:0 auto;padding:1rem}
.verdict{border-radius:12px;padding:1rem 1.2rem;color:#fff;margin-bottom:1rem}
.genuine{background:#1b6e3a}.invalid{background:#a3261b}.revoked{background:#9a3412}.suspended{background:#854d0e}
.verdict h1{margin:0;font-size:1.6rem}.verdict p{margin:.25rem 0 0}
dl{background:#fff;border-radius:12px;padding:.5rem 1.2rem;margin:0 0 1rem}
dt{font-size:.8rem;color:#6b6558;margin-top:.7rem}dd{margin:0 0 .5rem;font-weight:600}
.note,.check{background:#fff;border-radius:12px;padding:.7rem 1.2rem;margin:0 0 1rem;font-size:.9rem}
.note{border-left:4px solid #854d0e}.check p{margin:.2rem 0}.check code{font-size:.75rem;word-break:break-all}
small{color:#6b6558}footer{font-size:.8rem;color:#6b6558}
.unconfirmed{background:#4b5563}
`;

type Content = string | HtmlEscapedString | Promise<HtmlEscapedString>;
type Known = Exclude<Verdict, { status: "invalid" } | { status: "unconfirmed" }>;

const REASONS_HI: Record<CertificateRevocationReason, string> = {
  lost: "वस्तु के खो जाने की सूचना मिली है।",
  stolen: "वस्तु के चोरी होने की सूचना मिली है।",
  misissued: "यह प्रमाणपत्र गलती से जारी हुआ था।",
  "item-destroyed": "वस्तु के नष्ट होने की सूचना मिली है।",
  superseded: "इसकी जगह एक नया प्रमाणपत्र जारी हुआ है।",
  other: "रजिस्ट्री ने इसे रद्द किया है।",
};

const TITLES: Record<Verdict["status"], string> = {
  genuine: "Genuine · असली",
  revoked: "Revoked certificate · रद्द प्रमाणपत्र",
  suspended: "Artisan suspended · कारीगर निलंबित",
  invalid: "Not a valid certificate · मान्य प्रमाणपत्र नहीं",
  unconfirmed: `${CATALOGS.en.unconfirmed.title} · ${CATALOGS.hi.unconfirmed.title}`,
};

function row(en: string, hi: string, value: Content | null) {
  if (value === null || value === "") return "";
  return html`<dt>${en} · <span lang="hi">${hi}</span></dt><dd>${value}</dd>`;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-IN", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Kolkata" });
}

export function verifyPage(verdict: Verdict) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${TITLES[verdict.status]} — Asli</title>
<style>${raw(STYLE)}</style>
</head>
<body><main>
${body(verdict)}
${browserCheck(verdict)}
<footer><p>Asli certifies handmade goods of Uttar Pradesh's One District One Product programme. · <span lang="hi">असली — उत्तर प्रदेश के एक जनपद एक उत्पाद के हस्तनिर्मित सामान का प्रमाणन।</span></p></footer>
</main>
<script type="module" src="${VERIFY_SCRIPT_PATH}?v=${VERIFY_SCRIPT_VERSION}"></script>
</body>
</html>`;
}

function body(verdict: Verdict) {
  switch (verdict.status) {
    case "genuine":
      return html`<section class="verdict genuine" data-status="genuine">
<h1>✓ Genuine</h1>
<p lang="hi">✓ असली — यह वस्तु पंजीकृत कारीगर द्वारा बनाई गई प्रमाणित वस्तु है।</p>
<p>This item is certified as made by a registered artisan.</p>
</section>
${details(verdict)}`;
    case "revoked":
      return html`<section class="verdict revoked" data-status="revoked" data-reason="${verdict.reason}">
<h1>⚠ Revoked</h1>
<p lang="hi">⚠ रद्द — यह प्रमाणपत्र ${formatDate(verdict.revokedAt)} को रद्द किया गया। ${REASONS_HI[verdict.reason]}</p>
<p>${verdict.message} Revoked on ${formatDate(verdict.revokedAt)}.</p>
</section>
<p><small>Reason: ${verdict.reason}. The certificate below no longer vouches for this item. · <span lang="hi">नीचे दिया प्रमाणपत्र अब इस वस्तु की पुष्टि नहीं करता।</span></small></p>
${details(verdict)}`;
    case "suspended":
      return html`<section class="verdict suspended" data-status="suspended">
<h1>⚠ Artisan suspended</h1>
<p lang="hi">⚠ कारीगर निलंबित — रजिस्ट्री ने इस कारीगर को निलंबित किया है; इस समय इनके प्रमाणपत्रों की पुष्टि नहीं की जाती।</p>
<p>${verdict.message}</p>
</section>
${details(verdict)}`;
    case "invalid":
      return html`<section class="verdict invalid" data-status="invalid" data-reason="${verdict.reason}">
<h1>✗ Not a valid certificate</h1>
<p lang="hi">✗ यह मान्य प्रमाणपत्र नहीं है। यह वस्तु असली होने की पुष्टि नहीं होती।</p>
<p>${verdict.message}${verdict.compromisedAt ? ` The key was reported compromised on ${formatDate(verdict.compromisedAt)}.` : ""}</p>
</section>
<p><small>Reason: ${verdict.reason}. If you bought this item as certified, ask the seller for the original tag. · <span lang="hi">यदि आपने यह वस्तु प्रमाणित मानकर खरीदी है, तो विक्रेता से मूल टैग माँगें।</span></small></p>`;
    case "unconfirmed":
      return unconfirmed(verdict.claims);
  }
}

/** Signed but not confirmed: what the signature alone says (the number and date), and to try again. */
function unconfirmed(claims: SignedClaims) {
  const en = CATALOGS.en.unconfirmed;
  const hi = CATALOGS.hi.unconfirmed;
  return html`<section class="verdict unconfirmed" data-status="unconfirmed">
<h1>? ${en.title}</h1>
<p lang="hi">? ${hi.title} — ${hi.body}</p>
<p>${en.body}</p>
</section>
<dl>
${row("Certificate", "प्रमाणपत्र", claims.serial)}
${row("Issued on", "जारी करने की तिथि", formatDate(isoTime(claims.issuedAt)))}
</dl>`;
}

function details(verdict: Known) {
  const c = verdict.certificate;
  const gi = c.giTag ? `${c.giTag.name}${c.giTag.applicationNumber ? ` (GI application no. ${c.giTag.applicationNumber})` : ""}` : null;
  const withdrawn = verdict.withdrawnGiClaim;
  return html`<dl>
${row("Item", "वस्तु", c.title)}
${row("Artisan", "कारीगर", c.artisan.name)}
${row("District", "ज़िला", `${c.district.name}, Uttar Pradesh`)}
${row("ODOP product", "ओडीओपी उत्पाद", c.product?.name ?? null)}
${row("Craft", "शिल्प", c.product ? null : c.craft)}
${row("GI tag", "जीआई टैग", gi)}
${row("Materials", "सामग्री", c.materials.join(", "))}
${row("Made on", "निर्माण तिथि", c.madeOn ? formatDate(c.madeOn) : null)}
${row("Issued on", "जारी करने की तिथि", formatDate(c.issuedAt))}
${row("Sold through", "विक्रेता", c.artisan.sellerName)}
${row("Certificate", "प्रमाणपत्र", c.id)}
</dl>
${
  withdrawn
    ? html`<p class="note" data-gi-withdrawn="${withdrawn.giTag.id}">The artisan's authorisation to use the GI tag “${withdrawn.giTag.name}” was withdrawn on ${formatDate(withdrawn.withdrawnAt)}: this item's GI claim is no longer confirmed. The rest of the certificate stands. · <span lang="hi">जीआई टैग “${withdrawn.giTag.name}” के उपयोग का कारीगर का अधिकार ${formatDate(withdrawn.withdrawnAt)} को वापस ले लिया गया: इस वस्तु के जीआई दावे की अब पुष्टि नहीं होती। प्रमाणपत्र का बाकी भाग मान्य है।</span></p>`
    : ""
}`;
}

/**
 * Filled in by the script; hidden (and so absent for a reader) when scripts are off. The data
 * attributes are the signed ids that this server says it verified: the browser compares them
 * with the ones it decodes from the token itself.
 */
function browserCheck(verdict: Verdict) {
  const ids =
    verdict.status === "invalid"
      ? ""
      : html` data-serial="${verdict.claims.serial}" data-issued="${verdict.claims.issuedAt}" data-artisan="${verdict.claims.artisanId}" data-district="${verdict.claims.districtCode}" data-product="${verdict.claims.productId ?? ""}" data-gi="${verdict.claims.giTagId ?? ""}"`;
  return html`<section id="browser-check" class="check" data-result="pending" hidden${ids}>
<p data-when="running">Your browser is checking the signature itself… · <span lang="hi">आपका ब्राउज़र स्वयं हस्ताक्षर की जाँच कर रहा है…</span></p>
<p data-when="pass" hidden>✓ Checked in your browser: the signature matches key <code data-kid></code>, published by this registry, and covers the certificate number, date, artisan, district, product and GI shown here. · <span lang="hi">✓ आपके ब्राउज़र में जाँचा गया: हस्ताक्षर इस रजिस्ट्री द्वारा प्रकाशित कुंजी से मेल खाता है और यहाँ दिखाई गई जानकारी से मेल खाता है।</span></p>
<p data-when="fail" hidden>✗ Your browser's own check failed: the code's signature does not match the registry's published keys, or the page does not show what was signed. · <span lang="hi">✗ आपके ब्राउज़र की अपनी जाँच विफल रही: कोड का हस्ताक्षर रजिस्ट्री की प्रकाशित कुंजियों से मेल नहीं खाता, या पृष्ठ वह नहीं दिखाता जिस पर हस्ताक्षर हुआ था।</span></p>
<p data-when="unsupported" hidden>Your browser cannot check Ed25519 signatures itself; the verdict above is the registry's. · <span lang="hi">आपका ब्राउज़र स्वयं हस्ताक्षर की जाँच नहीं कर सकता; ऊपर का निर्णय रजिस्ट्री का है।</span></p>
<p data-when="error" hidden>Your browser could not fetch the registry's published keys to check the signature itself. · <span lang="hi">आपका ब्राउज़र हस्ताक्षर जाँचने के लिए रजिस्ट्री की प्रकाशित कुंजियाँ नहीं ला सका।</span></p>
</section>
<noscript><p class="check">With scripts turned on, your browser also checks the certificate's signature itself. · <span lang="hi">स्क्रिप्ट चालू होने पर आपका ब्राउज़र प्रमाणपत्र के हस्ताक्षर की स्वयं जाँच भी करता है।</span></p></noscript>`;
}
