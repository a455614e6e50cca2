/**
 * Sending the one reply a mail can cause, exactly once (but for one crash window), to the verified user
 * only, within the user's daily cap:
 *
 *   reply state none ── take allowance ──▶ claim ──▶ send ──▶ complete (sent)
 *
 * The allowance is counted once per mail (keyed by its message id), so a retry neither counts twice nor
 * is refused. A retry that finds the reply `claimed` sends again: the previous run may have crashed
 * between sending and completing (at-least-once in that window only); one that finds it `sent` sends
 * nothing.
 */
import type { RenderedMail } from '../core/render';
import type { MailRecord, MailRef, OutgoingMail } from '../ports';
import type { HandlerDeps, ServiceConfig } from './deps';
import type { Log } from './log';

export type ReplyOutcome = 'sent' | 'already-sent' | 'capped' | 'refused';

export interface ReplyTarget {
  readonly ref: MailRef;
  /** The record as this run found or wrote it: its reply state tells a first try from a retry. */
  readonly record: MailRecord;
  /** The verified user (the record's partition): the only address we ever write to. */
  readonly to: string;
  /** The user's mail's Message-ID, for In-Reply-To/References when the mail answers it. */
  readonly inReplyTo: string | null;
  readonly now: string;
}

/** `orderwatch <watch@example.org>`, the name quoted so no character of it can widen the header. */
export function fromHeader(config: Pick<ServiceConfig, 'address' | 'fromName'>): string {
  const name = config.fromName.replace(/["\\\r\n]/g, '').trim();
  return name === '' ? config.address : `"${name}" <${config.address}>`;
}

/** The rendered content as a mail to one user, with every header our replies must carry. */
export function outgoingMail(
  config: Pick<ServiceConfig, 'address' | 'fromName'>,
  to: string,
  rendered: RenderedMail,
  inReplyTo: string | null,
  now: string,
): OutgoingMail {
  const threaded = rendered.inReplyToUser && inReplyTo !== null;
  return {
    from: fromHeader(config),
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments: rendered.attachments,
    autoSubmitted: rendered.autoSubmitted,
    ...(threaded ? { inReplyTo, references: [inReplyTo] } : {}),
    ...(rendered.listUnsubscribe ? { listUnsubscribe: `mailto:${config.address}?subject=stop` } : {}),
    date: now,
  };
}

/** Sends `rendered` as the reply to the mail of `target`, unless it went out already or the cap is reached. */
export async function sendReply(
  deps: HandlerDeps,
  target: ReplyTarget,
  rendered: RenderedMail,
  log: Log,
): Promise<ReplyOutcome> {
  const { store, mailer, config } = deps;
  const { ref, record, to, now } = target;
  const fields = { messageId: ref.messageId, purpose: rendered.purpose };
  // The verified user is the record's partition; anything else is a bug, never a reason to send.
  if (to !== ref.user || to === config.address) {
    log.error('reply refused: not to the verified user', fields);
    return 'refused';
  }
  if (record.reply.state === 'sent') return 'already-sent';
  // Keyed by the mail: a retry is allowed again without being counted twice.
  if (!(await store.takeReplyAllowance(to, now.slice(0, 10), config.dailyReplyCap, ref.messageId))) {
    log.warn('reply not sent: daily reply cap reached', { ...fields, cap: config.dailyReplyCap });
    return 'capped';
  }
  if (!(await store.claimReply(ref, now))) return 'already-sent';
  const sent = await mailer.send(outgoingMail(config, to, rendered, target.inReplyTo, now));
  await store.completeReply(ref, now, sent.messageId);
  log.info('reply sent', { ...fields, replyMessageId: sent.messageId });
  return 'sent';
}
