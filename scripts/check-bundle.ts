// Builds the worker exactly as `wrangler deploy` would (--dry-run: no login, no upload) and
// fails when the gzipped size of its main module (what every request loads) exceeds the
// budget, or when something that must stay out of the worker got in: Node built-ins, the
// Node-only libSQL client, the heavy tag and label renderers (pdf-lib, fonts), which only the
// Node entry injects. Modules loaded on first use (wrangler.toml's additional modules, such as
// the console's WebAuthn library) are reported beside it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runWrangler } from "./lib/wrangler.js";

const BUDGET_KIB = 200;
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /^node:|(^|\/)node_modules\/(pngjs|@libsql\/(linux|darwin|win32)|libsql)\//, why: "Node-only code" },
  { pattern: /node_modules\/@libsql\/client\/lib-esm\/(node|sqlite3)\.js$/, why: "the Node libSQL client" },
  { pattern: /node_modules\/(pdf-lib|@pdf-lib\/[^/]+|fontkit|@fontsource[^/]*\/[^/]+|@expo-google-fonts\/[^/]+)\//, why: "a heavy renderer or font (Node entry only)" },
  { pattern: /\.(ttf|otf|woff2?)$/, why: "a font file (Node entry only)" },
  { pattern: /^src\/runtime\/(node|libsql)\.ts$/, why: "the Node entry" },
];

interface Metafile {
  outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }>;
}

function packageOf(input: string): string {
  const at = input.lastIndexOf("node_modules/");
  if (at < 0) return input.split("/").slice(0, 2).join("/");
  const parts = input.slice(at + "node_modules/".length).split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const outdir = mkdtempSync(join(tmpdir(), "asli-bundle-"));
try {
  const metafile = join(outdir, "bundle-meta.json");
  const build = runWrangler(["deploy", "--dry-run", "--outdir", outdir, "--metafile", metafile], { capture: true });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    console.error("check-bundle: wrangler could not build the worker");
    process.exit(1);
  }

  // The main module (what every request, every scan, loads) is at the top of outdir; modules
  // loaded on first use (wrangler.toml's additional modules) sit in their folders below it.
  const modules = readdirSync(outdir).filter((f) => /\.(m?js|wasm)$/.test(f));
  let raw = 0;
  let gzipped = 0;
  for (const file of modules) {
    const bytes = readFileSync(join(outdir, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  const additional = readdirSync(outdir, { recursive: true, encoding: "utf8" }).filter((f) => f.includes("/") && /\.(m?js|wasm)$/.test(f));

  const meta = JSON.parse(readFileSync(metafile, "utf8")) as Metafile;
  const inputs = Object.values(meta.outputs).flatMap((o) => Object.entries(o.inputs ?? {}));
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of inputs) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);

  const kib = (n: number) => (n / 1024).toFixed(1);
  console.log(`worker bundle: ${kib(raw)} KiB minified, ${kib(gzipped)} KiB gzipped (budget ${BUDGET_KIB} KiB gzipped)`);
  for (const file of additional) {
    const bytes = readFileSync(join(outdir, file));
    console.log(`  loaded on first use: ${file} ${kib(bytes.length)} KiB minified, ${kib(gzipSync(bytes, { level: 9 }).length)} KiB gzipped`);
  }
  const wranglerSays = /Total Upload:[^\n]*/.exec(build.stdout)?.[0];
  if (wranglerSays) console.log(`wrangler: ${wranglerSays.trim()}`);
  console.log(`largest parts (minified): ${largest.map(([name, size]) => `${name} ${kib(size)} KiB`).join(", ")}`);

  const intruders = inputs.flatMap(([input]) => FORBIDDEN.filter((f) => f.pattern.test(input)).map((f) => `${input} (${f.why})`));
  if (intruders.length > 0) {
    console.error(`check-bundle: these must not be in the worker:\n  ${intruders.join("\n  ")}`);
    process.exit(1);
  }
  if (gzipped > BUDGET_KIB * 1024) {
    console.error(`check-bundle: the gzipped worker exceeds ${BUDGET_KIB} KiB`);
    process.exit(1);
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
