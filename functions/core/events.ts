/**
 * The one domain event type every part of orderwatch speaks: the mail reader produces these, the user's
 * commands produce these, the event log stores these, and the rules engine folds these into clocks.
 *
 * Events arrive from untrusted places (parsed mail, NDJSON on stdin, user commands, the event log read
 * back), so `parseOrderEvent` validates a plain JSON value against the one schema (`OrderEventSchema`)
 * into an `OrderEvent` and says exactly what is wrong when it cannot.
 */
import * as v from 'valibot';
import { isIsoDate, isIsoInstant, isIsoLocalDateTime, isOrderId } from './formats';

// Re-exported: callers that validate events reach the format checks through the event module.
export { isIsoDate, isIsoInstant, isIsoLocalDateTime, isOrderId } from './formats';

export const EVENT_TYPES = [
  'order_confirmed',
  'payment_confirmed',
  'ready_to_ship',
  'shipped',
  'in_transit',
  'delivered',
  'awaiting_confirmation',
  'delivery_confirmed',
  'receipt_confirmed',
  'order_closed',
  'order_cancelled',
  'protection_stated',
  'protection_extended',
  'dispute_opened',
  'seller_responded',
  'dispute_escalated',
  'negotiation_deadline',
  'dispute_cancelled',
  'dispute_closed',
  'refund_issued',
  'refund_received',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const DISPUTE_OUTCOMES = ['won', 'partial', 'lost'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export const PAYMENT_METHODS = ['card', 'alipay', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A sum of money as printed in a mail; `value` in major units (1,99€ is 1.99). */
export interface Money {
  readonly value: number;
  /** ISO 4217 code when recognisable (EUR, USD, …), else the symbol as printed. */
  readonly currency: string;
}

/**
 * How sure the mail reader is of a fact's wording. `verified`: the wording was seen in a real mail
 * (MAIL-FACTS "seen"/"reported"). `unverified`: a best-effort reading of wording no public sample shows;
 * such a fact may warn the user but never pauses a clock or silences a warning on its own.
 */
export type Evidence = 'verified' | 'unverified';
export const EVIDENCE_LEVELS = ['verified', 'unverified'] as const satisfies readonly Evidence[];

/** Where an event came from: a mail we read, a command the user sent, or a line typed by hand. */
export type EventSource =
  | {
      readonly kind: 'mail';
      readonly messageId: string | null;
      readonly language: string | null;
      /** Whether the wording that produced this fact is verified (see `Evidence`). */
      readonly evidence: Evidence;
    }
  | { readonly kind: 'command'; readonly messageId: string | null }
  | { readonly kind: 'manual' };

export interface OrderEvent {
  readonly type: EventType;
  /** 16-digit order numbers (older orders: 15); usually one, several for multi-order and parcel mails. */
  readonly orderIds: readonly string[];
  /** When it happened, as an ISO instant with offset; for mail, the AliExpress mail's own Date. */
  readonly occurredAt: string;
  readonly source: EventSource;
  readonly parcelId?: string;
  /** When the order was placed: ISO local date-time as printed (no zone is given in mails), e.g. 2026-01-01T12:00. */
  readonly placedAt?: string;
  /** ISO date (YYYY-MM-DD); mails print it day-first. */
  readonly estimatedDelivery?: string;
  /** Stated end of purchase protection (C1): an ISO date, or an ISO instant with offset. */
  readonly protectionEndsAt?: string;
  /** `protection_extended` may state a number of extra days instead of a new end. */
  readonly extensionDays?: number;
  /** "You have 15 days to open a dispute": the C3 length the mail states. */
  readonly disputeWindowDays?: number;
  /** `negotiation_deadline`: the stated "negotiation finished" date (ISO date or instant). */
  readonly negotiationEndsAt?: string;
  readonly outcome?: DisputeOutcome;
  readonly paymentMethod?: PaymentMethod;
  readonly amount?: Money;
  readonly store?: string;
  readonly items?: readonly string[];
}

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

/**
 * Bounds on what one event may hold. Events are stored, fanned out per order and printed in mails, so an
 * unbounded field lets one hostile mail or NDJSON line cost unbounded storage and time. Each bound sits
 * well above anything real and is enforced by the schema, so the mail reader clamps to the same numbers.
 */
export const EVENT_LIMITS = {
  /** A real notice names a handful of orders (one checkout rarely more than 20); matches the reader's cap. */
  orderIds: 50,
  /** Longest store name AliExpress shows is about 60 characters; the reader keeps lines up to 80. */
  storeChars: 200,
  /** An item title is cut at about 100 characters in notices; the reader keeps lines up to 160. */
  itemChars: 300,
  /** A cart of one store; mails list a few items, then "and N more". */
  items: 100,
  /** Tracking numbers are at most 34 characters (UPU S10 is 13, the longest courier ids 30-odd). */
  parcelIdChars: 64,
  /** RFC 5322 caps a header line at 998 characters, and a Message-ID cannot be folded. */
  messageIdChars: 998,
  /** ISO 4217 codes are 3 letters; printed symbols ("US $", "R$") at most 4 or 5. */
  currencyChars: 8,
  /** A BCP 47 tag is at most 35 characters (RFC 5646); our tables use two letters. */
  languageChars: 35,
  /** Days of extension or of a dispute window: AliExpress states weeks, never more than a year. */
  days: 365,
} as const;

const string = (what = 'a string') => v.string(`must be ${what}`);

const bounded = (max: number, what: string) =>
  v.pipe(
    string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be ${what} of at most ${max} characters`),
  );

const Instant = v.pipe(
  string(),
  v.check(isIsoInstant, 'must be an ISO instant with offset, e.g. 2026-01-05T10:21:00+01:00'),
);
const DateOrInstant = v.pipe(
  string(),
  v.check((s) => isIsoDate(s) || isIsoInstant(s), 'must be an ISO date or instant with offset'),
);
const Days = v.pipe(
  v.number('must be a number'),
  v.integer(`must be a whole number from 1 to ${EVENT_LIMITS.days}`),
  v.minValue(1, `must be a whole number from 1 to ${EVENT_LIMITS.days}`),
  v.maxValue(EVENT_LIMITS.days, `must be a whole number from 1 to ${EVENT_LIMITS.days}`),
);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  v.picklist(values, `must be one of ${values.join(', ')}`);

/**
 * An optional field. JSON has no `undefined`, and `orderwatch parse --json` prints every event key (null
 * when absent) so downstream tools can rely on them; so `null` is read as "absent" and dropped, and an
 * event never holds `null` in an optional field.
 */
const optional = <S extends v.GenericSchema>(schema: S) => v.nullish(schema);

const MessageId = v.optional(v.nullable(bounded(EVENT_LIMITS.messageIdChars, 'a Message-ID')), null);

const Source = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('mail'),
      messageId: MessageId,
      language: v.optional(v.nullable(bounded(EVENT_LIMITS.languageChars, 'a language code')), null),
      // Required: a mail fact that does not say how sure its wording is cannot be weighed (see `Evidence`).
      evidence: oneOf(EVIDENCE_LEVELS),
    }),
    v.strictObject({ kind: v.literal('command'), messageId: MessageId }),
    v.strictObject({ kind: v.literal('manual') }),
  ],
  'must be mail, command or manual',
);

const Amount = v.strictObject(
  {
    value: v.pipe(
      v.number('must be a non-negative number'),
      v.finite('must be a non-negative number'),
      v.minValue(0, 'must be a non-negative number'),
    ),
    currency: bounded(EVENT_LIMITS.currencyChars, 'a currency code or symbol'),
  },
  'must be an object { value, currency }',
);

/**
 * The event schema: every place that takes an event from outside (parsed mail, NDJSON, user commands,
 * the event log read back) validates with this. Unknown fields are refused, not ignored: a misspelt
 * field ("protectionEnds") silently dropped would lose the one fact that moves a deadline.
 */
export const OrderEventSchema = v.pipe(
  // valibot's objects take arrays too (they are objects); an event never is one.
  v.custom<Record<string, unknown>>(
    (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
    'must be an object',
  ),
  v.strictObject(
    {
      type: oneOf(EVENT_TYPES),
      orderIds: v.pipe(
        v.array(
          v.pipe(
            v.string('must hold order numbers as strings'),
            v.check(isOrderId, (issue) => `holds ${issue.received}, not a 15/16-digit order number`),
          ),
          'must be a non-empty array of order numbers',
        ),
        v.minLength(1, 'must be a non-empty array of order numbers'),
        v.maxLength(EVENT_LIMITS.orderIds, `must name at most ${EVENT_LIMITS.orderIds} orders`),
      ),
      occurredAt: Instant,
      source: v.optional(
        v.pipe(
          v.nullable(Source),
          v.transform((s) => s ?? { kind: 'manual' as const }),
        ),
        {
          kind: 'manual',
        },
      ),
      parcelId: optional(bounded(EVENT_LIMITS.parcelIdChars, 'a tracking number')),
      placedAt: optional(
        v.pipe(
          string(),
          v.check(
            (s) => isIsoLocalDateTime(s) || isIsoDate(s) || isIsoInstant(s),
            'must be an ISO date-time, e.g. 2026-01-01T12:00',
          ),
        ),
      ),
      estimatedDelivery: optional(v.pipe(string(), v.check(isIsoDate, 'must be an ISO date (YYYY-MM-DD)'))),
      protectionEndsAt: optional(DateOrInstant),
      extensionDays: optional(Days),
      disputeWindowDays: optional(Days),
      negotiationEndsAt: optional(DateOrInstant),
      outcome: optional(oneOf(DISPUTE_OUTCOMES)),
      paymentMethod: optional(oneOf(PAYMENT_METHODS)),
      amount: optional(Amount),
      store: optional(bounded(EVENT_LIMITS.storeChars, 'a store name')),
      items: optional(
        v.pipe(
          v.array(bounded(EVENT_LIMITS.itemChars, 'an item title'), 'must be an array of item titles'),
          v.maxLength(EVENT_LIMITS.items, `must list at most ${EVENT_LIMITS.items} items`),
        ),
      ),
    },
    'must be an object',
  ),
  // What each type cannot mean anything without (the rules engine relies on these).
  v.check(
    (e) => e.type !== 'protection_stated' || e.protectionEndsAt !== undefined,
    '"protection_stated" needs "protectionEndsAt"',
  ),
  v.check(
    (e) =>
      e.type !== 'protection_extended' || e.protectionEndsAt !== undefined || e.extensionDays !== undefined,
    '"protection_extended" needs "protectionEndsAt" or "extensionDays"',
  ),
  v.check(
    (e) => e.type !== 'negotiation_deadline' || e.negotiationEndsAt !== undefined,
    '"negotiation_deadline" needs "negotiationEndsAt"',
  ),
  v.transform((e) => dropNullish({ ...e, orderIds: [...new Set(e.orderIds)] }) as OrderEvent),
);

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return `unknown field "${path}" (fields are spelt as in the README's event table)`;
  }
  // A required key that is missing (valibot reports it on the object, with the key as `expected`).
  if (issue.type === 'strict_object' && issue.received === 'undefined') return `"${path}" is required`;
  if (path === null)
    return issue.message === 'must be an object' ? 'an event must be an object' : issue.message;
  return `"${path}" ${issue.message}`;
}

/**
 * Validates an untrusted JSON value as an `OrderEvent`. Throws `InvalidEventError` naming the field.
 * `null` optional fields (the `parse --json` output) are accepted and dropped.
 */
export function parseOrderEvent(value: unknown): OrderEvent {
  const result = v.safeParse(OrderEventSchema, value);
  if (result.success) return result.output;
  const [first, ...rest] = result.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  throw new InvalidEventError(`${first ? describeIssue(first) : 'invalid event'}${more}`, {
    cause: result.issues,
  });
}

/** The object without its `null` and `undefined` fields: in an optional field, `null` means absent. */
function dropNullish<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (value !== undefined && value !== null) out[key] = value;
  return out as T;
}

/** The object without its `undefined` fields, so an event prints and compares as it reads. */
export function dropUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (value !== undefined) out[key] = value;
  return out as T;
}
