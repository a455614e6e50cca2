import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import { clockOf, ev, evaluate, shippedOrder } from './helpers';

const NOW = '2026-02-01T00:00:00Z';

describe('C2–C9', () => {
  const disputed = [...shippedOrder, ev('dispute_opened', '2026-02-10T10:00:00Z')];
  it.each<[string, string, OrderEvent[], { end: string; provenance: string; rule: RegExp }]>([
    [
      'C2 10 days after shipping',
      'C2',
      [...shippedOrder],
      { end: '2026-01-15T10:00:00.000Z', provenance: 'estimated', rule: /10 days after shipped/ },
    ],
    [
      'C3 from delivery confirmed, with the stated length',
      'C3',
      [...shippedOrder, ev('delivery_confirmed', '2026-02-01T10:00:00Z', { disputeWindowDays: 20 })],
      {
        end: '2026-02-21T10:00:00.000Z',
        provenance: 'stated',
        rule: /20 days after delivery confirmed 2026-02-01 \(stated in the mail\)/,
      },
    ],
    [
      'C3 from receipt confirmed, default length',
      'C3',
      [...shippedOrder, ev('receipt_confirmed', '2026-02-01T10:00:00Z')],
      { end: '2026-02-16T10:00:00.000Z', provenance: 'estimated', rule: /15 days after receipt confirmed/ },
    ],
    [
      'C3 takes the earliest end when both confirmations arrive',
      'C3',
      [
        ...shippedOrder,
        ev('receipt_confirmed', '2026-02-01T10:00:00Z'),
        ev('delivery_confirmed', '2026-02-03T10:00:00Z', { disputeWindowDays: 15 }),
      ],
      { end: '2026-02-16T10:00:00.000Z', provenance: 'estimated', rule: /receipt confirmed/ },
    ],
    [
      'C3 from the tracked delivery while unconfirmed',
      'C3',
      [...shippedOrder, ev('delivered', '2026-02-01T10:00:00Z')],
      {
        end: '2026-02-16T10:00:00.000Z',
        provenance: 'estimated',
        rule: /tracking showed delivered 2026-02-01/,
      },
    ],
    [
      'C3 from completion when the order closed undelivered',
      'C3',
      [...shippedOrder, ev('order_closed', '2026-03-06T10:00:00Z')],
      { end: '2026-03-21T10:00:00.000Z', provenance: 'estimated', rule: /order closed 2026-03-06/ },
    ],
    [
      'C3 from the end of protection when undelivered (the timer completes the order)',
      'C3',
      [...shippedOrder],
      {
        end: '2026-03-21T10:00:00.000Z',
        provenance: 'estimated',
        rule: /15 days after purchase protection ends 2026-03-06/,
      },
    ],
    [
      'C4 15 days after the dispute opened',
      'C4',
      disputed,
      {
        end: '2026-02-25T10:00:00.000Z',
        provenance: 'estimated',
        rule: /15 days after dispute opened 2026-02-10/,
      },
    ],
    [
      'C5 7 business days after escalation (Fri 2026-02-20 → Tue 2026-03-03)',
      'C5',
      [...disputed, ev('dispute_escalated', '2026-02-20T10:00:00Z')],
      { end: '2026-03-03T10:00:00.000Z', provenance: 'estimated', rule: /7 business days after escalation/ },
    ],
    [
      'C6 as stated, a bare date read conservatively',
      'C6',
      [...disputed, ev('negotiation_deadline', '2026-02-12T10:00:00Z', { negotiationEndsAt: '2026-02-25' })],
      { end: '2026-02-24T10:00:00.000Z', provenance: 'stated', rule: /2026-02-25/ },
    ],
    [
      'C7 7 days after the dispute closed',
      'C7',
      [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'lost' })],
      { end: '2026-02-27T10:00:00.000Z', provenance: 'estimated', rule: /7 days after dispute closed/ },
    ],
    [
      'C8 card: 10 business days (Fri 2026-02-20 → Fri 2026-03-06)',
      'C8',
      [...shippedOrder, ev('refund_issued', '2026-02-20T10:00:00Z')],
      { end: '2026-03-06T10:00:00.000Z', provenance: 'estimated', rule: /10 business days .*card/ },
    ],
    [
      'C8 Alipay: 3 business days (Fri → Wed)',
      'C8',
      [
        ev('shipped', '2026-01-05T10:00:00Z', { paymentMethod: 'alipay' }),
        ev('refund_issued', '2026-02-20T10:00:00Z'),
      ],
      { end: '2026-02-25T10:00:00.000Z', provenance: 'estimated', rule: /3 business days .*alipay/ },
    ],
    [
      'C8 unknown method: as "other"',
      'C8',
      [ev('shipped', '2026-01-05T10:00:00Z'), ev('refund_issued', '2026-02-20T10:00:00Z')],
      { end: '2026-03-06T10:00:00.000Z', provenance: 'estimated', rule: /payment method unknown/ },
    ],
    [
      'C8 from a dispute won, when no refund mail came (the win approves the refund)',
      'C8',
      [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'won' })],
      { end: '2026-03-06T10:00:00.000Z', provenance: 'estimated', rule: /after dispute won 2026-02-20/ },
    ],
    [
      'C8 from the earlier of the refund mail and the win',
      'C8',
      [
        ...disputed,
        ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'partial' }),
        ev('refund_issued', '2026-02-23T10:00:00Z'),
      ],
      { end: '2026-03-06T10:00:00.000Z', provenance: 'estimated', rule: /after dispute partial/ },
    ],
    [
      'C9 120 days after the card payment',
      'C9',
      [...shippedOrder],
      { end: '2026-05-01T10:00:00.000Z', provenance: 'estimated', rule: /120 days after payment/ },
    ],
  ])('%s', (_name, id, events, expected) => {
    const clock = clockOf(evaluate(events, NOW), id);
    expect(clock.end).toBe(expected.end);
    expect(clock.provenance).toBe(expected.provenance);
    expect(clock.rule).toMatch(expected.rule);
  });

  it('has no refund clock for a lost dispute (a cancelled paid order has one: cancelled-order.test.ts)', () => {
    const lost = [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'lost' })];
    expect(evaluate(lost, NOW).clocks.map((c) => c.id)).not.toContain('C8');
  });

  it('has no C4 once escalated, and no chargeback clock for Alipay', () => {
    const ids = evaluate(
      [
        ev('shipped', '2026-01-05T10:00:00Z', { paymentMethod: 'alipay' }),
        ev('dispute_opened', '2026-02-10T10:00:00Z'),
        ev('dispute_escalated', '2026-02-20T10:00:00Z'),
      ],
      NOW,
    ).clocks.map((c) => c.id);
    expect(ids).toEqual(['C1', 'C2', 'C5']);
  });

  it('counts C5 business days in the user zone', () => {
    // Friday 23:30 UTC is Saturday in Tokyo, so the count starts after the Tokyo weekend.
    const events = [...disputed, ev('dispute_escalated', '2026-02-20T23:30:00Z')];
    expect(clockOf(evaluate(events, NOW), 'C5').end).toBe('2026-03-03T23:30:00.000Z');
    expect(clockOf(evaluate(events, NOW, { timeZone: 'Asia/Tokyo' }), 'C5').end).toBe(
      '2026-03-02T23:30:00.000Z',
    );
  });
});
