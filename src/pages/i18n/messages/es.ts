import type { PublicMessages } from "../catalog.js";

export const es = {
  common: {
    siteName: "Asli",
    tagline: "Productos artesanales certificados de Uttar Pradesh",
    language: "Idioma",
  },
  credential: {
    download: "Descargar como credencial verificable",
    explain: "Para billeteras y software de verificación: este certificado como credencial verificable del W3C, firmada por el registro.",
  },
} satisfies PublicMessages;
