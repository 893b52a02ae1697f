import type { PublicMessages } from "../catalog.js";

// Simplified Chinese. ODOP: “一区一品” (One District One Product), Uttar Pradesh's programme
// for each district's traditional product. GI: 地理标志, the term of China's own GI rules.
// An Indian district is 地区; the registry is 登记处.
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

  layout: {
    footer: "Asli 为印度北方邦“一区一品”计划的手工制品提供认证。",
  },

  verify: {
    status: {
      genuine: { title: "真品", lead: "经认证，这件物品由注册手工艺人制作。" },
      genuineBySerial: { title: "已找到证书", lead: "登记处存有这份证书，并为其担保。" },
      revoked: { title: "证书已撤销", lead: "这份证书已于{date}撤销，不再为这件物品担保。" },
      suspended: { title: "目前不予担保", lead: "登记处已暂停这位手工艺人的资格。目前，其证书不为其物品担保。" },
      unconfirmed: {
        title: "无法确认",
        lead: "该代码的数字签名是真实的，但我们无法连接登记处，无法确认证书是否仍然有效。请过几分钟再试。",
      },
      invalid: { title: "不是有效证书", lead: "这个代码无法证明这件物品是真品。" },
      notFoundBySerial: { title: "没有这个编号的证书", lead: "登记处没有编号为 {serial} 的证书。" },
    },
    revocationReason: {
      lost: "有人报告这件物品已遗失。",
      stolen: "有人报告这件物品已被盗。",
      misissued: "这份证书是误发的。",
      "item-destroyed": "有人报告这件物品已损毁。",
      superseded: "已有新证书取代这份证书。",
      other: "登记处已将其撤销。",
    },
    invalidReason: {
      malformed: "这不是 Asli 证书的代码。",
      "unsupported-version": "这份证书的格式本服务无法识别。",
      "unknown-key": "这个代码不是本登记处签名的。",
      "bad-signature": "代码已被篡改或伪造：其数字签名不符。",
      "not-registered": "代码带有有效签名，但登记处从未签发过这份证书。",
      "key-compromised": "这个代码所用的签名密钥已于{date}被报告失窃，因此不可信。",
    },
    invalidAdvice: "如果您是把这件物品当作认证品购买的，请向卖家索要原始标签。",
    notFoundAdvice: "请核对标签上的编号并重新输入。编号共13个字符，印在二维码下方。",
    revokedAdvice: "以下是证书签发时记载的信息。",
    bySerial:
      "您是按编号查到这份证书的。这只能说明登记处在这个编号下记录了什么，不能证明您手中的标签是原件：请扫描标签上的二维码来核验其签名。",
    tryAgain: "重试",
    headings: {
      item: "物品",
      maker: "制作者",
      place: "产地",
      proof: "如何核验",
      help: "发现问题？",
    },
    fields: {
      materials: "材料",
      madeOn: "制作日期",
      issuedOn: "签发日期",
      certificate: "证书编号",
      district: "地区",
      product: "ODOP 产品",
      craft: "工艺",
      giTag: "地理标志（GI）",
      giApplication: "地理标志申请号",
      giUser: "授权使用者编号",
      office: "登记办事处",
    },
    soldThrough: "经由 {seller} 销售",
    photoAlt: "{name} 的照片",
    districtInState: "北方邦 {district}",
    odopNote: "这是该地区在北方邦“一区一品”计划中的传统产品。",
    giMeaning: "地理标志（GI）是受法律保护的产地名称，只有当地的注册生产者才能使用。",
    giWithdrawn: "这位手工艺人使用地理标志“{gi}”的权利已于{date}被撤销，因此这件物品的地理标志不再得到确认。证书的其余内容仍然有效。",
    officeName: "{district} 地区工业中心",
    officeNote: "负责保管 {district} 手工艺人登记册的办事处。有关这份证书的咨询和举报都由这里处理。",
    check: {
      running: "您的浏览器正在自行核验证书的数字签名…",
      pass: "您的浏览器已自行核验数字签名：它由本登记处公布的密钥生成，涵盖此处显示的编号、日期、手工艺人、地区、产品和地理标志。",
      passNotGenuine: "您的浏览器已确认这个代码由本登记处签名。但仅凭签名并不能说明物品是真品：请看页面顶部的提示。",
      fail: "浏览器自行核验失败：代码的签名与登记处公布的密钥不符，或者本页显示的并不是被签名的内容。",
      unsupported: "您的浏览器无法自行核验这类签名。上方的结论来自登记处。",
      error: "您的浏览器无法获取登记处公布的密钥，因此无法自行核验签名。",
      noscript: "启用脚本后，您的浏览器还会自行核验证书的数字签名。",
      details: "技术细节",
      key: "签名密钥",
    },
    help: {
      body: "如果物品与本页内容不符（工艺、制作者或产地不同），它可能挂着一张真标签的复制品。请保留物品和收据，并联系 {district} 地区工业中心，告知证书编号 {serial}。",
      generic: "请向卖家索要原始标签。您也可以告知物品所称产地的地区工业中心。",
    },
  },

  home: {
    title: "核验手工制品是否为真品",
    intro: "Asli 证书把一件来自北方邦的手工制品，与制作它的注册手工艺人、其所在地区以及该物品的地理标志联系起来。每张标签上都有一个由登记处签名的二维码。",
    scanHeading: "扫描二维码",
    scanBody: "用手机相机对准标签上的二维码，然后打开链接。页面会立即告诉您证书是否为真。",
    typeHeading: "或输入编号",
    serialLabel: "证书编号",
    serialHint: "印在二维码下方的13位字母和数字。空格和连字符无关紧要。",
    check: "核验",
    serialInvalid: "这不是证书编号。编号共13个字符，由字母 A 到 Z 和数字 2 到 7 组成。",
    odopHeading: "ODOP 是什么",
    odopBody:
      "“一区一品”（One District One Product，ODOP）是北方邦政府推广全邦75个地区各自传统产品的计划，例如瓦拉纳西的贝拿勒斯丝绸、巴多希的地毯和勒克瑙的奇坎卡里刺绣。",
    giHeading: "地理标志（GI）是什么",
    giBody: "地理标志（GI）是受法律保护的名称，用于品质源自其产地的产品。只有该地的注册生产者才能以这个名称销售产品。",
    reportHeading: "如果怀疑是假货",
    reportBody:
      "如果标签未通过核验，或物品与页面显示的内容不符，请向卖家索要原始标签。请保留物品和收据，并告知物品所称产地的地区工业中心。",
  },

  errors: {
    notFoundTitle: "找不到页面",
    notFoundBody: "这个地址没有页面。如果您是照着标签输入的，请检查一下，或改为输入证书编号。",
    serverTitle: "出了点问题",
    serverBody: "问题出在我们这边，与您的物品无关。请过几分钟再试。",
    home: "返回首页",
  },
} satisfies PublicMessages;
