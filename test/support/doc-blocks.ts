// The labelled fenced blocks of a document in docs/: ```lang example=NAME (a worked example) and
// ```lang vector=NAME (test vectors). Tests read the values out of the document, so that the
// document and the code cannot drift apart. No file access here: the workers project imports the
// markdown with Vite's `?raw`, the node project reads it from disk.

export interface DocBlocks {
  /** The text of a block, trimmed; throws when the document has no such block. */
  text(label: string): string;
  /** A block's text parsed as JSON. */
  json<T>(label: string): T;
  labels(): string[];
}

export function docBlocks(markdown: string, name: string): DocBlocks {
  const blocks = new Map<string, string>();
  for (const m of markdown.matchAll(/^```\w+ ((?:example|vector)=[a-z0-9-]+)\n([\s\S]*?)\n```$/gm)) {
    if (blocks.has(m[1]!)) throw new Error(`${m[1]} appears twice in ${name}`);
    blocks.set(m[1]!, m[2]!);
  }
  const text = (label: string) => {
    const found = blocks.get(label);
    if (found === undefined) throw new Error(`${name} has no ${label} block`);
    return found.trim();
  };
  return { text, json: <T>(label: string) => JSON.parse(text(label)) as T, labels: () => [...blocks.keys()] };
}
