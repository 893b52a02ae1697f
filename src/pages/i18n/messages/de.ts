import type { PublicMessages } from "../catalog.js";

// German. ODOP is glossed „Ein Distrikt, ein Produkt“ (One District One Product, Uttar
// Pradesh's programme for each district's traditional product); a GI is a „geografische
// Angabe“, the term German and EU law use. Indian districts are „Distrikte“.
export const de = {
  common: {
    siteName: "Asli",
    tagline: "Zertifizierte Handwerkswaren aus Uttar Pradesh",
    language: "Sprache",
  },
  credential: {
    download: "Als verifizierbaren Nachweis herunterladen",
    explain: "Für Wallets und Prüfsoftware: dieses Zertifikat als W3C Verifiable Credential, vom Register signiert.",
  },

  layout: {
    footer: "Asli zertifiziert handgefertigte Waren aus dem Programm „Ein Distrikt, ein Produkt“ des indischen Bundesstaats Uttar Pradesh.",
  },

  verify: {
    status: {
      genuine: { title: "Echt", lead: "Dieses Stück ist zertifiziert: Es wurde von einem registrierten Kunsthandwerker gefertigt." },
      genuineBySerial: { title: "Zertifikat gefunden", lead: "Das Register führt dieses Zertifikat und bürgt dafür." },
      revoked: { title: "Zertifikat zurückgezogen", lead: "Dieses Zertifikat wurde am {date} zurückgezogen. Es bürgt nicht mehr für dieses Stück." },
      suspended: { title: "Derzeit ohne Gewähr", lead: "Das Register hat diesen Kunsthandwerker gesperrt. Seine Zertifikate bürgen vorerst nicht für seine Stücke." },
      unconfirmed: {
        title: "Nicht bestätigt",
        lead: "Die Signatur des Codes ist echt, aber das Register war nicht erreichbar, um zu bestätigen, dass das Zertifikat noch gilt. Bitte versuchen Sie es in ein paar Minuten erneut.",
      },
      invalid: { title: "Kein gültiges Zertifikat", lead: "Dieser Code belegt nicht, dass das Stück echt ist." },
      notFoundBySerial: { title: "Kein Zertifikat mit dieser Nummer", lead: "Im Register gibt es kein Zertifikat mit der Nummer {serial}." },
    },
    revocationReason: {
      lost: "Das Stück wurde als verloren gemeldet.",
      stolen: "Das Stück wurde als gestohlen gemeldet.",
      misissued: "Das Zertifikat wurde irrtümlich ausgestellt.",
      "item-destroyed": "Das Stück wurde als zerstört gemeldet.",
      superseded: "Ein neues Zertifikat ersetzt dieses.",
      other: "Das Register hat es zurückgezogen.",
    },
    invalidReason: {
      malformed: "Dies ist nicht der Code eines Asli-Zertifikats.",
      "unsupported-version": "Dieses Zertifikat hat ein Format, das dieser Dienst nicht kennt.",
      "unknown-key": "Der Code wurde nicht von diesem Register signiert.",
      "bad-signature": "Der Code wurde verändert oder gefälscht: Seine digitale Signatur stimmt nicht.",
      "not-registered": "Der Code trägt eine gültige Signatur, aber das Register hat dieses Zertifikat nie ausgestellt.",
      "key-compromised": "Der Code wurde mit einem Schlüssel signiert, der am {date} als gestohlen gemeldet wurde. Ihm ist nicht zu trauen.",
    },
    invalidAdvice: "Wenn Sie dieses Stück als zertifiziert gekauft haben, verlangen Sie vom Verkäufer das Originaletikett.",
    notFoundAdvice: "Prüfen Sie die Nummer auf dem Etikett und geben Sie sie erneut ein. Sie hat 13 Zeichen und steht unter dem QR-Code.",
    revokedAdvice: "Die Angaben unten sind die, die das Zertifikat bei der Ausstellung enthielt.",
    bySerial:
      "Sie haben dieses Zertifikat über seine Nummer gesucht. Das zeigt, was das Register unter dieser Nummer führt, aber nicht, dass das Etikett in Ihrer Hand das Original ist: Scannen Sie den QR-Code auf dem Etikett, um seine Signatur zu prüfen.",
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
      giUser: "Nummer als autorisierter Nutzer",
      office: "Registerstelle",
    },
    soldThrough: "Verkauf über {seller}",
    photoAlt: "Foto von {name}",
    districtInState: "{district}, Uttar Pradesh",
    odopNote: "Das traditionelle Produkt dieses Distrikts im Programm „Ein Distrikt, ein Produkt“ von Uttar Pradesh.",
    giMeaning: "Eine geografische Angabe ist ein gesetzlich geschützter Name für Waren aus einem bestimmten Ort: Nur dort registrierte Hersteller dürfen ihn verwenden.",
    giWithdrawn:
      "Das Recht des Kunsthandwerkers, die geografische Angabe „{gi}“ zu verwenden, wurde am {date} entzogen. Die geografische Angabe dieses Stücks ist daher nicht mehr bestätigt. Der Rest des Zertifikats bleibt gültig.",
    officeName: "Industriezentrum des Distrikts {district}",
    officeNote: "Die Stelle, die das Register der Kunsthandwerker in {district} führt. Fragen und Meldungen zu diesem Zertifikat gehen dorthin.",
    check: {
      running: "Ihr Browser prüft die digitale Signatur des Zertifikats selbst …",
      pass: "Ihr Browser hat die digitale Signatur selbst geprüft: Sie wurde mit einem Schlüssel erstellt, den dieses Register veröffentlicht, und deckt Nummer, Datum, Kunsthandwerker, Distrikt, Produkt und geografische Angabe ab, wie hier angezeigt.",
      passNotGenuine: "Ihr Browser hat bestätigt, dass dieses Register den Code signiert hat. Eine Signatur allein macht das Stück nicht echt: Beachten Sie den Hinweis oben.",
      fail: "Die eigene Prüfung Ihres Browsers ist fehlgeschlagen: Die Signatur des Codes passt nicht zu den veröffentlichten Schlüsseln des Registers, oder diese Seite zeigt nicht, was signiert wurde.",
      unsupported: "Ihr Browser kann diese Art von Signatur nicht selbst prüfen. Das Ergebnis oben ist das des Registers.",
      error: "Ihr Browser konnte die veröffentlichten Schlüssel des Registers nicht abrufen und die Signatur deshalb nicht selbst prüfen.",
      noscript: "Mit eingeschalteten Skripten prüft Ihr Browser die digitale Signatur des Zertifikats zusätzlich selbst.",
      details: "Technische Details",
      key: "Signaturschlüssel",
    },
    help: {
      body: "Wenn das Stück nicht zu dieser Seite passt (anderes Handwerk, anderer Hersteller oder anderer Ort), trägt es vielleicht die Kopie eines echten Etiketts. Bewahren Sie das Stück und den Kaufbeleg auf und wenden Sie sich unter Angabe der Zertifikatsnummer {serial} an das Industriezentrum des Distrikts {district}.",
      generic: "Verlangen Sie vom Verkäufer das Originaletikett. Sie können sich auch an das Industriezentrum des Distrikts wenden, aus dem das Stück angeblich stammt.",
    },
  },

  home: {
    title: "Prüfen Sie, ob ein handgefertigtes Stück echt ist",
    intro: "Ein Asli-Zertifikat verbindet ein handgefertigtes Stück aus Uttar Pradesh mit dem registrierten Kunsthandwerker, der es hergestellt hat, mit seinem Distrikt und mit der geografischen Angabe des Stücks. Jedes Etikett trägt einen QR-Code, den das Register signiert hat.",
    scanHeading: "QR-Code scannen",
    scanBody: "Richten Sie die Kamera Ihres Telefons auf den QR-Code auf dem Etikett und öffnen Sie den Link. Die Seite zeigt sofort, ob das Zertifikat echt ist.",
    typeHeading: "Oder Nummer eingeben",
    serialLabel: "Zertifikatsnummer",
    serialHint: "13 Buchstaben und Ziffern, gedruckt unter dem QR-Code. Leerzeichen und Bindestriche spielen keine Rolle.",
    check: "Prüfen",
    serialInvalid: "Das ist keine Zertifikatsnummer. Sie hat 13 Zeichen: die Buchstaben A bis Z und die Ziffern 2 bis 7.",
    odopHeading: "Was ODOP bedeutet",
    odopBody:
      "„Ein Distrikt, ein Produkt“ (One District One Product, ODOP) ist ein Programm der Regierung von Uttar Pradesh für das traditionelle Produkt jedes seiner 75 Distrikte, etwa Banarasi-Seide aus Varanasi, Teppiche aus Bhadohi und Chikankari-Stickerei aus Lucknow.",
    giHeading: "Was eine geografische Angabe bedeutet",
    giBody:
      "Eine geografische Angabe (GI) ist ein gesetzlich geschützter Name für Waren, deren Eigenschaften von ihrem Herkunftsort herrühren. Nur registrierte Hersteller aus diesem Ort dürfen Waren unter diesem Namen verkaufen.",
    reportHeading: "Bei Verdacht auf eine Fälschung",
    reportBody:
      "Wenn ein Etikett die Prüfung nicht besteht oder das Stück nicht zu dem passt, was die Seite zeigt, verlangen Sie vom Verkäufer das Originaletikett. Bewahren Sie das Stück und den Kaufbeleg auf und wenden Sie sich an das Industriezentrum des Distrikts, aus dem das Stück angeblich stammt.",
  },

  errors: {
    notFoundTitle: "Seite nicht gefunden",
    notFoundBody: "Unter dieser Adresse gibt es keine Seite. Wenn Sie sie von einem Etikett abgetippt haben, prüfen Sie sie, oder geben Sie stattdessen die Zertifikatsnummer ein.",
    serverTitle: "Etwas ist schiefgelaufen",
    serverBody: "Der Fehler liegt bei uns, nicht an Ihrem Stück. Bitte versuchen Sie es in ein paar Minuten erneut.",
    home: "Zur Startseite",
  },
} satisfies PublicMessages;
