// Builds the worker exactly as `wrangler deploy` would (--dry-run: no login, no upload) and
// checks its two parts against their budgets:
//   - the entry module (worker.js), which every request loads, scans included: Node built-ins,
//     the Node-only libSQL client and the heavy renderers (pdf-lib, fontkit, fonts, HarfBuzz)
//     must stay out of it, and its size is held to 200 KiB gzipped, printed as
//     `worker_entry_gzipped_kib`. ENTRY_CEILING_KIB, which held it while it was over (a ceiling
//     for every run, the goal only with --strict), is the goal itself since the console became a
//     module of its own, so npm test enforces it too; should the entry ever have to go over,
//     raise the ceiling alone, just above its size, and say why in docs/workers.md;
//   - the modules loaded on first use (worker-modules/), each group against its own budget,
//     since an isolate loads each group only when a request needs it: the renderers
//     (renderers.js, two fonts, HarfBuzz's wasm: the first tag.png, tag.pdf or labels.pdf)
//     within 800 KiB gzipped, the two Arabic-script fonts (the first Arabic or Urdu provenance
//     document) within 200 KiB gzipped together, every other module (the Data Integrity signer,
//     the WebAuthn server, ...) within the entry's 200 KiB; no Node built-ins or Node-only
//     packages in any;
//   - the console (worker-modules/console.js, the first request under /console) apart from the
//     entry: none of its routes, pages, English strings or JSX runtime in the entry, and no copy
//     in it of a file that the entry holds (it must take the entry's: scripts/lib/shared-module.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWorkerModules } from "./build-worker-modules.js";
import { runWrangler } from "./lib/wrangler.js";

const ENTRY_BUDGET_KIB = 200;
/** The entry's size may not grow past this, --strict or not: the goal, met since the console became a module of its own (docs/workers.md). */
const ENTRY_CEILING_KIB = ENTRY_BUDGET_KIB;
const RENDERERS_BUDGET_KIB = 800;
const LAZY_MODULE_BUDGET_KIB = 200;
const ARABIC_FONTS_BUDGET_KIB = 200;
/** The Arabic-script fonts, which an isolate loads together on its first Arabic or Urdu document. */
const ARABIC_FONT_GROUP = /^worker-modules\/NotoNaskhArabic_[^/]*\.ttf$/;
/** The files an isolate loads together with renderers.js, on its first tag or PDF. */
const RENDERER_GROUP = /^worker-modules\/(renderers\.js|(?!NotoNaskhArabic_)[^/]*\.(ttf|wasm))$/;
const NODE_ONLY: { pattern: RegExp; why: string }[] = [
  { pattern: /^node:|(^|\/)node_modules\/(pngjs|@libsql\/(linux|darwin|win32)|libsql)\//, why: "Node-only code" },
  { pattern: /node_modules\/@libsql\/client\/lib-esm\/(node|sqlite3)\.js$/, why: "the Node libSQL client" },
  { pattern: /^src\/runtime\/(node|libsql|renderers)\.ts$/, why: "the Node entry" },
];
const ENTRY_FORBIDDEN = [
  ...NODE_ONLY,
  { pattern: /node_modules\/(pdf-lib|@pdf-lib\/[^/]+|fontkit|harfbuzzjs|@fontsource[^/]*\/[^/]+|@expo-google-fonts\/[^/]+)\//, why: "a renderer (the renderers' own module)" },
  { pattern: /\.(ttf|otf|woff2?|wasm)$/, why: "a font or wasm (the renderers' own modules)" },
  { pattern: /^src\/render\/(renderers|font|pdf|raster|shape)\.ts$/, why: "a renderer (the renderers' own module)" },
  { pattern: /^src\/http\/(console-app\.ts|routes\/console[^/]*\.tsx)$|^src\/pages\/console\/[^/]*\.tsx$/, why: "the console's routes or pages (the console's own module)" },
  { pattern: /^src\/pages\/i18n\/messages\/en-console\.ts$/, why: "English's console strings (the console's own module)" },
  { pattern: /node_modules\/hono\/dist\/jsx\//, why: "hono's JSX, which only the console renders with (the console's own module)" },
];
/** The console's module, which must take from the entry what the entry holds (built in a staging folder beside worker-modules/). */
const CONSOLE_MODULE = /(^|\/)worker-modules[^/]*\/console\.js$/;

interface Metafile {
  outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }>; imports?: { path: string; external?: boolean }[] }>;
}

function packageOf(input: string): string {
  const at = input.lastIndexOf("node_modules/");
  if (at < 0) return input.split("/").slice(0, 2).join("/");
  const parts = input.slice(at + "node_modules/".length).split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const kib = (n: number) => (n / 1024).toFixed(1);

function largestParts(meta: Metafile): string {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs ?? {})) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, size]) => `${name} ${kib(size)} KiB`).join(", ");
}

/** A file's path within the project, or within node_modules for a package's (bundlers name one by its link or its target). */
function fileOf(input: string): string {
  const at = input.lastIndexOf("node_modules/");
  return at < 0 ? input : input.slice(at);
}

/** Files of the console's module that the entry holds too: copies, where the entry's instance was meant. */
function copiesOfEntry(entryMeta: Metafile, modulesMeta: Metafile): string[] {
  const held = new Set(Object.values(entryMeta.outputs).flatMap((o) => Object.entries(o.inputs ?? {}).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => fileOf(input))));
  const consoleOutput = Object.entries(modulesMeta.outputs).find(([path]) => CONSOLE_MODULE.test(path))?.[1];
  return Object.entries(consoleOutput?.inputs ?? {}).filter(([input, i]) => i.bytesInOutput > 0 && held.has(fileOf(input))).map(([input]) => fileOf(input));
}

function intruders(meta: Metafile, rules: { pattern: RegExp; why: string }[]): string[] {
  const inputs = Object.values(meta.outputs).flatMap((o) => [...Object.keys(o.inputs ?? {}), ...(o.imports ?? []).map((i) => i.path)]);
  return inputs.flatMap((input) => rules.filter((r) => r.pattern.test(input)).map((r) => `${input} (${r.why})`));
}

function measure(dir: string, files: string[]): { raw: number; gzipped: number; each: string[] } {
  let raw = 0;
  let gzipped = 0;
  const each: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += gz;
    each.push(`${file} ${kib(bytes.length)}/${kib(gz)}`);
  }
  return { raw, gzipped, each };
}

const outdir = mkdtempSync(join(tmpdir(), "asli-bundle-"));
let failed = false;
const fail = (message: string) => {
  console.error(`check-bundle: ${message}`);
  failed = true;
};
try {
  const renderersMeta = (await buildWorkerModules()) as Metafile;
  const metafile = join(outdir, "bundle-meta.json");
  const build = runWrangler(["deploy", "--dry-run", "--outdir", outdir, "--metafile", metafile], { capture: true });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    console.error("check-bundle: wrangler could not build the worker");
    process.exit(1);
  }
  const entryMeta = JSON.parse(readFileSync(metafile, "utf8")) as Metafile;

  const entryFiles = readdirSync(outdir).filter((f) => /\.(m?js|wasm)$/.test(f));
  const moduleFiles = readdirSync(join(outdir, "worker-modules")).map((f) => `worker-modules/${f}`);
  const entry = measure(outdir, entryFiles);
  const renderers = measure(outdir, moduleFiles.filter((f) => RENDERER_GROUP.test(f)));
  const arabicFonts = measure(outdir, moduleFiles.filter((f) => ARABIC_FONT_GROUP.test(f)));
  const others = moduleFiles.filter((f) => !RENDERER_GROUP.test(f) && !ARABIC_FONT_GROUP.test(f)).map((f) => ({ file: f, ...measure(outdir, [f]) }));

  console.log(`entry module (every request): ${kib(entry.raw)} KiB minified, ${kib(entry.gzipped)} KiB gzipped (goal ${ENTRY_BUDGET_KIB} KiB gzipped)`);
  console.log(`  largest parts (minified): ${largestParts(entryMeta)}`);
  console.log(`renderers, loaded on the first tag.png/tag.pdf/labels.pdf: ${kib(renderers.raw)} KiB, ${kib(renderers.gzipped)} KiB gzipped (budget ${RENDERERS_BUDGET_KIB} KiB gzipped)`);
  console.log(`  each (KiB raw/gzipped): ${renderers.each.join(", ")}`);
  console.log(`Arabic-script fonts, loaded on the first Arabic or Urdu document: ${kib(arabicFonts.raw)} KiB, ${kib(arabicFonts.gzipped)} KiB gzipped (budget ${ARABIC_FONTS_BUDGET_KIB} KiB gzipped; KiB raw/gzipped: ${arabicFonts.each.join(", ")})`);
  console.log(`other modules loaded on first use (budget ${LAZY_MODULE_BUDGET_KIB} KiB gzipped each; KiB raw/gzipped): ${others.map((o) => o.each[0]).join(", ")}`);
  console.log(`  largest parts of all of them (minified): ${largestParts(renderersMeta)}`);
  const wranglerSays = /Total Upload:[^\n]*/.exec(build.stdout)?.[0];
  if (wranglerSays) console.log(`wrangler: ${wranglerSays.trim()}`);

  const inEntry = intruders(entryMeta, ENTRY_FORBIDDEN);
  if (inEntry.length > 0) fail(`these must not be in the entry module:\n  ${inEntry.join("\n  ")}`);
  const inRenderers = intruders(renderersMeta, NODE_ONLY);
  if (inRenderers.length > 0) fail(`these must not be in the renderers' module:\n  ${inRenderers.join("\n  ")}`);
  if (!moduleFiles.includes("worker-modules/renderers.js")) fail("wrangler did not upload the renderers' module");
  if (!moduleFiles.includes("worker-modules/console.js")) fail("wrangler did not upload the console's module");
  const copies = copiesOfEntry(entryMeta, renderersMeta);
  if (copies.length > 0) fail(`the console's module carries copies of what the entry holds (it must take the entry's instances, scripts/lib/shared-module.ts):\n  ${copies.join("\n  ")}`);
  console.log(`worker_entry_gzipped_kib: ${kib(entry.gzipped)}`);
  if (entry.gzipped > ENTRY_CEILING_KIB * 1024) fail(`the gzipped entry module exceeds its ceiling of ${ENTRY_CEILING_KIB} KiB: something heavy got into the module every request loads (see the largest parts above)`);
  else if (entry.gzipped > ENTRY_BUDGET_KIB * 1024) {
    const message = `the gzipped entry module exceeds its goal of ${ENTRY_BUDGET_KIB} KiB (GOAL NOT MET)`;
    if (process.argv.includes("--strict")) fail(message);
    else console.warn(`check-bundle: ${message}`);
  }
  if (renderers.gzipped > RENDERERS_BUDGET_KIB * 1024) fail(`the gzipped renderer modules exceed ${RENDERERS_BUDGET_KIB} KiB`);
  if (arabicFonts.each.length !== 2) fail("wrangler did not upload the two Arabic-script fonts");
  if (arabicFonts.gzipped > ARABIC_FONTS_BUDGET_KIB * 1024) fail(`the gzipped Arabic-script fonts exceed ${ARABIC_FONTS_BUDGET_KIB} KiB`);
  for (const other of others) if (other.gzipped > LAZY_MODULE_BUDGET_KIB * 1024) fail(`the gzipped ${other.file} exceeds ${LAZY_MODULE_BUDGET_KIB} KiB`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
