import type { PublicMessages } from "../catalog.js";

export const ja = {
  common: {
    siteName: "Asli",
    tagline: "ウッタル・プラデーシュ州の認証済み手工芸品",
    language: "言語",
  },
} satisfies PublicMessages;
