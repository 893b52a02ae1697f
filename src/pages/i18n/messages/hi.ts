import type { Messages } from "../catalog.js";

export const hi = {
  common: {
    siteName: "असली",
    tagline: "उत्तर प्रदेश के प्रमाणित हस्तनिर्मित उत्पाद",
    language: "भाषा",
  },
  console: {
    title: "असली कंसोल",
  },
} satisfies Messages;
