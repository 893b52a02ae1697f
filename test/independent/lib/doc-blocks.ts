// Reads the labelled fenced blocks of a Markdown document (```text example=NAME, ```json vector=NAME,
// ```json vectors=NAME), so that the tests take their values from the documents themselves.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface DocBlock {
  lang: string;
  attrs: Record<string, string>;
  body: string;
  line: number;
}

export function readDoc(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url)), "utf8");
}

export function docBlocks(markdown: string): DocBlock[] {
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i] ?? "");
    if (!open) continue;
    const attrs: Record<string, string> = {};
    for (const m of (open[2] ?? "").matchAll(/(\S+?)=(\S+)/g)) attrs[m[1]!] = m[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== "```") body.push(lines[j++]!);
    if (j >= lines.length) throw new Error(`unterminated block at line ${i + 1}`);
    blocks.push({ lang: open[1] ?? "", attrs, body: body.join("\n"), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** The one block labelled `name` (as example=, vector= or vectors=). */
export function block(markdown: string, name: string): string {
  const found = docBlocks(markdown).filter(
    (b) => b.attrs.example === name || b.attrs.vector === name || b.attrs.vectors === name,
  );
  if (found.length !== 1) throw new Error(`expected one block labelled ${name}, found ${found.length}`);
  return found[0]!.body;
}

export function hexBlock(markdown: string, name: string): Buffer {
  const text = block(markdown, name).replace(/\s+/g, "");
  if (!/^([0-9a-f]{2})*$/.test(text)) throw new Error(`block ${name} is not lower-case hex`);
  return Buffer.from(text, "hex");
}

export function jsonBlock<T = unknown>(markdown: string, name: string): T {
  return JSON.parse(block(markdown, name)) as T;
}
