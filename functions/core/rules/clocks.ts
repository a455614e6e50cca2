/**
 * The clocks C1–C9 of DOMAIN.md for one order timeline. Every clock says whether AliExpress stated its
 * end or we estimated it, and which rule produced it, because the emails must say so.
 *
 * Clocks depend only on the events, the policy and the user's zone, never on "now": a paused clock has no
 * end (it shows the time that was left instead). That keeps the alert plan a pure function of the events,
 * which is what makes `nextCheckAt` exact.
 */
import { CLOCK_IDS, type Clock, type ClockContext, clock } from './clock-shape';
import { purchaseProtection, shipmentStart } from './protection';
import { addBusinessDays, addDays, localDate } from './time';
import { closedDispute, openDispute, type Timeline } from './timeline';

export {
  CLOCK_IDS,
  CLOCK_NAMES,
  type Clock,
  type ClockContext,
  type ClockId,
  type ClockState,
  clockEnd,
  type Interval,
  type Provenance,
} from './clock-shape';

function postReceiptWindow(t: Timeline, c1: Clock | null, ctx: ClockContext): Clock | null {
  const { policy, timeZone } = ctx;
  let best: Clock | null = null;
  for (const completion of t.completions) {
    const stated = completion.disputeWindowDays !== null;
    const days = completion.disputeWindowDays ?? policy.disputeWindowDays;
    const end = addDays(completion.at, days);
    if (best?.end != null && Date.parse(best.end) <= end) continue;
    best = clock('C3', {
      start: completion.at,
      end,
      provenance: stated ? 'stated' : 'estimated',
      rule: stated
        ? `${days} days after ${completion.via.replace('_', ' ')} ${localDate(completion.at, timeZone)} (stated in the mail)`
        : `${days} days after ${completion.via.replace('_', ' ')} ${localDate(completion.at, timeZone)} (default policy)`,
    });
  }
  if (best) return best;
  // Delivered but not confirmed: the order completes when the buyer confirms or when C1 runs out, and
  // AliExpress usually confirms delivery soon after tracking does. The earliest of these is the delivery,
  // so the window is counted from it: the user hears about inspecting the item early rather than late.
  if (t.deliveredAt !== null) {
    const from = c1?.end != null ? Math.min(t.deliveredAt, Date.parse(c1.end)) : t.deliveredAt;
    return clock('C3', {
      start: from,
      end: addDays(from, policy.disputeWindowDays),
      provenance: 'estimated',
      rule: `${policy.disputeWindowDays} days after tracking showed delivered ${localDate(from, timeZone)} (not confirmed yet; default policy)`,
    });
  }
  // Undelivered: when protection runs out AliExpress completes the order, and some sources say a dispute
  // can still be opened for a while after that (DOMAIN.md: model C3 from completion in both cases).
  if (c1?.end != null && c1.state === 'running') {
    const from = Date.parse(c1.end);
    return clock('C3', {
      start: from,
      end: addDays(from, policy.disputeWindowDays),
      provenance: 'estimated',
      rule: `${policy.disputeWindowDays} days after purchase protection ends ${localDate(from, timeZone)} (the order completes then; some sources; default policy)`,
    });
  }
  return null;
}

function disputeClocks(t: Timeline, ctx: ClockContext): Clock[] {
  const { policy, timeZone } = ctx;
  const clocks: Clock[] = [];
  const open = openDispute(t.disputes);
  if (open) {
    const opened = `dispute opened ${localDate(open.openedAt, timeZone)}${open.revealedBy === 'dispute_opened' ? '' : ' (or earlier)'}`;
    // A stated negotiation end is AliExpress's own proposal: the seller's answer time (C4) no longer
    // applies, and what follows is C6, then the outcome (DOMAIN.md). One read from weak evidence does not
    // end C4: that would silence "seller silent" on the strength of a misread mail.
    if (open.escalatedAt === null && !open.negotiationEnd?.verified) {
      clocks.push(
        clock('C4', {
          start: open.openedAt,
          end: addDays(open.openedAt, policy.sellerResponseDays),
          provenance: 'estimated',
          rule: `${policy.sellerResponseDays} days after ${opened} (default policy)`,
        }),
      );
    } else if (open.escalatedAt !== null) {
      clocks.push(
        clock('C5', {
          start: open.escalatedAt,
          end: addBusinessDays(open.escalatedAt, policy.escalationRulingBusinessDays, timeZone),
          provenance: 'estimated',
          rule: `${policy.escalationRulingBusinessDays} business days after escalation ${localDate(open.escalatedAt, timeZone)} (default policy)`,
        }),
      );
    }
    if (open.negotiationEnd) {
      clocks.push(
        clock('C6', {
          start: open.openedAt,
          end: open.negotiationEnd.end,
          provenance: 'stated',
          rule: `stated in the dispute (mail ${localDate(open.negotiationEnd.at, timeZone)}): ${open.negotiationEnd.value}`,
        }),
      );
    }
  }
  const closed = closedDispute(t.disputes);
  if (closed?.closedAt != null) {
    clocks.push(
      clock('C7', {
        start: closed.closedAt,
        end: addDays(closed.closedAt, policy.appealDays),
        provenance: 'estimated',
        rule: `${policy.appealDays} days after dispute closed ${localDate(closed.closedAt, timeZone)} (default policy)`,
      }),
    );
  }
  return clocks;
}

/**
 * When a refund was approved (C8 starts): the refund mail, a dispute won in full or in part (that is
 * AliExpress approving it), or the cancellation of a paid order (DOMAIN.md: a refund in progress, whose
 * money sometimes never came); the earliest, so A8 is not lost when the refund mail was missed.
 */
export function refundApproval(t: Timeline): { at: number; what: string } | null {
  const closed = closedDispute(t.disputes);
  const candidates: [number | null, string][] = [
    [t.refundIssuedAt, 'refund issued'],
    [
      closed?.closedAt != null && (closed.outcome === 'won' || closed.outcome === 'partial')
        ? closed.closedAt
        : null,
      `dispute ${closed?.outcome ?? 'closed'}`,
    ],
    // An order cancelled before it was paid has no money to come back.
    [
      t.cancelledAt !== null && t.paidAt !== null && t.paidAt <= t.cancelledAt ? t.cancelledAt : null,
      'order cancelled',
    ],
  ];
  let best: { at: number; what: string } | null = null;
  for (const [at, what] of candidates) {
    if (at !== null && (best === null || at < best.at)) best = { at, what };
  }
  return best;
}

function moneyClocks(t: Timeline, ctx: ClockContext): Clock[] {
  const { policy, timeZone } = ctx;
  const clocks: Clock[] = [];
  const approved = refundApproval(t);
  if (approved !== null) {
    const method = t.paymentMethod ?? 'other';
    const days = policy.refundBusinessDays[method];
    clocks.push(
      clock('C8', {
        start: approved.at,
        end: addBusinessDays(approved.at, days, timeZone),
        provenance: 'estimated',
        state: t.refundReceivedAt === null ? 'running' : 'stopped',
        rule: `${days} business days after ${approved.what} ${localDate(approved.at, timeZone)} (${t.paymentMethod ?? 'payment method unknown'}; default policy, holidays not counted)`,
      }),
    );
  }
  if (t.paidAt !== null && (t.paymentMethod === 'card' || t.paymentMethod === null)) {
    clocks.push(
      clock('C9', {
        start: t.paidAt,
        end: addDays(t.paidAt, policy.chargebackDays),
        provenance: 'estimated',
        rule: `${policy.chargebackDays} days after payment ${localDate(t.paidAt, timeZone)} (card issuer's window; default policy${t.paymentMethod === null ? '; applies if you paid by card' : ''})`,
      }),
    );
  }
  return clocks;
}

/** The clocks that apply to the order, in C1…C9 order. */
export function computeClocks(t: Timeline, ctx: ClockContext): Clock[] {
  const { policy, timeZone } = ctx;
  const clocks: Clock[] = [];
  const c1 = purchaseProtection(t, ctx);
  if (c1) clocks.push(c1);
  const shipped = shipmentStart(t);
  if (shipped) {
    clocks.push(
      clock('C2', {
        start: shipped.at,
        end: addDays(shipped.at, policy.disputeNotBeforeDays),
        provenance: 'estimated',
        rule: `${policy.disputeNotBeforeDays} days after ${shipped.what} ${localDate(shipped.at, timeZone)} (default policy)`,
      }),
    );
  }
  const c3 = postReceiptWindow(t, c1, ctx);
  if (c3) clocks.push(c3);
  clocks.push(...disputeClocks(t, ctx), ...moneyClocks(t, ctx));
  return clocks.sort((a, b) => CLOCK_IDS.indexOf(a.id) - CLOCK_IDS.indexOf(b.id));
}
