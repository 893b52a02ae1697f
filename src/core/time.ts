// The database and tokens count whole Unix seconds; the API speaks RFC 3339.

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
