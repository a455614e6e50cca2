/**
 * How much a fact can be trusted, from where it came. A command or a line typed by hand is the user's own
 * word; a mail fact is only as good as the wording it was read from (`source.evidence`).
 */
import type { EventSource, OrderEvent } from '../events';

export function isVerified(event: Pick<OrderEvent, 'source'>): boolean {
  return event.source.kind !== 'mail' || event.source.evidence === 'verified';
}

/** Higher is stronger: when copies of one fact merge, the merged fact keeps the strongest source. */
export function sourceStrength(source: EventSource): number {
  if (source.kind !== 'mail') return 2;
  return source.evidence === 'verified' ? 1 : 0;
}
