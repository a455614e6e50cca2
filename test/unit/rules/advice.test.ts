/** What the alerts tell the user to do, per situation (DOMAIN.md "Advice the emails carry", the seeds). */
import { describe, expect, it } from 'vitest';
import { clockOf, disputed, dueAlert, ev, evaluate, inTransit } from './helpers';

describe('A4 for a parcel tracking says delivered but the buyer has not confirmed receiving', () => {
  const deliveredByTracking = [...inTransit, ev('delivered', '2026-02-20T10:00:00Z')];

  it('says to ask the seller briefly, then dispute with the carrier evidence, not to inspect the item', () => {
    const alert = dueAlert(deliveredByTracking, '2026-03-02T09:00:00Z', 'dispute-window-closing');
    const advice = alert.advice.join(' ');
    expect(advice).not.toMatch(/inspect the item/i);
    expect(advice).toMatch(/ask the seller/i);
    expect(advice).toMatch(/carrier/i);
  });

  it('still says to inspect the item once the buyer confirmed receiving it', () => {
    const received = [...inTransit, ev('receipt_confirmed', '2026-02-20T10:00:00Z')];
    const alert = dueAlert(received, '2026-03-02T09:00:00Z', 'dispute-window-closing');
    expect(alert.advice.join(' ')).toMatch(/inspect the item/i);
  });
});

describe('A6 negotiation ending', () => {
  it("warns not to accept a seller offer worse than AliExpress's", () => {
    const events = [
      ...disputed,
      ev('negotiation_deadline', '2026-02-20T10:00:00Z', { negotiationEndsAt: '2026-03-05' }),
    ];
    const alert = dueAlert(events, '2026-03-02T09:00:00Z', 'negotiation-ending');
    expect(alert.advice.join(' ')).toMatch(/Don't accept a seller offer that is worse than AliExpress's/);
  });
});

describe('A9 window closed', () => {
  it('does not ask for the stated date any more: the window it would replace has closed', () => {
    const alert = dueAlert(inTransit, '2026-03-07T09:00:00Z', 'window-closed');
    const reasons = alert.reasons.join(' ');
    expect(reasons).not.toMatch(/send that date/);
    expect(reasons).toMatch(/estimate/);
  });
});

describe('an order completed while a quality dispute is open', () => {
  it.each([
    ['received, then a dispute', '2026-02-01T10:00:00Z', '2026-02-05T10:00:00Z'],
    ['a dispute, then received', '2026-02-05T10:00:00Z', '2026-02-01T10:00:00Z'],
  ])('%s: C1 has no meaning any more and does not show paused', (_name, receivedAt, openedAt) => {
    const events = [...inTransit, ev('receipt_confirmed', receivedAt), ev('dispute_opened', openedAt)];
    const c1 = clockOf(evaluate(events, '2026-02-10T09:00:00Z'), 'C1');
    expect(c1.state).not.toBe('paused');
    expect(c1.rule).not.toMatch(/paused/);
    expect(c1.end).toBe(`${receivedAt.slice(0, 19)}.000Z`);
  });
});
