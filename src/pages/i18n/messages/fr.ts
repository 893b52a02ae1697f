import type { PublicMessages } from "../catalog.js";

export const fr = {
  common: {
    siteName: "Asli",
    tagline: "Produits artisanaux certifiés de l’Uttar Pradesh",
    language: "Langue",
  },
  unconfirmed: {
    title: "Confirmation impossible pour le moment",
    body: "Ce code porte une signature valide du registre, mais le registre n’a pas pu être joint pour confirmer que le certificat est toujours valable. Veuillez réessayer dans quelques minutes.",
  },
} satisfies PublicMessages;
