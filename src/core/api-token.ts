// API bearer tokens: random, shown once, stored only as a SHA-256 hash. Console sign-in links
// and session cookies are secrets of the same kind, without the prefix.
import { base32Encode } from "./base32.js";
import { randomBytes, sha256, toHex, utf8 } from "./bytes.js";

export const API_TOKEN_PREFIX = "asli_";

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + generateSecret();
}

/** 160 random bits as 32 lower-case base32 characters: safe in a URL path and a cookie. */
export function generateSecret(): string {
  return base32Encode(randomBytes(20)).toLowerCase();
}

/** SHA-256 (hex) of a secret: what the database keeps of tokens, sign-in links and sessions. */
export async function hashApiToken(token: string): Promise<string> {
  return toHex(await sha256(utf8(token)));
}

/** What may be shown and listed: enough to tell tokens apart, too little to use one. */
export function apiTokenDisplayPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 6);
}
