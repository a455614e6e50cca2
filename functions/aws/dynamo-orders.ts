/** Orders and what hangs off them: event logs, the order items, the sparse `due` index, alert claims. */
import {
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { OrderEvent } from '../core/events';
import { eventId } from '../core/rules';
import {
  type AlertClaim,
  type AlertRef,
  type DuePage,
  type EventMeta,
  type OrderStore,
  type OrderWrite,
  type StoredEvent,
  type StoredOrder,
  VersionConflictError,
} from '../ports';
import {
  AlertItem,
  alertSk,
  compare,
  conditional,
  DUE_SHARD,
  DueKeyItem,
  decodePageToken,
  dueIndexName,
  dueShardOf,
  EXPIRES_AT,
  encodePageToken,
  eventPrefix,
  type Item,
  key,
  N,
  NEXT_CHECK_AT,
  orderSk,
  PK,
  parseItem,
  S,
  SK,
  toStoredEvent,
  toStoredOrder,
  userPk,
} from './dynamo-items';
import { TableRequests } from './dynamo-table';

export class DynamoOrders extends TableRequests implements OrderStore {
  constructor(
    client: DynamoDBClient,
    table: string,
    readonly dueShardCount: number,
  ) {
    super(client, table);
  }

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
}
