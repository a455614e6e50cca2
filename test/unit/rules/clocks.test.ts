import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import { resolvePolicy } from '../../../functions/core/rules/index';
import { C1_DEFAULT_END, clockOf, ev, evaluate, shippedOrder } from './helpers';

const NOW = '2026-02-01T00:00:00Z';
const DAY = 86_400_000;
const c1 = (events: readonly OrderEvent[], now = NOW) => clockOf(evaluate(events, now), 'C1');

describe('C1 purchase protection', () => {
  it.each<[string, OrderEvent[], { end: string | null; provenance: string; rule: RegExp }]>([
    [
      '60 days after shipped by default',
      [...shippedOrder],
      {
        end: C1_DEFAULT_END,
        provenance: 'estimated',
        rule: /60 days after shipped 2026-01-05 \(default policy\)/,
      },
    ],
    [
      'from the earliest possible ship date when the shipped mail is missing',
      [ev('payment_confirmed', '2026-01-01T10:00:00Z'), ev('in_transit', '2026-01-10T10:00:00Z')],
      { end: '2026-03-02T10:00:00.000Z', provenance: 'estimated', rule: /payment \(ship date unknown\)/ },
    ],
    [
      'a stated end beats the estimate, even when later than it',
      [...shippedOrder, ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-20' })],
      {
        end: '2026-03-19T10:00:00.000Z',
        provenance: 'stated',
        rule: /stated by AliExpress mail 2026-01-06: protection until 2026-03-20/,
      },
    ],
    [
      'a stated end beats the estimate, even when earlier than it',
      [
        ...shippedOrder,
        ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-01T12:00:00+08:00' }),
      ],
      { end: '2026-03-01T04:00:00.000Z', provenance: 'stated', rule: /stated/ },
    ],
    [
      'the latest statement wins, whatever the arrival order',
      [
        ev('protection_stated', '2026-01-20T10:00:00Z', { protectionEndsAt: '2026-03-25' }),
        ...shippedOrder,
        ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-20' }),
      ],
      { end: '2026-03-24T10:00:00.000Z', provenance: 'stated', rule: /2026-03-25/ },
    ],
    [
      'an extension to a date moves the end to it',
      [
        ...shippedOrder,
        ev('protection_extended', '2026-02-20T10:00:00Z', { protectionEndsAt: '2026-04-10' }),
      ],
      { end: '2026-04-09T10:00:00.000Z', provenance: 'stated', rule: /extended by the seller to 2026-04-10/ },
    ],
    [
      'an extension by days adds to an estimate and stays an estimate',
      [...shippedOrder, ev('protection_extended', '2026-02-20T10:00:00Z', { extensionDays: 15 })],
      { end: '2026-03-21T10:00:00.000Z', provenance: 'estimated', rule: /extended by 15 days/ },
    ],
    [
      'an extension by days adds to a stated end and stays stated',
      [
        ...shippedOrder,
        ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-20' }),
        ev('protection_extended', '2026-02-20T10:00:00Z', { extensionDays: 10 }),
      ],
      { end: '2026-03-29T10:00:00.000Z', provenance: 'stated', rule: /extended by 10 days/ },
    ],
    [
      'a statement after an extension replaces both',
      [
        ...shippedOrder,
        ev('protection_extended', '2026-02-20T10:00:00Z', { extensionDays: 10 }),
        ev('protection_stated', '2026-02-21T10:00:00Z', { protectionEndsAt: '2026-03-18' }),
      ],
      { end: '2026-03-17T10:00:00.000Z', provenance: 'stated', rule: /^stated/ },
    ],
    [
      'a cancelled dispute resumes it, with the paused time added',
      [
        ...shippedOrder,
        ev('dispute_opened', '2026-02-10T10:00:00Z'),
        ev('dispute_cancelled', '2026-02-15T10:00:00Z'),
      ],
      { end: '2026-03-11T10:00:00.000Z', provenance: 'estimated', rule: /\+ 5 days paused by disputes/ },
    ],
    [
      'two cancelled disputes add up',
      [
        ...shippedOrder,
        ev('dispute_opened', '2026-02-10T10:00:00Z'),
        ev('dispute_cancelled', '2026-02-15T10:00:00Z'),
        ev('dispute_opened', '2026-02-20T10:00:00Z'),
        ev('dispute_cancelled', '2026-02-22T10:00:00Z'),
      ],
      { end: '2026-03-13T10:00:00.000Z', provenance: 'estimated', rule: /\+ 7 days paused/ },
    ],
    [
      'a pause before a statement is already in the stated date',
      [
        ...shippedOrder,
        ev('dispute_opened', '2026-02-01T10:00:00Z'),
        ev('dispute_cancelled', '2026-02-06T10:00:00Z'),
        ev('protection_stated', '2026-02-07T10:00:00Z', { protectionEndsAt: '2026-03-20' }),
      ],
      {
        end: '2026-03-19T10:00:00.000Z',
        provenance: 'stated',
        rule: /^stated by AliExpress mail 2026-02-07: protection until 2026-03-20$/,
      },
    ],
    [
      'a message to the seller pauses nothing (no dispute event, no pause)',
      [...shippedOrder, ev('in_transit', '2026-02-10T10:00:00Z')],
      {
        end: C1_DEFAULT_END,
        provenance: 'estimated',
        rule: /^60 days after shipped 2026-01-05 \(default policy\)$/,
      },
    ],
    [
      '"awaiting confirmation" caps the end a few days out',
      [...shippedOrder, ev('awaiting_confirmation', '2026-02-20T10:00:00Z')],
      {
        end: '2026-02-23T10:00:00.000Z',
        provenance: 'estimated',
        rule: /awaiting confirmation" mail 2026-02-20/,
      },
    ],
    [
      '"awaiting confirmation" never moves an earlier stated end later',
      [
        ...shippedOrder,
        ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-02-22' }),
        ev('awaiting_confirmation', '2026-02-20T10:00:00Z'),
      ],
      { end: '2026-02-21T10:00:00.000Z', provenance: 'stated', rule: /^stated/ },
    ],
    [
      'a shipped mail dated after the first tracking news: from the tracking, the earlier',
      [
        ev('payment_confirmed', '2026-01-01T10:00:00Z'),
        ev('in_transit', '2026-01-10T10:00:00Z'),
        ev('shipped', '2026-01-12T10:00:00Z'),
      ],
      {
        end: '2026-03-11T10:00:00.000Z',
        provenance: 'estimated',
        rule: /60 days after first tracking news \(before the shipped mail\) 2026-01-10/,
      },
    ],
    [
      'a dispute opened and cancelled before shipping pauses nothing (the clock was not running)',
      [
        ev('payment_confirmed', '2026-01-01T10:00:00Z'),
        ev('dispute_opened', '2026-01-02T10:00:00Z'),
        ev('dispute_cancelled', '2026-01-08T10:00:00Z'),
        ev('shipped', '2026-01-10T10:00:00Z'),
      ],
      {
        end: '2026-03-11T10:00:00.000Z',
        provenance: 'estimated',
        rule: /^60 days after shipped 2026-01-10 \(default policy\)$/,
      },
    ],
    [
      'closing an undelivered order ends protection then',
      [...shippedOrder, ev('order_closed', '2026-02-25T10:00:00Z')],
      {
        end: '2026-02-25T10:00:00.000Z',
        provenance: 'stated',
        rule: /ended at completion: order closed 2026-02-25/,
      },
    ],
  ])('%s', (_name, events, expected) => {
    const clock = c1(events);
    expect(clock.end).toBe(expected.end);
    expect(clock.provenance).toBe(expected.provenance);
    expect(clock.rule).toMatch(expected.rule);
    expect(clock.state).toBe('running');
  });

  it('is paused, without an end, while a dispute is open; the time left is kept', () => {
    const clock = c1([...shippedOrder, ev('dispute_opened', '2026-02-10T10:00:00Z')]);
    expect(clock).toMatchObject({ state: 'paused', end: null, remainingMs: 24 * DAY });
    expect(clock.pauses).toEqual([{ from: '2026-02-10T10:00:00.000Z', to: null }]);
  });

  it('keeps the whole length when the dispute was opened before anything shipped', () => {
    const clock = c1([
      ev('payment_confirmed', '2026-01-01T10:00:00Z'),
      ev('dispute_opened', '2026-01-02T10:00:00Z'),
      ev('shipped', '2026-01-10T10:00:00Z'),
    ]);
    expect(clock).toMatchObject({ state: 'paused', end: null, remainingMs: 60 * DAY });
  });

  it('is paused again when a cancelled dispute is reopened, the first pause counted', () => {
    const clock = c1([
      ...shippedOrder,
      ev('dispute_opened', '2026-02-10T10:00:00Z'),
      ev('dispute_cancelled', '2026-02-15T10:00:00Z'),
      ev('dispute_opened', '2026-02-20T10:00:00Z'),
    ]);
    expect(clock).toMatchObject({ state: 'paused', end: null, pausedMs: 5 * DAY, remainingMs: 19 * DAY });
  });

  it('does not depend on now while paused', () => {
    const events = [...shippedOrder, ev('dispute_opened', '2026-02-10T10:00:00Z')];
    expect(c1(events, '2026-02-11T00:00:00Z')).toEqual(c1(events, '2026-06-01T00:00:00Z'));
  });

  it('records the pause intervals and the paused time after a resume', () => {
    const clock = c1([
      ...shippedOrder,
      ev('dispute_opened', '2026-02-10T10:00:00Z'),
      ev('dispute_cancelled', '2026-02-15T10:00:00Z'),
    ]);
    expect(clock.pausedMs).toBe(5 * DAY);
    expect(clock.pauses).toEqual([{ from: '2026-02-10T10:00:00.000Z', to: '2026-02-15T10:00:00.000Z' }]);
  });

  it('stops for good when a dispute is closed', () => {
    const clock = c1([
      ...shippedOrder,
      ev('dispute_opened', '2026-02-10T10:00:00Z'),
      ev('dispute_closed', '2026-02-18T10:00:00Z', { outcome: 'won' }),
    ]);
    expect(clock).toMatchObject({ state: 'stopped', end: null });
    expect(clock.rule).toMatch(/stopped: dispute closed 2026-02-18/);
  });

  it('follows the policy length', () => {
    const clock = clockOf(
      evaluate(shippedOrder, NOW, { policy: resolvePolicy({ protectionDays: 90 }) }),
      'C1',
    );
    expect(clock.end).toBe('2026-04-05T10:00:00.000Z');
    expect(clock.rule).toMatch(/^90 days/);
  });

  it('does not exist before anything shipped', () => {
    expect(
      evaluate([ev('order_confirmed', '2026-01-01T10:00:00Z')], NOW).clocks.map((c) => c.id),
    ).not.toContain('C1');
  });
});

describe('C1 pauses that come too late', () => {
  it('a dispute opened after protection ended does not revive it', () => {
    const clock = c1([
      ...shippedOrder,
      ev('dispute_opened', '2026-03-08T10:00:00Z'),
      ev('dispute_cancelled', '2026-03-12T10:00:00Z'),
    ]);
    expect(clock).toMatchObject({ state: 'running', end: C1_DEFAULT_END, pausedMs: 0 });
  });

  it('an open dispute after protection ended does not pause it', () => {
    expect(c1([...shippedOrder, ev('dispute_opened', '2026-03-08T10:00:00Z')])).toMatchObject({
      state: 'running',
      end: C1_DEFAULT_END,
    });
  });

  it('a pause that began before the end counts even if it ends after it', () => {
    const clock = c1([
      ...shippedOrder,
      ev('dispute_opened', '2026-03-05T10:00:00Z'),
      ev('dispute_cancelled', '2026-03-10T10:00:00Z'),
    ]);
    expect(clock.end).toBe('2026-03-11T10:00:00.000Z');
  });
});
