import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PolicyError, resolvePolicy } from '../../../functions/core/rules/policy';

describe('DEFAULT_POLICY', () => {
  it('carries the DOMAIN.md defaults', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      protectionDays: 60,
      disputeNotBeforeDays: 10,
      disputeWindowDays: 15,
      sellerResponseDays: 15,
      escalationRulingBusinessDays: 7,
      appealDays: 7,
      refundBusinessDays: { card: 10, alipay: 3, other: 10 },
      chargebackDays: 120,
      notShippedDays: 10,
      protectionLeadDays: [7, 3, 1],
      inspectLeadDays: [5, 2],
      negotiationLeadDays: 2,
      appealLeadDays: 2,
      sendHour: 9,
      defaultTimeZone: 'UTC',
    });
  });

  it('is frozen so no caller can change it for everyone', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.refundBusinessDays)).toBe(true);
  });
});

describe('resolvePolicy', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
  });

  it('applies overrides, merging refund days per method', () => {
    const policy = resolvePolicy({
      protectionDays: 75,
      refundBusinessDays: { card: 15 },
      defaultTimeZone: 'Europe/Berlin',
    });
    expect(policy.protectionDays).toBe(75);
    expect(policy.refundBusinessDays).toEqual({ card: 15, alipay: 3, other: 10 });
    expect(policy.defaultTimeZone).toBe('Europe/Berlin');
  });

  it('sorts lead days longest first and drops repeats', () => {
    expect(resolvePolicy({ protectionLeadDays: [1, 7, 3, 7] }).protectionLeadDays).toEqual([7, 3, 1]);
  });

  it.each([
    [{ protectionDays: -5 }, /protectionDays.*whole number of days/],
    [{ appealDays: 0 }, /appealDays/],
    [{ chargebackDays: 1.5 }, /chargebackDays/],
    [{ refundBusinessDays: { card: -1 } }, /refundBusinessDays\.card/],
    [{ protectionLeadDays: [] }, /protectionLeadDays.*non-empty/],
    [{ inspectLeadDays: [5, -2] }, /inspectLeadDays\[1\]/],
    [{ sendHour: 24 }, /sendHour/],
    [{ sendHour: 8.5 }, /sendHour/],
    [{ defaultTimeZone: 'Mars/Olympus' }, /defaultTimeZone/],
    [{ refundBusinessDays: 5 }, /refundBusinessDays.*object/],
    [{ refundBusinessDays: null }, /refundBusinessDays.*object/],
    [{ refundBusinessDays: [7] }, /refundBusinessDays.*object/],
    [{ toString: 5 }, /unknown policy field "toString"/],
    [{ refundBusinessDays: { constructor: 5 } }, /unknown payment method "constructor"/],
  ])('rejects %j with a message naming the field', (overrides, message) => {
    expect(() => resolvePolicy(overrides as never)).toThrow(PolicyError);
    expect(() => resolvePolicy(overrides as never)).toThrow(message);
  });

  it('rejects unknown fields and payment methods instead of ignoring a typo', () => {
    expect(() => resolvePolicy({ protectonDays: 70 } as never)).toThrow(
      /unknown policy field "protectonDays"/,
    );
    expect(() => resolvePolicy({ refundBusinessDays: { paypal: 5 } } as never)).toThrow(
      /unknown payment method "paypal"/,
    );
  });
});
