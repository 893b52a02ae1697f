import type { PublicMessages } from "../catalog.js";

export const fr = {
  common: {
    siteName: "Asli",
    tagline: "Produits artisanaux certifiés de l’Uttar Pradesh",
    language: "Langue",
  },
} satisfies PublicMessages;
