// The JSON-LD document loader of every Data Integrity operation: it answers from the copies
// bundled here and refuses every other URL, so that signing never touches the network and a
// changed context on some server can never change what a signature covers.
import { asliContextUrl, asliContextV1 } from "./contexts/asli-v1.js";
import { asliShipmentContextUrl, asliShipmentContextV1 } from "./contexts/asli-shipment-v1.js";
import { CREDENTIALS_V2_URL, credentialsV2Context } from "./contexts/credentials-v2.js";

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** The documents the service holds for an origin: the VC 2.0 context and its own contexts. */
export function bundledDocuments(origin: string): ReadonlyMap<string, unknown> {
  return new Map<string, unknown>([
    [CREDENTIALS_V2_URL, credentialsV2Context],
    [asliContextUrl(origin), asliContextV1(origin)],
    [asliShipmentContextUrl(origin), asliShipmentContextV1(origin)],
  ]);
}

export class DocumentRefusedError extends Error {
  override name = "DocumentRefusedError";
  constructor(readonly url: string) {
    super(`refused to load ${url}: only the bundled JSON-LD contexts are used`);
  }
}

const loaders = new Map<string, DocumentLoader>();

export function documentLoader(origin: string): DocumentLoader {
  let loader = loaders.get(origin);
  if (!loader) {
    const documents = bundledDocuments(origin);
    loader = async (url: string) => {
      if (!documents.has(url)) throw new DocumentRefusedError(url);
      // A fresh copy each time: jsonld may annotate what it is given.
      return { contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url)) };
    };
    loaders.set(origin, loader);
  }
  return loader;
}
