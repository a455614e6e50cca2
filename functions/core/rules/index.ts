/**
 * The buyer-protection rules engine: order events in, clocks, due alerts and the next check time out.
 * Pure: no I/O, no system clock — `now` and the user's time zone are arguments.
 *
 *   const result = evaluateOrder(events, { now: '2026-03-01T10:00:00Z', timeZone: 'Europe/Berlin' });
 *   result.alerts        // due at `now`; send each `key` once
 *   result.nextCheckAt   // index the order by this; null: nothing can ever become due
 *
 * This module is the engine's whole public API, for the service (ingest and remind handlers, local mode,
 * storage) and the CLI. Every instant in and out is an ISO string; epoch milliseconds stay inside. The
 * pipeline (timeline, clocks, alert plan, next check) is internal: import it from its own module in tests.
 */
import type { OrderEvent } from '../events';
import { evaluateFacts, type OrderEvaluation } from './evaluate';
import { DEFAULT_POLICY, type Policy } from './policy';
import { assertTimeZone, formatLocal, InvalidDateError, parseInstant } from './time';

export {
  ALERT_KIND_INFO,
  ALERT_KINDS,
  type AlertKind,
  type AlertKindInfo,
  URGENCIES,
  URGENCY_RANK,
  type Urgency,
} from './advice';
export type { Alert } from './alerts';
export {
  CLOCK_IDS,
  CLOCK_NAMES,
  type Clock,
  type ClockId,
  type ClockState,
  type Interval,
  type Provenance,
} from './clocks';
export type { OrderEvaluation, ScheduledAlert } from './evaluate';
export { eventId } from './normalise';
export { DEFAULT_POLICY, type Policy, PolicyError, type PolicyOverrides, resolvePolicy } from './policy';
export { InvalidDateError, InvalidTimeZoneError, isTimeZone } from './time';
export { ORDER_STATUSES, type OrderStatus } from './timeline';

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

/** `evaluateOrders`: every order known at `now`, and the events left out as dated after it. */
export interface OrdersEvaluation {
  /** In order id order. An order whose every event is dated after `now` is not known yet, so not here. */
  readonly orders: readonly OrderEvaluation[];
  readonly eventsAfterNow: readonly OrderEvent[];
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

function parseNow(value: string): number {
  try {
    return parseInstant(value);
  } catch (cause) {
    throw new InvalidDateError(`"now" must be an ISO instant with offset, got ${JSON.stringify(value)}`, {
      cause,
    });
  }
}

/** Events known at `now` and those dated after it (not known yet, so never folded). */
function splitAtNow(events: readonly OrderEvent[], now: number) {
  const known: OrderEvent[] = [];
  const afterNow: OrderEvent[] = [];
  for (const e of events) (parseInstant(e.occurredAt) <= now ? known : afterNow).push(e);
  return { known, afterNow };
}

/**
 * One order at `now`. Events dated after `now` are left out (and handed back in `eventsAfterNow`), so
 * the answer at `now` is the same whether a later event has already been stored or not.
 */
export function evaluateOrder(events: readonly OrderEvent[], options: EvaluateOptions): OrderEvaluation {
  const policy = options.policy ?? DEFAULT_POLICY;
  const timeZone = assertTimeZone(options.timeZone ?? policy.defaultTimeZone);
  const now = parseNow(options.now);
  const orderId = options.orderId ?? soleOrderId(events);
  const { known, afterNow } = splitAtNow(
    events.filter((e) => e.orderIds.includes(orderId)),
    now,
  );
  const facts = evaluateFacts(orderId, known, { now, timeZone, policy, muted: options.muted ?? false });
  return { ...facts, eventsAfterNow: afterNow };
}

/** Every order known at `now` (named by an event dated at or before it), evaluated; in order id order. */
export function evaluateOrders(
  events: readonly OrderEvent[],
  options: Omit<EvaluateOptions, 'orderId' | 'muted'> & { readonly mutedOrderIds?: ReadonlySet<string> },
): OrdersEvaluation {
  const { mutedOrderIds, ...rest } = options;
  const { known, afterNow } = splitAtNow(events, parseNow(options.now));
  const orders = [...groupEventsByOrder(known)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([orderId, group]) => {
      // This order's later events too, so each evaluation reports what it left out.
      const later = afterNow.filter((e) => e.orderIds.includes(orderId));
      return evaluateOrder([...group, ...later], {
        ...rest,
        orderId,
        muted: mutedOrderIds?.has(orderId) ?? false,
      });
    });
  return { orders, eventsAfterNow: afterNow };
}

/** A short local rendering of an ISO instant for people, e.g. `2026-03-05 09:00 UTC+1`. */
export function formatInstant(instant: string, timeZone: string): string {
  return formatLocal(parseNow(instant), timeZone);
}
