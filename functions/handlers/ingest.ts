/**
 * Mail in (issue 7): one received mail is read, judged, recorded, applied to the user's orders and
 * answered. A function of its ports (`HandlerDeps`): the Lambda entry, `orderwatch local` and the tests
 * wire the same code to different adapters.
 *
 *   size check → read → trust → mail record (put-if-absent) → profile → events → refresh orders
 *     → state `applied` → reply (allowance, claim, send, complete) → state `done`
 *
 * Every step is a single conditional write or a no-op when repeated, so a redelivery or a retry after a
 * crash at any point ends in the state of one clean run: one record, one event set, one reply (sent
 * twice only if the run crashed between sending and recording it). What the reply says is derived from
 * the stored log, not from what this run happened to append, so a retry decides the same.
 *
 * An internal failure (the reader's `failed`, a store error) is logged with the message id and thrown:
 * Lambda retries, then hands the event to the failure destination. The user is never told about it.
 */
import { type MailReading, readMail } from '../core/mail';
import type { MailRecord, MailRef, TrustVerdict, UserProfile } from '../ports';
import { applyMail } from './apply-mail';
import { receiverDkimPasses } from './authentication-results';
import { handleCommand } from './commands';
import type { HandlerDeps } from './deps';
import { type InboundMail, messageIdOf } from './inbound';
import { errorFields, type Log, silentLog } from './log';
import { outgoingMail, type ReplyOutcome, sendReply } from './reply';
import { type Assessment, assess, automaticReason } from './trust';

export type MailReader = (raw: Uint8Array) => Promise<MailReading>;

export interface IngestOptions {
  /** The mail reader; `readMail` unless swapped (tests, and `reprocess` with a newer reader). */
  readonly read?: MailReader;
  readonly log?: Log;
}

export interface IngestOutcome {
  readonly messageId: string;
  readonly user: string | null;
  readonly kind: MailRecord['kind'];
  readonly trust: TrustVerdict;
  /** Ingest had finished this mail before (a redelivery): nothing was done again. */
  readonly duplicate: boolean;
  readonly reply: ReplyOutcome | 'none';
}

/** The reader failed on this mail (a bug in orderwatch, not a verdict on the mail): retried, never told. */
export class MailReadFailedError extends Error {
  override readonly name = 'MailReadFailedError';
  constructor(
    readonly messageId: string,
    options: ErrorOptions,
  ) {
    super(`reading mail ${messageId} failed`, options);
  }
}

/** Epoch seconds for the record's TTL, from the deterministic arrival time (same on every retry). */
function expiresAt(receivedAt: string, days: number | undefined): number | undefined {
  return days === undefined ? undefined : Math.floor(Date.parse(receivedAt) / 1000) + days * 86_400;
}

export async function ingestMail(
  deps: HandlerDeps,
  mail: InboundMail,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const log = options.log ?? silentLog;
  const read = options.read ?? ((raw: Uint8Array) => readMail(raw));
  const { config, store, mailSource } = deps;
  const { messageId } = mail;

  let reading: MailReading | null = null;
  let tooLarge: string | null = null;
  // Unread (too large), a mail has no verified signature: only SPF can then vouch for its sender.
  let dkimPasses: readonly string[] = mail.dkimPassDomains ?? [];
  const size = await mailSource.size(messageId);
  if (size > config.maxMailBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    tooLarge = `The mail is too large to read (${mb(size)} MB; orderwatch reads mails up to ${mb(config.maxMailBytes)} MB). Forward the AliExpress mail on its own, without attachments.`;
  } else {
    const raw = await mailSource.get(messageId);
    dkimPasses = mail.dkimPassDomains ?? receiverDkimPasses(raw);
    reading = await read(raw);
    if (reading.kind === 'failed') {
      log.error('mail reader failed', { messageId, ...errorFields(reading.error, false) });
      throw new MailReadFailedError(messageId, { cause: reading.error });
    }
  }

  const assessment = assess(mail, reading, config, dkimPasses);
  const ref: MailRef = { user: assessment.user, messageId };
  const base = { messageId, user: assessment.user, kind: reading?.kind ?? null, trust: assessment.trust };

  let record = await store.getMailRecord(ref);
  if (record?.state === 'done') {
    log.info('mail already ingested', { messageId });
    return { ...base, duplicate: true, reply: 'none' };
  }
  if (record === null) {
    const trusted = assessment.trust.verdict === 'trusted';
    const retention = expiresAt(mail.receivedAt, config.retentionDays);
    record = {
      user: assessment.user,
      messageId,
      receivedAt: mail.receivedAt,
      kind: reading?.kind ?? null,
      reason: tooLarge ?? reading?.reason ?? null,
      orderIds: reading?.orderIds ?? [],
      trust: assessment.trust,
      s3Key: messageId,
      // A rejected mail is finished once recorded: it changes nothing and is never answered.
      state: trusted ? 'received' : 'done',
      reply: { state: 'none' },
      ...(retention === undefined ? {} : { expiresAt: retention }),
    };
    if (!(await store.createMailRecord(record))) {
      // Another delivery of the same mail wrote it a moment ago: carry on from what it wrote.
      record = (await store.getMailRecord(ref)) ?? record;
    }
  }
  if (assessment.trust.verdict === 'rejected' || assessment.user === null) {
    const reason = assessment.trust.verdict === 'rejected' ? assessment.trust.reason : 'no known user';
    log.warn('mail rejected', { messageId, reason, route: assessment.route });
    return { ...base, duplicate: false, reply: 'none' };
  }

  const user = assessment.user;
  const profile = await ensureProfile(deps, user, assessment.route);
  const reply = await act(deps, { mail, reading, tooLarge, assessment, user, profile, ref, record }, log);
  if (reply.kind === 'deleted') return { ...base, duplicate: false, reply: reply.outcome };
  await store.advanceMail(ref, 'done');
  log.info('mail ingested', { messageId, kind: base.kind, route: assessment.route, reply: reply.outcome });
  return { ...base, duplicate: false, reply: reply.outcome };
}

/**
 * The profile, created on the user's first trusted mail with the deployment's zone. Acknowledgements
 * start at `all` for a user who forwards by hand (a new user wants to see that orderwatch understood)
 * and at `new` for one whose first mail came through a Gmail filter, which forwards every AliExpress
 * mail: one "now watching" per order, not a mail per parcel scan. Either can be changed with `acks`.
 */
async function ensureProfile(
  deps: HandlerDeps,
  user: string,
  route: Assessment['route'],
): Promise<UserProfile> {
  const existing = await deps.store.getUser(user);
  if (existing) return existing;
  const profile: UserProfile = {
    email: user,
    timeZone: deps.config.defaultTimeZone,
    acks: route === 'auto' ? 'new' : 'all',
    status: 'active',
    createdAt: deps.clock.now(),
  };
  await deps.store.createUser(profile);
  return (await deps.store.getUser(user)) ?? profile;
}

/** A trusted mail of a known user, with everything ingest learnt about it so far. */
export interface Trusted {
  readonly mail: InboundMail;
  readonly reading: MailReading | null;
  readonly tooLarge: string | null;
  readonly assessment: Assessment;
  readonly user: string;
  readonly profile: UserProfile;
  readonly ref: MailRef;
  readonly record: MailRecord;
}

type Acted = { kind: 'kept'; outcome: ReplyOutcome | 'none' } | { kind: 'deleted'; outcome: ReplyOutcome };

/** Applies a trusted mail and sends its reply, if it has one. */
async function act(deps: HandlerDeps, t: Trusted, log: Log): Promise<Acted> {
  const now = deps.clock.now();
  const inReplyTo = messageIdOf(t.mail);
  const automatic = automaticReason(t.mail);
  const target = { ref: t.ref, record: t.record, to: t.user, inReplyTo, now };

  if (t.reading?.kind === 'command' && t.assessment.route === 'hand' && automatic === null) {
    const rendered = await handleCommand(deps, {
      user: t.user,
      profile: t.profile,
      messageId: t.ref.messageId,
      mailMessageId: inReplyTo,
      line: t.reading.command ?? '',
      // The mail's arrival, not the clock: an undated fact ("dispute 0979") happens at `now`, and only an
      // instant that is the same on every delivery lets a retried command dedupe to one event.
      now: t.mail.receivedAt,
    });
    const record = await deps.store.getMailRecord(t.ref);
    if (record === null) {
      // `delete` erased the user's partition, this record and the reply allowance included: the notice
      // goes out directly (to the same verified user, with the same headers), as nothing is left to
      // record it in.
      if (rendered === null || t.user === deps.config.address) return { kind: 'deleted', outcome: 'refused' };
      await deps.mailer.send(outgoingMail(deps.config, t.user, rendered, inReplyTo, now));
      log.info('reply sent after delete', { messageId: t.ref.messageId, purpose: rendered.purpose });
      return { kind: 'deleted', outcome: 'sent' };
    }
    await deps.store.advanceMail(t.ref, 'applied');
    if (rendered === null) return { kind: 'kept', outcome: 'none' };
    return { kind: 'kept', outcome: await sendReply(deps, { ...target, record }, rendered, log) };
  }

  const rendered = await applyMail(deps, t, now, automatic);
  await deps.store.advanceMail(t.ref, 'applied');
  if (rendered === null) return { kind: 'kept', outcome: 'none' };
  return { kind: 'kept', outcome: await sendReply(deps, target, rendered, log) };
}
