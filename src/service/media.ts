// Media the service keeps besides its database: photos, re-encoded before they are stored
// (src/service/images.ts). One small interface with one implementation per runtime: files under
// .data/media/ on Node (src/runtime/media-files.ts), an R2 bucket on Workers (`r2MediaStore`,
// the optional MEDIA binding). Keys are content addresses: `<namespace>/<owner>/<hash>.<ext>`,
// the hash being the first 128 bits of the stored bytes' SHA-256, so a key names one file for
// ever and may be cached as immutable.
//
// Who may read what is not this module's business: /media/artisans/… is public (the verify
// page shows artisans' photos, src/http/routes/media.ts); another namespace (the photos of
// buyers' reports) gets a route of its own with its own access rules.
import { sha256, toHex } from "../core/bytes.js";
import { ApiError } from "../core/errors.js";
import type { ImageCodec, ImageLimits, ImageRefusalCode, ReencodeOptions } from "./images.js";

export interface MediaObject {
  bytes: Uint8Array;
  contentType: string;
}

export interface MediaStore {
  /** Stores the bytes under the key (a content address: storing the same key again stores the same bytes). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<MediaObject | undefined>;
  /** Removes the key; a key that is not there is no error. */
  delete(key: string): Promise<void>;
  /** The keys that start with `prefix`, in no particular order. */
  list(prefix: string): Promise<string[]>;
}

/** The image decoder and encoder, loaded on first use (AppDeps.loadImages). */
export type LoadImages = () => Promise<ImageCodec>;

/** `<namespace>/<owner id>/<32 hex digits>.<jpg|png>`: the only keys a store holds or a route serves. */
const MEDIA_KEY = /^([a-z][a-z-]{0,30})\/([1-9][0-9]{0,9})\/([0-9a-f]{32})\.(jpg|png)$/;

export const MEDIA_PATH_PREFIX = "/media/";

export function isMediaKey(key: string): boolean {
  return MEDIA_KEY.test(key);
}

/** The same-origin path a stored key is served at, e.g. /media/artisans/7/0a1b….jpg. */
export function mediaPath(key: string): string {
  return `${MEDIA_PATH_PREFIX}${key}`;
}

/** The key of one of our own media paths, or undefined for anything else (another origin, another shape). */
export function mediaKeyOf(path: string | null | undefined): string | undefined {
  if (!path?.startsWith(MEDIA_PATH_PREFIX)) return undefined;
  const key = path.slice(MEDIA_PATH_PREFIX.length);
  return isMediaKey(key) ? key : undefined;
}

/**
 * Photos: 2 MB, and a phone camera's 12-megapixel photo (4032 x 3024) at most. The pixel budget
 * bounds what decoding costs: a JPEG of 4096 x 3072 needs about 150 MB while it is decoded.
 */
export const PHOTO_LIMITS: ImageLimits = { maxBytes: 2 * 1024 * 1024, maxWidth: 4096, maxHeight: 4096, maxPixels: 4096 * 3072 };

export const CONTENT_TYPES: Record<string, string> = { jpg: "image/jpeg", png: "image/png" };

export interface StoredImage {
  key: string;
  /** Where it is served (same origin). */
  path: string;
  contentType: string;
  width: number;
  height: number;
  byteLength: number;
}

export interface ImageStorage {
  media?: MediaStore;
  loadImages: LoadImages;
}

const REFUSAL_STATUS: Record<ImageRefusalCode, 413 | 422> = {
  "image-too-large": 413,
  "not-an-image": 422,
  "image-dimensions-too-large": 422,
  "image-unreadable": 422,
};

const REFUSAL_TITLE: Record<ImageRefusalCode, string> = {
  "image-too-large": "Image too large",
  "not-an-image": "Not an image",
  "image-dimensions-too-large": "Image dimensions too large",
  "image-unreadable": "Image unreadable",
};

export function mediaUnavailable(): ApiError {
  return new ApiError(501, "not-available-on-this-runtime", "Not implemented", "this deployment has no media storage (on Workers: bind an R2 bucket as MEDIA)");
}

/** An upload re-encoded and checked, not stored yet: its file name (`<hash>.<ext>`) is the same under any owner. */
export interface PreparedImage {
  file: string;
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
}

/**
 * Re-encodes an uploaded image, before anything is stored. A refused image (too large, not an
 * image, a decompression bomb, unreadable) throws its ApiError; so does a deployment that has
 * nowhere to store it.
 */
export async function prepareImage(storage: ImageStorage, upload: Uint8Array, options: ReencodeOptions & { limits: ImageLimits }): Promise<PreparedImage> {
  if (!storage.media) throw mediaUnavailable();
  const codec = await storage.loadImages();
  const result = codec.reencodeImage(upload, options);
  if (!result.ok) throw new ApiError(REFUSAL_STATUS[result.code], result.code, REFUSAL_TITLE[result.code], result.detail);
  const image = result.value;
  return { file: `${toHex(await sha256(image.bytes)).slice(0, 32)}.${image.extension}`, bytes: image.bytes, contentType: image.contentType, width: image.width, height: image.height };
}

/** The key a prepared image is stored under for its owner. */
export function preparedImageKey(namespace: string, owner: number, image: PreparedImage): string {
  const key = `${namespace}/${owner}/${image.file}`;
  if (!isMediaKey(key)) throw new Error(`not a media key: ${namespace}/${owner}`);
  return key;
}

/** Stores a prepared image under `<namespace>/<owner>/<hash>.<ext>`. */
export async function putImage(storage: ImageStorage, namespace: string, owner: number, image: PreparedImage): Promise<StoredImage> {
  if (!storage.media) throw mediaUnavailable();
  const key = preparedImageKey(namespace, owner, image);
  await storage.media.put(key, image.bytes, image.contentType);
  return { key, path: mediaPath(key), contentType: image.contentType, width: image.width, height: image.height, byteLength: image.bytes.length };
}

/**
 * Re-encodes an uploaded image and stores the result under `<namespace>/<owner>/<hash>.jpg`.
 * A refused image (too large, not an image, a decompression bomb, unreadable) throws its
 * ApiError before anything is stored.
 */
export async function storeImage(
  storage: ImageStorage,
  namespace: string,
  owner: number,
  upload: Uint8Array,
  options: ReencodeOptions & { limits: ImageLimits },
): Promise<StoredImage> {
  return putImage(storage, namespace, owner, await prepareImage(storage, upload, options));
}

/** What `r2MediaStore` needs of an R2 bucket (Workers' R2Bucket has all of it). */
export interface MediaBucket {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; httpMetadata?: { contentType?: string } } | null>;
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  delete(key: string): Promise<void>;
  list(options?: { prefix?: string; cursor?: string }): Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>;
}

/** Media in an R2 bucket (Workers: the MEDIA binding). */
export function r2MediaStore(bucket: MediaBucket): MediaStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const object = await bucket.get(key);
      if (!object) return undefined;
      const extension = key.slice(key.lastIndexOf(".") + 1);
      return { bytes: new Uint8Array(await object.arrayBuffer()), contentType: object.httpMetadata?.contentType ?? CONTENT_TYPES[extension] ?? "application/octet-stream" };
    },
    async delete(key) {
      await bucket.delete(key);
    },
    async list(prefix) {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, cursor });
        keys.push(...page.objects.map((o) => o.key));
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return keys;
    },
  };
}
