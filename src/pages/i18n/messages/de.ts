import type { PublicMessages } from "../catalog.js";

export const de = {
  common: {
    siteName: "Asli",
    tagline: "Zertifizierte Handwerkswaren aus Uttar Pradesh",
    language: "Sprache",
  },
  credential: {
    download: "Als verifizierbaren Nachweis herunterladen",
    explain: "Für Wallets und Prüfsoftware: dieses Zertifikat als W3C Verifiable Credential, vom Register signiert.",
  },
} satisfies PublicMessages;
