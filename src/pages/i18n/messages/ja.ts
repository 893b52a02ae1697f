import type { PublicMessages } from "../catalog.js";

export const ja = {
  common: {
    siteName: "Asli",
    tagline: "ウッタル・プラデーシュ州の認証済み手工芸品",
    language: "言語",
  },
  unconfirmed: {
    title: "現在確認できません",
    body: "このコードには登録機関の有効な署名がありますが、証明書が現在も有効であることを確認するために登録機関に接続できませんでした。数分後にもう一度お試しください。",
  },
} satisfies PublicMessages;
