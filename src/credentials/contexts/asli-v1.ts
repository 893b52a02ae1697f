// The JSON-LD context of Asli's own terms, version 1, served at /contexts/asli/v1 and bundled
// here (the document loader never fetches it). Each deployment is its own issuer, so the terms
// live under its own origin; schema.org terms are used where one fits. Version 1 is frozen: a
// change of meaning gets /contexts/asli/v2, since credentials already issued name v1 and their
// signatures cover its expansion. docs/credentials.md describes every term.

export const ASLI_CONTEXT_PATH = "/contexts/asli/v1";

export function asliContextUrl(origin: string): string {
  return `${origin}${ASLI_CONTEXT_PATH}`;
}

const SCHEMA = "https://schema.org/";

export function asliContextV1(origin: string) {
  const asli = `${asliContextUrl(origin)}#`;
  return {
    "@context": {
      "@version": 1.1,
      "@protected": true,
      CertificateCredential: `${asli}CertificateCredential`,
      HandmadeItem: `${asli}HandmadeItem`,
      Artisan: `${asli}Artisan`,
      District: `${asli}District`,
      OdopProduct: `${asli}OdopProduct`,
      GeographicalIndication: `${asli}GeographicalIndication`,
      serialNumber: `${SCHEMA}serialNumber`,
      material: `${SCHEMA}material`,
      productionDate: { "@id": `${SCHEMA}productionDate`, "@type": "http://www.w3.org/2001/XMLSchema#date" },
      manufacturer: `${SCHEMA}manufacturer`,
      odopProduct: `${asli}odopProduct`,
      craft: `${asli}craft`,
      geographicalIndication: `${asli}geographicalIndication`,
      applicationNumber: `${asli}giApplicationNumber`,
      registryId: `${asli}registryId`,
      seller: `${asli}seller`,
      district: `${asli}district`,
      lgdCode: `${asli}lgdCode`,
      division: `${asli}division`,
      addressRegion: `${SCHEMA}addressRegion`,
      addressCountry: `${SCHEMA}addressCountry`,
    },
  };
}
