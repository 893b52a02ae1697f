// Node only: the documents of docs/, read from the checkout the service runs from, so that an
// intranet deployment serves its own specifications at /docs/specs with no outside network.
// Only the files the reference page lists are read; nothing else of the disk is reachable.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { SpecSource } from "../http/deps.js";
import { SPECS } from "../http/routes/docs.js";

const DOCS = fileURLToPath(new URL("../../docs/", import.meta.url));
const FILES = new Set(SPECS.map((s) => s.file));

export function nodeSpecSource(): SpecSource {
  return async (file) => (FILES.has(file) ? readFile(`${DOCS}${file}`, "utf8") : undefined);
}
