// Builds the worker's renderer module: src/runtime/worker-renderers.ts with everything it
// imports (the renderers, fontkit, pdf-lib, fflate) bundled into
// src/runtime/worker-modules/renderers.js, and the files it imports as modules (HarfBuzz's
// .wasm, the two .ttf fonts) copied beside it. wrangler runs this before it bundles the
// worker ([build] in wrangler.toml), the workers test project before it starts, and
// scripts/check-bundle.ts measures the result.
//
// Why a build of our own: wrangler bundles the worker into one module, and a dynamic import()
// is bundled into it too, so the renderers (about 1 MB with fonts and wasm) would be parsed
// by every isolate that answers a scan. Modules that wrangler finds beside the entry
// (find_additional_modules) are uploaded as they are, so they must be built already.
import { build, type Metafile, type Plugin } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const WORKER_MODULES_DIR = join(ROOT, "src/runtime/worker-modules");
const ENTRY = join(ROOT, "src/runtime/worker-renderers.ts");

/** .wasm and .ttf imports stay imports, of a copy beside the bundle: wrangler's rules make them CompiledWasm and Data modules. */
function moduleFiles(outdir: string): Plugin {
  return {
    name: "asli-worker-module-files",
    setup(b) {
      b.onResolve({ filter: /\.(wasm|ttf)$/ }, async (args) => {
        if (args.pluginData === "resolving") return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "resolving" });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const name = basename(resolved.path);
        copyFileSync(resolved.path, join(outdir, name));
        return { path: `./${name}`, external: true };
      });
    },
  };
}

export async function buildWorkerModules(): Promise<Metafile> {
  rmSync(WORKER_MODULES_DIR, { recursive: true, force: true });
  mkdirSync(WORKER_MODULES_DIR, { recursive: true });
  const result = await build({
    entryPoints: [ENTRY],
    outfile: join(WORKER_MODULES_DIR, "renderers.js"),
    bundle: true,
    format: "esm",
    // As wrangler 4.86 bundles for workerd: esbuild's browser platform (packages' browser
    // builds, no Node built-ins) with the workerd and worker export conditions.
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2024",
    define: { "process.env.NODE_ENV": '"production"' },
    minify: true,
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    plugins: [moduleFiles(WORKER_MODULES_DIR)],
  });
  return result.metafile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWorkerModules();
}
