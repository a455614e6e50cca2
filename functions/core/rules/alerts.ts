/**
 * The alert plan: every alert A1–A9 an order's current facts call for, each with the window of time in
 * which it is due. The plan does not depend on "now"; `next-check.ts` reads it at a given instant. That
 * split is what keeps `nextCheckAt` exact: an alert can only become due at the start of its window.
 */

import { DELIVERED_UNCONFIRMED_ADVICE } from './advice';
import {
  type AlertContext,
  afterTheFact,
  describe,
  find,
  leadSteps,
  makeAlert,
  type PlannedAlert,
  type Spec,
  type Step,
  stepped,
} from './alert-schedule';
import { assumptionNote, silences } from './assumptions';
import { type Clock, clockEnd } from './clock-shape';
import type { Dispute } from './disputes';
import { addDays, DAY_MS, endOfLocalDay, formatLocal, nextSendHour } from './time';
import { closedDispute, openDispute, type Timeline } from './timeline';

export { type Alert, type AlertContext, type PlannedAlert, warningSendAt } from './alert-schedule';

/** Every alert the order's facts call for, with when each is due. Empty for muted or refunded orders. */
export function planAlerts(t: Timeline, clocks: readonly Clock[], ctx: AlertContext): PlannedAlert[] {
  if (ctx.muted || t.status === 'refunded') return [];
  const open = openDispute(t.disputes);
  const closed = closedDispute(t.disputes);
  const moneyBack = t.cancelledAt !== null || t.refundIssuedAt !== null;
  // An open dispute whose opening was not seen with good evidence does not silence the non-delivery
  // warnings (assumptions.ts): a warning too many costs a glance, a misread mail that silences one costs
  // the money.
  const protectingDispute = open !== null && open.verifiedAt !== null;
  const plan = [
    ...notShipped(t, ctx, moneyBack),
    // Non-delivery (A2, A3, A9 for C1 and C3), while nothing else protects the buyer.
    ...(t.deliveredAt === null && !protectingDispute && closed === null && !moneyBack
      ? nonDelivery(t, clocks, ctx)
      : []),
    ...(t.deliveredAt !== null && open === null && closed === null && !moneyBack
      ? inspectWindow(t, clocks, ctx)
      : []),
    ...(open ? openDisputeAlerts(t, open, clocks, ctx) : []),
    // A7 and A9 for C7: a dispute closed against the buyer. `partial` counts (the buyer did not get all
    // they asked for; only an appeal can still get the rest), and so does an unknown outcome.
    ...(closed && closed.outcome !== 'won' && open === null ? appealWindow(t, closed, clocks, ctx) : []),
    ...refundOverdue(t, clocks, ctx),
  ];
  return plan.map((p) => withAssumptions(t, p, ctx.timeZone));
}

/** An alert that fires although a weakly evidenced fact would have silenced it says what was assumed. */
function withAssumptions(t: Timeline, p: PlannedAlert, zone: string): PlannedAlert {
  const notes = t.assumptions
    .filter((a) => silences(a, p.alert.kind))
    .map((a) => assumptionNote(a, t.orderId, zone));
  return notes.length === 0 ? p : { ...p, alert: { ...p.alert, reasons: [...p.alert.reasons, ...notes] } };
}

/** A1: paid, never shipped. */
function notShipped(t: Timeline, ctx: AlertContext, moneyBack: boolean): PlannedAlert[] {
  const shipped = t.shippedAt !== null || t.shipmentImpliedAt !== null;
  // A dispute silences A1 only when its opening (or its close) was seen with good evidence.
  const disputed = t.disputes.some((d) => d.verifiedAt !== null || d.closedAt !== null);
  if (t.paidAt === null || shipped || moneyBack || t.closedAt !== null || disputed) return [];
  const { policy, timeZone } = ctx;
  const due = addDays(t.paidAt, policy.notShippedDays);
  const spec: Spec = {
    kind: 'not-shipped',
    deadline: due,
    clock: null,
    provenance: 'estimated',
    reasons: [
      `No shipment ${policy.notShippedDays} days after the order was paid (${formatLocal(t.paidAt, timeZone)}).`,
    ],
  };
  return [afterTheFact(t, spec, due, ctx, null)];
}

/** A3, A2, and A9 for C1 and C3: the order has not arrived and no dispute protects it. */
function nonDelivery(t: Timeline, clocks: readonly Clock[], ctx: AlertContext): PlannedAlert[] {
  const { policy, timeZone } = ctx;
  const c1 = find(clocks, 'C1');
  const c1End = clockEnd(clocks, 'C1');
  if (!c1 || c1End === null) return [];
  const protection = describe(c1, timeZone);
  const plan: PlannedAlert[] = [];

  // A3. The "awaiting confirmation" mail is a last call for the end it announced: once the seller extended
  // protection (or AliExpress stated an end) after it, it is stale and must not call "last call" again.
  const lastStatement = Math.max(
    Number.NEGATIVE_INFINITY,
    ...t.protectionFacts.filter((f) => f.kind !== 'awaiting-confirmation').map((f) => f.at),
  );
  const awaiting = t.protectionFacts
    .filter((f) => f.kind === 'awaiting-confirmation' && f.at < c1End && f.at >= lastStatement)
    .at(-1);
  const steps: Step[] = leadSteps(c1End, policy.protectionLeadDays, ctx, awaiting?.at);
  if (awaiting) steps.push({ step: 'awaiting-confirmation', sendAt: awaiting.at });
  const reasons = [`Purchase protection ends ${protection} and the order has not been delivered.`];
  if (awaiting) {
    reasons.push('AliExpress wrote that the order will soon be marked completed: this is the last call.');
  }
  const a3: Spec = {
    kind: 'protection-lapsing',
    deadline: c1End,
    clock: 'C1',
    provenance: c1.provenance,
    reasons,
  };
  plan.push(...stepped(t, a3, steps));

  // A2: the estimated delivery date and C2 have both passed, while protection still runs. The estimate
  // only triggers advice, so it has passed when its day is over in the user's zone (DOMAIN.md): read
  // early, "late, open a dispute" leads to a dispute AliExpress refuses while the parcel is in transit.
  const c2End = clockEnd(clocks, 'C2');
  if (t.estimatedDelivery !== null && c2End !== null) {
    const estimateOver = endOfLocalDay(t.estimatedDelivery, timeZone);
    const due = Math.max(estimateOver, c2End);
    if (due < c1End) {
      const spec: Spec = {
        kind: 'late',
        // A2 is sent once per deadline value, and its value is what has passed: the estimate. Were it C1's
        // end, an "awaiting confirmation" mail or an extension (which move C1, and have A3 for that) would
        // make a new key and send "late" again beside the last call; a new estimate is news and may.
        deadline: estimateOver,
        clock: 'C1',
        provenance: c1.provenance,
        reasons: [
          `The estimated delivery date ${t.estimatedDelivery} has passed and the order has not been delivered.`,
          `Open a dispute before purchase protection ends ${protection}.`,
        ],
      };
      const civil = nextSendHour(due, timeZone, policy.sendHour);
      const sendAt = civil < c1End ? civil : due;
      plan.push({ alert: makeAlert(t, spec, sendAt, null), from: sendAt, until: c1End });
    }
  }

  // A9 for C1, then for C3: the last window some sources allow after the order completed undelivered.
  const c3 = find(clocks, 'C3');
  const c3End = clockEnd(clocks, 'C3');
  const closedNote = t.closedAt !== null ? ' AliExpress closed the order.' : '';
  plan.push(
    windowClosed(t, clocks, ctx, c1, c1End, [
      `Purchase protection ended ${formatLocal(c1End, timeZone)} without a delivery or a dispute.${closedNote}`,
      ...(c3End !== null
        ? [`Some sources say a dispute can still be opened until ${formatLocal(c3End, timeZone)}; try it.`]
        : []),
    ]),
  );
  if (c3 && c3End !== null && c3End > c1End) {
    plan.push(
      windowClosed(t, clocks, ctx, c3, c3End, [
        `The window in which some sources say a dispute could still be opened after the order completed closed ${formatLocal(c3End, timeZone)}.`,
      ]),
    );
  }
  return plan;
}

/** A4: delivered, the post-receipt window is closing. */
function inspectWindow(t: Timeline, clocks: readonly Clock[], ctx: AlertContext): PlannedAlert[] {
  const c3 = find(clocks, 'C3');
  const c3End = clockEnd(clocks, 'C3');
  if (!c3 || c3End === null) return [];
  const window = `the window to open a dispute closes ${describe(c3, ctx.timeZone)}`;
  // Only the buyer's own confirmation says the parcel reached them; tracking (or AliExpress's delivery
  // confirmation) may be wrong, and then the advice is the seeds' "delivered but not received" path.
  const received = t.completions.some((c) => c.via === 'receipt_confirmed');
  const spec: Spec = received
    ? {
        kind: 'dispute-window-closing',
        deadline: c3End,
        clock: 'C3',
        provenance: c3.provenance,
        reasons: [`The order was delivered; ${window}.`],
      }
    : {
        kind: 'dispute-window-closing',
        deadline: c3End,
        clock: 'C3',
        provenance: c3.provenance,
        reasons: [`Tracking shows the order delivered, but you have not confirmed receiving it; ${window}.`],
        advice: DELIVERED_UNCONFIRMED_ADVICE,
      };
  return stepped(t, spec, leadSteps(c3End, ctx.policy.inspectLeadDays, ctx));
}

/** A5 and A6, while a dispute is open. */
function openDisputeAlerts(
  t: Timeline,
  open: Readonly<Dispute>,
  clocks: readonly Clock[],
  ctx: AlertContext,
): PlannedAlert[] {
  const { policy, timeZone } = ctx;
  const plan: PlannedAlert[] = [];
  // A5: the seller's time is up and AliExpress has not been asked in.
  const c4End = clockEnd(clocks, 'C4');
  if (c4End !== null && open.escalatedAt === null) {
    const answered =
      open.sellerRespondedAt !== null ? ' The seller answered, but there is no agreement yet.' : '';
    const spec: Spec = {
      kind: 'seller-silent',
      deadline: c4End,
      clock: 'C4',
      provenance: 'estimated',
      reasons: [`The seller's time to settle the dispute ended ${formatLocal(c4End, timeZone)}.${answered}`],
    };
    plan.push(afterTheFact(t, spec, c4End, ctx, null));
  }
  // A6: the stated negotiation end is near.
  const c6 = find(clocks, 'C6');
  const c6End = clockEnd(clocks, 'C6');
  if (c6 && c6End !== null) {
    const spec: Spec = {
      kind: 'negotiation-ending',
      deadline: c6End,
      clock: 'C6',
      provenance: 'stated',
      reasons: [
        `The dispute negotiation ends ${describe(c6, timeZone)}.`,
        "If you choose nothing by then, AliExpress's proposal is applied automatically.",
      ],
    };
    plan.push(...stepped(t, spec, leadSteps(c6End, [policy.negotiationLeadDays], ctx)));
  }
  return plan;
}

/** A7 before the appeal window closes, A9 once it has. */
function appealWindow(
  t: Timeline,
  closed: Readonly<Dispute>,
  clocks: readonly Clock[],
  ctx: AlertContext,
): PlannedAlert[] {
  const c7 = find(clocks, 'C7');
  const c7End = clockEnd(clocks, 'C7');
  if (!c7 || c7End === null) return [];
  const outcome = closed.outcome === null ? 'closed' : `closed (${closed.outcome})`;
  const spec: Spec = {
    kind: 'appeal-window-closing',
    deadline: c7End,
    clock: 'C7',
    provenance: c7.provenance,
    reasons: [`The dispute was ${outcome}; the appeal window closes ${describe(c7, ctx.timeZone)}.`],
  };
  return [
    ...stepped(t, spec, leadSteps(c7End, [ctx.policy.appealLeadDays], ctx)),
    windowClosed(t, clocks, ctx, c7, c7End, [
      `The appeal window closed ${formatLocal(c7End, ctx.timeZone)}.`,
    ]),
  ];
}

/** A8: the refund should have arrived by now. */
function refundOverdue(t: Timeline, clocks: readonly Clock[], ctx: AlertContext): PlannedAlert[] {
  const c8 = find(clocks, 'C8');
  const c8End = clockEnd(clocks, 'C8');
  if (!c8?.start || c8End === null || t.refundReceivedAt !== null) return [];
  const spec: Spec = {
    kind: 'refund-overdue',
    deadline: c8End,
    clock: 'C8',
    provenance: 'estimated',
    reasons: [
      `The refund approved ${formatLocal(Date.parse(c8.start), ctx.timeZone)} should have arrived by ${formatLocal(c8End, ctx.timeZone)} (${c8.rule}).`,
    ],
  };
  return [afterTheFact(t, spec, c8End, ctx, null)];
}

/** A9 for a window (C1, C3, C7) that closed while the order needed action: once, with the chargeback note. */
function windowClosed(
  t: Timeline,
  clocks: readonly Clock[],
  ctx: AlertContext,
  closedClock: Clock,
  end: number,
  reasons: readonly string[],
): PlannedAlert {
  const spec: Spec = {
    kind: 'window-closed',
    deadline: end,
    clock: closedClock.id,
    provenance: closedClock.provenance,
    reasons: [...reasons, ...chargebackNote(clocks, ctx.timeZone)],
  };
  return afterTheFact(t, spec, end, ctx, ctx.policy.windowClosedNoticeDays * DAY_MS, closedClock.id);
}

function chargebackNote(clocks: readonly Clock[], zone: string): string[] {
  const c9End = clockEnd(clocks, 'C9');
  return c9End === null
    ? []
    : [
        `If you paid by card, a chargeback may be possible until about ${formatLocal(c9End, zone)} (ask your card issuer).`,
      ];
}
