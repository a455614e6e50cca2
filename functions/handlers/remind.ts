/**
 * The remind run (issue 8): every 15 minutes, the orders whose `nextCheckAt` has come are read through the
 * sparse, sharded `due` index (never the table), re-evaluated at the run's instant, and each alert due now
 * goes out once, several of one user in one mail.
 *
 * Exactly once, without transactions:
 *  - each alert's key is claimed with a conditional write before the mail is sent, and marked sent after;
 *  - the order stays in the index (nextCheckAt = now) while any alert due now is not known sent, so a
 *    crash, a failed send or another run's claim is looked at again by the next run;
 *  - a claim older than `TAKEOVER_MS` is taken as abandoned (its run crashed before sending) and claimed
 *    again. Only a crash *after* SES accepted a mail and *before* the claim is marked sent can repeat a
 *    mail (at-least-once in that one window; SES has no idempotency key to close it).
 */
import type { Alert } from '../core/rules';
import type { DueOrder, Store } from '../ports';
import { type RemindDeps, type RemindLog, remindUser, type UserOutcome } from './remind-user';

/**
 * `TAKEOVER_MS`: how old an unfinished claim must be before a later run takes it over. A live run holds a
 * claim only for render + one SES call (seconds; the SDK gives up long before a minute), so 10 minutes is
 * far beyond any live sender, and still shorter than the 15-minute schedule: the run after a crash
 * retries the alert.
 */
export {
  type RemindDeps,
  type RemindLog,
  type RemindLogEntry,
  TAKEOVER_MS,
  unsubscribeUrl,
} from './remind-user';

/** Keys read per `due` query page; KEYS_ONLY items are ~100 bytes, far below the 1 MB page cap. */
const PAGE_SIZE = 250;
/** Stop starting work when less than this is left: the user in hand still has time to finish. */
const DEFAULT_RESERVE_MS = 20_000;
/** Users worked on at once: DynamoDB and SES latency dominates, not CPU. */
const DEFAULT_CONCURRENCY = 8;

export interface RemindOptions {
  /** Time left in this invocation (Lambda: `context.getRemainingTimeInMillis`); absent: unbounded. */
  readonly remainingMs?: () => number;
  readonly reserveMs?: number;
  readonly concurrency?: number;
  /** Structured log lines (order ids and counts, never mail bodies or addresses); default: none. */
  readonly log?: RemindLog;
}

export interface SentMail {
  readonly user: string;
  readonly messageId: string;
  readonly alerts: readonly Alert[];
}

export interface RemindReport {
  /** The run's instant: every order is evaluated at it. */
  readonly now: string;
  /** Order keys the `due` index returned (the run's whole read of the index). */
  readonly dueOrders: number;
  readonly ordersChecked: number;
  readonly mails: readonly SentMail[];
  /** Due alerts whose claim said another run had sent them already. */
  readonly alreadySent: number;
  /** Due alerts another run holds a fresh claim on; the next run looks again. */
  readonly held: number;
  /** Alerts whose mail failed; claimed, so the next run takes them over and retries. */
  readonly failed: number;
  /** Orders of stopped (or vanished) users taken out of the index. */
  readonly parked: number;
  /** Users whose orders could not be worked (logged); left due for the next run. */
  readonly errors: number;
  /** Due orders left for the next run because the time ran out (they stay in the index). */
  readonly left: number;
}

/** Every due order of every shard, paged, until the time runs short. */
async function readDue(
  store: Store,
  now: string,
  hasTime: () => boolean,
): Promise<{ orders: DueOrder[]; complete: boolean }> {
  let complete = true;
  const shards = Array.from({ length: store.dueShardCount }, (_, shard) => shard);
  const pages = await Promise.all(
    shards.map(async (shard) => {
      const found: DueOrder[] = [];
      let token: string | null = null;
      do {
        if (!hasTime()) {
          complete = false;
          break;
        }
        const page = await store.queryDue(shard, now, token, PAGE_SIZE);
        found.push(...page.orders);
        token = page.nextPageToken;
      } while (token !== null);
      return found;
    }),
  );
  return { orders: pages.flat(), complete };
}

/** The user's due orders, users in the order of their longest-waiting order (an outage's backlog first). */
function byUser(orders: readonly DueOrder[]): [string, DueOrder[]][] {
  const groups = new Map<string, DueOrder[]>();
  for (const o of orders) {
    const group = groups.get(o.user);
    if (group) group.push(o);
    else groups.set(o.user, [o]);
  }
  const oldest = (g: readonly DueOrder[]) => g.reduce((m, o) => (o.nextCheckAt < m ? o.nextCheckAt : m), '~');
  return [...groups].sort(([, a], [, b]) => oldest(a).localeCompare(oldest(b)));
}

export async function remindRun(deps: RemindDeps, options: RemindOptions = {}): Promise<RemindReport> {
  const now = deps.clock.now();
  const reserve = options.reserveMs ?? DEFAULT_RESERVE_MS;
  const hasTime = () => options.remainingMs === undefined || options.remainingMs() > reserve;
  const log = options.log ?? (() => {});

  const due = await readDue(deps.store, now, hasTime);
  const users = byUser(due.orders);
  const outcomes: UserOutcome[] = [];
  let left = 0;
  let next = 0;
  // A small pool: each worker takes the next user while there is time; a user is worked whole or not at all.
  const worker = async () => {
    for (;;) {
      const entry = users[next];
      if (entry === undefined) return;
      next += 1;
      if (!hasTime()) {
        left += entry[1].length;
        continue;
      }
      outcomes.push(await remindUser(deps, entry[0], entry[1], now, log));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));

  const sum = (f: (o: UserOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  const report: RemindReport = {
    now,
    dueOrders: due.orders.length,
    ordersChecked: sum((o) => o.ordersChecked),
    mails: outcomes.flatMap((o) => (o.mail ? [o.mail] : [])),
    alreadySent: sum((o) => o.alreadySent),
    held: sum((o) => o.held),
    failed: sum((o) => o.failed),
    parked: sum((o) => o.parked),
    errors: sum((o) => (o.error ? 1 : 0)),
    left,
  };
  if (!due.complete || left > 0) {
    log({
      level: 'warn',
      msg: 'remind run out of time; the rest stays due',
      left,
      indexComplete: due.complete,
    });
  }
  return report;
}
