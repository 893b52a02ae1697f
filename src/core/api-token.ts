// API bearer tokens: random, shown once, stored only as a SHA-256 hash.
import { base32Encode } from "./base32.js";
import { randomBytes, sha256, toHex, utf8 } from "./bytes.js";

export const API_TOKEN_PREFIX = "asli_";

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + base32Encode(randomBytes(20)).toLowerCase();
}

export async function hashApiToken(token: string): Promise<string> {
  return toHex(await sha256(utf8(token)));
}

/** What may be shown and listed: enough to tell tokens apart, too little to use one. */
export function apiTokenDisplayPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 6);
}
