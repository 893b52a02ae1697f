// Runs in Node once before the workers project: the worker loads the tag renderers from the
// module that scripts/build-worker-modules.ts builds, as `wrangler dev` and `deploy` do first.
import { buildWorkerModules } from "../scripts/build-worker-modules.js";

export default async function setup(): Promise<void> {
  await buildWorkerModules();
}
