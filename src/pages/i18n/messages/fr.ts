import type { PublicMessages } from "../catalog.js";

// French. ODOP is rendered « Un district, un produit », the usual French gloss of the Uttar
// Pradesh programme; an IG (indication géographique) is the French term for a GI. French
// spacing: a no-break space (U+00A0) before ":", inside guillemets, between a number and its
// noun and in "code QR"; a narrow no-break space (U+202F) before "?", "!" and ";". Vous throughout.
export const fr = {
  common: {
    siteName: "Asli",
    tagline: "Produits artisanaux certifiés de l’Uttar Pradesh",
    language: "Langue",
  },
  credential: {
    download: "Télécharger l’attestation vérifiable",
    explain: "Pour les portefeuilles numériques et les logiciels de vérification : ce certificat au format W3C Verifiable Credential, signé par le registre.",
  },

  layout: {
    footer: "Asli certifie des objets faits main issus du programme « Un district, un produit » de l’Uttar Pradesh, en Inde.",
  },

  verify: {
    status: {
      genuine: { title: "Authentique", lead: "Cet objet est certifié comme l’œuvre d’un artisan enregistré." },
      genuineBySerial: { title: "Certificat trouvé", lead: "Ce certificat figure au registre, qui s’en porte garant." },
      revoked: { title: "Certificat retiré", lead: "Ce certificat a été retiré le {date}. Il n’atteste plus l’authenticité de cet objet." },
      suspended: { title: "Certification suspendue", lead: "Le registre a suspendu l’inscription de cet artisan. Pour l’instant, ses certificats n’attestent plus l’authenticité de ses objets." },
      unconfirmed: {
        title: "Confirmation impossible",
        lead: "La signature du code est authentique, mais nous n’avons pas pu joindre le registre pour confirmer que le certificat est toujours valable. Veuillez réessayer dans quelques minutes.",
      },
      invalid: { title: "Certificat non valide", lead: "Ce code ne prouve pas que l’objet soit authentique." },
      notFoundBySerial: { title: "Aucun certificat ne porte ce numéro", lead: "Le numéro {serial} ne correspond à aucun certificat du registre." },
    },
    revocationReason: {
      lost: "L’objet a été déclaré perdu.",
      stolen: "L’objet a été déclaré volé.",
      misissued: "Le certificat a été délivré par erreur.",
      "item-destroyed": "L’objet a été déclaré détruit.",
      superseded: "Un nouveau certificat remplace celui-ci.",
      other: "Le registre l’a retiré.",
    },
    invalidReason: {
      malformed: "Ce n’est pas le code d’un certificat Asli.",
      "unsupported-version": "Ce certificat est dans un format que ce service ne reconnaît pas.",
      "unknown-key": "Ce code n’a pas été signé par ce registre.",
      "bad-signature": "Le code a été modifié ou falsifié : sa signature numérique ne correspond pas.",
      "not-registered": "Le code porte une signature valide, mais le registre n’a jamais délivré ce certificat.",
      "key-compromised": "Le code a été signé avec une clé déclarée volée le {date} : il n’est donc pas fiable.",
    },
    invalidAdvice: "Si cet objet vous a été vendu comme certifié, demandez au vendeur l’étiquette d’origine.",
    notFoundAdvice: "Vérifiez le numéro sur l’étiquette et saisissez-le à nouveau. Il compte 13 caractères et figure sous le code QR.",
    revokedAdvice: "Les informations ci-dessous sont celles du certificat au moment de sa délivrance.",
    bySerial:
      "Vous avez recherché ce certificat par son numéro. Vous voyez donc ce que le registre contient pour ce numéro, mais cela ne prouve pas que l’étiquette que vous avez en main soit l’originale : scannez le code QR de l’étiquette pour vérifier sa signature.",
    tryAgain: "Réessayer",
    headings: {
      item: "L’objet",
      maker: "Fabriqué par",
      place: "Provenance",
      proof: "Vérification",
      help: "Quelque chose ne va pas ?",
    },
    fields: {
      materials: "Matières",
      madeOn: "Fabriqué le",
      issuedOn: "Date de délivrance",
      certificate: "Numéro de certificat",
      district: "District",
      product: "Produit ODOP",
      craft: "Artisanat",
      giTag: "Indication géographique (IG)",
      giApplication: "Numéro de demande d’IG",
      giUser: "Numéro d’utilisateur autorisé",
      office: "Bureau du registre",
    },
    soldThrough: "Vendu par {seller}",
    photoAlt: "Photo de {name}",
    districtInState: "{district}, Uttar Pradesh",
    odopNote: "Produit traditionnel de ce district au titre du programme « Un district, un produit » de l’Uttar Pradesh.",
    giMeaning: "Une indication géographique est un nom protégé par la loi pour les produits d’un lieu donné : seuls les producteurs enregistrés de ce lieu peuvent l’utiliser.",
    giWithdrawn:
      "Le droit d’utiliser l’indication géographique « {gi} » a été retiré à l’artisan le {date} : l’IG de cet objet n’est donc plus confirmée. Le reste du certificat demeure valable.",
    officeName: "Centre des industries du district de {district}",
    officeNote: "C’est ce bureau qui tient le registre des artisans de {district}. Adressez-lui vos questions et signalements concernant ce certificat.",
    check: {
      running: "Votre navigateur vérifie lui-même la signature numérique du certificat…",
      pass: "Votre navigateur a vérifié lui-même la signature numérique : elle a été créée avec une clé publiée par ce registre et porte sur le numéro, la date, l’artisan, le district, le produit et l’IG indiqués ici.",
      passNotGenuine: "Votre navigateur a confirmé que ce registre a signé le code. Une signature ne suffit pas à prouver l’authenticité de l’objet : consultez l’avis en haut de la page.",
      fail: "La vérification par votre navigateur a échoué : la signature du code ne correspond pas aux clés publiées par le registre, ou cette page n’affiche pas ce qui a été signé.",
      signedNotIssued: "Votre navigateur a vérifié lui-même la signature numérique du code : elle a été créée avec une clé publiée par ce registre. Mais le registre n’a jamais délivré ce certificat : la signature seule ne prouve donc pas que l’objet soit authentique.",
      unsupported: "Votre navigateur ne peut pas vérifier lui-même ce type de signature. Le verdict ci-dessus est celui du registre.",
      error: "Votre navigateur n’a pas pu récupérer les clés publiées par le registre ; il n’a donc pas pu vérifier la signature lui-même.",
      noscript: "Si JavaScript est activé, votre navigateur vérifie aussi lui-même la signature numérique du certificat.",
      details: "Détails techniques",
      key: "Clé de signature",
    },
    help: {
      body: "Si l’objet ne correspond pas à cette page (autre artisanat, autre artisan ou autre lieu), il porte peut-être la copie d’une étiquette authentique. Gardez l’objet et le reçu, et contactez le Centre des industries du district de {district} en indiquant le numéro de certificat {serial}.",
      generic: "Demandez au vendeur l’étiquette d’origine. Vous pouvez aussi alerter le Centre des industries du district dont l’objet est censé provenir.",
    },
  },

  shipment: {
    status: {
      genuine: { title: "Expédition authentique", lead: "Le registre a signé la liste de ces {count} articles lors du scellement de l'expédition, le {date}. Le certificat de chaque article est valable aujourd'hui." },
      notAllGenuine: { title: "Tous les articles ne sont pas confirmés", lead: "Le registre a signé la liste de ces {count} articles le {date}. Depuis, {bad} d'entre eux ne confirment plus que l'article est authentique : voir la liste ci-dessous." },
      cancelled: { title: "Expédition annulée", lead: "Cette expédition a été annulée le {date}. Sa liste ne garantit plus les marchandises." },
    },
    fields: { shipment: "Numéro d'expédition", exporter: "Exportateur", destination: "Destination", reference: "Référence de l'exportateur", sealedOn: "Scellée le", items: "Articles", cancelReason: "Motif indiqué", key: "Clé de signature" },
    headings: { items: "Articles de cette expédition", proof: "Vérifiez cette liste vous-même" },
    columns: { number: "N°", item: "Article", maker: "Fabriqué par", place: "District", gi: "IG", verdict: "Aujourd'hui" },
    itemStatus: { genuine: "Authentique", revoked: "Retiré", suspended: "Non confirmé pour l'instant", "suspected-copy": "Étiquette peut-être copiée", invalid: "Non valable", unconfirmed: "Confirmation impossible" },
    proof: "Le registre a signé cette liste avec la même clé que ses certificats, et le certificat de chaque article peut être vérifié sur sa propre page. Vous pouvez aussi télécharger la liste signée et la vérifier sans réseau avec le vérificateur gratuit d'Asli : {command}",
    download: "Télécharger la liste signée",
    check: { running: "Votre navigateur vérifie lui-même la signature du registre sur cette liste…", pass: "Votre navigateur a vérifié lui-même la signature : le registre a signé exactement cette liste d'articles, avec une clé qu'il publie.", fail: "La vérification de votre navigateur a échoué : la liste signée ne correspond pas aux clés publiées par le registre, ou cette page ne montre pas ce qui a été signé.", unsupported: "Votre navigateur ne peut pas vérifier lui-même ce type de signature. Le résultat ci-dessus vient du registre.", error: "Votre navigateur n'a pas pu obtenir la liste signée ou les clés publiées du registre ; il n'a donc pas pu vérifier la signature lui-même.", noscript: "Avec les scripts activés, votre navigateur vérifie aussi lui-même la signature du registre sur cette liste." },
    document: { title: "Certificat de provenance", consignee: "Destinataire", statement: "Asli, le registre du programme « Un district, un produit » de l'Uttar Pradesh, a signé la liste des articles ci-dessous avec sa clé Ed25519 lorsque l'exportateur a scellé cette expédition. Le certificat de chaque article a été signé lors de sa certification, et chaque article était authentique au scellement. Pour vérifier : scannez le QR code de l'expédition pour l'état de chaque article aujourd'hui, ou téléchargez la liste signée depuis cette page et vérifiez-la hors ligne avec npx asli-verify ; scannez le QR code d'un article pour vérifier cet article.", page: "Page {page} sur {pages}" },
  },
  // Scans, copied tags and the first buyer's claim (issue 12): translated, then read again as a
  // fluent reader would by the scans branch; a native reviewer's pass is still due.
  scans: {
    first: "C’est la première vérification de ce certificat.",
    once: "Déjà vérifié une fois, le {date}.",
    many: "Déjà vérifié {count} fois, depuis le {date}.",
  },

  copy: {
    title: "Étiquette peut-être copiée",
    lead: "Ce certificat a bien été délivré, mais ses vérifications ne peuvent pas toutes venir d’un seul objet : des copies de son étiquette circulent probablement.",
    rule: {
      "impossible-travel": "Le {date}, il a été vérifié à plusieurs reprises depuis des pays différents, à moins d’une heure d’intervalle. Un objet ne peut pas voyager aussi vite.",
      burst: "Le {date}, il a été vérifié {count} fois, bien plus que ne l’est jamais un seul objet.",
      "elsewhere-after-claim": "Depuis que son premier acheteur l’a enregistré, il a été vérifié depuis plusieurs autres pays. Un seul objet ne peut pas se trouver partout à la fois.",
    },
    check: "Comparez l’objet que vous avez en main avec cette page : la description, la photo de l’artisan et le vendeur. Si quelque chose diffère, votre objet porte peut-être la copie d’une étiquette authentique.",
    report: "Signalez-le-nous : voir ci-dessous.",
  },

  claim: {
    heading: "Premier acheteur",
    claimedOn: "Enregistré par son premier acheteur le {date}.",
    claimedAdvice: "Si vous venez d’acheter cet objet neuf, demandez au vendeur pourquoi il a déjà été enregistré.",
    lead: "Cet objet était-il accompagné d’une carte de premier acheteur ? Saisissez son code pour enregistrer que son premier acheteur l’a en main. Ni nom ni coordonnées ne sont demandés.",
    label: "Code de premier acheteur",
    hint: "10 lettres et chiffres, imprimés sur la carte.",
    button: "Enregistrer",
    done: "Merci. L’objet est désormais enregistré comme acquis par son premier acheteur : quiconque le vérifiera ensuite verra cette date.",
    wrong: "Ce code n’est pas le bon. Essais restants dans l’heure : {count}.",
    malformed: "Ce n’est pas un code de premier acheteur. Il compte 10 lettres et chiffres, sans 0, 1, I ni O.",
    limited: "Trop d’essais pour cet objet. Réessayez dans {minutes} min.",
    already: "Cet objet a déjà été enregistré le {date}. Un code ne sert qu’une seule fois.",
    expired: "Ce formulaire n’est plus valable. Rien n’a été modifié : rechargez la page et réessayez.",
    noCode: "Cet objet n’a pas de code de premier acheteur.",
  },

  home: {
    title: "Vérifiez l’authenticité d’un objet fait main",
    intro: "Un certificat Asli relie un objet fait main de l’Uttar Pradesh à l’artisan enregistré qui l’a fabriqué, à son district et à l’indication géographique de l’objet. Chaque étiquette porte un code QR signé par le registre.",
    scanHeading: "Scannez le code QR",
    scanBody: "Pointez l’appareil photo de votre téléphone vers le code QR de l’étiquette et ouvrez le lien. La page vous indique aussitôt si le certificat est authentique.",
    typeHeading: "Ou saisissez le numéro",
    serialLabel: "Numéro de certificat",
    serialHint: "13 lettres et chiffres, imprimés sous le code QR. Les espaces et les tirets n’ont pas d’importance.",
    check: "Vérifier",
    serialInvalid: "Ce n’est pas un numéro de certificat. Il compte 13 caractères : les lettres de A à Z et les chiffres de 2 à 7.",
    odopHeading: "Que signifie ODOP ?",
    odopBody:
      "« Un district, un produit » (One District One Product, ODOP) est un programme du gouvernement de l’Uttar Pradesh en faveur du produit traditionnel de chacun de ses 75 districts, comme les soieries de Varanasi (Bénarès), les tapis de Bhadohi ou la broderie chikankari de Lucknow.",
    giHeading: "Qu’est-ce qu’une IG ?",
    giBody:
      "Une indication géographique (IG) est un nom protégé par la loi pour des produits dont les qualités tiennent à leur lieu d’origine. Seuls les producteurs enregistrés de ce lieu peuvent vendre des produits sous ce nom.",
    reportHeading: "Si vous soupçonnez une contrefaçon",
    reportBody:
      "Si une étiquette ne passe pas la vérification, ou si l’objet ne correspond pas à ce qu’affiche la page, demandez au vendeur l’étiquette d’origine. Gardez l’objet et le reçu, et alertez le Centre des industries du district dont l’objet est censé provenir.",
  },

  errors: {
    notFoundTitle: "Page introuvable",
    notFoundBody: "Il n’y a pas de page à cette adresse. Si vous l’avez recopiée depuis une étiquette, vérifiez-la, ou saisissez plutôt le numéro de certificat.",
    serverTitle: "Une erreur s’est produite",
    serverBody: "Le problème vient de notre côté, pas de votre objet. Veuillez réessayer dans quelques minutes.",
    home: "Aller à la page d’accueil",
  },
} satisfies PublicMessages;
