/**
 * What a trusted, non-command mail changes and what it is answered with (issue 7, "Replies"):
 *  - AliExpress mail forwarded by hand that changed an order: an acknowledgement (profile `acks`: `all`
 *    for every such mail, `new` only when it named an order for the first time, `none` never);
 *  - auto-forwarded AliExpress mail (a Gmail filter): "now watching" for an order seen for the first time,
 *    nothing for routine news unless the user asked for every update (`acks all`; a user whose first
 *    mail was auto-forwarded starts with `new`, see `ensureProfile`);
 *  - unrecognized mail: "couldn't read this" with the reason; for auto-forwarded mail only when it names
 *    an order (a filter forwards every AliExpress mail, most of which is not worth a word);
 *  - Gmail's forwarding confirmation: relayed to the requester;
 *  - nothing for ignored mail, automatic mail (bounces, auto-replies, list mail), or a stopped user's.
 *
 * "Changed" and "new" are read from the stored log, not from what this run appended: a retry after a
 * crash (whose appends are all no-ops) must decide as the first run did. An order is new to this mail
 * when the log's first-recorded event came from it; of two mails racing on one new order exactly one is.
 */
import {
  type OrderUpdate,
  type RenderedMail,
  renderAcknowledgement,
  renderForwardingConfirmation,
  renderUnreadable,
  renderWatching,
} from '../core/render';
import type { StoredEvent } from '../ports';
import type { HandlerDeps } from './deps';
import type { Trusted } from './ingest';
import { applyEvents } from './orders';

interface OrderOutcome {
  readonly update: OrderUpdate;
  /** This mail added facts to the order. */
  readonly changed: boolean;
  /** This mail was the first to tell us of the order. */
  readonly isNew: boolean;
}

function firstRecorded(log: readonly StoredEvent[]): StoredEvent | undefined {
  return [...log].sort(
    (a, b) =>
      a.meta.recordedAt.localeCompare(b.meta.recordedAt) ||
      (a.meta.messageId ?? '').localeCompare(b.meta.messageId ?? ''),
  )[0];
}

/** Applies the mail's events (if any); returns the reply to send, or null for none. */
export async function applyMail(
  deps: HandlerDeps,
  t: Trusted,
  now: string,
  automatic: string | null,
): Promise<RenderedMail | null> {
  const { store, config } = deps;
  const { profile, reading, user } = t;
  const quiet = profile.status === 'stopped';
  const handForwarded = t.assessment.route === 'hand';
  const context = async () => ({
    timeZone: profile.timeZone,
    now,
    knownOrderIds: (await store.listOrders(user)).map((o) => o.orderId),
  });
  const { subject } = t.mail;

  if (reading === null) {
    // Refused unread (over size): worth a word only to a person who forwarded it.
    if (t.tooLarge === null || quiet || !handForwarded || automatic !== null) return null;
    return renderUnreadable({ reason: t.tooLarge, orderIds: [], subject }, await context());
  }

  switch (reading.kind) {
    case 'forwarding-confirmation': {
      const fc = reading.forwardingConfirmation;
      if (fc === null) return null;
      return renderForwardingConfirmation(
        { code: fc.code, confirmUrl: fc.confirmUrl, requester: user },
        await context(),
      );
    }
    case 'unrecognized': {
      if (quiet || (handForwarded && automatic !== null)) return null;
      if (!handForwarded && reading.orderIds.length === 0) return null;
      return renderUnreadable(
        { reason: reading.reason ?? 'orderwatch could not read it.', orderIds: reading.orderIds, subject },
        await context(),
      );
    }
    case 'aliexpress':
      break;
    default:
      // ignored (marketing, surveys), failed (thrown before), command (handled by the caller).
      return null;
  }

  const ctx = { now, timeZone: profile.timeZone, policy: config.policy };
  const applied = await applyEvents(
    store,
    user,
    reading.events,
    { messageId: t.ref.messageId, recordedAt: now },
    ctx,
  );
  if (quiet || profile.acks === 'none' || (handForwarded && automatic !== null)) return null;

  const outcomes: OrderOutcome[] = [];
  for (const { order, evaluation } of applied.orders) {
    const log = await store.eventsOf(user, order.orderId);
    const mine = log.filter((e) => e.meta.messageId === t.ref.messageId).map((e) => e.event);
    outcomes.push({
      update: { evaluation, read: mine },
      changed: mine.length > 0,
      isNew: firstRecorded(log)?.meta.messageId === t.ref.messageId,
    });
  }
  const fresh = outcomes.filter((o) => o.isNew).map((o) => o.update);
  if (handForwarded) {
    const acked = profile.acks === 'new' ? fresh : outcomes.filter((o) => o.changed).map((o) => o.update);
    return acked.length === 0 ? null : renderAcknowledgement(acked, await context());
  }
  // Auto-forwarded: one mail a mail at most; several new orders at once share one acknowledgement.
  const [only] = fresh;
  if (only !== undefined) {
    return fresh.length === 1
      ? renderWatching(only, await context())
      : renderAcknowledgement(fresh, await context());
  }
  // Routine news only for a user who asked for every update (`acks all`, as the watching mail offers).
  const changed = outcomes.filter((o) => o.changed).map((o) => o.update);
  return profile.acks === 'all' && changed.length > 0
    ? renderAcknowledgement(changed, await context())
    : null;
}
