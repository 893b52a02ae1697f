// Runs the pinned wrangler from node_modules so that it sends no metrics and writes its
// configuration and logs under the project (.config/, git-ignored), not the home folder.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = fileURLToPath(new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url));

export function wranglerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: "false", XDG_CONFIG_HOME: `${ROOT}.config` };
}

/** Sets the same variables in this process, for wrangler's Node API (getPlatformProxy). */
export function useProjectWranglerEnv(): void {
  process.env.WRANGLER_SEND_METRICS = "false";
  process.env.XDG_CONFIG_HOME = `${ROOT}.config`;
}

export function runWrangler(args: string[], options: { capture?: boolean } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    env: wranglerEnv(),
    encoding: "utf8",
    stdio: options.capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
}

export function spawnWrangler(args: string[]): ChildProcess {
  return spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: wranglerEnv(), stdio: "inherit" });
}

// `tsx scripts/lib/wrangler.ts ARGS...`: the same, from an npm script.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runWrangler(process.argv.slice(2));
  process.exit(result.status ?? 1);
}
