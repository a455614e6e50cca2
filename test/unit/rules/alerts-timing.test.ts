/** When alerts go out: the send hour in the user's zone, across DST, and never after the deadline. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { warningSendAt } from '../../../functions/core/rules/alerts';
import { DEFAULT_POLICY } from '../../../functions/core/rules/index';
import { dueAlert, ev, evaluate, inTransit, shippedOrder } from './helpers';

const at = (iso: string) => Date.parse(iso);

describe('send hour across DST (09:00 local stays 09:00 local)', () => {
  it.each([
    [
      'Europe/Berlin',
      '2026-04-01T12:00:00Z',
      ['2026-03-25T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-31T07:00:00.000Z'],
    ],
    [
      'Europe/Berlin',
      '2026-10-28T12:00:00Z',
      ['2026-10-21T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-27T08:00:00.000Z'],
    ],
    [
      'America/New_York',
      '2026-03-10T15:00:00Z',
      ['2026-03-03T14:00:00.000Z', '2026-03-07T14:00:00.000Z', '2026-03-09T13:00:00.000Z'],
    ],
    [
      'America/New_York',
      '2026-11-03T15:00:00Z',
      ['2026-10-27T13:00:00.000Z', '2026-10-31T13:00:00.000Z', '2026-11-02T14:00:00.000Z'],
    ],
  ])('%s, protection ending %s', (zone, end, expected) => {
    const events = [
      ...shippedOrder,
      ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: end }),
    ];
    const sendAts = evaluate(events, '2026-01-07T00:00:00Z', { timeZone: zone })
      .plan.filter((p) => p.alert.kind === 'protection-lapsing')
      .map((p) => p.alert.sendAt);
    expect(sendAts).toEqual(expected);
    for (const s of sendAts) expect(DateTime.fromISO(s, { zone }).hour).toBe(9);
  });
});

describe('never after the deadline', () => {
  it('sends a warning at once when the send hour would be too late', () => {
    const ctx = { policy: DEFAULT_POLICY, timeZone: 'UTC' };
    expect(warningSendAt(at('2026-03-09T06:00:00Z'), at('2026-03-09T08:00:00Z'), ctx)).toBe(
      at('2026-03-09T06:00:00Z'),
    );
    expect(warningSendAt(at('2026-03-09T06:00:00Z'), at('2026-03-10T08:00:00Z'), ctx)).toBe(
      at('2026-03-09T09:00:00Z'),
    );
  });

  it('sends A2 at once when the next send hour is past protection', () => {
    const events = [
      ...shippedOrder,
      ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-02-02T08:00:00Z' }),
      ev('in_transit', '2026-01-10T10:00:00Z', { estimatedDelivery: '2026-02-01' }),
    ];
    // The estimate 2026-02-01 is over at midnight UTC; 09:00 would be after protection ends at 08:00.
    const alert = dueAlert(events, '2026-02-02T00:00:00Z', 'late');
    expect(alert.sendAt).toBe('2026-02-02T00:00:00.000Z');
  });

  it('holds for every warning in a range of zones and date-only deadlines', () => {
    let checked = 0;
    for (const zone of [
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/Los_Angeles',
      'Europe/Berlin',
      'Asia/Kolkata',
    ]) {
      for (const end of ['2026-03-10', '2026-03-10T00:30:00Z', '2026-03-10T23:59:00-11:00']) {
        const events = [
          ...inTransit,
          ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: end }),
        ];
        const plan = evaluate(events, '2026-01-07T00:00:00Z', { timeZone: zone }).plan;
        const warnings = plan.filter((p) => p.alert.kind === 'protection-lapsing' || p.alert.kind === 'late');
        expect(warnings.length, `${zone} ${end}`).toBe(4);
        for (const p of warnings) {
          // A2's deadline is the estimate that passed; the protection it warns about ends its window.
          const protects = p.alert.kind === 'late' ? at(p.dueUntil ?? 'invalid') : at(p.alert.deadline);
          expect(at(p.alert.sendAt), `${zone} ${end} ${p.alert.key}`).toBeLessThan(protects);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(60);
  });

  it('reads a date-only deadline as the start of that day in UTC+14', () => {
    const events = [
      ...inTransit,
      ev('protection_stated', '2026-01-06T10:00:00Z', { protectionEndsAt: '2026-03-10' }),
    ];
    const alert = dueAlert(events, '2026-03-08T16:00:00Z', 'protection-lapsing', 'America/Los_Angeles');
    expect(alert.deadline).toBe('2026-03-09T10:00:00.000Z');
    expect(alert.sendAt).toBe('2026-03-08T16:00:00.000Z'); // 09:00 PDT, the day the 1-day step is due
  });
});
