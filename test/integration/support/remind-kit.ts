/**
 * What the remind tests and the season share: a store that counts what a run reads, mailers that record,
 * fail or crash on cue, and the deps a run is a function of. Decorators over the real adapters, never SDK
 * mocks: every request still goes to the emulator.
 */
import { DEFAULT_POLICY } from '../../../functions/core/rules';
import type { RemindDeps } from '../../../functions/handlers/remind';
import type { Clock, Mailer, OutgoingMail, Store } from '../../../functions/ports';

export const OUR_ADDRESS = 'watch@example.org';

export const REMIND_CONFIG: RemindDeps['config'] = {
  address: OUR_ADDRESS,
  fromName: 'orderwatch',
  defaultTimeZone: 'UTC',
  policy: DEFAULT_POLICY,
};

export interface StoreCounts {
  /** Calls per Store method. */
  readonly calls: Map<string, number>;
  /** Order keys the `due` index handed back. */
  dueItems: number;
  /** Every (user, order) whose order item or log was read. */
  readonly ordersRead: Set<string>;
  reset(): void;
}

/** The store, with every call counted; `getOrder`/`eventsOf` remember which orders they read. */
export function countingStore(store: Store): { store: Store; counts: StoreCounts } {
  const counts: StoreCounts = {
    calls: new Map(),
    dueItems: 0,
    ordersRead: new Set(),
    reset() {
      this.calls.clear();
      this.dueItems = 0;
      this.ordersRead.clear();
    },
  };
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const name = String(property);
      return async (...args: unknown[]) => {
        counts.calls.set(name, (counts.calls.get(name) ?? 0) + 1);
        if (name === 'getOrder' || name === 'eventsOf') counts.ordersRead.add(`${args[0]}/${args[1]}`);
        const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
        if (name === 'queryDue') counts.dueItems += (result as { orders: unknown[] }).orders.length;
        return result;
      };
    },
  });
  return { store: proxy, counts };
}

export interface Recorded {
  readonly mail: OutgoingMail;
  readonly messageId: string;
}

/** Passes every mail on and keeps what went through (in memory when there is no `inner`). */
export class RecordingMailer implements Mailer {
  readonly sent: Recorded[] = [];
  private sequence = 0;

  constructor(private readonly inner?: Mailer) {}

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    this.sequence += 1;
    const { messageId } = this.inner
      ? await this.inner.send(mail)
      : { messageId: `<${this.sequence}@recorded.test>` };
    this.sent.push({ mail, messageId });
    return { messageId };
  }
}

export class InjectedFailure extends Error {
  override readonly name = 'InjectedFailure';
}

/** Fails the next `times` sends (SES throttling, a network error), then passes mail on. */
export class FailingMailer implements Mailer {
  constructor(
    private readonly inner: Mailer,
    private times = 1,
  ) {}

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    if (this.times > 0) {
      this.times -= 1;
      throw new InjectedFailure('SES: Throttling (injected)');
    }
    return this.inner.send(mail);
  }
}

/**
 * The store of a process that dies right after its first alert claim is written: the claim is in the
 * table, then the run stops dead (nothing sent, nothing written back), as a Lambda killed mid-run.
 */
export function crashAfterClaim(store: Store): Store {
  let crashed = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (crashed) {
        return async () => {
          throw new InjectedFailure('the process is gone');
        };
      }
      if (property !== 'claimAlert') return value.bind(target);
      return async (...args: unknown[]) => {
        await (value as (...a: unknown[]) => unknown).apply(target, args);
        crashed = true;
        throw new InjectedFailure('crashed after claiming');
      };
    },
  });
}

export function remindDeps(store: Store, mailer: Mailer, clock: Clock): RemindDeps {
  return { store, mailer, clock, config: REMIND_CONFIG };
}
