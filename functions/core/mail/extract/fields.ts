import { EVENT_LIMITS, type Money } from '../../events';
import { isCalendarDate } from '../../formats';
import { monthOfWord } from '../text/dates';
import { LABELS } from './patterns';

/**
 * Field parsers: dates, money, the placed-on line, the store under it, item titles. Each returns null
 * (never throws) on anything it cannot read exactly, because a wrong date is worse than a missing one.
 */

/** Month number of a printed month name or abbreviation (one table for the whole mail core). */
export function monthNumber(name: string): number | null {
  return monthOfWord(name.replace(/\.$/, '')) ?? null;
}

/** A real calendar date as YYYY-MM-DD, or null (31/02/2026 is null, not 2026-03-03). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100 || !isCalendarDate(year, month, day)) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day-first numeric date as AliExpress prints it everywhere: 30/08/2024 (also 30.08.2024). */
export function parseDayFirst(s: string): string | null {
  const m = /^([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})$/.exec(s.trim());
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** A date stated in a sentence: ISO, day-first numeric, "Mar 15, 2026", "15. März 2026", "15 de marzo de 2026". */
export function parseStatedDate(s: string): string | null {
  const t = s.trim();
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(t);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}$/.test(t)) return parseDayFirst(t);
  const monthFirst = /^(\p{L}{3,10})\.? ([0-9]{1,2}),? ?([0-9]{4})$/u.exec(t);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? '');
    return month ? isoDate(Number(monthFirst[3]), month, Number(monthFirst[2])) : null;
  }
  const dayFirst = /^([0-9]{1,2})\.? (?:de )?(\p{L}{3,10})\.?,?(?: de)? ([0-9]{4})$/u.exec(t);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? '');
    return month ? isoDate(Number(dayFirst[3]), month, Number(dayFirst[1])) : null;
  }
  return null;
}

// "Placed on Feb 16,2026, 15:22" / "Aufgegeben am Jan 01,2026, 12:00": English month abbreviations in
// every language, so the shape alone finds it.
const PLACED_RE =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? ?([0-9]{1,2}) ?, ?([0-9]{4}) ?,? ?([0-9]{1,2}):([0-9]{2})(?![0-9])/;

export function isPlacedLine(line: string): boolean {
  return PLACED_RE.test(line);
}

/** ISO local date-time (no zone: the mail gives none), e.g. 2026-01-01T12:00. */
export function parsePlacedAt(text: string): string | null {
  const m = PLACED_RE.exec(text);
  if (!m) return null;
  const date = isoDate(Number(m[3]), monthNumber(m[1] ?? '') ?? 0, Number(m[2]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (!date || hour > 23 || minute > 59) return null;
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The store name is printed on the line right under the placed date. */
export function parseStore(lines: readonly string[]): string | null {
  const i = lines.findIndex(isPlacedLine);
  const next = i >= 0 ? lines[i + 1] : undefined;
  if (next === undefined || next.length > 80 || /[0-9]{4}|…$|\.\.\.$/.test(next) || parseMoney(next))
    return null;
  return next;
}

/** Item titles are cut with "…" / "..." on a line of their own. */
export function parseItems(lines: readonly string[]): string[] {
  const items = lines.filter(
    (l) => l.length <= 160 && /(?:…|\.\.\.)$/.test(l) && !/https?:|[0-9]{15}/.test(l),
  );
  // A real notice lists a few items; a mail with hundreds is cut to what an event may hold.
  return [...new Set(items)].slice(0, EVENT_LIMITS.items);
}

export function parseEstimatedDelivery(flat: string): string | null {
  const m = LABELS.estimatedDelivery?.exec(flat);
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** Printed symbol or code → ISO 4217; a bare "$" stays "$" (USD, CAD, MXN, AUD … all print it). */
const CURRENCIES: readonly (readonly [string, string])[] = [
  ['US $', 'USD'],
  ['US$', 'USD'],
  ['CA $', 'CAD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU $', 'AUD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₩', 'KRW'],
  ['원', 'KRW'],
  ['¥', 'JPY'],
  ['₽', 'RUB'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['$', '$'],
  ...[
    'EUR',
    'USD',
    'GBP',
    'PLN',
    'CHF',
    'BRL',
    'KRW',
    'CAD',
    'AUD',
    'MXN',
    'CZK',
    'SEK',
    'NOK',
    'DKK',
    'RUB',
  ].map((c) => [c, c] as const),
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYMBOL = `(${CURRENCIES.map(([s]) => escapeRegExp(s).replace(/ /g, ' ?')).join('|')})`;
const NUMBER = '([0-9]{1,3}(?:[., ][0-9]{3})+(?:[.,][0-9]{1,2})?|[0-9]+(?:[.,][0-9]{1,2})?)(?![0-9])';
const PREFIX_MONEY = new RegExp(`^${SYMBOL} ?${NUMBER}`);
const SUFFIX_MONEY = new RegExp(`^${NUMBER} ?${SYMBOL}`);

function currencyCode(symbol: string): string {
  const s = symbol.replace(/ /g, '');
  return CURRENCIES.find(([k]) => k.replace(/ /g, '') === s)?.[1] ?? symbol;
}

/** "1.234,56" and "1,234.56" → 1234.56; "1,99" → 1.99; "12,000" → 12000 (three digits after = thousands). */
export function parseAmountNumber(s: string): number | null {
  const t = s.replace(/ /g, '');
  const lastSep = Math.max(t.lastIndexOf(','), t.lastIndexOf('.'));
  if (lastSep < 0) return Number(t);
  const decimals = t.length - lastSep - 1;
  const intPart = t.slice(0, lastSep).replace(/[.,]/g, '');
  const value =
    decimals === 3 ? Number(intPart + t.slice(lastSep + 1)) : Number(`${intPart}.${t.slice(lastSep + 1)}`);
  return Number.isFinite(value) ? value : null;
}

/** Money at the start of `s`: "1,99€", "€ 1,99x1", "US $12.34", "12,000원". */
export function parseMoney(s: string): Money | null {
  const t = s.trim();
  const pre = PREFIX_MONEY.exec(t);
  const suf = pre ? null : SUFFIX_MONEY.exec(t);
  const symbol = pre ? pre[1] : suf?.[2];
  const num = pre ? pre[2] : suf?.[1];
  if (symbol === undefined || num === undefined) return null;
  const value = parseAmountNumber(num);
  return value === null ? null : { value, currency: currencyCode(symbol) };
}

/** The first money right after a label (same line or the next; `flat` joins lines with a space). */
export function moneyAfter(label: RegExp | null, flat: string): Money | null {
  if (!label) return null;
  for (const m of flat.matchAll(label)) {
    const end = m.index + m[0].length;
    const money = parseMoney(flat.slice(end, end + 40));
    if (money) return money;
  }
  return null;
}
