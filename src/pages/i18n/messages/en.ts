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
  unconfirmed: {
    // The verify page when the registry cannot be read: the signature is valid, the standing unknown.
    title: "Could not be confirmed right now",
    body: "This code carries the registry's valid signature, but the registry could not be reached just now to confirm that the certificate still stands. Please try again in a few minutes.",
  },
};
