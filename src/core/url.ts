// The verify URL printed in every QR: HTTPS://HOST/V/TOKEN, all upper case so that the
// whole URL stays in QR alphanumeric mode (0-9, A-Z, space, $%*+-./:).
//
// What a reader accepts is more lenient than what is printed, in the ways that
// docs/certificate-format.md §6.1 "Verify URLs" writes down (and test/core/verify-url.test.ts
// reads out of it): scanners, chat apps and people hand us URLs with a query, a fragment, a
// trailing slash, percent-encoding or lower case, and people type the serial printed on the tag
// with spaces, dashes and look-alike digits. The token format itself stays strict: leniency only
// decides which text is handed to the strict decoder.
import { isSerial } from "./payload.js";

export function verifyUrl(baseUrl: string, token: string): string {
  return `${new URL(baseUrl).origin.toUpperCase()}/V/${token}`;
}

/** A version 1 token is 91 bytes in base32: 146 characters. */
export const TOKEN_TEXT_LENGTH = 146;
/** A serial is 8 bytes in base32: 13 characters. */
export const SERIAL_TEXT_LENGTH = 13;

/** Longer typed input is not a serial, however it is spaced; bounding it keeps the cost of any input small. */
const MAX_TYPED_LENGTH = 64;

/** ASCII letters only: "ı".toUpperCase() is "I", and foreign letters must not become base32. */
function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

function percentDecodeOnce(text: string): string | null {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The candidate token in a verify URL's last path segment, as the router hands it over (already
 * percent-decoded once): surrounding white space and one trailing slash dropped, ASCII letters
 * upper-cased. The result goes to the strict decoder, which judges it.
 */
export function tokenFromSegment(decoded: string): string {
  const trimmed = decoded.trim();
  return asciiUpper(trimmed.endsWith("/") ? trimmed.slice(0, -1).trim() : trimmed);
}

// scheme://authority/V/segment[/][?query][#fragment]
const VERIFY_URL = /^https?:\/\/[^/?#\s]+\/v\/([^/?#]*)\/?(?:[?#][\s\S]*)?$/i;

/**
 * The token from a verify URL (http or https, any case; a query, a fragment and one trailing
 * slash ignored; the token percent-decoded once and upper-cased) or from a bare token (any
 * case, 146 characters). Null when the text is neither, or the token holds a character outside
 * base32. A URL's token of another length is returned, for the decoder to call malformed.
 */
export function tokenFromText(text: string): string | null {
  const trimmed = text.trim();
  const url = VERIFY_URL.exec(trimmed);
  if (url) {
    const decoded = percentDecodeOnce(url[1]!);
    if (decoded === null) return null;
    const candidate = tokenFromSegment(decoded);
    return /^[A-Z2-7]+$/.test(candidate) ? candidate : null;
  }
  // Bare text is a token only at a token's length: a word such as "hello" is neither.
  const candidate = asciiUpper(trimmed);
  return candidate.length === TOKEN_TEXT_LENGTH && /^[A-Z2-7]+$/.test(candidate) ? candidate : null;
}

// Digits that keyboards of the pages' languages type: Devanagari, Arabic-Indic, Extended Arabic-Indic (Urdu).
const NATIVE_DIGIT_ZEROS = [0x0966, 0x0660, 0x06f0];
// White space, the soft hyphen, hyphen-minus, the Unicode hyphens and dashes, and the minus sign.
const SEPARATORS = /[\s\u00ad\u002d\u2010-\u2015\u2212]/g;
// The serial alphabet has no 0, 1 or 8; the tag prints it in capitals, where they are O, I and B.
const LOOK_ALIKES: Record<string, string> = { "0": "O", "1": "I", "8": "B" };

/** Text with the native digits of the pages' languages read as ASCII digits; everything else as it is. */
export function asciiDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const zero = NATIVE_DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? ch : String(code - zero);
  }
  return out;
}

/**
 * The serial a person typed from a tag: full-width forms and native digits read as ASCII,
 * spaces and dashes dropped, letters upper-cased, and 0, 1, 8 read as O, I, B. Null unless the
 * result is a valid serial: 13 base32 characters whose unused bits are zero.
 */
export function serialFromText(text: string): string | null {
  if (text.length > MAX_TYPED_LENGTH) return null;
  let out = "";
  for (const ch of asciiDigits(text.normalize("NFKC").replace(SEPARATORS, ""))) out += LOOK_ALIKES[ch] ?? ch;
  const serial = asciiUpper(out);
  return serial.length === SERIAL_TEXT_LENGTH && isSerial(serial) ? serial : null;
}

/** What a verify request presents: a signed token, or a serial to look up in the registry. */
export type Presented = { kind: "token"; token: string } | { kind: "serial"; serial: string };

/**
 * What the path segment of `/v/{x}` or `/api/v1/verify/{x}` presents (decoded once by the
 * router): a token when it reads as 146 characters, a serial when it reads as one, otherwise
 * the text as a token, for the strict decoder to refuse.
 */
export function presentedFromSegment(decoded: string): Presented {
  const token = tokenFromSegment(decoded);
  if (token.length !== TOKEN_TEXT_LENGTH) {
    const serial = serialFromText(decoded.trim().replace(/\/$/, ""));
    if (serial) return { kind: "serial", serial };
  }
  return { kind: "token", token };
}

/** What a person typed or pasted into the home page's box: a serial, or a whole token or verify URL. Null for anything else. */
export function presentedFromText(text: string): Presented | null {
  const serial = serialFromText(text);
  if (serial) return { kind: "serial", serial };
  const token = tokenFromText(text);
  return token && token.length === TOKEN_TEXT_LENGTH ? { kind: "token", token } : null;
}
