import type { PublicMessages } from "../catalog.js";

export const zh = {
  common: {
    siteName: "Asli",
    tagline: "北方邦认证手工制品",
    language: "语言",
  },
} satisfies PublicMessages;
