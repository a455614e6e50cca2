/**
 * The alert plan: every alert A1–A9 an order's current facts call for, each with the window of time in
 * which it is due. The plan does not depend on "now"; `next-check.ts` reads it at a given instant. That
 * split is what keeps `nextCheckAt` exact: an alert can only become due at the start of its window.
 */
import {
  type AlertContext,
  afterTheFact,
  describe,
  find,
  leadSteps,
  makeAlert,
  type PlannedAlert,
  type Spec,
  stepped,
} from './alert-schedule';
import { type Clock, clockEnd } from './clock';
import { addDays, DAY_MS, earliestEndOfDay, formatLocal, nextSendHour } from './time';
import { closedDispute, openDispute, type Timeline } from './timeline';

export { type Alert, type AlertContext, type PlannedAlert, warningSendAt } from './alert-schedule';

/** Every alert the order's facts call for, with when each is due. Empty for muted or refunded orders. */
export function planAlerts(t: Timeline, clocks: readonly Clock[], ctx: AlertContext): PlannedAlert[] {
  if (ctx.muted || t.status === 'refunded') return [];
  const { policy, timeZone } = ctx;
  const plan: PlannedAlert[] = [];
  const open = openDispute(t.disputes);
  const closed = closedDispute(t.disputes);
  const moneyBack = t.cancelledAt !== null || t.refundIssuedAt !== null;
  const shipped = t.shippedAt !== null || t.shipmentImpliedAt !== null;

  // A1: paid, never shipped.
  if (t.paidAt !== null && !shipped && !moneyBack && t.closedAt === null && t.disputes.length === 0) {
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
    plan.push(afterTheFact(t, spec, due, ctx, null));
  }

  // Non-delivery: A2, A3 and A9 for C1, while nothing else protects the buyer.
  const c1 = find(clocks, 'C1');
  const c1End = clockEnd(clocks, 'C1');
  const needsNonDeliveryHelp = t.deliveredAt === null && open === null && closed === null && !moneyBack;
  if (c1 && c1End !== null && needsNonDeliveryHelp) {
    const protection = describe(c1, timeZone);
    const a3: Spec = {
      kind: 'protection-lapsing',
      deadline: c1End,
      clock: 'C1',
      provenance: c1.provenance,
      reasons: [`Purchase protection ends ${protection} and the order has not been delivered.`],
    };
    const awaiting = t.protectionFacts
      .filter((f) => f.kind === 'awaiting-confirmation' && f.at < c1End)
      .at(-1);
    const steps = leadSteps(c1End, policy.protectionLeadDays, ctx, awaiting?.at);
    if (awaiting) steps.push({ step: 'awaiting-confirmation', sendAt: awaiting.at });
    plan.push(
      ...stepped(
        t,
        awaiting
          ? {
              ...a3,
              reasons: [
                ...a3.reasons,
                'AliExpress wrote that the order will soon be marked completed: this is the last call.',
              ],
            }
          : a3,
        steps,
      ),
    );

    const c2End = clockEnd(clocks, 'C2');
    if (t.estimatedDelivery !== null && c2End !== null) {
      const due = Math.max(earliestEndOfDay(t.estimatedDelivery), c2End);
      if (due < c1End) {
        const spec: Spec = {
          kind: 'late',
          deadline: c1End,
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

    const closedNote = t.closedAt !== null ? ' AliExpress closed the order.' : '';
    const c3 = find(clocks, 'C3');
    plan.push(
      afterTheFact(
        t,
        {
          kind: 'window-closed',
          deadline: c1End,
          clock: 'C1',
          provenance: c1.provenance,
          reasons: [
            `Purchase protection ended ${formatLocal(c1End, timeZone)} without a delivery or a dispute.${closedNote}`,
            ...(c3?.end
              ? [
                  `Some sources say a dispute can still be opened until ${formatLocal(Date.parse(c3.end), timeZone)}; try it.`,
                ]
              : []),
            ...chargebackNote(clocks, timeZone),
          ],
        },
        c1End,
        ctx,
        policy.windowClosedNoticeDays * DAY_MS,
        'C1',
      ),
    );
  }

  // A4: delivered, the post-receipt window is closing.
  const c3 = find(clocks, 'C3');
  const c3End = clockEnd(clocks, 'C3');
  if (c3 && c3End !== null && t.deliveredAt !== null && open === null && closed === null && !moneyBack) {
    const spec: Spec = {
      kind: 'dispute-window-closing',
      deadline: c3End,
      clock: 'C3',
      provenance: c3.provenance,
      reasons: [`The order was delivered; the window to open a dispute closes ${describe(c3, timeZone)}.`],
    };
    plan.push(...stepped(t, spec, leadSteps(c3End, policy.inspectLeadDays, ctx)));
  }

  if (open) {
    // A5: the seller's time is up and AliExpress has not been asked in.
    const c4End = clockEnd(clocks, 'C4');
    if (c4End !== null && open.escalatedAt === null) {
      const answered =
        open.sellerRespondedAt !== null ? ' The seller answered, but there is no agreement yet.' : '';
      plan.push(
        afterTheFact(
          t,
          {
            kind: 'seller-silent',
            deadline: c4End,
            clock: 'C4',
            provenance: 'estimated',
            reasons: [
              `The seller's time to settle the dispute ended ${formatLocal(c4End, timeZone)}.${answered}`,
            ],
          },
          c4End,
          ctx,
          null,
        ),
      );
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
        reasons: [`The dispute negotiation ends ${describe(c6, timeZone)}.`],
      };
      plan.push(...stepped(t, spec, leadSteps(c6End, [policy.negotiationLeadDays], ctx)));
    }
  }

  // A7 and A9 for C7: a dispute closed against the buyer (an unknown outcome counts as against).
  const c7 = find(clocks, 'C7');
  const c7End = clockEnd(clocks, 'C7');
  if (closed && closed.outcome !== 'won' && c7 && c7End !== null && open === null) {
    const outcome = closed.outcome === null ? 'closed' : `closed (${closed.outcome})`;
    const spec: Spec = {
      kind: 'appeal-window-closing',
      deadline: c7End,
      clock: 'C7',
      provenance: c7.provenance,
      reasons: [`The dispute was ${outcome}; the appeal window closes ${describe(c7, timeZone)}.`],
    };
    plan.push(...stepped(t, spec, leadSteps(c7End, [policy.appealLeadDays], ctx)));
    plan.push(
      afterTheFact(
        t,
        {
          kind: 'window-closed',
          deadline: c7End,
          clock: 'C7',
          provenance: c7.provenance,
          reasons: [
            `The appeal window closed ${formatLocal(c7End, timeZone)}.`,
            ...chargebackNote(clocks, timeZone),
          ],
        },
        c7End,
        ctx,
        policy.windowClosedNoticeDays * DAY_MS,
        'C7',
      ),
    );
  }

  // A8: the refund should have arrived by now.
  const c8End = clockEnd(clocks, 'C8');
  if (c8End !== null && t.refundIssuedAt !== null && t.refundReceivedAt === null) {
    plan.push(
      afterTheFact(
        t,
        {
          kind: 'refund-overdue',
          deadline: c8End,
          clock: 'C8',
          provenance: 'estimated',
          reasons: [
            `The refund issued ${formatLocal(t.refundIssuedAt, timeZone)} should have arrived by ${formatLocal(c8End, timeZone)}.`,
          ],
        },
        c8End,
        ctx,
        null,
      ),
    );
  }
  return plan;
}

function chargebackNote(clocks: readonly Clock[], zone: string): string[] {
  const c9End = clockEnd(clocks, 'C9');
  return c9End === null
    ? []
    : [
        `If you paid by card, a chargeback may be possible until about ${formatLocal(c9End, zone)} (ask your card issuer).`,
      ];
}
