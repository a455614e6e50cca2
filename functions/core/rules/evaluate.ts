/**
 * The pipeline run over a set of facts: timeline → clocks → alert plan, read at `now`. Internal: the
 * public entry points (`index.ts`) decide which facts are known at `now` and call this; tests of the
 * pipeline call it with whatever facts they need.
 */
import type { OrderEvent } from '../events';
import { type Alert, planAlerts } from './alerts';
import { type Clock, computeClocks } from './clocks';
import { alertsDue, nextCheckMs } from './next-check';
import type { Policy } from './policy';
import { toIso } from './time';
import { buildTimeline, type OrderStatus } from './timeline';

/** An alert the facts call for and the window in which it is due: [dueFrom, dueUntil), ISO instants. */
export interface ScheduledAlert {
  readonly alert: Alert;
  readonly dueFrom: string;
  /** null: due for as long as the facts stand. */
  readonly dueUntil: string | null;
}

export interface OrderEvaluation {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** The store the order is from, as the latest mail that named it printed it; null when none did. */
  readonly store: string | null;
  readonly clocks: readonly Clock[];
  /** Alerts due at `now`, most urgent first. */
  readonly alerts: readonly Alert[];
  /** The earliest instant after `now` at which an alert can become due; null when none ever can. */
  readonly nextCheckAt: string | null;
  /** Every alert the facts call for, with its due window (for previews and tests). */
  readonly plan: readonly ScheduledAlert[];
  /**
   * Events of this order dated after `now`, left out: at `now` they are not known yet (a clock moved
   * back, a forward from a wrong clock). Handed back so the caller can say so or log it.
   */
  readonly eventsAfterNow: readonly OrderEvent[];
}

export interface FactsContext {
  /** Epoch ms (internal). */
  readonly now: number;
  readonly timeZone: string;
  readonly policy: Policy;
  readonly muted: boolean;
}

/** The evaluation of `events` as facts, all of them, at `now`; `eventsAfterNow` is the caller's to fill. */
export function evaluateFacts(
  orderId: string,
  events: readonly OrderEvent[],
  { now, timeZone, policy, muted }: FactsContext,
): Omit<OrderEvaluation, 'eventsAfterNow'> {
  const timeline = buildTimeline(orderId, events);
  const clocks = computeClocks(timeline, { policy, timeZone });
  const plan = planAlerts(timeline, clocks, { policy, timeZone, muted });
  const next = nextCheckMs(plan, now);
  return {
    orderId,
    status: timeline.status,
    store: timeline.events.findLast((e) => e.store !== undefined && e.store.trim() !== '')?.store ?? null,
    clocks,
    alerts: alertsDue(plan, now),
    nextCheckAt: next === null ? null : toIso(next),
    plan: plan.map((p) => ({
      alert: p.alert,
      dueFrom: toIso(p.from),
      dueUntil: p.until === null ? null : toIso(p.until),
    })),
  };
}
