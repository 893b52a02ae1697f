// Makes a new Ed25519 signing key. The secret goes to stdout on its own line, the 32-byte seed
// in base64url as SIGNING_KEY holds it, so that it can be piped without being shown:
//   npm run -s keygen | npm run -s wrangler -- secret put SIGNING_KEY
// Everything public (kid, JWK) goes to stderr, for the operator's notes and for verifiers.
// `--admin-token` makes a new ADMIN_TOKEN instead, in the same way:
//   npm run -s keygen -- --admin-token | npm run -s wrangler -- secret put ADMIN_TOKEN
// `--log ORIGIN` makes a LOG_SIGNING_KEY and prints the log's verifier key for that origin;
// `--witness NAME` makes a witness key (WITNESS_KEY) and prints its cosignature verifier key.
import { generateApiToken } from "../src/core/api-token.js";
import { decodeSeed, encodeSeed, generateSeed, publicJwk, signingKeyFromSeed } from "../src/core/keys.js";
import { encodeVerifierKey, isKeyName, SIGNATURE_TYPE } from "../src/core/note.js";

const args = process.argv.slice(2);
const named = (flag: string) => (args[0] === flag && args.length === 2 && isKeyName(args[1]!) ? args[1]! : undefined);
const logOrigin = named("--log");
const witnessName = named("--witness");
if (!(args.length === 0 || (args.length === 1 && args[0] === "--admin-token") || logOrigin || witnessName)) {
  console.error("usage: keygen [--admin-token | --log ORIGIN | --witness NAME]");
  process.exit(2);
}

const notes: string[] = [];
if (logOrigin || witnessName) {
  const text = encodeSeed(generateSeed());
  const key = await signingKeyFromSeed(decodeSeed(text));
  process.stdout.write(`${text}\n`);
  const secret = logOrigin ? "LOG_SIGNING_KEY" : "WITNESS_KEY";
  if (process.stdout.isTTY) notes.push(`^ ${secret}: a secret. Keep it in the environment or a secret store, never in the repo.`);
  const vkey = logOrigin
    ? encodeVerifierKey({ name: logOrigin, type: SIGNATURE_TYPE.ed25519, publicKey: key.publicKey })
    : encodeVerifierKey({ name: witnessName!, type: SIGNATURE_TYPE.cosignatureV1, publicKey: key.publicKey });
  notes.push(`${logOrigin ? "log" : "witness"} verifier key: ${vkey}`);
} else if (args.includes("--admin-token")) {
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
