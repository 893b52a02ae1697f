// The JSON-LD context of the shipment credential's terms, version 1, served at
// /contexts/asli/shipment/v1 and bundled here (the document loader never fetches it). A context
// of its own rather than new terms in /contexts/asli/v1: that one is frozen and served as
// immutable, so a verifier holding its copy must never meet a term it lacks. Terms live under
// the deployment's own origin, as in v1. Version 1 is frozen too: a change of meaning gets
// /contexts/asli/shipment/v2. docs/credentials.md §11 describes every term.

export const ASLI_SHIPMENT_CONTEXT_PATH = "/contexts/asli/shipment/v1";

export function asliShipmentContextUrl(origin: string): string {
  return `${origin}${ASLI_SHIPMENT_CONTEXT_PATH}`;
}

export function asliShipmentContextV1(origin: string) {
  const term = `${asliShipmentContextUrl(origin)}#`;
  return {
    "@context": {
      "@version": 1.1,
      "@protected": true,
      ShipmentCredential: `${term}ShipmentCredential`,
      Shipment: `${term}Shipment`,
      Exporter: `${term}Exporter`,
      shipmentId: `${term}shipmentId`,
      exporter: `${term}exporter`,
      consigneeCountry: `${term}consigneeCountry`,
      reference: `${term}reference`,
      sealedAt: { "@id": `${term}sealedAt`, "@type": "http://www.w3.org/2001/XMLSchema#dateTime" },
      itemCount: `${term}itemCount`,
      merkleRoot: `${term}merkleRoot`,
      manifest: { "@id": `${term}manifest`, "@type": "@id" },
      // A list, not a set: the order is the manifest's, and the proof covers it.
      itemCredentials: { "@id": `${term}itemCredentials`, "@type": "@id", "@container": "@list" },
    },
  };
}
