import type { PublicMessages } from "../catalog.js";

export const ur = {
  common: {
    siteName: "Asli",
    tagline: "اتر پردیش کی مصدقہ دستکاری مصنوعات",
    language: "زبان",
  },
} satisfies PublicMessages;
