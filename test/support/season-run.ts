/**
 * Plays a season against a store: each event is recorded at its own instant (`applyEvents`, as ingest
 * would), and the remind run runs every 15 minutes (every tick queries the index; a tick with nothing due
 * costs only that), except during an injected outage. Beside it, an oracle straight from the engine: for
 * each stretch of time in which an order's known facts stand still, the engine's plan says which alerts
 * are due when; each is owed at the first run inside its window. The two are compared by `judge`.
 */
import { ManualClock } from '../../functions/clock';
import { type Alert, evaluateOrder, type Policy } from '../../functions/core/rules';
import { applyEvents } from '../../functions/handlers/orders';
import { type RemindReport, remindRun } from '../../functions/handlers/remind';
import type { Mailer, Store } from '../../functions/ports';
import type { Season } from './season';

export const TICK_MS = 15 * 60_000;

export interface Outage {
  readonly from: string;
  readonly hours: number;
}

export interface SentAlert {
  readonly alert: Alert;
  readonly user: string;
  /** The run's instant. */
  readonly at: number;
}

export interface PlayResult {
  readonly sent: readonly SentAlert[];
  readonly runs: number;
  /** Runs that found something due (the rest only queried the index). */
  readonly busyRuns: number;
  readonly mails: number;
  readonly digests: number;
  readonly eventsApplied: number;
  readonly dueItemsRead: number;
  readonly failures: number;
  readonly wallMs: number;
}

function inOutage(t: number, outage: Outage | undefined): boolean {
  if (!outage) return false;
  const from = Date.parse(outage.from);
  return t >= from && t < from + outage.hours * 3_600_000;
}

export async function playSeason(
  store: Store,
  mailer: Mailer,
  season: Season,
  config: { readonly policy: Policy; readonly address: string; readonly outage?: Outage },
): Promise<PlayResult> {
  const started = performance.now();
  const zone = new Map(season.users.map((u) => [u.email, u.timeZone]));
  for (const u of season.users) {
    await store.createUser({
      email: u.email,
      timeZone: u.timeZone,
      acks: 'new',
      status: 'active',
      createdAt: season.start,
    });
  }
  const events = season.orders
    .flatMap((o) => o.events.map((event) => ({ user: o.user, event })))
    .sort((a, b) => a.event.occurredAt.localeCompare(b.event.occurredAt));
  const clock = new ManualClock(season.start);
  const deps = {
    store,
    mailer,
    clock,
    config: {
      address: config.address,
      fromName: 'orderwatch',
      defaultTimeZone: 'UTC',
      policy: config.policy,
    },
  };
  const sent: SentAlert[] = [];
  let next = 0;
  let runs = 0;
  let busyRuns = 0;
  let mails = 0;
  let digests = 0;
  let dueItemsRead = 0;
  let failures = 0;
  const end = Date.parse(season.end);
  for (let t = Date.parse(season.start); t <= end; t += TICK_MS) {
    for (let e = events[next]; e && Date.parse(e.event.occurredAt) <= t; e = events[++next]) {
      const now = e.event.occurredAt;
      clock.set(now);
      const ctx = { now, timeZone: zone.get(e.user) ?? 'UTC', policy: config.policy };
      await applyEvents(store, e.user, [e.event], { messageId: null, recordedAt: now }, ctx);
    }
    if (inOutage(t, config.outage)) continue;
    clock.set(new Date(t).toISOString());
    const report: RemindReport = await remindRun(deps);
    runs += 1;
    dueItemsRead += report.dueOrders;
    failures += report.errors + report.failed;
    if (report.dueOrders > 0) busyRuns += 1;
    for (const mail of report.mails) {
      mails += 1;
      if (mail.alerts.length > 1) digests += 1;
      for (const alert of mail.alerts) sent.push({ alert, user: mail.user, at: t });
    }
  }
  return {
    sent,
    runs,
    busyRuns,
    mails,
    digests,
    eventsApplied: next,
    dueItemsRead,
    failures,
    wallMs: performance.now() - started,
  };
}

export interface Owed {
  readonly alert: Alert;
  /** When the facts made it due: the later of its window's start and the facts' arrival. */
  readonly dueSince: number;
  /** The first run inside its window: when it must go out. */
  readonly tick: number;
}

/** First run instant ≥ `at` (runs fall on the season's 15-minute grid, none during the outage). */
function firstRun(at: number, start: number, outage: Outage | undefined): number {
  let t = start + Math.ceil((at - start) / TICK_MS) * TICK_MS;
  if (inOutage(t, outage) && outage) {
    t = firstRun(Date.parse(outage.from) + outage.hours * 3_600_000, start, undefined);
  }
  return t;
}

/** What the engine says is owed, by alert key: every alert due at some run, at its first such run. */
export function owedAlerts(season: Season, policy: Policy, outage?: Outage): Map<string, Owed> {
  const start = Date.parse(season.start);
  const end = Date.parse(season.end);
  const zone = new Map(season.users.map((u) => [u.email, u.timeZone]));
  const owed = new Map<string, Owed>();
  for (const order of season.orders) {
    const instants = [...new Set(order.events.map((e) => Date.parse(e.occurredAt)))].sort((a, b) => a - b);
    instants.forEach((s, k) => {
      const until = instants[k + 1] ?? end + 1;
      const evaluation = evaluateOrder(order.events, {
        now: new Date(s).toISOString(),
        timeZone: zone.get(order.user) ?? 'UTC',
        policy,
        orderId: order.orderId,
      });
      for (const p of evaluation.plan) {
        const lo = Math.max(Date.parse(p.dueFrom), s);
        const hi = Math.min(p.dueUntil === null ? Number.POSITIVE_INFINITY : Date.parse(p.dueUntil), until);
        const tick = firstRun(lo, start, outage);
        if (tick >= hi || tick > end) continue;
        const known = owed.get(p.alert.key);
        if (!known || tick < known.tick) owed.set(p.alert.key, { alert: p.alert, dueSince: lo, tick });
      }
    });
  }
  return owed;
}
