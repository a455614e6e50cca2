/**
 * "What comes next" for an order, read from the engine's alert plan: the deadline the next warning
 * protects, whether AliExpress stated it, and from when we warn. Acknowledgements, command replies and
 * `status` all say it the same way ("protection ends about 4 Dec (estimated), we'll warn you from 27 Nov").
 */
import type { OrderEvaluation } from '../rules/index';
import type { Block } from './blocks';
import type { Fmt } from './format';

export interface Outlook {
  readonly deadline: string;
  readonly clock: OrderEvaluation['plan'][number]['alert']['clock'];
  readonly provenance: 'stated' | 'estimated';
  /** When the first warning for it goes out; null when one is due already. */
  readonly warnFrom: string | null;
}

/**
 * The soonest deadline still ahead that an alert protects. A "window closed" notice is about a deadline
 * already passed, so it is never "next".
 */
export function outlook(evaluation: OrderEvaluation, now: string): Outlook | null {
  const t = Date.parse(now);
  const ahead = evaluation.plan
    .filter((p) => p.alert.kind !== 'window-closed' && (p.dueUntil === null || Date.parse(p.dueUntil) > t))
    .filter((p) => Date.parse(p.alert.deadline) > t)
    .sort(
      (a, b) =>
        Date.parse(a.alert.deadline) - Date.parse(b.alert.deadline) ||
        Date.parse(a.dueFrom) - Date.parse(b.dueFrom),
    );
  const first = ahead[0];
  if (first === undefined) return null;
  const sameDeadline = ahead.filter((p) => p.alert.deadline === first.alert.deadline);
  const earliestFrom = Math.min(...sameDeadline.map((p) => Date.parse(p.dueFrom)));
  return {
    deadline: first.alert.deadline,
    clock: first.alert.clock,
    provenance: first.alert.provenance,
    warnFrom: earliestFrom > t ? new Date(earliestFrom).toISOString() : null,
  };
}

/** "protection ends about Fri 4 Dec (estimated), we'll warn you from Fri 27 Nov" or "nothing …". */
export function outlookPhrase(f: Fmt, o: Outlook | null): string {
  if (o === null) return f.s.nothingPending;
  const warn = o.warnFrom === null ? f.s.warnNow : f.s.warnFrom(f.day(o.warnFrom));
  return `${f.s.deadline(o.clock, o.provenance, f.day(o.deadline))}, ${warn}`;
}

/** How sure the date is, and for an estimated protection end, the command that makes it exact. */
export function provenanceBlock(f: Fmt, o: Pick<Outlook, 'clock' | 'provenance'>, orderId: string): Block {
  if (o.provenance === 'stated') return { kind: 'p', text: f.s.stated };
  if (o.clock === 'C1') return { kind: 'p', text: f.s.estimatedC1(`protection ${f.ref(orderId)} <date>`) };
  return { kind: 'p', text: f.s.estimatedOther };
}
