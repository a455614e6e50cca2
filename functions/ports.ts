/**
 * The ports of the shell: the handlers (ingest, remind) are functions of these, so the Lambda entries,
 * `orderwatch local` and the tests wire the same logic to different adapters:
 *
 *   | port          | AWS (functions/aws/)      | local mode and tests (functions/local/) |
 *   |---------------|---------------------------|-----------------------------------------|
 *   | RawMailSource | S3MailSource              | FolderMailSource                        |
 *   | Store         | DynamoStore               | DynamoStore on dynalite                 |
 *   | Mailer        | SesMailer (SendRawEmail)  | OutboxMailer (.eml files)               |
 *   | Clock         | systemClock               | ManualClock                             |
 *
 * Everything here is a type or a named error: no I/O, no SDK import.
 */
import type { OrderEvent } from './core/events';
import type { MailKind } from './core/mail';
import type { ClockId, ClockState, OrderStatus, Provenance } from './core/rules';

// ─── Clock ──────────────────────────────────────────────────────────────────────────────────────────────

export interface Clock {
  /** The current instant, ISO 8601 in UTC (`2026-03-01T10:00:00.000Z`). */
  now(): string;
}

// ─── Raw mail ───────────────────────────────────────────────────────────────────────────────────────────

/** Raw mail as SES stored it, addressed by the SES message id. */
export interface RawMailSource {
  /** The stored bytes; throws `RawMailNotFoundError` when there are none. */
  get(messageId: string): Promise<Uint8Array>;
  /** The stored size in bytes, without reading the body (the over-size check); `RawMailNotFoundError` as `get`. */
  size(messageId: string): Promise<number>;
  /** Removes the mail; removing a mail that is not there is not an error. */
  delete(messageId: string): Promise<void>;
}

export class RawMailNotFoundError extends Error {
  override readonly name = 'RawMailNotFoundError';
  constructor(readonly messageId: string) {
    super(`no stored raw mail for message id ${JSON.stringify(messageId)}`);
  }
}

// ─── Mail out ───────────────────────────────────────────────────────────────────────────────────────────

export interface OutgoingAttachment {
  readonly filename: string;
  /** With parameters when they matter: `text/calendar; charset=utf-8; method=PUBLISH`. */
  readonly contentType: string;
  readonly content: string | Uint8Array;
}

/**
 * One mail orderwatch sends: always to one verified user, always marked automatic (RFC 3834), so no
 * mail we send can start a loop with another robot.
 */
export interface OutgoingMail {
  /** Our address, optionally with a display name: `orderwatch <watch@example.org>`. */
  readonly from: string;
  /** The one verified user this mail is for: a bare address (it is also the SES destination). */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments?: readonly OutgoingAttachment[];
  /** `auto-replied` for answers to a user's mail, `auto-generated` for alerts and digests. */
  readonly autoSubmitted: 'auto-replied' | 'auto-generated';
  /** The Message-ID of the user's mail this answers (with angle brackets). */
  readonly inReplyTo?: string;
  /** The thread's Message-IDs, oldest first; usually just `inReplyTo`. */
  readonly references?: readonly string[];
  /** A `mailto:` (or https) URL for `List-Unsubscribe`, e.g. `mailto:watch@example.org?subject=stop`. */
  readonly listUnsubscribe?: string;
  /** The Date header as an ISO instant; default: the composer's now (local mode passes its clock). */
  readonly date?: string;
  /** Our own Message-ID (with angle brackets); SES replaces it, the outbox keeps it. */
  readonly messageId?: string;
}

export interface Mailer {
  /** Sends one mail; the id is the transport's (SES message id, or the outbox file's Message-ID). */
  send(message: OutgoingMail): Promise<{ readonly messageId: string }>;
}

// ─── Store ──────────────────────────────────────────────────────────────────────────────────────────────

/** Which acknowledgements a user wants: for every mail that changed an order, for new orders only, none. */
export type AcksSetting = 'all' | 'new' | 'none';
export const ACKS_SETTINGS = ['all', 'new', 'none'] as const satisfies readonly AcksSetting[];

export type UserStatus = 'active' | 'stopped';
export const USER_STATUSES = ['active', 'stopped'] as const satisfies readonly UserStatus[];

/**
 * A `delete` the user asked for and has not confirmed yet: the random nonce the confirmation token is
 * derived from (core/commands/delete-token.ts) and when it was asked, so a token dies after a day.
 */
export interface PendingDelete {
  /** Base64url, 16–128 characters; never mailed (only the token derived from it is). */
  readonly nonce: string;
  /** ISO instant. */
  readonly requestedAt: string;
}

export interface UserProfile {
  /** Lowercased address; the partition key. */
  readonly email: string;
  readonly timeZone: string;
  readonly acks: AcksSetting;
  readonly status: UserStatus;
  readonly createdAt: string;
  /** Absent: no delete request is waiting for its confirmation. */
  readonly pendingDelete?: PendingDelete;
}

export type UserChanges = Partial<Pick<UserProfile, 'timeZone' | 'acks' | 'status'>> & {
  /** A new request replaces the old one (its token dies); null clears it. */
  readonly pendingDelete?: PendingDelete | null;
};

/** A clock as the status reply and the local page show it; derived, always rebuildable from the log. */
export interface ClockSummary {
  readonly id: ClockId;
  readonly state: ClockState;
  readonly end: string | null;
  readonly provenance: Provenance;
}

export interface NextAlertSummary {
  readonly code: string;
  readonly kind: string;
  readonly sendAt: string;
  readonly deadline: string;
  readonly provenance: Provenance;
}

export interface OrderSummary {
  readonly clocks: readonly ClockSummary[];
  readonly nextAlert: NextAlertSummary | null;
}

/** An order's derived state as written: everything but the version, which the store assigns. */
export interface OrderWrite {
  readonly user: string;
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly muted: boolean;
  /** When the remind run must look at this order again; null takes it out of the `due` index. */
  readonly nextCheckAt: string | null;
  readonly summary: OrderSummary;
  readonly updatedAt: string;
  /** Epoch seconds for TTL (finished orders); absent: kept. */
  readonly expiresAt?: number;
}

export interface StoredOrder extends OrderWrite {
  /** Optimistic lock: 1 on the first write, +1 on each. */
  readonly version: number;
}

/** `putOrder` found a version other than the one the caller read: re-read, re-evaluate, retry. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly user: string,
    readonly orderId: string,
    readonly expectedVersion: number | null,
  ) {
    super(
      `order ${orderId} of ${user} changed meanwhile (expected ${expectedVersion === null ? 'no order' : `version ${expectedVersion}`})`,
    );
  }
}

export interface EventMeta {
  /** The SES message id of the mail (or command mail) the event came from; null for manual events. */
  readonly messageId: string | null;
  readonly recordedAt: string;
}

export interface StoredEvent {
  readonly event: OrderEvent;
  readonly meta: EventMeta;
}

/** Where a mail stands in ingest; each step is a conditional write, so a retry resumes, never repeats. */
export type MailState = 'received' | 'applied' | 'replied' | 'done';
export const MAIL_STATES = ['received', 'applied', 'replied', 'done'] as const satisfies readonly MailState[];

export type TrustVerdict =
  | { readonly verdict: 'trusted' }
  | {
      readonly verdict: 'rejected';
      /** Why, for support: "SPF and DKIM both failed", "sender not on the allowlist", … */
      readonly reason: string;
    };

/** The reply to a mail, claimed before sending; a retry finding `claimed` sends again (crash window). */
export type ReplyState =
  | { readonly state: 'none' }
  | { readonly state: 'claimed'; readonly claimedAt: string }
  | { readonly state: 'sent'; readonly sentAt: string; readonly messageId: string };

export interface MailRecord {
  /** The user the mail maps to, or null (partition `UNKNOWN`) when it maps to no known user. */
  readonly user: string | null;
  /** The SES message id (also the raw mail's key below the prefix). */
  readonly messageId: string;
  readonly receivedAt: string;
  /** What `readMail` said; null when the mail was not read (over size, rejected before reading). */
  readonly kind: MailKind | null;
  readonly reason: string | null;
  readonly orderIds: readonly string[];
  readonly trust: TrustVerdict;
  readonly s3Key: string;
  readonly state: MailState;
  readonly reply: ReplyState;
  readonly expiresAt?: number;
}

/** What a new reading of a stored mail says it is. */
export interface MailReadingUpdate {
  readonly kind: MailKind;
  readonly reason: string | null;
  readonly orderIds: readonly string[];
  readonly readAt: string;
}

export interface MailRef {
  readonly user: string | null;
  readonly messageId: string;
}

/** An item of the `due` index: an order whose check time has come. */
export interface DueOrder {
  readonly user: string;
  readonly orderId: string;
  readonly nextCheckAt: string;
}

export interface DuePage {
  readonly orders: readonly DueOrder[];
  /** Pass back to read the next page of this shard; null: the shard has no more due orders. */
  readonly nextPageToken: string | null;
}

export interface AlertRef {
  readonly user: string;
  readonly orderId: string;
  /** The engine's `Alert.key` (order, kind, deadline, step). */
  readonly alertKey: string;
}

export type AlertClaim =
  /** This caller holds the claim: send, then `completeAlert`. */
  | { readonly outcome: 'claimed' }
  /** Someone sent it already: never again. */
  | { readonly outcome: 'sent'; readonly sentAt: string }
  /** Another run claimed it recently and may be sending right now: leave it to that run (or a later one). */
  | { readonly outcome: 'held'; readonly claimedAt: string };

/**
 * The one table. Every method is a single (conditional) request or a query: no transactions, so the same
 * code runs on DynamoDB, DynamoDB Local and dynalite, and every step is idempotent on retry.
 */
export interface Store extends UserStore, MailRecordStore, OrderStore {}

/** The users' profiles, with their reply allowance, and a user's whole partition on deletion. */
export interface UserStore {
  getUser(email: string): Promise<UserProfile | null>;
  /** Creates the profile unless one exists; true when this call created it. */
  createUser(profile: UserProfile): Promise<boolean>;
  /** Changes an existing profile; returns it changed, or null when there is no profile. */
  updateUser(email: string, changes: UserChanges): Promise<UserProfile | null>;
  /**
   * Counts one reply against the user's daily cap (`day` is YYYY-MM-DD); false when `cap` replies were
   * already counted that day, or there is no profile. With `replyKey` (the mail being answered) it is
   * idempotent: a key already counted that day is allowed again without counting twice (a retry).
   */
  takeReplyAllowance(email: string, day: string, cap: number, replyKey?: string): Promise<boolean>;
  /** Removes every item in the user's partition (profile, orders, events, alerts, mail records). */
  deleteUser(email: string): Promise<number>;
  /** Every user with a profile (a scan: for maintenance such as `orderwatch reprocess`, never per mail). */
  listUsers(): Promise<readonly string[]>;
}

/** What became of each mail received: its record, its state, its reply. */
export interface MailRecordStore {
  /** Records the mail unless a record exists; true when this call created it. */
  createMailRecord(record: MailRecord): Promise<boolean>;
  getMailRecord(ref: MailRef): Promise<MailRecord | null>;
  listMailRecords(user: string | null): Promise<readonly MailRecord[]>;
  /** Replaces what the record says the mail is (a newer reader read it again: `orderwatch reprocess`). */
  recordReading(ref: MailRef, reading: MailReadingUpdate): Promise<void>;
  /** Moves the mail's state forward; never backwards (a late retry cannot undo a later step). */
  advanceMail(ref: MailRef, state: MailState): Promise<void>;
  /** Claims the reply to this mail; false when it was already sent. */
  claimReply(ref: MailRef, at: string): Promise<boolean>;
  completeReply(ref: MailRef, sentAt: string, messageId: string): Promise<void>;
}

/** Orders: their event logs, their state, the `due` index remind reads, and the alerts sent for them. */
export interface OrderStore {
  /** How many shards the `due` index is spread over; remind reads shards `0 … dueShardCount - 1`. */
  readonly dueShardCount: number;

  /** Appends the event to one order's log; false when the same event is already there (a no-op). */
  appendEvent(user: string, orderId: string, event: OrderEvent, meta: EventMeta): Promise<boolean>;
  /** The order's whole log, each event validated on the way out. */
  eventsOf(user: string, orderId: string): Promise<readonly StoredEvent[]>;

  getOrder(user: string, orderId: string): Promise<StoredOrder | null>;
  /**
   * Writes the order if its stored version is still `expectedVersion` (null: no order stored yet);
   * throws `VersionConflictError` otherwise. Returns what was stored, with its new version.
   */
  putOrder(order: OrderWrite, expectedVersion: number | null): Promise<StoredOrder>;
  listOrders(user: string): Promise<readonly StoredOrder[]>;

  /** One page of the orders in `shard` whose `nextCheckAt` ≤ `until`, soonest first. */
  queryDue(shard: number, until: string, pageToken: string | null, limit?: number): Promise<DuePage>;

  /**
   * Claims an alert before sending it. A claim made before `takeOverBefore` is taken as abandoned (the run
   * that made it crashed) and can be claimed again.
   */
  claimAlert(ref: AlertRef, at: string, takeOverBefore: string): Promise<AlertClaim>;
  completeAlert(ref: AlertRef, sentAt: string, messageId: string): Promise<void>;
}
