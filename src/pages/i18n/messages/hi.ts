import type { Messages } from "../catalog.js";

export const hi = {
  common: {
    siteName: "असली",
    tagline: "उत्तर प्रदेश के प्रमाणित हस्तनिर्मित उत्पाद",
    language: "भाषा",
  },
  credential: {
    download: "सत्यापन-योग्य क्रेडेंशियल के रूप में डाउनलोड करें",
    explain: "वॉलेट और सत्यापन सॉफ़्टवेयर के लिए: यह प्रमाणपत्र W3C सत्यापन-योग्य क्रेडेंशियल के रूप में, रजिस्ट्री द्वारा हस्ताक्षरित।",
  },
  console: {
    title: "असली कंसोल",
  },
} satisfies Messages;
