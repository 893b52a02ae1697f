import type { PublicMessages } from "../catalog.js";

export const fr = {
  common: {
    siteName: "Asli",
    tagline: "Produits artisanaux certifiés de l’Uttar Pradesh",
    language: "Langue",
  },
  credential: {
    download: "Télécharger comme attestation vérifiable",
    explain: "Pour les portefeuilles et les logiciels de vérification : ce certificat sous forme d’attestation vérifiable W3C, signée par le registre.",
  },
} satisfies PublicMessages;
