/**
 * The `Store` port on DynamoDB: one table, three kinds of items, each kind's requests in its own file
 * (`dynamo-users.ts`, `dynamo-mail-records.ts`, `dynamo-orders.ts`; their items in `dynamo-items.ts`).
 * This class only puts them behind the one port the handlers use.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { OrderEvent } from '../core/events';
import type {
  AlertClaim,
  AlertRef,
  DuePage,
  EventMeta,
  MailReadingUpdate,
  MailRecord,
  MailRef,
  MailState,
  OrderWrite,
  Store,
  StoredEvent,
  StoredOrder,
  UserChanges,
  UserProfile,
} from '../ports';
import { DEFAULT_DUE_SHARDS } from './dynamo-items';
import { DynamoMailRecords } from './dynamo-mail-records';
import { DynamoOrders } from './dynamo-orders';
import { DynamoUsers } from './dynamo-users';

export {
  CorruptItemError,
  DEFAULT_DUE_SHARDS,
  DELETE_NONCE,
  dueShardOf,
  InvalidPageTokenError,
  MailRecordNotFoundError,
} from './dynamo-items';

export interface DynamoStoreOptions {
  readonly tableName: string;
  /** Shards of the `due` index; changing it for a live table strands orders in shards no longer read. */
  readonly dueShardCount?: number;
}

export class DynamoStore implements Store {
  readonly dueShardCount: number;
  private readonly users: DynamoUsers;
  private readonly mail: DynamoMailRecords;
  private readonly orders: DynamoOrders;

  constructor(client: DynamoDBClient, options: DynamoStoreOptions) {
    this.dueShardCount = options.dueShardCount ?? DEFAULT_DUE_SHARDS;
    if (!Number.isInteger(this.dueShardCount) || this.dueShardCount < 1) {
      throw new RangeError(`dueShardCount must be a whole number ≥ 1, got ${this.dueShardCount}`);
    }
    this.users = new DynamoUsers(client, options.tableName);
    this.mail = new DynamoMailRecords(client, options.tableName);
    this.orders = new DynamoOrders(client, options.tableName, this.dueShardCount);
  }

  // ── users ──

  getUser(email: string): Promise<UserProfile | null> {
    return this.users.getUser(email);
  }
  createUser(profile: UserProfile): Promise<boolean> {
    return this.users.createUser(profile);
  }
  updateUser(email: string, changes: UserChanges): Promise<UserProfile | null> {
    return this.users.updateUser(email, changes);
  }
  takeReplyAllowance(email: string, day: string, cap: number, replyKey?: string): Promise<boolean> {
    return this.users.takeReplyAllowance(email, day, cap, replyKey);
  }
  deleteUser(email: string): Promise<number> {
    return this.users.deleteUser(email);
  }
  listUsers(): Promise<readonly string[]> {
    return this.users.listUsers();
  }

  // ── mail records ──

  createMailRecord(record: MailRecord): Promise<boolean> {
    return this.mail.createMailRecord(record);
  }
  getMailRecord(ref: MailRef): Promise<MailRecord | null> {
    return this.mail.getMailRecord(ref);
  }
  listMailRecords(user: string | null): Promise<readonly MailRecord[]> {
    return this.mail.listMailRecords(user);
  }
  recordReading(ref: MailRef, reading: MailReadingUpdate): Promise<void> {
    return this.mail.recordReading(ref, reading);
  }
  advanceMail(ref: MailRef, state: MailState): Promise<void> {
    return this.mail.advanceMail(ref, state);
  }
  claimReply(ref: MailRef, at: string): Promise<boolean> {
    return this.mail.claimReply(ref, at);
  }
  completeReply(ref: MailRef, sentAt: string, messageId: string): Promise<void> {
    return this.mail.completeReply(ref, sentAt, messageId);
  }

  // ── orders, their events, the due index, alerts ──

  appendEvent(user: string, orderId: string, event: OrderEvent, meta: EventMeta): Promise<boolean> {
    return this.orders.appendEvent(user, orderId, event, meta);
  }
  eventsOf(user: string, orderId: string): Promise<readonly StoredEvent[]> {
    return this.orders.eventsOf(user, orderId);
  }
  getOrder(user: string, orderId: string): Promise<StoredOrder | null> {
    return this.orders.getOrder(user, orderId);
  }
  putOrder(order: OrderWrite, expectedVersion: number | null): Promise<StoredOrder> {
    return this.orders.putOrder(order, expectedVersion);
  }
  listOrders(user: string): Promise<readonly StoredOrder[]> {
    return this.orders.listOrders(user);
  }
  queryDue(shard: number, until: string, pageToken: string | null, limit?: number): Promise<DuePage> {
    return this.orders.queryDue(shard, until, pageToken, limit);
  }
  claimAlert(ref: AlertRef, at: string, takeOverBefore: string): Promise<AlertClaim> {
    return this.orders.claimAlert(ref, at, takeOverBefore);
  }
  completeAlert(ref: AlertRef, sentAt: string, messageId: string): Promise<void> {
    return this.orders.completeAlert(ref, sentAt, messageId);
  }
}
