/**
 * The command handler on the emulators (DynamoDB Local and dynalite; raw mail in a FolderMailSource), no
 * SDK mocks: every command, each with a wrong form; facts land in the log with source `command` and move
 * the order's evaluation; mute, tz and the delete round-trip change what is stored.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../functions/aws/dynamo-store';
import { ManualClock } from '../../functions/clock';
import type { EventType, OrderEvent } from '../../functions/core/events';
import { DEFAULT_POLICY, type OrderStatus } from '../../functions/core/rules';
import { handleCommand } from '../../functions/handlers/commands';
import type { HandlerDeps } from '../../functions/handlers/deps';
import { applyEvents } from '../../functions/handlers/orders';
import { FolderMailSource } from '../../functions/local/folder-mail-source';
import { OutboxMailer } from '../../functions/local/outbox-mailer';
import type { UserProfile } from '../../functions/ports';
import { TABLE_KEYS } from '../../functions/shared/table-keys';
import { type DynamoEmulator, startDynalite, startDynamoDbLocal } from './support/emulators';
import { createTable } from './support/table';

const USER = 'ana@example.org';
const A = '8123456789010979';
const NOW = '2026-03-20T10:00:00.000Z';
const BERLIN = 'Europe/Berlin';

const mailFact = (type: EventType, occurredAt: string): OrderEvent => ({
  type,
  orderIds: [A],
  occurredAt,
  source: { kind: 'mail', messageId: `<${type}@aliexpress.com>`, language: 'en', evidence: 'verified' },
});

describe.each([
  ['DynamoDB Local', startDynamoDbLocal],
  ['dynalite', startDynalite],
] as const)('commands on %s', (_name, start) => {
  let emulator: DynamoEmulator;
  let table: string;
  let folder: string;
  let deps: HandlerDeps;
  let clock: ManualClock;
  let sequence = 0;

  beforeAll(async () => {
    emulator = await start();
  }, 90_000);
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(async () => {
    table = await createTable(emulator.client);
    folder = await mkdtemp(join(tmpdir(), 'orderwatch-commands-'));
    clock = new ManualClock(NOW);
    const store = new DynamoStore(emulator.client, { tableName: table, dueShardCount: 2 });
    deps = {
      store,
      mailer: new OutboxMailer(join(folder, 'outbox'), clock),
      mailSource: new FolderMailSource(join(folder, 'mail')),
      clock,
      config: {
        address: 'watch@example.org',
        fromName: 'orderwatch',
        allow: [USER],
        defaultTimeZone: 'UTC',
        policy: DEFAULT_POLICY,
        dailyReplyCap: 50,
        maxMailBytes: 1_000_000,
      },
    };
    await store.createUser({ email: USER, timeZone: BERLIN, acks: 'new', status: 'active', createdAt: NOW });
    // Order A: paid 1 March, shipped 2 March, read from mail.
    await applyEvents(
      store,
      USER,
      [
        mailFact('order_confirmed', '2026-03-01T10:00:00+01:00'),
        mailFact('shipped', '2026-03-02T08:00:00+01:00'),
      ],
      { messageId: 'ses-shipped', recordedAt: '2026-03-02T08:05:00.000Z' },
      { now: '2026-03-02T08:05:00.000Z', timeZone: BERLIN, policy: DEFAULT_POLICY },
    );
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function profile(): Promise<UserProfile> {
    const p = await deps.store.getUser(USER);
    if (p === null) throw new Error('no profile');
    return p;
  }

  /** Sends one command line as a fresh mail; returns the reply. */
  async function send(line: string) {
    sequence += 1;
    const reply = await handleCommand(deps, {
      user: USER,
      profile: await profile(),
      messageId: `ses-cmd-${sequence}`,
      mailMessageId: `<cmd-${sequence}@example.org>`,
      line,
      now: clock.now(),
    });
    if (reply === null) throw new Error(`no reply to ${line}`);
    expect(reply.purpose).toBe('command-reply');
    expect(reply.inReplyToUser).toBe(true);
    return reply;
  }

  const order = async () => {
    const o = await deps.store.getOrder(USER, A);
    if (o === null) throw new Error('no order');
    return o;
  };
  const eventCount = async () => (await deps.store.eventsOf(USER, A)).length;

  it('help lists every command; help with a topic shows that one', async () => {
    expect((await send('help')).text).toContain('resolved <order> won|partial|lost [date]');
    const one = await send('help refund');
    expect(one.text).toContain('refund <order> [card|alipay|other] [date]');
    expect(one.text).not.toContain('tz <IANA time zone>');
  });

  it('status shows the open order with its deadlines; a wrong form is answered with the right one', async () => {
    const reply = await send('status');
    expect(reply.subject).toBe('Your orders: 1 open');
    expect(reply.text).toContain('Order …0979');
    expect(reply.text).toContain('purchase protection ends about');
    expect((await send('status 12')).subject).toBe('Not understood: status [order]');
  });

  // Each fact command from the same starting point (shipped order): the event it records, and the
  // order's status once the engine has folded it in.
  const facts: [string, EventType, OrderStatus][] = [
    ['paid 0979 1.3.2026', 'payment_confirmed', 'shipped'],
    ['delivered 0979', 'delivered', 'delivered'],
    ['received 0979 18.3.2026', 'receipt_confirmed', 'completed'],
    ['closed 0979', 'order_closed', 'closed'],
    ['cancelled 0979', 'order_cancelled', 'cancelled'],
    ['dispute 0979', 'dispute_opened', 'disputed'],
    ['answered 0979', 'seller_responded', 'disputed'],
    ['escalated 0979', 'dispute_escalated', 'escalated'],
    ['negotiation 0979 25.3.2026', 'negotiation_deadline', 'disputed'],
    ['withdrawn 0979', 'dispute_cancelled', 'shipped'],
    ['resolved 0979 won', 'dispute_closed', 'dispute_closed'],
    ['refund 0979 card', 'refund_issued', 'refunding'],
    ['refunded 0979', 'refund_received', 'refunded'],
    ['protection 0979 20.4.2026', 'protection_stated', 'shipped'],
    ['extend 0979 15', 'protection_extended', 'shipped'],
  ];

  it.each(facts)(
    '%s records %s with source command and re-evaluates the order',
    async (line, type, status) => {
      // A dispute is withdrawn only after it was opened (typed by hand here, so the command's event is
      // the only one with source `command`).
      if (type === 'dispute_cancelled') {
        await applyEvents(
          deps.store,
          USER,
          [{ ...mailFact('dispute_opened', '2026-03-15T09:00:00+01:00'), source: { kind: 'manual' } }],
          { messageId: null, recordedAt: NOW },
          { now: NOW, timeZone: BERLIN, policy: DEFAULT_POLICY },
        );
      }
      const before = await order();
      const reply = await send(line);
      expect(reply.subject).toMatch(/^Recorded: /);
      const log = await deps.store.eventsOf(USER, A);
      const recorded = log.filter((e) => e.event.source.kind === 'command');
      expect(recorded).toHaveLength(1);
      expect(recorded[0]?.event.type).toBe(type);
      expect(recorded[0]?.event.source).toEqual({
        kind: 'command',
        messageId: `<cmd-${sequence}@example.org>`,
      });
      expect(recorded[0]?.meta).toEqual({ messageId: `ses-cmd-${sequence}`, recordedAt: NOW });
      const after = await order();
      expect(after.status).toBe(status);
      expect(after.version).toBeGreaterThan(before.version);
      // Every fact changes what the engine derives: the status, or the clocks' ends and provenance.
      expect({ status: after.status, summary: after.summary }).not.toEqual({
        status: before.status,
        summary: before.summary,
      });
    },
  );

  it('a stated protection end makes C1 stated; refunded takes the order out of the due index', async () => {
    await send('protection 0979 20.4.2026');
    expect((await order()).summary.clocks.find((c) => c.id === 'C1')?.provenance).toBe('stated');
    await send('refunded 0979');
    expect((await order()).nextCheckAt).toBeNull();
  });

  const wrong: [string, string][] = [
    ['paid', 'paid <order> [date]'],
    ['delivered 0979 someday', 'delivered <order> [date]'],
    ['received 0979 30.3.2026', 'received <order> [date]'],
    ['closed 7777', 'closed <order> [date]'],
    ['cancelled x', 'cancelled <order> [date]'],
    ['dispute 0979 31.2.2026', 'dispute <order> [date]'],
    ['answered', 'answered <order> [date]'],
    ['escalated 0979 next week', 'escalated <order> [date]'],
    ['negotiation 0979', 'negotiation <order> <date>'],
    ['withdrawn 12', 'withdrawn <order> [date]'],
    ['resolved 0979 maybe', 'resolved <order> won|partial|lost [date]'],
    ['refund 0979 paypal', 'refund <order> [card|alipay|other] [date]'],
    ['refunded 0979 later', 'refunded <order> [date]'],
    ['protection 0979', 'protection <order> <date>'],
    ['extend 0979 soon', 'extend <order> <days|date>'],
    ['mute 7777', 'mute <order>'],
    ['unmute', 'unmute <order>'],
    ['tz Mars/Olympus', 'tz <IANA time zone>'],
    ['acks some', 'acks all|new|none'],
    ['delete 0979', 'delete [token]'],
  ];

  it.each(wrong)('%s: says what was wrong, shows the right form, changes nothing', async (line, usage) => {
    const before = { order: await order(), events: await eventCount(), profile: await profile() };
    const reply = await send(line);
    expect(reply.subject).toBe(`Not understood: ${usage}`);
    expect(reply.text).toContain(`The right form:\n\n    ${usage}`);
    expect({ order: await order(), events: await eventCount(), profile: await profile() }).toEqual(before);
  });

  it('a line that is no command at all points to help', async () => {
    const reply = await send('frobnicate 0979');
    expect(reply.subject).toBe('Not understood');
    expect(reply.text).toContain('Reply `help`');
  });

  it('mute takes the order out of the due index; unmute puts it back', async () => {
    const due = (await order()).nextCheckAt;
    expect(due).not.toBeNull();
    expect((await send('mute 0979')).subject).toBe('Muted order …0979');
    expect(await order()).toMatchObject({ muted: true, nextCheckAt: null });
    await send('unmute 0979');
    expect(await order()).toMatchObject({ muted: false, nextCheckAt: due });
  });

  it('tz sets a valid zone and moves the next check with it', async () => {
    const before = (await order()).nextCheckAt;
    const reply = await send('tz america/los_angeles');
    expect(reply.subject).toBe('Time zone set to America/Los_Angeles');
    expect((await profile()).timeZone).toBe('America/Los_Angeles');
    const after = (await order()).nextCheckAt;
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it('acks and stop/start change the profile', async () => {
    for (const mode of ['all', 'none', 'new'] as const) {
      await send(`acks ${mode}`);
      expect((await profile()).acks).toBe(mode);
    }
    await send('stop please');
    expect((await profile()).status).toBe('stopped');
    expect((await send('status')).text).toContain('stopped (reply `start`)');
    await send('start');
    expect((await profile()).status).toBe('active');
  });

  describe('delete', () => {
    async function storeMail(messageId: string) {
      const source = deps.mailSource as FolderMailSource;
      await source.put(messageId, new TextEncoder().encode(`Subject: ${messageId}\r\n\r\nbody\r\n`));
      await deps.store.createMailRecord({
        user: USER,
        messageId,
        receivedAt: NOW,
        kind: 'aliexpress',
        reason: null,
        orderIds: [A],
        trust: { verdict: 'trusted' },
        s3Key: `incoming/${messageId}`,
        state: 'done',
        reply: { state: 'none' },
      });
    }

    const tokenOf = (text: string) => /^ {4}delete (\S+)$/m.exec(text)?.[1] ?? '';
    const partition = async () =>
      (
        await emulator.client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
            ExpressionAttributeValues: { ':pk': { S: `USER#${USER}` } },
          }),
        )
      ).Items ?? [];

    it('asks first, then erases every item and every raw mail', async () => {
      await storeMail('ses-shipped');
      await storeMail('ses-other');
      const ask = await send('delete');
      expect(ask.subject).toBe('Confirm: delete everything orderwatch holds for you');
      const token = tokenOf(ask.text);
      expect(token).toMatch(/^[0-9A-Z]{8}$/);
      expect((await partition()).length).toBeGreaterThan(3);

      clock.advance(23 * 3_600_000);
      const done = await send(`delete ${token.toLowerCase().replace(/^(.{4})/, '$1-')}`);
      expect(done.subject).toBe('orderwatch deleted everything it held for you');
      expect(await partition()).toEqual([]);
      expect(await readdir(join(folder, 'mail'))).toEqual([]);
    });

    it('refuses a stale token, a wrong one, and one never asked for', async () => {
      const refused = 'Nothing deleted';
      expect((await send('delete ABCD2345')).text).toContain('no delete request');
      const token = tokenOf((await send('delete')).text);
      expect((await send('delete ABCD2345')).subject).toBe(refused);
      // A second request replaces the first: its token no longer works.
      const newer = tokenOf((await send('delete')).text);
      const old = await send(`delete ${token}`);
      expect(old.text).toContain('does not match');
      clock.advance(24 * 3_600_000 + 1);
      const stale = await send(`delete ${newer}`);
      expect(stale.subject).toBe(refused);
      expect(stale.text).toContain('expired');
      expect(await deps.store.getUser(USER)).not.toBeNull();
      expect(await order()).toBeTruthy();
    });
  });
});
