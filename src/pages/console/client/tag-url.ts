// Which decoded QR texts the tag scanner (scanner.ts) takes: verify URLs of this service only.
// Pure, with no DOM, so that a property test reads it as the browser runs it.
//
// A tag's QR carries HTTPS://HOST/V/<token, 146 base32 characters>; the provenance document's
// item QR carries HTTPS://HOST/V/<certificate number, 13>. Printed in upper case; a reader may
// lower it. Anything else (another site, a query, another path, plain text) is not a tag.
const VERIFY_PATH = /^\/v\/([A-Z2-7]{13}|[A-Z2-7]{146})\/?$/i;

/** The verify URL as the tag prints it, if the text is one of this service's (`origin`); null otherwise. */
export function tagUrl(text: string, origin: string): string | null {
  if (text.length > 400) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const path = VERIFY_PATH.exec(url.pathname);
  if (url.origin !== origin.toLowerCase() || !path || url.search || url.hash || url.username || url.password) return null;
  return `${url.origin.toUpperCase()}/V/${path[1]!.toUpperCase()}`;
}
