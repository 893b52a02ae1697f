// Non-JavaScript modules of the worker (wrangler.toml [[rules]]; wrangler's defaults for .wasm).
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
declare module "*.ttf" {
  const bytes: ArrayBuffer;
  export default bytes;
}
