// Runs inside workerd before each test file of the workers project. D1 storage is isolated
// per file, so each file gets its own database; applyD1Migrations records what it applied in
// d1_migrations and skips it on a second call.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
