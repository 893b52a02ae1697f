// Text shaping with HarfBuzz, the shaper browsers and Android use: Devanagari conjuncts,
// reph, pre-base matras and mark positioning; Arabic joining and right-to-left runs.
//
// We instantiate harfbuzzjs's WebAssembly build ourselves and call HarfBuzz's C API on it.
// harfbuzzjs's JavaScript wrapper initialises itself with a top-level await that reads or
// fetches the .wasm file next to it, which a Worker cannot do (a Worker may not compile
// WebAssembly from bytes; it imports a compiled module), and it adds functions to the wasm
// table at start-up. The C API needs neither: the module's five imports are provided here,
// and each runtime hands over a compiled WebAssembly.Module (read from node_modules on Node,
// imported as a module on Workers). Pure: no runtime API beyond WebAssembly.

export interface ShapeOptions {
  /** ISO 15924 script tag: "Deva", "Latn", "Arab", … */
  script: string;
  direction: "ltr" | "rtl";
  /** BCP 47 language tag: "hi", "en", "ar", … (selects the font's language-specific forms). */
  language: string;
  /** OpenType features in HarfBuzz's syntax, e.g. ["-liga", "kern"]; the shaper's defaults otherwise. */
  features?: readonly string[];
}

/** One glyph of a shaped run, in font units, in visual order (left to right, even for rtl). */
export interface ShapedGlyph {
  /** Glyph id in the font. */
  id: number;
  /** UTF-16 offset in the shaped text of the first character this glyph comes from. */
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface HarfBuzzExports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_face_create(blob: number, index: number): number;
  hb_face_get_upem(face: number): number;
  hb_font_create(face: number): number;
  hb_buffer_create(): number;
  hb_buffer_destroy(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_buffer_set_script(buffer: number, script: number): void;
  hb_buffer_set_language(buffer: number, language: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_script_from_string(text: number, length: number): number;
  hb_language_from_string(text: number, length: number): number;
  hb_feature_from_string(text: number, length: number, feature: number): number;
  hb_shape(font: number, buffer: number, features: number, count: number): void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_DIRECTION = { ltr: 4, rtl: 5 } as const;
/** sizeof(hb_glyph_info_t) and sizeof(hb_glyph_position_t). */
const RECORD_BYTES = 20;
const FEATURE_BYTES = 16;

class HarfBuzzError extends Error {
  override name = "HarfBuzzError";
}

/** One instance of HarfBuzz's WebAssembly module and its memory. */
export class HarfBuzz {
  private constructor(private readonly hb: HarfBuzzExports) {}

  /** `module`: harfbuzzjs's `dist/harfbuzz.wasm`, compiled. */
  static async instantiate(module: WebAssembly.Module): Promise<HarfBuzz> {
    let memory: WebAssembly.Memory | undefined;
    const fail = (what: string) => () => {
      throw new HarfBuzzError(what);
    };
    const imports = {
      env: {
        _abort_js: fail("HarfBuzz aborted"),
        _emscripten_runtime_keepalive_clear: () => {},
        _setitimer_js: fail("HarfBuzz asked for a timer"),
        emscripten_resize_heap: (requested: number) => {
          const have = memory!.buffer.byteLength;
          const want = Math.max(requested >>> 0, Math.ceil(have * 1.25));
          try {
            memory!.grow(Math.ceil((want - have) / 65536));
            return 1;
          } catch {
            return 0;
          }
        },
      },
      wasi_snapshot_preview1: { proc_exit: fail("HarfBuzz exited") },
    };
    const instance = await WebAssembly.instantiate(module, imports);
    const hb = instance.exports as unknown as HarfBuzzExports;
    memory = hb.memory;
    hb.__wasm_call_ctors();
    return new HarfBuzz(hb);
  }

  /** A font for shaping. The bytes are copied into HarfBuzz's memory and kept for the font's (the process's) life. */
  openFont(bytes: Uint8Array): ShapingFont {
    const { hb } = this;
    const data = hb.malloc(bytes.length);
    new Uint8Array(hb.memory.buffer, data, bytes.length).set(bytes);
    const blob = hb.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    // A new font's scale is the face's units per em, so positions come out in font units.
    return new ShapingFont(this, hb.hb_font_create(face), hb.hb_face_get_upem(face));
  }

  /** @internal */
  shape(font: ShapingFont, text: string, options: ShapeOptions): ShapedGlyph[] {
    const { hb } = this;
    const features = options.features ?? [];
    const scratch = hb.malloc(text.length * 2 + 64 + features.length * FEATURE_BYTES);
    const buffer = hb.hb_buffer_create();
    try {
      const units = new Uint16Array(hb.memory.buffer, scratch, text.length);
      for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
      hb.hb_buffer_add_utf16(buffer, scratch, text.length, 0, text.length);
      hb.hb_buffer_set_direction(buffer, HB_DIRECTION[options.direction]);
      hb.hb_buffer_set_script(buffer, hb.hb_script_from_string(this.ascii(scratch, options.script), options.script.length));
      hb.hb_buffer_set_language(buffer, hb.hb_language_from_string(this.ascii(scratch, options.language), options.language.length));
      const featureArray = scratch + 64;
      features.forEach((feature, i) => {
        if (!hb.hb_feature_from_string(this.ascii(scratch, feature), feature.length, featureArray + i * FEATURE_BYTES)) {
          throw new HarfBuzzError(`not an OpenType feature: ${feature}`);
        }
      });
      hb.hb_shape(font.ptr, buffer, featureArray, features.length);
      const length = hb.hb_buffer_get_length(buffer);
      const infos = new Uint32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_infos(buffer, 0), (length * RECORD_BYTES) / 4);
      const positions = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_positions(buffer, 0), (length * RECORD_BYTES) / 4);
      const glyphs: ShapedGlyph[] = new Array(length);
      for (let i = 0; i < length; i++) {
        const r = (i * RECORD_BYTES) / 4;
        glyphs[i] = { id: infos[r]!, cluster: infos[r + 2]!, xAdvance: positions[r]!, yAdvance: positions[r + 1]!, xOffset: positions[r + 2]!, yOffset: positions[r + 3]! };
      }
      return glyphs;
    } finally {
      hb.hb_buffer_destroy(buffer);
      hb.free(scratch);
    }
  }

  /** Writes a short ASCII string (a tag, a feature) at the start of `scratch`, which has 64 bytes for it. */
  private ascii(scratch: number, text: string): number {
    if (text.length > 63 || !/^[\x20-\x7e]*$/.test(text)) throw new HarfBuzzError(`not a short ASCII tag: ${JSON.stringify(text)}`);
    // The text itself sits at the start of scratch while it is being added; tags are written
    // after hb_buffer_add_utf16 has copied it, so they may reuse the space.
    const bytes = new Uint8Array(this.hb.memory.buffer, scratch, text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return scratch;
  }
}

/** A font opened in HarfBuzz. Lives as long as the renderers that use it (HarfBuzz objects are never freed). */
export class ShapingFont {
  /** @internal */
  constructor(
    private readonly harfbuzz: HarfBuzz,
    /** @internal */ readonly ptr: number,
    readonly unitsPerEm: number,
  ) {}

  shape(text: string, options: ShapeOptions): ShapedGlyph[] {
    return shape(this, text, options);
  }

  /** @internal */
  get hb(): HarfBuzz {
    return this.harfbuzz;
  }
}

/**
 * Shapes one run of text in one script and direction: glyph ids with advances and offsets
 * in font units, in visual order. Text that mixes scripts is split into runs first
 * (`scriptRuns`), as a browser does, since the shaping rules differ by script.
 */
export function shape(font: ShapingFont, text: string, options: ShapeOptions): ShapedGlyph[] {
  if (text.length === 0) return [];
  return font.hb.shape(font, text, options);
}

export interface ScriptRun {
  text: string;
  /** UTF-16 offset of the run in the whole text. */
  start: number;
  script: string;
  direction: "ltr" | "rtl";
}

/** Scripts that tags and documents print, by code point; everything else is Common (spaces, punctuation, digits). */
const SCRIPT_RANGES: readonly [number, number, string][] = [
  [0x0041, 0x005a, "Latn"],
  [0x0061, 0x007a, "Latn"],
  [0x00aa, 0x00aa, "Latn"],
  [0x00ba, 0x00ba, "Latn"],
  [0x00c0, 0x00d6, "Latn"],
  [0x00d8, 0x00f6, "Latn"],
  [0x00f8, 0x024f, "Latn"],
  [0x1e00, 0x1eff, "Latn"],
  [0x0600, 0x06ff, "Arab"],
  [0x0750, 0x077f, "Arab"],
  [0x08a0, 0x08ff, "Arab"],
  [0xfb50, 0xfdff, "Arab"],
  [0xfe70, 0xfeff, "Arab"],
  [0x0900, 0x097f, "Deva"],
  [0xa8e0, 0xa8ff, "Deva"],
  [0x1cd0, 0x1cff, "Deva"],
];
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Syrc", "Thaa"]);
/** Characters that belong to no script of their own but to the text around them: Arabic's and Devanagari's shared punctuation, digits, spaces, joiners, combining marks. */
const COMMON = "Zyyy";

function scriptOf(code: number): string {
  for (const [from, to, script] of SCRIPT_RANGES) if (code >= from && code <= to) return script;
  return COMMON;
}

/**
 * Splits text into runs of one script, as browsers itemise it before shaping: spaces,
 * punctuation, digits and joiners (Common) join the run before them, or the first run when
 * they lead. The danda (।) is Common too, so it joins the Devanagari around it. Runs are in
 * logical order; placing right-to-left runs among left-to-right ones is the line's job.
 */
export function scriptRuns(text: string, fallbackScript = "Latn"): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: { start: number; script: string } | undefined;
  let leadingCommon = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const script = scriptOf(code);
    if (script !== COMMON) {
      if (!current) current = { start: 0, script };
      else if (current.script !== script) {
        runs.push(run(text, current.start, i, current.script));
        current = { start: i, script };
      }
    } else if (!current) leadingCommon = i + width;
    i += width;
  }
  if (current) runs.push(run(text, current.start, text.length, current.script));
  else if (leadingCommon > 0) runs.push(run(text, 0, text.length, fallbackScript));
  return runs;
}

function run(text: string, start: number, end: number, script: string): ScriptRun {
  return { text: text.slice(start, end), start, script, direction: RTL_SCRIPTS.has(script) ? "rtl" : "ltr" };
}
