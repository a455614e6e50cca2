/**
 * One user's share of a remind run: their due orders re-evaluated at the run's instant, the alerts due now
 * claimed one by one, one mail for all that this run claimed (a digest when several), the claims marked
 * sent, and each order written back with the keys now settled (see `nextCheckAt` in `./orders.ts`).
 */
import { type AlertItem, byUrgency, renderAlerts } from '../core/render';
import { type AlertRef, type DueOrder, type OutgoingMail, type Store, VersionConflictError } from '../ports';
import type { HandlerDeps, ServiceConfig } from './deps';
import { type OrderContext, type RefreshedOrder, refreshOrder } from './orders';
import { fromHeader } from './reply';

/** What a remind run is a function of: no raw mail, and only the settings it uses. */
export interface RemindDeps extends Pick<HandlerDeps, 'store' | 'mailer' | 'clock'> {
  readonly config: Pick<ServiceConfig, 'address' | 'fromName' | 'defaultTimeZone' | 'policy'>;
}

/** See `remind.ts`: older unfinished claims are taken over by a later run. */
export const TAKEOVER_MS = 10 * 60_000;

export interface RemindLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [field: string]: unknown;
}
export type RemindLog = (entry: RemindLogEntry) => void;

export interface UserOutcome {
  readonly ordersChecked: number;
  readonly mail: {
    readonly user: string;
    readonly messageId: string;
    readonly alerts: AlertItem['alert'][];
  } | null;
  readonly alreadySent: number;
  readonly held: number;
  readonly failed: number;
  readonly parked: number;
  readonly error: boolean;
}

const NOTHING: Omit<UserOutcome, 'ordersChecked'> = {
  mail: null,
  alreadySent: 0,
  held: 0,
  failed: 0,
  parked: 0,
  error: false,
};

export function unsubscribeUrl(config: Pick<ServiceConfig, 'address'>): string {
  return `mailto:${config.address}?subject=stop`;
}

const iso = (ms: number) => new Date(ms).toISOString();

function describeError(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'unknown', message: String(error) };
}

/**
 * Takes a stopped user's order out of the `due` index: nothing may be sent while stopped (DOMAIN.md), and
 * leaving it in would make every run read it again. `start` refreshes the user's orders, which puts them
 * back with what is due then. A conflict means someone just rewrote the order: leave it to them.
 */
async function parkOrder(store: Store, user: string, orderId: string): Promise<boolean> {
  const order = await store.getOrder(user, orderId);
  if (order === null || order.nextCheckAt === null) return false;
  const { version, ...write } = order;
  try {
    await store.putOrder({ ...write, nextCheckAt: null }, version);
    return true;
  } catch (error) {
    if (error instanceof VersionConflictError) return false;
    throw error;
  }
}

export async function remindUser(
  deps: RemindDeps,
  user: string,
  orders: readonly DueOrder[],
  now: string,
  log: RemindLog,
): Promise<UserOutcome> {
  const { store, config } = deps;
  const orderIds = orders.map((o) => o.orderId);
  try {
    const profile = await store.getUser(user);
    if (profile === null || profile.status === 'stopped') {
      let parked = 0;
      for (const orderId of orderIds) if (await parkOrder(store, user, orderId)) parked += 1;
      log({ level: 'info', msg: 'stopped user: orders out of the due index', orderIds, parked });
      return { ...NOTHING, ordersChecked: orders.length, parked };
    }
    const ctx: OrderContext = {
      now,
      timeZone: profile.timeZone || config.defaultTimeZone,
      policy: config.policy,
    };
    // The engine decides from the facts at `now`: mute, reasons gone, windows passed are all in here.
    const checked: RefreshedOrder[] = [];
    for (const orderId of orderIds) checked.push(await refreshOrder(store, user, orderId, ctx));

    const settled = new Map<string, Set<string>>(orderIds.map((id) => [id, new Set<string>()]));
    const claimed: { ref: AlertRef; item: AlertItem }[] = [];
    let alreadySent = 0;
    let held = 0;
    for (const { evaluation } of checked) {
      for (const alert of evaluation.alerts) {
        const ref: AlertRef = { user, orderId: evaluation.orderId, alertKey: alert.key };
        const at = Date.parse(deps.clock.now());
        const claim = await store.claimAlert(ref, iso(at), iso(at - TAKEOVER_MS));
        switch (claim.outcome) {
          case 'claimed':
            claimed.push({ ref, item: { alert, store: evaluation.store } });
            break;
          case 'sent':
            settled.get(evaluation.orderId)?.add(alert.key);
            alreadySent += 1;
            break;
          case 'held':
            held += 1;
            break;
        }
      }
    }

    let mail: UserOutcome['mail'] = null;
    let failed = 0;
    if (claimed.length > 0) {
      claimed.sort((a, b) => byUrgency(a.item, b.item)); // the mail's order, for the report too
      const alertOrders = [...new Set(claimed.map((c) => c.ref.orderId))];
      try {
        const known = (await store.listOrders(user)).map((o) => o.orderId);
        const rendered = renderAlerts(
          claimed.map((c) => c.item),
          { timeZone: ctx.timeZone, now, knownOrderIds: known },
        );
        const outgoing: OutgoingMail = {
          from: fromHeader(config),
          to: user,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          attachments: rendered.attachments,
          autoSubmitted: 'auto-generated',
          listUnsubscribe: unsubscribeUrl(config),
          date: deps.clock.now(),
        };
        const { messageId } = await deps.mailer.send(outgoing);
        const sentAt = deps.clock.now();
        for (const c of claimed) {
          await store.completeAlert(c.ref, sentAt, messageId);
          settled.get(c.ref.orderId)?.add(c.ref.alertKey);
        }
        mail = { user, messageId, alerts: claimed.map((c) => c.item.alert) };
        log({
          level: 'info',
          msg: 'alert mail sent',
          messageId,
          orderIds: alertOrders,
          alerts: claimed.map((c) => c.item.alert.code),
        });
      } catch (error) {
        // The claims stay unfinished: the order stays due and the next run takes them over.
        failed = claimed.length;
        log({ level: 'error', msg: 'alert mail failed', orderIds: alertOrders, error: describeError(error) });
      }
    }

    // Write back what is settled; an order whose alerts are all settled moves on to its next check.
    for (const { evaluation } of checked) {
      if (evaluation.alerts.length === 0) continue;
      const settledAlerts = settled.get(evaluation.orderId) ?? new Set<string>();
      await refreshOrder(store, user, evaluation.orderId, ctx, { settledAlerts });
    }
    return { ordersChecked: orders.length, mail, alreadySent, held, failed, parked: 0, error: false };
  } catch (error) {
    log({ level: 'error', msg: 'remind failed for a user', orderIds, error: describeError(error) });
    return { ...NOTHING, ordersChecked: 0, error: true };
  }
}
