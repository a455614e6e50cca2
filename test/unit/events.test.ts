import { describe, expect, it } from 'vitest';
import {
  EVENT_LIMITS,
  InvalidEventError,
  isIsoDate,
  isIsoInstant,
  parseOrderEvent,
} from '../../functions/core/events';

const base = { type: 'shipped', orderIds: ['8123456789012345'], occurredAt: '2026-01-05T10:21:32Z' };

describe('parseOrderEvent', () => {
  it('accepts a minimal event and defaults the source to manual', () => {
    expect(parseOrderEvent(base)).toEqual({ ...base, source: { kind: 'manual' } });
  });

  it('drops null optional fields, as printed by `parse --json`', () => {
    const event = parseOrderEvent({
      ...base,
      parcelId: null,
      placedAt: null,
      estimatedDelivery: '2026-02-01',
    });
    expect(event).not.toHaveProperty('parcelId');
    expect(event.estimatedDelivery).toBe('2026-02-01');
  });

  it('dedupes order ids and keeps a mail source', () => {
    const event = parseOrderEvent({
      ...base,
      orderIds: ['8123456789012345', '8123456789012345', '812345678901234'],
      source: { kind: 'mail', messageId: '<a@b>', language: 'de', evidence: 'verified' },
    });
    expect(event.orderIds).toEqual(['8123456789012345', '812345678901234']);
    expect(event.source).toEqual({ kind: 'mail', messageId: '<a@b>', language: 'de', evidence: 'verified' });
  });

  it('refuses a mail fact that does not say how sure its wording is (source.evidence)', () => {
    expect(() =>
      parseOrderEvent({ ...base, source: { kind: 'mail', messageId: null, language: 'en' } }),
    ).toThrow(/"source.evidence" is required/);
  });

  it.each([
    ['not an object', 'x', /must be an object/],
    ['unknown type', { ...base, type: 'teleported' }, /"type" must be one of/],
    ['no order ids', { ...base, orderIds: [] }, /non-empty/],
    ['a 17-digit id', { ...base, orderIds: ['19999999999990001'] }, /not a 15\/16-digit/],
    ['an instant without offset', { ...base, occurredAt: '2026-01-05T10:21:32' }, /ISO instant with offset/],
    ['an impossible date', { ...base, estimatedDelivery: '2026-02-30' }, /ISO date/],
    ['protection_stated without an end', { ...base, type: 'protection_stated' }, /needs "protectionEndsAt"/],
    [
      'protection_extended with nothing',
      { ...base, type: 'protection_extended' },
      /needs "protectionEndsAt" or/,
    ],
    [
      'negotiation_deadline without a date',
      { ...base, type: 'negotiation_deadline' },
      /needs "negotiationEndsAt"/,
    ],
    ['a bad outcome', { ...base, type: 'dispute_closed', outcome: 'draw' }, /"outcome" must be one of/],
    ['zero extension days', { ...base, type: 'protection_extended', extensionDays: 0 }, /whole number/],
    ['a negative amount', { ...base, amount: { value: -1, currency: 'EUR' } }, /non-negative/],
    ['an unknown source kind', { ...base, source: { kind: 'rumour' } }, /source.kind/],
    ['an array', [base], /must be an object/],
    ['no occurredAt', { type: 'shipped', orderIds: ['8123456789012345'] }, /"occurredAt" is required/],
    // Strict objects: a misspelt field silently dropped would lose the fact that moves a deadline.
    ['an unknown field', { ...base, protectionEnds: '2026-03-01' }, /unknown field "protectionEnds"/],
    [
      'an unknown field in source',
      { ...base, source: { kind: 'mail', messageId: null, language: 'en', evidence: 'verified', via: 'x' } },
      /unknown field "source.via"/,
    ],
    [
      'an unknown field in amount',
      { ...base, amount: { value: 1, currency: 'EUR', cents: 100 } },
      /"amount.cents"/,
    ],
    ['month 13', { ...base, estimatedDelivery: '2026-13-01' }, /"estimatedDelivery" must be an ISO date/],
    ['30 February in an instant', { ...base, occurredAt: '2026-02-30T10:00:00Z' }, /"occurredAt"/],
    ['hour 25', { ...base, occurredAt: '2026-01-05T25:99:00Z' }, /"occurredAt"/],
    ['a +25:00 offset', { ...base, occurredAt: '2026-01-05T10:00:00+25:00' }, /"occurredAt"/],
    ['an impossible stated end', { ...base, protectionEndsAt: '2026-02-30' }, /"protectionEndsAt"/],
    ['an impossible placed time', { ...base, placedAt: '2026-01-05T24:30' }, /"placedAt"/],
    [
      '51 order ids',
      { ...base, orderIds: Array.from({ length: 51 }, (_, i) => `81234567890${10000 + i}`) },
      /at most 50/,
    ],
    ['a 65-character parcel id', { ...base, parcelId: 'A'.repeat(65) }, /"parcelId"/],
    ['a 201-character store', { ...base, store: 's'.repeat(201) }, /"store"/],
    ['101 items', { ...base, items: Array.from({ length: 101 }, (_, i) => `item ${i}`) }, /"items"/],
    ['a 301-character item', { ...base, items: ['i'.repeat(301)] }, /"items.0"/],
    ['a non-string item', { ...base, items: ['ok', 3] }, /"items.1"/],
    ['a long currency', { ...base, amount: { value: 1, currency: 'EURO-DOLLAR' } }, /"amount.currency"/],
    [
      'a 999-character message id',
      { ...base, source: { kind: 'command', messageId: `<${'m'.repeat(997)}>` } },
      /"source.messageId"/,
    ],
  ])('rejects %s with a message naming the field', (_what, input, message) => {
    expect(() => parseOrderEvent(input)).toThrow(InvalidEventError);
    expect(() => parseOrderEvent(input)).toThrow(message);
  });
});

describe('limits', () => {
  it('accepts every field at its bound', () => {
    const event = parseOrderEvent({
      ...base,
      orderIds: Array.from({ length: EVENT_LIMITS.orderIds }, (_, i) => `81234567890${10000 + i}`),
      parcelId: 'A'.repeat(EVENT_LIMITS.parcelIdChars),
      store: 's'.repeat(EVENT_LIMITS.storeChars),
      items: Array.from({ length: EVENT_LIMITS.items }, () => 'i'.repeat(EVENT_LIMITS.itemChars)),
      amount: { value: 0, currency: 'C'.repeat(EVENT_LIMITS.currencyChars) },
      source: { kind: 'command', messageId: 'm'.repeat(EVENT_LIMITS.messageIdChars) },
    });
    expect(event.orderIds).toHaveLength(EVENT_LIMITS.orderIds);
  });
});

describe('date checks', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-04-31', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
  ])('isIsoDate(%s) is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ['2026-01-05T10:21:32Z', true],
    ['2026-01-05T10:21:32.123+01:00', true],
    ['2026-01-05T10:21', false],
    ['2026-02-30T10:00:00Z', false],
    ['2026-01-05T25:99:00Z', false],
    ['2026-01-05T24:00:00Z', false],
    ['2026-01-05T10:00:60Z', false],
    ['2026-01-05T10:00:00+25:00', false],
    ['2026-01-05T10:00:00+14:01', false],
    ['2026-01-05T10:00:00+05:60', false],
    ['2026-01-05T10:00:00+14:00', true],
    ['2026-01-05T10:00:00-12:00', true],
  ])('isIsoInstant(%s) is %s', (value, expected) => expect(isIsoInstant(value)).toBe(expected));
});
