import type { PublicMessages } from "../catalog.js";

export const ja = {
  common: {
    siteName: "Asli",
    tagline: "ウッタル・プラデーシュ州の認証済み手工芸品",
    language: "言語",
  },
  credential: {
    download: "検証可能な資格情報としてダウンロード",
    explain: "ウォレットや検証ソフトウェア向け：登録機関が署名した W3C 検証可能な資格情報（Verifiable Credential）としてのこの証明書。",
  },
} satisfies PublicMessages;
