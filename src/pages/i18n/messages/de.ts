import type { PublicMessages } from "../catalog.js";

// German (Sie). ODOP is glossed „Ein Distrikt, ein Produkt“ (One District One Product, Uttar
// Pradesh's programme for each district's traditional product); a GI is a „geografische
// Angabe“, the term German and EU law use (the home page likens it to the EU's g.g.A., without
// claiming that status). Indian districts are „Distrikte“; the item is „das Stück“.
export const de = {
  common: {
    siteName: "Asli",
    tagline: "Zertifiziertes Kunsthandwerk aus Uttar Pradesh",
    language: "Sprache",
  },
  credential: {
    download: "Als verifizierbaren Nachweis herunterladen",
    explain: "Für digitale Wallets und Prüfsoftware: dieses Zertifikat im Format W3C Verifiable Credential, vom Register signiert.",
  },

  layout: {
    footer: "Asli zertifiziert handgefertigte Waren aus dem Programm „Ein Distrikt, ein Produkt“ des indischen Bundesstaats Uttar Pradesh.",
  },

  verify: {
    status: {
      genuine: { title: "Echt", lead: "Dieses Stück ist zertifiziert: Es wurde von einem registrierten Kunsthandwerker gefertigt." },
      genuineBySerial: { title: "Zertifikat gefunden", lead: "Das Register führt dieses Zertifikat und bürgt dafür." },
      revoked: { title: "Zertifikat zurückgezogen", lead: "Dieses Zertifikat wurde am {date} zurückgezogen. Es bürgt nicht mehr für die Echtheit dieses Stücks." },
      suspended: { title: "Zertifizierung ausgesetzt", lead: "Das Register hat diesen Kunsthandwerker vorläufig gesperrt. Bis auf Weiteres bürgen seine Zertifikate nicht für die Echtheit seiner Stücke." },
      unconfirmed: {
        title: "Bestätigung nicht möglich",
        lead: "Die Signatur des Codes ist echt, aber wir konnten das Register nicht erreichen, um zu bestätigen, dass das Zertifikat noch gilt. Bitte versuchen Sie es in ein paar Minuten erneut.",
      },
      invalid: { title: "Kein gültiges Zertifikat", lead: "Dieser Code belegt nicht, dass das Stück echt ist." },
      notFoundBySerial: { title: "Kein Zertifikat mit dieser Nummer", lead: "Im Register gibt es kein Zertifikat mit der Nummer {serial}." },
    },
    revocationReason: {
      lost: "Das Stück wurde als verloren gemeldet.",
      stolen: "Das Stück wurde als gestohlen gemeldet.",
      misissued: "Das Zertifikat wurde irrtümlich ausgestellt.",
      "item-destroyed": "Das Stück wurde als zerstört gemeldet.",
      superseded: "Es wurde durch ein neues Zertifikat ersetzt.",
      other: "Das Register hat es zurückgezogen.",
    },
    invalidReason: {
      malformed: "Dies ist nicht der Code eines Asli-Zertifikats.",
      "unsupported-version": "Dieses Zertifikat liegt in einem Format vor, das dieser Dienst nicht kennt.",
      "unknown-key": "Der Code wurde nicht von diesem Register signiert.",
      "bad-signature": "Der Code wurde verändert oder gefälscht: Seine digitale Signatur stimmt nicht überein.",
      "not-registered": "Der Code trägt eine gültige Signatur, aber das Register hat dieses Zertifikat nie ausgestellt.",
      "key-compromised": "Der Code wurde mit einem Schlüssel signiert, der am {date} als gestohlen gemeldet wurde. Er ist daher nicht vertrauenswürdig.",
    },
    invalidAdvice: "Wenn Ihnen dieses Stück als zertifiziert verkauft wurde, bitten Sie den Verkäufer um das Originaletikett.",
    notFoundAdvice: "Prüfen Sie die Nummer auf dem Etikett und geben Sie sie erneut ein. Sie hat 13 Zeichen und steht unter dem QR-Code.",
    revokedAdvice: "Die folgenden Angaben geben den Stand bei der Ausstellung des Zertifikats wieder.",
    bySerial:
      "Sie haben dieses Zertifikat über seine Nummer aufgerufen. So sehen Sie, was das Register unter dieser Nummer führt, aber nicht, ob das Etikett in Ihrer Hand das Original ist. Scannen Sie den QR-Code auf dem Etikett, um seine Signatur zu prüfen.",
    tryAgain: "Erneut versuchen",
    headings: {
      item: "Das Stück",
      maker: "Hergestellt von",
      place: "Herkunft",
      proof: "So wurde geprüft",
      help: "Stimmt etwas nicht?",
    },
    fields: {
      materials: "Materialien",
      madeOn: "Hergestellt am",
      issuedOn: "Ausstellungsdatum",
      certificate: "Zertifikatsnummer",
      district: "Distrikt",
      product: "ODOP-Produkt",
      craft: "Handwerk",
      giTag: "Geografische Angabe",
      giApplication: "Antragsnummer der geografischen Angabe",
      giUser: "Nummer der Nutzungsberechtigung",
      office: "Registerstelle",
    },
    soldThrough: "Verkauft über {seller}",
    photoAlt: "Foto von {name}",
    districtInState: "{district}, Uttar Pradesh",
    odopNote: "Das traditionelle Produkt dieses Distrikts im Programm „Ein Distrikt, ein Produkt“ von Uttar Pradesh.",
    giMeaning: "Eine geografische Angabe ist ein gesetzlich geschützter Name für Waren aus einer bestimmten Gegend: Nur dort registrierte Hersteller dürfen ihn verwenden.",
    giWithdrawn:
      "Dem Kunsthandwerker wurde am {date} das Recht entzogen, die geografische Angabe „{gi}“ zu verwenden. Die geografische Angabe dieses Stücks gilt daher nicht mehr als bestätigt; der Rest des Zertifikats bleibt gültig.",
    officeName: "Industriezentrum des Distrikts {district}",
    officeNote: "Diese Stelle führt das Register der Kunsthandwerker in {district}. Bitte richten Sie Fragen und Meldungen zu diesem Zertifikat dorthin.",
    check: {
      running: "Ihr Browser prüft die digitale Signatur des Zertifikats selbst …",
      pass: "Ihr Browser hat die digitale Signatur selbst geprüft: Sie wurde mit einem Schlüssel erstellt, den dieses Register veröffentlicht, und deckt die hier angezeigte Nummer, das Datum, den Kunsthandwerker, den Distrikt, das Produkt und die geografische Angabe ab.",
      passNotGenuine: "Ihr Browser hat bestätigt, dass dieses Register den Code signiert hat. Eine Signatur allein macht das Stück nicht echt: Beachten Sie den Hinweis oben.",
      fail: "Die Prüfung durch Ihren Browser ist fehlgeschlagen: Die Signatur des Codes passt nicht zu den veröffentlichten Schlüsseln des Registers, oder diese Seite zeigt nicht, was signiert wurde.",
      signedNotIssued: "Ihr Browser hat die digitale Signatur des Codes selbst geprüft: Sie wurde mit einem Schlüssel erstellt, den dieses Register veröffentlicht. Das Register hat dieses Zertifikat aber nie ausgestellt; die Signatur allein belegt daher nicht, dass das Stück echt ist.",
      unsupported: "Ihr Browser kann diese Art von Signatur nicht selbst prüfen. Das Ergebnis oben stammt vom Register.",
      error: "Ihr Browser konnte die veröffentlichten Schlüssel des Registers nicht abrufen und die Signatur deshalb nicht selbst prüfen.",
      noscript: "Wenn JavaScript aktiviert ist, prüft Ihr Browser zusätzlich selbst die digitale Signatur des Zertifikats.",
      details: "Technische Details",
      key: "Signaturschlüssel",
    },
    help: {
      body: "Wenn das Stück nicht zu dieser Seite passt (anderes Handwerk, anderer Hersteller oder anderer Ort), trägt es vielleicht die Kopie eines echten Etiketts. Bewahren Sie das Stück und den Kaufbeleg auf und wenden Sie sich unter Angabe der Zertifikatsnummer {serial} an das Industriezentrum des Distrikts {district}.",
      generic: "Bitten Sie den Verkäufer um das Originaletikett. Sie können sich auch an das Industriezentrum des Distrikts wenden, aus dem das Stück angeblich stammt.",
    },
  },

  shipment: {
    status: {
      genuine: { title: "Echte Sendung", lead: "Das Register hat die Liste dieser {count} Stücke beim Versiegeln der Sendung am {date} signiert. Das Zertifikat jedes Stücks ist heute gültig." },
      notAllGenuine: { title: "Nicht jedes Stück ist bestätigt", lead: "Das Register hat die Liste dieser {count} Stücke am {date} signiert. Seitdem bestätigen {bad} davon nicht mehr, dass das Stück echt ist: siehe die Liste unten." },
      cancelled: { title: "Sendung storniert", lead: "Diese Sendung wurde am {date} storniert. Ihre Liste bürgt nicht mehr für die Waren." },
    },
    fields: { shipment: "Sendungsnummer", exporter: "Exporteur", destination: "Bestimmungsland", reference: "Referenz des Exporteurs", sealedOn: "Versiegelt am", items: "Stücke", cancelReason: "Angegebener Grund", key: "Signaturschlüssel" },
    headings: { items: "Stücke dieser Sendung", proof: "Prüfen Sie diese Liste selbst" },
    columns: { number: "Nr.", item: "Stück", maker: "Hergestellt von", place: "Distrikt", gi: "g. A.", verdict: "Heute" },
    itemStatus: { genuine: "Echt", revoked: "Zurückgezogen", suspended: "Derzeit nicht bestätigt", "suspected-copy": "Etikett möglicherweise kopiert", invalid: "Nicht gültig", unconfirmed: "Konnte nicht bestätigt werden" },
    proof: "Das Register hat diese Liste mit demselben Schlüssel signiert wie seine Zertifikate, und das Zertifikat jedes Stücks lässt sich auf seiner eigenen Seite prüfen. Sie können die signierte Liste auch herunterladen und ohne Netz mit dem kostenlosen Asli-Prüfprogramm prüfen: {command}",
    download: "Signierte Liste herunterladen",
    check: { running: "Ihr Browser prüft die Signatur des Registers auf dieser Liste selbst…", pass: "Ihr Browser hat die Signatur selbst geprüft: Das Register hat genau diese Liste mit einem Schlüssel signiert, den es veröffentlicht.", fail: "Die Prüfung Ihres Browsers ist fehlgeschlagen: Die signierte Liste passt nicht zu den veröffentlichten Schlüsseln des Registers, oder diese Seite zeigt nicht, was signiert wurde.", unsupported: "Ihr Browser kann diese Art von Signatur nicht selbst prüfen. Das Ergebnis oben stammt vom Register.", error: "Ihr Browser konnte die signierte Liste oder die veröffentlichten Schlüssel des Registers nicht laden und die Signatur daher nicht selbst prüfen.", noscript: "Mit eingeschalteten Skripten prüft Ihr Browser die Signatur des Registers auf dieser Liste auch selbst." },
    document: { title: "Herkunftszeugnis", consignee: "Empfänger", statement: "Asli, das Register des Programms „Ein Distrikt, ein Produkt“ von Uttar Pradesh, hat die Liste der unten stehenden Stücke mit seinem Ed25519-Schlüssel signiert, als der Exporteur diese Sendung versiegelte. Das Zertifikat jedes Stücks wurde bei seiner Zertifizierung signiert, und jedes Stück war beim Versiegeln echt. Zur Prüfung: Scannen Sie den QR-Code der Sendung für den heutigen Stand jedes Stücks, oder laden Sie dort die signierte Liste herunter und prüfen Sie sie offline mit npx asli-verify; scannen Sie den QR-Code eines Stücks, um dieses zu prüfen.", page: "Seite {page} von {pages}" },
  },
  // Scans, copied tags and the first buyer's claim (issue 12): translated, then read again as a
  // fluent reader would by the scans branch; a native reviewer's pass is still due.
  scans: {
    first: "Dieses Zertifikat wird zum ersten Mal geprüft.",
    once: "Bisher einmal geprüft, am {date}.",
    many: "Bisher {count}-mal geprüft, seit dem {date}.",
  },

  copy: {
    title: "Möglicherweise kopiertes Etikett",
    lead: "Dieses Zertifikat wurde tatsächlich ausgestellt, doch seine Prüfungen können nicht alle von einem einzigen Stück stammen: Vermutlich sind Kopien seines Etiketts im Umlauf.",
    rule: {
      "impossible-travel": "Am {date} wurde es mehrmals aus verschiedenen Ländern geprüft, jeweils weniger als eine Stunde auseinander. So schnell kann kein Stück reisen.",
      burst: "Am {date} wurde es {count}-mal geprüft, weit öfter, als es bei einem einzelnen Stück je vorkommt.",
      "elsewhere-after-claim": "Nachdem sein Erstkäufer es registriert hatte, wurde es aus mehreren anderen Ländern geprüft. Ein einzelnes Stück kann nicht an all diesen Orten sein.",
    },
    check: "Vergleichen Sie das Stück in Ihrer Hand mit dieser Seite: Beschreibung, Foto des Kunsthandwerkers und Verkäufer. Weicht etwas ab, trägt Ihr Stück vielleicht die Kopie eines echten Etiketts.",
    report: "Melden Sie es uns: siehe unten.",
  },

  claim: {
    heading: "Erstkäufer",
    claimedOn: "Am {date} von seinem Erstkäufer registriert.",
    claimedAdvice: "Wenn Sie dieses Stück gerade neu gekauft haben, fragen Sie den Verkäufer, warum es bereits registriert ist.",
    lead: "Lag diesem Stück eine Erstkäuferkarte bei? Geben Sie ihren Code ein, um festzuhalten, dass der Erstkäufer es hat. Name oder Kontaktdaten werden nicht abgefragt.",
    label: "Erstkäufer-Code",
    hint: "10 Buchstaben und Ziffern, auf die Karte gedruckt.",
    button: "Registrieren",
    done: "Vielen Dank. Das Stück ist jetzt als von seinem Erstkäufer registriert vermerkt: Wer es später prüft, sieht dieses Datum.",
    wrong: "Dieser Code stimmt nicht. Verbleibende Versuche in dieser Stunde: {count}.",
    malformed: "Das ist kein Erstkäufer-Code. Er besteht aus 10 Buchstaben und Ziffern, ohne 0, 1, I oder O.",
    limited: "Zu viele Versuche für dieses Stück. Versuchen Sie es in {minutes} Min. erneut.",
    already: "Dieses Stück wurde bereits am {date} registriert. Ein Code gilt nur einmal.",
    expired: "Dieses Formular ist veraltet. Es wurde nichts geändert: Laden Sie die Seite neu und versuchen Sie es noch einmal.",
    noCode: "Für dieses Stück gibt es keinen Erstkäufer-Code.",
  },

  home: {
    title: "Prüfen Sie, ob ein handgefertigtes Stück echt ist",
    intro: "Ein Asli-Zertifikat verbindet ein handgefertigtes Stück aus Uttar Pradesh mit dem registrierten Kunsthandwerker, der es hergestellt hat, mit seinem Distrikt und mit der geografischen Angabe des Stücks. Jedes Etikett trägt einen QR-Code, den das Register signiert hat.",
    scanHeading: "QR-Code scannen",
    scanBody: "Richten Sie die Kamera Ihres Smartphones auf den QR-Code des Etiketts und öffnen Sie den Link. Die Seite zeigt sofort, ob das Zertifikat echt ist.",
    typeHeading: "Oder Nummer eingeben",
    serialLabel: "Zertifikatsnummer",
    serialHint: "13 Buchstaben und Ziffern, unter dem QR-Code aufgedruckt. Leerzeichen und Bindestriche spielen keine Rolle.",
    check: "Prüfen",
    serialInvalid: "Das ist keine Zertifikatsnummer. Sie hat 13 Zeichen: die Buchstaben A bis Z und die Ziffern 2 bis 7.",
    odopHeading: "Was ist ODOP?",
    odopBody:
      "„Ein Distrikt, ein Produkt“ (One District One Product, ODOP) ist ein Programm der Regierung von Uttar Pradesh. Es fördert das traditionelle Produkt jedes der 75 Distrikte, etwa Banarasi-Seide aus Varanasi, Teppiche aus Bhadohi und Chikankari-Stickerei aus Lucknow.",
    giHeading: "Was ist eine geografische Angabe?",
    giBody:
      "Eine geografische Angabe ist ein gesetzlich geschützter Name für Waren, deren Eigenschaften auf ihren Herkunftsort zurückgehen – vergleichbar mit der g.g.A. in der EU. Nur registrierte Hersteller aus diesem Herkunftsgebiet dürfen Waren unter diesem Namen verkaufen.",
    reportHeading: "Bei Verdacht auf eine Fälschung",
    reportBody:
      "Wenn ein Etikett die Prüfung nicht besteht oder das Stück nicht zu dem passt, was die Seite zeigt, bitten Sie den Verkäufer um das Originaletikett. Bewahren Sie das Stück und den Kaufbeleg auf und wenden Sie sich an das Industriezentrum des Distrikts, aus dem das Stück angeblich stammt.",
  },

  errors: {
    notFoundTitle: "Seite nicht gefunden",
    notFoundBody: "Unter dieser Adresse gibt es keine Seite. Falls Sie sie von einem Etikett abgetippt haben, prüfen Sie sie – oder geben Sie stattdessen die Zertifikatsnummer ein.",
    serverTitle: "Etwas ist schiefgelaufen",
    serverBody: "Der Fehler liegt bei uns, nicht an Ihrem Stück. Bitte versuchen Sie es in ein paar Minuten erneut.",
    home: "Zur Startseite",
  },
} satisfies PublicMessages;
