/**
 * The DynamoDB store against DynamoDB Local (what AWS runs, near enough) and dynalite (what local mode
 * runs): the same tests on both, each test on a fresh table.
 */
import { GetItemCommand, PutItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CorruptItemError, DynamoStore, dueShardOf } from '../../functions/aws/dynamo-store';
import type { OrderEvent } from '../../functions/core/events';
import { eventId } from '../../functions/core/rules/index';
import {
  type MailRecord,
  type OrderWrite,
  type StoredOrder,
  VersionConflictError,
} from '../../functions/ports';
import { TABLE_KEYS } from '../../functions/shared/table-keys';
import { type DynamoEmulator, startDynalite, startDynamoDbLocal } from './support/emulators';
import { createTable } from './support/table';

const USER = 'ana@example.org';
const ORDER = '8123456789012345';
const OTHER_ORDER = '8123456789010979';

const shipped: OrderEvent = {
  type: 'shipped',
  orderIds: [ORDER],
  occurredAt: '2026-03-02T08:00:00+01:00',
  source: { kind: 'mail', messageId: '<a1@aliexpress.com>', language: 'en', evidence: 'verified' },
  estimatedDelivery: '2026-03-20',
};
const placed: OrderEvent = {
  type: 'order_confirmed',
  orderIds: [ORDER],
  occurredAt: '2026-03-01T10:00:00Z',
  source: { kind: 'mail', messageId: '<a0@aliexpress.com>', language: 'en', evidence: 'verified' },
  amount: { value: 12.5, currency: 'EUR' },
};

function order(overrides: Partial<OrderWrite> = {}): OrderWrite {
  return {
    user: USER,
    orderId: ORDER,
    status: 'shipped',
    muted: false,
    nextCheckAt: '2026-04-01T08:00:00.000Z',
    summary: {
      clocks: [{ id: 'C1', state: 'running', end: '2026-05-01T00:00:00.000Z', provenance: 'estimated' }],
      nextAlert: null,
    },
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

function mailRecord(overrides: Partial<MailRecord> = {}): MailRecord {
  return {
    user: USER,
    messageId: 'ses-0001',
    receivedAt: '2026-03-02T09:00:00.000Z',
    kind: 'aliexpress',
    reason: null,
    orderIds: [ORDER],
    trust: { verdict: 'trusted' },
    s3Key: 'incoming/ses-0001',
    state: 'received',
    reply: { state: 'none' },
    ...overrides,
  };
}

/** Reads, re-evaluates (here: counts), writes with the version read; retries on conflict. */
async function countWithRetry(store: DynamoStore, field: 'a' | 'b'): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.getOrder(USER, ORDER);
    const seen = current?.summary.nextAlert?.code ?? '';
    try {
      await store.putOrder(
        order({
          summary: {
            clocks: [],
            nextAlert: { code: `${seen}${field}`, kind: 'x', sendAt: '', deadline: '', provenance: 'stated' },
          },
        }),
        current?.version ?? null,
      );
      return attempt;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt > 20) throw error;
    }
  }
}

describe.each([
  ['DynamoDB Local', startDynamoDbLocal],
  ['dynalite', startDynalite],
] as const)('DynamoStore on %s', (_name, start) => {
  let emulator: DynamoEmulator;
  let store: DynamoStore;
  let table: string;

  beforeAll(async () => {
    emulator = await start();
  }, 90_000);
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(async () => {
    table = await createTable(emulator.client);
    store = new DynamoStore(emulator.client, { tableName: table, dueShardCount: 4 });
  });

  describe('users', () => {
    const profile = {
      email: USER,
      timeZone: 'Europe/Berlin',
      acks: 'new',
      status: 'active',
      createdAt: '2026-03-01T00:00:00.000Z',
    } as const;

    it('creates a profile once, reads it back, changes it', async () => {
      expect(await store.getUser(USER)).toBeNull();
      expect(await store.createUser(profile)).toBe(true);
      expect(await store.createUser({ ...profile, timeZone: 'UTC' })).toBe(false);
      expect(await store.getUser(USER)).toEqual(profile);
      expect(await store.updateUser(USER, { acks: 'none', status: 'stopped' })).toEqual({
        ...profile,
        acks: 'none',
        status: 'stopped',
      });
      expect(await store.updateUser('nobody@example.org', { acks: 'all' })).toBeNull();
    });

    it('keeps a pending delete request, replaces it, clears it, and refuses a malformed one', async () => {
      await store.createUser(profile);
      const pendingDelete = { nonce: 'n0nce-Of-Sixteen_chars', requestedAt: '2026-03-02T09:00:00.000Z' };
      expect(await store.updateUser(USER, { pendingDelete })).toEqual({ ...profile, pendingDelete });
      const again = { nonce: 'another-nonce-0123456', requestedAt: '2026-03-02T10:00:00.000Z' };
      expect(await store.updateUser(USER, { pendingDelete: again, acks: 'all' })).toEqual({
        ...profile,
        acks: 'all',
        pendingDelete: again,
      });
      expect(await store.updateUser(USER, { pendingDelete: null })).toEqual({ ...profile, acks: 'all' });
      await expect(
        store.updateUser(USER, { pendingDelete: { nonce: 'short', requestedAt: '2026-03-02T10:00:00Z' } }),
      ).rejects.toThrow(RangeError);
      await expect(
        store.updateUser(USER, {
          pendingDelete: { nonce: 'n0nce-Of-Sixteen_chars', requestedAt: 'yesterday' },
        }),
      ).rejects.toThrow(RangeError);
    });

    it('refuses a stored profile with half a delete request', async () => {
      await store.createUser(profile);
      await emulator.client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { [TABLE_KEYS.partitionKey]: { S: `USER#${USER}` }, [TABLE_KEYS.sortKey]: { S: 'PROFILE' } },
          UpdateExpression: 'SET deleteNonce = :n',
          ExpressionAttributeValues: { ':n': { S: 'n0nce-Of-Sixteen_chars' } },
        }),
      );
      await expect(store.getUser(USER)).rejects.toThrow(CorruptItemError);
    });

    it('counts replies against a daily cap that starts again the next day', async () => {
      await store.createUser(profile);
      const day1 = await Promise.all(
        [1, 2, 3, 4, 5].map(() => store.takeReplyAllowance(USER, '2026-03-02', 3)),
      );
      expect(day1.filter(Boolean)).toHaveLength(3);
      expect(await store.takeReplyAllowance(USER, '2026-03-03', 3)).toBe(true);
      // A late retry dated the day before cannot reset today's count.
      expect(await store.takeReplyAllowance(USER, '2026-03-02', 3)).toBe(false);
      expect(await store.takeReplyAllowance('nobody@example.org', '2026-03-03', 3)).toBe(false);
    });
  });

  describe('events', () => {
    it('appends an event once: the second append of the same event is a no-op', async () => {
      const meta = { messageId: 'ses-0001', recordedAt: '2026-03-02T09:00:00.000Z' };
      expect(await store.appendEvent(USER, ORDER, shipped, meta)).toBe(true);
      expect(
        await store.appendEvent(USER, ORDER, shipped, { ...meta, recordedAt: '2026-03-02T10:00:00.000Z' }),
      ).toBe(false);
      expect(await store.appendEvent(USER, ORDER, placed, meta)).toBe(true);
      const log = await store.eventsOf(USER, ORDER);
      expect(log.map((e) => e.event)).toEqual([placed, shipped]);
      expect(log[1]?.meta).toEqual(meta);
      expect(await store.eventsOf(USER, OTHER_ORDER)).toEqual([]);
    });

    it("keys an event by the engine's eventId: one item a fact, one more for a fact that differs", async () => {
      const meta = { messageId: 'ses-0002', recordedAt: '2026-03-02T09:00:00.000Z' };
      const other = { ...shipped, estimatedDelivery: '2026-03-21' };
      expect(eventId(other)).not.toBe(eventId(shipped));
      expect(await store.appendEvent(USER, ORDER, shipped, meta)).toBe(true);
      expect(await store.appendEvent(USER, ORDER, { ...shipped }, meta)).toBe(false);
      expect(await store.appendEvent(USER, ORDER, other, meta)).toBe(true);
    });

    it('refuses to hand out an event that does not validate', async () => {
      await emulator.client.send(
        new PutItemCommand({
          TableName: table,
          Item: {
            pk: { S: `USER#${USER}` },
            sk: { S: `ORDER#${ORDER}#EV#bad` },
            itemType: { S: 'event' },
            event: { S: JSON.stringify({ ...shipped, type: 'teleported' }) },
            recordedAt: { S: '2026-03-02T09:00:00.000Z' },
          },
        }),
      );
      await expect(store.eventsOf(USER, ORDER)).rejects.toThrow(CorruptItemError);
    });
  });

  describe('orders', () => {
    it('writes with a version condition and detects a conflict', async () => {
      expect(await store.getOrder(USER, ORDER)).toBeNull();
      const first = await store.putOrder(order(), null);
      expect(first.version).toBe(1);
      await expect(store.putOrder(order(), null)).rejects.toThrow(VersionConflictError);
      const second = await store.putOrder(order({ status: 'delivered' }), 1);
      expect(second.version).toBe(2);
      await expect(store.putOrder(order({ status: 'completed' }), 1)).rejects.toThrow(VersionConflictError);
      expect(await store.getOrder(USER, ORDER)).toEqual<StoredOrder>({
        ...order({ status: 'delivered' }),
        version: 2,
      });
    });

    it('two concurrent writers that retry on conflict both count', async () => {
      const attempts = await Promise.all([countWithRetry(store, 'a'), countWithRetry(store, 'b')]);
      const stored = await store.getOrder(USER, ORDER);
      expect(stored?.version).toBe(2);
      expect([...(stored?.summary.nextAlert?.code ?? '')].sort()).toEqual(['a', 'b']);
      expect(Math.max(...attempts)).toBeGreaterThanOrEqual(1);
    });

    it('lists the orders of a user, not their events', async () => {
      await store.putOrder(order(), null);
      await store.putOrder(order({ orderId: OTHER_ORDER, nextCheckAt: null }), null);
      await store.appendEvent(USER, ORDER, shipped, {
        messageId: null,
        recordedAt: '2026-03-02T09:00:00.000Z',
      });
      const orders = await store.listOrders(USER);
      expect(orders.map((o) => o.orderId).sort()).toEqual([OTHER_ORDER, ORDER].sort());
      expect(orders.find((o) => o.orderId === OTHER_ORDER)?.nextCheckAt).toBeNull();
    });

    it('keeps an order out of the due index while it has no check time', async () => {
      await store.putOrder(order(), null);
      await store.putOrder(order({ nextCheckAt: null }), 1);
      const { Item } = await emulator.client.send(
        new GetItemCommand({
          TableName: table,
          Key: { pk: { S: `USER#${USER}` }, sk: { S: `ORDER#${ORDER}` } },
        }),
      );
      expect(Item?.[TABLE_KEYS.nextCheckAt]).toBeUndefined();
      expect(Item?.[TABLE_KEYS.dueShard]).toBeUndefined();
      for (let shard = 0; shard < store.dueShardCount; shard += 1) {
        expect((await store.queryDue(shard, '2100-01-01T00:00:00.000Z', null)).orders).toEqual([]);
      }
    });
  });

  describe('the due index', () => {
    it('returns only the due orders of one shard, soonest first, page by page', async () => {
      const base = Date.parse('2026-04-01T00:00:00.000Z');
      const ids = Array.from({ length: 40 }, (_, i) => `81234567890${String(10_000 + i).padStart(5, '0')}`);
      await Promise.all(
        ids.map((orderId, i) =>
          store.putOrder(
            order({ orderId, nextCheckAt: new Date(base + ((i * 7) % 40) * 3_600_000).toISOString() }),
            null,
          ),
        ),
      );
      const until = new Date(base + 19 * 3_600_000).toISOString();
      const seen: string[] = [];
      for (let shard = 0; shard < store.dueShardCount; shard += 1) {
        const expected = ids
          .map((orderId, i) => ({ orderId, at: new Date(base + ((i * 7) % 40) * 3_600_000).toISOString() }))
          .filter((o) => dueShardOf(USER, o.orderId, store.dueShardCount) === shard && o.at <= until)
          .sort((a, b) => a.at.localeCompare(b.at));
        const got: { orderId: string; nextCheckAt: string }[] = [];
        let token: string | null = null;
        let pages = 0;
        do {
          const page = await store.queryDue(shard, until, token, 2);
          expect(page.orders.length).toBeLessThanOrEqual(2);
          for (const o of page.orders) {
            expect(o.user).toBe(USER);
            got.push({ orderId: o.orderId, nextCheckAt: o.nextCheckAt });
          }
          token = page.nextPageToken;
          pages += 1;
        } while (token !== null);
        expect(got).toEqual(expected.map((o) => ({ orderId: o.orderId, nextCheckAt: o.at })));
        if (expected.length > 2) expect(pages).toBeGreaterThan(1);
        seen.push(...got.map((o) => o.orderId));
      }
      // Every due order is in exactly one shard; nothing after `until` is read.
      expect(seen.sort()).toEqual(ids.filter((_, i) => (i * 7) % 40 <= 19).sort());
    });
  });

  describe('mail records', () => {
    it('records a mail once and moves its state only forward', async () => {
      const ref = { user: USER, messageId: 'ses-0001' };
      expect(await store.createMailRecord(mailRecord())).toBe(true);
      expect(await store.createMailRecord(mailRecord({ kind: 'command' }))).toBe(false);
      await store.advanceMail(ref, 'applied');
      await store.advanceMail(ref, 'done');
      await store.advanceMail(ref, 'applied'); // a late retry of an earlier step
      expect((await store.getMailRecord(ref))?.state).toBe('done');
      await expect(store.advanceMail({ user: USER, messageId: 'ses-none' }, 'done')).rejects.toThrow(
        /no mail record/,
      );
    });

    it('keeps mail of unknown senders apart, with the reason it was rejected', async () => {
      const rejected = mailRecord({
        user: null,
        messageId: 'ses-0002',
        kind: null,
        orderIds: [],
        trust: { verdict: 'rejected', reason: 'sender not on the allowlist' },
        state: 'done',
        expiresAt: 1_800_000_000,
      });
      await store.createMailRecord(rejected);
      expect(await store.getMailRecord({ user: null, messageId: 'ses-0002' })).toEqual(rejected);
      expect(await store.listMailRecords(null)).toEqual([rejected]);
      expect(await store.listMailRecords(USER)).toEqual([]);
    });

    it('claims the reply, may claim it again until sent, never after', async () => {
      const ref = { user: USER, messageId: 'ses-0001' };
      await store.createMailRecord(mailRecord());
      expect(await store.claimReply(ref, '2026-03-02T09:00:01.000Z')).toBe(true);
      expect(await store.claimReply(ref, '2026-03-02T09:05:00.000Z')).toBe(true); // the crash window
      await store.completeReply(ref, '2026-03-02T09:05:01.000Z', 'ses-out-1');
      expect(await store.claimReply(ref, '2026-03-02T09:06:00.000Z')).toBe(false);
      expect((await store.getMailRecord(ref))?.reply).toEqual({
        state: 'sent',
        sentAt: '2026-03-02T09:05:01.000Z',
        messageId: 'ses-out-1',
      });
    });
  });

  describe('alerts', () => {
    const ref = { user: USER, orderId: ORDER, alertKey: `${ORDER}:open-dispute:2026-04-01T00:00:00.000Z:7d` };

    it('claims an alert once; a stale claim is taken over; a sent alert stays sent', async () => {
      const claims = await Promise.all([
        store.claimAlert(ref, '2026-03-25T08:00:00.000Z', '2026-03-25T07:45:00.000Z'),
        store.claimAlert(ref, '2026-03-25T08:00:00.000Z', '2026-03-25T07:45:00.000Z'),
      ]);
      expect(claims.map((c) => c.outcome).sort()).toEqual(['claimed', 'held']);
      // Fifteen minutes later the first claim is taken as abandoned.
      expect(await store.claimAlert(ref, '2026-03-25T08:15:00.000Z', '2026-03-25T08:05:00.000Z')).toEqual({
        outcome: 'claimed',
      });
      await store.completeAlert(ref, '2026-03-25T08:15:01.000Z', 'ses-out-2');
      expect(await store.claimAlert(ref, '2026-03-26T08:00:00.000Z', '2026-03-26T07:50:00.000Z')).toEqual({
        outcome: 'sent',
        sentAt: '2026-03-25T08:15:01.000Z',
      });
    });
  });

  describe('deleting a user', () => {
    it('leaves no item in the user partition and touches no one else', async () => {
      await store.createUser({
        email: USER,
        timeZone: 'UTC',
        acks: 'all',
        status: 'active',
        createdAt: '2026-03-01T00:00:00.000Z',
      });
      await store.putOrder(order(), null);
      await store.appendEvent(USER, ORDER, shipped, {
        messageId: null,
        recordedAt: '2026-03-02T09:00:00.000Z',
      });
      await store.createMailRecord(mailRecord());
      await store.claimAlert({ user: USER, orderId: ORDER, alertKey: 'k' }, '2026-03-02T09:00:00.000Z', '');
      for (let i = 0; i < 30; i += 1) {
        await store.appendEvent(
          USER,
          ORDER,
          {
            ...shipped,
            occurredAt: `2026-03-${String(3 + (i % 20)).padStart(2, '0')}T08:00:00Z`,
            parcelId: `P${i}`,
          },
          { messageId: null, recordedAt: '2026-03-02T09:00:00.000Z' },
        );
      }
      await store.putOrder(order({ user: 'bo@example.org' }), null);

      expect(await store.deleteUser(USER)).toBe(35);
      const { Items } = await emulator.client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: `USER#${USER}` } },
        }),
      );
      expect(Items).toEqual([]);
      expect(await store.getOrder('bo@example.org', ORDER)).not.toBeNull();
      expect(await store.deleteUser(USER)).toBe(0);
    });
  });
});
