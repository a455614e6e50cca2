/** Disputes of one order, in the order they were opened; only the last can be open. */
import type { DisputeOutcome, EventType } from '../events';

export interface Dispute {
  /** The first sign of the dispute (it existed at least since then). */
  readonly openedAt: number;
  /** What showed it: `dispute_opened`, or a later dispute mail when the opening was never seen. */
  readonly revealedBy: EventType;
  /**
   * When an opening was seen with good evidence (verified wording, or the user's word). Only from then
   * does the dispute pause C1 and silence warnings (assumptions.ts); null: it pauses nothing.
   */
  verifiedAt: number | null;
  sellerRespondedAt: number | null;
  escalatedAt: number | null;
  /** The stated negotiation end; `verified` false: read from weak evidence, so it silences nothing. */
  negotiationEnd: {
    readonly end: number;
    readonly value: string;
    readonly at: number;
    readonly verified: boolean;
  } | null;
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
