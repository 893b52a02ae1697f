import type { PublicMessages } from "../catalog.js";

// Spanish (neutral for Spain and Latin America, usted). ODOP is glossed «Un distrito, un
// producto» (One District One Product, Uttar Pradesh's programme for each district's traditional
// product); a GI is an «indicación geográfica» (IG). A no-break space keeps "código QR" and
// "«Un distrito" on one line.
export const es = {
  common: {
    siteName: "Asli",
    tagline: "Productos artesanales certificados de Uttar Pradesh",
    language: "Idioma",
  },
  credential: {
    download: "Descargar como credencial verificable",
    explain: "Para carteras digitales y software de verificación: este certificado como credencial verificable del W3C, firmada por el registro.",
  },

  layout: {
    footer: "Asli certifica productos artesanales del programa «Un distrito, un producto» de Uttar Pradesh (India).",
  },

  verify: {
    status: {
      genuine: { title: "Pieza auténtica", lead: "Esta pieza está certificada como obra de un artesano registrado." },
      genuineBySerial: { title: "Certificado encontrado", lead: "Este certificado figura en el registro, que responde por él." },
      revoked: { title: "Certificado retirado", lead: "Este certificado se retiró el {date}. Ya no acredita la autenticidad de esta pieza." },
      suspended: { title: "Certificación suspendida", lead: "El registro ha suspendido a este artesano. Por ahora, sus certificados no acreditan la autenticidad de sus piezas." },
      unconfirmed: {
        title: "No se pudo confirmar",
        lead: "La firma del código es auténtica, pero no pudimos comunicarnos con el registro para confirmar que el certificado sigue vigente. Vuelva a intentarlo en unos minutos.",
      },
      invalid: { title: "Certificado no válido", lead: "Este código no demuestra que la pieza sea auténtica." },
      notFoundBySerial: { title: "No hay ningún certificado con este número", lead: "El registro no tiene ningún certificado con el número {serial}." },
    },
    revocationReason: {
      lost: "Se notificó la pérdida de la pieza.",
      stolen: "Se denunció el robo de la pieza.",
      misissued: "El certificado se emitió por error.",
      "item-destroyed": "Se notificó la destrucción de la pieza.",
      superseded: "Un nuevo certificado sustituye a este.",
      other: "El registro lo retiró.",
    },
    invalidReason: {
      malformed: "Este no es el código de un certificado Asli.",
      "unsupported-version": "Este certificado tiene un formato que este servicio no reconoce.",
      "unknown-key": "Este código no ha sido firmado por este registro.",
      "bad-signature": "El código ha sido alterado o falsificado: su firma digital no coincide.",
      "not-registered": "El código lleva una firma válida, pero el registro nunca emitió este certificado.",
      "key-compromised": "El código se firmó con una clave que se denunció como robada el {date}, por lo que no es fiable.",
    },
    invalidAdvice: "Si compró esta pieza como certificada, pida al vendedor la etiqueta original.",
    notFoundAdvice: "Compruebe el número de la etiqueta y escríbalo de nuevo. Tiene 13 caracteres y está impreso debajo del código QR.",
    revokedAdvice: "Los datos siguientes son los que figuraban en el certificado cuando se emitió.",
    bySerial:
      "Ha buscado este certificado por su número. Así ve lo que el registro tiene con ese número, pero eso no prueba que la etiqueta que tiene en la mano sea la original: escanee el código QR de la etiqueta para comprobar su firma.",
    tryAgain: "Volver a intentarlo",
    headings: {
      item: "La pieza",
      maker: "Hecha por",
      place: "Procedencia",
      proof: "Comprobación",
      help: "¿Algo no coincide?",
    },
    fields: {
      materials: "Materiales",
      madeOn: "Fecha de elaboración",
      issuedOn: "Fecha de emisión",
      certificate: "Número de certificado",
      district: "Distrito",
      product: "Producto ODOP",
      craft: "Oficio artesanal",
      giTag: "Indicación geográfica (IG)",
      giApplication: "N.º de solicitud de la IG",
      giUser: "N.º de usuario autorizado",
      office: "Oficina del registro",
    },
    soldThrough: "Se vende a través de {seller}",
    photoAlt: "Foto de {name}",
    districtInState: "{district}, Uttar Pradesh",
    odopNote: "El producto tradicional de este distrito en el programa «Un distrito, un producto» de Uttar Pradesh.",
    giMeaning: "Una indicación geográfica es un nombre protegido por ley para productos de un lugar concreto: solo pueden usarlo los productores registrados de ese lugar.",
    giWithdrawn:
      "El derecho del artesano a usar la indicación geográfica «{gi}» se retiró el {date}, por lo que la IG de esta pieza ya no está confirmada. El resto del certificado sigue siendo válido.",
    officeName: "Centro de Industrias del Distrito de {district}",
    officeNote: "Es la oficina que lleva el registro de artesanos de {district}. Puede dirigirle sus consultas y avisos sobre este certificado.",
    check: {
      running: "Su navegador está comprobando por sí mismo la firma digital del certificado…",
      pass: "Su navegador ha comprobado por sí mismo la firma digital: se creó con una clave que publica este registro y cubre el número, la fecha, el artesano, el distrito, el producto y la IG que se muestran aquí.",
      passNotGenuine: "Su navegador ha confirmado que este registro firmó el código. Una firma por sí sola no demuestra que la pieza sea auténtica: consulte el aviso de arriba.",
      fail: "La comprobación de su navegador ha fallado: la firma del código no coincide con las claves publicadas por el registro, o esta página no muestra lo que se firmó.",
      signedNotIssued: "Su navegador ha comprobado por sí mismo la firma digital del código: se creó con una clave que publica este registro. Pero el registro nunca emitió este certificado, así que la firma por sí sola no demuestra que la pieza sea auténtica.",
      unsupported: "Su navegador no puede comprobar por sí mismo este tipo de firma. El veredicto de arriba es el del registro.",
      error: "Su navegador no pudo obtener las claves publicadas por el registro, así que no pudo comprobar la firma por sí mismo.",
      noscript: "Si JavaScript está activado, su navegador también comprueba por sí mismo la firma digital del certificado.",
      details: "Detalles técnicos",
      key: "Clave de firma",
    },
    help: {
      body: "Si la pieza no coincide con esta página (otro oficio, otro artesano u otro lugar), puede llevar una copia de una etiqueta auténtica. Guarde la pieza y el recibo, y póngase en contacto con el Centro de Industrias del Distrito de {district} indicando el número de certificado {serial}.",
      generic: "Pida al vendedor la etiqueta original. También puede avisar al Centro de Industrias del Distrito del que supuestamente procede la pieza.",
    },
  },

  shipment: {
    status: {
      genuine: { title: "Envío auténtico", lead: "El registro firmó la lista de estas {count} piezas al sellar el envío el {date}. El certificado de cada pieza es válido hoy." },
      notAllGenuine: { title: "No todas las piezas están confirmadas", lead: "El registro firmó la lista de estas {count} piezas el {date}. Desde entonces, {bad} de ellas ya no confirman que la pieza sea auténtica: vea la lista de abajo." },
      cancelled: { title: "Envío cancelado", lead: "Este envío se canceló el {date}. Su lista ya no respalda la mercancía." },
    },
    fields: { shipment: "Número de envío", exporter: "Exportador", destination: "Destino", reference: "Referencia del exportador", sealedOn: "Sellado el", items: "Piezas", cancelReason: "Motivo indicado", key: "Clave de firma" },
    headings: { items: "Piezas de este envío", proof: "Compruebe esta lista usted mismo" },
    columns: { number: "N.º", item: "Pieza", maker: "Hecha por", place: "Distrito", gi: "IG", verdict: "Hoy" },
    itemStatus: { genuine: "Auténtica", revoked: "Retirado", suspended: "Sin confirmar por ahora", "suspected-copy": "Etiqueta posiblemente copiada", invalid: "No válida", unconfirmed: "No se pudo confirmar" },
    proof: "El registro firmó esta lista con la misma clave que sus certificados, y el certificado de cada pieza puede comprobarse en su propia página. También puede descargar la lista firmada y comprobarla sin conexión con el verificador gratuito de Asli: {command}",
    download: "Descargar la lista firmada",
    check: { running: "Su navegador está comprobando por sí mismo la firma del registro en esta lista…", pass: "Su navegador ha comprobado la firma por sí mismo: el registro firmó exactamente esta lista de piezas, con una clave que publica.", fail: "La comprobación de su navegador ha fallado: la lista firmada no coincide con las claves publicadas del registro, o esta página no muestra lo que se firmó.", unsupported: "Su navegador no puede comprobar por sí mismo este tipo de firma. El resultado de arriba procede del registro.", error: "Su navegador no pudo obtener la lista firmada ni las claves publicadas del registro, así que no pudo comprobar la firma por sí mismo.", noscript: "Con los scripts activados, su navegador también comprueba por sí mismo la firma del registro en esta lista." },
    document: { title: "Certificado de procedencia", consignee: "Destinatario", statement: "Asli, el registro del programa «Un distrito, un producto» de Uttar Pradesh, firmó la lista de las piezas de abajo con su clave Ed25519 cuando el exportador selló este envío. El certificado de cada pieza se firmó al certificarla, y cada pieza era auténtica al sellar. Para comprobarlo: escanee el código QR del envío para ver el estado de cada pieza hoy, o descargue allí la lista firmada y compruébela sin conexión con npx asli-verify; escanee el código QR de una pieza para comprobar esa pieza.", page: "Página {page} de {pages}" },
  },
  // Scans, copied tags and the first buyer's claim (issue 12): translated, then read again as a
  // fluent reader would by the scans branch; a native reviewer's pass is still due.
  scans: {
    first: "Es la primera vez que se comprueba este certificado.",
    once: "Comprobado una vez antes, el {date}.",
    many: "Comprobado {count} veces antes, desde el {date}.",
  },

  copy: {
    title: "Posible etiqueta copiada",
    lead: "Este certificado se emitió de verdad, pero sus comprobaciones no pueden venir todas de una sola pieza: probablemente circulan copias de su etiqueta.",
    rule: {
      "impossible-travel": "El {date} se comprobó varias veces desde países distintos, con menos de una hora de diferencia. Una pieza no puede viajar tan rápido.",
      burst: "El {date} se comprobó {count} veces: muchas más de las que puede explicar una sola pieza.",
      "elsewhere-after-claim": "Después de que su primer comprador la registrara, se comprobó desde varios otros países. Una sola pieza no puede estar en todos ellos.",
    },
    check: "Compare la pieza que tiene en la mano con esta página: la descripción, la foto del artesano y el vendedor. Si algo no coincide, su pieza puede llevar una copia de la etiqueta auténtica.",
    report: "Infórmenos: vea más abajo.",
  },

  claim: {
    heading: "Primer comprador",
    claimedOn: "Registrada por su primer comprador el {date}.",
    claimedAdvice: "Si acaba de comprar esta pieza nueva, pregunte al vendedor por qué ya estaba registrada.",
    lead: "¿Esta pieza venía con una tarjeta de primer comprador? Introduzca su código para dejar constancia de que la tiene su primer comprador. No se piden nombres ni datos de contacto.",
    label: "Código de primer comprador",
    hint: "10 letras y números, impresos en la tarjeta.",
    button: "Registrar",
    done: "Gracias. La pieza consta ahora como registrada por su primer comprador: quien la compruebe más adelante verá esta fecha.",
    wrong: "Este código no es correcto. Intentos restantes en esta hora: {count}.",
    malformed: "Esto no es un código de primer comprador. Tiene 10 letras y números, sin 0, 1, I ni O.",
    limited: "Demasiados intentos para esta pieza. Vuelva a intentarlo dentro de {minutes} min.",
    already: "Esta pieza ya se registró el {date}. Un código solo sirve una vez.",
    expired: "Este formulario ha caducado. No se ha cambiado nada: vuelva a cargar la página e inténtelo de nuevo.",
    noCode: "Esta pieza no tiene código de primer comprador.",
  },

  home: {
    title: "Compruebe si una pieza artesanal es auténtica",
    intro: "Un certificado Asli vincula una pieza artesanal de Uttar Pradesh con el artesano registrado que la hizo, su distrito y la indicación geográfica de la pieza. Cada etiqueta lleva un código QR firmado por el registro.",
    scanHeading: "Escanee el código QR",
    scanBody: "Apunte la cámara del teléfono al código QR de la etiqueta y abra el enlace. La página le indica de inmediato si el certificado es auténtico.",
    typeHeading: "O escriba el número",
    serialLabel: "Número de certificado",
    serialHint: "13 letras y números, impresos debajo del código QR. Los espacios y los guiones no importan.",
    check: "Comprobar",
    serialInvalid: "Esto no es un número de certificado. Tiene 13 caracteres: las letras de la A a la Z y los números del 2 al 7.",
    odopHeading: "¿Qué es ODOP?",
    odopBody:
      "«Un distrito, un producto» (One District One Product, ODOP) es un programa del Gobierno de Uttar Pradesh que promueve el producto tradicional de cada uno de sus 75 distritos, como la seda de Varanasi (Benarés), las alfombras de Bhadohi o el bordado chikankari de Lucknow.",
    giHeading: "¿Qué es una IG?",
    giBody:
      "Una indicación geográfica (IG) es un nombre protegido por ley para productos cuyas cualidades se deben a su lugar de origen. Solo los productores registrados de ese lugar pueden vender productos con ese nombre.",
    reportHeading: "Si sospecha de una falsificación",
    reportBody:
      "Si una etiqueta no pasa la comprobación, o la pieza no coincide con lo que muestra la página, pida al vendedor la etiqueta original. Guarde la pieza y el recibo, y avise al Centro de Industrias del Distrito del que supuestamente procede la pieza.",
  },

  errors: {
    notFoundTitle: "Página no encontrada",
    notFoundBody: "No hay ninguna página en esta dirección. Si la copió de una etiqueta, revísela, o escriba en su lugar el número de certificado.",
    serverTitle: "Se produjo un error",
    serverBody: "El problema es nuestro, no de su pieza. Vuelva a intentarlo en unos minutos.",
    home: "Ir a la página de inicio",
  },
} satisfies PublicMessages;
