/**
 * One order's events folded into the facts the clocks need. The event log is the source of truth: mail
 * arrives late, out of order and sometimes twice, so the fold first dedupes and sorts (by when it happened,
 * ties broken by lifecycle order then content, so the result never depends on arrival order), and later
 * facts refine earlier ones.
 */
import type { EventType, OrderEvent, PaymentMethod } from '../events';
import { type Assumption, canSilence } from './assumptions';
import { closedDispute, type Dispute, openDispute } from './disputes';
import { isVerified } from './evidence';
import { normaliseEvents } from './normalise';
import { deriveStatus, type OrderStatus } from './status';
import { conservativeDeadline, earliestInstant, parseInstant } from './time';

export { closedDispute, type Dispute, openDispute } from './disputes';
export { normaliseEvents } from './normalise';

export { ORDER_STATUSES, type OrderStatus } from './status';

/** A fact about C1's end, in the order it became known. */
/**
 * A protection end stated as a date. `weak`: read from unverified wording, so it may only end C1 sooner
 * (the evidence rule: weak facts add warnings, never remove or delay one).
 */
interface DatedEnd {
  readonly end: number;
  readonly at: number;
  readonly value: string;
  readonly weak: boolean;
}

export type ProtectionFact =
  | ({ readonly kind: 'stated' } & DatedEnd)
  | ({ readonly kind: 'extended-to' } & DatedEnd)
  | { readonly kind: 'extended-by'; readonly days: number; readonly at: number }
  | { readonly kind: 'awaiting-confirmation'; readonly at: number };

/** What completed the order (starts C3). */
export interface Completion {
  readonly at: number;
  readonly via: 'delivery_confirmed' | 'receipt_confirmed' | 'order_closed';
  /** The C3 length the mail stated, if it stated one. */
  readonly disputeWindowDays: number | null;
}

export interface Timeline {
  readonly orderId: string;
  /** Deduped, sorted. */
  readonly events: readonly OrderEvent[];
  readonly status: OrderStatus;
  /** Earliest sign of payment (the card transaction): payment/order confirmed, or the placed date. */
  readonly paidAt: number | null;
  readonly shippedAt: number | null;
  /** Earliest event that proves the parcel left (tracking, delivery, confirmation), shipped mail or not. */
  readonly shipmentImpliedAt: number | null;
  readonly readyToShipAt: number | null;
  /** Latest stated estimated delivery date. */
  readonly estimatedDelivery: string | null;
  /** When the whole order was delivered: every parcel known from tracking, or a delivery confirmation. */
  readonly deliveredAt: number | null;
  readonly completions: readonly Completion[];
  readonly closedAt: number | null;
  readonly cancelledAt: number | null;
  readonly protectionFacts: readonly ProtectionFact[];
  readonly disputes: readonly Readonly<Dispute>[];
  readonly refundIssuedAt: number | null;
  readonly refundReceivedAt: number | null;
  readonly paymentMethod: PaymentMethod | null;
  /** Facts not taken as proven (weak evidence): they silenced nothing, and the alerts say so. */
  readonly assumptions: readonly Assumption[];
}

/** Event types whose date can state C1's end. */
const DATED_PROTECTION: ReadonlySet<EventType> = new Set(['protection_stated', 'protection_extended']);
const SHIPMENT_PROOF: ReadonlySet<EventType> = new Set([
  'in_transit',
  'delivered',
  'awaiting_confirmation',
  'delivery_confirmed',
  'receipt_confirmed',
]);
const DELIVERY_PROOF: ReadonlySet<EventType> = new Set([
  'delivered',
  'delivery_confirmed',
  'receipt_confirmed',
]);
/** Events whose `parcelId` names a parcel of this order (a dispute mail's parcel id adds no parcel). */
const PARCEL_EVENTS: ReadonlySet<EventType> = new Set([
  'ready_to_ship',
  'shipped',
  'in_transit',
  'delivered',
]);
const DISPUTE_EVENTS: ReadonlySet<EventType> = new Set([
  'seller_responded',
  'dispute_escalated',
  'negotiation_deadline',
  'dispute_cancelled',
  'dispute_closed',
]);

function earliest(current: number | null, candidate: number): number {
  return current === null ? candidate : Math.min(current, candidate);
}

export function buildTimeline(orderId: string, events: readonly OrderEvent[]): Timeline {
  const sorted = normaliseEvents(events.filter((e) => e.orderIds.includes(orderId)));
  let paidAt: number | null = null;
  let shippedAt: number | null = null;
  let shipmentImpliedAt: number | null = null;
  let readyToShipAt: number | null = null;
  let estimatedDelivery: string | null = null;
  // Delivery of the whole order (a mail without a parcel id, or a confirmation), and of single parcels.
  let orderDeliveredAt: number | null = null;
  const parcels = new Set<string>();
  const parcelDeliveredAt = new Map<string, number>();
  let closedAt: number | null = null;
  let cancelledAt: number | null = null;
  let refundIssuedAt: number | null = null;
  let refundReceivedAt: number | null = null;
  let paymentMethod: PaymentMethod | null = null;
  let inTransit = false;
  const completions: Completion[] = [];
  const protectionFacts: ProtectionFact[] = [];
  const disputes: Dispute[] = [];
  const assumptions: Assumption[] = [];

  const newDispute = (at: number, revealedBy: EventType, verifiedAt: number | null): Dispute => {
    const dispute: Dispute = {
      openedAt: at,
      revealedBy,
      verifiedAt,
      sellerRespondedAt: null,
      escalatedAt: null,
      negotiationEnd: null,
      cancelledAt: null,
      closedAt: null,
      outcome: null,
    };
    disputes.push(dispute);
    return dispute;
  };
  /**
   * The dispute a progress mail (seller answer, escalation, negotiation date) is about: the open one; or,
   * when none was ever seen, one inferred from the mail (it existed at least since then). After a dispute
   * was cancelled or closed, a late mail is about that one: only `dispute_opened` reopens, because an
   * inferred dispute would pause protection and silence its alerts on the strength of a stray mail.
   */
  const currentDispute = (at: number, type: EventType): Dispute =>
    openDispute(disputes) ?? disputes.at(-1) ?? newDispute(at, type, null);

  for (const event of sorted) {
    const at = parseInstant(event.occurredAt);
    // Weak evidence (assumptions.ts): a fact that could silence a warning is not taken, only noted. A
    // dispute "opened" is still a dispute (its seller clock warns); a negotiation end still warns (A6).
    const weak = !isVerified(event) && canSilence(event.type);
    if (weak) assumptions.push({ kind: 'unverified-wording', type: event.type, at });
    const skip = weak && event.type !== 'dispute_opened' && event.type !== 'negotiation_deadline';
    // A protection end dated by a weak mail still counts where it ends C1 sooner (protection.ts).
    if (weak && event.protectionEndsAt && DATED_PROTECTION.has(event.type)) {
      const value = event.protectionEndsAt;
      const kind = event.type === 'protection_stated' ? 'stated' : 'extended-to';
      protectionFacts.push({ kind, end: conservativeDeadline(value), at, value, weak: true });
    }
    if (event.placedAt) paidAt = earliest(paidAt, earliestInstant(event.placedAt));
    if (event.estimatedDelivery) estimatedDelivery = event.estimatedDelivery;
    if (event.paymentMethod) paymentMethod = event.paymentMethod;
    // Proof of shipment only makes C1 start (and end) earlier, so even weak evidence counts.
    if (SHIPMENT_PROOF.has(event.type)) shipmentImpliedAt = earliest(shipmentImpliedAt, at);
    if (skip) continue;
    if (event.parcelId && PARCEL_EVENTS.has(event.type)) parcels.add(event.parcelId);
    if (event.type === 'delivered' && event.parcelId) {
      parcelDeliveredAt.set(event.parcelId, earliest(parcelDeliveredAt.get(event.parcelId) ?? null, at));
    } else if (DELIVERY_PROOF.has(event.type)) {
      orderDeliveredAt = earliest(orderDeliveredAt, at);
    }

    switch (event.type) {
      case 'order_confirmed':
      case 'payment_confirmed':
        paidAt = earliest(paidAt, at);
        break;
      case 'ready_to_ship':
        readyToShipAt = earliest(readyToShipAt, at);
        break;
      case 'shipped':
        shippedAt = earliest(shippedAt, at);
        break;
      case 'in_transit':
        inTransit = true;
        break;
      case 'delivered':
        break;
      case 'awaiting_confirmation':
        protectionFacts.push({ kind: 'awaiting-confirmation', at });
        break;
      case 'delivery_confirmed':
      case 'receipt_confirmed':
      case 'order_closed':
        completions.push({ at, via: event.type, disputeWindowDays: event.disputeWindowDays ?? null });
        if (event.type === 'order_closed') closedAt = earliest(closedAt, at);
        break;
      case 'order_cancelled':
        cancelledAt = earliest(cancelledAt, at);
        break;
      case 'protection_stated':
        if (event.protectionEndsAt) {
          const value = event.protectionEndsAt;
          protectionFacts.push({ kind: 'stated', end: conservativeDeadline(value), at, value, weak: false });
        }
        break;
      case 'protection_extended':
        if (event.protectionEndsAt) {
          const value = event.protectionEndsAt;
          protectionFacts.push({
            kind: 'extended-to',
            end: conservativeDeadline(value),
            at,
            value,
            weak: false,
          });
        } else if (event.extensionDays) {
          protectionFacts.push({ kind: 'extended-by', days: event.extensionDays, at });
        }
        break;
      case 'dispute_opened': {
        // A second "opened" while one is open is the same dispute told again, perhaps with better evidence
        // (the user confirming a dispute orderwatch only assumed); after a closed one, disputes are over
        // for good (DOMAIN.md); after a cancelled one, it is a new dispute.
        const open = openDispute(disputes);
        if (open) open.verifiedAt ??= weak ? null : at;
        else if (!closedDispute(disputes)) newDispute(at, event.type, weak ? null : at);
        break;
      }
      case 'seller_responded':
        currentDispute(at, event.type).sellerRespondedAt ??= at;
        break;
      case 'dispute_escalated':
        currentDispute(at, event.type).escalatedAt ??= at;
        break;
      case 'negotiation_deadline':
        if (event.negotiationEndsAt) {
          const value = event.negotiationEndsAt;
          const end = conservativeDeadline(value);
          currentDispute(at, event.type).negotiationEnd = { end, value, at, verified: !weak };
        }
        break;
      case 'dispute_cancelled': {
        // Only an open dispute can be cancelled; a cancel after a cancel or a close changes nothing.
        const dispute =
          openDispute(disputes) ?? (disputes.length === 0 ? newDispute(at, event.type, null) : null);
        if (dispute) dispute.cancelledAt = at;
        break;
      }
      case 'dispute_closed': {
        const closed = closedDispute(disputes);
        if (closed) {
          // The same close told again: the first close starts the appeal window; a stated outcome refines.
          closed.outcome = event.outcome ?? closed.outcome;
          break;
        }
        // A close after a cancel: the buyer reopened a dispute whose "opened" mail we never saw.
        const dispute = openDispute(disputes) ?? newDispute(at, event.type, null);
        dispute.closedAt = at;
        dispute.outcome = event.outcome ?? null;
        break;
      }
      case 'refund_issued':
        refundIssuedAt = earliest(refundIssuedAt, at);
        break;
      case 'refund_received':
        refundReceivedAt = earliest(refundReceivedAt, at);
        break;
    }
    if (DISPUTE_EVENTS.has(event.type) && event.outcome && event.type !== 'dispute_closed') {
      // An outcome on any dispute mail is still the outcome.
      const last = disputes.at(-1);
      if (last) last.outcome = event.outcome;
    }
  }

  const deliveredAt = wholeOrderDelivered(orderDeliveredAt, parcels, parcelDeliveredAt);
  const facts = {
    shipped: shippedAt !== null || shipmentImpliedAt !== null,
    inTransit,
    delivered: deliveredAt !== null,
    completed: completions.some((c) => c.via !== 'order_closed'),
    closed: closedAt !== null,
    cancelled: cancelledAt !== null,
    refundIssued: refundIssuedAt !== null,
    refundReceived: refundReceivedAt !== null,
  };
  // Frozen: the fold's working objects must not leak out mutable (evaluations hand the timeline out).
  return Object.freeze({
    orderId,
    events: Object.freeze(sorted),
    status: deriveStatus(facts, disputes),
    paidAt,
    shippedAt,
    shipmentImpliedAt,
    readyToShipAt,
    estimatedDelivery,
    deliveredAt,
    completions: Object.freeze(completions),
    closedAt,
    cancelledAt,
    protectionFacts: Object.freeze(protectionFacts),
    disputes: Object.freeze(disputes.map((d) => Object.freeze({ ...d }))),
    refundIssuedAt,
    refundReceivedAt,
    paymentMethod,
    assumptions: Object.freeze(currentAssumptions(assumptions, sorted, disputes)),
  });
}

/**
 * The assumptions that still matter: not those a fact with good evidence has since confirmed, plus the
 * open dispute whose opening was not seen (or only with weak evidence) — it pauses nothing until confirmed.
 */
function currentAssumptions(
  noted: readonly Assumption[],
  events: readonly OrderEvent[],
  disputes: readonly Dispute[],
): Assumption[] {
  const confirmed = new Set(events.filter(isVerified).map((e) => e.type));
  const kept = noted.filter((a) => !confirmed.has(a.type) && a.type !== 'dispute_opened');
  const open = openDispute(disputes);
  if (open && open.verifiedAt === null) {
    kept.push(
      open.revealedBy === 'dispute_opened'
        ? { kind: 'unverified-wording', type: 'dispute_opened', at: open.openedAt }
        : { kind: 'dispute-not-seen-opened', type: open.revealedBy, at: open.openedAt },
    );
  }
  return kept;
}

/**
 * When the whole order arrived: a delivery that names no parcel (or a confirmation) covers the order; an
 * order shipped in several parcels is delivered when the last known parcel is, because until then the
 * missing parcel still needs its non-delivery warnings.
 */
function wholeOrderDelivered(
  orderLevel: number | null,
  parcels: ReadonlySet<string>,
  parcelDeliveredAt: ReadonlyMap<string, number>,
): number | null {
  const allParcels =
    parcels.size > 0 && [...parcels].every((p) => parcelDeliveredAt.has(p))
      ? Math.max(...parcelDeliveredAt.values())
      : null;
  if (orderLevel === null) return allParcels;
  return allParcels === null ? orderLevel : Math.min(orderLevel, allParcels);
}
