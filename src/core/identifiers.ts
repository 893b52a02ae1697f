// Indian business identifiers an artisan may hold.

const GSTIN_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const GSTIN_SHAPE = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** The 15th character of a GSTIN: a base-36 Luhn-style check over the first 14. */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = GSTIN_CHARSET.indexOf(first14[i]!);
    if (value < 0) throw new TypeError("not a GSTIN character");
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARSET[(36 - (sum % 36)) % 36]!;
}

/** State code 01–38 (97 and 99 are used for other territory and centre), PAN shape, and the check character. */
export function isValidGstin(gstin: string): boolean {
  if (!GSTIN_SHAPE.test(gstin)) return false;
  const state = Number(gstin.slice(0, 2));
  if (!((state >= 1 && state <= 38) || state === 97 || state === 99)) return false;
  return gstinCheckCharacter(gstin.slice(0, 14)) === gstin[14];
}

/** UDYAM-XX-00-0000000: state letters, district number, serial. */
export function isValidUdyam(udyam: string): boolean {
  return /^UDYAM-[A-Z]{2}-[0-9]{2}-[0-9]{7}$/.test(udyam);
}
