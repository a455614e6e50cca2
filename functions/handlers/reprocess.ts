/**
 * `orderwatch reprocess`: read stored mail again with today's reader, so a reader update (a new language,
 * a new wording) fixes yesterday's mail. Only trusted mail of known users is read again (a rejected
 * mail stays rejected: its verdicts were SES's at arrival), and only what the raw mail still holds (raw
 * mail expires with the bucket's lifecycle).
 *
 * Idempotent: events go through the same log as ingest (a duplicate is a no-op) and the record is
 * updated to the new reading, so running it twice changes nothing the second time. It sends no mail:
 * the user was answered when the mail arrived, and a batch re-read must not surprise anyone's inbox.
 * Commands and forwarding confirmations are never read again (a repeated `delete` or relay is wrong).
 */
import { readMail } from '../core/mail';
import { type MailRecord, RawMailNotFoundError } from '../ports';
import type { HandlerDeps } from './deps';
import type { MailReader } from './ingest';
import { applyEvents } from './orders';

export interface ReprocessOptions {
  /** Only mail received at or after this instant (ISO). */
  readonly since?: string;
  /** Only this user's mail. */
  readonly user?: string;
  /** Every trusted mail, not just the unrecognized. */
  readonly all?: boolean;
  readonly read?: MailReader;
  /** Called after each mail, for progress output on long runs. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReprocessSummary {
  /** Mail records that matched the selection. */
  readonly examined: number;
  /** Mails whose new reading differs from the stored one. */
  readonly changed: number;
  /** Of those, mails that now gave events. */
  readonly nowRead: number;
  /** Events new to the log. */
  readonly eventsAdded: number;
  /** Raw mail no longer stored (expired or deleted). */
  readonly missingRaw: number;
  /** Reader failures (bugs), by message id; the rest went on. */
  readonly failed: readonly string[];
}

export type ReprocessDeps = Pick<HandlerDeps, 'store' | 'mailSource' | 'clock'> & {
  readonly config: Pick<HandlerDeps['config'], 'policy' | 'defaultTimeZone'>;
};

const NEVER_AGAIN = new Set<MailRecord['kind']>(['command', 'forwarding-confirmation']);

function selected(record: MailRecord, options: ReprocessOptions): boolean {
  if (record.trust.verdict !== 'trusted' || record.user === null) return false;
  if (NEVER_AGAIN.has(record.kind)) return false;
  if (options.since !== undefined && Date.parse(record.receivedAt) < Date.parse(options.since)) return false;
  return options.all === true || record.kind === 'unrecognized';
}

export async function reprocess(
  deps: ReprocessDeps,
  options: ReprocessOptions = {},
): Promise<ReprocessSummary> {
  const { store, mailSource, clock } = deps;
  const read = options.read ?? ((raw: Uint8Array) => readMail(raw));
  const users = options.user === undefined ? await store.listUsers() : [options.user.toLowerCase()];
  const records: MailRecord[] = [];
  for (const user of users) {
    for (const record of await store.listMailRecords(user))
      if (selected(record, options)) records.push(record);
  }
  records.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));

  let changed = 0;
  let nowRead = 0;
  let eventsAdded = 0;
  let missingRaw = 0;
  const failed: string[] = [];
  for (const [index, record] of records.entries()) {
    const user = record.user ?? '';
    const ref = { user: record.user, messageId: record.messageId };
    let raw: Uint8Array | null = null;
    try {
      raw = await mailSource.get(record.messageId);
    } catch (error) {
      if (!(error instanceof RawMailNotFoundError)) throw error;
      missingRaw += 1;
    }
    const reading = raw === null ? null : await read(raw);
    if (reading?.kind === 'failed') failed.push(record.messageId);
    // The same mail must still map to the same user (a reader change must not move mail between users).
    if (reading !== null && reading.kind !== 'failed' && reading.user === user) {
      const now = clock.now();
      if (reading.kind === 'aliexpress') {
        const profile = await store.getUser(user);
        const applied = await applyEvents(
          store,
          user,
          reading.events,
          { messageId: record.messageId, recordedAt: now },
          { now, timeZone: profile?.timeZone ?? deps.config.defaultTimeZone, policy: deps.config.policy },
        );
        eventsAdded += reading.events.reduce((n, e) => n + e.orderIds.length, 0) - applied.duplicates;
      }
      const differs =
        reading.kind !== record.kind ||
        reading.reason !== record.reason ||
        reading.orderIds.join() !== record.orderIds.join();
      if (differs) {
        changed += 1;
        if (reading.kind === 'aliexpress') nowRead += 1;
        await store.recordReading(ref, {
          kind: reading.kind,
          reason: reading.reason,
          orderIds: reading.orderIds,
          readAt: now,
        });
      }
    }
    options.onProgress?.(index + 1, records.length);
  }
  return { examined: records.length, changed, nowRead, eventsAdded, missingRaw, failed };
}
