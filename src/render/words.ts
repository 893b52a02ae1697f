// The fixed bilingual wording of tags. Changing a phrase means regenerating metrics.ts
// (`npx tsx scripts/render-metrics.ts`); a test fails until then.

export const WORDS = {
  brand: "ASLI · असली",
  certified: "Certified handmade",
  certifiedHi: "प्रमाणित हस्तनिर्मित",
  product: "Product · उत्पाद",
  craft: "Craft · शिल्प",
  district: "District · ज़िला",
  giTag: "GI tag · जीआई टैग",
  scan: "Scan to verify · स्कैन कर जाँचें",
  stickerHi: "असली · प्रमाणित हस्तनिर्मित",
  state: "Uttar Pradesh",
} as const;

export const PHRASES: readonly string[] = Object.values(WORDS);
