import type { PublicMessages } from "../catalog.js";

export const ur = {
  common: {
    siteName: "Asli",
    tagline: "اتر پردیش کی مصدقہ دستکاری مصنوعات",
    language: "زبان",
  },
  credential: {
    download: "قابلِ تصدیق سند کے طور پر ڈاؤن لوڈ کریں",
    explain: "والٹ اور تصدیقی سافٹ ویئر کے لیے: یہ سرٹیفکیٹ W3C قابلِ تصدیق سند کی شکل میں، رجسٹری کے دستخط کے ساتھ۔",
  },
} satisfies PublicMessages;
