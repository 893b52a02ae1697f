// The frame of every public page: the head with its one inline style sheet, a header with the
// Asli mark and the language switcher, and the footer. Phone first (360 px wide and up), no
// web fonts (each script gets a system font stack), no external resources, complete with
// scripts off. Logical CSS properties only, so that Urdu and Arabic pages mirror as a whole.
// What does not vary with the request is built once per language and kept.
import type { Locale } from "./i18n/catalog.js";
import { LANGUAGES, PUBLIC_LANGUAGES, type Language } from "./i18n/languages.js";
import { esc } from "./html.js";

// One type scale (0.8125, 0.9375, 1, 1.25, 1.625 rem) and one spacing step (0.25 rem multiples).
// Colours meet WCAG AA on their backgrounds (white text on every verdict tone is above 6:1).
const STYLE = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f6f3ec;color:#1f1c17;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:break-word}
:lang(hi){font-family:system-ui,-apple-system,"Noto Sans Devanagari","Nirmala UI",Mangal,"Kohinoor Devanagari",sans-serif;line-height:1.7}
:lang(ar){font-family:"Noto Naskh Arabic","Noto Sans Arabic","Geeza Pro","Segoe UI",Tahoma,sans-serif;line-height:1.75}
:lang(ur){font-family:"Noto Nastaliq Urdu","Jameel Noori Nastaleeq","Urdu Typesetting","Noto Naskh Arabic",Tahoma,sans-serif;line-height:2.1}
:lang(ja){font-family:"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Yu Gothic",Meiryo,system-ui,sans-serif;line-break:strict}
:lang(zh-Hans){font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei","Source Han Sans SC",system-ui,sans-serif}
:lang(ja) h1,:lang(ja) h2{word-break:auto-phrase}
[lang=en]{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.55}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
a{color:#7a2e0e}
.top{background:#fff;border-block-end:1px solid #e6dfd1}
.bar,main,footer{max-width:36rem;margin:0 auto;padding-inline:1rem}
.bar{display:flex;align-items:center;gap:.75rem;padding-block:.625rem}
.brand{display:flex;flex:1;min-width:0;align-items:center;gap:.625rem;color:inherit;text-decoration:none}
.brand b{display:block;font-size:1.25rem;line-height:1.2}
.brand span{display:block;color:#6b6355;font-size:.8125rem;line-height:1.35}
.langs{position:relative;flex:none}
.langs summary{cursor:pointer;list-style:none;display:flex;align-items:center;gap:.375rem;padding:.25rem .75rem;border:1px solid #d9d0bf;border-radius:99px;font-size:.9375rem}
.langs summary::-webkit-details-marker{display:none}
.langs ul{position:absolute;z-index:1;inset-inline-end:0;top:calc(100% + .375rem);min-width:10rem;list-style:none;margin:0;padding:.375rem;background:#fff;border:1px solid #d9d0bf;border-radius:10px;box-shadow:0 6px 20px rgba(0,0,0,.12)}
.langs a{display:block;padding:.375rem .625rem;border-radius:6px}
.langs a[aria-current]{background:#f1e9dc;color:inherit;font-weight:600;text-decoration:none}
main{padding-block:1rem}
h1,h2,h3{line-height:1.3}
main>h1,.card h1{font-size:1.625rem;margin:.25rem 0 .5rem}main>h1+p{margin:0 0 1rem}
.verdict{display:flex;gap:.875rem;align-items:flex-start;border-radius:14px;padding:1.125rem 1rem 1.25rem;margin:0 0 1rem;color:#fff}
.verdict svg{flex:none;margin-block-start:.125rem}
.verdict h1{margin:0;font-size:1.625rem}
.verdict p{margin:.375rem 0 0}.verdict p+p{margin-block-start:.75rem}.verdict a{color:inherit;font-weight:600}
.verdict .flag{padding:.5rem .625rem;border-radius:8px;background:rgba(0,0,0,.2)}
.ok{background:#166534}.bad{background:#a3261b}.warn{background:#8f4a05}.info{background:#344e6b}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.875rem}th,td{text-align:start;padding:.375rem .25rem;border-bottom:1px solid #e6dfd1;vertical-align:top}td.ok,td.bad,td.warn,td.info{color:#fff;font-weight:600}
@media (max-width:30rem){table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}table.stack tr{padding-block:.5rem;border-block-end:1px solid #e6dfd1}table.stack td{border:0;padding:.125rem 0;overflow-wrap:anywhere}table.stack td:empty{display:none}table.stack td::before{content:attr(data-label);display:block;color:#6b6355;font-size:.8125rem;font-weight:400}table.stack td.v{display:inline-block;margin-block-start:.25rem;padding:.125rem .5rem;border-radius:6px}table.stack td.v::before{content:attr(data-label) " · ";display:inline;color:inherit;font-size:inherit}}
.card{background:#fff;border:1px solid #e6dfd1;border-radius:14px;padding:1rem;margin:0 0 1rem}
.card>h2{margin:0 0 .5rem;font-size:.9375rem;color:#6b6355;font-weight:600}
.card p{margin:.5rem 0 0}.card>h2+p{margin:0}
.title{font-size:1.25rem;font-weight:600;margin:0}
dl{margin:0}dt{margin-block-start:.625rem;color:#6b6355;font-size:.8125rem}dd{margin:0;font-weight:600}
.story,.note{font-size:.9375rem;color:#3d382f;font-weight:400}
.note{border-inline-start:4px solid #8f4a05;padding-inline-start:.75rem}
.serial{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.04em}
.maker{display:flex;gap:.875rem;align-items:center}
.maker img,.maker svg{flex:none;width:4.5rem;height:4.5rem;border-radius:50%;object-fit:cover;background:#ece6da}
.maker b{font-size:1.25rem;font-weight:600}
.check{margin:.75rem 0 0;padding:.75rem;border-radius:10px;background:#f4f1ea;font-size:.9375rem}
.check p{margin:0}.check details{margin-block-start:.5rem}
code{font-size:.8125rem;word-break:break-all}
summary{cursor:pointer}
form{margin:.5rem 0 0}
label{display:block;font-weight:600}
.hint{color:#6b6355;font-size:.875rem;margin:.125rem 0 .5rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem}
input,select,textarea{min-width:0;max-width:100%;font:inherit;font-size:1.125rem;padding:.5rem .75rem;border:1px solid #8a8070;border-radius:8px;background:#fff;color:inherit}
select,textarea{font-size:1rem}textarea{resize:vertical}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.04em}
.row input{flex:1 0 calc(18ch + 1.75rem)}.row button{flex:1 0 auto}
.field{margin:0 0 1rem}.field input,.field select,.field textarea{display:block;width:100%}
fieldset{border:0;margin:0;padding:0;min-width:0}legend{font-weight:600;padding:0;margin:0 0 .25rem}
.pair{display:flex;flex-wrap:wrap;column-gap:.75rem}.pair>.field{flex:1 1 9rem;min-width:0}
[aria-invalid=true]{border:2px solid #a3261b}
button,.button{font:inherit;font-weight:600;padding:.5rem 1.125rem;border:0;border-radius:8px;background:#7a2e0e;color:#fff;text-decoration:none;display:inline-block}
.error{color:#a3261b;font-weight:600}
footer{padding-block:.5rem 2rem;color:#6b6355;font-size:.8125rem}
`;

// The Asli mark: a stitched seal with a four-petal buti, the motif of block prints and embroidery.
// Deliberately no tick: it stands on every page, also above "not a valid certificate".
export const MARK = `<svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true"><circle cx="18" cy="18" r="17" fill="#7a2e0e"/><circle cx="18" cy="18" r="13.5" fill="none" stroke="#f1d7a1" stroke-width="1.3" stroke-dasharray="2.2 1.8"/><path fill="#f1d7a1" d="M18 8.5c2.6 3.2 2.6 5.6 0 8.6-2.6-3-2.6-5.4 0-8.6zm0 10.4c2.6 3 2.6 5.4 0 8.6-2.6-3.2-2.6-5.6 0-8.6zM8.5 18c3.2-2.6 5.6-2.6 8.6 0-3 2.6-5.4 2.6-8.6 0zm10.4 0c3-2.6 5.4-2.6 8.6 0-3.2 2.6-5.6 2.6-8.6 0z"/></svg>`;

const GLOBE = `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.3"><circle cx="8" cy="8" r="6.5"/><path d="M1.5 8h13M8 1.5c-3.5 4-3.5 9 0 13M8 1.5c3.5 4 3.5 9 0 13"/></svg>`;

export interface PageOptions {
  locale: Locale;
  /** Plain text for <title>, before " · Asli". */
  title: string;
  /** The page's main content, HTML. */
  main: string;
  /**
   * Where the switcher's link for a language points. By default `?lang=xx`: this very address in
   * that language (its other query parameters dropped, which pages ignore anyway).
   */
  langHref?: (lang: Language) => string;
  /** A module script from this origin. */
  script?: string;
  /** Whether search engines may list the page: the home page yes; a certificate's page, which names a person, no. */
  indexable?: boolean;
}

interface Frame {
  head: string;
  header: string;
  footer: string;
}

const frames = new Map<Language, Frame>();

function frame(locale: Locale): Frame {
  let f = frames.get(locale.lang);
  if (!f) {
    const m = locale.messages;
    f = {
      head: `<!doctype html>
<html lang="${locale.tag}" dir="${locale.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="theme-color" content="#7a2e0e">
<style>${STYLE}</style>
`,
      header: `<a class="brand" href="/">${MARK}<span><b>${esc(m.common.siteName)}</b><span>${esc(m.common.tagline)}</span></span></a>`,
      footer: `<footer><p>${esc(m.layout.footer)}</p></footer>`,
    };
    frames.set(locale.lang, f);
  }
  return f;
}

const defaultHref = (lang: Language) => `?lang=${lang}`;

function switcher(locale: Locale, href: (lang: Language) => string): string {
  const items = PUBLIC_LANGUAGES.map((lang) => {
    const { tag, name } = LANGUAGES[lang];
    const current = lang === locale.lang ? ' aria-current="true"' : "";
    return `<li><a href="${esc(href(lang))}" lang="${tag}" hreflang="${tag}"${current}>${esc(name)}</a></li>`;
  }).join("");
  const label = esc(locale.messages.common.language);
  return `<details class="langs"><summary>${GLOBE}<span class="vh">${label} </span><span>${esc(LANGUAGES[locale.lang].name)}</span></summary><nav aria-label="${label}"><ul>${items}</ul></nav></details>`;
}

// The switcher with default links is the same for every request in a language.
const defaultSwitchers = new Map<Language, string>();

export function renderPage(options: PageOptions): string {
  const { locale } = options;
  const f = frame(locale);
  let langs: string;
  if (options.langHref) langs = switcher(locale, options.langHref);
  else {
    langs = defaultSwitchers.get(locale.lang) ?? switcher(locale, defaultHref);
    defaultSwitchers.set(locale.lang, langs);
  }
  const script = options.script ? `\n<script type="module" src="${esc(options.script)}"></script>` : "";
  const robots = options.indexable ? "" : `<meta name="robots" content="noindex">\n`;
  return `${f.head}${robots}<title>${esc(options.title)} · ${esc(locale.messages.common.siteName)}</title>
</head>
<body>
<header class="top"><div class="bar">${f.header}${langs}</div></header>
<main id="main">
${options.main}
</main>
${f.footer}${script}
</body>
</html>`;
}

/** The form that looks a certificate up by the number printed on its tag: a plain GET to /v, working with scripts off. */
export function serialForm(locale: Locale, options: { typed?: string; invalid?: boolean; heading?: boolean } = {}): string {
  const m = locale.messages.home;
  const invalid = options.invalid === true;
  const describedBy = invalid ? "serial-error serial-hint" : "serial-hint";
  const error = invalid ? `<p class="error" id="serial-error" role="alert">${esc(m.serialInvalid)}</p>` : "";
  const heading = options.heading === false ? "" : `<h2>${esc(m.typeHeading)}</h2>`;
  return `<section class="card" aria-labelledby="serial-label">${heading}
<form method="get" action="/v">
<label for="serial" id="serial-label">${esc(m.serialLabel)}</label>
<p class="hint" id="serial-hint">${esc(m.serialHint)}</p>${error}
<div class="row"><input id="serial" name="serial" class="code" value="${esc(options.typed ?? "")}" maxlength="64" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" aria-describedby="${describedBy}"${invalid ? ' aria-invalid="true"' : ""}><button type="submit">${esc(m.check)}</button></div>
</form>
</section>`;
}
