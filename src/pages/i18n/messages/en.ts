// English: the reference catalog. Every other catalog has exactly these keys, with the same
// placeholders; the `console` section only in the console's languages (en, hi).
export const en = {
  common: {
    siteName: "Asli",
    tagline: "Certified handmade goods from Uttar Pradesh",
    language: "Language",
  },
  credential: {
    download: "Download as a verifiable credential",
    explain: "For wallets and verification software: this certificate as a W3C Verifiable Credential, signed by the registry.",
  },
  console: {
    title: "Asli console",
  },

  // The frame of every public page (src/pages/layout.ts).
  layout: {
    footer: "Asli certifies handmade goods from the One District One Product programme of Uttar Pradesh, India.",
  },

  // The verify page (src/pages/verify-page.ts): what a buyer reads after scanning a tag.
  verify: {
    // The verdict box at the top: one title and one lead sentence per outcome.
    status: {
      genuine: { title: "Genuine", lead: "This item is certified as made by a registered artisan." },
      // A person typed the number printed on the tag instead of scanning its QR code.
      genuineBySerial: { title: "Certificate found", lead: "The registry has this certificate on record, and it is valid." },
      revoked: { title: "Certificate withdrawn", lead: "This certificate was withdrawn on {date}. It no longer confirms that this item is genuine." },
      suspended: { title: "Not confirmed for now", lead: "The registry has suspended this artisan. For now, their certificates do not confirm that their items are genuine." },
      // The signature checks out, but the registry's database could not be reached.
      unconfirmed: {
        title: "Could not be confirmed",
        lead: "The code's signature is genuine, but we could not reach the registry to check that the certificate is still valid. Please try again in a few minutes.",
      },
      invalid: { title: "Not a valid certificate", lead: "This code does not show that the item is genuine." },
      notFoundBySerial: { title: "No certificate with this number", lead: "The registry holds no certificate numbered {serial}." },
    },
    // Why a certificate was withdrawn, in the words a buyer needs.
    revocationReason: {
      lost: "The item was reported lost.",
      stolen: "The item was reported stolen.",
      misissued: "The certificate was issued by mistake.",
      "item-destroyed": "The item was reported destroyed.",
      superseded: "A new certificate has replaced this one.",
      other: "The registry withdrew it.",
    },
    // Why a code is not a valid certificate.
    invalidReason: {
      malformed: "This is not the code of an Asli certificate.",
      "unsupported-version": "This certificate is in a format that this service does not know.",
      "unknown-key": "The code was not signed by this registry.",
      "bad-signature": "The code has been altered or forged: its digital signature does not match.",
      "not-registered": "The code carries a valid signature, but the registry never issued this certificate.",
      "key-compromised": "The code was signed with a key that was reported stolen on {date}, so it cannot be trusted.",
    },
    invalidAdvice: "If you bought this item as certified, ask the seller for the original tag.",
    notFoundAdvice: "Check the number on the tag and type it again. It has 13 characters and is printed under the QR code.",
    revokedAdvice: "The details below are what the certificate said when it was issued.",
    bySerial:
      "You looked this certificate up by its number. This shows what the registry has on record for that number. It does not show that the tag in your hand is the original. To check the tag's signature, scan its QR code.",
    tryAgain: "Try again",
    headings: {
      item: "The item",
      maker: "Made by",
      place: "Where it comes from",
      proof: "How this was checked",
      help: "Does something look wrong?",
    },
    fields: {
      materials: "Materials",
      madeOn: "Made on",
      issuedOn: "Date of issue",
      certificate: "Certificate number",
      district: "District",
      // ODOP: One District One Product, Uttar Pradesh's programme for each district's traditional product.
      product: "ODOP product",
      craft: "Craft",
      // GI: Geographical Indication, a legally protected name for goods from one place.
      giTag: "GI tag",
      giApplication: "GI application number",
      giUser: "Authorised user number",
      office: "Registry office",
    },
    soldThrough: "Sold through {seller}",
    photoAlt: "Photo of {name}",
    districtInState: "{district}, Uttar Pradesh",
    odopNote: "The traditional product of this district under Uttar Pradesh's One District One Product programme.",
    giMeaning: "A GI tag is a legally protected name for goods from one place: only registered producers there may use it.",
    giWithdrawn:
      "The artisan's right to use the GI tag “{gi}” was withdrawn on {date}, so this item's GI claim is no longer confirmed. The rest of the certificate is still valid.",
    // The district office of the state's industries department; the registry keeps each district's artisans there.
    officeName: "District Industries Centre, {district}",
    officeNote: "The office that keeps the register of artisans in {district}. You can send questions and reports about this certificate to this office.",
    // The buyer's own browser checks the signature (src/pages/assets/verify-script.ts shows one of these).
    check: {
      running: "Your browser is checking the certificate's digital signature itself…",
      pass: "Your browser has checked the digital signature itself. It was made with a key that this registry publishes, and it covers the number, date, artisan, district, product and GI shown here.",
      // Shown instead of `pass` when the verdict is not "genuine": never a tick there.
      passNotGenuine: "Your browser has confirmed that this registry signed the code. A signature alone does not make the item genuine: see the notice at the top.",
      fail: "Your browser's own check failed: the code's signature does not match the registry's published keys, or this page does not show what was signed.",
      unsupported: "Your browser cannot check this kind of signature itself. The result above comes from the registry.",
      error: "Your browser could not fetch the registry's published keys, so it could not check the signature itself.",
      noscript: "With scripts turned on, your browser also checks the certificate's digital signature itself.",
      details: "Technical details",
      key: "Signing key",
    },
    help: {
      body: "If the item does not match this page (another craft, maker or place), it may carry a copy of a genuine tag. Keep the item and the receipt. Contact the District Industries Centre, {district}, and give them the certificate number {serial}.",
      generic: "Ask the seller for the original tag. You can also tell the District Industries Centre of the district the item is said to come from.",
    },
  },

  // The home page (src/pages/home-page.ts).
  home: {
    title: "Check that a handmade item is genuine",
    intro: "An Asli certificate ties a handmade item from Uttar Pradesh to the registered artisan who made it, their district and the item's GI tag. Every tag carries a QR code signed by the registry.",
    scanHeading: "Scan the QR code",
    scanBody: "Point your phone's camera at the QR code on the tag and open the link. The page tells you at once whether the certificate is genuine.",
    typeHeading: "Or type the number",
    serialLabel: "Certificate number",
    serialHint: "13 letters and digits, printed under the QR code. Spaces and dashes do not matter.",
    check: "Check",
    serialInvalid: "This is not a certificate number. A certificate number has 13 characters: the letters A to Z and the digits 2 to 7.",
    odopHeading: "What ODOP means",
    odopBody:
      "One District One Product (ODOP) is a programme of the Government of Uttar Pradesh for the traditional product of each of its 75 districts, such as Banarasi silk from Varanasi, carpets from Bhadohi and chikankari embroidery from Lucknow.",
    giHeading: "What a GI tag means",
    giBody:
      "A Geographical Indication (GI) is a name protected by law for goods whose qualities come from their place of origin. Only registered producers from that place may sell goods under it.",
    reportHeading: "If you suspect a fake",
    reportBody:
      "If a tag does not pass the check, or the item does not match what the page shows, ask the seller for the original tag. Keep the item and the receipt, and tell the District Industries Centre of the district the item is said to come from.",
  },

  // Pages for a browser when something is not there or goes wrong (src/pages/error-page.ts).
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "There is no page at this address. If you typed it from a tag, check it, or type the certificate number instead.",
    serverTitle: "Something went wrong",
    serverBody: "The fault is on our side, not with your item. Please try again in a few minutes.",
    home: "Go to the home page",
  },
};
