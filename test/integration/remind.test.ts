/**
 * The remind run against DynamoDB Local and dynalite, mail through aws-ses-v2-local (or the outbox, to
 * read the raw message back): what it reads, and that each alert goes out once through overlapping runs,
 * crashes and SES failures. No SDK mocks: the decorators in support/remind-kit.ts sit on real adapters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore, dueShardOf } from '../../functions/aws/dynamo-store';
import { SesMailer } from '../../functions/aws/ses-mailer';
import { ManualClock } from '../../functions/clock';
import type { EventType, OrderEvent } from '../../functions/core/events';
import { DEFAULT_POLICY } from '../../functions/core/rules';
import { applyEvents, refreshOrder } from '../../functions/handlers/orders';
import { type RemindReport, remindRun } from '../../functions/handlers/remind';
import { OutboxMailer } from '../../functions/local/outbox-mailer';
import type { Mailer, Store } from '../../functions/ports';
import {
  type DynamoEmulator,
  type SesEmulator,
  startDynalite,
  startDynamoDbLocal,
  startSesLocal,
} from './support/emulators';
import {
  countingStore,
  crashAfterClaim,
  FailingMailer,
  OUR_ADDRESS,
  RecordingMailer,
  remindDeps,
} from './support/remind-kit';
import { createTable } from './support/table';

const T = '2026-03-10T10:00:00.000Z';
const MIN = 60_000;
const ctx = { now: T, timeZone: 'UTC', policy: DEFAULT_POLICY };

function ev(
  type: EventType,
  orderId: string,
  occurredAt: string,
  extra: Partial<OrderEvent> = {},
): OrderEvent {
  const source = { kind: 'mail', messageId: null, language: 'en', evidence: 'verified' } as const;
  return { type, orderIds: [orderId], occurredAt, source, ...extra };
}

/** Paid 18 days before T, never shipped: A1 "not shipped" due since 3 March 09:00 UTC. */
const notShipped = (id: string) => [ev('payment_confirmed', id, '2026-02-20T10:00:00Z')];
/** Paid 2 days before T: A1 only on 19 March. */
const recent = (id: string) => [ev('payment_confirmed', id, '2026-03-08T10:00:00Z')];
/** Shipped 12 January: protection (C1, 60 days) ends 13 March 10:00 UTC; the 3-day warning is due at T. */
const lapsing = (id: string) => [
  ev('payment_confirmed', id, '2026-01-10T10:00:00Z'),
  ev('shipped', id, '2026-01-12T10:00:00Z'),
];

const orderId = (n: number) => `81234567${String(n).padStart(8, '0')}`;
const userOf = (n: number) => `user${n}@example.org`;

describe.each([
  ['DynamoDB Local', startDynamoDbLocal],
  ['dynalite', startDynalite],
] as const)('remindRun on %s', (_name, start) => {
  let emulator: DynamoEmulator;
  let ses: SesEmulator;
  let store: DynamoStore;
  let clock: ManualClock;

  beforeAll(async () => {
    [emulator, ses] = await Promise.all([start(), startSesLocal()]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([emulator?.stop(), ses?.stop()]);
  });
  beforeEach(async () => {
    store = new DynamoStore(emulator.client, {
      tableName: await createTable(emulator.client),
      dueShardCount: 8,
    });
    clock = new ManualClock(T);
    await ses.clear();
  });

  async function user(email: string, status: 'active' | 'stopped' = 'active') {
    await store.createUser({
      email,
      timeZone: 'UTC',
      acks: 'new',
      status,
      createdAt: '2026-01-01T00:00:00Z',
    });
  }
  async function record(email: string, events: readonly OrderEvent[]) {
    await applyEvents(store, email, events, { messageId: null, recordedAt: T }, ctx);
  }
  function run(s: Store = store, mailer: Mailer = new SesMailer(ses.client)): Promise<RemindReport> {
    return remindRun(remindDeps(s, mailer, clock));
  }
  async function sentSubjects(): Promise<string[]> {
    return (await ses.sent()).map((m) => m.subject);
  }

  it('reads the due orders of every shard and nothing else', async () => {
    const due = Array.from({ length: 24 }, (_, i) => ({ email: userOf(i), id: orderId(i) }));
    const later = Array.from({ length: 24 }, (_, i) => ({ email: userOf(100 + i), id: orderId(100 + i) }));
    expect(new Set(due.map((o) => dueShardOf(o.email, o.id, 8))).size).toBe(8);
    for (const o of [...due, ...later]) await user(o.email);
    for (const o of due) await record(o.email, notShipped(o.id));
    for (const o of later) await record(o.email, recent(o.id));

    const { store: counted, counts } = countingStore(store);
    const report = await run(counted);
    expect(counts.calls.get('queryDue')).toBe(8);
    expect(counts.dueItems).toBe(24);
    expect(report.dueOrders).toBe(24);
    expect([...counts.ordersRead].sort()).toEqual(due.map((o) => `${o.email}/${o.id}`).sort());
    expect(report.mails).toHaveLength(24);
    expect(await sentSubjects()).toHaveLength(24);
    expect((await ses.sent()).every((m) => m.destination.to.length === 1)).toBe(true);

    // Sent: the orders move on to their next check, and the next run reads nothing.
    counts.reset();
    clock.advance(15 * MIN);
    expect((await run(counted)).dueOrders).toBe(0);
    expect(counts.ordersRead.size).toBe(0);
  });

  it('sends an alert once across two overlapping runs', async () => {
    await user(userOf(1));
    await record(userOf(1), notShipped(orderId(1)));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.mails.length + b.mails.length).toBe(1);
    expect(a.held + b.held + a.alreadySent + b.alreadySent).toBe(1);
    clock.advance(15 * MIN);
    const later = await run();
    expect(later.mails).toHaveLength(0);
    expect(await sentSubjects()).toEqual(['Order …0001 has not shipped: consider cancelling']);
    // Settled by then: nothing keeps the order due.
    clock.advance(15 * MIN);
    expect((await run()).dueOrders).toBe(0);
  });

  it('a crash between claim and send: held within the takeover window, then sent once', async () => {
    await user(userOf(2));
    await record(userOf(2), notShipped(orderId(2)));
    const crashed = await run(crashAfterClaim(store));
    expect(crashed.errors).toBe(1);
    expect(await sentSubjects()).toEqual([]);

    clock.advance(5 * MIN); // an overlapping or retried invocation: the claim is fresh, leave it
    const early = await run();
    expect(early).toMatchObject({ dueOrders: 1, held: 1, mails: [] });

    clock.advance(10 * MIN); // the next scheduled run: the claim is 15 minutes old, abandoned
    expect((await run()).mails).toHaveLength(1);
    clock.advance(15 * MIN);
    expect((await run()).mails).toHaveLength(0);
    expect(await sentSubjects()).toHaveLength(1);
  });

  it('SES failing once: the next run sends it, once', async () => {
    await user(userOf(3));
    await record(userOf(3), notShipped(orderId(3)));
    const failing = new FailingMailer(new SesMailer(ses.client), 1);
    const first = await run(store, failing);
    expect(first).toMatchObject({ failed: 1, mails: [] });
    expect((await store.getOrder(userOf(3), orderId(3)))?.nextCheckAt).toBe(T); // still due
    clock.advance(15 * MIN);
    expect((await run(store, failing)).mails).toHaveLength(1);
    clock.advance(15 * MIN);
    expect((await run(store, failing)).mails).toHaveLength(0);
    expect(await sentSubjects()).toHaveLength(1);
  });

  it('a muted order and a stopped user get nothing; the stopped user leaves the index', async () => {
    await user(userOf(4));
    await record(userOf(4), notShipped(orderId(4)));
    await refreshOrder(store, userOf(4), orderId(4), ctx, { muted: true });
    await user(userOf(5), 'stopped');
    await record(userOf(5), notShipped(orderId(5)));

    const report = await run();
    expect(report).toMatchObject({ dueOrders: 1, parked: 1, mails: [] });
    clock.advance(15 * MIN);
    expect((await run()).dueOrders).toBe(0);
    expect(await sentSubjects()).toEqual([]);
  });

  it('two orders of one user due in one run: one digest, most urgent first', async () => {
    await user(userOf(6));
    await record(userOf(6), notShipped(orderId(6)));
    await record(userOf(6), lapsing(orderId(7)));
    const report = await run();
    expect(report.mails).toHaveLength(1);
    expect(report.mails[0]?.alerts.map((a) => a.code)).toEqual(['A3', 'A1']);
    const [mail] = await ses.sent();
    expect(mail?.subject).toMatch(
      /^2 AliExpress deadlines. First: Open a dispute for order …0007 by Fri 13 Mar/,
    );
    const text = mail?.body.text ?? '';
    expect(text.indexOf('…0007')).toBeLessThan(text.indexOf('…0006'));
  });

  it('stops before the time runs out and leaves the rest due', async () => {
    for (const n of [8, 9]) {
      await user(userOf(n));
      await record(userOf(n), notShipped(orderId(n)));
    }
    let budget = 1; // time for one user, then the reserve is reached
    const report = await remindRun(remindDeps(store, new SesMailer(ses.client), clock), {
      remainingMs: () => (budget > 0 ? 60_000 : 1_000),
      concurrency: 1,
      log: (e) => {
        if (e.msg === 'alert mail sent') budget -= 1;
      },
    });
    expect(report).toMatchObject({ dueOrders: 2, left: 1 });
    clock.advance(15 * MIN);
    expect((await run()).mails).toHaveLength(1);
    expect(await sentSubjects()).toHaveLength(2);
  });
});

describe('the alert mail, read back from the raw message', () => {
  let emulator: DynamoEmulator;
  let outbox: string;

  beforeAll(async () => {
    emulator = await startDynalite();
    outbox = await mkdtemp(join(tmpdir(), 'orderwatch-remind-'));
  });
  afterAll(async () => {
    await emulator?.stop();
    await rm(outbox, { recursive: true, force: true });
  });

  it('has the automatic-mail headers, text and HTML parts and an .ics with the deadline', async () => {
    const store = new DynamoStore(emulator.client, { tableName: await createTable(emulator.client) });
    const email = 'ana@example.org';
    await store.createUser({ email, timeZone: 'Europe/Berlin', acks: 'new', status: 'active', createdAt: T });
    await applyEvents(store, email, lapsing(orderId(7)), { messageId: null, recordedAt: T }, ctx);
    const mailer = new RecordingMailer(new OutboxMailer(outbox));
    const report = await remindRun(remindDeps(store, mailer, new ManualClock(T)));
    expect(report.mails).toHaveLength(1);

    const [entry] = await new OutboxMailer(outbox).list();
    const parsed = await simpleParser(entry?.raw ?? Buffer.alloc(0));
    expect(parsed.from?.value).toEqual([{ name: 'orderwatch', address: OUR_ADDRESS }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : []).toEqual([
      email,
    ]);
    expect(parsed.cc).toBeUndefined();
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(entry?.raw.toString('latin1')).toMatch(
      /^List-Unsubscribe: <mailto:watch@example\.org\?subject=stop>\r$/m,
    );
    expect(parsed.subject).toBe('Open a dispute for order …0007 by Fri 13 Mar');
    expect(parsed.text).toContain('dispute 0007');
    expect(parsed.html).toMatch(/<html/i);
    expect(parsed.html).not.toMatch(/<img[^>]+src="http/i);

    expect(parsed.attachments).toHaveLength(1);
    const ics = parsed.attachments[0];
    expect(ics?.contentType).toBe('text/calendar');
    const body = ics?.content.toString('utf8').replace(/\r\n[ \t]/g, '') ?? '';
    expect(body).toMatch(/^METHOD:PUBLISH$/m);
    expect(body).toMatch(/^DTEND:20260313T100000Z$/m); // C1's end, 13 March 10:00 UTC
    expect(body.match(/BEGIN:VALARM/g)).toHaveLength(2);
    expect(body).toMatch(/^SUMMARY:Open a dispute for order …0007 by Fri 13 Mar$/m);
  });
});
