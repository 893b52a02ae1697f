import type { PublicMessages } from "../catalog.js";

export const ar = {
  common: {
    siteName: "Asli",
    tagline: "منتجات يدوية موثّقة من أتر برديش",
    language: "اللغة",
  },
} satisfies PublicMessages;
