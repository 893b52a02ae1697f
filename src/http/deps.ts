import type { SigningKey } from "../core/keys.js";
import type { BodyCompressor } from "./compression.js";
import type { TagRenderers } from "../render/types.js";
import type { LiveKeyring } from "../service/keyring.js";
import type { AsliDatabase } from "../store/database.js";
import type { Catalog } from "../pages/i18n/catalog.js";
import type { Language } from "../pages/i18n/languages.js";
import type { TransparencyLog } from "../service/tlog.js";
import type { LoadWebAuthn } from "../service/webauthn.js";
import type { ScanRecorder } from "../service/scans.js";
import type { LoadImages, MediaStore } from "../service/media.js";
import type { BrowserScripts } from "../pages/assets/browser-scripts.js";

export interface AppDeps {
  db: AsliDatabase;
  /** Signs new certificates. */
  signingKey: SigningKey;
  /** Every public key whose certificates still verify, as last read (src/service/keyring.ts). */
  keyring: LiveKeyring;
  /** SHA-256 (hex) of the admin token from the environment, if one is configured there. */
  adminTokenHash?: string;
  /** Public origin that verify URLs and links point to, e.g. https://asli.example. */
  baseUrl: string;
  /**
   * Set when no public origin is configured (Workers without BASE_URL): `baseUrl` is then the
   * request's own origin, good enough for links in answers but not for verify URLs printed in
   * QR codes that last as long as the item, so issuing answers 503 base-url-unset.
   */
  baseUrlUnset?: boolean;
  clock: () => Date;
  /**
   * The PNG and PDF tag and label-sheet renderers (fonts, HarfBuzz, pdf-lib), loaded on first
   * use and kept: src/runtime/renderers.ts on Node, a module of their own on Workers
   * (src/runtime/worker-renderers.ts), so that the module every scan loads stays small.
   */
  loadRenderers: () => Promise<TagRenderers>;
  /**
   * The Data Integrity signer and its JSON-LD stack, loaded on the first credential in that form,
   * as the renderers are: src/runtime/renderers.ts on Node, a module of its own on Workers.
   */
  loadDataIntegrity: () => Promise<typeof import("../credentials/secure-data-integrity.js")>;
  /**
   * @simplewebauthn/server for the console's passkey ceremonies, loaded on the first one: the
   * package on Node, a module of its own on Workers (it weighs about 85 KiB gzipped).
   */
  loadWebAuthn: LoadWebAuthn;
  /**
   * The image decoder and encoder for uploaded photos (src/service/images.ts: jpeg-js and a PNG
   * reader), loaded on the first upload: a plain import on Node, a module of its own on Workers.
   */
  loadImages: LoadImages;
  /**
   * A language's message catalog (src/pages/i18n/messages/), loaded before a request that needs
   * it: all at once on Node, each a module of its own on Workers (nine languages would take a
   * fifth of the module every scan loads).
   */
  loadCatalog: (lang: Language) => Promise<Catalog>;
  /**
   * jsQR for the console's tag scanner (/assets/jsqr.js, about 45 KiB gzipped), loaded on its
   * first request: a plain import on Node, a module of its own on Workers.
   */
  loadJsqrScript: () => Promise<string>;
  /**
   * The text of the pages' scripts served at /assets/ (src/pages/assets/browser-scripts.ts),
   * loaded on the first request for one: a plain import on Node, a module of its own on Workers.
   */
  loadBrowserScripts: () => Promise<BrowserScripts>;
  /**
   * The OpenAPI document's builder (zod's JSON Schema converter) and the /docs page
   * (src/http/openapi-document.ts), loaded on the first request for either: a plain import on
   * Node, a module of its own on Workers.
   */
  loadApiReference: () => Promise<typeof import("./openapi-document.js")>;
  /**
   * The QR images and the SVG tag (src/render/qr-images.ts, with the QR encoder), loaded on the
   * first request that draws one: a plain import on Node, a module of its own on Workers.
   */
  loadQrImages: () => Promise<typeof import("../render/qr-images.js")>;
  /**
   * The console's app (src/http/console-app.ts: its routes and pages), loaded on the first
   * request under /console: a plain import on Node, a module of its own on Workers, built to use
   * the entry's instances of what both hold (scripts/build-worker-modules.ts).
   */
  loadConsole: () => Promise<typeof import("./console-app.js")>;
  /** jose's signing half for credentials as vc+jwt (src/credentials/secure-jwt.ts), loaded on the first one, as loadDataIntegrity is. */
  loadJwt: () => Promise<typeof import("../credentials/secure-jwt.js")>;
  /**
   * Where photos are kept (src/service/media.ts): files under .data/media/ on Node, the MEDIA R2
   * bucket on Workers. Absent on a Workers deployment without that binding: uploads answer 501.
   */
  media?: MediaStore;
  /**
   * The Markdown of docs/, which /docs/specs/{file} serves (src/runtime/specs.ts on Node).
   * Absent on Workers, whose bundle carries no documentation: those routes answer 501.
   */
  specs?: SpecSource;
  /**
   * Compresses text responses (src/runtime/compression.ts on Node). Absent on Workers, where
   * Cloudflare's edge compresses: the app must not compress twice.
   */
  compressor?: BodyCompressor;
  /** The transparency log every certificate is appended to (docs/transparency-log.md). */
  log: TransparencyLog;
  /** How long a console sign-in link works (INVITATION_TTL_HOURS); 72 by default. */
  invitationTtlHours?: number;
  /**
   * Counts every verification of a registered certificate, written after the answer, and reads
   * the coarse country of a request where the runtime knows one (src/service/scans.ts): a buffer
   * flushed every second on Node, ctx.waitUntil on Workers.
   */
  scans: ScanRecorder;
}

/** Reads one document of docs/ by file name; undefined when there is no such document. */
export type SpecSource = (file: string) => Promise<string | undefined>;

/** The heavy code each runtime loads on first use, in its own way. */
export type LazyModules = Pick<AppDeps, "loadRenderers" | "loadDataIntegrity" | "loadWebAuthn" | "loadImages" | "loadCatalog" | "loadJsqrScript" | "loadBrowserScripts" | "loadApiReference" | "loadQrImages" | "loadJwt" | "loadConsole">;
