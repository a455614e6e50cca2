/**
 * Dates as users type them in a command: ISO (2026-03-04) and the day-first forms of most AliExpress
 * buyers (4.3.2026, 04/03/2026, 4 Mar 2026, 4 March). Numeric dates are always day-first: a slash date is
 * read the European way because that is who writes day-first, and a month name makes any order clear.
 */
import { DateTime } from 'luxon';
import { isIsoDate } from '../events';
import type { CommandProblem, IsoDate } from './types';

/** English and German month names and abbreviations (German: the reader already knows German commands). */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  januar: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  mär: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?\.?$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s*([\p{L}]+)\.?,?(?:\s+(\d{4}))?$/u;
const MONTH_DAY = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$/u;

/** How to pick the year of a date typed without one. */
export type YearPreference =
  /** A fact that already happened (received, dispute): the latest such day not after today. */
  | 'past'
  /** A deadline (protection end): the occurrence nearest today, either side. */
  | 'nearest';

export type DateResult =
  | { readonly ok: true; readonly date: IsoDate }
  | { readonly ok: false; readonly problem: CommandProblem };

interface Parts {
  readonly day: number;
  readonly month: number;
  readonly year: number | null;
}

function parts(text: string): Parts | 'no-month' | null {
  const iso = ISO.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const y = numeric[3];
    // Two-digit years are this century's: nobody records an AliExpress order from the 1990s.
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    return { day: Number(numeric[1]), month: Number(numeric[2]), year };
  }
  const dayFirst = DAY_MONTH.exec(text);
  const monthFirst = dayFirst ? null : MONTH_DAY.exec(text);
  const named = dayFirst ?? monthFirst;
  if (!named) return null;
  const [dayText, monthText] = dayFirst ? [named[1], named[2]] : [named[2], named[1]];
  const key = (monthText ?? '').toLowerCase();
  const month = Object.hasOwn(MONTHS, key) ? MONTHS[key] : undefined;
  if (month === undefined) return 'no-month';
  return { day: Number(dayText), month, year: named[3] === undefined ? null : Number(named[3]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Today's date in `zone` at `now`. */
export function todayIn(now: string, zone: string): IsoDate {
  return DateTime.fromISO(now, { zone }).toISODate() ?? now.slice(0, 10);
}

function shiftDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

function dayNumber(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function inferYear(month: number, day: number, today: IsoDate, prefer: YearPreference): IsoDate | null {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => iso(y, month, day)).filter(isIsoDate);
  if (candidates.length === 0) return null;
  const t = dayNumber(today);
  if (prefer === 'past') {
    const past = candidates.filter((c) => dayNumber(c) <= t);
    return past.at(-1) ?? candidates[0] ?? null;
  }
  let best: IsoDate | null = null;
  for (const c of candidates) {
    if (best === null || Math.abs(dayNumber(c) - t) < Math.abs(dayNumber(best) - t)) best = c;
  }
  return best;
}

/**
 * A typed date → ISO. `today`/`yesterday` are days in the user's zone; a date without a year takes the
 * year `prefer` says (a 29 Feb without a year takes the nearest leap year that fits).
 */
export function parseUserDate(text: string, now: string, zone: string, prefer: YearPreference): DateResult {
  const input = text.trim().toLowerCase();
  const today = todayIn(now, zone);
  if (input === 'today' || input === 'heute') return { ok: true, date: today };
  if (input === 'yesterday' || input === 'gestern') return { ok: true, date: shiftDays(today, -1) };
  const p = parts(input);
  if (p === null || p === 'no-month') return { ok: false, problem: { kind: 'bad-date', text } };
  if (p.year === null) {
    const date = inferYear(p.month, p.day, today, prefer);
    return date === null ? { ok: false, problem: { kind: 'no-such-date', text } } : { ok: true, date };
  }
  const date = iso(p.year, p.month, p.day);
  return isIsoDate(date) ? { ok: true, date } : { ok: false, problem: { kind: 'no-such-date', text } };
}

/** The first instant of `date` in `zone`, as an ISO instant with that zone's offset (for `occurredAt`). */
export function startOfDayIn(date: IsoDate, zone: string): string {
  const dt = DateTime.fromISO(date, { zone }).startOf('day');
  return dt.toISO({ suppressMilliseconds: true }) ?? `${date}T00:00:00Z`;
}

export function isAfterToday(date: IsoDate, now: string, zone: string): boolean {
  return date > todayIn(now, zone);
}
