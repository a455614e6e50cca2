import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import {
  C1_DEFAULT_END,
  disputed,
  dueAlert,
  ev,
  evaluate,
  inTransit,
  kinds,
  ORDER,
  shippedOrder,
} from './helpers';

const at = (iso: string) => Date.parse(iso);

describe('each alert: when it starts being due', () => {
  it.each<[string, OrderEvent[], string, { sendAt: string; deadline: string; urgency: string; key: string }]>(
    [
      [
        'A1 not shipped 10 days after payment',
        [ev('payment_confirmed', '2026-01-01T10:00:00Z')],
        'not-shipped',
        {
          sendAt: '2026-01-12T09:00:00.000Z',
          deadline: '2026-01-11T10:00:00.000Z',
          urgency: 'info',
          key: `${ORDER}/not-shipped/2026-01-11T10:00:00.000Z`,
        },
      ],
      [
        'A2 late once the estimated date and C2 have passed',
        inTransit,
        'late',
        {
          sendAt: '2026-02-02T09:00:00.000Z',
          deadline: '2026-02-02T00:00:00.000Z',
          urgency: 'action',
          key: `${ORDER}/late/2026-02-02T00:00:00.000Z`,
        },
      ],
      [
        'A2 waits for C2 when the estimate is earlier',
        [...shippedOrder, ev('ready_to_ship', '2026-01-04T10:00:00Z', { estimatedDelivery: '2026-01-08' })],
        'late',
        {
          sendAt: '2026-01-16T09:00:00.000Z',
          deadline: '2026-01-09T00:00:00.000Z',
          urgency: 'action',
          key: `${ORDER}/late/2026-01-09T00:00:00.000Z`,
        },
      ],
      [
        'A3 first step 7 days before protection ends',
        inTransit,
        'protection-lapsing',
        {
          sendAt: '2026-02-27T09:00:00.000Z',
          deadline: C1_DEFAULT_END,
          urgency: 'urgent',
          key: `${ORDER}/protection-lapsing/${C1_DEFAULT_END}/7d`,
        },
      ],
      [
        'A4 5 days before the post-receipt window closes',
        [...inTransit, ev('delivered', '2026-02-01T10:00:00Z')],
        'dispute-window-closing',
        {
          sendAt: '2026-02-11T09:00:00.000Z',
          deadline: '2026-02-16T10:00:00.000Z',
          urgency: 'action',
          key: `${ORDER}/dispute-window-closing/2026-02-16T10:00:00.000Z/5d`,
        },
      ],
      [
        'A5 after the seller had 15 days',
        disputed,
        'seller-silent',
        {
          sendAt: '2026-02-26T09:00:00.000Z',
          deadline: '2026-02-25T10:00:00.000Z',
          urgency: 'action',
          key: `${ORDER}/seller-silent/2026-02-25T10:00:00.000Z`,
        },
      ],
      [
        'A6 2 days before the stated negotiation end',
        [
          ...disputed,
          ev('negotiation_deadline', '2026-02-12T10:00:00Z', { negotiationEndsAt: '2026-02-25' }),
        ],
        'negotiation-ending',
        {
          sendAt: '2026-02-22T09:00:00.000Z',
          deadline: '2026-02-24T10:00:00.000Z',
          urgency: 'urgent',
          key: `${ORDER}/negotiation-ending/2026-02-24T10:00:00.000Z/2d`,
        },
      ],
      [
        'A7 2 days before the appeal window closes after a lost dispute',
        [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'lost' })],
        'appeal-window-closing',
        {
          sendAt: '2026-02-25T09:00:00.000Z',
          deadline: '2026-02-27T10:00:00.000Z',
          urgency: 'action',
          key: `${ORDER}/appeal-window-closing/2026-02-27T10:00:00.000Z/2d`,
        },
      ],
      [
        'A8 when the refund is overdue',
        [...inTransit, ev('refund_issued', '2026-02-20T10:00:00Z')],
        'refund-overdue',
        {
          sendAt: '2026-03-07T09:00:00.000Z',
          deadline: '2026-03-06T10:00:00.000Z',
          urgency: 'action',
          key: `${ORDER}/refund-overdue/2026-03-06T10:00:00.000Z`,
        },
      ],
      [
        'A9 once protection ended undelivered',
        inTransit,
        'window-closed',
        {
          sendAt: '2026-03-07T09:00:00.000Z',
          deadline: C1_DEFAULT_END,
          urgency: 'info',
          key: `${ORDER}/window-closed/${C1_DEFAULT_END}/C1`,
        },
      ],
      [
        'A9 once the post-completion window closed on an undelivered order',
        inTransit,
        'window-closed',
        {
          sendAt: '2026-03-22T09:00:00.000Z',
          deadline: '2026-03-21T10:00:00.000Z',
          urgency: 'info',
          key: `${ORDER}/window-closed/2026-03-21T10:00:00.000Z/C3`,
        },
      ],
      [
        'A9 once the appeal window closed',
        [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'partial' })],
        'window-closed',
        {
          sendAt: '2026-02-28T09:00:00.000Z',
          deadline: '2026-02-27T10:00:00.000Z',
          urgency: 'info',
          key: `${ORDER}/window-closed/2026-02-27T10:00:00.000Z/C7`,
        },
      ],
    ],
  )('%s', (_name, events, kind, expected) => {
    const alert = dueAlert(events, expected.sendAt, kind);
    expect(alert).toMatchObject(expected);
    expect(alert.advice.length).toBeGreaterThan(0);
    // One millisecond earlier it is not due yet, and the order says when to look again.
    const before = evaluate(events, new Date(at(expected.sendAt) - 1).toISOString());
    expect(before.alerts.map((a) => a.key)).not.toContain(expected.key);
    expect(before.nextCheckAt).not.toBeNull();
    expect(at(before.nextCheckAt ?? '')).toBeLessThanOrEqual(at(expected.sendAt));
  });
});

describe('reasons that vanish take their alert with them', () => {
  it.each<[string, OrderEvent[], string, string]>([
    [
      'A1 once shipped',
      [ev('payment_confirmed', '2026-01-01T10:00:00Z'), ev('shipped', '2026-01-20T10:00:00Z')],
      '2026-01-15T09:00:00Z',
      'not-shipped',
    ],
    [
      'A2 once delivered',
      [...inTransit, ev('delivered', '2026-02-05T10:00:00Z')],
      '2026-02-03T09:00:00Z',
      'late',
    ],
    ['A2 under dispute', disputed, '2026-02-03T09:00:00Z', 'late'],
    [
      'A3 once delivered',
      [...inTransit, ev('delivered', '2026-03-01T10:00:00Z')],
      '2026-02-28T09:00:00Z',
      'protection-lapsing',
    ],
    ['A3 while a dispute pauses protection', disputed, '2026-03-05T09:00:00Z', 'protection-lapsing'],
    [
      'A5 once escalated',
      [...disputed, ev('dispute_escalated', '2026-02-26T08:00:00Z')],
      '2026-02-27T09:00:00Z',
      'seller-silent',
    ],
    [
      'A7 when the buyer won',
      [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'won' })],
      '2026-02-25T09:00:00Z',
      'appeal-window-closing',
    ],
    [
      'A8 once the refund arrived',
      [
        ...inTransit,
        ev('refund_issued', '2026-02-20T10:00:00Z'),
        ev('refund_received', '2026-03-10T10:00:00Z'),
      ],
      '2026-03-08T09:00:00Z',
      'refund-overdue',
    ],
  ])('%s', (_name, events, now, kind) => {
    expect(kinds(evaluate(events, now))).not.toContain(kind);
  });
});

describe('A3 protection lapsing', () => {
  it('sends each lead step once, the current one only', () => {
    const steps = [
      ['2026-02-27T09:00:00Z', '7d'],
      ['2026-03-03T09:00:00Z', '3d'],
      ['2026-03-05T09:00:00Z', '1d'],
    ];
    for (const [now, step] of steps) {
      const lapsing = evaluate(inTransit, now ?? '').alerts.filter((a) => a.kind === 'protection-lapsing');
      expect(lapsing.map((a) => a.step)).toEqual([step]);
    }
  });

  it('is gone once the deadline passed; A9 follows, once, for a week', () => {
    expect(kinds(evaluate(inTransit, '2026-03-06T10:00:00Z'))).not.toContain('protection-lapsing');
    const closed = dueAlert(inTransit, '2026-03-07T09:00:00Z', 'window-closed');
    expect(closed.reasons.join(' ')).toMatch(
      /dispute can still be opened until 2026-03-21 10:00.*chargeback/s,
    );
    const later = evaluate(inTransit, '2026-03-14T09:00:00Z');
    expect(kinds(later)).not.toContain('window-closed');
    // Next: the A9 for C3, the last window some sources allow after the order completed.
    expect(later.nextCheckAt).toBe('2026-03-22T09:00:00.000Z');
    expect(evaluate(inTransit, '2026-03-29T09:00:00Z').nextCheckAt).toBeNull();
  });

  it('is urgent at once when "awaiting confirmation" arrives for an undelivered order', () => {
    const events = [...inTransit, ev('awaiting_confirmation', '2026-02-20T14:23:00Z')];
    const alert = dueAlert(events, '2026-02-20T14:23:00Z', 'protection-lapsing');
    expect(alert).toMatchObject({
      urgency: 'urgent',
      step: 'awaiting-confirmation',
      sendAt: '2026-02-20T14:23:00.000Z',
    });
    expect(alert.deadline).toBe('2026-02-23T14:23:00.000Z');
    expect(alert.reasons.join(' ')).toMatch(/last call/);
    // The 3-day step would fall on the same moment and is left out; the 1-day step still follows.
    const steps = evaluate(events, '2026-02-20T14:23:00Z')
      .plan.filter((p) => p.alert.kind === 'protection-lapsing')
      .map((p) => p.alert.step);
    expect(steps).toEqual(['awaiting-confirmation', '1d']);
  });

  it.each<[string, OrderEvent[]]>([
    ['after the estimated end (the estimate was too early)', inTransit],
    [
      'after a stated end',
      [...inTransit, ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-01' })],
    ],
  ])('is urgent at once when "awaiting confirmation" arrives %s: protection still runs', (_name, events) => {
    const late = [...events, ev('awaiting_confirmation', '2026-03-10T08:00:00Z')];
    const alert = dueAlert(late, '2026-03-10T08:00:00Z', 'protection-lapsing');
    expect(alert).toMatchObject({
      step: 'awaiting-confirmation',
      sendAt: '2026-03-10T08:00:00.000Z',
      deadline: '2026-03-13T08:00:00.000Z',
      provenance: 'estimated',
    });
  });

  it('never goes to a delivered order, whatever else happens', () => {
    const delivered = [
      ...inTransit,
      ev('delivered', '2026-02-01T10:00:00Z'),
      ev('awaiting_confirmation', '2026-02-25T10:00:00Z'),
      ev('protection_stated', '2026-02-02T10:00:00Z', { protectionEndsAt: '2026-02-10' }),
    ];
    const plan = evaluate(delivered, '2026-02-01T10:00:00Z').plan;
    expect(plan.map((p) => p.alert.kind)).not.toContain('protection-lapsing');
    expect(plan.map((p) => p.alert.kind)).not.toContain('late');
  });

  it('comes back with a later deadline when a dispute is cancelled', () => {
    const events = [...disputed, ev('dispute_cancelled', '2026-02-15T10:00:00Z')];
    const alert = dueAlert(events, '2026-03-04T09:00:00Z', 'protection-lapsing');
    expect(alert.deadline).toBe('2026-03-11T10:00:00.000Z');
    expect(alert.step).toBe('7d');
  });

  it('says an estimated deadline is an estimate, and a stated one is not', () => {
    const estimated = dueAlert(inTransit, '2026-02-27T09:00:00Z', 'protection-lapsing');
    expect(estimated.provenance).toBe('estimated');
    expect(estimated.reasons.join(' ')).toMatch(/estimate.*Refund if no delivery before/);
    const stated = dueAlert(
      [...inTransit, ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-10' })],
      '2026-03-03T09:00:00Z',
      'protection-lapsing',
    );
    expect(stated.provenance).toBe('stated');
    expect(stated.reasons.join(' ')).not.toMatch(/estimate/);
  });
});
