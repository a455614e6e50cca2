/** An order's status, derived from what is known about it. */
import { closedDispute, type Dispute, openDispute } from './disputes';

export const ORDER_STATUSES = [
  'placed',
  'shipped',
  'in_transit',
  'delivered',
  'completed',
  'disputed',
  'escalated',
  'dispute_closed',
  'refunding',
  'refunded',
  'cancelled',
  'closed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface StatusFacts {
  readonly shipped: boolean;
  readonly inTransit: boolean;
  readonly delivered: boolean;
  readonly completed: boolean;
  readonly closed: boolean;
  readonly cancelled: boolean;
  readonly refundIssued: boolean;
  readonly refundReceived: boolean;
}

/**
 * Status from facts, not from the last event: a late "in transit" mail must not move a delivered order
 * back. Money outranks disputes, disputes outrank shipping.
 */
export function deriveStatus(f: StatusFacts, disputes: readonly Dispute[]): OrderStatus {
  if (f.refundReceived) return 'refunded';
  if (f.refundIssued) return 'refunding';
  if (f.cancelled) return 'cancelled';
  const open = openDispute(disputes);
  if (open) return open.escalatedAt !== null ? 'escalated' : 'disputed';
  if (closedDispute(disputes)) return 'dispute_closed';
  if (f.completed) return 'completed';
  if (f.closed) return 'closed';
  if (f.delivered) return 'delivered';
  if (f.inTransit) return 'in_transit';
  if (f.shipped) return 'shipped';
  return 'placed';
}
