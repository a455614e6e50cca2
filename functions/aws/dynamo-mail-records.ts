/** The mail records: one per mail received, with its state and its reply's. */
import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import {
  MAIL_STATES,
  type MailReadingUpdate,
  type MailRecord,
  type MailRecordStore,
  type MailRef,
  type MailState,
} from '../ports';
import {
  conditional,
  EXPIRES_AT,
  type Item,
  key,
  MailRecordNotFoundError,
  mailPk,
  mailSk,
  N,
  PK,
  replyAttributes,
  S,
  SK,
  toMailRecord,
} from './dynamo-items';
import { TableRequests } from './dynamo-table';

export class DynamoMailRecords extends TableRequests implements MailRecordStore {
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

  private async requireMail(ref: MailRef): Promise<void> {
    if (!(await this.get(mailPk(ref.user), mailSk(ref.messageId)))) throw new MailRecordNotFoundError(ref);
  }
}
