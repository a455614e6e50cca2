/** Disputes of one order, in the order they were opened; only the last can be open. */
import type { DisputeOutcome } from '../events';

export interface Dispute {
  readonly openedAt: number;
  /** No `dispute_opened` was seen; the dispute is inferred from a later dispute event at `openedAt`. */
  readonly inferred: boolean;
  sellerRespondedAt: number | null;
  escalatedAt: number | null;
  negotiationEnd: { readonly end: number; readonly value: string; readonly at: number } | null;
  cancelledAt: number | null;
  closedAt: number | null;
  outcome: DisputeOutcome | null;
}

export function openDispute(disputes: readonly Dispute[]): Dispute | null {
  const last = disputes.at(-1);
  return last && last.cancelledAt === null && last.closedAt === null ? last : null;
}

/** A closed (not cancelled) dispute ends disputes for that order for good. */
export function closedDispute(disputes: readonly Dispute[]): Dispute | null {
  const last = disputes.at(-1);
  return last && last.closedAt !== null ? last : null;
}
