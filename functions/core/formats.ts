/**
 * One check per value format, shared by every part of the core: the event schema (`events.ts`), the mail
 * reader (dates printed in mails, order numbers) and the rules engine (parsing instants). Two checks of
 * one format drift apart, and then the reader produces what the engine refuses. Dependency-free.
 */

/**
 * Years a date may name. No mail predates the Unix epoch (AliExpress itself dates from 2010); the upper
 * bound keeps every deadline computed from a date (plus a year or two of clocks) a four-digit year, the
 * only form `isIsoInstant` accepts back.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2999;

/**
 * Offsets a real zone has (UTC−12 to UTC+14, Kiribati). `+25:00` is no zone; refusing it at the boundary
 * keeps a typo from moving a deadline by a day.
 */
const MAX_OFFSET_MINUTES = 14 * 60;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a real day of the Gregorian calendar within `MIN_YEAR`–`MAX_YEAR` (rejects 2026-02-30). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const last = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= last;
}

/** A wall-clock time: 00:00 to 23:59:59 (no leap second: JavaScript dates cannot hold one). */
function isClockTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))?$/;

interface DateTimeParts {
  readonly date: boolean;
  readonly offset: 'none' | 'valid' | 'invalid';
}

function dateTimeParts(value: string): DateTimeParts | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME_RE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone, sign, oh, om] = m;
  const date = isCalendarDate(Number(y), Number(mo), Number(d));
  if (!date || !isClockTime(Number(h), Number(mi), Number(s ?? 0))) return null;
  if (zone === undefined) return { date, offset: 'none' };
  if (zone === 'Z' || sign === undefined) return { date, offset: 'valid' };
  const minutes = Number(oh) * 60 + Number(om);
  return { date, offset: Number(om) <= 59 && minutes <= MAX_OFFSET_MINUTES ? 'valid' : 'invalid' };
}

/** `YYYY-MM-DD`, a real calendar date. */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An instant: a real date and time with its offset (`Z` or `±hh:mm`); a bare local time means nothing. */
export function isIsoInstant(value: string): boolean {
  return dateTimeParts(value)?.offset === 'valid';
}

/** A zone-less local date-time as mails print it (`2026-01-01T12:00`), a real date and time. */
export function isIsoLocalDateTime(value: string): boolean {
  return dateTimeParts(value)?.offset === 'none';
}

/** An AliExpress order number: 16 digits (older orders: 15). */
export function isOrderId(value: string): boolean {
  return typeof value === 'string' && /^[0-9]{15,16}$/.test(value);
}

/**
 * One plain address, `local@domain`: no display name, list, group, quoting or comment. Users are keyed by
 * it and mail is sent to it, so no parser quirk (`<victim@x.org,me@allowed.org>` read as one "address")
 * can make one user two recipients.
 */
const PLAIN_ADDRESS = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/i;

export function isPlainAddress(value: string): boolean {
  return typeof value === 'string' && value.length <= 254 && PLAIN_ADDRESS.test(value);
}
