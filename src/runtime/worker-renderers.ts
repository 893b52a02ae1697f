// Workers: the heavy code as modules of their own, imported on first use, so that the module
// every scan loads stays small: the PNG and PDF tag renderers (on the first tag.png, tag.pdf or
// labels.pdf), the Data Integrity signer with its JSON-LD stack (on the first credential),
// @simplewebauthn/server (on the first passkey ceremony of the console), and the image codec
// (jpeg-js and the PNG reader, on the first photo upload), and the libSQL web client (on the
// first request of a deployment on Turso).
// scripts/build-worker-modules.ts bundles src/render/renderers.ts (with fontkit, pdf-lib and
// fflate) into worker-modules/renderers.js beside this file and copies the two fonts, HarfBuzz's
// wasm and the two Arabic-script fonts (loaded on the first Arabic or Urdu document) there;
// wrangler uploads them as modules (wrangler.toml:
// find_additional_modules and [[rules]]). A Worker reads no files and may not compile
// WebAssembly from bytes: the fonts arrive as Data modules (ArrayBuffers), the wasm as a
// CompiledWasm module (a WebAssembly.Module).
import type * as DataIntegrity from "../credentials/secure-data-integrity.js";
import type { WebAuthnServer } from "../service/webauthn.js";
import type { ImageCodec } from "../service/images.js";
import type { LazyModules } from "../http/deps.js";
import type { BrowserScripts } from "../pages/assets/browser-scripts.js";
import type { Catalog } from "../pages/i18n/catalog.js";
import type { Language } from "../pages/i18n/languages.js";
import type * as Renderers from "../render/renderers.js";
import type * as LibsqlWeb from "./libsql-web.js";
import type * as ApiReference from "../http/openapi-document.js";
import type * as QrImages from "../render/qr-images.js";
import type * as Jwt from "../credentials/secure-jwt.js";
import type { TagRenderers } from "../render/types.js";
import type * as ConsoleApp from "../http/console-app.js";

/** The modules' names in worker-modules/, and what each is built or copied from. */
export const WORKER_MODULES = {
  renderers: { file: "renderers.js", from: "src/render/renderers.ts" },
  dataIntegrity: { file: "data-integrity.js", from: "src/credentials/secure-data-integrity.ts" },
  webauthn: { file: "webauthn-server.js", from: "src/runtime/webauthn-server.ts" },
  images: { file: "images.js", from: "src/service/images.ts" },
  jsqr: { file: "jsqr-script.js", from: "src/generated/jsqr-script.ts" },
  libsql: { file: "libsql-web.js", from: "src/runtime/libsql-web.ts" },
  browserScripts: { file: "browser-scripts.js", from: "src/pages/assets/browser-scripts.ts" },
  apiReference: { file: "api-reference.js", from: "src/http/openapi-document.ts" },
  qrImages: { file: "qr-images.js", from: "src/render/qr-images.ts" },
  jwt: { file: "jwt.js", from: "src/credentials/secure-jwt.ts" },
  // Built apart from the others, to use the entry's instances of what both hold (scripts/lib/shared-module.ts).
  console: { file: "console.js", from: "src/http/console-app.ts" },
  regular: { file: "NotoSansDevanagari_400Regular.ttf", from: "@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf" },
  bold: { file: "NotoSansDevanagari_700Bold.ttf", from: "@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf" },
  harfbuzz: { file: "harfbuzz.wasm", from: "harfbuzzjs/dist/harfbuzz.wasm" },
  // Loaded on the first provenance document with Arabic-script text, not with the renderers:
  // the renderers' budget (800 KiB gzipped) has no room for another 190 KiB of fonts.
  arabicRegular: { file: "NotoNaskhArabic_400Regular.ttf", from: "@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf" },
  arabicBold: { file: "NotoNaskhArabic_700Bold.ttf", from: "@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf" },
} as const;

/** The languages other than English, each a module of its own: catalog-<lang>.js. */
export const CATALOG_MODULES = (["hi", "ur", "ar", "fr", "de", "es", "ja", "zh"] as const satisfies readonly Language[]).map((lang) => ({
  lang,
  file: `catalog-${lang}.js`,
  from: `src/pages/i18n/messages/${lang}.ts`,
}));

// import() of a parameter, on purpose: esbuild (in wrangler) bundles what an import() of a
// literal, a template or a concatenation names into the entry module; this it leaves alone,
// and workerd resolves the specifier against the entry module at run time. Importing the
// fonts and the wasm from here rather than from renderers.js also lets the vitest pool
// apply the fonts' Data rule to them.
const importModule = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);
const load = <T>(name: keyof typeof WORKER_MODULES): Promise<T> => importModule(`./worker-modules/${WORKER_MODULES[name].file}`) as Promise<T>;

let renderers: Promise<TagRenderers> | undefined;

/** The renderers, built once per isolate on first use; a failed load is retried by the next request. */
export function loadWorkerTagRenderers(): Promise<TagRenderers> {
  renderers ??= (async () => {
    const [module, regular, bold, harfbuzz] = await Promise.all([
      load<typeof Renderers>("renderers"),
      load<{ default: ArrayBuffer }>("regular"),
      load<{ default: ArrayBuffer }>("bold"),
      load<{ default: WebAssembly.Module }>("harfbuzz"),
    ]);
    return module.createTagRenderers({
      fonts: { regular: new Uint8Array(regular.default), bold: new Uint8Array(bold.default) },
      harfbuzz: harfbuzz.default,
      loadArabicFonts: async () => {
        const [arabicRegular, arabicBold] = await Promise.all([load<{ default: ArrayBuffer }>("arabicRegular"), load<{ default: ArrayBuffer }>("arabicBold")]);
        return { regular: new Uint8Array(arabicRegular.default), bold: new Uint8Array(arabicBold.default) };
      },
    });
  })();
  renderers.catch(() => (renderers = undefined));
  return renderers;
}

/** Workers' way to the heavy modules: the modules built beside the entry. */
export const workerLazyModules: LazyModules = {
  loadRenderers: loadWorkerTagRenderers,
  loadDataIntegrity: loadWorkerDataIntegrity,
  loadWebAuthn: loadWorkerWebAuthn,
  loadImages: loadWorkerImages,
  loadCatalog: loadWorkerCatalog,
  loadJsqrScript: loadWorkerJsqrScript,
  loadBrowserScripts: loadWorkerBrowserScripts,
  loadApiReference: loadWorkerApiReference,
  loadQrImages: loadWorkerQrImages,
  loadJwt: loadWorkerJwt,
  loadConsole: loadWorkerConsole,
};

/** Where the entry hands the console's module the entry's exports it uses (src/generated/console-shared.ts). */
export const CONSOLE_SHARED_KEY = "asli.console.shared";

let consoleModule: Promise<typeof ConsoleApp> | undefined;

/** The console's app, loaded once per isolate on the first request under /console, given the entry's instances first. */
function loadWorkerConsole(): Promise<typeof ConsoleApp> {
  consoleModule ??= (async () => {
    // Imported here, not at the top: the build scripts import this file for WORKER_MODULES.
    const { shared } = await import("../generated/console-shared.js");
    (globalThis as Record<symbol, unknown>)[Symbol.for(CONSOLE_SHARED_KEY)] = shared();
    return load<typeof ConsoleApp>("console");
  })();
  consoleModule.catch(() => (consoleModule = undefined));
  return consoleModule;
}

let jsqr: Promise<string> | undefined;

/** jsQR for the console's tag scanner, loaded once per isolate on its first request. */
function loadWorkerJsqrScript(): Promise<string> {
  jsqr ??= load<{ JSQR_SCRIPT: string }>("jsqr").then((m) => m.JSQR_SCRIPT);
  jsqr.catch(() => (jsqr = undefined));
  return jsqr;
}

let jwt: Promise<typeof Jwt> | undefined;

/** jose's signing half, loaded once per isolate on the first credential as vc+jwt. */
function loadWorkerJwt(): Promise<typeof Jwt> {
  jwt ??= load<typeof Jwt>("jwt");
  jwt.catch(() => (jwt = undefined));
  return jwt;
}

let qrImages: Promise<typeof QrImages> | undefined;

/** The QR images and the SVG tag, loaded once per isolate on the first request that draws one. */
function loadWorkerQrImages(): Promise<typeof QrImages> {
  qrImages ??= load<typeof QrImages>("qrImages");
  qrImages.catch(() => (qrImages = undefined));
  return qrImages;
}

let apiReference: Promise<typeof ApiReference> | undefined;

/** The OpenAPI document's builder and the /docs page, loaded once per isolate on the first request for either. */
function loadWorkerApiReference(): Promise<typeof ApiReference> {
  apiReference ??= load<typeof ApiReference>("apiReference");
  apiReference.catch(() => (apiReference = undefined));
  return apiReference;
}

let browserScripts: Promise<BrowserScripts> | undefined;

/** The text of the pages' scripts, loaded once per isolate on the first request for one. */
function loadWorkerBrowserScripts(): Promise<BrowserScripts> {
  browserScripts ??= load<{ BROWSER_SCRIPTS: BrowserScripts }>("browserScripts").then((m) => m.BROWSER_SCRIPTS);
  browserScripts.catch(() => (browserScripts = undefined));
  return browserScripts;
}

let dataIntegrity: Promise<typeof DataIntegrity> | undefined;

/** The Data Integrity signer, loaded once per isolate on the first credential in that form. */
export function loadWorkerDataIntegrity(): Promise<typeof DataIntegrity> {
  dataIntegrity ??= load<typeof DataIntegrity>("dataIntegrity");
  dataIntegrity.catch(() => (dataIntegrity = undefined));
  return dataIntegrity;
}

let webauthn: Promise<WebAuthnServer> | undefined;

/** @simplewebauthn/server, loaded once per isolate on the first passkey ceremony. */
function loadWorkerWebAuthn(): Promise<WebAuthnServer> {
  webauthn ??= load<WebAuthnServer>("webauthn");
  webauthn.catch(() => (webauthn = undefined));
  return webauthn;
}

let libsql: Promise<typeof LibsqlWeb> | undefined;

/** The libSQL web client, loaded once per isolate on the first request of a deployment with LIBSQL_URL (Turso). */
export function loadWorkerLibsqlClient(): Promise<typeof LibsqlWeb> {
  libsql ??= load<typeof LibsqlWeb>("libsql");
  libsql.catch(() => (libsql = undefined));
  return libsql;
}

let images: Promise<ImageCodec> | undefined;

/** The image decoder and encoder (jpeg-js, the PNG reader), loaded once per isolate on the first photo upload. */
function loadWorkerImages(): Promise<ImageCodec> {
  images ??= load<ImageCodec>("images");
  images.catch(() => (images = undefined));
  return images;
}

const catalogs = new Map<Language, Promise<Catalog>>();

/** A language's catalog, loaded once per isolate on the first request in that language. */
function loadWorkerCatalog(lang: Language): Promise<Catalog> {
  const module = CATALOG_MODULES.find((m) => m.lang === lang);
  if (!module) return Promise.reject(new Error(`no catalog module for ${lang}`));
  let loading = catalogs.get(lang);
  if (!loading) {
    loading = importModule(`./worker-modules/${module.file}`).then((m) => (m as Record<string, Catalog>)[lang]!);
    loading.catch(() => catalogs.delete(lang));
    catalogs.set(lang, loading);
  }
  return loading;
}
