/**
 * Reads the dates mail clients print in headers and quoted header blocks, keeping the offset they were
 * written with: `Mon, 05 Jan 2026 10:21:32 -0800` (RFC 2822), Gmail `Mon, Jan 5, 2026 at 10:21 AM`
 * (U+202F before AM), Apple `25 October 2021 at 11:17:21 EEST`, Outlook `Monday, January 5, 2026 10:21 AM`,
 * Yahoo `…, 10:21:32 AM GMT+1`, `5. Januar 2026 um 10:21`, `2026年1月5日`, `05.01.2026 10:21`.
 *
 * A date that cannot be read exactly gives null (the caller then falls back to when the mail reached
 * us): a guessed day could move a protection deadline.
 */
import { isCalendarDate } from '../../formats';

const MONTHS: Readonly<Record<string, number>> = buildMonths({
  en: 'january february march april may june july august september october november december',
  de: 'januar februar märz april mai juni juli august september oktober november dezember',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  it: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  nl: 'januari februari maart april mei juni juli augustus september oktober november december',
  pt: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  pl: 'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  ru: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
});

/** Month names and their common abbreviations (first 3 letters, `sept`, `märz`→`mär`, `mrz`). */
function buildMonths(tables: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = { sept: 9, mrz: 3, dez: 12, okt: 10, dic: 12, ago: 8 };
  for (const names of Object.values(tables)) {
    names.split(' ').forEach((name, i) => {
      out[name] = i + 1;
      out[name.slice(0, 3)] ??= i + 1;
      out[name.slice(0, 4)] ??= i + 1;
    });
  }
  return out;
}

/** Zone abbreviations mail clients print, in minutes east of UTC. Ambiguous ones (IST) are left out. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  mez: 60,
  mesz: 120,
};

/** Month number (1–12) of a month name or abbreviation in any listed language, any case; else undefined. */
export function monthOfWord(word: string): number | undefined {
  return MONTHS[word.toLowerCase()];
}

export interface ParsedDate {
  /** ISO instant with offset, e.g. `2026-01-05T10:21:00-08:00`. */
  readonly iso: string;
  /** True when the text named no zone and `fallbackOffsetMinutes` was used. */
  readonly zoneGuessed: boolean;
  readonly offsetMinutes: number;
}

/**
 * A time: not the `01:00` of a zone (`GMT+01:00 上午10:21:32`, Chinese long format, names the zone
 * first), with AM/PM after it or, in Chinese, Japanese and Korean, before it (上午/午前/오전 AM,
 * 下午/午後/오후 PM).
 */
const TIME =
  /(?:(上午|午前|오전|下午|午後|오후)\s*)?(?<![+\-\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?/;
const CJK_PM = new Set(['下午', '午後', '오후']);
const NUMERIC_ZONE = /(?:^|\s|\()(?:gmt|utc)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?=$|\s|\))/;
const GMT_ZONE = /\b(?:gmt|utc)([+-])(\d{1,2})(?::?(\d{2}))?\b/;
const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})/;
/** Day-first with a four- or two-digit year (`05.01.2026`, `05.01.26`: German clients' short form). */
const DOTTED_DAY = /\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/;
const SLASH_DAY = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/;
const CJK_DAY = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
const WORD = /[\p{L}]+/gu;
const NUMBER = /\b\d{1,4}\b/g;

/**
 * Parses a printed date. `fallbackOffsetMinutes`: the offset to assume when the text names no zone. The
 * caller passes the offset of the mail that quoted it, because the forwarding client prints quoted dates
 * in the same local zone it writes into its own Date header; with no better clue, UTC (0).
 */
export function parseMailDate(input: string, fallbackOffsetMinutes = 0): ParsedDate | null {
  if (input.length > 200) return null;
  return parseRfc2822(input) ?? parseLoose(input, fallbackOffsetMinutes);
}

/** `Mon, 05 Jan 2026 10:21:32 -0800`: nearly every Date header; read directly, without the general scan. */
const RFC2822 =
  /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-])(\d{2})(\d{2})(?:\s+\([^()]*\))?\s*$/;

function parseRfc2822(input: string): ParsedDate | null {
  const m = RFC2822.exec(input);
  if (!m) return null;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  const day = month === undefined ? null : validDay(Number(m[3]), month, Number(m[1]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  const offsetMinutes = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  if (!day || hour > 23 || minute > 59 || second > 60 || Math.abs(offsetMinutes) > 14 * 60) return null;
  const iso = `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${formatOffset(offsetMinutes)}`;
  return { iso, zoneGuessed: false, offsetMinutes };
}

function parseLoose(input: string, fallbackOffsetMinutes: number): ParsedDate | null {
  let s = input.replace(/[\u202f\u00a0\u2009\t]/g, ' ').toLowerCase();
  const time = TIME.exec(s);
  if (!time) return null;
  let hour = Number(time[2]);
  const minute = Number(time[3]);
  const second = Number(time[4] ?? 0);
  const half = time[5] ?? (time[1] ? (CJK_PM.has(time[1]) ? 'p' : 'a') : undefined);
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;
  s = `${s.slice(0, time.index)} ${s.slice(time.index + time[0].length)}`;
  const zone = readZone(s);
  const day = readDay(zone.rest);
  const offset = zone.offset;
  if (!day) return null;
  const zoneGuessed = offset === null;
  const offsetMinutes = offset ?? fallbackOffsetMinutes;
  const iso = `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${formatOffset(offsetMinutes)}`;
  return Number.isNaN(Date.parse(iso)) ? null : { iso, zoneGuessed, offsetMinutes };
}

/** The zone named in `s` and `s` without a numeric zone (so `-0800` is not read as a year). */
function readZone(s: string): { offset: number | null; rest: string } {
  const numeric = GMT_ZONE.exec(s) ?? NUMERIC_ZONE.exec(s);
  if (numeric) {
    const [, sign, h, m] = numeric;
    const hours = Number(h);
    const minutes = Number(m ?? 0);
    const rest = s.slice(0, numeric.index) + s.slice(numeric.index + numeric[0].length);
    // `-0800` is hours 08 minutes 00; `+1` (Yahoo `GMT+1`) is hours only.
    if (hours > 14 || minutes > 59) return { offset: null, rest };
    return { offset: (sign === '-' ? -1 : 1) * (hours * 60 + minutes), rest };
  }
  for (const word of s.match(WORD) ?? []) {
    const zone = ZONES[word];
    if (zone !== undefined) return { offset: zone, rest: s };
  }
  return { offset: null, rest: s };
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function readDay(s: string): Day | null {
  const iso = ISO_DAY.exec(s);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const cjk = CJK_DAY.exec(s);
  if (cjk) return validDay(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));
  const dotted = DOTTED_DAY.exec(s);
  if (dotted) return validDay(fullYear(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slash = SLASH_DAY.exec(s);
  if (slash) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    // 01/05/2026 is 1 May or 5 January depending on the client's locale: refuse to guess.
    if (a <= 12 && b <= 12 && a !== b) return null;
    return a > 12 ? validDay(fullYear(slash[3]), b, a) : validDay(fullYear(slash[3]), a, b);
  }
  // The last month word: a weekday may come first and read as one (Spanish, French and Italian Gmail
  // write Tuesday as `mar`, which is also March's abbreviation: `mar, 6 ene 2026` is 6 January).
  let month: number | undefined;
  for (const word of s.match(WORD) ?? []) month = MONTHS[word] ?? month;
  if (month === undefined) return null;
  let year: number | undefined;
  let day: number | undefined;
  for (const n of s.match(NUMBER) ?? []) {
    if (n.length === 4 && year === undefined) year = Number(n);
    else if (n.length <= 2 && day === undefined) day = Number(n);
  }
  if (year === undefined || day === undefined) return null;
  return validDay(year, month, day);
}

/** `26` is 2026: a mail client's two-digit year is this century's. */
function fullYear(digits: string | undefined): number {
  const n = Number(digits);
  return digits?.length === 2 ? 2000 + n : n;
}

function validDay(year: number, month: number, day: number): Day | null {
  // 1990–2200: a mail client's date outside it is a misreading (a phone number, an order number slice).
  if (year < 1990 || year > 2200) return null;
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
