import type { PublicMessages } from "../catalog.js";

export const zh = {
  common: {
    siteName: "Asli",
    tagline: "北方邦认证手工制品",
    language: "语言",
  },
  unconfirmed: {
    title: "暂时无法确认",
    body: "此代码带有登记机构的有效签名，但目前无法连接登记机构，无法确认该证书是否仍然有效。请几分钟后再试。",
  },
} satisfies PublicMessages;
