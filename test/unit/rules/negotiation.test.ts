/** DOMAIN.md: once AliExpress stated a negotiation end (C6), the seller's answer clock no longer applies. */
import { describe, expect, it } from 'vitest';
import { disputed, dueAlert, ev, evaluate, kinds } from './helpers';

// C4 would end 2026-02-25T10:00Z; the stated negotiation end is 2026-03-05 (2026-03-04T10:00Z, UTC+14).
const negotiating = [
  ...disputed,
  ev('negotiation_deadline', '2026-02-20T10:00:00Z', { negotiationEndsAt: '2026-03-05' }),
];

describe('a stated negotiation end', () => {
  it('silences "seller silent": AliExpress has made its own proposal', () => {
    expect(kinds(evaluate(disputed, '2026-02-26T09:00:00Z'))).toContain('seller-silent');
    const result = evaluate(negotiating, '2026-02-26T09:00:00Z');
    expect(kinds(result)).not.toContain('seller-silent');
    expect(result.plan.map((p) => p.alert.kind)).not.toContain('seller-silent');
  });

  it('replaces the seller answer clock C4 by C6', () => {
    const ids = evaluate(negotiating, '2026-02-26T09:00:00Z').clocks.map((c) => c.id);
    expect(ids).not.toContain('C4');
    expect(ids).toContain('C6');
  });

  it('tells the buyer what follows it: AliExpress applies its proposal if they choose nothing', () => {
    const alert = dueAlert(negotiating, '2026-03-02T09:00:00Z', 'negotiation-ending');
    expect(alert.deadline).toBe('2026-03-04T10:00:00.000Z');
    expect(alert.reasons.join(' ')).toMatch(/AliExpress's proposal is applied automatically/);
    expect(alert.advice.join(' ')).toMatch(/if you choose nothing, AliExpress's proposal is applied/);
  });
});
