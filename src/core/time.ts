// The database and tokens count whole Unix seconds; the API speaks RFC 3339.

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 instant with its time zone, in whole seconds as the service keeps every time:
 * unix seconds, or why the text is not one. A fraction of a second is refused unless it is zero,
 * rather than cut off. Dates and times must exist (no 30 February, no hour 24).
 */
export function parseInstant(text: string): { seconds: number } | { error: string } {
  const m = INSTANT.exec(text);
  if (!m) return { error: "an instant such as 2026-03-01T09:30:00Z, with its time zone (Z or ±hh:mm)" };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return { error: "not a real date and time" };
  }
  if (m[7] !== undefined && /[1-9]/.test(m[7])) {
    return { error: "whole seconds only: times are kept to the second, and a fraction would be cut off (round down to be safe)" };
  }
  const offset = (m[9] === "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return { seconds: date.getTime() / 1000 - offset };
}
