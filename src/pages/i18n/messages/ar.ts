import type { PublicMessages } from "../catalog.js";

export const ar = {
  common: {
    siteName: "Asli",
    tagline: "منتجات يدوية موثّقة من أتر برديش",
    language: "اللغة",
  },
  unconfirmed: {
    title: "تعذّر التأكيد الآن",
    body: "يحمل هذا الرمز توقيعًا صحيحًا من السجل، لكن تعذّر الوصول إلى السجل الآن للتأكد من أن الشهادة ما زالت سارية. يُرجى المحاولة مرة أخرى بعد بضع دقائق.",
  },
} satisfies PublicMessages;
