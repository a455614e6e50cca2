/** A2 "late": when the estimated delivery date has passed, and which deadline its key names. */
import { describe, expect, it } from 'vitest';
import { ev, evaluate, inTransit, kinds } from './helpers';

describe('the estimated delivery date has passed only when that day is over in the user zone', () => {
  // An early "late, open a dispute" leads to a dispute AliExpress refuses while the parcel is in transit.
  it.each<[string, string, string, string]>([
    // zone, a morning of the estimated day 2026-02-01 itself, the send time the next morning
    ['America/Los_Angeles', '2026-02-01T17:00:00Z', '2026-02-01T23:00:00Z', '2026-02-02T17:00:00.000Z'],
    ['Pacific/Honolulu', '2026-02-01T19:00:00Z', '2026-02-02T09:00:00Z', '2026-02-02T19:00:00.000Z'],
    ['UTC', '2026-02-01T09:00:00Z', '2026-02-01T23:00:00Z', '2026-02-02T09:00:00.000Z'],
    ['Asia/Tokyo', '2026-02-01T00:00:00Z', '2026-02-01T14:00:00Z', '2026-02-02T00:00:00.000Z'],
  ])('%s', (timeZone, morning, evening, sendAt) => {
    expect(kinds(evaluate(inTransit, morning, { timeZone }))).not.toContain('late');
    expect(kinds(evaluate(inTransit, evening, { timeZone }))).not.toContain('late');
    const late = evaluate(inTransit, sendAt, { timeZone }).alerts.find((a) => a.kind === 'late');
    expect(late?.sendAt).toBe(sendAt);
  });
});

describe('an "awaiting confirmation" mail does not send "late" a second time', () => {
  // The mail moves C1's end (the last call, A3, covers that); A2 is about the estimate having passed.
  const lateKey = (events: Parameters<typeof evaluate>[0], now: string) =>
    evaluate(events, now).plan.find((p) => p.alert.kind === 'late')?.alert.key;

  it('keeps the key of the "late" alert already sent', () => {
    const before = lateKey(inTransit, '2026-02-10T09:00:00Z');
    const awaiting = [...inTransit, ev('awaiting_confirmation', '2026-02-20T14:23:00Z')];
    expect(before).toBeDefined();
    expect(lateKey(awaiting, '2026-02-21T09:00:00Z')).toBe(before);
  });

  it('a new estimate is new news: "late" may come again for it', () => {
    const reestimated = [
      ...inTransit,
      ev('in_transit', '2026-02-03T10:00:00Z', { estimatedDelivery: '2026-02-10' }),
    ];
    expect(lateKey(reestimated, '2026-02-12T09:00:00Z')).not.toBe(lateKey(inTransit, '2026-02-02T09:00:00Z'));
  });
});
