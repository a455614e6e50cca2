/**
 * The items of the one table as `DynamoStore` writes and reads them: keys, attribute helpers, the
 * schemas what comes back is checked against, and the conversions between items and domain values.
 * Split from the store so the store reads as the list of its operations.
 */
import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import * as v from 'valibot';
import { isIsoInstant, type OrderEvent, parseOrderEvent } from '../core/events';
import type { MailKind } from '../core/mail';
import { CLOCK_IDS, ORDER_STATUSES } from '../core/rules';
import {
  ACKS_SETTINGS,
  MAIL_STATES,
  type MailRecord,
  type MailRef,
  type OrderSummary,
  type ReplyState,
  type StoredEvent,
  type StoredOrder,
  type TrustVerdict,
  USER_STATUSES,
  type UserProfile,
} from '../ports';
import { TABLE_KEYS } from '../shared/table-keys';

export const {
  partitionKey: PK,
  sortKey: SK,
  dueIndexName,
  dueShard: DUE_SHARD,
  nextCheckAt: NEXT_CHECK_AT,
} = TABLE_KEYS;
export const EXPIRES_AT = TABLE_KEYS.expiresAt;

/** Spreads the `due` index over this many partitions unless told otherwise. */
export const DEFAULT_DUE_SHARDS = 8;

export const MAIL_KINDS = [
  'aliexpress',
  'forwarding-confirmation',
  'command',
  'ignored',
  'unrecognized',
] as const satisfies readonly MailKind[];

/** Which `due` shard an order lives in: a hash of its key, so orders spread evenly and never move. */
export function dueShardOf(user: string, orderId: string, shards: number): number {
  const digest = createHash('sha256')
    .update(`${userPk(user)}\u0000${orderSk(orderId)}`)
    .digest();
  return digest.readUInt32BE(0) % shards;
}

/** An item read back from the table does not have the shape this code writes. */
export class CorruptItemError extends Error {
  override readonly name = 'CorruptItemError';
  constructor(
    readonly pk: string,
    readonly sk: string,
    problem: string,
  ) {
    super(`table item ${pk} / ${sk} is not valid: ${problem}`);
  }
}

/** A mail record the caller expected is not there. */
export class MailRecordNotFoundError extends Error {
  override readonly name = 'MailRecordNotFoundError';
  constructor(readonly ref: MailRef) {
    super(`no mail record for message ${ref.messageId} (${ref.user ?? 'unknown user'})`);
  }
}

/** A `queryDue` page token that this store did not hand out. */
export class InvalidPageTokenError extends Error {
  override readonly name = 'InvalidPageTokenError';
}

// ─── keys ───────────────────────────────────────────────────────────────────────────────────────────────

export const UNKNOWN_PK = 'UNKNOWN';
export const PROFILE_SK = 'PROFILE';
export const userPk = (email: string) => `USER#${email}`;
export const mailPk = (user: string | null) => (user === null ? UNKNOWN_PK : userPk(user));
export const orderSk = (orderId: string) => `ORDER#${orderId}`;
export const eventPrefix = (orderId: string) => `ORDER#${orderId}#EV#`;
export const alertSk = (orderId: string, alertKey: string) => `ALERT#${orderId}#${alertKey}`;
export const mailSk = (messageId: string) => `MAIL#${messageId}`;

export type Item = Record<string, AttributeValue>;

export const S = (value: string): AttributeValue => ({ S: value });
export const N = (value: number): AttributeValue => ({ N: String(value) });
export const key = (pk: string, sk: string): Item => ({ [PK]: S(pk), [SK]: S(sk) });

/** Attribute values as plain values (strings, numbers, booleans, lists, maps), for validation. */
export function plain(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(plain);
  if (value.M !== undefined) return plainItem(value.M);
  if (value.SS !== undefined) return [...value.SS];
  return undefined;
}

export function plainItem(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) out[name] = plain(value);
  return out;
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Runs a conditional write; false when its condition did not hold. */
export async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

// ─── item schemas (what we accept back from the table) ──────────────────────────────────────────────────

export const KeyItem = v.object({ [PK]: v.string(), [SK]: v.string() });

/** The nonce of a pending delete: random base64url (see `PendingDelete`). */
export const DELETE_NONCE = /^[A-Za-z0-9_-]{16,128}$/;

export const ProfileItem = v.pipe(
  v.object({
    email: v.string(),
    timeZone: v.string(),
    acks: v.picklist(ACKS_SETTINGS),
    status: v.picklist(USER_STATUSES),
    createdAt: v.string(),
    deleteNonce: v.optional(v.pipe(v.string(), v.regex(DELETE_NONCE, 'must be a delete nonce'))),
    deleteRequestedAt: v.optional(v.pipe(v.string(), v.check(isIsoInstant, 'must be an ISO instant'))),
  }),
  // Both or neither: a nonce without its time could never expire, a time without a nonce means nothing.
  v.check(
    (p) => (p.deleteNonce === undefined) === (p.deleteRequestedAt === undefined),
    'deleteNonce and deleteRequestedAt come together',
  ),
  v.transform(
    ({ deleteNonce, deleteRequestedAt, ...profile }): UserProfile =>
      deleteNonce !== undefined && deleteRequestedAt !== undefined
        ? { ...profile, pendingDelete: { nonce: deleteNonce, requestedAt: deleteRequestedAt } }
        : profile,
  ),
);

export const SummaryJson = v.object({
  clocks: v.array(
    v.object({
      id: v.picklist(CLOCK_IDS),
      state: v.picklist(['running', 'paused', 'stopped']),
      end: v.nullable(v.string()),
      provenance: v.picklist(['stated', 'estimated']),
    }),
  ),
  nextAlert: v.nullable(
    v.object({
      code: v.string(),
      kind: v.string(),
      sendAt: v.string(),
      deadline: v.string(),
      provenance: v.picklist(['stated', 'estimated']),
    }),
  ),
});

export const OrderItem = v.object({
  orderId: v.string(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  status: v.picklist(ORDER_STATUSES),
  muted: v.boolean(),
  [NEXT_CHECK_AT]: v.optional(v.string()),
  summary: v.string(),
  updatedAt: v.string(),
  [EXPIRES_AT]: v.optional(v.number()),
});

export const EventItem = v.object({
  event: v.string(),
  recordedAt: v.string(),
  messageId: v.optional(v.string()),
});

export const MailItem = v.object({
  user: v.optional(v.string()),
  messageId: v.string(),
  receivedAt: v.string(),
  kind: v.optional(v.picklist(MAIL_KINDS)),
  reason: v.optional(v.string()),
  orderIds: v.array(v.string()),
  trust: v.picklist(['trusted', 'rejected']),
  trustReason: v.optional(v.string()),
  s3Key: v.string(),
  state: v.picklist(MAIL_STATES),
  replyState: v.picklist(['none', 'claimed', 'sent']),
  replyClaimedAt: v.optional(v.string()),
  replySentAt: v.optional(v.string()),
  replyMessageId: v.optional(v.string()),
  [EXPIRES_AT]: v.optional(v.number()),
});

export const AlertItem = v.object({
  state: v.picklist(['claimed', 'sent']),
  claimedAt: v.string(),
  sentAt: v.optional(v.string()),
});

export const DueKeyItem = v.object({
  [PK]: v.pipe(v.string(), v.startsWith('USER#')),
  [SK]: v.pipe(v.string(), v.startsWith('ORDER#')),
  [NEXT_CHECK_AT]: v.string(),
});

export const PageToken = v.record(v.string(), v.object({ S: v.string() }));

export function parseItem<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  item: Item,
): v.InferOutput<TSchema> {
  const value = plainItem(item);
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw new CorruptItemError(String(value[PK]), String(value[SK]), v.summarize(result.issues));
  }
  return result.output;
}

// ─── item → domain ──────────────────────────────────────────────────────────────────────────────────────

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function replyAttributes(reply: ReplyState): Item {
  switch (reply.state) {
    case 'none':
      return { replyState: S('none') };
    case 'claimed':
      return { replyState: S('claimed'), replyClaimedAt: S(reply.claimedAt) };
    case 'sent':
      return { replyState: S('sent'), replySentAt: S(reply.sentAt), replyMessageId: S(reply.messageId) };
  }
}

export function keyOf(item: Item): { pk: string; sk: string } {
  return { pk: item[PK]?.S ?? '?', sk: item[SK]?.S ?? '?' };
}

export function toMailRecord(item: Item): MailRecord {
  const m = parseItem(MailItem, item);
  const { pk, sk } = keyOf(item);
  let trust: TrustVerdict;
  if (m.trust === 'trusted') trust = { verdict: 'trusted' };
  else trust = { verdict: 'rejected', reason: m.trustReason ?? '' };
  let reply: ReplyState;
  if (m.replyState === 'none') reply = { state: 'none' };
  else if (m.replyState === 'claimed') {
    if (m.replyClaimedAt === undefined)
      throw new CorruptItemError(pk, sk, 'a claimed reply without claimedAt');
    reply = { state: 'claimed', claimedAt: m.replyClaimedAt };
  } else {
    if (m.replySentAt === undefined || m.replyMessageId === undefined) {
      throw new CorruptItemError(pk, sk, 'a sent reply without sentAt or messageId');
    }
    reply = { state: 'sent', sentAt: m.replySentAt, messageId: m.replyMessageId };
  }
  return {
    user: m.user ?? null,
    messageId: m.messageId,
    receivedAt: m.receivedAt,
    kind: m.kind ?? null,
    reason: m.reason ?? null,
    orderIds: m.orderIds,
    trust,
    s3Key: m.s3Key,
    state: m.state,
    reply,
    ...(m[EXPIRES_AT] === undefined ? {} : { expiresAt: m[EXPIRES_AT] }),
  };
}

export function toStoredEvent(item: Item): StoredEvent {
  const e = parseItem(EventItem, item);
  const { pk, sk } = keyOf(item);
  let event: OrderEvent;
  try {
    event = parseOrderEvent(JSON.parse(e.event));
  } catch (error) {
    throw new CorruptItemError(pk, sk, error instanceof Error ? error.message : String(error));
  }
  return { event, meta: { messageId: e.messageId ?? null, recordedAt: e.recordedAt } };
}

export function toStoredOrder(item: Item): StoredOrder {
  const o = parseItem(OrderItem, item);
  const { pk, sk } = keyOf(item);
  let summary: OrderSummary;
  try {
    const parsed = v.safeParse(SummaryJson, JSON.parse(o.summary));
    if (!parsed.success) throw new Error(v.summarize(parsed.issues));
    summary = parsed.output;
  } catch (error) {
    throw new CorruptItemError(pk, sk, `summary: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    user: pk.slice('USER#'.length),
    orderId: o.orderId,
    version: o.version,
    status: o.status,
    muted: o.muted,
    nextCheckAt: o[NEXT_CHECK_AT] ?? null,
    summary,
    updatedAt: o.updatedAt,
    ...(o[EXPIRES_AT] === undefined ? {} : { expiresAt: o[EXPIRES_AT] }),
  };
}

export function encodePageToken(lastKey: Item): string {
  return Buffer.from(JSON.stringify(lastKey)).toString('base64url');
}

export function decodePageToken(token: string): Item {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPageTokenError('the page token is not one queryDue handed out');
  }
  const parsed = v.safeParse(PageToken, value);
  if (!parsed.success) throw new InvalidPageTokenError('the page token is not one queryDue handed out');
  return parsed.output;
}
