// The page a phone opens from the QR: small, mobile-first, English and Hindi, no scripts.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Verdict } from "../http/verification.js";

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Noto Sans","Noto Sans Devanagari",sans-serif;background:#f6f4ef;color:#1d1b16}
main{max-width:34rem;margin:0 auto;padding:1rem}
.verdict{border-radius:12px;padding:1rem 1.2rem;color:#fff;margin-bottom:1rem}
.genuine{background:#1b6e3a}.invalid{background:#a3261b}
.verdict h1{margin:0;font-size:1.6rem}.verdict p{margin:.25rem 0 0}
dl{background:#fff;border-radius:12px;padding:.5rem 1.2rem;margin:0 0 1rem}
dt{font-size:.8rem;color:#6b6558;margin-top:.7rem}dd{margin:0 0 .5rem;font-weight:600}
small{color:#6b6558}footer{font-size:.8rem;color:#6b6558}
`;

function row(en: string, hi: string, value: string | HtmlEscapedString | Promise<HtmlEscapedString> | null) {
  if (value === null || value === "") return "";
  return html`<dt>${en} · <span lang="hi">${hi}</span></dt><dd>${value}</dd>`;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-IN", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Kolkata" });
}

export function verifyPage(verdict: Verdict) {
  const genuine = verdict.status === "genuine";
  const title = genuine ? "Genuine · असली" : "Not a valid certificate · मान्य प्रमाणपत्र नहीं";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — Asli</title>
<style>${raw(STYLE)}</style>
</head>
<body><main>
${genuine ? genuineBody(verdict) : invalidBody(verdict)}
<footer><p>Asli certifies handmade goods of Uttar Pradesh's One District One Product programme. · <span lang="hi">असली — उत्तर प्रदेश के एक जनपद एक उत्पाद के हस्तनिर्मित सामान का प्रमाणन।</span></p></footer>
</main></body>
</html>`;
}

function genuineBody(verdict: Extract<Verdict, { status: "genuine" }>) {
  const c = verdict.certificate;
  const gi = c.giTag ? `${c.giTag.name}${c.giTag.applicationNumber ? ` (GI application no. ${c.giTag.applicationNumber})` : ""}` : null;
  return html`<section class="verdict genuine" data-status="genuine">
<h1>✓ Genuine</h1>
<p lang="hi">✓ असली — यह वस्तु पंजीकृत कारीगर द्वारा बनाई गई प्रमाणित वस्तु है।</p>
<p>This item is certified as made by a registered artisan.</p>
</section>
<dl>
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
</dl>`;
}

function invalidBody(verdict: Extract<Verdict, { status: "invalid" }>) {
  return html`<section class="verdict invalid" data-status="invalid">
<h1>✗ Not a valid certificate</h1>
<p lang="hi">✗ यह मान्य प्रमाणपत्र नहीं है। यह वस्तु असली होने की पुष्टि नहीं होती।</p>
<p>${verdict.message}</p>
</section>
<p><small>Reason: ${verdict.reason}. If you bought this item as certified, ask the seller for the original tag. · <span lang="hi">यदि आपने यह वस्तु प्रमाणित मानकर खरीदी है, तो विक्रेता से मूल टैग माँगें।</span></small></p>`;
}
