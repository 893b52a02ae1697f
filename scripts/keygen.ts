// Makes a new Ed25519 signing key. The secret goes to stdout on its own line, the 32-byte seed
// in base64url as SIGNING_KEY holds it, so that it can be piped without being shown:
//   npm run -s keygen | npm run -s wrangler -- secret put SIGNING_KEY
// Everything public (kid, JWK) goes to stderr, for the operator's notes and for verifiers.
import { decodeSeed, encodeSeed, generateSeed, publicJwk, signingKeyFromSeed } from "../src/core/keys.js";

const seed = generateSeed();
const text = encodeSeed(seed);
// Round trip through the same parser the runtimes use, so what is printed is what they accept.
const key = await signingKeyFromSeed(decodeSeed(text));

process.stdout.write(`${text}\n`);
const notes = [`kid: ${key.kid}`, `public JWK: ${JSON.stringify(publicJwk(key))}`];
if (process.stdout.isTTY) {
  notes.unshift("^ SIGNING_KEY: a secret. Store it with `wrangler secret put SIGNING_KEY` or in .dev.vars, never in the repo.");
}
process.stderr.write(`${notes.join("\n")}\n`);
