// Characters that free text may not hold, because they are invisible, reorder or hide the text
// around them, or break the formats it is printed in (XML refuses C0 controls and U+FFFE/U+FFFF;
// a terminal runs ESC sequences; a NUL cuts a C string short). The API refuses them in every
// free-text field (src/service/text.ts); the offline verifier strips them from what it prints.
//
// - Cc: C0 controls U+0000–U+001F (tab, line feed and carriage return included: no field takes
//   more than one line), DEL U+007F, C1 controls U+0080–U+009F.
// - Cf, the invisible format characters, but for U+200C ZERO WIDTH NON-JOINER and U+200D ZERO
//   WIDTH JOINER, which Devanagari and Urdu spelling need: among them the bidirectional
//   embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E,
//   U+200F and U+061C, U+200B ZERO WIDTH SPACE, U+2060–U+2064, U+00AD SOFT HYPHEN, U+FEFF and
//   the tag characters U+E0000–U+E007F.
// - Cs: lone surrogates (a JSON body can spell one as "\ud800").
// - Zl, Zp: U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
// - The noncharacters U+FDD0–U+FDEF and U+nFFFE, U+nFFFF of every plane.
// - The Hangul fillers U+115F, U+1160, U+3164, U+FFA0: letters that draw nothing.

const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => {
  const base = (plane * 0x10000 + 0xfffe).toString(16);
  const last = (plane * 0x10000 + 0xffff).toString(16);
  return `\\u{${base}}\\u{${last}}`;
}).join("");

const CLASS = `[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}\\u{115F}\\u{1160}\\u{3164}\\u{FFA0}\\u{FDD0}-\\u{FDEF}${NONCHARACTERS}]|[^\\P{Cf}\\u{200C}\\u{200D}]`;

/** Matches one character that free text may not hold. */
export const UNSAFE_CHARACTER = new RegExp(CLASS, "u");

/** The same, global: for stripping every such character out of text from outside. */
export const UNSAFE_CHARACTERS = new RegExp(CLASS, "gu");

/** The first character free text may not hold, with what kind of character it is; null if none. */
export function findUnsafeCharacter(text: string): { codePoint: string; kind: string } | null {
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!;
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return { codePoint, kind: kindOf(code) };
}

function kindOf(code: number): string {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return "a control character";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) {
    return "a bidirectional control";
  }
  if (code >= 0xd800 && code <= 0xdfff) return "half of a surrogate pair";
  if (code === 0x2028 || code === 0x2029) return "a line break";
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return "a noncharacter";
  return "an invisible character";
}
