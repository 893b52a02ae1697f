// The order in which a line's characters are drawn when it mixes right-to-left and left-to-right
// text: an Arabic or Urdu sentence with a Latin name, a certificate id, a date or a number in it.
// A subset of the Unicode Bidirectional Algorithm (UAX #9) for one line of one paragraph whose
// direction the caller knows (the document's language decides it):
//
// - covered: strong L, R and AL characters; European digits (EN) and Arabic-Indic digits (AN),
//   with their separators and terminators (W1–W7: "1,250", "12.5%", "#42", digits after Arabic
//   letters become AN), neutrals between strong runs (N1, N2: spaces, punctuation, brackets take
//   the direction of the text on both sides, else the paragraph's), bracket pairs resolved
//   together (N0, for ( ) [ ] { }: "منتج (ODOP)" keeps its parentheses around ODOP), non-spacing marks taking the
//   class of the character before them (W1), the resolved levels (I1, I2), trailing whitespace at
//   the paragraph's level (L1) and the reversal of runs (L2). LRM, RLM and ALM count as the strong
//   characters they stand for.
// - not covered: explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
//   neutrals here, not levels; N0 knows only the ASCII bracket pairs; mirrored glyphs
//   (parentheses in a right-to-left run) are HarfBuzz's job when it shapes the run as rtl.
//
// Character classes come from Unicode properties (\p{…}) rather than a copy of the Unicode
// database: Arabic, Syriac, Thaana and N'Ko letters are AL, Hebrew letters R, every other letter L.
// Pure: no runtime API.

export type Direction = "ltr" | "rtl";

export interface BidiRun {
  /** UTF-16 offsets of the run in the line, logical order: the run is text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Resolved embedding level: even runs read left to right, odd ones right to left. */
  level: number;
  direction: Direction;
}

type BidiClass = "L" | "R" | "AL" | "EN" | "AN" | "ES" | "ET" | "CS" | "NSM" | "WS" | "ON";

const ARABIC_LETTER = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const HEBREW_LETTER = /\p{Script=Hebrew}/u;
const LETTER = /[\p{L}\p{Mc}]/u;
const NON_SPACING = /[\p{Mn}\p{Me}\u200c\u200d]/u;
const SPACE = /\s/u;

function classOf(ch: string, code: number): BidiClass {
  if (code >= 0x30 && code <= 0x39) return "EN";
  if ((code >= 0x06f0 && code <= 0x06f9) || code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0x2070 && code <= 0x2079) || (code >= 0xff10 && code <= 0xff19)) return "EN";
  if ((code >= 0x0660 && code <= 0x0669) || code === 0x066b || code === 0x066c || (code >= 0x0600 && code <= 0x0605) || code === 0x06dd) return "AN";
  if (code === 0x200e) return "L";
  if (code === 0x200f) return "R";
  if (code === 0x061c) return "AL";
  if (code === 0x2b || code === 0x2d || code === 0x2212 || code === 0xfe62 || code === 0xfe63 || code === 0xff0b || code === 0xff0d) return "ES";
  if (code === 0x23 || code === 0x24 || code === 0x25 || (code >= 0xa2 && code <= 0xa5) || code === 0xb0 || code === 0xb1 || code === 0x066a || (code >= 0x2030 && code <= 0x2034) || (code >= 0x20a0 && code <= 0x20cf)) return "ET";
  if (code === 0x2c || code === 0x2e || code === 0x2f || code === 0x3a || code === 0xa0 || code === 0x060c || code === 0x202f || code === 0x2044 || code === 0xfe50 || code === 0xfe52 || code === 0xfe55 || code === 0xff0c || code === 0xff0e || code === 0xff0f || code === 0xff1a) return "CS";
  if (NON_SPACING.test(ch)) return "NSM";
  if (SPACE.test(ch)) return "WS";
  if (LETTER.test(ch)) {
    if (ARABIC_LETTER.test(ch)) return "AL";
    if (HEBREW_LETTER.test(ch)) return "R";
    return "L";
  }
  return "ON";
}

/**
 * The line's runs of one embedding level in visual order (the first run is drawn leftmost),
 * each with its text in logical order and the direction to shape it in.
 */
export function bidiRuns(text: string, paragraph: Direction): BidiRun[] {
  if (text.length === 0) return [];
  const base = paragraph === "rtl" ? 1 : 0;
  const sos: BidiClass = base === 1 ? "R" : "L";
  // One entry per code point.
  const offsets: number[] = [];
  const types: BidiClass[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    offsets.push(i);
    types.push(classOf(text.slice(i, i + width), code));
    i += width;
  }
  const n = types.length;
  const original = types.slice();

  // W1: a non-spacing mark takes the class of the character before it.
  for (let i = 0; i < n; i++) if (types[i] === "NSM") types[i] = i === 0 ? sos : types[i - 1]!;
  // W2, W3: digits after Arabic letters are Arabic numbers; AL is R from here on.
  let strong: BidiClass = sos;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === "L" || t === "R" || t === "AL") strong = t;
    else if (t === "EN" && strong === "AL") types[i] = "AN";
  }
  for (let i = 0; i < n; i++) if (types[i] === "AL") types[i] = "R";
  // W4: one separator between two numbers of the same kind joins them.
  for (let i = 1; i < n - 1; i++) {
    const t = types[i]!;
    const before = types[i - 1]!;
    const after = types[i + 1]!;
    if (t === "ES" && before === "EN" && after === "EN") types[i] = "EN";
    else if (t === "CS" && before === after && (before === "EN" || before === "AN")) types[i] = before;
  }
  // W5: terminators next to a European number belong to it.
  for (let i = 0; i < n; i++) {
    if (types[i] !== "ET") continue;
    let j = i;
    while (j < n && types[j] === "ET") j++;
    if ((i > 0 && types[i - 1] === "EN") || (j < n && types[j] === "EN")) for (let k = i; k < j; k++) types[k] = "EN";
    i = j - 1;
  }
  // W6: every other separator and terminator is a neutral.
  for (let i = 0; i < n; i++) if (types[i] === "ES" || types[i] === "ET" || types[i] === "CS") types[i] = "ON";
  // W7: European numbers after left-to-right text are left-to-right.
  strong = sos;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === "L" || t === "R") strong = t;
    else if (t === "EN" && strong === "L") types[i] = "L";
  }
  // N0: a bracket pair takes the direction of the strong text inside it: the paragraph's when
  // some of it goes that way, else the other when the text before the pair goes the other way too.
  const strongOf = (t: BidiClass): "L" | "R" | undefined => (t === "L" ? "L" : t === "R" || t === "EN" || t === "AN" ? "R" : undefined);
  const e: "L" | "R" = base === 1 ? "R" : "L";
  for (const [open, close] of bracketPairs(text, offsets, types)) {
    let inside: "L" | "R" | undefined;
    for (let k = open + 1; k < close; k++) {
      const d = strongOf(types[k]!);
      if (d === e) {
        inside = e;
        break;
      }
      inside ??= d;
    }
    if (inside === undefined) continue;
    let resolved: "L" | "R" = e;
    if (inside !== e) {
      let before: "L" | "R" = e;
      for (let k = open - 1; k >= 0; k--) {
        const d = strongOf(types[k]!);
        if (d) {
          before = d;
          break;
        }
      }
      if (before === inside) resolved = inside;
    }
    types[open] = resolved;
    types[close] = resolved;
  }
  // N1, N2: neutrals take the direction of the strong text on both sides (numbers count as R), else the paragraph's.
  const direction = strongOf;
  for (let i = 0; i < n; i++) {
    if (direction(types[i]!) !== undefined) continue;
    let j = i;
    while (j < n && direction(types[j]!) === undefined) j++;
    const before = i === 0 ? sos : direction(types[i - 1]!)!;
    const after = j === n ? sos : direction(types[j]!)!;
    const resolved: BidiClass = before === after ? before : sos;
    for (let k = i; k < j; k++) types[k] = resolved;
    i = j - 1;
  }
  // I1, I2: levels.
  const levels = types.map((t) => (base === 0 ? (t === "R" ? 1 : t === "AN" || t === "EN" ? 2 : 0) : t === "L" || t === "EN" || t === "AN" ? 2 : 1));
  // L1: whitespace at the end of the line is at the paragraph's level.
  for (let i = n - 1; i >= 0 && (original[i] === "WS" || (original[i] === "NSM" && i > 0 && original[i - 1] === "WS")); i--) levels[i] = base;

  // Runs of one level, logical order.
  const runs: BidiRun[] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && levels[j] === levels[i]) j++;
    const start = offsets[i]!;
    const end = j < n ? offsets[j]! : text.length;
    runs.push({ start, end, text: text.slice(start, end), level: levels[i]!, direction: levels[i]! % 2 === 1 ? "rtl" : "ltr" });
    i = j;
  }
  // L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      const reversed = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return runs;
}

const OPENING: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Indices (in code points) of the matched bracket pairs that are still neutral, in the order of their opening brackets (BD16, with its limit of 63 open brackets). */
function bracketPairs(text: string, offsets: number[], types: BidiClass[]): [number, number][] {
  const stack: { close: string; at: number }[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < offsets.length; i++) {
    if (types[i] !== "ON") continue;
    const ch = text[offsets[i]!]!;
    if (OPENING[ch]) {
      if (stack.length === 63) break;
      stack.push({ close: OPENING[ch], at: i });
    } else if (ch === ")" || ch === "]" || ch === "}") {
      const match = stack.findLastIndex((b) => b.close === ch);
      if (match >= 0) {
        pairs.push([stack[match]!.at, i]);
        stack.length = match;
      }
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
