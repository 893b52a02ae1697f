// Makes a new Ed25519 signing key. The secret goes to stdout on its own line, the 32-byte seed
// in base64url as SIGNING_KEY holds it, so that it can be piped without being shown:
//   npm run -s keygen | npm run -s wrangler -- secret put SIGNING_KEY
// Everything public (kid, JWK) goes to stderr, for the operator's notes and for verifiers.
// `--admin-token` makes a new ADMIN_TOKEN instead, in the same way:
//   npm run -s keygen -- --admin-token | npm run -s wrangler -- secret put ADMIN_TOKEN
import { generateApiToken } from "../src/core/api-token.js";
import { decodeSeed, encodeSeed, generateSeed, publicJwk, signingKeyFromSeed } from "../src/core/keys.js";

const args = process.argv.slice(2);
if (args.some((a) => a !== "--admin-token")) {
  console.error("usage: keygen [--admin-token]");
  process.exit(2);
}

const notes: string[] = [];
if (args.includes("--admin-token")) {
  process.stdout.write(`${generateApiToken()}\n`);
  if (process.stdout.isTTY) notes.push("^ ADMIN_TOKEN: a secret. Store it with `wrangler secret put ADMIN_TOKEN`; keep a copy where your admins keep secrets.");
} else {
  const text = encodeSeed(generateSeed());
  // Round trip through the same parser the runtimes use, so what is printed is what they accept.
  const key = await signingKeyFromSeed(decodeSeed(text));
  process.stdout.write(`${text}\n`);
  if (process.stdout.isTTY) notes.push("^ SIGNING_KEY: a secret. Store it with `wrangler secret put SIGNING_KEY` or in .dev.vars, never in the repo.");
  notes.push(`kid: ${key.kid}`, `public JWK: ${JSON.stringify(publicJwk(key))}`);
}
if (notes.length) process.stderr.write(`${notes.join("\n")}\n`);
