import { describe, expect, it } from 'vitest';
import { InvalidEventError, isIsoDate, isIsoInstant, parseOrderEvent } from '../../functions/core/events';

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

  it('takes a mail fact that does not say how it was read as unverified', () => {
    const event = parseOrderEvent({ ...base, source: { kind: 'mail', messageId: null, language: 'en' } });
    expect(event.source).toEqual({ kind: 'mail', messageId: null, language: 'en', evidence: 'unverified' });
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
  ])('rejects %s with a message naming the field', (_what, input, message) => {
    expect(() => parseOrderEvent(input)).toThrow(InvalidEventError);
    expect(() => parseOrderEvent(input)).toThrow(message);
  });
});

describe('date checks', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
  ])('isIsoDate(%s) is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ['2026-01-05T10:21:32Z', true],
    ['2026-01-05T10:21:32.123+01:00', true],
    ['2026-01-05T10:21', false],
    ['2026-02-30T10:00:00Z', false],
  ])('isIsoInstant(%s) is %s', (value, expected) => expect(isIsoInstant(value)).toBe(expected));
});
