import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        // The core, the API suite against a real libSQL file, and Node-only clients (zbarimg, CLIs).
        resolve: { alias: { "@harness": here("./test/support/harness.node.ts") } },
        test: {
          name: "node",
          include: ["test/core/**/*.test.ts", "test/api/**/*.test.ts", "test/node/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
