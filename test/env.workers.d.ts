// Bindings that exist only in the workers test project (vitest.config.ts adds them); the
// worker's own bindings come from `wrangler types` (worker-configuration.d.ts).
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** The optional media bucket, which the tests bind (a deployment may not: wrangler.toml). */
    MEDIA: R2Bucket;
  }
}

// Vite's raw imports: the workers tests read documents (their test vectors) this way, since
// workerd has no file system.
declare module "*.md?raw" {
  const text: string;
  export default text;
}
