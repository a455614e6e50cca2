/**
 * The buyer-protection rules engine: order events in, clocks, due alerts and the next check time out.
 * Pure: no I/O, no system clock — `now` and the user's time zone are arguments.
 *
 *   const result = evaluateOrder(events, { now: '2026-03-01T10:00:00Z', timeZone: 'Europe/Berlin' });
 *   result.alerts        // due at `now`; send each `key` once
 *   result.nextCheckAt   // index the order by this; null: nothing can ever become due
 *
 * Pass the events known at `now`: the engine treats every event it is given as a current fact.
 */
import type { OrderEvent } from '../events';
import { type Alert, type PlannedAlert, planAlerts } from './alerts';
import { type Clock, computeClocks } from './clocks';
import { alertsDue, nextCheckAt } from './next-check';
import { DEFAULT_POLICY, type Policy } from './policy';
import { assertTimeZone, InvalidDateError, parseInstant } from './time';
import { buildTimeline, type OrderStatus, type Timeline } from './timeline';

export {
  ALERT_KIND_INFO,
  ALERT_KINDS,
  type AlertKind,
  URGENCIES,
  URGENCY_RANK,
  type Urgency,
} from './advice';
export type { Alert, PlannedAlert } from './alerts';
export { planAlerts, warningSendAt } from './alerts';
export {
  CLOCK_IDS,
  CLOCK_NAMES,
  type Clock,
  type ClockId,
  type ClockState,
  computeClocks,
  type Provenance,
} from './clocks';
export { alertsDue, nextCheckAt, nextCheckMs } from './next-check';
export { DEFAULT_POLICY, type Policy, PolicyError, type PolicyOverrides, resolvePolicy } from './policy';
export { EARLIEST_ZONE, formatLocal, InvalidDateError, InvalidTimeZoneError, isTimeZone } from './time';
export { buildTimeline, normaliseEvents, ORDER_STATUSES, type OrderStatus, type Timeline } from './timeline';

export interface EvaluateOptions {
  /** The current instant, ISO with offset. */
  readonly now: string;
  /** The user's IANA zone; default: the policy's `defaultTimeZone`. */
  readonly timeZone?: string;
  readonly policy?: Policy;
  /** The user muted this order: no alerts, no next check. */
  readonly muted?: boolean;
  /** Which order to evaluate when events name several; default: the one order all events share. */
  readonly orderId?: string;
}

export interface OrderEvaluation {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly clocks: readonly Clock[];
  /** Alerts due at `now`, most urgent first. */
  readonly alerts: readonly Alert[];
  /** The earliest instant after `now` at which an alert can become due; null when none ever can. */
  readonly nextCheckAt: string | null;
  /** Every alert the facts call for, with its due window (for schedulers, previews and tests). */
  readonly plan: readonly PlannedAlert[];
  readonly timeline: Timeline;
}

export class AmbiguousOrderError extends Error {
  override readonly name = 'AmbiguousOrderError';
}

/** Events by order id, in first-seen order; an event naming several orders applies to each. */
export function groupEventsByOrder(events: readonly OrderEvent[]): Map<string, OrderEvent[]> {
  const groups = new Map<string, OrderEvent[]>();
  for (const event of events) {
    for (const id of event.orderIds) {
      const group = groups.get(id);
      if (group) group.push(event);
      else groups.set(id, [event]);
    }
  }
  return groups;
}

function soleOrderId(events: readonly OrderEvent[]): string {
  const [first, ...rest] = events;
  if (!first) throw new AmbiguousOrderError('no events: cannot tell which order to evaluate');
  const shared = first.orderIds.filter((id) => rest.every((e) => e.orderIds.includes(id)));
  if (shared.length !== 1 || shared[0] === undefined) {
    throw new AmbiguousOrderError(`the events share ${shared.length} order ids; pass options.orderId`);
  }
  return shared[0];
}

export function evaluateOrder(events: readonly OrderEvent[], options: EvaluateOptions): OrderEvaluation {
  const policy = options.policy ?? DEFAULT_POLICY;
  const timeZone = assertTimeZone(options.timeZone ?? policy.defaultTimeZone);
  let now: number;
  try {
    now = parseInstant(options.now);
  } catch (cause) {
    throw new InvalidDateError(
      `"now" must be an ISO instant with offset, got ${JSON.stringify(options.now)}`,
      { cause },
    );
  }
  const orderId = options.orderId ?? soleOrderId(events);
  const timeline = buildTimeline(orderId, events);
  const clocks = computeClocks(timeline, { policy, timeZone });
  const plan = planAlerts(timeline, clocks, { policy, timeZone, muted: options.muted ?? false });
  return {
    orderId,
    status: timeline.status,
    clocks,
    alerts: alertsDue(plan, now),
    nextCheckAt: nextCheckAt(plan, now),
    plan,
    timeline,
  };
}

/** Every order the events mention, evaluated; in order id order. */
export function evaluateOrders(
  events: readonly OrderEvent[],
  options: Omit<EvaluateOptions, 'orderId' | 'muted'> & { readonly mutedOrderIds?: ReadonlySet<string> },
): OrderEvaluation[] {
  const { mutedOrderIds, ...rest } = options;
  return [...groupEventsByOrder(events)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([orderId, group]) =>
      evaluateOrder(group, { ...rest, orderId, muted: mutedOrderIds?.has(orderId) ?? false }),
    );
}
