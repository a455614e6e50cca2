import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import { groupEventsByOrder } from '../../../functions/core/rules/index';
import { buildTimeline, normaliseEvents } from '../../../functions/core/rules/timeline';
import { ev, ORDER, OTHER_ORDER } from './helpers';

const history: OrderEvent[] = [
  ev('order_confirmed', '2026-01-01T10:00:00Z'),
  ev('shipped', '2026-01-05T10:00:00Z'),
  ev('in_transit', '2026-01-10T10:00:00Z', { estimatedDelivery: '2026-02-01' }),
  ev('delivered', '2026-01-25T10:00:00Z'),
];

describe('normaliseEvents', () => {
  it('sorts by when things happened, whatever the arrival order', () => {
    const shuffled = [history[3], history[1], history[0], history[2]] as OrderEvent[];
    expect(normaliseEvents(shuffled).map((e) => e.type)).toEqual([
      'order_confirmed',
      'shipped',
      'in_transit',
      'delivered',
    ]);
  });

  it('drops an event that arrives twice, even through a different route', () => {
    const again = {
      ...history[1],
      source: { kind: 'mail', messageId: '<x@y>', language: 'en' },
    } as OrderEvent;
    expect(normaliseEvents([...history, again, history[1] as OrderEvent])).toHaveLength(4);
  });

  it('treats the same instant written with another offset as the same event', () => {
    const sameInstant = ev('shipped', '2026-01-05T11:00:00+01:00');
    expect(normaliseEvents([...history, sameInstant])).toHaveLength(4);
  });

  it('keeps events that differ in what they say', () => {
    const otherEstimate = ev('in_transit', '2026-01-10T10:00:00Z', { estimatedDelivery: '2026-02-05' });
    expect(normaliseEvents([...history, otherEstimate])).toHaveLength(5);
  });

  it('breaks ties in time by lifecycle order, then content, independent of input order', () => {
    const a = ev('delivered', '2026-01-25T10:00:00Z');
    const b = ev('in_transit', '2026-01-25T10:00:00Z', { parcelId: 'LP1' });
    const c = ev('in_transit', '2026-01-25T10:00:00Z', { parcelId: 'LP2' });
    const one = normaliseEvents([a, c, b]);
    const two = normaliseEvents([c, b, a]);
    expect(one).toEqual(two);
    expect(one.map((e) => e.type)).toEqual(['in_transit', 'in_transit', 'delivered']);
  });
});

describe('status', () => {
  it.each<[string, OrderEvent[], string]>([
    ['placed', [ev('order_confirmed', '2026-01-01T10:00:00Z')], 'placed'],
    ['shipped', history.slice(0, 2), 'shipped'],
    ['in transit', history.slice(0, 3), 'in_transit'],
    ['delivered', history, 'delivered'],
    [
      'a late in-transit mail does not undo delivery',
      [...history, ev('in_transit', '2026-01-26T10:00:00Z')],
      'delivered',
    ],
    ['receipt confirmed', [...history, ev('receipt_confirmed', '2026-01-26T10:00:00Z')], 'completed'],
    ['delivery confirmed', [...history, ev('delivery_confirmed', '2026-01-26T10:00:00Z')], 'completed'],
    [
      'closed without delivery',
      [...history.slice(0, 3), ev('order_closed', '2026-03-06T10:00:00Z')],
      'closed',
    ],
    ['disputed', [...history.slice(0, 3), ev('dispute_opened', '2026-02-10T10:00:00Z')], 'disputed'],
    [
      'escalated',
      [
        ...history.slice(0, 3),
        ev('dispute_opened', '2026-02-10T10:00:00Z'),
        ev('dispute_escalated', '2026-02-20T10:00:00Z'),
      ],
      'escalated',
    ],
    [
      'dispute cancelled goes back to shipping status',
      [
        ...history.slice(0, 3),
        ev('dispute_opened', '2026-02-10T10:00:00Z'),
        ev('dispute_cancelled', '2026-02-12T10:00:00Z'),
      ],
      'in_transit',
    ],
    [
      'dispute closed',
      [
        ...history.slice(0, 3),
        ev('dispute_opened', '2026-02-10T10:00:00Z'),
        ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'lost' }),
      ],
      'dispute_closed',
    ],
    ['refunding', [...history.slice(0, 3), ev('refund_issued', '2026-02-20T10:00:00Z')], 'refunding'],
    [
      'refunded',
      [
        ...history.slice(0, 3),
        ev('refund_issued', '2026-02-20T10:00:00Z'),
        ev('refund_received', '2026-02-25T10:00:00Z'),
      ],
      'refunded',
    ],
    [
      'cancelled',
      [ev('order_confirmed', '2026-01-01T10:00:00Z'), ev('order_cancelled', '2026-01-03T10:00:00Z')],
      'cancelled',
    ],
  ])('%s', (_name, events, status) => {
    expect(buildTimeline(ORDER, events).status).toBe(status);
  });
});

describe('facts', () => {
  it('infers a dispute whose "opened" mail never came, from a later dispute mail', () => {
    const t = buildTimeline(ORDER, [...history.slice(0, 2), ev('seller_responded', '2026-02-12T10:00:00Z')]);
    expect(t.disputes).toHaveLength(1);
    expect(t.disputes[0]).toMatchObject({
      revealedBy: 'seller_responded',
      verifiedAt: null,
      openedAt: Date.parse('2026-02-12T10:00:00Z'),
    });
    expect(t.status).toBe('disputed');
  });

  it('reads a second "dispute opened" while one is open as the same dispute', () => {
    const t = buildTimeline(ORDER, [
      ev('dispute_opened', '2026-02-10T10:00:00Z'),
      ev('dispute_opened', '2026-02-11T10:00:00Z'),
    ]);
    expect(t.disputes).toHaveLength(1);
  });

  it('hands out facts no caller can change under the engine', () => {
    const t = buildTimeline(ORDER, [...history, ev('dispute_opened', '2026-02-10T10:00:00Z')]);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.disputes)).toBe(true);
    expect(t.disputes.every((d) => Object.isFrozen(d))).toBe(true);
    expect(Object.isFrozen(t.protectionFacts) && Object.isFrozen(t.completions)).toBe(true);
  });

  it('takes the latest estimated delivery and payment method', () => {
    const t = buildTimeline(ORDER, [
      ev('in_transit', '2026-01-12T10:00:00Z', { estimatedDelivery: '2026-02-05', paymentMethod: 'alipay' }),
      ev('ready_to_ship', '2026-01-03T10:00:00Z', { estimatedDelivery: '2026-02-01', paymentMethod: 'card' }),
    ]);
    expect(t.estimatedDelivery).toBe('2026-02-05');
    expect(t.paymentMethod).toBe('alipay');
  });
});

describe('groupEventsByOrder', () => {
  it('applies an event naming several orders to each of them', () => {
    const both = ev('order_confirmed', '2026-01-01T10:00:00Z', { orderIds: [ORDER, OTHER_ORDER] });
    const one = ev('shipped', '2026-01-05T10:00:00Z');
    const groups = groupEventsByOrder([both, one]);
    expect([...groups.keys()]).toEqual([ORDER, OTHER_ORDER]);
    expect(groups.get(ORDER)).toEqual([both, one]);
    expect(groups.get(OTHER_ORDER)).toEqual([both]);
  });
});
