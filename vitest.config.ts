import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { buildAssets } from "./scripts/build-assets.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// wrangler (loaded by the workers pool) sends no metrics and keeps its files in the project.
process.env.WRANGLER_SEND_METRICS = "false";
process.env.XDG_CONFIG_HOME ??= here("./.config");
// The pool reads wrangler.toml once per test file; without this, each file repeats wrangler's
// notes on the experimental [secrets] table and on the secrets that the bindings below supply.
process.env.WRANGLER_LOG ??= "error";

// The generated module the app imports (the console's browser script).
await buildAssets();

export default defineConfig(async () => ({
  test: {
    // Vitest's default on 2 cores is one file at a time; most files wait on a child process, a
    // browser or workerd rather than compute, so three at once finish the suite far sooner.
    maxWorkers: 3,
    projects: [
      {
        // The core, the API suite against a real libSQL file, and Node-only clients (zbarimg, CLIs).
        resolve: { alias: { "@harness": here("./test/support/harness.node.ts") } },
        test: {
          name: "node",
          include: ["test/core/**/*.test.ts", "test/api/**/*.test.ts", "test/node/**/*.test.ts", "test/independent/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        // The same API suite inside workerd against a local D1, plus the worker entry itself.
        // D1 storage is isolated per test FILE: tests within a file share one database.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            remoteBindings: false,
            miniflare: {
              // wrangler.toml's rule for the fonts beside the renderers' module (.wasm is CompiledWasm already).
              modulesRules: [{ type: "Data", include: ["**/*.ttf"] }],
              bindings: {
                // Read in Node by readD1Migrations (only the *.sql files, in numeric order)
                // and applied inside workerd by test/setup.workers.ts.
                TEST_MIGRATIONS: await readD1Migrations(here("./db/migrations")),
                // TEST VALUES ONLY. These override whatever .dev.vars or the shell holds.
                // SIGNING_KEY is the RFC 8032 §7.1 TEST 2 seed, a published test key.
                SIGNING_KEY: "TM0Imyj_ltqdtsNG7BFOD1uKMZ81q6Yk2oz27U-4pvs",
                ADMIN_TOKEN: "asli_test_admin_token_not_a_secret",
                // RFC 8032 §7.1 TEST SHA(abc) seed: the transparency log's key in tests, also published.
                LOG_SIGNING_KEY: "gz_mJAkje51i7HdYdSCRHpp1nOwdGXVbfakBuW3KPUI",
                BASE_URL: "https://asli.example",
                LIBSQL_URL: "",
              },
              // The optional tile bucket, so that the R2 path is tested (test/workers/tlog-r2.test.ts).
              // And the optional media bucket (uploaded photos: src/service/media.ts).
              r2Buckets: ["LOG_TILES", "MEDIA"],
            },
          }),
        ],
        resolve: { alias: { "@harness": here("./test/support/harness.worker.ts") } },
        test: {
          name: "workers",
          include: ["test/api/**/*.test.ts", "test/workers/**/*.test.ts"],
          // Builds the renderers' module (src/runtime/worker-modules/), as wrangler's [build] does.
          globalSetup: ["./test/setup.worker-modules.ts"],
          setupFiles: ["./test/setup.workers.ts"],
          testTimeout: 30_000,
        },
      },
    ],
  },
}));
