/**
 * Time helpers for the rules engine. Instants are epoch milliseconds inside the engine and ISO strings
 * (UTC, `Z`) at its edges; every zone is named explicitly, never the machine's.
 *
 * Business days are Monday to Friday in the user's zone. Public holidays are out of scope (they differ by
 * country and bank); a holiday only makes a refund "overdue" a day early, which errs on the safe side.
 */
import {
  DateTime,
  FixedOffsetZone,
  IANAZone,
  Zone,
  type ZoneOffsetFormat,
  type ZoneOffsetOptions,
} from 'luxon';
import { isIsoDate, isIsoInstant, isIsoLocalDateTime } from '../formats';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * The earliest zone a bare date can mean (Kiribati, UTC+14): the start of a date there comes before the
 * start of that date anywhere else, so a date-only deadline read this way is never late.
 */
export const EARLIEST_ZONE = 'UTC+14';

export class InvalidTimeZoneError extends Error {
  override readonly name = 'InvalidTimeZoneError';
}

export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
}

/**
 * An IANA zone that remembers the offsets it computed. luxon asks Intl for the offset of every DateTime it
 * builds (and re-validates a zone given by name each time); the engine asks about the same few instants
 * on every evaluation, so this made evaluation several times faster. Offsets of a zone at an instant
 * never change within a process, so the memo is exact.
 */
class MemoZone extends Zone {
  private readonly offsets = new Map<number, number>();
  constructor(private readonly inner: IANAZone) {
    super();
  }
  override get type(): string {
    return this.inner.type;
  }
  override get name(): string {
    return this.inner.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): true {
    return true;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.inner.offsetName(ts, options) ?? this.name;
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    let offset = this.offsets.get(ts);
    if (offset === undefined) {
      offset = this.inner.offset(ts);
      if (this.offsets.size >= 50_000) this.offsets.clear();
      this.offsets.set(ts, offset);
    }
    return offset;
  }
  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();
const EARLIEST: Zone = FixedOffsetZone.instance(14 * 60);

export function isTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && (zones.has(zone) || IANAZone.isValidZone(zone));
}

/** The luxon zone for an IANA name; throws `InvalidTimeZoneError` for an unknown one. */
export function zoneOf(name: string): Zone {
  const known = zones.get(name);
  if (known) return known;
  if (!isTimeZone(name)) {
    throw new InvalidTimeZoneError(
      `unknown time zone ${JSON.stringify(name)} (expected an IANA name such as Europe/Berlin)`,
    );
  }
  const zone = new MemoZone(IANAZone.create(name));
  zones.set(name, zone);
  return zone;
}

export function assertTimeZone(zone: string): string {
  zoneOf(zone);
  return zone;
}

function checked(dt: DateTime, value: string): number {
  if (!dt.isValid) {
    throw new InvalidDateError(
      `not a valid date or instant: ${JSON.stringify(value)} (${dt.invalidExplanation ?? dt.invalidReason})`,
    );
  }
  return dt.toMillis();
}

/** An ISO instant that carries its offset (`Z` or `±hh:mm`), as validated for events. */
export function parseInstant(value: string): number {
  if (!isIsoInstant(value)) {
    throw new InvalidDateError(`not an ISO instant with a time and an offset: ${JSON.stringify(value)}`);
  }
  return Date.parse(value);
}

export function isDateOnly(value: string): boolean {
  return isIsoDate(value);
}

/** The first instant of `date` anywhere on Earth: midnight in UTC+14. */
export function earliestStartOfDay(date: string): number {
  if (!isIsoDate(date)) throw new InvalidDateError(`not an ISO date: ${JSON.stringify(date)}`);
  return checked(DateTime.fromISO(date, { zone: EARLIEST }), date);
}

/**
 * Midnight after `date` in `zone`: when that day is over for the user. For dates that only trigger advice
 * (an estimated delivery), where reading them early does harm rather than guarding against it.
 */
export function endOfLocalDay(date: string, zone: string): number {
  if (!isIsoDate(date)) throw new InvalidDateError(`not an ISO date: ${JSON.stringify(date)}`);
  return checked(DateTime.fromISO(date, { zone: zoneOf(zone) }).plus({ days: 1 }), date);
}

/**
 * A deadline stated as a date or an instant. A bare date is read conservatively: the deadline falls at the
 * start of that day in the earliest zone, so we never treat a date as lasting longer than it may.
 */
export function conservativeDeadline(value: string): number {
  return isDateOnly(value) ? earliestStartOfDay(value) : parseInstant(value);
}

/**
 * The earliest instant a date, zone-less local date-time, or instant can mean (used for starts such as
 * "placed on": an earlier start makes every clock built on it end earlier).
 */
export function earliestInstant(value: string): number {
  if (isDateOnly(value)) return earliestStartOfDay(value);
  if (isIsoLocalDateTime(value)) return checked(DateTime.fromISO(value, { zone: EARLIEST }), value);
  return parseInstant(value);
}

export function addDays(instant: number, days: number): number {
  // Whole 24-hour days: AliExpress's timers run in China (no DST), so a DST change in the user's zone
  // does not lengthen or shorten them.
  return instant + days * DAY_MS;
}

/** `days` Monday–Friday days after `instant`, counted in `zone`, keeping the local time of day. */
export function addBusinessDays(instant: number, days: number, zone: string): number {
  const start = DateTime.fromMillis(instant, { zone: zoneOf(zone) });
  // Count on weekday numbers (1 = Monday … 7 = Sunday), then move once: cheaper than a DateTime per day.
  let weekday = start.weekday;
  let calendarDays = 0;
  for (let left = days; left > 0; ) {
    calendarDays += 1;
    weekday = (weekday % 7) + 1;
    if (weekday <= 5) left -= 1;
  }
  return start.plus({ days: calendarDays }).toMillis();
}

/** The send hour on the local calendar day (in `zone`) that contains `instant`; may be before `instant`. */
export function sendHourOnDay(instant: number, zone: string, hour: number): number {
  return DateTime.fromMillis(instant, { zone: zoneOf(zone) })
    .set({ hour, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
}

/** The first send hour in `zone` at or after `instant`. */
export function nextSendHour(instant: number, zone: string, hour: number): number {
  const sameDay = sendHourOnDay(instant, zone, hour);
  if (sameDay >= instant) return sameDay;
  return DateTime.fromMillis(instant, { zone: zoneOf(zone) })
    .plus({ days: 1 })
    .set({ hour, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
}

export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A short local rendering for humans, e.g. `2026-03-05 09:00 UTC+1` (offset names cost an Intl call). */
export function formatLocal(instant: number, zone: string): string {
  const dt = DateTime.fromMillis(instant, { zone: zoneOf(zone) });
  const offset = dt.offset;
  const sign = offset < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  const utc = offset === 0 ? 'UTC' : `UTC${sign}${h}${m === 0 ? '' : `:${pad(m)}`}`;
  return `${dt.year}-${pad(dt.month)}-${pad(dt.day)} ${pad(dt.hour)}:${pad(dt.minute)} ${utc}`;
}

/** The calendar date of `instant` in `zone` (YYYY-MM-DD). */
export function localDate(instant: number, zone: string): string {
  const dt = DateTime.fromMillis(instant, { zone: zoneOf(zone) });
  return `${dt.year}-${pad(dt.month)}-${pad(dt.day)}`;
}
