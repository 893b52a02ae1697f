import type { PublicMessages } from "../catalog.js";

export const ur = {
  common: {
    siteName: "Asli",
    tagline: "اتر پردیش کی مصدقہ دستکاری مصنوعات",
    language: "زبان",
  },
  unconfirmed: {
    title: "ابھی تصدیق نہیں ہو سکی",
    body: "اس کوڈ پر رجسٹری کے درست دستخط ہیں، لیکن ابھی رجسٹری سے رابطہ نہیں ہو سکا، اس لیے یہ تصدیق نہیں ہو پائی کہ سرٹیفکیٹ اب بھی درست ہے۔ براہ کرم چند منٹ بعد دوبارہ کوشش کریں۔",
  },
} satisfies PublicMessages;
