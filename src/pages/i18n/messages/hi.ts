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
  unconfirmed: {
    title: "अभी पुष्टि नहीं हो सकी",
    body: "इस कोड पर रजिस्ट्री के मान्य हस्ताक्षर हैं, पर अभी रजिस्ट्री से संपर्क नहीं हो सका, इसलिए यह पुष्टि नहीं हो पाई कि प्रमाणपत्र अब भी मान्य है। कृपया कुछ मिनट बाद फिर से प्रयास करें।",
  },
} satisfies Messages;
