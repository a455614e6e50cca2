/** The users' items: profiles, the daily reply allowance, and deleting a user's whole partition. */
import { PutItemCommand, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import * as v from 'valibot';
import { isIsoInstant } from '../core/events';
import type { UserChanges, UserProfile, UserStore } from '../ports';
import {
  conditional,
  DELETE_NONCE,
  type Item,
  isConditionFailure,
  KeyItem,
  key,
  N,
  PK,
  PROFILE_SK,
  ProfileItem,
  parseItem,
  S,
  SK,
  userPk,
} from './dynamo-items';
import { TableRequests } from './dynamo-table';

export class DynamoUsers extends TableRequests implements UserStore {
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
}
