import type { PublicMessages } from "../catalog.js";

export const de = {
  common: {
    siteName: "Asli",
    tagline: "Zertifizierte Handwerkswaren aus Uttar Pradesh",
    language: "Sprache",
  },
  unconfirmed: {
    title: "Derzeit nicht bestätigt",
    body: "Dieser Code trägt eine gültige Signatur des Registers, aber das Register war gerade nicht erreichbar, um zu bestätigen, dass das Zertifikat noch gilt. Bitte versuchen Sie es in einigen Minuten erneut.",
  },
} satisfies PublicMessages;
