/**
 * Order bookkeeping shared by every handler (ingest, commands, remind, reprocess): facts go into the
 * order's log, and the order's derived state is recomputed from the whole log with the rules engine.
 *
 * The log is the source of truth; the order item is a cache of one evaluation, written with a version
 * condition. Two mails for one order at once both append their events, then both recompute: whichever
 * writes second sees a conflict, re-reads the log (now holding both mails' events) and writes again, so
 * neither is lost. A crash between the append and the write leaves the log ahead of the cache; the retry
 * (or any later mail, command or remind run) recomputes from the log and catches up.
 */
import type { OrderEvent } from '../core/events';
import { evaluateOrder, type OrderEvaluation, type Policy } from '../core/rules';
import {
  type EventMeta,
  type OrderSummary,
  type Store,
  type StoredOrder,
  VersionConflictError,
} from '../ports';

export interface OrderContext {
  /** The instant of this evaluation, ISO. */
  readonly now: string;
  /** The user's IANA zone. */
  readonly timeZone: string;
  readonly policy: Policy;
}

export interface RefreshedOrder {
  readonly order: StoredOrder;
  readonly evaluation: OrderEvaluation;
}

/** Version conflicts in a row before giving up (the invocation then fails and is retried whole). */
const MAX_ATTEMPTS = 8;

export class OrderContentionError extends Error {
  override readonly name = 'OrderContentionError';
}

export interface RefreshChange {
  /** Changes the order's mute flag; left out, the stored flag stands. */
  readonly muted?: boolean;
  /**
   * Keys of alerts due now that are dealt with (sent, by this run or an earlier one). Only the remind run
   * knows these; every other caller leaves them out, so any alert due now keeps the order due.
   */
  readonly settledAlerts?: ReadonlySet<string>;
}

/**
 * Re-evaluates one order from its whole log and writes the result, retrying on version conflicts.
 */
export async function refreshOrder(
  store: Store,
  user: string,
  orderId: string,
  ctx: OrderContext,
  change: RefreshChange = {},
): Promise<RefreshedOrder> {
  let lastConflict: VersionConflictError | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const existing = await store.getOrder(user, orderId);
    const log = await store.eventsOf(user, orderId);
    const muted = change.muted ?? existing?.muted ?? false;
    const evaluation = evaluateOrder(
      log.map((e) => e.event),
      { now: ctx.now, timeZone: ctx.timeZone, policy: ctx.policy, orderId, muted },
    );
    try {
      const order = await store.putOrder(
        {
          user,
          orderId,
          status: evaluation.status,
          muted,
          nextCheckAt: nextCheckAt(evaluation, ctx.now, change.settledAlerts ?? NONE_SETTLED),
          summary: summaryOf(evaluation, ctx.now),
          updatedAt: ctx.now,
        },
        existing?.version ?? null,
      );
      return { order, evaluation };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      lastConflict = error;
    }
  }
  throw new OrderContentionError(`order ${orderId} kept changing under ${MAX_ATTEMPTS} attempts`, {
    cause: lastConflict,
  });
}

export interface AppliedEvents {
  /** Orders whose log gained at least one event (in first-named order). */
  readonly changed: readonly RefreshedOrder[];
  /** Every order the events name, refreshed (in first-named order). */
  readonly orders: readonly RefreshedOrder[];
  /** Orders the events named that were new to this user (no order item before). */
  readonly created: ReadonlySet<string>;
  /** Events that were already in the log (a redelivered mail): nothing changed for them. */
  readonly duplicates: number;
}

/**
 * Appends each event to the log of every order it names (a duplicate is a no-op), then refreshes every
 * order the events name, changed or not: a retry after a crash between append and refresh must still
 * bring the cache up to date, and it finds every append already done.
 */
export async function applyEvents(
  store: Store,
  user: string,
  events: readonly OrderEvent[],
  meta: EventMeta,
  ctx: OrderContext,
): Promise<AppliedEvents> {
  const orderIds = [...new Set(events.flatMap((e) => e.orderIds))];
  const created = new Set<string>();
  for (const orderId of orderIds) if ((await store.getOrder(user, orderId)) === null) created.add(orderId);

  let duplicates = 0;
  const appendedTo = new Set<string>();
  for (const event of events) {
    for (const orderId of event.orderIds) {
      if (await store.appendEvent(user, orderId, event, meta)) appendedTo.add(orderId);
      else duplicates += 1;
    }
  }
  const orders: RefreshedOrder[] = [];
  for (const orderId of orderIds) orders.push(await refreshOrder(store, user, orderId, ctx));
  const changed = orders.filter((o) => appendedTo.has(o.order.orderId));
  return { changed, orders, created, duplicates };
}

const NONE_SETTLED: ReadonlySet<string> = new Set();

/**
 * When the remind run must look again: the engine's next check, or earlier when an event dated after now
 * (a sender's clock ahead of ours) becomes a fact.
 *
 * The engine's `nextCheckAt` is the next window that *opens after* now, so an alert already due at now
 * (a mail that makes the "last call" due at once, an alert whose send failed, a claim another run holds)
 * would drop out of the `due` index until some later alert opens. So an alert due now and not settled
 * keeps the order due now: the next remind run (≤ 15 minutes) picks it up, claims it, and writes the
 * settled keys back here, which lets the order go to its next future check. An alert already sent costs
 * at most one such extra look (its claim answers `sent`), never a mail.
 */
export function nextCheckAt(
  evaluation: OrderEvaluation,
  now: string,
  settled: ReadonlySet<string> = NONE_SETTLED,
): string | null {
  if (evaluation.alerts.some((a) => !settled.has(a.key))) return new Date(Date.parse(now)).toISOString();
  const candidates = [evaluation.nextCheckAt, ...evaluation.eventsAfterNow.map((e) => e.occurredAt)]
    .filter((t): t is string => t !== null)
    .map((t) => Date.parse(t));
  return candidates.length === 0 ? null : new Date(Math.min(...candidates)).toISOString();
}

/** What the status reply and the local page show without re-reading the log. */
export function summaryOf(evaluation: OrderEvaluation, now: string): OrderSummary {
  const at = Date.parse(now);
  // Alerts due now are the remind run's; the summary names the next one still to come.
  const next = evaluation.plan
    .filter((p) => Date.parse(p.dueFrom) > at)
    .sort((a, b) => Date.parse(a.dueFrom) - Date.parse(b.dueFrom))[0];
  return {
    clocks: evaluation.clocks.map((c) => ({
      id: c.id,
      state: c.state,
      end: c.end,
      provenance: c.provenance,
    })),
    nextAlert: next
      ? {
          code: next.alert.code,
          kind: next.alert.kind,
          sendAt: next.alert.sendAt,
          deadline: next.alert.deadline,
          provenance: next.alert.provenance,
        }
      : null,
  };
}
