// Reading verify URLs, bare tokens and typed serials as docs/certificate-format.md §6.1 says.
import { TOKEN_LENGTH, isValidSerial } from "./token";

const AROUND = /^[ \t\r\n]+|[ \t\r\n]+$/g; // rule 1: spaces, tabs, CR, LF
const upperAscii = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

/** Rule 6: one round of RFC 3986 §2.1 percent-decoding; null on an invalid escape. */
function percentDecode(segment: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(segment)) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // escapes that are not UTF-8
  }
}

/** Rules 6 (after decoding) and 7, applied to a path segment. */
function segmentText(raw: string): string | null {
  const decoded = percentDecode(raw);
  if (decoded === null) return null;
  let text = decoded.replace(AROUND, "");
  if (text.endsWith("/")) text = text.slice(0, -1);
  return upperAscii(text);
}

/**
 * A verify URL or a bare token, as §6.1 says: the token text handed to the strict decoder of §5,
 * or null for "not a verify URL or token".
 */
export function tokenFromText(input: string): string | null {
  const text = input.replace(AROUND, "");
  const url = /^(https?):\/\/([^/]*)(\/.*)?$/is.exec(text);
  if (!url) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return null; // rule 2: another scheme
    const token = upperAscii(text);
    return token.length === TOKEN_LENGTH && /^[A-Z2-7]+$/.test(token) ? token : null;
  }
  const rest = (url[3] ?? "").replace(/[?#].*$/s, ""); // rule 5
  const path = /^\/[Vv]\/([^/]+)\/?$/.exec(rest); // rule 4
  if (!path) return null;
  return segmentText(path[1]!);
}

const NATIVE_DIGITS = /[\u0966-\u096f\u0660-\u0669\u06f0-\u06f9]/g;
const nativeDigit = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  const zero = cp >= 0x0966 ? 0x0966 : cp >= 0x06f0 ? 0x06f0 : 0x0660;
  return String(cp - zero);
};
const REMOVED = /[\s\u00ad\u002d\u2010-\u2015\u2212]/gu;

/** §6.1 "A serial typed by a person": the serial, or null. */
export function serialFromTyped(input: string): string | null {
  if (input.length > 64) return null;
  let text = input.normalize("NFKC").replace(NATIVE_DIGITS, nativeDigit);
  text = text.replace(REMOVED, "");
  text = text.replace(/[018]/g, (d) => ({ "0": "O", "1": "I", "8": "B" })[d]!);
  text = upperAscii(text);
  return isValidSerial(text) ? text : null;
}

export type PathReading = { kind: "token"; token: string } | { kind: "serial"; serial: string } | { kind: "malformed" };

/** §6.1 "Token or serial in one path": `/v/{x}`, `/V/{x}`, `/api/v1/verify/{x}`. */
export function readPathSegment(raw: string): PathReading {
  const text = segmentText(raw);
  if (text === null) return { kind: "malformed" };
  if (text.length === TOKEN_LENGTH) return { kind: "token", token: text };
  const serial = serialFromTyped(text);
  if (serial) return { kind: "serial", serial };
  return { kind: "token", token: text }; // the strict decoder refuses it
}
