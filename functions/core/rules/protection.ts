/**
 * C1, purchase protection: the clock the worst losses hang on, so it gets its own module. Its end is folded
 * from facts in the order they became known: the default estimate from the ship date, then statements and
 * extensions, the "awaiting confirmation" cap, dispute pauses, and completion.
 */
import { type Clock, type ClockContext, clock, type Provenance } from './clock-shape';
import { addDays, DAY_MS, localDate, toIso } from './time';
import { closedDispute, type Dispute, type ProtectionFact, type Timeline } from './timeline';

/** When the seller shipped, or the earliest moment they can have: an earlier start ends C1/C2 earlier. */
export function shipmentStart(t: Timeline): { at: number; what: string } | null {
  if (t.shippedAt !== null) {
    // Tracking news dated before the shipped mail proves the parcel left by then.
    return t.shipmentImpliedAt !== null && t.shipmentImpliedAt < t.shippedAt
      ? { at: t.shipmentImpliedAt, what: 'first tracking news (before the shipped mail)' }
      : { at: t.shippedAt, what: 'shipped' };
  }
  if (t.shipmentImpliedAt === null) return null;
  const candidates: [number | null, string][] = [
    [t.paidAt, 'payment'],
    [t.readyToShipAt, 'ready to ship'],
    [t.shipmentImpliedAt, 'first tracking news'],
  ];
  let best: { at: number; what: string } | null = null;
  for (const [at, what] of candidates) {
    if (at !== null && (best === null || at < best.at)) best = { at, what: `${what} (ship date unknown)` };
  }
  return best;
}

/**
 * An extension by days reported shortly after another report of an extension (a mail, then the user's
 * command about it) is that extension told again: one fact, one effect. After an extension by days, only
 * the same days are the same extension; after an end stated as a date (the user's "extended to 10 April",
 * or the order page's end the user records, then AliExpress's "by 30 days"), any is, since the date
 * already contains it: adding the days would end C1 after its real end, while not adding them can only
 * warn early. Distinct extensions come at clearly different times. (A date told after an extension by days
 * replaces the end anyway.)
 */
function sameExtensionTold(
  facts: readonly ProtectionFact[],
  fact: Extract<ProtectionFact, { kind: 'extended-by' }>,
  withinDays: number,
): boolean {
  // Facts are in the order they became known, so the earlier report is among those before this one.
  return facts
    .slice(0, facts.indexOf(fact))
    .some(
      (f) =>
        (f.kind === 'extended-to' ||
          f.kind === 'stated' ||
          (f.kind === 'extended-by' && f.days === fact.days)) &&
        fact.at - f.at <= withinDays * DAY_MS,
    );
}

interface Pause {
  readonly from: number;
  readonly to: number | null;
}

function disputePauses(disputes: readonly Dispute[]): Pause[] {
  // A message to the seller pauses nothing; an opened dispute pauses C1 until it is cancelled. A closed
  // dispute never resumes it: accepting a resolution ends protection disputes for good. Only an opening
  // seen with good evidence pauses, and from when it was seen (assumptions.ts): pausing on a misread mail
  // would silence the protection warnings. The user can confirm the opening with a command.
  return disputes.flatMap((d) => (d.verifiedAt === null ? [] : [{ from: d.verifiedAt, to: d.cancelledAt }]));
}

/**
 * Pause time that counts: after `cutoff` (pauses before a stated end are already in that statement, and
 * pauses before the shipment fall before the clock started), and only for pauses that began while the
 * clock still ran (a dispute after protection ended revives nothing).
 */
function countedPause(pauses: readonly Pause[], cutoff: number, end: number): number {
  let total = 0;
  for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
    const from = Math.max(p.from, cutoff);
    if (p.to === null || from >= end + total || p.to <= from) continue;
    total += p.to - from;
  }
  return total;
}

/** C1's end as the protection facts fold it, before dispute pauses: what it is, and why. */
interface FoldedEnd {
  readonly end: number | null;
  readonly provenance: Provenance;
  readonly rule: string;
  /** Pause time before this instant does not count: the clock had not started, or a statement includes it. */
  readonly cutoff: number;
}

const isWeak = (fact: ProtectionFact): boolean => 'weak' in fact && fact.weak;

function foldEnd(
  facts: readonly ProtectionFact[],
  start: { at: number; what: string } | null,
  pauses: readonly Pause[],
  ctx: ClockContext,
): FoldedEnd {
  const { policy, timeZone } = ctx;
  let end: number | null = start === null ? null : addDays(start.at, policy.protectionDays);
  let provenance: Provenance = 'estimated';
  let rule =
    start === null
      ? ''
      : `${policy.protectionDays} days after ${start.what} ${localDate(start.at, timeZone)} (default policy)`;
  let cutoff = start?.at ?? Number.NEGATIVE_INFINITY;

  // Copies of one notice read with different dates share an instant: the earliest end of them counts.
  let datedAt: number | null = null;
  const applyDate = (fact: { at: number; end: number; weak: boolean; value: string }, says: string): void => {
    if (fact.weak) {
      // Unverified wording: taken only where it ends C1 sooner, and still an estimate.
      if (end !== null && end <= fact.end) return;
      end = fact.end;
      provenance = 'estimated';
      rule = `a mail in unverified wording ${localDate(fact.at, timeZone)} says protection until ${fact.value}: taken, as it ends sooner`;
      cutoff = Math.max(cutoff, fact.at);
      return;
    }
    const laterCopy = datedAt === fact.at && end !== null && end < fact.end;
    datedAt = fact.at;
    if (laterCopy) return;
    end = fact.end;
    provenance = 'stated';
    rule = says;
    cutoff = Math.max(cutoff, fact.at);
  };
  for (const fact of facts) {
    const on = localDate(fact.at, timeZone);
    switch (fact.kind) {
      case 'stated':
        applyDate(fact, `stated by AliExpress mail ${on}: protection until ${fact.value}`);
        break;
      case 'extended-to':
        applyDate(fact, `extended by the seller to ${fact.value} (mail ${on})`);
        break;
      case 'extended-by':
        if (sameExtensionTold(facts, fact, policy.duplicateExtensionDays)) break;
        if (end !== null) {
          end = addDays(end, fact.days);
          rule = `${rule}, extended by ${fact.days} days (mail ${on})`;
        }
        break;
      case 'awaiting-confirmation': {
        // The mail says C1 ends "soon" without a date: cap the end unless what we know ends even sooner.
        // A known end that has already passed is proven wrong by the mail (the order is not completed yet).
        const cap = addDays(fact.at, policy.awaitingConfirmationDays);
        const before = pauses.filter((p) => p.from < fact.at);
        const known = end === null ? null : end + countedPause(before, cutoff, end);
        if (known === null || cap < known || known <= fact.at) {
          end = cap;
          provenance = 'estimated';
          rule = `"awaiting confirmation" mail ${on}: assumed to end within ${policy.awaitingConfirmationDays} days (policy)`;
          cutoff = Math.max(cutoff, fact.at);
        }
        break;
      }
    }
  }
  return { end, provenance, rule, cutoff };
}

/** Of two folds, the one whose end, with the pauses it counts, comes first (the first on a tie). */
function sooner(a: FoldedEnd, b: FoldedEnd, pauses: readonly Pause[]): FoldedEnd {
  const final = (f: FoldedEnd) =>
    f.end === null ? Number.POSITIVE_INFINITY : f.end + countedPause(pauses, f.cutoff, f.end);
  return final(b) < final(a) ? b : a;
}

export function purchaseProtection(t: Timeline, ctx: ClockContext): Clock | null {
  const { timeZone } = ctx;
  const start = shipmentStart(t);
  if (
    start === null &&
    t.protectionFacts.every((f) => f.kind === 'extended-by' || f.kind === 'awaiting-confirmation')
  ) {
    return null;
  }
  const pauses = disputePauses(t.disputes);
  // Weak facts may only make C1 end sooner (the evidence rule), also through what later facts make of
  // them (an "awaiting confirmation" mail replaces an end that has passed): of the fold with them and the
  // fold without them, the sooner end counts.
  const withAll = foldEnd(t.protectionFacts, start, pauses, ctx);
  const folded = t.protectionFacts.some(isWeak)
    ? sooner(
        foldEnd(
          t.protectionFacts.filter((f) => !isWeak(f)),
          start,
          pauses,
          ctx,
        ),
        withAll,
        pauses,
      )
    : withAll;
  const { end, provenance, cutoff } = folded;
  let { rule } = folded;
  if (end === null) return null;

  const pausedMs = countedPause(pauses, cutoff, end);
  const intervals = pauses.map((p) => ({ from: toIso(p.from), to: p.to === null ? null : toIso(p.to) }));
  const base = {
    start: start?.at ?? null,
    provenance,
    pausedMs,
    pauses: intervals,
  };
  if (pausedMs > 0) rule = `${rule}, + ${formatDuration(pausedMs)} paused by disputes`;

  const stoppedBy = closedDispute(t.disputes);
  if (stoppedBy?.closedAt != null) {
    return clock('C1', {
      ...base,
      end: null,
      state: 'stopped',
      rule: `${rule}; stopped: dispute closed ${localDate(stoppedBy.closedAt, timeZone)}`,
    });
  }
  const finalEnd = end + pausedMs;
  const open = pauses.find((p) => p.to === null);
  const pausedFrom = open ? Math.max(open.from, cutoff) : null;
  const paused = pausedFrom !== null && pausedFrom < finalEnd;
  // Completion (receipt confirmed, delivery confirmed, order closed) ends protection then and there, also
  // during a dispute's pause (a paused clock cannot have run out first): C1 means nothing once the order
  // is completed, and a quality dispute after receipt must not show it as paused.
  const completion = t.completions.find((c) => c.at < finalEnd || paused);
  if (completion) {
    return clock('C1', {
      ...base,
      provenance: 'stated',
      end: completion.at,
      rule: `ended at completion: ${completion.via.replace('_', ' ')} ${localDate(completion.at, timeZone)}`,
    });
  }
  if (paused) {
    return clock('C1', {
      ...base,
      end: null,
      state: 'paused',
      remainingMs: finalEnd - pausedFrom,
      rule: `${rule}; paused by the open dispute`,
    });
  }
  return clock('C1', { ...base, provenance, end: finalEnd, rule });
}

function formatDuration(ms: number): string {
  const days = ms / 86_400_000;
  return Number.isInteger(days) ? `${days} days` : `${days.toFixed(1)} days`;
}
