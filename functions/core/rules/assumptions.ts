/**
 * The evidence rule (DOMAIN.md: a warning too many costs a glance, a misread mail that silences one costs
 * the money): a fact known only from weak evidence never pauses a clock or silences a warning. The engine
 * then assumes the fact is not so, and every alert the fact would have silenced says that assumption and
 * how the user confirms the fact.
 *
 * Weak evidence is a mail fact read from unverified wording, or a dispute known only from a later mail
 * (its opening never seen). Both are one rule: the second is the special case of a fact not seen at all.
 */
import type { EventType } from '../events';
import { ALERT_KINDS, type AlertKind } from './advice';
import { formatLocal } from './time';

export type Assumption =
  /** A mail that looked like `type` was read with wording no public sample shows. */
  | { readonly kind: 'unverified-wording'; readonly type: EventType; readonly at: number }
  /** A dispute mail (`type`) arrived, but the dispute's opening was never seen. */
  | { readonly kind: 'dispute-not-seen-opened'; readonly type: EventType; readonly at: number };

const NON_DELIVERY: readonly AlertKind[] = ['not-shipped', 'late', 'protection-lapsing', 'window-closed'];
const PROTECTION_END: readonly AlertKind[] = ['late', 'protection-lapsing', 'window-closed'];

/**
 * The facts that could pause a clock or silence a warning, what each would silence, and the command line
 * that records it (`#` is the order's last four digits, `YYYY-MM-DD` a date, `a|b` a choice). The lines
 * are the command grammar's (core/commands/specs.ts); a unit test parses each one and checks it records
 * this event type — or, for `delivery_confirmed`, `receipt_confirmed`: the user's own confirmation is the
 * same completion (it starts the dispute window) and no command claims to speak for AliExpress.
 */
const SILENCING: Readonly<Partial<Record<EventType, { silences: readonly AlertKind[]; command: string }>>> = {
  dispute_opened: { silences: NON_DELIVERY, command: 'dispute #' },
  delivered: { silences: NON_DELIVERY, command: 'delivered #' },
  delivery_confirmed: { silences: NON_DELIVERY, command: 'received #' },
  receipt_confirmed: { silences: NON_DELIVERY, command: 'received #' },
  order_closed: { silences: NON_DELIVERY, command: 'closed #' },
  order_cancelled: { silences: NON_DELIVERY, command: 'cancelled #' },
  refund_issued: { silences: [...NON_DELIVERY, 'dispute-window-closing'], command: 'refund #' },
  refund_received: { silences: ALERT_KINDS, command: 'refunded #' },
  dispute_escalated: { silences: ['seller-silent'], command: 'escalated #' },
  negotiation_deadline: { silences: ['seller-silent'], command: 'negotiation # YYYY-MM-DD' },
  dispute_closed: {
    silences: [...NON_DELIVERY, 'seller-silent', 'negotiation-ending'],
    command: 'resolved # won|partial|lost',
  },
  protection_stated: { silences: PROTECTION_END, command: 'protection # YYYY-MM-DD' },
  protection_extended: { silences: PROTECTION_END, command: 'extend # YYYY-MM-DD' },
};

/** The command line that records a fact of this type, `#` for the order (for the cross-check test). */
export function recordingCommand(type: EventType): string | null {
  return SILENCING[type]?.command ?? null;
}

/** Whether an event of this type could pause a clock or silence a warning (so weak evidence must not). */
export function canSilence(type: EventType): boolean {
  return SILENCING[type] !== undefined;
}

export function silences(a: Assumption, kind: AlertKind): boolean {
  return a.kind === 'dispute-not-seen-opened'
    ? NON_DELIVERY.includes(kind)
    : (SILENCING[a.type]?.silences.includes(kind) ?? false);
}

const label = (type: EventType) => type.replace('_', ' ');

/** What the alert's reasons say about an assumption it fired despite. */
export function assumptionNote(a: Assumption, orderId: string, zone: string): string {
  const when = formatLocal(a.at, zone);
  if (a.kind === 'dispute-not-seen-opened') {
    return `A dispute mail ("${label(a.type)}", ${when}) arrived for this order, but orderwatch never saw the dispute being opened, so it pauses nothing. If your dispute is open, reply "dispute ${orderId.slice(-4)}" and these warnings stop.`;
  }
  const command = (SILENCING[a.type]?.command ?? `${label(a.type)} #`).replace('#', orderId.slice(-4));
  return `A mail that looked like "${label(a.type)}" (${when}) was read with unverified wording, so orderwatch did not let it silence this warning. If it is right, reply "${command}".`;
}
