/// <reference path="./raw-imports.d.ts" />
// The lenient verify-URL and typed-serial vectors of docs/certificate-format.md §6.1, read out of
// the document (bundled with `?raw`, so the Workers project reads them too).
import doc from "../../docs/certificate-format.md?raw";

/** A fenced block labelled `vectors=NAME`: a JSON array of [input, expected] pairs. */
export function vectors(name: "verify-urls" | "typed-serials"): [string, string | null][] {
  const m = new RegExp("^```json vectors=" + name + "\\n([\\s\\S]*?)\\n```$", "m").exec(doc);
  if (!m) throw new Error(`docs/certificate-format.md has no vectors=${name} block`);
  return JSON.parse(m[1]!) as [string, string | null][];
}

/** The worked example's token (section 11). */
export const docToken = /^```text example=token\n([A-Z2-7]+)\n```$/m.exec(doc)![1]!;

/** Replaces the document's placeholders with a token's three spellings. */
export function expand(text: string, token: string): string {
  const percent = [...token].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`).join("");
  return text.replaceAll("<token>", token).replaceAll("<lower>", token.toLowerCase()).replaceAll("<percent>", percent);
}
