/** DOMAIN.md "One fact, one effect": copies of one fact count once; distinct facts each count. */
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import { normaliseEvents } from '../../../functions/core/rules/normalise';
import { C1_DEFAULT_END, clockOf, ev, evaluate, shippedOrder } from './helpers';

const NOW = '2026-02-25T00:00:00Z';
const plus30 = '2026-04-05T10:00:00.000Z';
const plus60 = '2026-05-05T10:00:00.000Z';
const c1End = (events: readonly OrderEvent[]) => clockOf(evaluate(events, NOW), 'C1').end;

const filterCopy = ev('protection_extended', '2026-02-20T10:00:00Z', {
  extensionDays: 30,
  source: { kind: 'mail', messageId: '<filter@gmail>', language: 'en', evidence: 'verified' },
});
const handForward = ev('protection_extended', '2026-02-20T10:00:00Z', {
  extensionDays: 30,
  store: 'Best Gadgets Store',
  items: ['USB cable'],
  amount: { value: 3.99, currency: 'EUR' },
  source: { kind: 'mail', messageId: '<hand@forward>', language: 'de', evidence: 'verified' },
});

describe('the same extension reported twice adds its days once', () => {
  it.each<[string, OrderEvent[]]>([
    ['a filter copy and a hand forward that also read store, items and amount', [filterCopy, handForward]],
    ['the same, arriving the other way round', [handForward, filterCopy]],
    [
      'a mail and a command stating the same extension a few hours later',
      [
        filterCopy,
        ev('protection_extended', '2026-02-20T18:30:00Z', {
          extensionDays: 30,
          source: { kind: 'command', messageId: '<cmd@user>' },
        }),
      ],
    ],
  ])('%s', (_name, copies) => {
    expect(c1End([...shippedOrder, ...copies])).toBe(plus30);
  });

  it('an extension to a date, then the same extension by days a few hours later, ends C1 at the date', () => {
    // The user records what the seller wrote ("extended to 10 April"), then AliExpress's mail says "by 30
    // days": adding the 30 days to the date would push C1 a month past its real end.
    const command = ev('protection_extended', '2026-02-20T08:00:00Z', {
      protectionEndsAt: '2026-04-05',
      source: { kind: 'command', messageId: '<cmd@user>' },
    });
    const end = c1End([...shippedOrder, command]);
    expect(end).not.toBeNull();
    expect(c1End([...shippedOrder, command, filterCopy])).toBe(end);
  });

  it('a stated end (the order page, already extended), then the extension by days: the stated end stands', () => {
    const command = ev('protection_stated', '2026-02-20T08:00:00Z', {
      protectionEndsAt: '2026-04-05',
      source: { kind: 'command', messageId: '<cmd@user>' },
    });
    const end = c1End([...shippedOrder, command]);
    expect(end).not.toBeNull();
    expect(c1End([...shippedOrder, command, filterCopy])).toBe(end);
  });

  it('two copies of one notice read with different ends: the earlier end counts, whatever their order', () => {
    const copy = (protectionEndsAt: string, messageId: string) =>
      ev('protection_stated', '2026-02-01T10:00:00Z', {
        protectionEndsAt,
        source: { kind: 'mail', messageId, language: 'en', evidence: 'verified' },
      });
    const early = c1End([...shippedOrder, copy('2026-03-10', '<a@x>')]);
    expect(c1End([...shippedOrder, copy('2026-03-10', '<a@x>'), copy('2026-04-10', '<b@x>')])).toBe(early);
    expect(c1End([...shippedOrder, copy('2026-04-10', '<b@x>'), copy('2026-03-10', '<a@x>')])).toBe(early);
  });

  it('copies that differ only in detail fields are one event, keeping the details', () => {
    const [only, ...rest] = normaliseEvents([filterCopy, handForward]);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ store: 'Best Gadgets Store', extensionDays: 30 });
  });
});

describe('distinct extensions each count', () => {
  it('the same number of days reported at clearly different times', () => {
    const later = ev('protection_extended', '2026-02-24T10:00:00Z', { extensionDays: 30 });
    expect(c1End([...shippedOrder, filterCopy, later])).toBe(plus60);
  });

  it('an extension by days reported clearly after an extension to a date', () => {
    const toDate = ev('protection_extended', '2026-02-10T10:00:00Z', { protectionEndsAt: '2026-03-20' });
    const stated = c1End([...shippedOrder, toDate]);
    const end = c1End([...shippedOrder, toDate, filterCopy]);
    expect(stated).not.toBeNull();
    expect(Date.parse(end ?? '') - Date.parse(stated ?? '')).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it('a different number of days on the same day', () => {
    const other = ev('protection_extended', '2026-02-20T12:00:00Z', { extensionDays: 15 });
    expect(c1End([...shippedOrder, filterCopy, other])).toBe('2026-04-20T10:00:00.000Z');
  });

  it('without any extension the default end stands', () => {
    expect(c1End(shippedOrder)).toBe(C1_DEFAULT_END);
  });
});
