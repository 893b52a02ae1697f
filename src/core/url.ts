// The verify URL printed in every QR: HTTPS://HOST/V/TOKEN, all upper case so that the
// whole URL stays in QR alphanumeric mode (0-9, A-Z, space, $%*+-./:).

export function verifyUrl(baseUrl: string, token: string): string {
  return `${new URL(baseUrl).origin.toUpperCase()}/V/${token}`;
}

/** The token from a verify URL (scheme, host and /V/ in any case) or a bare token; null when neither. */
export function tokenFromText(text: string): string | null {
  const trimmed = text.trim();
  const fromUrl = /^https?:\/\/[^/\s]+\/v\/([A-Z2-7]+)\/?$/i.exec(trimmed);
  if (fromUrl) return fromUrl[1]!;
  return /^[A-Z2-7]+$/.test(trimmed) ? trimmed : null;
}
