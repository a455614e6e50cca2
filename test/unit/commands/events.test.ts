import { describe, expect, it } from 'vitest';
import {
  type CommandEventContext,
  checkDeleteToken,
  commandEvents,
  DELETE_TOKEN_LENGTH,
  deleteToken,
  normaliseDeleteToken,
  orderSuffix,
  parseCommand,
  resolveOrder,
  shortOrder,
} from '../../../functions/core/commands/index';
import { parseOrderEvent } from '../../../functions/core/events';

const A = '8123456789010979';
const now = '2026-03-10T12:00:00Z';
const eventCtx: CommandEventContext = { now, timeZone: 'Europe/Berlin', messageId: '<cmd@example.com>' };

function eventsOf(line: string, ctx = eventCtx) {
  const result = parseCommand(line, { now, timeZone: ctx.timeZone, knownOrderIds: [A] });
  if (!result.ok) throw new Error(result.error.message);
  return commandEvents(result.command, ctx);
}

const source = { kind: 'command', messageId: '<cmd@example.com>' };

describe('commandEvents', () => {
  it.each([
    ['received 0979', { type: 'receipt_confirmed', occurredAt: now }],
    // A typed date is the start of that day in the user's zone, with the zone's offset.
    ['received 0979 4.3.2026', { type: 'receipt_confirmed', occurredAt: '2026-03-04T00:00:00+01:00' }],
    ['dispute 0979', { type: 'dispute_opened', occurredAt: now }],
    ['dispute 0979 2026-03-09', { type: 'dispute_opened', occurredAt: '2026-03-09T00:00:00+01:00' }],
    ['paid 0979', { type: 'payment_confirmed', occurredAt: now }],
    ['delivered 0979', { type: 'delivered', occurredAt: now }],
    ['closed 0979', { type: 'order_closed', occurredAt: now }],
    ['cancelled 0979', { type: 'order_cancelled', occurredAt: now }],
    ['answered 0979', { type: 'seller_responded', occurredAt: now }],
    ['escalated 0979 2026-03-09', { type: 'dispute_escalated', occurredAt: '2026-03-09T00:00:00+01:00' }],
    [
      'negotiation 0979 20.3.2026',
      { type: 'negotiation_deadline', occurredAt: now, negotiationEndsAt: '2026-03-20' },
    ],
    ['withdrawn 0979', { type: 'dispute_cancelled', occurredAt: now }],
    ['resolved 0979 partial', { type: 'dispute_closed', occurredAt: now, outcome: 'partial' }],
    // `refund`: AliExpress approved it (C8 starts); `refunded`: the money arrived.
    ['refund 0979', { type: 'refund_issued', occurredAt: now }],
    ['refund 0979 alipay', { type: 'refund_issued', occurredAt: now, paymentMethod: 'alipay' }],
    [
      'refund 0979 card 8.3.2026',
      { type: 'refund_issued', occurredAt: '2026-03-08T00:00:00+01:00', paymentMethod: 'card' },
    ],
    ['refunded 0979', { type: 'refund_received', occurredAt: now }],
    [
      'protection 0979 4 Dec 2026',
      { type: 'protection_stated', occurredAt: now, protectionEndsAt: '2026-12-04' },
    ],
    ['extend 0979 15', { type: 'protection_extended', occurredAt: now, extensionDays: 15 }],
    [
      'extend 0979 20.4.2026',
      { type: 'protection_extended', occurredAt: now, protectionEndsAt: '2026-04-20' },
    ],
  ])('%s', (line, expected) => {
    const events = eventsOf(line);
    expect(events).toEqual([{ orderIds: [A], source, ...expected }]);
    // The events pass the same validation as every other event source.
    for (const e of events) expect(parseOrderEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('uses the zone: the same date starts earlier in Berlin than in Los Angeles', () => {
    const la = eventsOf('received 0979 4.3.2026', { ...eventCtx, timeZone: 'America/Los_Angeles' });
    expect(la[0]?.occurredAt).toBe('2026-03-04T00:00:00-08:00');
  });

  it.each(['help', 'status', 'mute 0979', 'tz UTC', 'acks new', 'stop', 'delete'])(
    '%s records no fact',
    (line) => {
      expect(eventsOf(line)).toEqual([]);
    },
  );
});

describe('orders', () => {
  it('shows and suggests the shortest unambiguous suffix', () => {
    expect(shortOrder(A)).toBe('…0979');
    expect(orderSuffix(A, [A, '3123456789020979'])).toBe('10979');
    expect(orderSuffix(A, [A])).toBe('0979');
  });
  it('rejects suffixes shorter than 4 digits and non-digits', () => {
    expect(resolveOrder('979', [A])).toEqual({ ok: false, problem: { kind: 'bad-order', text: '979' } });
    expect(resolveOrder('09x9', [A]).ok).toBe(false);
  });
  it('accepts a copied "…0979" or "...0979"', () => {
    expect(resolveOrder('...0979', [A])).toEqual({ ok: true, order: { orderId: A, known: true } });
  });
});

describe('delete round-trip', () => {
  const user = 'ann@example.com';
  const pending = { nonce: 'n-42', requestedAt: '2026-03-10T12:00:00Z' };
  const token = deleteToken(user, pending.nonce);

  it('is deterministic, typeable and bound to the user and nonce', () => {
    expect(token).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${DELETE_TOKEN_LENGTH}}$`));
    expect(deleteToken('ANN@example.com ', pending.nonce)).toBe(token);
    expect(deleteToken('bob@example.com', pending.nonce)).not.toBe(token);
    expect(deleteToken(user, 'n-43')).not.toBe(token);
  });

  it('confirms the token the reply carried, typed any way', () => {
    const typed = `${token.slice(0, 4).toLowerCase()}-${token.slice(4)}`;
    const parsed = parseCommand(`delete ${typed}`, { now, timeZone: 'UTC', knownOrderIds: [] });
    expect(parsed.ok && parsed.command).toEqual({ kind: 'delete-confirm', token });
    expect(checkDeleteToken(typed, user, pending, '2026-03-10T18:00:00Z')).toBe('confirmed');
  });

  it('refuses a wrong, late or unrequested confirmation', () => {
    const other = deleteToken(user, 'other');
    expect(checkDeleteToken(other, user, pending, '2026-03-10T18:00:00Z')).toBe('mismatch');
    expect(checkDeleteToken(token, user, pending, '2026-03-11T12:00:01Z')).toBe('expired');
    expect(checkDeleteToken(token, user, null, '2026-03-10T18:00:00Z')).toBe('no-request');
    expect(normaliseDeleteToken('toolong123')).toBeNull();
  });
});
