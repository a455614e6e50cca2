/**
 * Reading the alert plan at an instant. Because the plan does not depend on the instant, an alert can
 * only become due at the start (`from`) of its window, so the earliest future start is exactly when the
 * scheduler must look at the order again: never late, and not earlier than needed.
 */
import { URGENCY_RANK } from './advice';
import type { Alert, PlannedAlert } from './alerts';
import { toIso } from './time';

function isDue(p: PlannedAlert, now: number): boolean {
  return p.from <= now && (p.until === null || now < p.until);
}

/** Alerts whose send time has come and whose reason still holds, most urgent first. */
export function alertsDue(plan: readonly PlannedAlert[], now: number): Alert[] {
  return plan
    .filter((p) => isDue(p, now))
    .map((p) => p.alert)
    .sort(
      (a, b) =>
        URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
        a.deadline.localeCompare(b.deadline) ||
        a.key.localeCompare(b.key),
    );
}

/** The earliest instant after `now` at which an alert becomes due, as epoch ms; null if none ever will. */
export function nextCheckMs(plan: readonly PlannedAlert[], now: number): number | null {
  let next: number | null = null;
  for (const p of plan) {
    const opensLater = p.from > now && (p.until === null || p.from < p.until);
    if (opensLater && (next === null || p.from < next)) next = p.from;
  }
  return next;
}

export function nextCheckAt(plan: readonly PlannedAlert[], now: number): string | null {
  const next = nextCheckMs(plan, now);
  return next === null ? null : toIso(next);
}
