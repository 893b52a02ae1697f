// Workers: the PNG and PDF tag renderers as a module of their own, which the worker imports
// on the first tag.png, tag.pdf or labels.pdf (loadWorkerTagRenderers in worker-deps.ts), so
// that the module every scan loads stays small. scripts/build-worker-modules.ts bundles this
// file (fontkit, pdf-lib, the renderers) into src/runtime/worker-modules/renderers.js beside
// the two font files and HarfBuzz's wasm, and wrangler uploads all four as modules of the
// worker (wrangler.toml: find_additional_modules). A Worker reads no files and may not
// compile WebAssembly from bytes, so the fonts come in as Data modules (ArrayBuffers) and the
// wasm as a CompiledWasm module (a WebAssembly.Module).
import harfbuzz from "harfbuzzjs/dist/harfbuzz.wasm";
import regular from "@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf";
import bold from "@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf";
import { createTagRenderers } from "../render/renderers.js";
import type { TagRenderers } from "../render/types.js";

export function createWorkerTagRenderers(): Promise<TagRenderers> {
  return createTagRenderers({ fonts: { regular: new Uint8Array(regular), bold: new Uint8Array(bold) }, harfbuzz });
}
