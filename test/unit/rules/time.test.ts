import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  assertTimeZone,
  conservativeDeadline,
  earliestInstant,
  endOfLocalDay,
  InvalidDateError,
  InvalidTimeZoneError,
  nextSendHour,
  parseInstant,
  sendHourOnDay,
  toIso,
} from '../../../functions/core/rules/time';

const at = (iso: string) => Date.parse(iso);

describe('conservative dates', () => {
  it('reads a bare date as the start of that day in UTC+14, the earliest zone', () => {
    expect(toIso(conservativeDeadline('2026-03-10'))).toBe('2026-03-09T10:00:00.000Z');
  });

  it('keeps an instant with offset as it is', () => {
    expect(toIso(conservativeDeadline('2026-03-10T12:00:00+02:00'))).toBe('2026-03-10T10:00:00.000Z');
  });

  it('ends a date for advice when it is over in the user zone', () => {
    expect(toIso(endOfLocalDay('2026-02-01', 'UTC'))).toBe('2026-02-02T00:00:00.000Z');
    expect(toIso(endOfLocalDay('2026-02-01', 'America/Los_Angeles'))).toBe('2026-02-02T08:00:00.000Z');
  });

  it('reads a zone-less local date-time (a placed date) in the earliest zone', () => {
    expect(toIso(earliestInstant('2026-01-01T12:00'))).toBe('2025-12-31T22:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-13-01T10:00', 'tomorrow'])('rejects %s with a clear error', (value) => {
    expect(() => earliestInstant(value)).toThrow(InvalidDateError);
  });

  it('rejects an instant without an offset', () => {
    expect(() => parseInstant('2026-03-01T10:00:00')).toThrow(/offset/);
  });
});

describe('time zones', () => {
  it('accepts IANA names and rejects unknown ones', () => {
    expect(assertTimeZone('America/New_York')).toBe('America/New_York');
    expect(() => assertTimeZone('Europe/Atlantis')).toThrow(InvalidTimeZoneError);
    expect(() => assertTimeZone('')).toThrow(/unknown time zone/);
  });
});

describe('addBusinessDays (Mon–Fri, holidays out of scope)', () => {
  it.each([
    // Friday + 1 business day = Monday
    ['2026-03-06T10:00:00Z', 1, '2026-03-09T10:00:00.000Z'],
    // Friday + 3 = Wednesday
    ['2026-03-06T10:00:00Z', 3, '2026-03-11T10:00:00.000Z'],
    // Saturday + 1 = Monday
    ['2026-03-07T10:00:00Z', 1, '2026-03-09T10:00:00.000Z'],
    // Monday + 10 = Monday two weeks later
    ['2026-03-02T10:00:00Z', 10, '2026-03-16T10:00:00.000Z'],
    // Wednesday + 5 = next Wednesday
    ['2026-03-04T10:00:00Z', 5, '2026-03-11T10:00:00.000Z'],
  ])('%s + %i business days = %s (UTC)', (start, days, end) => {
    expect(toIso(addBusinessDays(at(start), days, 'UTC'))).toBe(end);
  });

  it('counts weekends in the user zone, not UTC', () => {
    // Friday 23:30 UTC is already Saturday in Tokyo: +1 business day is Monday in Tokyo.
    expect(toIso(addBusinessDays(at('2026-03-06T23:30:00Z'), 1, 'Asia/Tokyo'))).toBe(
      '2026-03-08T23:30:00.000Z',
    );
    expect(toIso(addBusinessDays(at('2026-03-06T23:30:00Z'), 1, 'UTC'))).toBe('2026-03-09T23:30:00.000Z');
  });

  it('keeps the local time of day across a DST change', () => {
    // Berlin switches to summer time on Sunday 2026-03-29.
    expect(toIso(addBusinessDays(at('2026-03-27T08:00:00Z'), 1, 'Europe/Berlin'))).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });
});

describe('send hour', () => {
  it.each([
    // Berlin winter (UTC+1) and summer (UTC+2) around the 2026-03-29 switch
    ['Europe/Berlin', '2026-03-28T15:00:00Z', '2026-03-28T08:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29T15:00:00Z', '2026-03-29T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T15:00:00Z', '2026-10-25T08:00:00.000Z'],
    // New York switches on 2026-03-08 and 2026-11-01
    ['America/New_York', '2026-03-07T18:00:00Z', '2026-03-07T14:00:00.000Z'],
    ['America/New_York', '2026-03-08T18:00:00Z', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-11-01T18:00:00Z', '2026-11-01T14:00:00.000Z'],
  ])('is 09:00 local in %s on the day of %s', (zone, instant, expected) => {
    expect(toIso(sendHourOnDay(at(instant), zone, 9))).toBe(expected);
  });

  it.each([
    // 02:00 does not exist on these days: the first instant after the gap, on the same local day.
    ['Europe/Berlin', '2026-03-29T10:00:00Z', 2, '2026-03-29T01:00:00.000Z'],
    ['America/New_York', '2026-03-08T15:00:00Z', 2, '2026-03-08T07:00:00.000Z'],
    // Half-hour and +14 zones.
    ['Asia/Kolkata', '2026-03-10T20:00:00Z', 9, '2026-03-11T03:30:00.000Z'],
    ['Pacific/Kiritimati', '2026-03-10T20:00:00Z', 9, '2026-03-10T19:00:00.000Z'],
  ])('in %s on the day of %s, hour %i is %s', (zone, instant, hour, expected) => {
    expect(toIso(sendHourOnDay(at(instant), zone, hour))).toBe(expected);
  });

  it('moves to the next day when the hour has passed, and stays when it has not', () => {
    expect(toIso(nextSendHour(at('2026-03-02T10:00:00Z'), 'UTC', 9))).toBe('2026-03-03T09:00:00.000Z');
    expect(toIso(nextSendHour(at('2026-03-02T08:00:00Z'), 'UTC', 9))).toBe('2026-03-02T09:00:00.000Z');
    expect(toIso(nextSendHour(at('2026-03-02T09:00:00Z'), 'UTC', 9))).toBe('2026-03-02T09:00:00.000Z');
  });
});
