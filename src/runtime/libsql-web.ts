// Workers: the libSQL web client (Hrana over HTTP, about 70 KiB minified), a module of its own
// (worker-modules/libsql-web.js) that only a deployment with LIBSQL_URL loads, on its first
// request; a D1 deployment never does (src/runtime/worker-deps.ts).
export { createClient } from "@libsql/client/web";
