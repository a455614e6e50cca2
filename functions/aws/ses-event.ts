/**
 * The SES receipt-rule Lambda event (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html),
 * validated with valibot at the trust boundary: only the fields ingest reads, each checked, nothing cast.
 * The raw mail itself is not in the event; the receipt rule's S3 action stored it under the message id.
 */
import * as v from 'valibot';
import { type InboundMail, VERDICT_STATUSES } from '../handlers/inbound';

const Verdict = v.object({ status: v.picklist(VERDICT_STATUSES) });

const SesRecord = v.object({
  eventSource: v.literal('aws:ses'),
  ses: v.object({
    mail: v.object({
      timestamp: v.pipe(v.string(), v.isoTimestamp()),
      // The null reverse-path of a bounce arrives as an empty (or missing) source.
      source: v.optional(v.string(), ''),
      // SES ids are [0-9a-z]; the id becomes an S3 key and a table key, so nothing else gets through.
      messageId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,200}$/, 'not an SES message id')),
      destination: v.optional(v.array(v.string()), []),
      headersTruncated: v.optional(v.boolean(), false),
      headers: v.optional(v.array(v.object({ name: v.string(), value: v.string() })), []),
      commonHeaders: v.optional(v.object({ subject: v.optional(v.string()) }), {}),
    }),
    receipt: v.object({
      recipients: v.array(v.string()),
      spamVerdict: Verdict,
      virusVerdict: Verdict,
      spfVerdict: Verdict,
      dkimVerdict: Verdict,
      dmarcVerdict: Verdict,
    }),
  }),
});

export const SesEvent = v.object({ Records: v.pipe(v.array(SesRecord), v.minLength(1)) });
export type SesEvent = v.InferOutput<typeof SesEvent>;

/** The event is not an SES receipt event of the shape ingest reads. */
export class InvalidSesEventError extends Error {
  override readonly name = 'InvalidSesEventError';
}

/** Validates an SES receipt event and returns its mails (one per record; SES sends one). */
export function parseSesEvent(event: unknown): InboundMail[] {
  const result = v.safeParse(SesEvent, event);
  if (!result.success) {
    throw new InvalidSesEventError(`not an SES receipt event: ${v.summarize(result.issues)}`);
  }
  return result.output.Records.map(({ ses: { mail, receipt } }) => ({
    messageId: mail.messageId,
    receivedAt: new Date(mail.timestamp).toISOString(),
    envelopeSender: mail.source,
    recipients: receipt.recipients.map((r) => r.toLowerCase()),
    verdicts: {
      spam: receipt.spamVerdict.status,
      virus: receipt.virusVerdict.status,
      spf: receipt.spfVerdict.status,
      dkim: receipt.dkimVerdict.status,
      dmarc: receipt.dmarcVerdict.status,
    },
    headers: mail.headers,
    headersTruncated: mail.headersTruncated,
    subject: mail.commonHeaders.subject ?? null,
  }));
}
