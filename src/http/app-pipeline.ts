// What the app (src/http/app.ts) and the console's app (src/http/console-app.ts) both do to
// every request: the same headers, the same 405s.
import type { Context, Hono } from "hono";

/**
 * The headers every answer starts with. Set before the handler runs, so that they travel with
 * the response as it is built (cheaper than rewriting a finished response on the verify hot
 * path); a route may replace any of them, as the API docs page does with its CSP. Scripts and
 * fetches come from this origin only: the verify page's signature check (/assets/verify.js
 * reading the JWKS). A deployment whose public origin is HTTPS tells browsers to use nothing
 * else (RFC 6797), for two years; not on plain-HTTP development origins such as
 * http://localhost:8787.
 */
export function securityHeaders(baseUrl: string): (c: Context) => void {
  const hsts = new URL(baseUrl).protocol === "https:" ? "max-age=63072000" : null;
  return (c) => {
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    c.header(
      "content-security-policy",
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
    );
    if (hsts) c.header("strict-transport-security", hsts);
  };
}

/** For a request path, the methods the app's routes take there (HEAD with GET; OPTIONS where CORS preflight is answered). */
export function methodsByPath(app: Hono, preflightPaths: readonly string[]): (path: string) => string[] {
  // A parameter is one segment, whatever pattern its route gives it (`:token{[^/]+/?}`): close
  // enough to tell a path the app serves from one it does not.
  const pattern = (path: string) =>
    new RegExp(`^${path.replace(/:\w+(\{[^}]*\})?/g, "\u0000").replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("\u0000", "[^/]+/?").replace(/\*/g, ".*")}$`);
  const routes = app.routes.filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, path: pattern(r.path) }));
  const preflight = preflightPaths.map(pattern);
  return (path) => {
    const methods = new Set(routes.filter((r) => r.path.test(path)).map((r) => r.method));
    if (methods.size === 0) return [];
    if (methods.has("GET")) methods.add("HEAD");
    if (preflight.some((p) => p.test(path))) methods.add("OPTIONS");
    return [...methods].sort();
  };
}
