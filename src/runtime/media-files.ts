// Node: media as files under a directory (.data/media/ for `npm start`), one file per key.
// Written to a temporary name and renamed, so that a reader never sees half a file. Keys are
// checked against the one key shape (src/service/media.ts) before they touch the file system:
// no key can name a path outside the directory.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { randomBytes, toHex } from "../core/bytes.js";
import { CONTENT_TYPES, isMediaKey, type MediaStore } from "../service/media.js";

export function fileMediaStore(root: string): MediaStore {
  const path = (key: string) => {
    if (!isMediaKey(key)) throw new Error("not a media key");
    return join(root, ...key.split("/"));
  };
  return {
    async put(key, bytes) {
      const file = path(key);
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.${toHex(randomBytes(6))}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o644 });
      await rename(temporary, file);
    },
    async get(key) {
      if (!isMediaKey(key)) return undefined;
      try {
        const bytes = new Uint8Array(await readFile(path(key)));
        return { bytes, contentType: CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)]! };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
    async list(prefix) {
      let names: string[];
      try {
        names = await readdir(root, { recursive: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      return names.map((name) => relative(root, join(root, name)).split(sep).join("/")).filter((key) => isMediaKey(key) && key.startsWith(prefix));
    },
  };
}
