// Bindings that exist only in the workers test project (vitest.config.ts adds them); the
// worker's own bindings come from `wrangler types` (worker-configuration.d.ts).
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
