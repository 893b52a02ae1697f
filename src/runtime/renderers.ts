// Node: the PNG and PDF tag renderers, loaded on first use, with Noto Sans Devanagari read
// from its npm package (SIL Open Font License 1.1), Noto Naskh Arabic on the first document
// that needs it, and HarfBuzz's wasm from harfbuzzjs.
// The Workers entry never imports this file; it has its own loader (worker-renderers.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FontBytes } from "../render/font.js";
import type { RendererAssets } from "../render/renderers.js";
import type { LazyModules } from "../http/deps.js";
import type { TagRenderers } from "../render/types.js";

const require = createRequire(import.meta.url);
const read = (file: string) => new Uint8Array(readFileSync(require.resolve(file)));

export function readTagFontBytes(): FontBytes {
  return {
    regular: read("@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf"),
    bold: read("@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf"),
  };
}

/** Noto Naskh Arabic (SIL Open Font License 1.1), for Arabic and Urdu documents. */
export function readArabicFontBytes(): FontBytes {
  return {
    regular: read("@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf"),
    bold: read("@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf"),
  };
}

export async function readRendererAssets(): Promise<RendererAssets> {
  const wasm = readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz.wasm"));
  return { fonts: readTagFontBytes(), harfbuzz: await WebAssembly.compile(wasm), loadArabicFonts: async () => readArabicFontBytes() };
}

let loading: Promise<TagRenderers> | undefined;
let dataIntegrity: ReturnType<LazyModules["loadDataIntegrity"]> | undefined;

/** Node's way to the heavy modules: plain imports, on first use. */
export const nodeLazyModules: LazyModules = {
  loadRenderers: loadNodeTagRenderers,
  loadDataIntegrity: () => (dataIntegrity ??= import("../credentials/secure-data-integrity.js")),
  loadWebAuthn: () => import("@simplewebauthn/server"),
  loadImages: () => import("../service/images.js"),
  loadCatalog: async (lang) => (await import("../pages/i18n/all-catalogs.js")).CATALOGS[lang],
  loadJsqrScript: async () => (await import("../generated/jsqr-script.js")).JSQR_SCRIPT,
  loadApiReference: () => import("../http/openapi-document.js"),
  loadQrImages: () => import("../render/qr-images.js"),
  loadJwt: () => import("../credentials/secure-jwt.js"),
  loadConsole: () => import("../http/console-app.js"),
  loadBrowserScripts: async () => (await import("../pages/assets/browser-scripts.js")).BROWSER_SCRIPTS,
};

/** The renderers, built once per process on first use (about 0.1 s: the fonts and HarfBuzz). */
export function loadNodeTagRenderers(): Promise<TagRenderers> {
  loading ??= (async () => {
    const { createTagRenderers } = await import("../render/renderers.js");
    return createTagRenderers(await readRendererAssets());
  })();
  // A failed load is retried by the next request rather than remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}
