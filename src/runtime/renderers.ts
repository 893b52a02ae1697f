// Node only: the PNG and PDF tag renderers with the Noto Sans Devanagari font read from its
// npm package (SIL Open Font License 1.1). The Workers entry never imports this file, so
// neither the font nor the PDF writer reaches the worker bundle.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FontBytes } from "../render/font.js";
import { createTagRenderers } from "../render/renderers.js";
import type { TagRenderers } from "../render/types.js";

const FONT_PACKAGE = "@expo-google-fonts/noto-sans-devanagari";

export function readTagFontBytes(): FontBytes {
  const require = createRequire(import.meta.url);
  const read = (file: string) => new Uint8Array(readFileSync(require.resolve(`${FONT_PACKAGE}/${file}`)));
  return {
    regular: read("400Regular/NotoSansDevanagari_400Regular.ttf"),
    bold: read("700Bold/NotoSansDevanagari_700Bold.ttf"),
  };
}

export function nodeTagRenderers(): TagRenderers {
  return createTagRenderers(readTagFontBytes());
}
