/** Which alerts the facts call for: late, duplicate and contradicting mails, outcomes, keys, wording. */
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import { C1_DEFAULT_END, clockOf, disputed, dueAlert, ev, evaluate, inTransit, kinds } from './helpers';

describe('an estimated deadline says so, with how to replace it only where that works', () => {
  it.each<[string, OrderEvent[], string, string, RegExp | null]>([
    ['A3 (C1)', inTransit, '2026-02-27T09:00:00Z', 'protection-lapsing', /Refund if no delivery before/],
    ['A2 (C1)', inTransit, '2026-02-02T09:00:00Z', 'late', /Refund if no delivery before/],
    [
      'A1 (no clock: nothing shipped)',
      [ev('payment_confirmed', '2026-01-01T10:00:00Z')],
      '2026-01-12T09:00:00Z',
      'not-shipped',
      null,
    ],
    ['A5 (C4)', disputed, '2026-02-26T09:00:00Z', 'seller-silent', null],
    [
      'A8 (C8)',
      [...inTransit, ev('refund_issued', '2026-02-20T10:00:00Z')],
      '2026-03-07T09:00:00Z',
      'refund-overdue',
      null,
    ],
  ])('%s', (_name, events, now, kind, howToReplace) => {
    const reasons = dueAlert(events, now, kind).reasons.join(' ');
    expect(reasons).toMatch(/estimate/);
    if (howToReplace) expect(reasons).toMatch(howToReplace);
    else expect(reasons).not.toMatch(/Refund if no delivery before/);
  });
});

describe('orders that get nothing', () => {
  it.each<[string, OrderEvent[], boolean]>([
    ['muted', inTransit, true],
    [
      'refunded',
      [
        ...inTransit,
        ev('refund_issued', '2026-02-20T10:00:00Z'),
        ev('refund_received', '2026-02-25T10:00:00Z'),
      ],
      false,
    ],
    [
      'completed and safe (window closed, no dispute)',
      [...inTransit, ev('receipt_confirmed', '2026-02-01T10:00:00Z')],
      false,
    ],
    [
      'cancelled before shipping, the refund arrived',
      [
        ev('order_confirmed', '2026-01-01T10:00:00Z'),
        ev('order_cancelled', '2026-01-02T10:00:00Z'),
        ev('refund_received', '2026-01-09T10:00:00Z'),
      ],
      false,
    ],
  ])('%s', (_name, events, muted) => {
    const result = evaluate(events, '2026-03-01T09:00:00Z', { muted });
    expect(result.alerts).toEqual([]);
    expect(result.nextCheckAt).toBeNull();
  });

  it('a muted order still shows its clocks', () => {
    expect(evaluate(inTransit, '2026-03-01T09:00:00Z', { muted: true }).clocks.length).toBeGreaterThan(0);
  });
});

describe('arrival order and duplicates', () => {
  it('give the same result as a clean history', () => {
    const messy = [...disputed].reverse().concat(disputed.slice(1, 3));
    for (const now of ['2026-02-02T09:00:00Z', '2026-02-26T09:00:00Z']) {
      const clean = evaluate(disputed, now);
      const other = evaluate(messy, now);
      expect(other.alerts).toEqual(clean.alerts);
      expect(other.clocks).toEqual(clean.clocks);
      expect(other.nextCheckAt).toEqual(clean.nextCheckAt);
    }
  });
});

describe('order closed without delivery', () => {
  const closed = [...inTransit, ev('order_closed', '2026-02-25T10:00:00Z')];
  it('protects C1 (ended at the close) rather than C3, and says what is still possible', () => {
    const alert = dueAlert(closed, '2026-02-26T09:00:00Z', 'window-closed');
    expect(alert.deadline).toBe('2026-02-25T10:00:00.000Z');
    expect(alert.reasons.join(' ')).toMatch(
      /closed the order.*dispute can still be opened until.*chargeback/s,
    );
    expect(evaluate(closed, '2026-02-26T09:00:00Z').plan.map((p) => p.alert.kind)).not.toContain(
      'dispute-window-closing',
    );
  });
});

describe('late dispute mails reopen nothing', () => {
  const closedLost = [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'lost' })];
  const cancelled = [...disputed, ev('dispute_cancelled', '2026-02-15T10:00:00Z')];
  const appeal = { kind: 'appeal-window-closing', deadline: '2026-02-27T10:00:00.000Z', step: '2d' };
  const lapsing = { kind: 'protection-lapsing', deadline: '2026-03-11T10:00:00.000Z', step: '7d' };
  it.each<[string, OrderEvent[], string, { kind: string; deadline: string; step: string }]>([
    [
      'a second "dispute closed" mail keeps the appeal window from the first',
      [...closedLost, ev('dispute_closed', '2026-02-22T10:00:00Z', { outcome: 'lost' })],
      '2026-02-25T09:00:00Z',
      appeal,
    ],
    [
      'a seller mail after the close keeps the appeal alert',
      [...closedLost, ev('seller_responded', '2026-02-21T10:00:00Z')],
      '2026-02-25T09:00:00Z',
      appeal,
    ],
    [
      'a "dispute cancelled" after the close keeps the appeal alert',
      [...closedLost, ev('dispute_cancelled', '2026-02-21T10:00:00Z')],
      '2026-02-25T09:00:00Z',
      appeal,
    ],
    [
      'a "dispute opened" after the close keeps the appeal alert (closed for good)',
      [...closedLost, ev('dispute_opened', '2026-02-21T10:00:00Z')],
      '2026-02-25T09:00:00Z',
      appeal,
    ],
    [
      'a seller mail after a cancelled dispute does not pause protection again',
      [...cancelled, ev('seller_responded', '2026-02-16T10:00:00Z')],
      '2026-03-04T09:00:00Z',
      lapsing,
    ],
    [
      'an escalation mail after a cancelled dispute does not pause protection again',
      [...cancelled, ev('dispute_escalated', '2026-02-16T10:00:00Z')],
      '2026-03-04T09:00:00Z',
      lapsing,
    ],
  ])('%s', (_name, events, now, expected) => {
    expect(dueAlert(events, now, expected.kind)).toMatchObject(expected);
  });
});

describe('"awaiting confirmation" is a last call only for the end it announced', () => {
  const awaiting = [...inTransit, ev('awaiting_confirmation', '2026-02-20T14:23:00Z')];
  it.each<[string, OrderEvent[], string[]]>([
    [
      'extended to a date after the mail',
      [...awaiting, ev('protection_extended', '2026-02-21T10:00:00Z', { protectionEndsAt: '2026-04-10' })],
      ['7d', '3d', '1d'],
    ],
    [
      'extended by days after the mail',
      [...awaiting, ev('protection_extended', '2026-02-21T10:00:00Z', { extensionDays: 30 })],
      ['7d', '3d', '1d'],
    ],
    ['no extension', awaiting, ['awaiting-confirmation', '1d']],
  ])('%s', (_name, events, steps) => {
    const result = evaluate(events, '2026-02-21T10:00:00Z');
    const planned = result.plan.filter((p) => p.alert.kind === 'protection-lapsing');
    expect(planned.map((p) => p.alert.step)).toEqual(steps);
    if (steps[0] === '7d') expect(kinds(result)).not.toContain('protection-lapsing');
  });
});

describe('A7 "closed against the buyer"', () => {
  // Partial counts: the buyer did not get all they asked for, and only an appeal can still get the rest.
  it.each<[string, 'won' | 'partial' | 'lost' | undefined, boolean]>([
    ['lost', 'lost', true],
    ['partial', 'partial', true],
    ['unknown outcome (conservative)', undefined, true],
    ['won', 'won', false],
  ])('%s', (_name, outcome, alerts) => {
    const events = [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', outcome ? { outcome } : {})];
    expect(kinds(evaluate(events, '2026-02-25T09:00:00Z')).includes('appeal-window-closing')).toBe(alerts);
  });
});

describe('alert keys depend only on the deadline and the step', () => {
  const keysOf = (events: readonly OrderEvent[]) =>
    evaluate(events, '2026-02-01T00:00:00Z')
      .plan.filter((p) => p.alert.kind === 'protection-lapsing' || p.alert.kind === 'late')
      .map((p) => p.alert.key);
  it.each<[string, OrderEvent[]]>([
    ['a later duplicate "shipped"', [ev('shipped', '2026-01-07T10:00:00Z')]],
    ['another tracking update', [ev('in_transit', '2026-01-20T10:00:00Z')]],
    [
      'a mail about another order',
      [ev('delivered', '2026-01-20T10:00:00Z', { orderIds: ['3123456789012346'] })],
    ],
    ['the payment told again', [ev('payment_confirmed', '2026-01-02T10:00:00Z', { paymentMethod: 'card' })]],
    [
      'a late seller mail about a cancelled dispute',
      [
        ev('dispute_opened', '2026-01-20T10:00:00Z'),
        ev('dispute_cancelled', '2026-01-20T10:00:00Z'),
        ev('seller_responded', '2026-01-21T10:00:00Z'),
      ],
    ],
  ])('%s', (_name, extra) => {
    expect(keysOf([...inTransit, ...extra])).toEqual(keysOf(inTransit));
  });
});

describe('an order shipped in several parcels is delivered when every parcel is', () => {
  const parcels = [
    ...inTransit,
    ev('in_transit', '2026-01-11T10:00:00Z', { parcelId: 'LP00000000000001' }),
    ev('in_transit', '2026-01-12T10:00:00Z', { parcelId: 'LP00000000000002' }),
    ev('delivered', '2026-02-20T10:00:00Z', { parcelId: 'LP00000000000001' }),
  ];
  it.each<[string, OrderEvent[], string, boolean]>([
    ['one parcel of two delivered: still warned', parcels, 'in_transit', true],
    [
      'both delivered: no warning',
      [...parcels, ev('delivered', '2026-02-21T10:00:00Z', { parcelId: 'LP00000000000002' })],
      'delivered',
      false,
    ],
    [
      'the order confirmed delivered: no warning',
      [...parcels, ev('delivery_confirmed', '2026-02-21T10:00:00Z')],
      'completed',
      false,
    ],
  ])('%s', (_name, events, status, warned) => {
    const result = evaluate(events, '2026-02-27T09:00:00Z');
    expect(result.status).toBe(status);
    expect(kinds(result).includes('protection-lapsing')).toBe(warned);
  });
});

describe('A8 when an approved refund has not arrived, also when only the dispute mail said so', () => {
  it.each<[string, OrderEvent[], boolean]>([
    ['a dispute won', [...disputed, ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'won' })], true],
    [
      'the refund arrived',
      [
        ...disputed,
        ev('dispute_closed', '2026-02-20T10:00:00Z', { outcome: 'won' }),
        ev('refund_received', '2026-03-02T10:00:00Z'),
      ],
      false,
    ],
  ])('%s', (_name, events, overdue) => {
    const result = evaluate(events, '2026-03-07T09:00:00Z');
    expect(kinds(result).includes('refund-overdue')).toBe(overdue);
    if (overdue)
      expect(dueAlert(events, '2026-03-07T09:00:00Z', 'refund-overdue').deadline).toBe(
        '2026-03-06T10:00:00.000Z',
      );
  });
});

describe('a dispute known only from a later mail (its opening never seen) silences no protection warning', () => {
  const sellerOnly = [...inTransit, ev('seller_responded', '2026-02-12T10:00:00Z')];

  it('keeps C1 running and warns before it ends, saying how to record the dispute', () => {
    const result = evaluate(sellerOnly, '2026-02-27T09:00:00Z');
    expect(clockOf(result, 'C1')).toMatchObject({ state: 'running', end: C1_DEFAULT_END, pausedMs: 0 });
    const warning = dueAlert(sellerOnly, '2026-02-27T09:00:00Z', 'protection-lapsing');
    expect(warning.reasons.join(' ')).toMatch(/never saw the dispute being opened.*reply "dispute 2345"/);
  });

  it('a dispute whose opening was seen still pauses C1 and stops the warning', () => {
    const opened = [...disputed, ev('seller_responded', '2026-02-12T10:00:00Z')];
    const result = evaluate(opened, '2026-02-27T09:00:00Z');
    expect(clockOf(result, 'C1').state).toBe('paused');
    expect(kinds(result)).not.toContain('protection-lapsing');
  });
});
