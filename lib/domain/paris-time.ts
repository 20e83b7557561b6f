/**
 * Times typed in the city's forms are wall-clock times in Paris (an `<input
 * type="datetime-local">` sends "2026-12-03T18:30" with no zone). These turn them into
 * instants and back, whatever the server's own zone, across daylight-saving changes.
 */
export const PARIS = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock fields of an instant in Paris, as if they were UTC (for offset arithmetic). */
function parisFieldsAsUtc(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-03T18:30" in Paris → the instant; null for anything else (or a time that does not exist). */
export function parisLocalToDate(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  // Date.UTC rolls over (Feb 30 → Mar 2, 24:00 → the next day) and reads years 0–99 as 19xx: a date that does not exist is refused.
  if (new Date(wall).toISOString().slice(0, 16) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`) return null;
  // Two passes settle the offset on either side of a daylight-saving change.
  let instant = wall - (parisFieldsAsUtc(wall) - wall);
  instant = wall - (parisFieldsAsUtc(instant) - instant);
  // A time skipped by the spring change (02:30 on the last Sunday of March) does not exist.
  return parisFieldsAsUtc(instant) === wall ? new Date(instant) : null;
}

/** The instant as "YYYY-MM-DDTHH:MM" in Paris, for a datetime-local input's value. */
export function dateToParisLocal(date: Date): string {
  return new Date(parisFieldsAsUtc(date.getTime())).toISOString().slice(0, 16);
}

/** The calendar day of an instant in Paris, "YYYY-MM-DD". */
export function parisDate(date: Date): string {
  return dateToParisLocal(date).slice(0, 10);
}
