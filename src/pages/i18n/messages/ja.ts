import type { PublicMessages } from "../catalog.js";

// Japanese (です・ます). ODOP: 「一県一品（ODOP）」 (One District One Product), Uttar Pradesh's
// programme for each district's traditional product. GI: 地理的表示, the term of Japan's own
// GI law. An Indian district is 県 and a state 州, as Japanese references write them. The item
// is 商品, the artisan 職人, the registry 登録機関. No space between Japanese and Latin letters
// or digits (QRコード, Asliは), except around a serial number, which stays easy to pick out.
export const ja = {
  common: {
    siteName: "Asli",
    tagline: "ウッタル・プラデーシュ州の認証済み手工芸品",
    language: "言語",
  },
  credential: {
    download: "検証可能な資格情報としてダウンロード",
    explain: "ウォレットや検証ソフトウェアで扱える、この証明書のW3C検証可能な資格情報（Verifiable Credential）版です。登録機関が署名しています。",
  },

  layout: {
    footer: "Asliは、インド・ウッタル・プラデーシュ州の「一県一品（ODOP）」プログラムの対象となる手工芸品を認証しています。",
  },

  verify: {
    status: {
      genuine: { title: "本物です", lead: "この商品は、登録職人が製作したものとして認証されています。" },
      genuineBySerial: { title: "証明書が見つかりました", lead: "この証明書は登録簿に記録されており、登録機関がその内容を保証しています。" },
      revoked: { title: "証明書は取り消されました", lead: "この証明書は{date}に取り消されたため、この商品を保証するものではなくなりました。" },
      suspended: { title: "現在は保証されていません", lead: "登録機関はこの職人の登録を停止しています。停止中は、この職人の証明書で商品の真正性は保証されません。" },
      unconfirmed: {
        title: "確認できませんでした",
        lead: "コードの電子署名は正規のものですが、登録機関に接続できず、証明書が現在も有効かどうかを確認できませんでした。数分後にもう一度お試しください。",
      },
      invalid: { title: "有効な証明書ではありません", lead: "このコードでは、この商品が本物であることを確認できません。" },
      notFoundBySerial: { title: "この番号の証明書はありません", lead: "番号 {serial} の証明書は登録簿にありません。" },
    },
    revocationReason: {
      lost: "商品の紛失が報告されています。",
      stolen: "商品の盗難が報告されています。",
      misissued: "この証明書は誤って発行されたものです。",
      "item-destroyed": "商品は破損などにより現存しないと報告されています。",
      superseded: "この証明書に代わる新しい証明書が発行されています。",
      other: "登録機関の判断により取り消されました。",
    },
    invalidReason: {
      malformed: "これはAsliの証明書のコードではありません。",
      "unsupported-version": "この証明書は、本サービスが対応していない形式です。",
      "unknown-key": "登録機関が署名したコードではありません。",
      "bad-signature": "改ざんまたは偽造されたコードです。電子署名が一致しません。",
      "not-registered": "署名は有効ですが、登録機関はこの証明書を発行していません。",
      "key-compromised": "{date}に盗難が報告された鍵で署名されているため、信頼できません。",
    },
    invalidAdvice: "認証品として購入された場合は、販売店に正規のタグをお求めください。",
    notFoundAdvice: "タグの番号をご確認のうえ、もう一度入力してください。番号は13文字で、QRコードの下に印刷されています。",
    revokedAdvice: "以下は、発行時に証明書に記載されていた内容です。",
    bySerial:
      "番号で照会した結果です。この番号で登録簿に記録されている内容はわかりますが、お手元のタグが複製ではなく正規のものであることまでは確認できません。署名を確認するには、タグのQRコードを読み取ってください。",
    tryAgain: "もう一度確認する",
    headings: {
      item: "商品",
      maker: "作り手",
      place: "産地",
      proof: "確認の方法",
      help: "不審な点がありますか？",
    },
    fields: {
      materials: "素材",
      madeOn: "製作日",
      issuedOn: "発行日",
      certificate: "証明書番号",
      district: "県",
      product: "ODOP産品",
      craft: "工芸",
      giTag: "地理的表示（GI）",
      giApplication: "GI出願番号",
      giUser: "認定使用者番号",
      office: "登録事務所",
    },
    soldThrough: "販売元：{seller}",
    photoAlt: "{name}の写真",
    districtInState: "{district}県（ウッタル・プラデーシュ州）",
    odopNote: "ウッタル・プラデーシュ州の「一県一品（ODOP）」プログラムにおける、この県の伝統産品です。",
    giMeaning: "地理的表示（GI）は、特定の産地の産品であることを示す、法律で保護された名称です。その産地の登録生産者だけが使用できます。",
    giWithdrawn:
      "この職人が地理的表示「{gi}」を使用する権利は{date}に取り消されました。そのため、この商品の地理的表示は現在確認できません。証明書のその他の内容は引き続き有効です。",
    officeName: "{district}県産業センター",
    officeNote: "{district}県の職人の登録簿を管理している事務所です。この証明書に関するお問い合わせや通報は、こちらで受け付けています。",
    check: {
      running: "お使いのブラウザ上で、証明書の電子署名を確認しています…",
      pass: "お使いのブラウザ上で電子署名を確認しました。この署名は登録機関が公開している鍵で作成されたもので、ここに表示されている番号・日付・職人・県・産品・地理的表示を対象としています。",
      passNotGenuine: "お使いのブラウザ上で、このコードが登録機関によって署名されたことを確認しました。ただし、署名があるだけでは商品が本物とはいえません。ページ上部のお知らせをご覧ください。",
      fail: "ブラウザ上での確認に失敗しました。コードの署名が登録機関の公開鍵と一致しないか、署名された内容がこのページに正しく表示されていません。",
      unsupported: "お使いのブラウザは、この種類の署名の確認に対応していません。上の判定は登録機関によるものです。",
      error: "登録機関の公開鍵を取得できなかったため、お使いのブラウザ上で署名を確認できませんでした。",
      noscript: "JavaScriptを有効にすると、お使いのブラウザ上でも証明書の電子署名を確認できます。",
      details: "技術情報",
      key: "署名鍵",
    },
    help: {
      body: "商品がこのページの内容と一致しない場合（工芸の種類、作り手、産地が異なるなど）、本物のタグをコピーしたものが付けられている可能性があります。商品と領収書を保管のうえ、証明書番号 {serial} をお伝えいただき、{district}県産業センターにご連絡ください。",
      generic: "販売店に正規のタグをお求めください。商品の産地とされる県の県産業センターにお知らせいただくこともできます。",
    },
  },

  shipment: {
    status: {
      genuine: { title: "本物の出荷", lead: "{date}に出荷が封印された際、登録機関がこの{count}点の品目リストに署名しました。すべての品目の証明書は現在も有効です。" },
      notAllGenuine: { title: "一部の品目が確認できません", lead: "登録機関は{date}にこの{count}点の品目リストに署名しました。その後、{bad}点は品物が本物であることを示さなくなりました。下のリストをご覧ください。" },
      cancelled: { title: "出荷は取り消されました", lead: "この出荷は{date}に取り消されました。そのリストはもう商品を保証しません。" },
    },
    fields: { shipment: "出荷番号", exporter: "輸出者", destination: "仕向地", reference: "輸出者の参照番号", sealedOn: "封印日", items: "品目数", cancelReason: "示された理由", key: "署名鍵" },
    headings: { items: "この出荷の品目", proof: "このリストをご自身で確認する" },
    columns: { number: "番号", item: "品目", maker: "作り手", place: "県", gi: "GI", verdict: "現在" },
    itemStatus: { genuine: "本物", revoked: "取り消し済み", suspended: "現在確認できません", invalid: "無効", unconfirmed: "確認できませんでした" },
    proof: "登録機関は証明書と同じ鍵でこのリストに署名しており、各品目の証明書はそれぞれのページで確認できます。署名付きリストをダウンロードし、無料のAsli検証ツールでネットワークなしに確認することもできます：{command}",
    download: "署名付きリストをダウンロード",
    check: { running: "お使いのブラウザが、このリストへの登録機関の署名を自ら確認しています…", pass: "お使いのブラウザが署名を自ら確認しました。登録機関は、公開している鍵で、まさにこの品目リストに署名しています。", fail: "ブラウザ自身の確認に失敗しました。署名付きリストが登録機関の公開鍵と一致しないか、このページが署名された内容を表示していません。", unsupported: "お使いのブラウザはこの種類の署名を自ら確認できません。上の結果は登録機関によるものです。", error: "署名付きリストまたは登録機関の公開鍵を取得できなかったため、ブラウザは署名を自ら確認できませんでした。", noscript: "スクリプトを有効にすると、ブラウザもこのリストへの登録機関の署名を自ら確認します。" },
    document: { title: "原産証明書", consignee: "荷受人", statement: "ウッタル・プラデーシュ州「一県一品」プログラムの登録機関 Asli は、輸出者がこの出荷を封印した際、下記品目のリストに Ed25519 鍵で署名しました。各品目の証明書は認証時に署名され、封印時にすべての品目が本物と確認されました。確認方法：出荷の QR コードを読み取ると各品目の現在の状態がわかります。そのページから署名付きリストをダウンロードし、npx asli-verify でオフライン確認もできます。各品目はその QR コードで確認できます。", page: "{page} / {pages} ページ" },
  },
  home: {
    title: "手工芸品が本物か確かめる",
    intro: "Asliの証明書は、ウッタル・プラデーシュ州の手工芸品を、それを作った登録職人とその県、そして商品の地理的表示（GI）とひも付けるものです。すべてのタグには、登録機関が署名したQRコードが付いています。",
    scanHeading: "QRコードを読み取る",
    scanBody: "スマートフォンのカメラをタグのQRコードに向け、表示されたリンクを開いてください。証明書が本物かどうかが、すぐにわかります。",
    typeHeading: "または番号を入力",
    serialLabel: "証明書番号",
    serialHint: "QRコードの下に印刷された13文字の英数字です。スペースやハイフンはあってもなくてもかまいません。",
    check: "確認する",
    serialInvalid: "入力された文字は証明書番号の形式ではありません。番号は13文字で、A〜Zの英字と2〜7の数字でできています。",
    odopHeading: "ODOPとは",
    odopBody:
      "「一県一品（One District One Product、ODOP）」は、ウッタル・プラデーシュ州政府が州内75県それぞれの伝統産品を振興するプログラムです。バラナシのバナーラシー・シルク、バドヒの絨毯、ラクナウのチカンカリ刺繍などがその例です。",
    giHeading: "地理的表示（GI）とは",
    giBody:
      "地理的表示（GI）は、品質などの特性が産地に由来する産品について、法律で保護された名称です。その名称で販売できるのは、その産地の登録生産者だけです。",
    reportHeading: "偽物の疑いがあるとき",
    reportBody:
      "タグの確認で問題が見つかった場合や、商品がページの表示と一致しない場合は、販売店に正規のタグをお求めください。商品と領収書を保管のうえ、商品の産地とされる県の県産業センターにお知らせください。",
  },

  errors: {
    notFoundTitle: "ページが見つかりません",
    notFoundBody: "このアドレスのページは見つかりませんでした。タグを見てアドレスを入力された場合は、入力内容をご確認いただくか、証明書番号を入力してください。",
    serverTitle: "問題が発生しました",
    serverBody: "原因は当方のシステムにあり、お手元の商品に問題があるわけではありません。数分後にもう一度お試しください。",
    home: "トップページへ",
  },
} satisfies PublicMessages;
