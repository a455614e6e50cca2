import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateItemCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import * as v from 'valibot';
import { isIsoInstant, type OrderEvent } from '../core/events';
import { eventId } from '../core/rules';
import {
  type AlertClaim,
  type AlertRef,
  type DuePage,
  type EventMeta,
  MAIL_STATES,
  type MailReadingUpdate,
  type MailRecord,
  type MailRef,
  type MailState,
  type OrderWrite,
  type Store,
  type StoredEvent,
  type StoredOrder,
  type UserChanges,
  type UserProfile,
  VersionConflictError,
} from '../ports';

import {
  AlertItem,
  alertSk,
  compare,
  conditional,
  DEFAULT_DUE_SHARDS,
  DELETE_NONCE,
  DUE_SHARD,
  DueKeyItem,
  decodePageToken,
  dueIndexName,
  dueShardOf,
  EXPIRES_AT,
  encodePageToken,
  eventPrefix,
  type Item,
  isConditionFailure,
  KeyItem,
  key,
  MailRecordNotFoundError,
  mailPk,
  mailSk,
  N,
  NEXT_CHECK_AT,
  orderSk,
  PK,
  PROFILE_SK,
  ProfileItem,
  parseItem,
  replyAttributes,
  S,
  SK,
  toMailRecord,
  toStoredEvent,
  toStoredOrder,
  userPk,
} from './dynamo-items';

export {
  CorruptItemError,
  DEFAULT_DUE_SHARDS,
  DELETE_NONCE,
  dueShardOf,
  InvalidPageTokenError,
  MailRecordNotFoundError,
} from './dynamo-items';
// ─── the store ──────────────────────────────────────────────────────────────────────────────────────────

export interface DynamoStoreOptions {
  readonly tableName: string;
  /** Shards of the `due` index; changing it for a live table strands orders in shards no longer read. */
  readonly dueShardCount?: number;
}

export class DynamoStore implements Store {
  readonly dueShardCount: number;
  private readonly table: string;

  constructor(
    private readonly client: DynamoDBClient,
    options: DynamoStoreOptions,
  ) {
    this.table = options.tableName;
    this.dueShardCount = options.dueShardCount ?? DEFAULT_DUE_SHARDS;
    if (!Number.isInteger(this.dueShardCount) || this.dueShardCount < 1) {
      throw new RangeError(`dueShardCount must be a whole number ≥ 1, got ${this.dueShardCount}`);
    }
  }

  // ── users ──

  async getUser(email: string): Promise<UserProfile | null> {
    const item = await this.get(userPk(email), PROFILE_SK);
    return item ? parseItem(ProfileItem, item) : null;
  }

  async createUser(profile: UserProfile): Promise<boolean> {
    return conditional(() =>
      this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            ...key(userPk(profile.email), PROFILE_SK),
            itemType: S('profile'),
            email: S(profile.email),
            timeZone: S(profile.timeZone),
            acks: S(profile.acks),
            status: S(profile.status),
            createdAt: S(profile.createdAt),
            ...(profile.pendingDelete
              ? {
                  deleteNonce: S(profile.pendingDelete.nonce),
                  deleteRequestedAt: S(profile.pendingDelete.requestedAt),
                }
              : {}),
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      ),
    );
  }

  async updateUser(email: string, changes: UserChanges): Promise<UserProfile | null> {
    const names: Record<string, string> = { '#pk': PK };
    const values: Item = {};
    const sets: string[] = [];
    const removes: string[] = [];
    const set = (field: string, value: string) => {
      names[`#${field}`] = field;
      values[`:${field}`] = S(value);
      sets.push(`#${field} = :${field}`);
    };
    for (const field of ['timeZone', 'acks', 'status'] as const) {
      const value = changes[field];
      if (value !== undefined) set(field, value);
    }
    const pending = changes.pendingDelete;
    if (pending === null) {
      names['#deleteNonce'] = 'deleteNonce';
      names['#deleteRequestedAt'] = 'deleteRequestedAt';
      removes.push('#deleteNonce', '#deleteRequestedAt');
    } else if (pending !== undefined) {
      // Refused here, not only on the way back: a bad nonce stored would make the profile unreadable.
      if (!DELETE_NONCE.test(pending.nonce) || !isIsoInstant(pending.requestedAt)) {
        throw new RangeError('pendingDelete needs a base64url nonce (16–128 characters) and an ISO instant');
      }
      set('deleteNonce', pending.nonce);
      set('deleteRequestedAt', pending.requestedAt);
    }
    if (sets.length === 0 && removes.length === 0) return this.getUser(email);
    const update = [
      sets.length > 0 ? `SET ${sets.join(', ')}` : '',
      removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '',
    ]
      .filter((part) => part !== '')
      .join(' ');
    try {
      const out = await this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(userPk(email), PROFILE_SK),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: names,
          ...(sets.length > 0 ? { ExpressionAttributeValues: values } : {}),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? parseItem(ProfileItem, out.Attributes) : this.getUser(email);
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  async takeReplyAllowance(email: string, day: string, cap: number, replyKey?: string): Promise<boolean> {
    if (cap < 1) return false;
    const Key = key(userPk(email), PROFILE_SK);
    const names = { '#pk': PK, '#day': 'replyDay', '#count': 'repliesToday', '#keys': 'replyKeys' };
    const keyed = replyKey !== undefined;
    const keyValues: Item = keyed ? { ':key': S(replyKey), ':keys': { SS: [replyKey] } } : {};
    // Two rounds: a concurrent caller may start the day between our two conditions.
    for (let round = 0; round < 2; round += 1) {
      const counted = await conditional(() =>
        this.client.send(
          new UpdateItemCommand({
            TableName: this.table,
            Key,
            UpdateExpression: `SET #count = #count + :one${keyed ? ' ADD #keys :keys' : ''}`,
            ConditionExpression: `attribute_exists(#pk) AND #day = :day AND #count < :cap${keyed ? ' AND NOT contains(#keys, :key)' : ''}`,
            ExpressionAttributeNames: keyed
              ? names
              : { '#pk': PK, '#day': 'replyDay', '#count': 'repliesToday' },
            ExpressionAttributeValues: { ':one': N(1), ':day': S(day), ':cap': N(cap), ...keyValues },
          }),
        ),
      );
      if (counted) return true;
      if (keyed) {
        // Already counted for this very reply today (a retry after a crash): allowed, not counted again.
        const item = await this.get(Key[PK]?.S ?? '', PROFILE_SK);
        if (item === null) return false;
        if (item.replyDay?.S === day && item.replyKeys?.SS?.includes(replyKey)) return true;
      }
      // A new day (days only move forward: a late retry dated yesterday cannot reset today's count).
      const started = await conditional(() =>
        this.client.send(
          new UpdateItemCommand({
            TableName: this.table,
            Key,
            UpdateExpression: `SET #day = :day, #count = :one${keyed ? ', #keys = :keys' : ' REMOVE #keys'}`,
            ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#day) OR #day < :day)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ':one': N(1),
              ':day': S(day),
              ...(keyed ? { ':keys': { SS: [replyKey] } } : {}),
            },
          }),
        ),
      );
      if (started) return true;
    }
    return false;
  }

  async deleteUser(email: string): Promise<number> {
    let deleted = 0;
    for await (const page of this.pages({
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
      ExpressionAttributeValues: { ':pk': S(userPk(email)) },
      ProjectionExpression: '#pk, #sk',
    })) {
      for (let i = 0; i < page.length; i += 25) {
        const batch = page.slice(i, i + 25).map((item) => {
          const k = parseItem(KeyItem, item);
          return { DeleteRequest: { Key: key(k[PK], k[SK]) } };
        });
        await this.writeBatch(batch);
        deleted += batch.length;
      }
    }
    return deleted;
  }

  async listUsers(): Promise<readonly string[]> {
    const users: string[] = [];
    let start: Item | undefined;
    do {
      const out = await this.client.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: '#sk = :profile',
          ExpressionAttributeNames: { '#sk': SK, '#email': 'email' },
          ExpressionAttributeValues: { ':profile': S(PROFILE_SK) },
          ProjectionExpression: '#email',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) users.push(parseItem(v.object({ email: v.string() }), item).email);
      start = out.LastEvaluatedKey;
    } while (start);
    return users.sort();
  }

  // ── mail records ──

  async createMailRecord(record: MailRecord): Promise<boolean> {
    const item: Item = {
      ...key(mailPk(record.user), mailSk(record.messageId)),
      itemType: S('mail'),
      messageId: S(record.messageId),
      receivedAt: S(record.receivedAt),
      orderIds: { L: record.orderIds.map(S) },
      trust: S(record.trust.verdict),
      s3Key: S(record.s3Key),
      state: S(record.state),
      ...replyAttributes(record.reply),
    };
    if (record.user !== null) item.user = S(record.user);
    if (record.kind !== null) item.kind = S(record.kind);
    if (record.reason !== null) item.reason = S(record.reason);
    if (record.trust.verdict === 'rejected') item.trustReason = S(record.trust.reason);
    if (record.expiresAt !== undefined) item[EXPIRES_AT] = N(record.expiresAt);
    return conditional(() =>
      this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      ),
    );
  }

  async getMailRecord(ref: MailRef): Promise<MailRecord | null> {
    const item = await this.get(mailPk(ref.user), mailSk(ref.messageId));
    return item ? toMailRecord(item) : null;
  }

  async listMailRecords(user: string | null): Promise<readonly MailRecord[]> {
    const records: MailRecord[] = [];
    for await (const page of this.pages({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
      ExpressionAttributeValues: { ':pk': S(mailPk(user)), ':prefix': S('MAIL#') },
    })) {
      for (const item of page) records.push(toMailRecord(item));
    }
    return records;
  }

  async recordReading(ref: MailRef, reading: MailReadingUpdate): Promise<void> {
    const values: Item = {
      ':kind': S(reading.kind),
      ':orderIds': { L: reading.orderIds.map(S) },
      ':readAt': S(reading.readAt),
    };
    if (reading.reason !== null) values[':reason'] = S(reading.reason);
    const done = await conditional(() =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(mailPk(ref.user), mailSk(ref.messageId)),
          UpdateExpression: `SET #kind = :kind, #orderIds = :orderIds, #readAt = :readAt ${reading.reason === null ? 'REMOVE #reason' : ', #reason = :reason'}`,
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: {
            '#pk': PK,
            '#kind': 'kind',
            '#orderIds': 'orderIds',
            '#readAt': 'rereadAt',
            '#reason': 'reason',
          },
          ExpressionAttributeValues: values,
        }),
      ),
    );
    if (!done) throw new MailRecordNotFoundError(ref);
  }

  async advanceMail(ref: MailRef, state: MailState): Promise<void> {
    const earlier = MAIL_STATES.slice(0, MAIL_STATES.indexOf(state));
    if (earlier.length === 0) return this.requireMail(ref);
    const values: Item = { ':state': S(state) };
    earlier.forEach((s, i) => {
      values[`:e${i}`] = S(s);
    });
    const moved = await conditional(() =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(mailPk(ref.user), mailSk(ref.messageId)),
          UpdateExpression: 'SET #state = :state',
          ConditionExpression: `attribute_exists(#pk) AND #state IN (${earlier.map((_, i) => `:e${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#pk': PK, '#state': 'state' },
          ExpressionAttributeValues: values,
        }),
      ),
    );
    // Not moved: already at or past `state` (a retry), or no record at all (a caller's bug: say so).
    if (!moved) await this.requireMail(ref);
  }

  async claimReply(ref: MailRef, at: string): Promise<boolean> {
    const claimed = await conditional(() =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(mailPk(ref.user), mailSk(ref.messageId)),
          UpdateExpression: 'SET #reply = :claimed, #claimedAt = :at',
          ConditionExpression: 'attribute_exists(#pk) AND #reply <> :sent',
          ExpressionAttributeNames: { '#pk': PK, '#reply': 'replyState', '#claimedAt': 'replyClaimedAt' },
          ExpressionAttributeValues: { ':claimed': S('claimed'), ':sent': S('sent'), ':at': S(at) },
        }),
      ),
    );
    if (!claimed) await this.requireMail(ref);
    return claimed;
  }

  async completeReply(ref: MailRef, sentAt: string, messageId: string): Promise<void> {
    const done = await conditional(() =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: key(mailPk(ref.user), mailSk(ref.messageId)),
          UpdateExpression: 'SET #reply = :sent, #sentAt = :at, #mid = :mid',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: {
            '#pk': PK,
            '#reply': 'replyState',
            '#sentAt': 'replySentAt',
            '#mid': 'replyMessageId',
          },
          ExpressionAttributeValues: { ':sent': S('sent'), ':at': S(sentAt), ':mid': S(messageId) },
        }),
      ),
    );
    if (!done) throw new MailRecordNotFoundError(ref);
  }

  // ── events ──

  async appendEvent(user: string, orderId: string, event: OrderEvent, meta: EventMeta): Promise<boolean> {
    const item: Item = {
      ...key(userPk(user), `${eventPrefix(orderId)}${eventId(event)}`),
      itemType: S('event'),
      orderId: S(orderId),
      event: S(JSON.stringify(event)),
      recordedAt: S(meta.recordedAt),
    };
    if (meta.messageId !== null) item.messageId = S(meta.messageId);
    return conditional(() =>
      this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#sk)',
          ExpressionAttributeNames: { '#sk': SK },
        }),
      ),
    );
  }

  async eventsOf(user: string, orderId: string): Promise<readonly StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const page of this.pages({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
      ExpressionAttributeValues: { ':pk': S(userPk(user)), ':prefix': S(eventPrefix(orderId)) },
    })) {
      for (const item of page) events.push(toStoredEvent(item));
    }
    // The log's order is the facts' order; the key (a hash) says nothing about time.
    return events.sort(
      (a, b) =>
        Date.parse(a.event.occurredAt) - Date.parse(b.event.occurredAt) ||
        compare(a.meta.recordedAt, b.meta.recordedAt),
    );
  }

  // ── orders ──

  async getOrder(user: string, orderId: string): Promise<StoredOrder | null> {
    const item = await this.get(userPk(user), orderSk(orderId));
    return item ? toStoredOrder(item) : null;
  }

  async putOrder(order: OrderWrite, expectedVersion: number | null): Promise<StoredOrder> {
    const version = (expectedVersion ?? 0) + 1;
    const item: Item = {
      ...key(userPk(order.user), orderSk(order.orderId)),
      itemType: S('order'),
      orderId: S(order.orderId),
      version: N(version),
      status: S(order.status),
      muted: { BOOL: order.muted },
      summary: S(JSON.stringify(order.summary)),
      updatedAt: S(order.updatedAt),
    };
    // Both or neither: an order without a check time is out of the sparse `due` index.
    if (order.nextCheckAt !== null) {
      item[NEXT_CHECK_AT] = S(order.nextCheckAt);
      item[DUE_SHARD] = S(String(dueShardOf(order.user, order.orderId, this.dueShardCount)));
    }
    if (order.expiresAt !== undefined) item[EXPIRES_AT] = N(order.expiresAt);
    const written = await conditional(() =>
      this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: item,
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(#sk)', ExpressionAttributeNames: { '#sk': SK } }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': N(expectedVersion) },
              }),
        }),
      ),
    );
    if (!written) throw new VersionConflictError(order.user, order.orderId, expectedVersion);
    return { ...order, version };
  }

  async listOrders(user: string): Promise<readonly StoredOrder[]> {
    const orders: StoredOrder[] = [];
    // Event items share the `ORDER#` prefix; the filter drops them after the read (a user's partition
    // is small: this reads the user's events once, never anyone else's).
    for await (const page of this.pages({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      FilterExpression: '#type = :order',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK, '#type': 'itemType' },
      ExpressionAttributeValues: { ':pk': S(userPk(user)), ':prefix': S('ORDER#'), ':order': S('order') },
    })) {
      for (const item of page) orders.push(toStoredOrder(item));
    }
    return orders;
  }

  // ── the due index ──

  async queryDue(shard: number, until: string, pageToken: string | null, limit = 100): Promise<DuePage> {
    if (!Number.isInteger(shard) || shard < 0 || shard >= this.dueShardCount) {
      throw new RangeError(`shard must be 0 … ${this.dueShardCount - 1}, got ${shard}`);
    }
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: dueIndexName,
        KeyConditionExpression: '#shard = :shard AND #next <= :until',
        ExpressionAttributeNames: { '#shard': DUE_SHARD, '#next': NEXT_CHECK_AT },
        ExpressionAttributeValues: { ':shard': S(String(shard)), ':until': S(until) },
        Limit: limit,
        ...(pageToken === null ? {} : { ExclusiveStartKey: decodePageToken(pageToken) }),
      }),
    );
    const orders = (out.Items ?? []).map((item) => {
      const k = parseItem(DueKeyItem, item);
      return {
        user: k[PK].slice('USER#'.length),
        orderId: k[SK].slice('ORDER#'.length),
        nextCheckAt: k[NEXT_CHECK_AT],
      };
    });
    return { orders, nextPageToken: out.LastEvaluatedKey ? encodePageToken(out.LastEvaluatedKey) : null };
  }

  // ── alerts ──

  async claimAlert(ref: AlertRef, at: string, takeOverBefore: string): Promise<AlertClaim> {
    const Key = key(userPk(ref.user), alertSk(ref.orderId, ref.alertKey));
    for (let round = 0; round < 2; round += 1) {
      const claimed = await conditional(() =>
        this.client.send(
          new PutItemCommand({
            TableName: this.table,
            Item: {
              ...Key,
              itemType: S('alert'),
              orderId: S(ref.orderId),
              alertKey: S(ref.alertKey),
              state: S('claimed'),
              claimedAt: S(at),
            },
            ConditionExpression: 'attribute_not_exists(#sk) OR (#state = :claimed AND #claimedAt < :before)',
            ExpressionAttributeNames: { '#sk': SK, '#state': 'state', '#claimedAt': 'claimedAt' },
            ExpressionAttributeValues: { ':claimed': S('claimed'), ':before': S(takeOverBefore) },
          }),
        ),
      );
      if (claimed) return { outcome: 'claimed' };
      const item = await this.get(Key[PK]?.S ?? '', Key[SK]?.S ?? '');
      if (!item) continue; // deleted between the two requests (the user left): try once more
      const alert = parseItem(AlertItem, item);
      if (alert.state === 'sent') return { outcome: 'sent', sentAt: alert.sentAt ?? alert.claimedAt };
      return { outcome: 'held', claimedAt: alert.claimedAt };
    }
    return { outcome: 'held', claimedAt: at };
  }

  async completeAlert(ref: AlertRef, sentAt: string, messageId: string): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: key(userPk(ref.user), alertSk(ref.orderId, ref.alertKey)),
        UpdateExpression: 'SET #state = :sent, #sentAt = :at, #mid = :mid',
        ExpressionAttributeNames: { '#state': 'state', '#sentAt': 'sentAt', '#mid': 'messageId' },
        ExpressionAttributeValues: { ':sent': S('sent'), ':at': S(sentAt), ':mid': S(messageId) },
      }),
    );
  }

  // ── plumbing ──

  private async get(pk: string, sk: string): Promise<Item | null> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: key(pk, sk), ConsistentRead: true }),
    );
    return out.Item ?? null;
  }

  private async requireMail(ref: MailRef): Promise<void> {
    if (!(await this.get(mailPk(ref.user), mailSk(ref.messageId)))) throw new MailRecordNotFoundError(ref);
  }

  /** Every page of a query on the table (consistent reads: a step sees the writes of the step before). */
  private async *pages(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  ): AsyncGenerator<Item[]> {
    let start: Item | undefined;
    do {
      const out = await this.client.send(
        new QueryCommand({ ...input, TableName: this.table, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      yield out.Items ?? [];
      start = out.LastEvaluatedKey;
    } while (start);
  }

  private async writeBatch(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 10) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      const out = await this.client.send(
        new BatchWriteItemCommand({ RequestItems: { [this.table]: pending } }),
      );
      pending = out.UnprocessedItems?.[this.table] ?? [];
    }
  }
}
