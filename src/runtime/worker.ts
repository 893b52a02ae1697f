// Cloudflare Workers entry: the same createApp as the Node entry, over D1 (or Turso), with the
// signing key and admin token from Workers secrets. Everything is built per request from
// `env` (see worker-deps.ts); only the small caches of derived key material and of the public
// keys last read from the database outlive a request.
// The heavy renderers (tag PDF/PNG, label sheets) are not imported here: they are a module
// of their own, loaded on first use (worker-renderers.ts).
import { createApp } from "../http/app.js";
import { coarseCountry, WorkerConfigError, workerDeps, type WorkerEnv } from "./worker-deps.js";
import { deleteOldReportPhotos } from "../service/reports.js";
import { pruneScans } from "../service/scans.js";

/** What the app finds in `c.env` on Workers. */
export interface WorkerHints {
  /** Cloudflare's coarse country of the client; only the scan counts keep it (src/service/scans.ts). */
  country: string | undefined;
}

function unavailable(code: string, detail: string): Response {
  const body = { type: `urn:asli:problem:${code}`, title: "Service unavailable", status: 503, code, detail };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      // The database may be back shortly; a misconfiguration waits for an operator.
      ...(code === "service-unavailable" ? { "retry-after": "30" } : {}),
    },
  });
}

export default {
  async fetch(request, env, ctx) {
    let deps;
    try {
      deps = await workerDeps(env, request, ctx);
    } catch (error) {
      // Codes and names only: messages may quote a secret or a database URL.
      if (error instanceof WorkerConfigError) {
        console.error(`worker misconfigured: ${error.code}`);
        return unavailable("service-misconfigured", "the service is not configured correctly (see the worker log)");
      }
      console.error(`worker could not start a request: ${error instanceof Error ? error.name : typeof error}`);
      return unavailable("service-unavailable", "the service cannot reach its database; try again shortly");
    }
    const hints: WorkerHints = { country: coarseCountry(request) };
    return createApp(deps).fetch(request, hints, ctx);
  },

  // The cron trigger (wrangler.toml [triggers]): a checkpoint at least once a minute and
  // cosignatures asked for, whatever the issuing requests managed (they integrate at once).
  async scheduled(_controller, env, ctx) {
    // Photos of reports closed long ago go whatever the log's steps do: a privacy promise, not
    // the log's business (a few a minute; most minutes there are none).
    const deps = await workerDeps(env, new Request(env.BASE_URL?.trim() || "https://localhost/"), ctx);
    ctx.waitUntil(deleteOldReportPhotos(deps, new Date()).catch((error: unknown) => console.error(`scheduled: deleting old report photos failed (${error instanceof Error ? error.name : typeof error})`)));
    // Without BASE_URL (or LOG_ORIGIN) the origin comes from each request's host: a cron has
    // none, and signing checkpoints under a made-up origin would split the log.
    if (!env.BASE_URL?.trim() && !env.LOG_ORIGIN?.trim()) {
      console.error("scheduled: set BASE_URL (or LOG_ORIGIN) for the transparency log's cron");
      return;
    }
    await deps.log.integrate();
    await deps.log.cosign();
    // Daily scan counts older than 400 days go (one indexed delete; most minutes it finds none).
    await pruneScans(deps.db, new Date());
  },
} satisfies ExportedHandler<WorkerEnv>;
