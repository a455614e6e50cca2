/**
 * Every number the rules engine uses, in one typed object with the defaults of DOMAIN.md.
 *
 * The sources disagree and AliExpress changes its terms, so none of these is hard-coded elsewhere: a
 * deployment overrides what it must through `resolvePolicy`. Where DOMAIN.md gives a range, the default
 * is the value that warns the user soonest without being absurd ("estimates err early": a warning a few
 * days early costs a glance, one a day late costs the money).
 */
import type { PaymentMethod } from '../events';
import { assertTimeZone } from './time';

export interface Policy {
  /** C1: purchase protection after the seller ships, when AliExpress has not stated an end. 60, not 75/90. */
  readonly protectionDays: number;
  /**
   * How soon after the "awaiting confirmation / will soon be marked completed" mail C1 is assumed to end.
   * The mail carries no date; "soon" is read as at most this many days.
   */
  readonly awaitingConfirmationDays: number;
  /**
   * One fact, one effect: a seller extension by the same number of days reported again within this many
   * days (a mail and the user's command, a late hand forward), or an extension by days reported within this
   * many days after an extension to a date, is the same extension told twice. Counting it once can only end
   * C1 earlier, which errs on the safe side; two real extensions this close together are rare.
   */
  readonly duplicateExtensionDays: number;
  /** C2: days after shipping before a dispute is accepted. */
  readonly disputeNotBeforeDays: number;
  /** C3: the post-receipt dispute window, unless the delivery-confirmed mail states its own length. */
  readonly disputeWindowDays: number;
  /** C4: days the seller has to answer a dispute (5–15 by category; 15 is what DOMAIN.md defaults to). */
  readonly sellerResponseDays: number;
  /**
   * C5: business days until AliExpress rules after an escalation (3–7). No alert hangs on C5; it tells the
   * user by when to expect a ruling, so it is the late end of the range: an earlier date would make an
   * on-time ruling look overdue.
   */
  readonly escalationRulingBusinessDays: number;
  /** C7: days after a dispute closes in which an appeal is possible. */
  readonly appealDays: number;
  /**
   * C8: business days until a refund should have arrived, per payment method. Card: 10, not 5 or 15 —
   * "most within 10" — so A8 comes early for the slow tail but not for every ordinary card refund (5 would
   * call most refunds overdue). Alipay: 3. Other (and unknown) methods: 10, like a card, because wallets
   * usually settle through one.
   */
  readonly refundBusinessDays: Readonly<Record<PaymentMethod, number>>;
  /** C9: the card issuer's chargeback window from the card transaction. */
  readonly chargebackDays: number;
  /** A1: days after payment without a shipment before suggesting to cancel. */
  readonly notShippedDays: number;
  /** A3: warn when C1 ends in at most these many days (one mail per step). */
  readonly protectionLeadDays: readonly number[];
  /** A4: warn when C3 ends in at most these many days. */
  readonly inspectLeadDays: readonly number[];
  /** A6: warn when the negotiation ends in at most this many days. */
  readonly negotiationLeadDays: number;
  /** A7: warn when the appeal window ends in at most this many days. */
  readonly appealLeadDays: number;
  /** A9: how long a "window closed" notice stays due, so a scheduler outage cannot swallow it. */
  readonly windowClosedNoticeDays: number;
  /** Local hour (0–23) in the user's time zone at which alerts go out. */
  readonly sendHour: number;
  /** IANA zone used when a user has none. UTC: the only zone that is wrong for everybody equally. */
  readonly defaultTimeZone: string;
}

export const DEFAULT_POLICY: Policy = Object.freeze({
  protectionDays: 60,
  awaitingConfirmationDays: 3,
  duplicateExtensionDays: 2,
  disputeNotBeforeDays: 10,
  disputeWindowDays: 15,
  sellerResponseDays: 15,
  escalationRulingBusinessDays: 7,
  appealDays: 7,
  refundBusinessDays: Object.freeze({ card: 10, alipay: 3, other: 10 }),
  chargebackDays: 120,
  notShippedDays: 10,
  protectionLeadDays: Object.freeze([7, 3, 1]),
  inspectLeadDays: Object.freeze([5, 2]),
  negotiationLeadDays: 2,
  appealLeadDays: 2,
  windowClosedNoticeDays: 7,
  sendHour: 9,
  defaultTimeZone: 'UTC',
});

export type PolicyOverrides = Partial<Omit<Policy, 'refundBusinessDays'>> & {
  readonly refundBusinessDays?: Partial<Record<PaymentMethod, number>>;
};

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

const MAX_DAYS = 3650;

const DAY_FIELDS = [
  'protectionDays',
  'awaitingConfirmationDays',
  'duplicateExtensionDays',
  'disputeNotBeforeDays',
  'disputeWindowDays',
  'sellerResponseDays',
  'escalationRulingBusinessDays',
  'appealDays',
  'chargebackDays',
  'notShippedDays',
  'negotiationLeadDays',
  'appealLeadDays',
  'windowClosedNoticeDays',
] as const satisfies readonly (keyof Policy)[];

function checkDays(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
    throw new PolicyError(
      `policy "${field}" must be a whole number of days from 1 to ${MAX_DAYS}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkLeads(field: string, value: unknown): readonly number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new PolicyError(`policy "${field}" must be a non-empty list of days, got ${JSON.stringify(value)}`);
  }
  const leads = value.map((v, i) => checkDays(`${field}[${i}]`, v));
  // Longest lead first: the steps are sent in that order.
  return Object.freeze([...new Set(leads)].sort((a, b) => b - a));
}

/**
 * The defaults with a deployment's overrides applied. Rejects unknown fields (a typo must not silently
 * fall back to a default) and nonsense values, naming the field.
 */
export function resolvePolicy(overrides: PolicyOverrides = {}): Policy {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new PolicyError('policy overrides must be an object');
  }
  for (const key of Object.keys(overrides)) {
    // Own fields only: `in` would accept inherited names such as "toString".
    if (!Object.hasOwn(DEFAULT_POLICY, key)) throw new PolicyError(`unknown policy field "${key}"`);
  }
  const merged = { ...DEFAULT_POLICY, ...overrides };
  const days = Object.fromEntries(DAY_FIELDS.map((f) => [f, checkDays(f, merged[f])])) as Record<
    (typeof DAY_FIELDS)[number],
    number
  >;

  const refundOverrides: unknown = Object.hasOwn(overrides, 'refundBusinessDays')
    ? overrides.refundBusinessDays
    : {};
  if (typeof refundOverrides !== 'object' || refundOverrides === null || Array.isArray(refundOverrides)) {
    throw new PolicyError(
      `policy "refundBusinessDays" must be an object of days per payment method, got ${JSON.stringify(refundOverrides)}`,
    );
  }
  for (const key of Object.keys(refundOverrides)) {
    if (!Object.hasOwn(DEFAULT_POLICY.refundBusinessDays, key)) {
      throw new PolicyError(`unknown payment method "${key}" in policy "refundBusinessDays"`);
    }
  }
  const refund = { ...DEFAULT_POLICY.refundBusinessDays, ...refundOverrides };

  if (!Number.isInteger(merged.sendHour) || merged.sendHour < 0 || merged.sendHour > 23) {
    throw new PolicyError(
      `policy "sendHour" must be a whole hour from 0 to 23, got ${JSON.stringify(merged.sendHour)}`,
    );
  }
  try {
    assertTimeZone(merged.defaultTimeZone);
  } catch (cause) {
    throw new PolicyError(`policy "defaultTimeZone" is not a known IANA time zone`, { cause });
  }

  return Object.freeze({
    ...days,
    refundBusinessDays: Object.freeze({
      card: checkDays('refundBusinessDays.card', refund.card),
      alipay: checkDays('refundBusinessDays.alipay', refund.alipay),
      other: checkDays('refundBusinessDays.other', refund.other),
    }),
    protectionLeadDays: checkLeads('protectionLeadDays', merged.protectionLeadDays),
    inspectLeadDays: checkLeads('inspectLeadDays', merged.inspectLeadDays),
    sendHour: merged.sendHour,
    defaultTimeZone: merged.defaultTimeZone,
  });
}
