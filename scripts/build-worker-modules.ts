// Builds the worker's modules of heavy code into src/runtime/worker-modules/: the renderers
// (src/render/renderers.ts with fontkit, pdf-lib and fflate), the Data Integrity signer
// (src/credentials/secure-data-integrity.ts with jsonld), @simplewebauthn/server
// (src/runtime/webauthn-server.ts), the image codec (src/service/images.ts with jpeg-js), jsQR for
// the console's tag scanner, the libSQL web client for Turso (src/runtime/libsql-web.ts), the
// pages' scripts (src/pages/assets/browser-scripts.ts), the OpenAPI document's builder and the
// /docs page (src/http/openapi-document.ts), the QR images and SVG tag (src/render/qr-images.ts),
// jose for credentials as vc+jwt (src/credentials/secure-jwt.ts) and the message catalog of each
// language but English, each bundled into one ES module, the console (src/http/console-app.ts)
// into one that shares the entry's instances of what the entry holds too
// (scripts/lib/shared-module.ts, which also writes src/generated/console-shared.ts for the entry), and the two fonts, HarfBuzz's wasm and
// the two Arabic-script fonts copied beside them (names in src/runtime/worker-renderers.ts).
// wrangler runs this before it bundles the worker ([build] in wrangler.toml), the workers
// test project before it starts, and scripts/check-bundle.ts measures the result.
//
// Why a build of our own: wrangler bundles the worker into one module, dynamic import()s
// included, so the renderers (about 1.7 MB with fonts and wasm) would be loaded by every
// isolate that answers a scan. Modules that wrangler finds beside the entry
// (find_additional_modules) are uploaded as they are, so they must be built already.
import { build, type BuildOptions, type Metafile } from "esbuild";
import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG_MODULES, CONSOLE_SHARED_KEY, WORKER_MODULES } from "../src/runtime/worker-renderers.js";
import { buildSharedModule } from "./lib/shared-module.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const WORKER_MODULES_DIR = join(ROOT, "src/runtime/worker-modules");

/** As wrangler 4.86 bundles for workerd. */
const WORKER_BUILD = {
  // esbuild's browser platform (packages' browser builds, no Node built-ins) with the workerd
  // and worker export conditions.
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  target: "es2024",
  define: { "process.env.NODE_ENV": '"production"' },
  minify: true,
  // The catalogs' Devanagari, Arabic and CJK as UTF-8, not \u escapes twice their size.
  charset: "utf8",
  legalComments: "none",
} as const satisfies BuildOptions;

export async function buildWorkerModules(): Promise<Metafile> {
  // Built beside the target and swapped in, so that a wrangler or a test reading the modules
  // while another build runs (the two test projects start together) never sees half of them.
  const staging = mkdtempSync(`${WORKER_MODULES_DIR}.building-`);
  let result;
  try {
    const require = createRequire(import.meta.url);
    for (const asset of [WORKER_MODULES.regular, WORKER_MODULES.bold, WORKER_MODULES.harfbuzz, WORKER_MODULES.arabicRegular, WORKER_MODULES.arabicBold]) {
      copyFileSync(require.resolve(asset.from), join(staging, asset.file));
    }
    result = await build({
      ...WORKER_BUILD,
      entryPoints: [WORKER_MODULES.renderers, WORKER_MODULES.dataIntegrity, WORKER_MODULES.webauthn, WORKER_MODULES.images, WORKER_MODULES.jsqr, WORKER_MODULES.libsql, WORKER_MODULES.browserScripts, WORKER_MODULES.apiReference, WORKER_MODULES.qrImages, WORKER_MODULES.jwt, ...CATALOG_MODULES].map((m) => ({ in: join(ROOT, m.from), out: m.file.replace(/\.js$/, "") })),
      outdir: staging,
      bundle: true,
      format: "esm",
      metafile: true,
      logLevel: "warning",
    });
    // On its own: what it imports of the entry's files are shims (scripts/lib/shared-module.ts).
    // wrangler bundles the entry after this script, with the file this writes that hands the
    // console the entry's exports.
    const consoleMeta = await buildSharedModule({
      root: ROOT,
      entry: "src/runtime/worker.ts",
      from: WORKER_MODULES.console.from,
      outfile: join(staging, WORKER_MODULES.console.file),
      sharedFile: join(ROOT, "src/generated/console-shared.ts"),
      key: CONSOLE_SHARED_KEY,
      options: WORKER_BUILD,
    });
    Object.assign(result.metafile.inputs, consoleMeta.inputs);
    Object.assign(result.metafile.outputs, consoleMeta.outputs);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const old = `${staging}.old`;
  try {
    renameSync(WORKER_MODULES_DIR, old);
  } catch {
    // Nothing built yet.
  }
  renameSync(staging, WORKER_MODULES_DIR);
  rmSync(old, { recursive: true, force: true });
  return result.metafile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWorkerModules();
}
