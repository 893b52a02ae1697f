import type { PublicMessages } from "../catalog.js";

export const de = {
  common: {
    siteName: "Asli",
    tagline: "Zertifizierte Handwerkswaren aus Uttar Pradesh",
    language: "Sprache",
  },
} satisfies PublicMessages;
