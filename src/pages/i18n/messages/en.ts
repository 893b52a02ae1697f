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
  // The console's section: here only what the public documents print (an invitation's slip with
  // the person's role, a claim card, answered by the API); the rest is messages/en-console.ts, which the console
  // brings along (catalog.ts adds it to this catalog: English is still one catalog).
  console: {
    roleIn: {
      admin: "Registry administrator (all of Uttar Pradesh)",
      district: "District office staff, {district}",
      giBody: "GI body staff, {gi}",
      artisan: "Artisan: {artisan}",
      exporter: "Exporter",
    },
    slip: {
      heading: "Invitation to the Asli console",
      name: "Name",
      role: "Role",
      validUntil: "Valid once, until",
      step1: "1. Scan the QR code with your phone's camera, or type the link below into the browser.",
      step2: "2. Create your passkey: your phone asks for its screen lock (fingerprint, face or PIN).",
      step3: "3. Later, sign in at {console} with the same phone. Nothing to type.",
      keep: "Keep this slip private until you have used it: anyone with the link could use it in your place.",
    },
    // The first buyer's claim card (src/pages/console/claim-card.ts), printed apart from the tag.
    claimCard: {
      heading: "First buyer's claim card",
      certificate: "Certificate",
      code: "Claim code",
      step1: "1. Scan the QR code on the item's tag (or this one) with your phone's camera: its certificate opens.",
      step2: "2. Under “First buyer”, enter the claim code above and press Claim. No name or contact is asked for.",
      step3: "3. From then on, anyone who checks the certificate sees that its first buyer has claimed the item.",
      keep: "Give this card only to the buyer, with the item. The code works once.",
    },
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
        lead: "The code's signature is genuine, but we could not reach the registry to check that the certificate is still valid. This usually passes within a few minutes.",
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
    // In the verdict box of a genuine certificate whose GI claim was withdrawn; {section} is the heading "Where it comes from", as a link to it.
    giWithdrawnNote: "Its GI tag, “{gi}”, is no longer confirmed: see “{section}” below.",
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
      // A valid signature on a certificate the registry never issued (invalid, not-registered): no tick.
      signedNotIssued: "Your browser has checked the code's digital signature itself: it was made with a key that this registry publishes. But the registry never issued this certificate, so the signature alone does not show that the item is genuine.",
      unsupported: "Your browser cannot check this kind of signature itself. The result above comes from the registry.",
      error: "Your browser could not fetch the registry's published keys, so it could not check the signature itself.",
      noscript: "With scripts turned on, your browser also checks the certificate's digital signature itself.",
      details: "Technical details",
      // {kid} is the key id, filled in by the browser.
      key: "Signing key: {kid}",
    },
    help: {
      body: "If the item does not match this page (another craft, maker or place), it may carry a copy of a genuine tag. Keep the item and the receipt. Contact the District Industries Centre, {district}, and give them the certificate number {serial}.",
      // Under the invalid verdict, whose own advice already says to ask the seller for the original tag.
      generic: "Keep the item and the receipt. You can report the tag to the registry, which will look into where it came from.",
    },
  },

  // A shipment's public page (src/pages/shipment-page.ts): what a foreign buyer or customs officer reads after scanning a carton's QR.
  shipment: {
    status: {
      genuine: { title: "Genuine shipment", lead: "The registry signed the list of these {count} items when the shipment was sealed on {date}. Every item's certificate is valid today." },
      notAllGenuine: { title: "Some items are no longer confirmed", lead: "The registry signed the list of these {count} items on {date}. Since then, {bad} of them can no longer be confirmed as genuine: see the list below." },
      cancelled: { title: "Shipment cancelled", lead: "This shipment was cancelled on {date}. Its list no longer vouches that the goods are genuine." },
    },
    fields: {
      shipment: "Shipment number",
      exporter: "Exporter",
      destination: "Destination",
      reference: "Exporter's reference",
      sealedOn: "Sealed on",
      items: "Items",
      cancelReason: "Reason given",
      key: "Signing key",
    },
    headings: { items: "Items in this shipment", proof: "Check this list yourself" },
    columns: { number: "No.", item: "Item", maker: "Made by", place: "District", gi: "GI tag", verdict: "Today" },
    itemStatus: { genuine: "Genuine", revoked: "Withdrawn", suspended: "Not confirmed for now", "suspected-copy": "Possibly a copied tag", invalid: "Not valid", unconfirmed: "Could not be confirmed" },
    proof: "The registry signed this list with the same key as its certificates, and each item's certificate can be checked on its own page. You can also download the signed list and check it offline with the free Asli verifier: {command}",
    download: "Download the signed list",
    // The reader's browser checks the signed list itself (src/pages/assets/shipment-client.ts shows one of these).
    check: { running: "Your browser is checking the registry's signature on this list itself…", pass: "Your browser has checked the signature itself: the registry signed exactly this list of items, with a key it publishes.", fail: "Your browser's own check failed: the signed list does not match the registry's published keys, or this page does not show what was signed.", unsupported: "Your browser cannot check this kind of signature itself. The result above comes from the registry.", error: "Your browser could not fetch the signed list or the registry's published keys, so it could not check the signature itself.", noscript: "With scripts turned on, your browser also checks the registry's signature on this list itself." },
    // The provenance document (GET /api/v1/shipments/{id}/document.pdf), in English and the consignee's language.
    document: { title: "Certificate of provenance", consignee: "Consignee", statement: "Asli, the registry of Uttar Pradesh's One District One Product programme, signed the list of the items below with its Ed25519 key when the exporter sealed this shipment. Each item's certificate was signed when the item was certified, and every item was verified as genuine when the shipment was sealed. To check: scan the shipment's QR code to see each item's status today, or download the signed list from that page and check it offline with npx asli-verify; scan an item's QR code to check that item.", page: "Page {page} of {pages}" },
  },

  // How often a certificate has been checked, in the proof section of the verify page
  // (src/service/scans.ts). The check being read now is not counted yet.
  scans: {
    first: "This is the first time this certificate has been checked.",
    once: "Checked once before, on {date}.",
    many: "Checked {count} times before, since {date}.",
  },

  // A certificate whose checks cannot all come from one item (src/service/copy-rules.ts): the
  // certificate is real, but its tag has probably been copied onto other items.
  copy: {
    title: "Possibly a copied tag",
    lead: "This certificate was really issued, but it has been checked in a way that one item cannot explain: copies of its tag are probably in use.",
    // Why the registry thinks so, one sentence per rule.
    rule: {
      "impossible-travel": "On {date} it was checked several times from different countries, less than an hour apart. One item cannot travel that fast.",
      burst: "On {date} it was checked {count} times, far more often than any one item is.",
      "elsewhere-after-claim": "After its first buyer claimed it, it was checked from several other countries. One item cannot be in all of them.",
    },
    check: "Compare the item in your hand with this page: the description, the artisan's photo and the seller. If anything differs, your item may carry a copy of the genuine tag.",
    report: "Tell us about it: see below.",
  },

  // The first buyer's claim (src/service/claims.ts), on the verify page.
  claim: {
    heading: "First buyer",
    claimedOn: "Claimed by its first buyer on {date}.",
    claimedAdvice: "If you have just bought this item as new, ask the seller why it was already claimed.",
    lead: "Did this item come with a claim card? Enter its code to record that the item has reached its first buyer. No name or contact is asked for.",
    label: "Claim code",
    hint: "10 letters and digits, printed on the claim card.",
    button: "Claim",
    done: "Thank you. The item is now recorded as claimed by its first buyer: anyone who checks it later sees that date.",
    wrong: "This code is not right. Tries left this hour: {count}.",
    malformed: "This is not a claim code. A claim code has 10 letters and digits; it has no 0, 1, I or O.",
    limited: "Too many tries for this item. Try again in {minutes} min.",
    already: "This item was already claimed on {date}. A claim code works only once.",
    expired: "This form is out of date. Nothing was changed: reload the page and try again.",
    noCode: "This item has no claim code.",
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

  // Reporting a suspected fake (src/pages/report-page.ts): the form, what it answers, and the
  // reporter's private status page. The staff's side is in the console section.
  report: {
    // The button on the verify page and the home page that opens the form.
    open: "Report a suspected fake",
    title: "Report a suspected fake",
    lead: "Tell us where you bought the item. Your report goes to the District Industries Centre, {district}, which keeps the register of artisans there, and to the registry.",
    leadRegistry: "Tell us where you bought the item. Your report goes to the registry, which will look into it.",
    fields: {
      serial: "Number printed on the tag (optional)",
      serialHint: "13 letters and digits under the QR code, if the tag has them.",
      place: "Shop, market or website",
      placeHint: "Where you bought the item.",
      city: "City or town",
      country: "Country",
      seller: "Seller",
      sellerHint: "The name of the shop, of the person or of the online seller.",
      price: "Price paid",
      amount: "Amount",
      currency: "Currency",
      contact: "Your email address or phone number (optional)",
      contactHint:
        "Only if you want the office to tell you the outcome. It is never shown publicly: only the staff handling your report see it, and it is deleted 30 days after the report is closed.",
      note: "What makes you think it is a fake? (optional)",
      noteHint: "For example: the tag did not pass the check, or the item does not match the page.",
    },
    choose: "Choose…",
    commonCurrencies: "Common currencies",
    otherCurrencies: "Other currencies",
    privacy: "We do not record your IP address, your browser or anything else about your device: only what you type here.",
    send: "Send the report",
    fieldErrors: {
      required: "Fill this in.",
      tooLong: "Use at most {max} characters.",
      number: "Enter a number.",
      choice: "Choose one of the options.",
      formula: "Do not start with = + - @ or a tab.",
      invalid: "Use ordinary text here, without control characters.",
      contact: "Enter an email address or a phone number, or leave this empty.",
      price: "Enter the amount as a number, for example 1500 or 1500.50.",
      serial: "This is not a certificate number, which has 13 letters and digits. Leave this empty if the tag has none.",
    },
    problems: {
      fields: "Some answers need attention: see the messages beside them.",
      expired: "This form was open for too long, or did not come from this website. Nothing was sent: check your answers and send the report again.",
      rateLimited: "The registry has received many reports in the last hour and is not taking more just now. Nothing was sent: please send your report again in an hour.",
      rateLimitedCertificate: "Several reports about this certificate have arrived in the last hour, so the registry is not taking more just now. Nothing was sent: please send your report again in an hour.",
    },
    used: {
      title: "This report was already sent",
      body: "This form has been sent once, so it was not sent again. If you did not get a report number, fill in the form again.",
      again: "Fill in the form again",
    },
    crossSite: {
      title: "Report not sent",
      body: "This form was sent from another website, so nothing was sent. To report a suspected fake, use the form on this website.",
      again: "Open the report form",
    },
    // The form arrived too large or not as a form (a 400, 413 or 415).
    unreadable: {
      title: "Report not sent",
      body: "The form could not be read (it was too large, or not sent as a web form), so nothing was sent. Open the report form again and send it from this website.",
      again: "Open the report form",
    },
    // Shown once, above the status, right after the report was sent.
    sent: {
      title: "Thank you: your report was sent",
      number: "Your report number is {number}.",
      office: "It goes to the District Industries Centre, {district}, and to the registry.",
      registry: "It goes to the registry.",
      link: "This page is your private link: it shows what happens with your report, in your language.",
      keep: "Bookmark it, copy it or take a screenshot now. Keep it to yourself: anyone with the link can see your report's status.",
      contact: "The office may also contact you at the email address or phone number you gave.",
      noContact: "You left no contact, so the office cannot reach you: come back to this page for the outcome.",
      photoLost: "Your photo could not be saved, so the report was sent without it. Everything else you wrote has been received.",
    },
    status: {
      title: "Report {number}",
      sentOn: "Sent on {date}.",
      about: "About certificate {serial}.",
      aboutTag: "About a tag with the number {serial}, which names no registered certificate.",
      aboutNone: "About a tag that names no registered certificate.",
      handledBy: "Handled by the District Industries Centre, {district}, and the registry.",
      handledByRegistry: "Handled by the registry.",
      state: "Status",
      states: { new: "Received, not yet looked at", investigating: "Being looked into", closed: "Closed" },
      changedOn: "Last changed on {date}.",
      outcome: "Outcome",
      outcomes: {
        "confirmed-fake": "The office found that the item is not genuine, and is taking action.",
        genuine: "The office found that the item is genuine.",
        "not-confirmed": "The office could not confirm a fake from the information it has.",
        referred: "The office has passed the matter to the authority responsible for it.",
      },
      message: "Message from the office",
      messageNote: "As the office wrote it.",
      link: "Your private link",
    },
    notFoundTitle: "This link does not open a report",
    notFoundBody: "Check that the whole link was copied: it works only exactly as it was given.",
  },
  // The optional photo on the report form (src/pages/report-page.ts).
  reportPhoto: {
    label: "A photo of the item or its tag (optional)",
    hint: "A JPEG or PNG file of at most {max}. Before the photo is kept, its location, date and camera details are removed. Only the staff handling your report see it.",
    tooLarge: "This photo is larger than {max}: choose a smaller one.",
    notAnImage: "This file is not a JPEG or PNG photo: choose a photo.",
    dimensions: "This photo has too many pixels: choose a smaller one.",
    unreadable: "This photo could not be read, perhaps because the file is damaged: choose another one.",
    again: "Choose the photo again: a form sent back for corrections does not keep it.",
    unavailable: "This website cannot take photos just now: send the report without one.",
    tooLargeTitle: "Report not sent: the photo is too large",
    tooLargeBody: "The photo was larger than {max}, so nothing was sent. Open the form again and choose a smaller photo.",
    tooLargeAgain: "Open the report form",
  },
  // The shipment page's facts card (src/pages/shipment-page.ts): its heading, apart from the shipment number it lists first.
  shipmentFacts: {
    heading: "About this shipment",
  },
};
