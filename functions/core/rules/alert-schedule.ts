/**
 * The building blocks of the alert plan: the alert shape, when an alert is sent, and the windows in which
 * it is due.
 *
 * sendAt: warnings go out at the send hour (09:00 local by default) on the local day they become due —
 * up to a few hours before or after the exact lead time, always on that day — and if that hour would be
 * at or after the deadline they go at once. After-the-fact alerts (the thing has passed) wait for the
 * next send hour, so they never claim early that something is overdue. The one exception is the
 * "awaiting confirmation" last call, which goes at once (DOMAIN.md: "at once when the email arrives").
 */
import { ALERT_KIND_INFO, type AlertKind, estimateNote, type Urgency } from './advice';
import type { Clock, ClockId, Provenance } from './clock-shape';
import type { Policy } from './policy';
import { DAY_MS, formatLocal, nextSendHour, sendHourOnDay, toIso } from './time';
import type { Timeline } from './timeline';

export interface Alert {
  readonly orderId: string;
  readonly kind: AlertKind;
  /** A1…A9 in DOMAIN.md. */
  readonly code: string;
  readonly urgency: Urgency;
  /** The instant the alert is about (what it protects, or what has passed), ISO. */
  readonly deadline: string;
  readonly sendAt: string;
  /** Sent once per key: order, kind, deadline, and the step for multi-step alerts. */
  readonly key: string;
  /** Lead step (`7d`, `awaiting-confirmation`) or the clock that closed, for alerts that come in steps. */
  readonly step: string | null;
  readonly clock: ClockId | null;
  readonly provenance: Provenance;
  readonly reasons: readonly string[];
  readonly advice: readonly string[];
}

/** An alert and the window [from, until) in which it is due; `until` null: while the facts stand. */
export interface PlannedAlert {
  readonly alert: Alert;
  readonly from: number;
  readonly until: number | null;
}

export interface AlertContext {
  readonly policy: Policy;
  readonly timeZone: string;
  readonly muted?: boolean;
}

export interface Spec {
  readonly kind: AlertKind;
  readonly deadline: number;
  readonly clock: ClockId | null;
  readonly provenance: Provenance;
  readonly reasons: readonly string[];
  /** Advice for this situation when it differs from the kind's (ALERT_KIND_INFO). */
  readonly advice?: readonly string[];
}

export function makeAlert(t: Timeline, spec: Spec, sendAt: number, step: string | null): Alert {
  const info = ALERT_KIND_INFO[spec.kind];
  const deadline = toIso(spec.deadline);
  return {
    orderId: t.orderId,
    kind: spec.kind,
    code: info.code,
    urgency: info.urgency,
    deadline,
    sendAt: toIso(sendAt),
    key: [t.orderId, spec.kind, deadline, ...(step === null ? [] : [step])].join('/'),
    step,
    clock: spec.clock,
    provenance: spec.provenance,
    reasons:
      spec.provenance === 'estimated' ? [...spec.reasons, estimateNote(spec.clock, spec.kind)] : spec.reasons,
    advice: spec.advice ?? info.advice,
  };
}

/** Send time for a warning that becomes due at `due` and protects `deadline`: never at or after it. */
export function warningSendAt(due: number, deadline: number, ctx: AlertContext): number {
  const civil = sendHourOnDay(due, ctx.timeZone, ctx.policy.sendHour);
  return civil < deadline ? civil : Math.min(due, deadline - 1);
}

export interface Step {
  readonly step: string;
  readonly sendAt: number;
}

/**
 * Steps of a multi-step warning, each due until the next one starts (so each sends once, and a user who
 * learns of the order late gets the current step only), the last until the deadline.
 */
export function stepped(t: Timeline, spec: Spec, steps: readonly Step[]): PlannedAlert[] {
  const sorted = [...steps].filter((s) => s.sendAt < spec.deadline).sort((a, b) => a.sendAt - b.sendAt);
  const planned: PlannedAlert[] = [];
  sorted.forEach((s, i) => {
    const until = sorted[i + 1]?.sendAt ?? spec.deadline;
    if (until > s.sendAt)
      planned.push({ alert: makeAlert(t, spec, s.sendAt, s.step), from: s.sendAt, until });
  });
  return planned;
}

export function leadSteps(
  deadline: number,
  leads: readonly number[],
  ctx: AlertContext,
  after = Number.NEGATIVE_INFINITY,
): Step[] {
  return leads
    .map((lead) => ({ lead, due: deadline - lead * DAY_MS }))
    .filter(({ due }) => due > after)
    .map(({ lead, due }) => ({ step: `${lead}d`, sendAt: warningSendAt(due, deadline, ctx) }));
}

/** Once something has passed: at the next send hour, while the facts stand (or for `forMs`). */
export function afterTheFact(
  t: Timeline,
  spec: Spec,
  due: number,
  ctx: AlertContext,
  forMs: number | null,
  step: string | null = null,
): PlannedAlert {
  const sendAt = nextSendHour(due, ctx.timeZone, ctx.policy.sendHour);
  return {
    alert: makeAlert(t, spec, sendAt, step),
    from: sendAt,
    until: forMs === null ? null : sendAt + forMs,
  };
}

export function find(clocks: readonly Clock[], id: ClockId): Clock | undefined {
  return clocks.find((c) => c.id === id);
}

export function describe(c: Clock, zone: string): string {
  return `${formatLocal(Date.parse(c.end ?? c.start ?? ''), zone)} (${c.provenance}: ${c.rule})`;
}
