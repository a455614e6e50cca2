import { describe, expect, it } from 'vitest';
import {
  AmbiguousOrderError,
  evaluateOrder,
  evaluateOrders,
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
    const results = evaluateOrders(events, { now: NOW, mutedOrderIds: new Set([OTHER_ORDER]) });
    expect(results.map((r) => r.orderId)).toEqual([OTHER_ORDER, ORDER]);
    expect(results.find((r) => r.orderId === ORDER)?.alerts.map((a) => a.kind)).toEqual(['not-shipped']);
    expect(results.find((r) => r.orderId === OTHER_ORDER)?.alerts).toEqual([]);
  });
});
