// RFC 4648 §6 base32, upper case, no padding. Upper case keeps the verify URL inside QR
// alphanumeric mode; strict decoding keeps one token string per token.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  LOOKUP[ALPHABET.charCodeAt(i)] = i;
}

const CODES = new Uint8Array(32);
for (let i = 0; i < ALPHABET.length; i++) CODES[i] = ALPHABET.charCodeAt(i);

export function base32Encode(bytes: Uint8Array): string {
  // Character codes, then one string: appending a token's 146 characters one at a time, and
  // writing the result into a batch's JSON, took about twice as long.
  const out = new Array<number>(base32Length(bytes.length));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    value = ((value << 8) | bytes[i]!) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out[j++] = CODES[(value >>> bits) & 31]!;
    }
  }
  if (bits > 0) out[j++] = CODES[(value << (5 - bits)) & 31]!;
  if (out.length <= 4096) return String.fromCharCode.apply(null, out);
  // apply() passes each code as an argument: long inputs go in slices, under engines' limits.
  let text = "";
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode.apply(null, out.slice(i, i + 4096));
  return text;
}

/** Length in characters of `byteLength` bytes once encoded. */
export function base32Length(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

/**
 * Decodes upper-case base32 without padding. Returns null for anything else: lower case,
 * a foreign character, an impossible length, or unused trailing bits that are not zero.
 */
export function base32Decode(text: string): Uint8Array | null {
  const byteLength = Math.floor((text.length * 5) / 8);
  if (base32Length(byteLength) !== text.length) return null;
  const out = new Uint8Array(byteLength);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : -1;
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >>> bits) & 0xff;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
