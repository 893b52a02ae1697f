import type { PublicMessages } from "../catalog.js";

export const ar = {
  common: {
    siteName: "Asli",
    tagline: "منتجات يدوية موثّقة من أتر برديش",
    language: "اللغة",
  },
  credential: {
    download: "تنزيل كبيان اعتماد قابل للتحقق",
    explain: "للمحافظ الرقمية وبرامج التحقق: هذه الشهادة على هيئة بيان اعتماد قابل للتحقق وفق معيار W3C، موقّعة من السجل.",
  },
} satisfies PublicMessages;
