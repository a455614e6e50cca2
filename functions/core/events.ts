/**
 * The one domain event type every part of orderwatch speaks: the mail reader produces these, the user's
 * commands produce these, the event log stores these, and the rules engine folds these into clocks.
 *
 * Events arrive from untrusted places (parsed mail, NDJSON on stdin, user commands), so `parseOrderEvent`
 * validates a plain JSON value into an `OrderEvent` and says exactly what is wrong when it cannot.
 */

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

const ORDER_ID = /^\d{15,16}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// An instant must carry its offset: a bare local time means nothing without a zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function isOrderId(value: string): boolean {
  return ORDER_ID.test(value);
}

/** True for a real calendar date (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

function isDateOrInstant(value: string): boolean {
  return isIsoDate(value) || isIsoInstant(value);
}

type Json = Record<string, unknown>;

function fail(message: string): never {
  throw new InvalidEventError(message);
}

function optionalString(
  o: Json,
  key: string,
  check?: (v: string) => boolean,
  what?: string,
): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`"${key}" must be a string`);
  if (check && !check(v)) fail(`"${key}" must be ${what ?? 'valid'}, got ${JSON.stringify(v)}`);
  return v;
}

function optionalPositiveInt(o: Json, key: string, max: number): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
    fail(`"${key}" must be a whole number from 1 to ${max}`);
  }
  return v;
}

function optionalEnum<T extends string>(o: Json, key: string, allowed: readonly T[]): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(`"${key}" must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

function parseSource(v: unknown): EventSource {
  if (v === undefined || v === null) return { kind: 'manual' };
  if (typeof v !== 'object' || Array.isArray(v)) fail('"source" must be an object');
  const s = v as Json;
  const messageId = typeof s.messageId === 'string' ? s.messageId : null;
  switch (s.kind) {
    case 'mail':
      return {
        kind: 'mail',
        messageId,
        language: typeof s.language === 'string' ? s.language : null,
        // A mail fact that does not say how it was read is taken as the weaker kind.
        evidence: optionalEnum(s, 'evidence', EVIDENCE_LEVELS) ?? 'unverified',
      };
    case 'command':
      return { kind: 'command', messageId };
    case 'manual':
      return { kind: 'manual' };
    default:
      return fail('"source.kind" must be mail, command or manual');
  }
}

function parseMoney(v: unknown): Money | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) fail('"amount" must be an object { value, currency }');
  const m = v as Json;
  if (typeof m.value !== 'number' || !Number.isFinite(m.value) || m.value < 0) {
    fail('"amount.value" must be a non-negative number');
  }
  if (typeof m.currency !== 'string' || m.currency.length === 0 || m.currency.length > 8) {
    fail('"amount.currency" must be a short string');
  }
  return { value: m.value, currency: m.currency };
}

/**
 * Validates an untrusted JSON value as an `OrderEvent`. Throws `InvalidEventError` naming the field.
 * `null` optional fields (the `parse --json` output) are accepted and dropped.
 */
export function parseOrderEvent(value: unknown): OrderEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an event must be an object');
  const o = value as Json;
  const type = o.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    fail(`"type" must be one of the event types (${EVENT_TYPES.join(', ')}), got ${JSON.stringify(type)}`);
  }
  const ids = o.orderIds;
  if (!Array.isArray(ids) || ids.length === 0) fail('"orderIds" must be a non-empty array');
  for (const id of ids) {
    if (typeof id !== 'string' || !isOrderId(id))
      fail(`"orderIds" holds ${JSON.stringify(id)}, not a 15/16-digit order number`);
  }
  const occurredAt = optionalString(o, 'occurredAt', isIsoInstant, 'an ISO instant with offset');
  if (occurredAt === undefined) fail('"occurredAt" is required');

  const event: OrderEvent = {
    type: type as EventType,
    orderIds: [...new Set(ids as string[])],
    occurredAt,
    source: parseSource(o.source),
    parcelId: optionalString(o, 'parcelId'),
    placedAt: optionalString(
      o,
      'placedAt',
      (v) => ISO_LOCAL_DATETIME.test(v) || isDateOrInstant(v),
      'an ISO date-time',
    ),
    estimatedDelivery: optionalString(o, 'estimatedDelivery', isIsoDate, 'an ISO date (YYYY-MM-DD)'),
    protectionEndsAt: optionalString(o, 'protectionEndsAt', isDateOrInstant, 'an ISO date or instant'),
    extensionDays: optionalPositiveInt(o, 'extensionDays', 365),
    disputeWindowDays: optionalPositiveInt(o, 'disputeWindowDays', 365),
    negotiationEndsAt: optionalString(o, 'negotiationEndsAt', isDateOrInstant, 'an ISO date or instant'),
    outcome: optionalEnum(o, 'outcome', DISPUTE_OUTCOMES),
    paymentMethod: optionalEnum(o, 'paymentMethod', PAYMENT_METHODS),
    amount: parseMoney(o.amount),
    store: optionalString(o, 'store'),
    items: Array.isArray(o.items) ? o.items.filter((i): i is string => typeof i === 'string') : undefined,
  };

  if (event.type === 'protection_stated' && !event.protectionEndsAt) {
    fail('"protection_stated" needs "protectionEndsAt"');
  }
  if (event.type === 'protection_extended' && !event.protectionEndsAt && !event.extensionDays) {
    fail('"protection_extended" needs "protectionEndsAt" or "extensionDays"');
  }
  if (event.type === 'negotiation_deadline' && !event.negotiationEndsAt) {
    fail('"negotiation_deadline" needs "negotiationEndsAt"');
  }
  return dropUndefined(event);
}

/** The object without its `undefined` fields, so an event prints and compares as it reads. */
export function dropUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (value !== undefined) out[key] = value;
  return out as T;
}
