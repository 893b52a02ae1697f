import type { PublicMessages } from "../catalog.js";

// Simplified Chinese. ODOP: “一区一品” (One District One Product), Uttar Pradesh's programme
// for each district's traditional product. GI: 地理标志, the term of China's own GI rules.
// An Indian district is 地区; the registry is 登记处; the artisan is 手工艺人 (never 工匠); the
// item is 商品; the scanned code is 二维码; a check is 验证. No space between Chinese and
// Latin letters or digits (Asli为, 北方邦{district}), except around a serial number.
export const zh = {
  common: {
    siteName: "Asli",
    tagline: "北方邦认证手工艺品",
    language: "语言",
  },
  credential: {
    download: "以可验证凭证格式下载",
    explain: "供数字钱包和验证软件使用：本证书的W3C可验证凭证（Verifiable Credential）版本，由登记处签名。",
  },

  layout: {
    footer: "Asli为印度北方邦“一区一品”计划中的手工艺品提供认证。",
  },

  verify: {
    status: {
      genuine: { title: "真品", lead: "经认证，这件商品由注册手工艺人制作。" },
      genuineBySerial: { title: "已找到证书", lead: "登记处存有这份证书的记录，并为其内容担保。" },
      revoked: { title: "证书已撤销", lead: "这份证书已于{date}被撤销，不再为这件商品提供担保。" },
      suspended: { title: "目前不予担保", lead: "登记处已暂停这位手工艺人的资格。暂停期间，其证书不为其商品提供担保。" },
      unconfirmed: {
        title: "无法确认",
        lead: "该二维码的数字签名是真实的，但我们暂时无法连接登记处，无法确认证书是否仍然有效。请几分钟后再试。",
      },
      invalid: { title: "不是有效的证书", lead: "这个二维码无法证明这件商品是真品。" },
      notFoundBySerial: { title: "未找到该编号的证书", lead: "登记处没有编号为 {serial} 的证书。" },
    },
    revocationReason: {
      lost: "该商品已被报告遗失。",
      stolen: "该商品已被报告失窃。",
      misissued: "这份证书是误发的。",
      "item-destroyed": "该商品已被报告损毁。",
      superseded: "这份证书已被新证书取代。",
      other: "由登记处决定撤销。",
    },
    invalidReason: {
      malformed: "这不是Asli证书的二维码。",
      "unsupported-version": "本服务无法识别这份证书的格式。",
      "unknown-key": "该二维码并非由本登记处签名。",
      "bad-signature": "该二维码已被篡改或伪造：数字签名不匹配。",
      "not-registered": "该二维码的签名有效，但登记处从未签发过这份证书。",
      "key-compromised": "该二维码所用的签名密钥已于{date}被报告失窃，因此不可信。",
    },
    invalidAdvice: "如果您购买时被告知这是认证商品，请向卖家索要原始标签。",
    notFoundAdvice: "请核对标签上的编号后重新输入。编号共13个字符，印在二维码下方。",
    revokedAdvice: "以下是证书签发时记载的信息。",
    bySerial:
      "您是通过编号查到这份证书的。这只能显示登记处对该编号的记录，不能证明您手中的标签就是原始标签。请扫描标签上的二维码来验证签名。",
    tryAgain: "重试",
    headings: {
      item: "商品",
      maker: "制作者",
      place: "产地",
      proof: "验证方式",
      help: "发现异常？",
    },
    fields: {
      materials: "材质",
      madeOn: "制作日期",
      issuedOn: "签发日期",
      certificate: "证书编号",
      district: "地区",
      product: "ODOP产品",
      craft: "工艺",
      giTag: "地理标志（GI）",
      giApplication: "地理标志申请号",
      giUser: "授权使用者编号",
      office: "登记办事处",
    },
    soldThrough: "由{seller}销售",
    photoAlt: "{name}的照片",
    districtInState: "北方邦{district}",
    odopNote: "这是北方邦“一区一品”（ODOP）计划为该地区确定的传统产品。",
    giMeaning: "地理标志（GI）是受法律保护的产地名称，只有当地的注册生产者才能使用。",
    giWithdrawn: "这位手工艺人使用地理标志“{gi}”的权利已于{date}被撤销，因此无法再确认这件商品的地理标志。证书的其余内容仍然有效。",
    officeName: "{district}地区工业中心",
    officeNote: "这是负责保管{district}地区手工艺人登记册的办事处。有关这份证书的咨询和举报，均由该办事处受理。",
    check: {
      running: "您的浏览器正在自行验证证书的数字签名……",
      pass: "您的浏览器已自行验证数字签名：签名由本登记处公布的密钥生成，涵盖此处显示的编号、日期、手工艺人、地区、产品和地理标志。",
      passNotGenuine: "您的浏览器已确认该二维码由本登记处签名。但仅凭签名并不能说明商品是真品，请查看页面顶部的提示。",
      fail: "浏览器自行验证失败：二维码的签名与登记处公布的密钥不符，或本页显示的并非签名所涵盖的内容。",
      signedNotIssued: "您的浏览器已自行验证该二维码的数字签名：它由本登记处公布的密钥生成。但登记处从未签发过这份证书，因此仅凭签名并不能说明商品是真品。",
      unsupported: "您的浏览器无法自行验证此类签名。上方的结论由登记处作出。",
      error: "您的浏览器无法获取登记处公布的密钥，因此无法自行验证签名。",
      noscript: "启用JavaScript后，您的浏览器还会自行验证证书的数字签名。",
      details: "技术细节",
      key: "签名密钥",
    },
    help: {
      body: "如果商品与本页内容不符（工艺、制作者或产地不同），其标签可能是仿照真品标签复制的。请保留商品和收据，并联系{district}地区工业中心，告知证书编号 {serial}。",
      generic: "请向卖家索要原始标签。您也可以向商品所称产地的地区工业中心反映情况。",
    },
  },

  shipment: {
    status: {
      genuine: { title: "真实的货运", lead: "货运于{date}封存时，登记机构为这{count}件物品的清单签了名。每件物品的证书目前都有效。" },
      notAllGenuine: { title: "并非每件物品都已确认", lead: "登记机构于{date}为这{count}件物品的清单签了名。此后，其中{bad}件已不再证明物品是真品：请看下方清单。" },
      cancelled: { title: "货运已取消", lead: "此货运已于{date}取消。其清单不再为货物担保。" },
    },
    fields: { shipment: "货运编号", exporter: "出口商", destination: "目的地", reference: "出口商参考号", sealedOn: "封存日期", items: "物品", cancelReason: "所述原因", key: "签名密钥" },
    headings: { items: "此货运中的物品", proof: "自己核对这份清单" },
    columns: { number: "序号", item: "物品", maker: "制作者", place: "县区", gi: "地理标志", verdict: "今日" },
    itemStatus: { genuine: "真品", revoked: "已撤销", suspended: "暂未确认", "suspected-copy": "标签疑似被复制", invalid: "无效", unconfirmed: "无法确认" },
    proof: "登记机构用与其证书相同的密钥为这份清单签名，每件物品的证书都可在其页面上核对。您也可以下载已签名的清单，用免费的 Asli 验证工具离线核对：{command}",
    download: "下载已签名的清单",
    check: { running: "您的浏览器正在亲自核对登记机构对这份清单的签名…", pass: "您的浏览器已亲自核对签名：登记机构用其公布的密钥，为正是这份物品清单签了名。", fail: "您的浏览器自行核对失败：已签名的清单与登记机构公布的密钥不符，或本页显示的并非所签内容。", unsupported: "您的浏览器无法亲自核对此类签名。上方结果来自登记机构。", error: "您的浏览器无法获取已签名的清单或登记机构公布的密钥，因此无法亲自核对签名。", noscript: "开启脚本后，您的浏览器也会亲自核对登记机构对这份清单的签名。" },
    document: { title: "原产地证明", consignee: "收货人", statement: "北方邦“一县一品”计划的登记机构 Asli 在出口商封存此货运时，用其 Ed25519 密钥为下列物品清单签了名。每件物品的证书在认证时签名，封存时每件物品均为真品。核对方法：扫描货运的二维码查看每件物品今日的状态，或在该页面下载已签名的清单，用 npx asli-verify 离线核对；扫描物品的二维码可核对该物品。", page: "第 {page} 页，共 {pages} 页" },
  },
  // Scans, copied tags and the first buyer's claim (issue 12): translated, then read again as a
  // fluent reader would by the scans branch; a native reviewer's pass is still due.
  scans: {
    first: "这是该证书第一次被验证。",
    once: "此前已于{date}被验证过1次。",
    many: "自{date}以来，此前已被验证{count}次。",
  },

  copy: {
    title: "标签可能被复制",
    lead: "这份证书确实由登记处签发，但它的验证记录不可能全部来自同一件商品：其标签很可能已被复制使用。",
    rule: {
      "impossible-travel": "{date}，它多次在不到一小时内从不同国家被验证。同一件商品不可能移动得这么快。",
      burst: "{date}，它被验证了{count}次，远超任何一件商品的正常情况。",
      "elsewhere-after-claim": "在首位买家登记之后，它又从其他多个国家被验证。同一件商品不可能同时出现在这些地方。",
    },
    check: "请将您手中的商品与本页对照：商品描述、手工艺人的照片和卖家。如有任何不符，您商品上的标签可能是真品标签的复制品。",
    report: "请告诉我们：见下文。",
  },

  claim: {
    heading: "首位买家",
    claimedOn: "首位买家已于{date}登记。",
    claimedAdvice: "如果您刚刚购买的是全新商品，请询问卖家为何它已被登记。",
    lead: "这件商品是否附有登记卡？输入卡上的代码，即可记录商品已在首位买家手中。无需填写姓名或联系方式。",
    label: "登记代码",
    hint: "印在登记卡上的10位字母和数字。",
    button: "登记",
    done: "谢谢。这件商品现已记录为由首位买家登记：之后验证它的人都会看到这个日期。",
    wrong: "代码不正确。本小时内剩余尝试次数：{count}。",
    malformed: "这不是登记代码。登记代码由10位字母和数字组成，不含0、1、I或O。",
    limited: "这件商品的尝试次数过多。请在{minutes}分钟后重试。",
    already: "这件商品已于{date}被登记。登记代码只能使用一次。",
    expired: "此表单已过期。未做任何更改：请重新加载页面后再试。",
    noCode: "这件商品没有登记代码。",
  },

  home: {
    title: "验证手工艺品真伪",
    intro: "Asli证书将北方邦的每件手工艺品，与制作它的注册手工艺人及其所在地区，以及该商品的地理标志关联在一起。每张标签上都有一个由登记处签名的二维码。",
    scanHeading: "扫描二维码",
    scanBody: "用手机相机扫描标签上的二维码，然后打开链接。页面会立即显示证书是否真实有效。",
    typeHeading: "或输入编号",
    serialLabel: "证书编号",
    serialHint: "印在二维码下方，共13位字母和数字。有无空格或连字符均可。",
    check: "验证",
    serialInvalid: "这不是有效的证书编号。编号共13个字符，由字母A至Z和数字2至7组成。",
    odopHeading: "什么是ODOP",
    odopBody:
      "“一区一品”（One District One Product，ODOP）是北方邦政府为扶持全邦75个地区各自的传统产品而设立的计划，例如瓦拉纳西的贝拿勒斯丝绸、巴多希的地毯和勒克瑙的奇坎卡里刺绣。",
    giHeading: "什么是地理标志（GI）",
    giBody: "地理标志（GI）是受法律保护的名称，用于品质特征源自产地的产品。只有当地的注册生产者才能使用这一名称销售产品。",
    reportHeading: "如果怀疑是假货",
    reportBody:
      "如果标签未通过验证，或商品与页面显示的内容不符，请向卖家索要原始标签。请保留商品和收据，并向商品所称产地的地区工业中心反映情况。",
  },

  errors: {
    notFoundTitle: "页面不存在",
    notFoundBody: "该地址没有对应的页面。如果您是照着标签输入的网址，请检查一下，或改为输入证书编号。",
    serverTitle: "系统出现问题",
    serverBody: "问题出在我们这边，与您的商品无关。请几分钟后再试。",
    home: "返回首页",
  },
} satisfies PublicMessages;
