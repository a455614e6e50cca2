/**
 * A fact read from unverified wording never pauses a clock or silences a warning; it may add one. An alert
 * that fires although such a fact would have silenced it says what was assumed and how to confirm it.
 */
import { describe, expect, it } from 'vitest';
import type { EventType, OrderEvent } from '../../../functions/core/events';
import { C1_DEFAULT_END, clockOf, disputed, dueAlert, ev, evaluate, inTransit, kinds } from './helpers';

const unverified = { kind: 'mail', messageId: '<m@x>', language: 'en', evidence: 'unverified' } as const;
const verified = { ...unverified, evidence: 'verified' } as const;
const weak = (type: EventType, at: string, extra: Partial<OrderEvent> = {}) =>
  ev(type, at, { source: unverified, ...extra });

describe('unverified facts silence nothing', () => {
  it.each<[string, OrderEvent, RegExp]>([
    [
      'a dispute opened',
      weak('dispute_opened', '2026-02-10T10:00:00Z'),
      /"dispute opened".*reply "dispute 2345"/,
    ],
    ['a delivery', weak('delivered', '2026-02-20T10:00:00Z'), /"delivered".*reply "delivered 2345"/],
    ['a receipt confirmation', weak('receipt_confirmed', '2026-02-20T10:00:00Z'), /"receipt confirmed"/],
    ['a refund received', weak('refund_received', '2026-02-20T10:00:00Z'), /"refund received"/],
    [
      'a protection extension',
      weak('protection_extended', '2026-02-20T10:00:00Z', { extensionDays: 30 }),
      /"protection extended"/,
    ],
  ])('%s: C1 runs on and the protection warnings come, saying what was assumed', (_name, fact, note) => {
    const events = [...inTransit, fact];
    const result = evaluate(events, '2026-02-27T09:00:00Z');
    expect(clockOf(result, 'C1')).toMatchObject({ state: 'running', end: C1_DEFAULT_END });
    const reasons = dueAlert(events, '2026-02-27T09:00:00Z', 'protection-lapsing').reasons.join(' ');
    expect(reasons).toMatch(/unverified wording/);
    expect(reasons).toMatch(note);
  });

  it.each<[string, EventType]>([
    ['a stated protection end', 'protection_stated'],
    ['an extension to a date', 'protection_extended'],
  ])('%s read from unverified wording counts when it ends C1 sooner, never when later', (_name, type) => {
    // The estimate from the ship date ends C1 on C1_DEFAULT_END; the mail's date is earlier, then later.
    const sooner = [...inTransit, weak(type, '2026-02-01T10:00:00Z', { protectionEndsAt: '2026-02-20' })];
    const c1 = clockOf(evaluate(sooner, '2026-02-10T09:00:00Z'), 'C1');
    expect(Date.parse(c1?.end ?? '')).toBeLessThan(Date.parse('2026-02-21T00:00:00Z'));
    expect(c1).toMatchObject({ provenance: 'estimated', rule: expect.stringMatching(/unverified/) });
    const later = [...inTransit, weak(type, '2026-02-01T10:00:00Z', { protectionEndsAt: '2026-06-30' })];
    expect(clockOf(evaluate(later, '2026-02-10T09:00:00Z'), 'C1')).toMatchObject({ end: C1_DEFAULT_END });
  });

  it('an unverified earlier end that an "awaiting confirmation" mail proves wrong never ends C1 later than without it', () => {
    const awaiting = ev('awaiting_confirmation', '2026-03-04T10:00:00Z', { source: verified });
    const without = clockOf(evaluate([...inTransit, awaiting], '2026-03-04T12:00:00Z'), 'C1');
    const withWeak = clockOf(
      evaluate(
        [
          ...inTransit,
          weak('protection_stated', '2026-02-01T10:00:00Z', { protectionEndsAt: '2026-02-20' }),
          awaiting,
        ],
        '2026-03-04T12:00:00Z',
      ),
      'C1',
    );
    expect(Date.parse(withWeak?.end ?? '')).toBeLessThanOrEqual(Date.parse(without?.end ?? ''));
  });

  it('a refund received does not stop "refund overdue"', () => {
    const events = [
      ...inTransit,
      ev('refund_issued', '2026-02-20T10:00:00Z'),
      weak('refund_received', '2026-03-02T10:00:00Z'),
    ];
    expect(dueAlert(events, '2026-03-07T09:00:00Z', 'refund-overdue').reasons.join(' ')).toMatch(
      /"refund received".*unverified wording/,
    );
  });

  it.each<[string, OrderEvent]>([
    ['an escalation', weak('dispute_escalated', '2026-02-20T10:00:00Z')],
    [
      'a negotiation end',
      weak('negotiation_deadline', '2026-02-20T10:00:00Z', { negotiationEndsAt: '2026-03-20' }),
    ],
  ])('%s does not stop "seller silent"', (_name, fact) => {
    const reasons = dueAlert([...disputed, fact], '2026-02-26T09:00:00Z', 'seller-silent').reasons.join(' ');
    expect(reasons).toMatch(/unverified wording/);
  });
});

describe('unverified facts may still warn', () => {
  it('an unverified negotiation end still brings its A6 warning', () => {
    const events = [
      ...disputed,
      weak('negotiation_deadline', '2026-02-20T10:00:00Z', { negotiationEndsAt: '2026-03-05' }),
    ];
    expect(kinds(evaluate(events, '2026-03-02T09:00:00Z'))).toContain('negotiation-ending');
  });

  it('an unverified "awaiting confirmation" is still a last call', () => {
    const events = [...inTransit, weak('awaiting_confirmation', '2026-02-20T14:23:00Z')];
    expect(dueAlert(events, '2026-02-20T14:23:00Z', 'protection-lapsing').step).toBe('awaiting-confirmation');
  });
});

describe('verified facts, and the user confirming', () => {
  it('a verified dispute mail pauses C1 and silences the warnings', () => {
    const result = evaluate(
      [...inTransit, ev('dispute_opened', '2026-02-10T10:00:00Z', { source: verified })],
      '2026-02-27T09:00:00Z',
    );
    expect(clockOf(result, 'C1').state).toBe('paused');
    expect(kinds(result)).not.toContain('protection-lapsing');
  });

  it('an unverified copy and a verified copy of one mail are one verified fact', () => {
    const events = [
      ...inTransit,
      weak('dispute_opened', '2026-02-10T10:00:00Z'),
      ev('dispute_opened', '2026-02-10T10:00:00Z', { source: verified, store: 'S' }),
    ];
    expect(clockOf(evaluate(events, '2026-02-27T09:00:00Z'), 'C1').state).toBe('paused');
  });

  it.each<[string, OrderEvent]>([
    ['an unverified "opened" mail', weak('dispute_opened', '2026-02-10T10:00:00Z')],
    ['a dispute seen only through the seller answer', ev('seller_responded', '2026-02-10T10:00:00Z')],
  ])('after %s, the user recording the dispute pauses C1 from then', (_name, fact) => {
    const events = [
      ...inTransit,
      fact,
      ev('dispute_opened', '2026-02-14T10:00:00Z', { source: { kind: 'command', messageId: null } }),
    ];
    const c1 = clockOf(evaluate(events, '2026-02-27T09:00:00Z'), 'C1');
    expect(c1.state).toBe('paused');
    expect(c1.pauses[0]?.from).toBe('2026-02-14T10:00:00.000Z');
  });
});
