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
      signedNotIssued: "お使いのブラウザ上で、コードのデジタル署名を確認しました。この登録機関が公開している鍵で作成された署名です。ただし、登録機関はこの証明書を発行していないため、署名があるだけでは商品が本物とはいえません。",
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

  // Scans, copied tags and the first buyer's claim (issue 12): translated, then read again as a
  // fluent reader would by the scans branch; a native reviewer's pass is still due.
  scans: {
    first: "この証明書が確認されるのは今回が初めてです。",
    once: "これまでに1回、{date}に確認されています。",
    many: "{date}以降、これまでに{count}回確認されています。",
  },

  copy: {
    title: "タグが複製されている可能性があります",
    lead: "この証明書は実際に発行されたものですが、確認の記録がひとつの商品によるものとは考えられません。タグの複製が使われている可能性があります。",
    rule: {
      "impossible-travel": "{date}、1時間もたたないうちに異なる国から確認されることが何度もありました。ひとつの商品がそれほど速く移動することはできません。",
      burst: "{date}に{count}回確認されました。ひとつの商品ではありえない回数です。",
      "elsewhere-after-claim": "最初の購入者が登録した後、ほかの複数の国から確認されています。ひとつの商品がそのすべての場所にあることはありえません。",
    },
    check: "お手元の商品をこのページと見比べてください。説明、職人の写真、販売店を確認し、ひとつでも違う点があれば、本物のタグの複製が付けられている可能性があります。",
    report: "お知らせください（下記参照）。",
  },

  claim: {
    heading: "最初の購入者",
    claimedOn: "{date}に最初の購入者が登録しました。",
    claimedAdvice: "新品として購入したばかりの場合は、すでに登録されている理由を販売店にお尋ねください。",
    lead: "この商品に登録カードが付いていましたか。カードのコードを入力すると、最初の購入者の手元にあることが記録されます。お名前や連絡先は不要です。",
    label: "登録コード",
    hint: "カードに印刷された10文字の英数字です。",
    button: "登録する",
    done: "ありがとうございます。この商品は最初の購入者が登録したものとして記録されました。今後この商品を確認する人には、この日付が表示されます。",
    wrong: "コードが正しくありません。この1時間に試せる残りの回数：{count}回",
    malformed: "登録コードではありません。登録コードは10文字の英数字で、0、1、I、Oは含まれません。",
    limited: "この商品への入力回数が多すぎます。{minutes}分後にもう一度お試しください。",
    already: "この商品はすでに{date}に登録されています。登録コードは1回しか使えません。",
    expired: "このフォームは有効期限が切れています。変更は行われていません。ページを再読み込みして、もう一度お試しください。",
    noCode: "この商品には登録コードがありません。",
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
