// English: the reference catalog. Every other catalog has exactly these keys, with the same
// placeholders; the `console` section only in the console's languages (en, hi).
export const en = {
  common: {
    siteName: "Asli",
    tagline: "Certified handmade goods of Uttar Pradesh",
    language: "Language",
  },
  credential: {
    download: "Download as a verifiable credential",
    explain: "For wallets and verification software: this certificate as a W3C Verifiable Credential, signed by the registry.",
  },
  console: {
    title: "Asli console",
  },
};
