import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import * as engine from '../../../functions/core/rules/index';
import {
  AmbiguousOrderError,
  evaluateOrder,
  evaluateOrders,
  eventId,
  InvalidDateError,
  InvalidTimeZoneError,
  resolvePolicy,
} from '../../../functions/core/rules/index';
import { ev, ORDER, OTHER_ORDER, shippedOrder } from './helpers';

const NOW = '2026-02-28T10:00:00Z';

describe('evaluateOrder', () => {
  it('finds the order the events share when none is named', () => {
    const both = ev('order_confirmed', '2026-01-01T10:00:00Z', { orderIds: [ORDER, OTHER_ORDER] });
    expect(evaluateOrder([both, ev('shipped', '2026-01-05T10:00:00Z')], { now: NOW }).orderId).toBe(ORDER);
  });

  it('refuses to guess between several orders', () => {
    const both = ev('order_confirmed', '2026-01-01T10:00:00Z', { orderIds: [ORDER, OTHER_ORDER] });
    expect(() => evaluateOrder([both], { now: NOW })).toThrow(AmbiguousOrderError);
    expect(() => evaluateOrder([], { now: NOW })).toThrow(/no events/);
  });

  it('rejects a bad now and an unknown zone with named errors', () => {
    expect(() => evaluateOrder(shippedOrder, { now: '2026-02-28', orderId: ORDER })).toThrow(
      InvalidDateError,
    );
    expect(() =>
      evaluateOrder(shippedOrder, { now: NOW, orderId: ORDER, timeZone: 'Europe/Atlantis' }),
    ).toThrow(InvalidTimeZoneError);
  });

  it("uses the policy's default zone when the user has none", () => {
    const policy = resolvePolicy({ defaultTimeZone: 'Asia/Tokyo' });
    const result = evaluateOrder(shippedOrder, { now: NOW, orderId: ORDER, policy });
    // 7 days before 2026-03-06T10:00Z is 2026-02-27 19:00 in Tokyo: 09:00 Tokyo that day is 00:00Z.
    expect(result.alerts.map((a) => a.sendAt)).toEqual(['2026-02-27T00:00:00.000Z']);
  });

  it('does not change its answer for the same inputs (no hidden clock)', () => {
    const a = evaluateOrder(shippedOrder, { now: NOW, orderId: ORDER });
    const b = evaluateOrder([...shippedOrder].reverse(), { now: NOW, orderId: ORDER });
    expect(b).toEqual(a);
  });
});

describe('evaluateOrders', () => {
  it('evaluates every order, an event naming two applying to both, and honours mutes', () => {
    const events = [ev('payment_confirmed', '2026-01-01T10:00:00Z', { orderIds: [ORDER, OTHER_ORDER] })];
    const { orders: results } = evaluateOrders(events, { now: NOW, mutedOrderIds: new Set([OTHER_ORDER]) });
    expect(results.map((r) => r.orderId)).toEqual([OTHER_ORDER, ORDER]);
    expect(results.find((r) => r.orderId === ORDER)?.alerts.map((a) => a.kind)).toEqual(['not-shipped']);
    expect(results.find((r) => r.orderId === OTHER_ORDER)?.alerts).toEqual([]);
  });
});

describe('events dated after now', () => {
  const later = ev('dispute_opened', '2026-03-01T10:00:00Z');

  it('are left out by the engine itself, and handed back', () => {
    const without = evaluateOrder(shippedOrder, { now: NOW, orderId: ORDER });
    const withLater = evaluateOrder([...shippedOrder, later], { now: NOW, orderId: ORDER });
    expect(withLater.eventsAfterNow).toEqual([later]);
    expect({ ...withLater, eventsAfterNow: [] }).toEqual(without);
  });

  it('an order known only from later events is not known yet', () => {
    const future = ev('order_confirmed', '2026-03-02T10:00:00Z', { orderIds: [OTHER_ORDER] });
    const result = evaluateOrders([...shippedOrder, later, future], { now: NOW });
    expect(result.orders.map((o) => o.orderId)).toEqual([ORDER]);
    expect(result.eventsAfterNow).toEqual([later, future]);
    expect(result.orders[0]?.eventsAfterNow).toEqual([later]);
  });
});

describe('the public API', () => {
  it('exports what a service needs and no pipeline internals', () => {
    expect(Object.keys(engine).sort()).toEqual(
      [
        'ALERT_KINDS',
        'ALERT_KIND_INFO',
        'AmbiguousOrderError',
        'CLOCK_IDS',
        'CLOCK_NAMES',
        'DEFAULT_POLICY',
        'InvalidDateError',
        'InvalidTimeZoneError',
        'ORDER_STATUSES',
        'PolicyError',
        'URGENCIES',
        'URGENCY_RANK',
        'evaluateOrder',
        'evaluateOrders',
        'eventId',
        'formatInstant',
        'groupEventsByOrder',
        'isTimeZone',
        'resolvePolicy',
      ].sort(),
    );
  });

  it('speaks ISO instants only: no epoch milliseconds anywhere in a result', () => {
    const events = [...shippedOrder, ev('dispute_opened', '2026-02-10T10:00:00Z')];
    const result = evaluateOrder(events, { now: NOW, orderId: ORDER });
    const numbers: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'number') numbers.push(`${path}=${value}`);
      else if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(result, 'result');
    // Durations only (a clock's paused time and time left), never an instant.
    expect(numbers.filter((n) => !/\.(pausedMs|remainingMs)=/.test(n))).toEqual([]);
    expect(result.plan.length).toBeGreaterThan(0);
    for (const p of result.plan) {
      expect(p.dueFrom).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      expect(p).not.toHaveProperty('from');
    }
    expect(result).not.toHaveProperty('timeline');
    expect(engine.formatInstant('2026-03-05T08:00:00Z', 'Europe/Berlin')).toBe('2026-03-05 09:00 UTC+1');
  });
});

describe('eventId', () => {
  const shipped = ev('shipped', '2026-01-05T10:00:00Z', { parcelId: 'LP00123456789012' });

  it('is a short stable digest: one mail fact, however often and however it reached us, has one id', () => {
    const viaFilter = {
      ...shipped,
      source: { kind: 'mail', messageId: '<filter@x>', language: 'en', evidence: 'verified' } as const,
    };
    const id = eventId(viaFilter);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const forwardedByHand = {
      ...viaFilter,
      occurredAt: '2026-01-05T11:00:00+01:00',
      source: { kind: 'mail', messageId: '<hand@x>', language: 'de', evidence: 'verified' } as const,
    };
    expect(eventId(forwardedByHand)).toBe(id);
    expect(eventId({ ...viaFilter, parcelId: 'LP00123456789013' })).not.toBe(id);
    expect(eventId({ ...viaFilter, type: 'in_transit' })).not.toBe(id);
  });

  it('keeps a stronger source apart, so a command confirming an unverified mail is never dropped', () => {
    const guessed = {
      ...shipped,
      source: { kind: 'mail', messageId: '<m@x>', language: 'en', evidence: 'unverified' } as const,
    };
    const confirmed = { ...shipped, source: { kind: 'command', messageId: '<c@x>' } as const };
    expect(eventId(confirmed)).not.toBe(eventId(guessed));
  });

  it('is exactly what the engine dedupes by', () => {
    const twice = [shipped, { ...shipped, source: { kind: 'command', messageId: null } as const }];
    const once = evaluateOrder([shippedOrder[0] as OrderEvent, ...twice], { now: NOW, orderId: ORDER });
    const single = evaluateOrder([shippedOrder[0] as OrderEvent, shipped], { now: NOW, orderId: ORDER });
    expect(once).toEqual(single);
  });
});
