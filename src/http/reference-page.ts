// The API reference at /docs: HTML rendered on the server from the very OpenAPI document that
// /api/v1/openapi.json serves. No script, no font, nothing from another origin, so that it
// works on an intranet with no outside network and under the app's default CSP. Every
// operation: method and path, roles, parameters, request body fields with a working example
// (and the curl command that sends it), responses with their media types and fields, and the
// problem codes it may answer with.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Json = Record<string, any>;

/** A document of docs/ that the page links to, served at /docs/specs/{file}. */
export interface SpecLink {
  file: string;
  title: string;
  about: string;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans",sans-serif;color:#1d1b16;background:#fbfaf7}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}header{padding-top:1.2rem}
h1{margin:.2rem 0}h2{margin:2rem 0 .6rem;border-bottom:1px solid #ddd6c8;padding-bottom:.2rem}h3{margin:0;font-size:1.05rem}h4{margin:1rem 0 .3rem;font-size:.95rem}
a{color:#7c2d12}code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f1ede4;padding:.6rem .8rem;border-radius:6px;overflow-x:auto;margin:.3rem 0}
nav ul{columns:18rem;padding-left:1.1rem;margin:.3rem 0}nav li{break-inside:avoid}
.op{background:#fff;border:1px solid #e4ddcf;border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
.method{display:inline-block;min-width:4.2rem;text-align:center;font:600 12px/1.9 ui-monospace,monospace;border-radius:4px;color:#fff;margin-right:.5rem}
.get{background:#1b6e3a}.post{background:#1e4f8a}.patch{background:#8a5a1e}.put{background:#5b3a8a}.delete{background:#9a3412}
.path{font:600 14px ui-monospace,monospace}.roles{color:#6b6558;font-size:.85rem;margin:.3rem 0}
table{border-collapse:collapse;width:100%;margin:.2rem 0 .4rem;font-size:.9rem}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #eee6d8;padding:.25rem .5rem}th{color:#6b6558;font-weight:600}
td code{word-break:break-word}.req{color:#9a3412;font-size:.8rem}.note{color:#6b6558}
`;

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Plain text with `code` spans, as the descriptions are written. */
function prose(text: string | undefined): HtmlEscapedString | string {
  if (!text) return "";
  return raw(escape(text).replace(/`([^`]+)`/g, "<code>$1</code>"));
}

export function operationAnchor(method: string, path: string): string {
  return `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema (draft 2020-12, as zod writes it) as rows of a field table

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  notes: string[];
}

function resolve(schema: Json, defs: Json): Json {
  const ref = typeof schema.$ref === "string" ? /^#\/\$defs\/(.+)$/.exec(schema.$ref) : null;
  return ref && defs[ref[1]!] ? { ...defs[ref[1]!], ...schema, $ref: undefined, refName: ref[1] } : schema;
}

function typeOf(schema: Json, defs: Json): string {
  const s = resolve(schema, defs);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v: unknown) => JSON.stringify(v)).join(" | ");
  const variants = s.anyOf ?? s.oneOf;
  if (Array.isArray(variants)) return variants.map((v: Json) => typeOf(v, defs)).join(" | ");
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const named = types.map((t) => (t === "array" ? `array of ${s.items ? typeOf(s.items, defs) : "any"}` : t === "object" && s.refName ? s.refName : t));
  return named.join(" | ") || (s.refName ?? "any");
}

function notesOf(schema: Json, defs: Json): string[] {
  const s = resolve(schema, defs);
  const notes: string[] = [];
  if (s.description) notes.push(s.description);
  const min = s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : s.minimum !== undefined && s.minimum > -1e15 ? `≥ ${s.minimum}` : null;
  const max = s.maximum !== undefined && s.maximum < 1e15 ? `≤ ${s.maximum}` : null;
  if (min || max) notes.push([min, max].filter(Boolean).join(", "));
  if (s.minLength !== undefined || s.maxLength !== undefined) notes.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} characters`);
  if (s.minItems !== undefined || s.maxItems !== undefined) notes.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (s.pattern) notes.push(`pattern ${s.pattern}`);
  if (s.format) notes.push(`format ${s.format}`);
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  return notes;
}

function objectOf(schema: Json, defs: Json): Json | undefined {
  const s = resolve(schema, defs);
  if (s.properties) return s;
  for (const variant of s.anyOf ?? s.oneOf ?? []) {
    const o = objectOf(variant, defs);
    if (o) return o;
  }
  return undefined;
}

export function schemaRows(schema: Json, defs: Json = schema.$defs ?? {}, prefix = "", seen: ReadonlySet<string> = new Set(), depth = 0): FieldRow[] {
  const s = resolve(schema, defs);
  if (s.refName && seen.has(s.refName)) return [];
  const within = s.refName ? new Set([...seen, s.refName]) : seen;
  const object = objectOf(s, defs);
  const items = s.type === "array" && s.items ? objectOf(s.items, defs) : undefined;
  if (!object && items && depth < 8) return schemaRows(s.items, defs, `${prefix}[]`, within, depth + 1);
  if (!object || depth >= 8) return [];
  const required = new Set<string>(object.required ?? []);
  const rows: FieldRow[] = [];
  for (const [name, field] of Object.entries<Json>(object.properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    rows.push({ path, type: typeOf(field, defs), required: required.has(name), notes: notesOf(field, defs) });
    rows.push(...schemaRows(field, defs, path, within, depth + 1));
  }
  if (object.additionalProperties && typeof object.additionalProperties === "object") {
    rows.push({ path: `${prefix ? `${prefix}.` : ""}*`, type: typeOf(object.additionalProperties, defs), required: false, notes: ["any other member"] });
  }
  return rows;
}

function fieldTable(schema: Json | undefined) {
  if (!schema) return "";
  const rows = schemaRows(schema);
  if (rows.length === 0) return html`<p class="note">${typeOf(schema, schema.$defs ?? {})}</p>`;
  return html`<table><thead><tr><th>field</th><th>type</th><th>notes</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td><code>${r.path}</code>${r.required ? html` <span class="req">required</span>` : ""}</td><td><code>${r.type}</code></td><td>${r.notes.join("; ")}</td></tr>`)}
</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------
// Operations

interface Described {
  method: string;
  path: string;
  op: Json;
}

function curl(origin: string, method: string, path: string, op: Json, example: unknown): string {
  const lines = [`curl -X ${method.toUpperCase()} '${origin}${path}'`];
  if (op.security?.length !== 0) lines.push(`  -H "authorization: Bearer $TOKEN"`);
  lines.push(`  -H 'content-type: application/json'`, `  -d '${JSON.stringify(example).replace(/'/g, "'\\''")}'`);
  return lines.join(" \\\n");
}

function operation(origin: string, { method, path, op }: Described) {
  const roles = op["x-roles"] === "public" ? "public: no token" : `roles: ${(op["x-roles"] as string[]).join(", ")}`;
  const params: Json[] = op.parameters ?? [];
  const body = op.requestBody?.content as Json | undefined;
  const jsonBody = body?.["application/json"];
  const responses = Object.entries<Json>(op.responses ?? {});
  return html`<article class="op" id="${operationAnchor(method, path)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span><span class="path">${path}</span></h3>
<p>${op.summary}</p>
${op.description ? html`<p>${prose(op.description)}</p>` : ""}
<p class="roles">${roles}</p>
${
  params.length
    ? html`<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>notes</th></tr></thead><tbody>
${params.map((p) => html`<tr><td><code>${p.name}</code>${p.required ? html` <span class="req">required</span>` : ""}</td><td>${p.in}</td><td><code>${typeOf(p.schema ?? {}, {})}</code></td><td>${notesOf(p.schema ?? {}, {}).join("; ")}</td></tr>`)}
</tbody></table>`
    : ""
}
${
  body
    ? html`<h4>Request body: ${Object.keys(body).map((t, i) => html`${i ? ", " : ""}<code>${t}</code>`)}</h4>
${fieldTable(jsonBody?.schema)}
${
  jsonBody?.example !== undefined
    ? html`<p>Example:</p><pre tabindex="0"><code>${JSON.stringify(jsonBody.example, null, 2)}</code></pre><pre tabindex="0"><code>${curl(origin, method, path, op, jsonBody.example)}</code></pre>`
    : ""
}`
    : ""
}
<h4>Responses</h4>
${responses.map(([status, r]) => {
  const content = Object.entries<Json>(r.content ?? {});
  return html`<p><strong>${status}</strong> ${prose(r.description)}${content.length ? html` · ${content.map(([t], i) => html`${i ? ", " : ""}<code>${t}</code>`)}` : ""}</p>
${status === "4XX" ? "" : fieldTable(content.find(([, c]) => c.schema)?.[1]?.schema)}`;
})}
</article>`;
}

export function referencePage(document: Json, specs: readonly SpecLink[], specsServed: boolean) {
  const origin: string = document.servers?.[0]?.url ?? "";
  const described: Described[] = Object.entries<Json>(document.paths).flatMap(([path, methods]) => Object.entries<Json>(methods).map(([method, op]) => ({ method, path, op })));
  const tags = [...new Set(described.map((d) => d.op.tags?.[0] ?? "other"))];
  const byTag = (tag: string) => described.filter((d) => (d.op.tags?.[0] ?? "other") === tag);
  const problem = document.paths["/api/v1/artisans"]?.post?.responses?.["4XX"]?.content?.["application/problem+json"]?.schema;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Asli API reference</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
<h1>Asli API reference</h1>
<p>${document.info.description} OpenAPI ${document.openapi}, API version ${document.info.version}; base URL <code>${origin}</code>. The machine-readable description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</header>
<main>
<nav aria-label="Contents"><h2>Contents</h2>
<ul><li><a href="#specs">Specifications</a></li><li><a href="#auth">Authentication and errors</a></li>
${tags.map((tag) => html`<li><a href="#tag-${tag}">${tag}</a>: ${byTag(tag).map((d, i) => html`${i ? ", " : ""}<a href="#${operationAnchor(d.method, d.path)}">${d.method.toUpperCase()} ${d.path}</a>`)}</li>`)}
</ul></nav>

<section id="specs"><h2>Specifications</h2>
<p>${specsServed ? "Served from this origin, as Markdown." : "This deployment does not serve them (the Workers bundle carries no documentation): they are the docs/ folder of the Asli repository."}</p>
<ul>${specs.map((s) => html`<li><a href="/docs/specs/${s.file}">${s.title}</a> (<code>docs/${s.file}</code>): ${s.about}</li>`)}</ul>
</section>

<section id="auth"><h2>Authentication and errors</h2>
<p>Operations marked with roles take an API token: <code>Authorization: Bearer asli_…</code>. A missing or unknown token answers 401 <code>unauthorized</code>; a role that may not use the operation, 403 <code>role-not-allowed</code>. Roles, scopes and every stable problem code with its meaning: <a href="/docs/specs/api.md">api.md</a>.</p>
<p>Every error is an RFC 9457 problem document, <code>application/problem+json</code>; branch on <code>code</code>:</p>
${problem ? fieldTable(problem) : ""}
</section>

${tags.map(
  (tag) => html`<section id="tag-${tag}"><h2>${tag}</h2>
${byTag(tag).map((d) => operation(origin, d))}
</section>`,
)}
</main>
</body>
</html>`;
}
