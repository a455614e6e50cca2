import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_LIMITS,
  EVENT_TYPES,
  InvalidEventError,
  isIsoDate,
  isIsoInstant,
  parseOrderEvent,
  quickAcceptsEvent,
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

describe('quickAcceptsEvent (the reader’s fast pre-check) never accepts what the schema refuses', () => {
  const full = {
    type: 'refund_issued',
    orderIds: ['8123456789012345', '312345678901234'],
    occurredAt: '2026-01-05T10:21:32+01:00',
    source: { kind: 'mail', messageId: '<a@b>', language: 'de', evidence: 'verified' },
    parcelId: 'LP00123456789012',
    placedAt: '2026-01-01T12:00',
    estimatedDelivery: '2026-02-01',
    protectionEndsAt: '2026-03-01',
    extensionDays: 15,
    disputeWindowDays: 15,
    negotiationEndsAt: '2026-03-01T00:00:00Z',
    outcome: 'won',
    paymentMethod: 'card',
    amount: { value: 12.5, currency: 'EUR' },
    store: 'A store',
    items: ['An item'],
  };

  const KEYS = [
    ...Object.keys(full),
    'extra',
    'source.kind',
    'source.evidence',
    'source.extra',
    'amount.value',
    'amount.currency',
  ];
  const ODD_VALUES: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    0,
    -1,
    1,
    366,
    365,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    [],
    {},
    ['8123456789012345'],
    ['81234567890123456'],
    ['x'],
    [''],
    'x'.repeat(65),
    'x'.repeat(201),
    'x'.repeat(999),
    '2026-02-30',
    '2026-01-01',
    '2026-01-01T12:00',
    '2026-01-01T12:00+25:00',
    '2026-01-01T12:00:00Z',
    'mail',
    'manual',
    'verified',
    'won',
    'card',
    'shipped',
    'protection_stated',
    'protection_extended',
    'negotiation_deadline',
    { value: 1, currency: 'EUR' },
    { value: -1, currency: 'EUR' },
    { value: 1, currency: 'EURO-EURO' },
    { value: 1, currency: 'EUR', x: 1 },
    Array.from({ length: 51 }, () => '8123456789012345'),
    Array.from({ length: 101 }, () => 'item'),
  ];

  /** `full` as `type`, without `dropped`, with `changes` (`a.b` reaches into source or amount). */
  function changed(
    type: string,
    dropped: readonly string[],
    changes: readonly (readonly [string, unknown])[],
    deleteUndefined: boolean,
  ): Record<string, unknown> {
    const e: Record<string, unknown> = {
      ...full,
      type,
      source: { ...full.source },
      amount: { ...full.amount },
    };
    for (const key of dropped) if (key !== 'source') delete e[key];
    for (const [key, value] of changes) {
      const [head, sub] = key.split('.');
      if (head === undefined) continue;
      const target = sub === undefined ? e : (e[head] as Record<string, unknown>);
      const field = sub ?? head;
      if (typeof target !== 'object' || target === null) continue;
      if (value === undefined && deleteUndefined) delete target[field];
      else target[field] = value;
    }
    return e;
  }

  it('accepts a full mail event and a minimal one, as the schema does', () => {
    for (const e of [full, { ...base, source: full.source }]) {
      expect(quickAcceptsEvent(e)).toBe(true);
      expect(() => parseOrderEvent(e)).not.toThrow();
    }
  });

  it('leaves to the schema what the reader never writes (no source, null fields, other sources)', () => {
    expect(quickAcceptsEvent(base)).toBe(false);
    expect(quickAcceptsEvent({ ...full, parcelId: null })).toBe(false);
    expect(quickAcceptsEvent({ ...full, source: { kind: 'command', messageId: null } })).toBe(false);
    expect(quickAcceptsEvent(Object.assign(Object.create(null), full))).toBe(false);
  });

  it('for every type, without the fields a type needs, accepted only where the schema accepts', () => {
    const needed = ['protectionEndsAt', 'extensionDays', 'negotiationEndsAt'];
    for (const type of EVENT_TYPES) {
      for (let mask = 0; mask < 2 ** needed.length; mask++) {
        const e: Record<string, unknown> = { ...full, type };
        needed.forEach((key, k) => {
          if (mask & (1 << k)) delete e[key];
        });
        if (quickAcceptsEvent(e)) expect(() => parseOrderEvent(e)).not.toThrow();
        else expect(() => parseOrderEvent(e)).toThrow(InvalidEventError);
      }
    }
  });

  it('on every single change of one field, accepted only where the schema accepts', () => {
    for (const type of EVENT_TYPES) {
      for (const key of KEYS) {
        for (const value of ODD_VALUES) {
          const e = changed(type, [], [[key, value]], false);
          if (quickAcceptsEvent(e)) expect(() => parseOrderEvent(e), `${key}=${value}`).not.toThrow();
        }
      }
    }
  });

  it('on random changes to each field, accepted only where the schema accepts', () => {
    const oddValue = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constantFrom(...ODD_VALUES),
      },
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.double(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TYPES),
        fc.subarray(Object.keys(full)),
        fc.array(fc.tuple(fc.constantFrom(...KEYS), oddValue), { maxLength: 4 }),
        fc.boolean(),
        (type, dropped, changes, deleteUndefined) => {
          const e = changed(type, dropped, changes, deleteUndefined);
          if (quickAcceptsEvent(e)) expect(() => parseOrderEvent(e)).not.toThrow();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
