/** DOMAIN.md: a cancelled paid order is a refund in progress, so C8 starts at the cancellation. */
import { describe, expect, it } from 'vitest';
import { clockOf, dueAlert, ev, evaluate, kinds } from './helpers';

const paidThenCancelled = [
  ev('payment_confirmed', '2026-01-01T10:00:00Z', { paymentMethod: 'card' }),
  ev('order_cancelled', '2026-01-02T10:00:00Z'),
];

describe('a paid order that is cancelled', () => {
  it('starts the refund clock at the cancellation', () => {
    const c8 = clockOf(evaluate(paidThenCancelled, '2026-01-05T00:00:00Z'), 'C8');
    expect(c8).toMatchObject({
      start: '2026-01-02T10:00:00.000Z',
      end: '2026-01-16T10:00:00.000Z',
      provenance: 'estimated',
      state: 'running',
    });
    expect(c8.rule).toMatch(/after order cancelled 2026-01-02/);
  });

  it('gets "refund overdue" once the refund should have arrived', () => {
    const alert = dueAlert(paidThenCancelled, '2026-01-17T09:00:00Z', 'refund-overdue');
    expect(alert.deadline).toBe('2026-01-16T10:00:00.000Z');
    expect(alert.reasons.join(' ')).toMatch(/cancelled/);
  });

  it('gets nothing once the refund arrived', () => {
    const refunded = [...paidThenCancelled, ev('refund_received', '2026-01-10T10:00:00Z')];
    expect(kinds(evaluate(refunded, '2026-01-17T09:00:00Z'))).toEqual([]);
  });

  it('keeps the earlier start when a refund mail follows the cancellation', () => {
    const withMail = [...paidThenCancelled, ev('refund_issued', '2026-01-06T10:00:00Z')];
    expect(clockOf(evaluate(withMail, '2026-01-07T00:00:00Z'), 'C8').start).toBe('2026-01-02T10:00:00.000Z');
  });
});

describe('an order cancelled before anything was paid', () => {
  it('has no refund to watch', () => {
    const result = evaluate([ev('order_cancelled', '2026-01-02T10:00:00Z')], '2026-02-01T00:00:00Z');
    expect(result.clocks.map((c) => c.id)).not.toContain('C8');
    expect(result.alerts).toEqual([]);
  });
});
