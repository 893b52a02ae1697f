// English: the reference catalog. Every other catalog has exactly these keys, with the same
// placeholders; the `console` section only in the console's languages (en, hi).
export const en = {
  common: {
    siteName: "Asli",
    tagline: "Certified handmade goods of Uttar Pradesh",
    language: "Language",
  },
  console: {
    title: "Asli console",
  },
};
