import type { EventType, OrderEvent } from '../../../functions/core/events';
import { evaluateFacts } from '../../../functions/core/rules/evaluate';
import type { EvaluateOptions, OrderEvaluation } from '../../../functions/core/rules/index';
import { DEFAULT_POLICY } from '../../../functions/core/rules/policy';

export const ORDER = '8123456789012345';
export const OTHER_ORDER = '3123456789012346';

type Extra = Partial<Omit<OrderEvent, 'type' | 'occurredAt'>>;

/** An event for ORDER (unless `orderIds` says otherwise), typed by hand. */
export function ev(type: EventType, occurredAt: string, extra: Extra = {}): OrderEvent {
  return { type, orderIds: [ORDER], occurredAt, source: { kind: 'manual' }, ...extra };
}

/**
 * The pipeline over `events` as facts, all of them, read at `now`: these tests are about the fold, the
 * clocks and the alerts, so a later event counts as already known (`evaluateOrder` itself leaves events
 * dated after `now` out; test/unit/rules/index.test.ts pins that).
 */
export function evaluate(
  events: readonly OrderEvent[],
  now: string,
  options: Partial<EvaluateOptions> = {},
): OrderEvaluation {
  const policy = options.policy ?? DEFAULT_POLICY;
  const facts = evaluateFacts(options.orderId ?? ORDER, events, {
    now: Date.parse(now),
    timeZone: options.timeZone ?? 'UTC',
    policy,
    muted: options.muted ?? false,
  });
  return { ...facts, eventsAfterNow: [] };
}

export function clockOf(result: OrderEvaluation, id: string) {
  const clock = result.clocks.find((c) => c.id === id);
  if (!clock) throw new Error(`no clock ${id}; have ${result.clocks.map((c) => c.id).join(', ')}`);
  return clock;
}

export function kinds(result: OrderEvaluation): string[] {
  return result.alerts.map((a) => a.kind).sort();
}

/** A shipped order: paid 2026-01-01, shipped 2026-01-05T10:00Z (so C1 ends 2026-03-06T10:00Z by default). */
export const shippedOrder: readonly OrderEvent[] = [
  ev('payment_confirmed', '2026-01-01T10:00:00Z', { paymentMethod: 'card' }),
  ev('shipped', '2026-01-05T10:00:00Z'),
];
export const C1_DEFAULT_END = '2026-03-06T10:00:00.000Z';

/** `shippedOrder` in transit, expected 2026-02-01 (A2 from 2026-02-02 09:00 UTC). */
export const inTransit: OrderEvent[] = [
  ...shippedOrder,
  ev('in_transit', '2026-01-10T10:00:00Z', { estimatedDelivery: '2026-02-01' }),
];
/** `inTransit` with a dispute opened 2026-02-10 (C4 ends 2026-02-25T10:00Z). */
export const disputed: OrderEvent[] = [...inTransit, ev('dispute_opened', '2026-02-10T10:00:00Z')];

/** The alert of `kind` due at `now`, or a failure that says what was due instead. */
export function dueAlert(events: readonly OrderEvent[], now: string, kind: string, tz = 'UTC') {
  const result = evaluate(events, now, { timeZone: tz });
  const alert = result.alerts.find((a) => a.kind === kind);
  if (!alert) throw new Error(`no ${kind} due at ${now}; due: ${kinds(result).join(', ') || 'nothing'}`);
  return alert;
}
