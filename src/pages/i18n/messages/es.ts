import type { PublicMessages } from "../catalog.js";

export const es = {
  common: {
    siteName: "Asli",
    tagline: "Productos artesanales certificados de Uttar Pradesh",
    language: "Idioma",
  },
  unconfirmed: {
    title: "No se puede confirmar ahora",
    body: "Este código lleva una firma válida del registro, pero no se pudo contactar con el registro para confirmar que el certificado sigue vigente. Vuelva a intentarlo dentro de unos minutos.",
  },
} satisfies PublicMessages;
