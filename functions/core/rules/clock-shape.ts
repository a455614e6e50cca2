/** The shape of a clock (C1–C9), shared by the modules that compute them. */
import type { Policy } from './policy';
import { toIso } from './time';

export const CLOCK_IDS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9'] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

export const CLOCK_NAMES: Readonly<Record<ClockId, string>> = {
  C1: 'purchase protection',
  C2: 'dispute not yet allowed',
  C3: 'post-receipt dispute window',
  C4: "seller's answer to the dispute",
  C5: 'AliExpress ruling after escalation',
  C6: 'negotiation ends',
  C7: 'appeal window',
  C8: 'refund arrival',
  C9: 'card chargeback window',
};

export type Provenance = 'stated' | 'estimated';
export type ClockState = 'running' | 'paused' | 'stopped';

export interface Interval {
  readonly from: string;
  readonly to: string | null;
}

export interface Clock {
  readonly id: ClockId;
  readonly name: string;
  readonly start: string | null;
  /** ISO instant; null while paused (the end is not known until it resumes) or stopped. */
  readonly end: string | null;
  readonly state: ClockState;
  /** Paused time already added to `end`. */
  readonly pausedMs: number;
  readonly pauses: readonly Interval[];
  /** While paused: how much was left when the pause began. */
  readonly remainingMs: number | null;
  readonly provenance: Provenance;
  /** What produced the end, in words for the email, e.g. "60 days after shipped 2026-01-05 (default policy)". */
  readonly rule: string;
}

export interface ClockContext {
  readonly policy: Policy;
  readonly timeZone: string;
}

type Draft = Omit<
  Clock,
  'id' | 'name' | 'pausedMs' | 'pauses' | 'remainingMs' | 'state' | 'start' | 'end'
> & {
  readonly start: number | null;
  readonly end: number | null;
  readonly state?: ClockState;
  readonly pausedMs?: number;
  readonly pauses?: readonly Interval[];
  readonly remainingMs?: number | null;
};

/** Builds a clock from epoch-ms start/end. */
export function clock(id: ClockId, d: Draft): Clock {
  return {
    id,
    name: CLOCK_NAMES[id],
    start: d.start === null ? null : toIso(d.start),
    end: d.end === null ? null : toIso(d.end),
    state: d.state ?? 'running',
    pausedMs: d.pausedMs ?? 0,
    pauses: d.pauses ?? [],
    remainingMs: d.remainingMs ?? null,
    provenance: d.provenance,
    rule: d.rule,
  };
}

/** End of a clock as epoch ms, or null if the clock is absent, paused or stopped. */
export function clockEnd(clocks: readonly Clock[], id: ClockId): number | null {
  const c = clocks.find((x) => x.id === id);
  return c?.end == null ? null : Date.parse(c.end);
}
