import type { PublicMessages } from "../catalog.js";

export const zh = {
  common: {
    siteName: "Asli",
    tagline: "北方邦认证手工制品",
    language: "语言",
  },
  credential: {
    download: "下载为可验证凭证",
    explain: "供数字钱包和验证软件使用：本证书的 W3C 可验证凭证版本，由登记机构签名。",
  },
} satisfies PublicMessages;
