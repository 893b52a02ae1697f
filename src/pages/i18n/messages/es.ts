import type { PublicMessages } from "../catalog.js";

export const es = {
  common: {
    siteName: "Asli",
    tagline: "Productos artesanales certificados de Uttar Pradesh",
    language: "Idioma",
  },
} satisfies PublicMessages;
